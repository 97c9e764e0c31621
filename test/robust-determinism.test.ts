// Determinism: the same inputs give byte-identical outputs across runs, locales (LANG/LC_ALL change
// ICU's default collation, e.g. Turkish dotless i, Swedish å after z, Danish upper case first),
// time zones and --jobs values, in every output format. And the "must show": hostile names,
// Arabic script and emoji build twice to identical bytes that n3 parses and `newsgraph validate`
// accepts; `newsgraph query` on malformed Turtle exits non-zero and names the line.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'n3';
import type * as RDF from '@rdfjs/types';
import { BIN, ROOT, newsgraph, requireBuild, tempDir } from './cli-helpers.ts';

const CORPUS = ['data/articles', 'test/fixtures/articles', 'test/fixtures/robust'].map((d) => join(ROOT, d));
const HOSTILE = join(ROOT, 'test', 'fixtures', 'robust', 'hostile-names.txt');
const BASE_ENV = { LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8', TZ: 'UTC' };

/** Runs newsgraph asynchronously (so that several builds run at once) with extra environment. */
function runAsync(args: string[], env: Record<string, string | undefined>): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const merged: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...process.env, NO_COLOR: '1', ...env })) if (v !== undefined) merged[k] = v;
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: merged, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

/** Runs jobs with at most `limit` at a time. */
async function runLimited<T>(jobs: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]!();
    }
  }));
  return results;
}

interface Variant {
  name: string;
  ext: string;
  env: Record<string, string | undefined>;
  args?: string[];
}

const LOCALES: [string, string | undefined][] = [
  ['tr_TR.UTF-8', 'Pacific/Kiritimati'],
  ['sv_SE.UTF-8', 'Pacific/Pago_Pago'],
  ['da_DK.UTF-8', 'America/St_Johns'],
  ['ja_JP.UTF-8', 'Asia/Kathmandu'],
  ['ar_EG.UTF-8', 'Africa/Cairo'],
  ['C', undefined],
];

const VARIANTS: Variant[] = [
  // Every format, twice, in the base environment.
  ...['ttl', 'trig', 'nt', 'nq', 'jsonld'].flatMap((ext) => [
    { name: `${ext} run 1`, ext, env: BASE_ENV },
    { name: `${ext} run 2`, ext, env: BASE_ENV },
  ]),
  // Other locales and time zones.
  ...LOCALES.map(([lang, tz]) => ({ name: `nq ${lang} TZ=${tz ?? '(unset)'}`, ext: 'nq', env: { LANG: lang, LC_ALL: lang, LANGUAGE: lang.slice(0, 2), TZ: tz } })),
  { name: 'ttl tr_TR.UTF-8', ext: 'ttl', env: { LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8', TZ: 'Asia/Istanbul' } },
  { name: 'jsonld da_DK.UTF-8', ext: 'jsonld', env: { LANG: 'da_DK.UTF-8', LC_ALL: 'da_DK.UTF-8', TZ: 'Europe/Copenhagen' } },
  // --jobs: the streamed N-Quads writer and the buffered writers.
  ...['2', '3', 'auto'].map((j) => ({ name: `nq --jobs ${j}`, ext: 'nq', env: BASE_ENV, args: ['--jobs', j] })),
  { name: 'trig --jobs 2', ext: 'trig', env: BASE_ENV, args: ['--jobs', '2'] },
  { name: 'ttl --jobs 3 sv_SE', ext: 'ttl', env: { LANG: 'sv_SE.UTF-8', LC_ALL: 'sv_SE.UTF-8', TZ: 'Pacific/Pago_Pago' }, args: ['--jobs', '3'] },
  { name: 'jsonld --jobs 2', ext: 'jsonld', env: BASE_ENV, args: ['--jobs', '2'] },
];

describe('determinism: byte-identical output across runs, locales, time zones and --jobs', () => {
  requireBuild();
  const dir = tempDir('ng-determinism-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the locales reach ICU in a child process (so the variants below really differ)', () => {
    const collation = (lang: string) => spawnSync(process.execPath, ['-e', 'process.stdout.write(new Intl.Collator().resolvedOptions().locale + " " + ["z", "å", "a"].sort((a, b) => a.localeCompare(b)).join(""))'], { env: { ...process.env, LANG: lang, LC_ALL: lang }, encoding: 'utf8' }).stdout;
    expect(collation('en_US.UTF-8')).toBe('en-US aåz');
    expect(collation('sv_SE.UTF-8')).toBe('sv-SE azå');
  });

  it(`builds the fixture corpus ${VARIANTS.length} ways; each format gives one set of bytes`, async () => {
    const outputs = await runLimited(VARIANTS.map((v, i) => async () => {
      const out = join(dir, `${i}.${v.ext}`);
      const r = await runAsync(['build', ...CORPUS, '-q', '-o', out, ...(v.args ?? [])], v.env);
      expect(r.status, `${v.name}: ${r.stderr}`).toBe(0);
      return { variant: v, bytes: readFileSync(out) };
    }), 3);
    const byFormat = new Map<string, typeof outputs>();
    for (const o of outputs) byFormat.set(o.variant.ext, [...(byFormat.get(o.variant.ext) ?? []), o]);
    expect([...byFormat.keys()].sort()).toEqual(['jsonld', 'nq', 'nt', 'trig', 'ttl']);
    for (const [ext, list] of byFormat) {
      const [first, ...rest] = list;
      expect(first!.bytes.length, ext).toBeGreaterThan(10_000);
      for (const o of rest) expect(o.bytes.equals(first!.bytes), `${o.variant.name} differs from ${first!.variant.name}`).toBe(true);
    }
  }, 900_000);
});

describe('must show: hostile names, Arabic and emoji; malformed Turtle', () => {
  requireBuild();
  const dir = tempDir('ng-must-show-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('hostile-names.txt builds twice to identical bytes that n3 parses and `newsgraph validate` accepts', () => {
    const text = readFileSync(HOSTILE, 'utf8');
    for (const name of ['President "Bobby <Tables>" Smith', "Zoë {Ünïcødé} O'Brien-Ñúñez", 'التقى الرئيس', '🚀', '👩‍👩‍👧‍👦', '`Back|Tick\\Hat^`']) expect(text).toContain(name);
    const a = join(dir, 'a.ttl');
    const b = join(dir, 'b.ttl');
    expect(newsgraph(['build', HOSTILE, '-q', '-o', a]).status).toBe(0);
    expect(newsgraph(['build', HOSTILE, '-q', '-o', b]).status).toBe(0);
    const bytes = readFileSync(a);
    expect(readFileSync(b).equals(bytes)).toBe(true);

    const quads = new Parser({ format: 'text/turtle' }).parse(bytes.toString('utf8')) as RDF.Quad[];
    const literals = new Set(quads.filter((q) => q.object.termType === 'Literal').map((q) => q.object.value));
    expect(literals).toContain(text); // nif:isString: the whole text, every character kept
    expect(literals).toContain("O'Brien-Ñúñez");
    for (const q of quads) for (const t of [q.subject, q.predicate, q.object]) if (t.termType === 'NamedNode') expect(t.value).not.toMatch(/[\s<>"{}|\\^`]/);

    const v = newsgraph(['validate', a]);
    expect(v.status, v.stdout + v.stderr).toBe(0);
    expect(v.stdout).toMatch(/conforms/);
  });

  it('`newsgraph query` on malformed Turtle exits non-zero and names the line', () => {
    const bad = join(ROOT, 'test', 'fixtures', 'robust', 'malformed.ttl');
    const r = newsgraph(['query', bad, 'SELECT * WHERE { ?s ?p ?o }']);
    expect(r.status).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/malformed\.ttl:3:11: /);
  });
});
