/**
 * Time: years, full dates and relative expressions ("yesterday", "on Thursday", "last month") near
 * an event trigger, resolved against the article's date when it is known.
 */
import type { Token } from './segment.ts';

/** A time found in the text: an ISO value (year, year-month or date) when it can be resolved. */
export interface TimeExpression {
  value?: string;
  text: string;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_ABBR = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const NOT_POINT = new Set(['since', 'until', 'till', 'before', 'after', 'by', 'from', 'to', 'through', 'between']);

/** A four-digit year between 1800 and 2199, or undefined. */
export function parseYear(s: string): number | undefined {
  if (!/^(1[89]|2[01])\d\d$/.test(s)) return undefined;
  return Number(s);
}

/** Month number (1-12) of a month name or abbreviation. */
export function monthOf(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  const i = MONTHS.indexOf(w);
  if (i >= 0) return i + 1;
  const j = MONTH_ABBR.indexOf(w === 'sept' ? 'sep' : w);
  return j >= 0 ? j + 1 : undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Adds days to an ISO date. */
function addDays(iso: string, days: number): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Resolves a relative expression against the article date (ISO): "yesterday", "today", "last week",
 * "this year", "earlier this year", "last month", "on Thursday" (the last such day on or before the
 * article date). Returns undefined when the expression is not relative or no date is known.
 */
export function resolveRelative(phrase: string, articleDate?: string): TimeExpression | undefined {
  const p = phrase.toLowerCase().replace(/\s+/g, ' ').trim();
  const known = /^(yesterday|today|tomorrow|this week|last week|next week|this month|last month|next month|this year|last year|next year|earlier this (?:year|month|week)|later this (?:year|month|week)|(?:on |last )?(?:sunday|monday|tuesday|wednesday|thursday|friday|saturday)(?: (?:morning|afternoon|evening|night))?)$/.test(p);
  if (!known) return undefined;
  if (!articleDate || !/^\d{4}-\d{2}-\d{2}/.test(articleDate)) return { text: phrase };
  const date = articleDate.slice(0, 10);
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  if (p === 'yesterday') return { value: addDays(date, -1), text: phrase };
  if (p === 'today') return { value: date, text: phrase };
  if (p === 'tomorrow') return { value: addDays(date, 1), text: phrase };
  if (/^(this|earlier this|later this) year$/.test(p)) return { value: String(y), text: phrase };
  if (p === 'last year') return { value: String(y - 1), text: phrase };
  if (p === 'next year') return { value: String(y + 1), text: phrase };
  if (/^(this|earlier this|later this) month$/.test(p)) return { value: `${y}-${pad(m)}`, text: phrase };
  if (p === 'last month') return { value: m === 1 ? `${y - 1}-12` : `${y}-${pad(m - 1)}`, text: phrase };
  if (p === 'next month') return { value: m === 12 ? `${y + 1}-01` : `${y}-${pad(m + 1)}`, text: phrase };
  const wd = WEEKDAYS.findIndex((d) => p.includes(d));
  if (wd >= 0) {
    const today = new Date(`${date}T00:00:00Z`).getUTCDay();
    let back = (today - wd + 7) % 7;
    if (p.startsWith('last ') && back === 0) back = 7;
    return { value: addDays(date, -back), text: phrase };
  }
  return { text: phrase }; // weeks have no ISO value here; the text is kept
}

/**
 * The time of an event whose trigger is token i, within the clause [a, b): "the 2018 arrest",
 * "in 2018", "on August 10", "July 8, 2015", "yesterday", "on Thursday". Years after "since" or
 * "until" are not the event's time.
 */
export function findDateNear(tokens: Token[], i: number, a: number, b: number, articleDate?: string): TimeExpression | undefined {
  // "the 2018 arrest": a year right before the trigger.
  for (let k = i - 1; k >= Math.max(a, i - 3); k--) {
    const y = parseYear(tokens[k]!.text);
    if (y && !NOT_POINT.has(tokens[k - 1]?.lower ?? '')) return { value: String(y), text: tokens[k]!.text };
    if (tokens[k]!.pos === 'VERB' || tokens[k]!.pos === 'PUNCT') break;
  }
  for (let k = Math.max(a, i - 12); k < Math.min(b, i + 14); k++) {
    const t = tokens[k]!;
    const prev = tokens[k - 1]?.lower ?? '';
    const month = monthOf(t.text);
    if (month && /^\p{Lu}/u.test(t.text) && !NOT_POINT.has(prev)) {
      const day = tokens[k + 1] && /^\d{1,2}$/.test(tokens[k + 1]!.text) ? Number(tokens[k + 1]!.text) : undefined;
      let year: number | undefined;
      let end = day ? k + 2 : k + 1;
      if (tokens[end]?.text === ',' && tokens[end + 1] && parseYear(tokens[end + 1]!.text)) { year = parseYear(tokens[end + 1]!.text); end += 2; }
      else if (tokens[end] && parseYear(tokens[end]!.text)) { year = parseYear(tokens[end]!.text); end += 1; }
      const text = tokens.slice(k, end).map((x, n) => (n && x.spaceBefore ? ' ' : '') + x.text).join('');
      year ??= articleDate ? Number(articleDate.slice(0, 4)) : undefined;
      if (!year) return { text };
      if (day && day >= 1 && day <= 31) return { value: `${year}-${pad(month)}-${pad(day)}`, text };
      return { value: `${year}-${pad(month)}`, text };
    }
    if (k > i && (prev === 'in' || prev === 'during') && parseYear(t.text)) return { value: t.text, text: `${prev} ${t.text}` };
    for (const n of [3, 2, 1]) {
      const phrase = tokens.slice(k, k + n).map((x) => x.lower).join(' ');
      const rel = resolveRelative(phrase, articleDate);
      if (rel && (n > 1 || !/^(sunday|monday|tuesday|wednesday|thursday|friday|saturday)$/.test(phrase) || prev === 'on' || prev === 'last')) return rel;
    }
  }
  return undefined;
}
