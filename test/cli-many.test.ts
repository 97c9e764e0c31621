// `newsgraph build` on many articles and every input format: named graphs per article, shared entity
// IRIs, --append (idempotent, replacing re-added articles), the closing line, --quiet.
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'n3';
import type * as RDF from '@rdfjs/types';
import { newsgraph, requireBuild, tempDir, ROOT } from './cli-helpers.ts';
import { PREFIXES } from '../src/rdf/namespaces.ts';

beforeAll(requireBuild);

/** Each CLI run loads the gazetteer (seconds on a busy machine): generous per-test time. */
const SLOW = 240_000;

const MULTI = join(ROOT, 'test', 'fixtures', 'articles-multi');
const INPUT = join(ROOT, 'test', 'fixtures', 'input');
const ARTICLES = ['ferry-strike', 'mackerel-talks', 'panel-report'];
const DOC = PREFIXES.ngd;
const SCHEMA = 'https://schema.org/';
const MEDIA: Record<string, string> = { trig: 'application/trig', nq: 'application/n-quads', ttl: 'text/turtle' };

/** Parses an output file by its extension. */
function quadsOf(file: string): RDF.Quad[] {
  return new Parser({ format: MEDIA[file.split('.').pop()!] }).parse(readFileSync(file, 'utf8')) as RDF.Quad[];
}

/** Builds and expects exit 0; returns the run. */
function build(...args: string[]) {
  const r = newsgraph(['build', ...args]);
  expect(r.status, r.stderr).toBe(0);
  return r;
}

/** A copy of the three-article fixture in a fresh folder (so tests can change one). */
function copyMulti(): string {
  const dir = tempDir('ng-many-');
  mkdirSync(join(dir, 'in'));
  for (const a of ARTICLES) copyFileSync(join(MULTI, `${a}.txt`), join(dir, 'in', `${a}.txt`));
  return dir;
}

describe('build of several articles', () => {
  it('puts each article in its own named graph and gives shared entities one IRI in every graph', () => {
    const dir = tempDir('ng-many-');
    const out = join(dir, 'all.trig');
    build(MULTI, '-o', out, '-q');
    const quads = quadsOf(out);
    const graphs = new Set(quads.map((q) => q.graph.value));
    expect(graphs).toEqual(new Set(ARTICLES.map((a) => DOC + a)));
    // Every graph holds only its own article's nodes under the document namespace.
    for (const q of quads) if (q.subject.value.startsWith(DOC)) expect(q.subject.value.split('#')[0]).toBe(q.graph.value);
    // The entities all three articles mention: one IRI, present in each graph.
    const mentioned = (g: string) => new Set(quads.filter((q) => q.graph.value === g && q.predicate.value === SCHEMA + 'mentions').map((q) => q.object.value));
    const shared = [...mentioned(DOC + ARTICLES[0])].filter((e) => ARTICLES.every((a) => mentioned(DOC + a).has(e)));
    expect(shared).toEqual(expect.arrayContaining([PREFIXES.ngr + 'country/norway', PREFIXES.ngr + 'person/ingrid-halvorsen']));
    // Headline and publication date from each file's first two lines.
    const lit = (s: string, p: string) => quads.find((q) => q.subject.value === s && q.predicate.value === SCHEMA + p)?.object as RDF.Literal | undefined;
    expect(lit(DOC + 'mackerel-talks', 'headline')?.value).toBe('Norway and Iceland open talks on mackerel quotas');
    expect(lit(DOC + 'ferry-strike', 'datePublished')?.value).toBe('2025-03-12');
    expect(lit(DOC + 'panel-report', 'datePublished')?.datatype.value).toBe(PREFIXES.xsd + 'date');
  }, SLOW);

  it('-o .ttl merges the articles into the default graph with one node per shared entity', () => {
    const dir = tempDir('ng-many-');
    const out = join(dir, 'all.ttl');
    build(MULTI, '-o', out, '-q');
    const quads = quadsOf(out);
    expect(new Set(quads.map((q) => q.graph.termType))).toEqual(new Set(['DefaultGraph']));
    const articles = quads.filter((q) => q.predicate.value === PREFIXES.rdf + 'type' && q.object.value === PREFIXES.ng + 'Article').map((q) => q.subject.value).sort();
    expect(articles).toEqual(ARTICLES.map((a) => DOC + a));
    const labels = quads.filter((q) => q.subject.value === PREFIXES.ngr + 'person/ingrid-halvorsen' && q.predicate.value === PREFIXES.rdfs + 'label');
    expect(labels).toHaveLength(1);
  }, SLOW);

  it('ends with one line on stderr counting articles, entities, events and the quads written; --quiet silences it', () => {
    const dir = tempDir('ng-many-');
    const r = build(MULTI, '-o', join(dir, 'all.nq'));
    expect(r.stdout).toBe('');
    const m = /^newsgraph build: 3 articles, (\d+) entities, (\d+) events?, ([\d,]+) quads in \d+\.\d s\n$/.exec(r.stderr);
    expect(m, r.stderr).not.toBeNull();
    expect(Number(m![3]!.replace(/,/g, ''))).toBe(quadsOf(join(dir, 'all.nq')).length);
    expect(Number(m![1])).toBeGreaterThanOrEqual(5);
    const q = build(MULTI, '-o', join(dir, 'quiet.nq'), '--quiet');
    expect(q.stderr).toBe('');
    expect(readFileSync(join(dir, 'quiet.nq'), 'utf8')).toBe(readFileSync(join(dir, 'all.nq'), 'utf8'));
  }, SLOW);

  it('keeps standard output clean when the graph goes there', () => {
    const r = build(join(MULTI, 'ferry-strike.txt'));
    expect(r.stdout).toMatch(/^@prefix /);
    expect(() => new Parser().parse(r.stdout)).not.toThrow();
    expect(r.stderr).toMatch(/^newsgraph build: 1 article, .* triples in .* s\n$/);
  }, SLOW);
});

describe('build --append', () => {
  it.each(['trig', 'nq', 'ttl'])('.%s: adding articles one by one gives the bytes of one build; re-adding changes no byte', (ext) => {
    const dir = tempDir('ng-append-');
    const whole = join(dir, `whole.${ext}`);
    const grown = join(dir, `grown.${ext}`);
    build(MULTI, '-o', whole, '-q');
    build(join(MULTI, 'panel-report.txt'), '-o', grown, '--append', '-q'); // a missing output: a fresh build
    build(join(MULTI, 'ferry-strike.txt'), join(MULTI, 'mackerel-talks.txt'), '-o', grown, '--append', '-q');
    const bytes = readFileSync(whole);
    expect(readFileSync(grown).equals(bytes)).toBe(true);
    const r = build(MULTI, '-o', grown, '--append');
    expect(r.stderr).toMatch(/^newsgraph build: 3 articles, /);
    expect(readFileSync(grown).equals(bytes)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual([`grown.${ext}`, `whole.${ext}`]);
  }, SLOW);

  it('replaces the graph of an article that changed and keeps the others as they were', () => {
    const dir = copyMulti();
    const out = join(dir, 'all.trig');
    build(join(dir, 'in'), '-o', out, '-q');
    const before = quadsOf(out);
    writeFileSync(join(dir, 'in', 'ferry-strike.txt'), 'Ferry workers end strike in Norway\n2025-03-14\n\nFerry crews in Bergen returned to work on Thursday after the union accepted a new offer.\n');
    const r = build(join(dir, 'in', 'ferry-strike.txt'), '-o', out, '--append');
    expect(r.stderr).toMatch(/^newsgraph build: 1 article \(3 in the output\), /);
    const after = quadsOf(out);
    const graph = (qs: RDF.Quad[], id: string) => qs.filter((q) => q.graph.value === DOC + id).map((q) => `${q.subject.value} ${q.predicate.value} ${q.object.value}`).sort();
    expect(graph(after, 'mackerel-talks')).toEqual(graph(before, 'mackerel-talks'));
    expect(graph(after, 'panel-report')).toEqual(graph(before, 'panel-report'));
    expect(graph(after, 'ferry-strike')).not.toEqual(graph(before, 'ferry-strike'));
    expect(graph(after, 'ferry-strike').join('\n')).toContain('Ferry workers end strike in Norway');
    expect(graph(after, 'ferry-strike').join('\n')).not.toContain('walked off the job');
  }, SLOW);

  it.each([
    { what: 'the existing output does not parse', existing: '@prefix ng: <x#> .\nng:a ng:b .\n', status: 3, message: /all\.trig:2:\d+: / },
  ])('$what: exit $status, the output is unchanged', ({ existing, status, message }) => {
    const dir = tempDir('ng-append-');
    const out = join(dir, 'all.trig');
    writeFileSync(out, existing);
    const r = newsgraph(['build', join(MULTI, 'ferry-strike.txt'), '-o', out, '--append']);
    expect(r.status).toBe(status);
    expect(r.stderr).toMatch(message);
    expect(readFileSync(out, 'utf8')).toBe(existing);
  }, SLOW);

  it('needs an output file: exit 2', () => {
    const r = newsgraph(['build', join(MULTI, 'ferry-strike.txt'), '--append']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--append needs an output file/);
    expect(r.stdout).toBe('');
  }, SLOW);
});

describe('build from every input format', () => {
  it('reads .txt, .md, .html and .jsonl into articles with headline, datePublished and url', () => {
    const dir = tempDir('ng-formats-');
    const out = join(dir, 'formats.trig');
    const r = build(INPUT, '-o', out);
    expect(r.stderr).toMatch(/^newsgraph build: 8 articles, /);
    const quads = quadsOf(out);
    const value = (id: string, p: string) => quads.find((q) => q.subject.value === DOC + id && q.predicate.value === SCHEMA + p)?.object;
    const table: [string, string | undefined, string | undefined, string | undefined][] = [
      ['dated', 'City council approves new tram line', '2025-10-08', undefined],
      ['undated', undefined, undefined, undefined],
      ['front-matter', 'Wildfire forces evacuations near Valencia', '2025-08-14', 'https://news.example.org/2025/08/14/valencia-wildfire'],
      ['heading', 'Drought cuts rice harvest in Thailand', undefined, undefined],
      ['page', 'Chile and Peru sign water deal', '2025-05-22T09:30:00Z', 'https://news.example.org/world/chile-peru-water-deal'],
      ['harbour-fire', 'Fire damages harbour warehouse in Gdansk', '2025-02-03', 'https://news.example.org/gdansk-fire'],
      ['rail-link', 'Poland and Lithuania open rail link', '2025-02-10', undefined],
    ];
    for (const [id, headline, date, url] of table) {
      expect(value(id, 'headline')?.value, id).toBe(headline);
      expect(value(id, 'datePublished')?.value, id).toBe(date);
      expect(value(id, 'url')?.value, id).toBe(url);
    }
    expect((value('page', 'datePublished') as RDF.Literal).datatype.value).toBe(PREFIXES.xsd + 'dateTime');
    // The .txt keeps its whole text: the NIF context is the file, headline and dateline included.
    const context = quads.find((q) => q.graph.value === DOC + 'dated' && q.predicate.value === PREFIXES.nif + 'isString');
    expect(context?.object.value).toBe(readFileSync(join(INPUT, 'dated.txt'), 'utf8'));
    // A mention's offsets index that text.
    const anchors = quads.filter((q) => q.graph.value === DOC + 'dated' && q.predicate.value === PREFIXES.nif + 'anchorOf');
    expect(anchors.length).toBeGreaterThan(0);
    for (const a of anchors) {
      const [b, e] = /#char=(\d+),(\d+)$/.exec(a.subject.value)!.slice(1).map(Number);
      expect(context!.object.value.slice(b, e)).toBe(a.object.value);
    }
    // "met ... yesterday" in the Markdown article, dated 2025-08-14 by its front matter.
    const stamps = quads.filter((q) => q.graph.value === DOC + 'front-matter' && q.predicate.value === PREFIXES.ng + 'timeStamp').map((q) => q.object.value);
    expect(stamps).toContain('2025-08-13');
  }, SLOW);

  it('--date takes a date as people write it and wins over the dateline', () => {
    const dir = tempDir('ng-formats-');
    const out = join(dir, 'one.ttl');
    build(join(INPUT, 'dated.txt'), '--date', 'Friday, 21 August 2015', '-o', out, '-q');
    const published = quadsOf(out).find((q) => q.subject.value === DOC + 'dated' && q.predicate.value === SCHEMA + 'datePublished');
    expect(published?.object.value).toBe('2015-08-21');
  }, SLOW);

  it.each([
    { what: 'a bad JSONL line', setup: (d: string) => { writeFileSync(join(d, 'feed.jsonl'), '{"text": "Rain in Lima."}\n{"text": "Rain in Quito."\n'); return [join(d, 'feed.jsonl')]; }, status: 3, message: /feed\.jsonl:2: not valid JSON/ },
    { what: 'a folder with no articles (only a README)', setup: (d: string) => { mkdirSync(join(d, 'docs')); writeFileSync(join(d, 'docs', 'README.md'), '# About\n'); return [join(d, 'docs')]; }, status: 3, message: /docs: folder holds no articles/ },
    { what: 'a JSONL id equal to a file name', setup: (d: string) => { writeFileSync(join(d, 'storm.txt'), 'A storm hit Lima.\n'); writeFileSync(join(d, 'feed.jsonl'), '{"id": "storm", "text": "A storm hit Quito."}\n'); return [d]; }, status: 2, message: /both get the article id "storm"/ },
    { what: '--title for a JSONL file of several articles', setup: () => [join(INPUT, 'records.jsonl'), '--title', 'x'], status: 2, message: /--title applies to one article, but 3 were given/ },
  ])('$what: exit $status, names it, writes nothing', ({ setup, status, message }) => {
    const dir = tempDir('ng-formats-');
    const out = join(dir, 'out.trig');
    const r = newsgraph(['build', ...setup(dir), '-o', out]);
    expect(r.status).toBe(status);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  }, SLOW);
});
