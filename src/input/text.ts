/** Plain-text articles: a headline line and a dateline at the top are read as metadata; the text stays whole. */
import { parsePublicationDate } from './dates.ts';

/** Title and date found at the top of a text. */
export interface TextHeader {
  title?: string;
  /** ISO date (or date-time) of the dateline. */
  date?: string;
}

/** The longest line (characters and words) that still reads as a headline. */
const MAX_TITLE_CHARS = 160;
const MAX_TITLE_WORDS = 24;

/** Whether a line reads as a headline: short, starts with a capital or digit, no final full stop. */
export function looksLikeTitle(line: string): boolean {
  const s = line.trim();
  if (s.length === 0 || s.length > MAX_TITLE_CHARS) return false;
  if (s.split(/\s+/).length > MAX_TITLE_WORDS) return false;
  if (!/^["'“‘(]?[\p{Lu}\p{N}]/u.test(s)) return false;
  // A byline or a dateline that runs into the next line is not a headline.
  if (/^(?:By|BY)\s+\p{Lu}/u.test(s) || /[-–—]$/.test(s)) return false;
  // A sentence ends with a full stop (possibly inside closing quotes); a headline does not. An
  // abbreviation ("U.S.", "Inc.") at the end is the exception that keeps it a headline.
  if (/[.:;,]["'”’)]*$/.test(s) && !/\b(?:\p{Lu}\.){2,}$|\b(?:Inc|Ltd|Co|Corp|Jr|Sr)\.$/u.test(s)) return false;
  return /\p{L}/u.test(s);
}

/** The place of a wire-service dateline: "OSLO, ", "RIO DE JANEIRO (Reuters), ". */
const WIRE_PLACE = /^\p{Lu}[\p{Lu}\p{M} .'’-]*\p{Lu}\.?(?:\s*\([^)]*\))?,\s*/u;

/** A dateline: its date, and whether article text follows on the same line. */
interface Dateline {
  date: string;
  runsOn: boolean;
}

/**
 * The date a line starts with: the whole line ("Friday, August 21, 2015"), or its first words when
 * the text runs on after the date on the same line ("Thursday, May 7, 2015 On Tuesday, ...",
 * "OSLO, March 2, 2026 - Norway and Chile ...").
 */
function readDateline(line: string): Dateline | undefined {
  // A wire-service dateline names the place first, in capitals.
  const s = line.trim().replace(WIRE_PLACE, '');
  const whole = parsePublicationDate(s);
  if (whole) return { date: whole, runsOn: false };
  const words = s.split(/\s+/);
  for (let n = Math.min(5, words.length - 1); n >= 1; n--) {
    const date = parsePublicationDate(words.slice(0, n).join(' '));
    if (date) return { date, runsOn: words.slice(n).join(' ').replace(/^[-–—:]+/, '').trim() !== '' };
  }
  return undefined;
}

/** The ISO date a dateline starts with, or undefined. */
export function leadingDate(line: string): string | undefined {
  return readDateline(line)?.date;
}

/**
 * Finds a headline on the first non-empty line and a dateline right after it ("Friday, August 21,
 * 2015", "2015-08-21", "OSLO, March 2, 2026 -", possibly followed by the first sentence); either may
 * be missing. A lone first line with no text after it is the article, not a headline. Nothing is
 * removed from the text: offsets keep indexing it.
 */
export function readTextHeader(text: string): TextHeader {
  const lines = text.split(/\r\n|\r|\n/);
  let i = 0;
  const next = () => { while (i < lines.length && lines[i]!.trim() === '') i++; return i < lines.length ? lines[i]!.trim() : undefined; };
  /** Whether article text follows line i (on the same line after a dateline, or below). */
  const textAfter = (dateline?: Dateline) => { i++; return dateline?.runsOn === true || next() !== undefined; };
  const first = next();
  if (first === undefined) return {};
  const firstDate = readDateline(first);
  if (firstDate) return textAfter(firstDate) ? { date: firstDate.date } : {};
  if (!looksLikeTitle(first) || !textAfter()) return {};
  const second = readDateline(lines[i]!);
  if (second === undefined) return { title: first };
  return textAfter(second) ? { title: first, date: second.date } : {};
}
