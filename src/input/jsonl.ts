/** JSON Lines: one article object `{id, title, date, url, text}` per line; a bad line names file:line. */
import { InputError } from '../errors.ts';

/** One record of a JSONL file, fields as written (dates and URLs are checked by the caller). */
export interface JsonlRecord {
  /** 1-based line number in the file. */
  line: number;
  text: string;
  id?: string;
  title?: string;
  date?: string;
  url?: string;
}

/** Fields a record may carry besides `text`, with the JSON types accepted. */
const OPTIONAL = ['id', 'title', 'date', 'url'] as const;

/** Parses every non-blank line; throws InputError naming `file:line` and the problem on the first bad one. */
export function readJsonl(source: string, file: string): JsonlRecord[] {
  const records: JsonlRecord[] = [];
  source.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((raw, k) => {
    const line = k + 1;
    if (raw.trim() === '') return;
    const where = `${file}:${line}`;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (cause) {
      throw new InputError(where, `not valid JSON (${(cause as Error).message}); each line must be one article object`, { cause });
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new InputError(where, `expected an object {"id", "title", "date", "url", "text"}, got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}`);
    }
    const o = value as Record<string, unknown>;
    if (typeof o.text !== 'string') throw new InputError(where, o.text === undefined ? 'no "text" field' : `"text" must be a string, got ${typeof o.text}`);
    if (o.text.trim() === '') throw new InputError(where, '"text" is empty: no article text');
    const record: JsonlRecord = { line, text: o.text };
    for (const key of OPTIONAL) {
      const v = o[key];
      if (v === undefined || v === null) continue;
      if (key === 'id' && typeof v === 'number' && Number.isFinite(v)) { record.id = String(v); continue; }
      if (typeof v !== 'string') throw new InputError(where, `"${key}" must be a string, got ${typeof v}`);
      if (v.trim() === '') continue;
      record[key] = v.trim();
    }
    records.push(record);
  });
  if (records.length === 0) throw new InputError(file, 'no articles (every line is blank); expected one JSON object per line');
  return records;
}
