// build --jobs N (worker threads) and streamed N-Quads: the same bytes whatever N, and whatever else
// is built in the same run.
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { newsgraph, requireBuild, tempDir, ROOT, ARTICLES } from './cli-helpers.ts';
import { parseJobs } from '../src/jobs/index.ts';
import { segmentText } from '../src/extract/segment.ts';
import { UsageError } from '../src/errors.ts';

beforeAll(requireBuild);

/** A folder with the fixture articles and the sample articles of data/articles (5 articles). */
function corpus(): string {
  const dir = tempDir('ng-jobs-in-');
  for (const from of [ARTICLES, join(ROOT, 'data', 'articles')]) {
    for (const name of readdirSync(from).filter((n) => n.endsWith('.txt'))) copyFileSync(join(from, name), join(dir, name));
  }
  return dir;
}

/** Runs `newsgraph build <input> -o <dir>/<name> <args>` and returns the output bytes. */
function build(input: string, name: string, args: string[] = []): Buffer {
  const dir = tempDir('ng-jobs-out-');
  const r = newsgraph(['build', input, '-o', join(dir, name), '--quiet', ...args]);
  expect(r.status, r.stderr).toBe(0);
  expect(readdirSync(dir)).toEqual([name]); // no temp file left behind
  return readFileSync(join(dir, name));
}

// Each case runs whole builds in child processes: generous limits for a loaded machine.
const SLOW = 300_000;

describe('newsgraph build --jobs', { timeout: SLOW }, () => {
  const input = corpus();

  it.each([
    ['out.nq', ['2', '3']],
    ['out.ttl', ['2']],
    ['out.trig', ['2']],
  ])('writes %s byte for byte the same with --jobs 1 and --jobs %s', (name, others) => {
    const one = build(input, name, ['--jobs', '1']);
    expect(one.length).toBeGreaterThan(1000);
    for (const n of others) expect(build(input, name, ['--jobs', n]).equals(one), `--jobs ${n}`).toBe(true);
  });

  it('streams N-Quads to a file with the bytes the buffered writer prints', () => {
    const buffered = newsgraph(['build', input, '-f', 'nq', '--quiet']);
    expect(buffered.status, buffered.stderr).toBe(0);
    expect(build(input, 'out.nq', ['--jobs', '2']).toString('utf8')).toBe(buffered.stdout);
  });

  it("gives an article the same graph whatever is built with it, and in whichever order", () => {
    const alone = build(join(ARTICLES, 'port-strike.txt'), 'alone.nq').toString('utf8');
    const all = build(input, 'all.nq', ['--jobs', '2']).toString('utf8');
    const graph = '<https://w3id.org/newsgraph/doc/port-strike> .';
    const mine = all.split('\n').filter((l) => l.endsWith(graph));
    expect(mine.length).toBeGreaterThan(10);
    expect(mine.join('\n') + '\n').toBe(alone);
  });

  it('fails with exit 2, and writes nothing, when two articles get one id', () => {
    const dir = tempDir('ng-jobs-dup-');
    copyFileSync(join(ARTICLES, 'port-strike.txt'), join(dir, 'port-strike.txt'));
    copyFileSync(join(ARTICLES, 'flood-relief.txt'), join(dir, 'Port Strike.txt'));
    const out = tempDir('ng-jobs-out-');
    const r = newsgraph(['build', dir, '-o', join(out, 'x.nq'), '--jobs', '2']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('both get the article id "port-strike"');
    expect(readdirSync(out)).toEqual([]);
  });

  it.each(['0', '-1', 'two', '1.5'])('rejects --jobs %s as a usage error', (value) => {
    const r = newsgraph(['build', input, '-o', join(tempDir(), 'x.nq'), '--jobs', value]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--jobs');
  });
});

describe('segmentText after other documents', () => {
  // wink-nlp learns every unknown word it reads, and a learnt "R's" is no longer split into "R" + "'s".
  it.each([
    ["a month with no R's, so no oysters.", "Pupils are pursuing the three R's -- rhythm and reason."],
    ['Zyxqwv Blorfington met Qwertyland officials.', "Blorfington's Qwertyland office said Zyxqwv's plan failed."],
  ])('tokenizes a text as if it were the first: %j then %j', (earlier, text) => {
    const tokens = (s: string) => segmentText(s).tokens.map((t) => `${t.start}:${t.text}:${t.pos}`);
    const fresh = tokens(text);
    tokens(earlier);
    expect(tokens(text)).toEqual(fresh);
  });
});

describe('parseJobs', () => {
  it.each([[undefined, 1], ['1', 1], ['4', 4]])('%s -> %s', (value, n) => expect(parseJobs(value)).toBe(n));
  it('auto is at least one worker', () => expect(parseJobs('auto')).toBeGreaterThanOrEqual(1));
  it.each(['0', 'x', ''])('rejects %j with a UsageError', (value) => expect(() => parseJobs(value)).toThrow(UsageError));
});
