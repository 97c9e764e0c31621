import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { DataFactory } from 'n3';
import type * as RDF from '@rdfjs/types';
import { appendArticles, articleIdsIn, createProgress, formatTally, tallyExtractions } from '../src/batch/index.ts';
import { PREFIXES } from '../src/rdf/namespaces.ts';
import { quadKey } from '../src/rdf/sort.ts';
import { makeExtraction } from './fixtures/extraction.ts';

const { quad, namedNode, literal, defaultGraph } = DataFactory;
const doc = (local: string) => namedNode(PREFIXES.ngd + local);
const res = (local: string) => namedNode(PREFIXES.ngr + local);
const label = namedNode(PREFIXES.rdfs + 'label');
const type = namedNode(PREFIXES.rdf + 'type');
const participant = namedNode(PREFIXES.ng + 'participant');
const keys = (quads: readonly RDF.Quad[]) => quads.map(quadKey).sort();

/** Two articles, each in its own graph, sharing one entity. */
function twoArticles(): RDF.Quad[] {
  return [
    quad(doc('a'), type, namedNode(PREFIXES.ng + 'Article'), doc('a')),
    quad(doc('a#event-1'), participant, res('person/ana'), doc('a')),
    quad(res('person/ana'), label, literal('Ana'), doc('a')),
    quad(doc('b'), type, namedNode(PREFIXES.ng + 'Article'), doc('b')),
    quad(doc('b#event-5'), participant, res('person/ana'), doc('b')),
    quad(res('person/ana'), label, literal('Ana'), doc('b')),
  ];
}

describe('appendArticles', () => {
  it('with named graphs: replaces the graph of a re-added article whole and keeps the others', () => {
    const existing = twoArticles();
    const rebuilt = [
      quad(doc('a'), type, namedNode(PREFIXES.ng + 'Article'), doc('a')),
      quad(doc('a#event-9'), participant, res('person/ana'), doc('a')),
      quad(res('person/ana'), label, literal('Ana'), doc('a')),
    ];
    const merged = appendArticles(existing, rebuilt, ['a'], { graphs: true });
    expect(keys(merged)).toEqual(keys([...existing.filter((q) => q.graph.value !== doc('a').value), ...rebuilt]));
    expect(merged.some((q) => q.subject.value.endsWith('a#event-1'))).toBe(false);
  });

  it('re-adding the same quads gives the same quads in the same order', () => {
    const existing = appendArticles([], twoArticles(), ['a', 'b'], { graphs: true });
    const again = appendArticles(existing, twoArticles().filter((q) => q.graph.value === doc('b').value), ['b'], { graphs: true });
    expect(again.map(quadKey)).toEqual(existing.map(quadKey));
  });

  it('a new article is added next to the old ones', () => {
    const existing = twoArticles();
    const c = [quad(doc('c'), type, namedNode(PREFIXES.ng + 'Article'), doc('c'))];
    expect(keys(appendArticles(existing, c, ['c'], { graphs: true }))).toEqual(keys([...existing, ...c]));
  });

  it('in one merged graph: drops the triples of the re-added article\'s own nodes (as subject or object), keeps shared entities', () => {
    const flat = twoArticles().map((q) => quad(q.subject, q.predicate, q.object, defaultGraph()));
    const local = quad(res('person/ana'), namedNode(PREFIXES.ng + 'holds'), doc('a#position-mayor-ana'));
    const rebuilt = [quad(doc('a'), type, namedNode(PREFIXES.ng + 'Article'))];
    const merged = appendArticles([...flat, local], rebuilt, ['a'], { graphs: false });
    expect(merged.map((q) => q.subject.value)).not.toContain(doc('a#event-1').value);
    expect(merged.map((q) => q.object.value)).not.toContain(doc('a#position-mayor-ana').value);
    expect(merged.map((q) => q.subject.value)).toContain(doc('b#event-5').value);
    expect(merged.filter((q) => q.subject.equals(res('person/ana')))).toHaveLength(1);
    expect(merged.every((q) => q.graph.termType === 'DefaultGraph')).toBe(true);
  });

  it('does not touch an article whose id only starts like a re-added one', () => {
    const existing = [quad(doc('a-b'), type, namedNode(PREFIXES.ng + 'Article')), quad(doc('a-b#event-1'), label, literal('x'))];
    expect(appendArticles(existing, [], ['a'], { graphs: false })).toHaveLength(2);
  });
});

describe('articleIdsIn', () => {
  it('finds articles by graph name and by ng:Article in a merged graph', () => {
    expect(articleIdsIn(twoArticles())).toEqual(['a', 'b']);
    expect(articleIdsIn(twoArticles().map((q) => quad(q.subject, q.predicate, q.object)))).toEqual(['a', 'b']);
  });
});

describe('the closing line', () => {
  it('counts distinct entities and all events of the extractions', () => {
    const x = makeExtraction();
    const y = { ...x, article: { id: 'other' }, entities: [...x.entities, { ...x.entities[0]!, key: 'person/someone-else' }] };
    expect(x.events.length).toBeGreaterThan(0);
    expect(tallyExtractions([x, y])).toEqual({ articles: 2, entities: x.entities.length + 1, events: 2 * x.events.length });
  });

  it.each([
    [{ articles: 3, entities: 41, events: 9, triples: 1204, seconds: 2.44 }, true, 'newsgraph build: 3 articles, 41 entities, 9 events, 1,204 quads in 2.4 s'],
    [{ articles: 1, entities: 1, events: 1, triples: 1, seconds: 0.04 }, false, 'newsgraph build: 1 article, 1 entity, 1 event, 1 triple in 0.0 s'],
    [{ articles: 1, articlesInOutput: 4, entities: 0, events: 0, triples: 10, seconds: 1 }, true, 'newsgraph build: 1 article (4 in the output), 0 entities, 0 events, 10 quads in 1.0 s'],
  ])('%o', (tally, graphs, line) => {
    expect(formatTally(tally, { graphs })).toBe(line);
  });
});

describe('createProgress', () => {
  /** A stream that says it is (or is not) a terminal and keeps what is written. */
  function stream(isTTY: boolean): { s: NodeJS.WriteStream; written: () => string } {
    const s = new PassThrough() as unknown as NodeJS.WriteStream & { isTTY: boolean; columns: number; cursorTo: () => boolean; clearLine: () => boolean; moveCursor: () => boolean };
    let out = '';
    s.on('data', (c: Buffer) => { out += c.toString(); });
    s.isTTY = isTTY;
    s.columns = 120;
    s.cursorTo = (() => { out += '\r'; return true; }) as never;
    s.clearLine = (() => true) as never;
    s.moveCursor = (() => true) as never;
    return { s, written: () => out };
  }

  it('draws a bar on a terminal for several articles, naming the file', () => {
    const { s, written } = stream(true);
    const p = createProgress(3, s);
    p.tick(1, 3, 'a.txt');
    p.tick(2, 3, 'b.txt');
    p.tick(3, 3, 'c.txt');
    p.done();
    expect(written()).toMatch(/building .* \d\/3 articles/);
    expect(written()).toContain('a.txt');
  });

  it.each([
    ['not a terminal', false, 3, true],
    ['one article', true, 1, true],
    ['--quiet', true, 3, false],
  ])('writes nothing when %s', (_what, isTTY, total, enabled) => {
    const { s, written } = stream(isTTY);
    const p = createProgress(total, s, { enabled });
    for (let i = 1; i <= total; i++) p.tick(i, total, `${i}.txt`);
    p.done();
    expect(written()).toBe('');
  });
});
