import { beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'n3';
import { newsgraph, requireBuild, tempDir, SEED, ARTICLES } from './cli-helpers.ts';

beforeAll(requireBuild);

const isRoot = process.getuid?.() === 0;

describe('newsgraph build', () => {
  it('builds the seed article into Turtle and prints a summary with what to do next', () => {
    const dir = tempDir();
    const out = join(dir, 'seed.ttl');
    const r = newsgraph(['build', SEED, '-o', out, '--summary']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Built .*seed\.ttl \(turtle\): \d+ triples from 1 article\./);
    expect(r.stdout).toMatch(/entities +\d+ \(.*Person.*\)/);
    expect(r.stdout).toContain('newsgraph view');
    expect(r.stdout).toContain('newsgraph query');
    const quads = new Parser().parse(readFileSync(out, 'utf8'));
    expect(quads.length).toBe(Number(/: (\d+) triples/.exec(r.stdout)![1]));
    expect(readdirSync(dir)).toEqual(['seed.ttl']); // no temp file left behind
  });

  it.each([
    ['g.ttl', 'text/turtle', false],
    ['g.trig', 'application/trig', true],
    ['g.nt', 'N-Triples', false],
    ['g.nq', 'N-Quads', true],
  ])('picks the format from the extension: %s', (name, format, graphs) => {
    const dir = tempDir();
    const r = newsgraph(['build', join(ARTICLES, 'port-strike.txt'), join(ARTICLES, 'flood-relief.txt'), '-o', join(dir, name)]);
    expect(r.status, r.stderr).toBe(0);
    const quads = new Parser({ format }).parse(readFileSync(join(dir, name), 'utf8'));
    const names = new Set(quads.map((q) => q.graph.value));
    expect(names).toEqual(graphs ? new Set(['https://w3id.org/newsgraph/doc/port-strike', 'https://w3id.org/newsgraph/doc/flood-relief']) : new Set(['']));
  });

  it('writes JSON-LD with --format, and Turtle to standard output without -o', () => {
    const dir = tempDir();
    const r = newsgraph(['build', join(ARTICLES, 'port-strike.txt'), '--format', 'json-ld', '-o', join(dir, 'x.out')]);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'x.out'), 'utf8'))['@context'].ng).toBe('https://w3id.org/newsgraph/ontology#');
    const s = newsgraph(['build', join(ARTICLES, 'port-strike.txt')]);
    expect(s.status).toBe(0);
    expect(s.stdout).toMatch(/^@prefix ng: /);
  });

  it('reads every article of a folder', () => {
    const dir = tempDir();
    const r = newsgraph(['build', ARTICLES, '-o', join(dir, 'all.trig'), '--summary']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('from 3 articles');
  });

  it('sets id, title, date and url of one article', () => {
    const dir = tempDir();
    const r = newsgraph(['build', join(ARTICLES, 'port-strike.txt'), '-o', join(dir, 'a.ttl'), '--id', 'Strike 2024', '--title', 'Port strike', '--date', '2024-05-06', '--url', 'https://example.org/a']);
    expect(r.status, r.stderr).toBe(0);
    const text = readFileSync(join(dir, 'a.ttl'), 'utf8');
    expect(text).toContain('ngd:strike-2024 a ng:Article');
    expect(text).toContain('schema:headline "Port strike"');
    expect(text).toContain('"2024-05-06"^^xsd:date');
  });

  it('writes the same bytes twice', () => {
    const dir = tempDir();
    newsgraph(['build', SEED, '-o', join(dir, 'a.ttl')]);
    newsgraph(['build', SEED, '-o', join(dir, 'b.ttl')]);
    expect(readFileSync(join(dir, 'b.ttl'), 'utf8')).toBe(readFileSync(join(dir, 'a.ttl'), 'utf8'));
  });
});

describe('newsgraph build: bad input and output', () => {
  /** Each case makes its files in a fresh folder and returns the arguments; `out` must stay as it was. */
  const cases: { what: string; status: number; message: RegExp; setup: (dir: string) => string[] }[] = [
    { what: 'a missing file', status: 3, message: /nope\.txt: no such file/, setup: (d) => [join(d, 'nope.txt')] },
    { what: 'a folder with no articles', status: 3, message: /empty-folder: folder holds no articles/, setup: (d) => { mkdirSync(join(d, 'empty-folder')); writeFileSync(join(d, 'empty-folder', 'notes.pdf'), 'x'); return [join(d, 'empty-folder')]; } },
    { what: 'an empty file', status: 3, message: /empty\.txt: empty file/, setup: (d) => { writeFileSync(join(d, 'empty.txt'), ''); return [join(d, 'empty.txt')]; } },
    { what: 'a whitespace-only file', status: 3, message: /blank\.txt: only whitespace/, setup: (d) => { writeFileSync(join(d, 'blank.txt'), ' \n\t\n  '); return [join(d, 'blank.txt')]; } },
    { what: 'a binary file (NUL bytes)', status: 3, message: /image\.txt: binary file \(NUL byte at offset 4\)/, setup: (d) => { writeFileSync(join(d, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x1a])); return [join(d, 'image.txt')]; } },
    { what: 'invalid UTF-8 (Latin-1)', status: 3, message: /latin1\.txt: not valid UTF-8 \(bad byte 0xe9 at offset 3\)/, setup: (d) => { writeFileSync(join(d, 'latin1.txt'), Buffer.from('caf\xe9 au lait', 'latin1')); return [join(d, 'latin1.txt')]; } },
    { what: 'one good and one bad input', status: 3, message: /bad\.txt: only whitespace/, setup: (d) => { writeFileSync(join(d, 'bad.txt'), '\n\n'); return [SEED, join(d, 'bad.txt')]; } },
  ];

  it.each(cases)('$what: exit $status, names the file, leaves the output alone', ({ status, message, setup }) => {
    const dir = tempDir();
    const out = join(dir, 'out.ttl');
    writeFileSync(out, 'previous content\n');
    const r = newsgraph(['build', ...setup(dir), '-o', out]);
    expect(r.status).toBe(status);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(readFileSync(out, 'utf8')).toBe('previous content\n');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it.each([
    { what: 'the output folder does not exist', out: (d: string) => join(d, 'missing', 'out.ttl'), message: /out\.ttl: folder .*missing does not exist/ },
    { what: 'the output is a folder', out: (d: string) => d, message: /is a folder/ },
    { what: 'the output cannot be created (/proc)', out: () => '/proc/newsgraph-test.ttl', message: /newsgraph-test\.ttl: (cannot write|folder \/proc is not writable)/ },
  ])('$what: exit 4 and nothing written', ({ out, message }) => {
    const dir = tempDir();
    const target = out(dir);
    const r = newsgraph(['build', join(ARTICLES, 'port-strike.txt'), '-o', target]);
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(message);
    expect(readdirSync(dir)).toEqual([]);
  });

  it.skipIf(isRoot)('an unreadable file: exit 3 (root reads any file, so not run as root)', () => {
    const dir = tempDir();
    copyFileSync(SEED, join(dir, 'secret.txt'));
    chmodSync(join(dir, 'secret.txt'), 0o000);
    const r = newsgraph(['build', join(dir, 'secret.txt'), '-o', join(dir, 'out.ttl')]);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/secret\.txt: permission denied/);
    expect(existsSync(join(dir, 'out.ttl'))).toBe(false);
  });

  it.skipIf(isRoot)('an unwritable output folder: exit 4 (not run as root)', () => {
    const dir = tempDir();
    chmodSync(dir, 0o555);
    const r = newsgraph(['build', join(ARTICLES, 'port-strike.txt'), '-o', join(dir, 'out.ttl')]);
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/not writable/);
  });

  it('the output path equal to an input: exit 4 and the input is unchanged', () => {
    const dir = tempDir();
    const input = join(dir, 'article.txt');
    copyFileSync(SEED, input);
    const before = readFileSync(input, 'utf8');
    const r = newsgraph(['build', input, '-o', join(dir, '.', 'article.txt')]);
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/article\.txt: output path is also an input/);
    expect(readFileSync(input, 'utf8')).toBe(before);
  });

  it.each([
    { args: ['build'], message: /give at least one article/ },
    { args: ['build', SEED, '--bogus'], message: /Unknown option '--bogus'/ },
    { args: ['build', SEED, '--format', 'rdfxml'], message: /unknown format "rdfxml"/ },
    { args: ['build', SEED, '--date', 'yesterday'], message: /--date "yesterday" is not an ISO date/ },
    { args: ['build', SEED, '--url', 'ftp://x'], message: /--url "ftp:\/\/x" is not an http\(s\) URL/ },
    { args: ['build', SEED, join(ARTICLES, 'port-strike.txt'), '--title', 'x'], message: /--title applies to one article/ },
  ])('usage error for $args.1 $args.2 $args.3: exit 2', ({ args, message }) => {
    const r = newsgraph(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('two inputs with the same article id: exit 2, nothing written', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    copyFileSync(SEED, join(dir, 'a', 'same.txt'));
    copyFileSync(join(ARTICLES, 'port-strike.txt'), join(dir, 'b', 'same.txt'));
    const r = newsgraph(['build', join(dir, 'a', 'same.txt'), join(dir, 'b', 'same.txt'), '-o', join(dir, 'out.trig')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/both get the article id "same"/);
    expect(existsSync(join(dir, 'out.trig'))).toBe(false);
  });
});
