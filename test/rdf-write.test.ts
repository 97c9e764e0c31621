import { describe, expect, it } from 'vitest';
import { DataFactory } from 'n3';
import type * as RDF from '@rdfjs/types';
import { isomorphic } from 'rdf-isomorphic';
import fc from 'fast-check';
import { emitQuads } from '../src/rdf/emit.ts';
import { serialize, formatFromPath, parseFormat, FORMATS, type GraphFormat } from '../src/rdf/write.ts';
import { parseGraph } from '../src/rdf/read.ts';
import { compareNatural, sortQuads } from '../src/rdf/sort.ts';
import { UsageError } from '../src/errors.ts';
import { makeExtraction } from './fixtures/extraction.ts';

/** Two articles, each in its own named graph, sharing entity IRIs. */
function twoArticles(): RDF.Quad[] {
  const a = makeExtraction();
  const b = makeExtraction();
  b.article = { id: 'second-article' };
  return [...emitQuads(a, { graph: true }), ...emitQuads(b, { graph: true })];
}

/** The same quads with graph names dropped and duplicates merged. */
function triplesOf(quads: RDF.Quad[]): RDF.Quad[] {
  return sortQuads(quads.map((q) => DataFactory.quad(q.subject, q.predicate, q.object)));
}

describe('serialize', () => {
  const formats = Object.keys(FORMATS) as GraphFormat[];

  it.each(formats)('%s round-trips through the parser (named graphs kept where the format has them)', async (format) => {
    const quads = twoArticles();
    const text = await serialize(quads, format);
    const back = await parseGraph(text, { format });
    const expected = FORMATS[format].graphs ? sortQuads(quads) : triplesOf(quads);
    expect(back.length).toBe(expected.length);
    expect(isomorphic(back, expected)).toBe(true);
  });

  it.each(formats)('%s output is deterministic, whatever the order of the input quads', async (format) => {
    const quads = twoArticles();
    const shuffled = [...quads].reverse();
    expect(await serialize(shuffled, format)).toBe(await serialize(quads, format));
  });

  it('writes Turtle with prefixes and groups each subject', async () => {
    const text = await serialize(emitQuads(makeExtraction()), 'turtle');
    expect(text).toMatch(/^@prefix ng: <https:\/\/w3id\.org\/newsgraph\/ontology#>\.$/m);
    expect(text).not.toMatch(/^@prefix sem:/m); // only prefixes that are used
    const subjects = text.split('\n').filter((l) => /^\S/.test(l) && !l.startsWith('@prefix'));
    expect(new Set(subjects.map((l) => l.split(' ')[0])).size).toBe(subjects.length);
  });

  it('writes TriG with one block per article graph', async () => {
    const text = await serialize(twoArticles(), 'trig');
    expect(text.match(/^ngd:(weber-santos-lisbon|second-article) \{$/gm)?.sort()).toEqual(['ngd:second-article {', 'ngd:weber-santos-lisbon {']);
  });

  it('compacts JSON-LD with our prefixes', async () => {
    const doc = JSON.parse(await serialize(emitQuads(makeExtraction()), 'json-ld')) as { '@context': Record<string, string>; '@graph': { '@id': string }[] };
    expect(doc['@context'].ng).toBe('https://w3id.org/newsgraph/ontology#');
    expect(doc['@graph'].some((n) => n['@id'] === 'ngr:person/anna-weber')).toBe(true);
  });
});

describe('formats', () => {
  it.each([
    ['out.ttl', 'turtle'], ['OUT.TTL', 'turtle'], ['a/b.trig', 'trig'], ['x.nt', 'n-triples'], ['x.nq', 'n-quads'],
    ['x.jsonld', 'json-ld'], ['x.json', 'json-ld'], ['x.txt', undefined], ['noext', undefined],
  ])('%s → %s', (path, format) => {
    expect(formatFromPath(path)).toBe(format);
  });

  it.each([['ttl', 'turtle'], ['Turtle', 'turtle'], ['nq', 'n-quads'], ['jsonld', 'json-ld'], ['ntriples', 'n-triples']])('--format %s → %s', (name, format) => {
    expect(parseFormat(name)).toBe(format);
  });

  it('rejects an unknown format name with a UsageError', () => {
    expect(() => parseFormat('rdfxml')).toThrow(UsageError);
  });
});

describe('canonical order', () => {
  it.each([
    ['char=75,80', 'char=116,123', -1],
    ['event-9', 'event-10', -1],
    ['a', 'b', -1],
    ['a2', 'a2', 0],
    ['x', 'x1', -1],
    ['b', 'a10', 1],
  ])('%s vs %s', (a, b, sign) => {
    expect(Math.sign(compareNatural(a, b))).toBe(sign);
    expect(Math.sign(compareNatural(b, a))).toBe(-sign || 0);
  });
});

describe('canonical order: properties', () => {
  it('compareNatural is antisymmetric, transitive and 0 only for equal strings', () => {
    const str = fc.string({ unit: fc.constantFrom('a', 'b', '0', '1', '9', '#', ',', '=') , maxLength: 8 });
    fc.assert(fc.property(str, str, str, (a, b, c) => {
      expect(Math.sign(compareNatural(a, b))).toBe(-Math.sign(compareNatural(b, a)) || 0);
      expect(compareNatural(a, b) === 0).toBe(a === b);
      if (compareNatural(a, b) <= 0 && compareNatural(b, c) <= 0) expect(compareNatural(a, c)).toBeLessThanOrEqual(0);
    }), { numRuns: 3000 });
  });

  it('sortQuads is idempotent and ignores input order', () => {
    const quads = emitQuads(makeExtraction());
    fc.assert(fc.property(fc.shuffledSubarray(quads, { minLength: quads.length }), (shuffled) => {
      const sorted = sortQuads(shuffled);
      expect(sortQuads(sorted)).toEqual(sorted);
      expect(sorted).toEqual(sortQuads(quads));
    }), { numRuns: 50 });
  });
});
