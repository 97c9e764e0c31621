/** Publication dates as people write them ("Friday, August 21, 2015", "21 Aug 2015", "2015-08-21") → ISO. */

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAY = '(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\\.?,?';
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';

/** "August 21, 2015" with an optional weekday before it. */
const MONTH_DAY_YEAR = new RegExp(`^(?:${WEEKDAY}\\s+)?${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})$`, 'i');
/** "21 August 2015" with an optional weekday before it. */
const DAY_MONTH_YEAR = new RegExp(`^(?:${WEEKDAY}\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})$`, 'i');
/** "2015-08-21", "2015/08/21", an ISO date-time, or "2015-08-21 10:30:00" (YAML). */
const ISO = /^(\d{4})[-/](\d{2})[-/](\d{2})(?:([T ])(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/;

const pad = (n: number) => String(n).padStart(2, '0');

/** The month (1-12) of a month name or abbreviation. */
function monthNumber(name: string): number {
  const lower = name.toLowerCase().replace(/\.$/, '');
  return MONTHS.findIndex((m) => m.startsWith(lower.slice(0, 3))) + 1;
}

/** "YYYY-MM-DD" when the day exists in that month; undefined otherwise. */
function isoDay(year: number, month: number, day: number): string | undefined {
  if (year < 1000 || month < 1 || month > 12 || day < 1) return undefined;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days ? `${year}-${pad(month)}-${pad(day)}` : undefined;
}

/**
 * Reads a date as written in a dateline or metadata field and returns it as ISO 8601: a date
 * (YYYY-MM-DD) or, when a time with a zone is given, a date-time. Undefined when it is not a date.
 */
export function parsePublicationDate(written: string): string | undefined {
  const s = written.trim().replace(/\s+/g, ' ');
  let m = ISO.exec(s);
  if (m) {
    const day = isoDay(Number(m[1]), Number(m[2]), Number(m[3]));
    if (!day || m[4] === undefined) return day;
    const [h, min, sec] = [Number(m[5]), Number(m[6]), m[7] === undefined ? 0 : Number(m[7])];
    if (h > 23 || min > 59 || sec > 59) return undefined;
    // Without a zone the instant is unknown; the calendar day is what relative times need.
    if (m[9] === undefined) return day;
    const zone = m[9] === 'Z' ? 'Z' : `${m[9].slice(0, 3)}:${m[9].slice(-2)}`;
    return `${day}T${pad(h)}:${pad(min)}:${pad(sec)}${m[8] ?? ''}${zone}`;
  }
  m = MONTH_DAY_YEAR.exec(s);
  if (m) return isoDay(Number(m[3]), monthNumber(m[1]!), Number(m[2]));
  m = DAY_MONTH_YEAR.exec(s);
  if (m) return isoDay(Number(m[3]), monthNumber(m[2]!), Number(m[1]));
  return undefined;
}
