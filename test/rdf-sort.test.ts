import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DataFactory } from 'n3';
import type * as RDF from '@rdfjs/types';
import { compareNatural, compareQuads, naturalKey, quadKey, sortQuads } from '../src/rdf/sort.ts';

const { namedNode, literal, blankNode, quad, defaultGraph } = DataFactory;

/** sortQuads as it was first written: de-duplicate by key (first wins), then sort with compareQuads. */
function sortByComparator(quads: RDF.Quad[]): RDF.Quad[] {
  const seen = new Map<string, RDF.Quad>();
  for (const q of quads) if (!seen.has(quadKey(q))) seen.set(quadKey(q), q);
  return [...seen.values()].sort(compareQuads);
}

// Strings rich in digit runs, leading zeros and characters just below and above the digits.
const natural = fc.array(fc.constantFrom('0', '00', '1', '9', '10', '007', '/', ':', 'a', 'char=', ',', '#', 'é'), { maxLength: 8 }).map((p) => p.join(''));
const iri = natural.map((s) => `https://example.org/${s}`);
const subject = fc.oneof(iri.map((v) => namedNode(v)), natural.map((v) => blankNode(`b${v}`)));
const predicate = fc.oneof(
  fc.constantFrom('http://www.w3.org/1999/02/22-rdf-syntax-ns#type', 'http://www.w3.org/2000/01/rdf-schema#label', 'http://www.w3.org/2004/02/skos/core#altLabel').map((v) => namedNode(v)),
  iri.map((v) => namedNode(v)),
);
const object = fc.oneof(subject, natural.map((v) => literal(v)), natural.map((v) => literal(v, 'en')), natural.map((v) => literal(v, namedNode('http://www.w3.org/2001/XMLSchema#integer'))));
const graph = fc.oneof(fc.constant(defaultGraph()), iri.map((v) => namedNode(v)));
const quads = fc.array(fc.tuple(subject, predicate, object, graph).map(([s, p, o, g]) => quad(s as RDF.Quad_Subject, p, o as RDF.Quad_Object, g)), { maxLength: 60 });

/** compareNatural as first written: one pass, character by character, digit runs as numbers. */
function compareNaturalReference(a: string, b: string): number {
  let i = 0, j = 0;
  const digit = (c: number) => c >= 48 && c <= 57;
  while (i < a.length && j < b.length) {
    const ca = a.charCodeAt(i), cb = b.charCodeAt(j);
    if (digit(ca) && digit(cb)) {
      let ei = i; while (ei < a.length && digit(a.charCodeAt(ei))) ei++;
      let ej = j; while (ej < b.length && digit(b.charCodeAt(ej))) ej++;
      const na = a.slice(i, ei).replace(/^0+(?=\d)/, ''), nb = b.slice(j, ej).replace(/^0+(?=\d)/, '');
      if (na.length !== nb.length) return na.length - nb.length;
      if (na !== nb) return na < nb ? -1 : 1;
      if (ei - i !== ej - j) return (ei - i) - (ej - j);
      i = ei; j = ej;
      continue;
    }
    if (ca !== cb) return ca - cb;
    i++; j++;
  }
  return (a.length - i) - (b.length - j);
}

describe('compareNatural', () => {
  it('orders every pair as the one-pass reference does (the common start is skipped first)', () => {
    fc.assert(fc.property(natural, natural, (a, b) => {
      expect(Math.sign(compareNatural(a, b))).toBe(Math.sign(compareNaturalReference(a, b)));
      expect(Math.sign(compareNatural(a + b, a + a))).toBe(Math.sign(compareNaturalReference(a + b, a + a)));
    }), { numRuns: 5000 });
  });
});

describe('naturalKey', () => {
  it.each([
    ['char=75,80', 'char=116,123'],
    ['event-9', 'event-10'],
    ['x', 'x1'],
    ['a/', 'a0'],
    ['a1', 'a01'],
    ['a9', 'a:'],
  ])('orders %s before %s as compareNatural does', (a, b) => {
    expect(compareNatural(a, b)).toBeLessThan(0);
    expect(naturalKey(a) < naturalKey(b)).toBe(true);
  });

  it('agrees with compareNatural on every pair', () => {
    fc.assert(fc.property(natural, natural, (a, b) => {
      const expected = Math.sign(compareNatural(a, b));
      const ka = naturalKey(a), kb = naturalKey(b);
      expect(ka < kb ? -1 : ka > kb ? 1 : 0).toBe(expected);
    }), { numRuns: 2000 });
  });
});

describe('sortQuads', () => {
  it('returns what de-duplicating and sorting with compareQuads returns, keeping the first of equal quads', () => {
    fc.assert(fc.property(quads, (qs) => {
      const doubled = [...qs, ...qs.slice(0, 10).map((q) => quad(q.subject, q.predicate, q.object, q.graph))];
      const got = sortQuads(doubled);
      const want = sortByComparator(doubled);
      expect(got.length).toBe(want.length);
      got.forEach((q, i) => expect(q).toBe(want[i]));
      // Already canonical input (the fast path), and canonical input with a duplicate.
      expect(sortQuads(want)).toEqual(want);
      if (want.length) expect(sortQuads([...want, want[want.length - 1]!])).toEqual(want);
    }), { numRuns: 500 });
  });

  it('sorts canonical input with two neighbours swapped or one quad repeated (the check of canonical input must see it)', () => {
    // Few subjects and graphs, so that neighbours often differ in the predicate or object only.
    const few = fc.array(fc.tuple(fc.constantFrom('https://example.org/s1', 'https://example.org/s2'), predicate, object, fc.constantFrom(defaultGraph(), namedNode('https://example.org/g')))
      .map(([s, p, o, g]) => quad(namedNode(s), p, o as RDF.Quad_Object, g)), { maxLength: 30 });
    fc.assert(fc.property(few, fc.nat(), fc.boolean(), (qs, at, swap) => {
      const want = sortByComparator(qs);
      if (want.length < 2) return;
      const i = at % (want.length - 1);
      const broken = [...want];
      if (swap) [broken[i], broken[i + 1]] = [broken[i + 1]!, broken[i]!];
      else broken.splice(i + 1, 0, quad(want[i]!.subject, want[i]!.predicate, want[i]!.object, want[i]!.graph));
      expect(sortQuads(broken)).toEqual(want);
    }), { numRuns: 1000 });
  });
});
