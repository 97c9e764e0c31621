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

/** Whether a clause speaks of the future ("will meet", "is scheduled to", "plans to"). */
export type Tense = 'past' | 'future';

const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };
const DAY_PART = '(?: (?:morning|afternoon|evening|night))?';
const RELATIVE = new RegExp(`^(?:yesterday${DAY_PART}|today|tonight|tomorrow${DAY_PART}|last night|this (?:morning|afternoon|evening)|(?:this|last|next|earlier this|later this) (?:week|weekend|month|year)|(?:on |last |next |this )?(?:sunday|monday|tuesday|wednesday|thursday|friday|saturday)${DAY_PART}|(?:\\d+|${Object.keys(NUMBER_WORDS).join('|')}) (?:days?|weeks?|months?|years?) (?:ago|later|earlier))$`);

/** First words of the relative expressions: a cheap test before the full pattern. */
const RELATIVE_FIRST = new RegExp(`^(?:yesterday|today|tonight|tomorrow|last|this|next|earlier|later|on|sunday|monday|tuesday|wednesday|thursday|friday|saturday|\\d+|${Object.keys(NUMBER_WORDS).join('|')})$`);

/**
 * Resolves a relative expression against the article date (ISO): "yesterday", "last night",
 * "today", "tomorrow", "two days ago", "last month", "this year", "on Thursday" (the last such day on
 * or before the article date, or the next one when the clause speaks of the future), "next Tuesday".
 * Weeks and weekends keep only their text. Returns undefined when the phrase is not relative.
 */
export function resolveRelative(phrase: string, articleDate?: string, tense: Tense = 'past'): TimeExpression | undefined {
  const p = phrase.toLowerCase().replace(/\s+/g, ' ').trim();
  if (!RELATIVE.test(p)) return undefined;
  if (!articleDate || !/^\d{4}-\d{2}-\d{2}/.test(articleDate)) return { text: phrase };
  const date = articleDate.slice(0, 10);
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const value = (v: string) => ({ value: v, text: phrase });
  if (/^yesterday/.test(p) || p === 'last night') return value(addDays(date, -1));
  if (/^(today|tonight|this (morning|afternoon|evening))$/.test(p)) return value(date);
  if (/^tomorrow/.test(p)) return value(addDays(date, 1));
  const ago = /^(\d+|[a-z]+) (day|week|month|year)s? (ago|earlier|later)$/.exec(p);
  if (ago) {
    const n = /^\d+$/.test(ago[1]!) ? Number(ago[1]) : NUMBER_WORDS[ago[1]!]!;
    const sign = ago[3] === 'later' ? 1 : -1;
    if (ago[2] === 'day') return value(addDays(date, sign * n));
    if (ago[2] === 'week') return value(addDays(date, sign * 7 * n));
    if (ago[2] === 'month') return value(addMonths(y, m, sign * n));
    return value(String(y + sign * n));
  }
  if (/^(this|earlier this|later this) year$/.test(p)) return value(String(y));
  if (p === 'last year') return value(String(y - 1));
  if (p === 'next year') return value(String(y + 1));
  if (/^(this|earlier this|later this) month$/.test(p)) return value(`${y}-${pad(m)}`);
  if (p === 'last month') return value(addMonths(y, m, -1));
  if (p === 'next month') return value(addMonths(y, m, 1));
  const wd = WEEKDAYS.findIndex((d) => p.includes(d));
  if (wd >= 0) {
    const today = new Date(`${date}T00:00:00Z`).getUTCDay();
    const future = p.startsWith('next ') || (tense === 'future' && !p.startsWith('last '));
    if (future) {
      let ahead = (wd - today + 7) % 7;
      if (ahead === 0 && p.startsWith('next ')) ahead = 7;
      return value(addDays(date, ahead));
    }
    let back = (today - wd + 7) % 7;
    if (p.startsWith('last ') && back === 0) back = 7;
    return value(addDays(date, -back));
  }
  return { text: phrase }; // weeks and weekends have no single ISO value; the text is kept
}

/** Year-month `delta` months away from year y, month m. */
function addMonths(y: number, m: number, delta: number): string {
  const total = y * 12 + (m - 1) + delta;
  return `${Math.floor(total / 12)}-${pad((total % 12) + 1)}`;
}

/** Future tense in tokens [a, b): "will", "shall", "is to", "scheduled", "plans to", "expected to". */
export function clauseTense(tokens: Token[], a: number, b: number): Tense {
  for (let k = a; k < b; k++) {
    const w = tokens[k]!.lower;
    if (w === 'will' || w === 'shall' || w === "'ll" || w === 'scheduled' || w === 'planned' || w === 'plans' || w === 'upcoming' || w === 'expected') return 'future';
    if (w === 'going' && tokens[k + 1]?.lower === 'to') return 'future';
  }
  return 'past';
}

/**
 * The time of an event whose trigger is token i, within the clause [a, b): "the 2018 arrest",
 * "in 2018", "on August 10", "July 8, 2015", "yesterday", "on Thursday". Years after "since" or
 * "until" are not the event's time.
 */
export function findDateNear(tokens: Token[], i: number, a: number, b: number, articleDate?: string): TimeExpression | undefined {
  const tense = clauseTense(tokens, a, b);
  // "the 2018 arrest": a year right before the trigger; "Monday's meeting": a weekday's.
  for (let k = i - 1; k >= Math.max(a, i - 3); k--) {
    if (WEEKDAYS.includes(tokens[k]!.lower) && /^['’]s$/.test(tokens[k + 1]?.text ?? '')) {
      return resolveRelative(`on ${tokens[k]!.lower}`, articleDate, tense) ?? { text: tokens[k]!.text };
    }
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
      if (!year && articleDate) {
        // A month without a year: the nearest one in the clause's direction ("met in December" in a
        // January article is last December; "will meet in March" in November is next March).
        year = Number(articleDate.slice(0, 4));
        const articleMonth = Number(articleDate.slice(5, 7));
        if (tense === 'past' && month > articleMonth) year -= 1;
        if (tense === 'future' && month < articleMonth) year += 1;
      }
      if (!year) return { text };
      if (day && day >= 1 && day <= 31) return { value: `${year}-${pad(month)}-${pad(day)}`, text };
      return { value: `${year}-${pad(month)}`, text };
    }
    if (k > i && (prev === 'in' || prev === 'during') && parseYear(t.text)) return { value: t.text, text: `${prev} ${t.text}` };
    if (!RELATIVE_FIRST.test(t.lower)) continue;
    for (const n of [4, 3, 2, 1]) {
      const phrase = tokens.slice(k, k + n).map((x) => x.lower).join(' ');
      const rel = resolveRelative(phrase, articleDate, tense);
      if (rel && (n > 1 || !/^(sunday|monday|tuesday|wednesday|thursday|friday|saturday)$/.test(phrase) || prev === 'on' || prev === 'last')) return rel;
    }
  }
  return undefined;
}
