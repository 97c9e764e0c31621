/** A canonical order of quads (graph, subject, predicate, object), so that output bytes are deterministic. */
import type * as RDF from '@rdfjs/types';
import { PREFIXES } from './namespaces.ts';

/** Compares two strings with runs of digits compared as numbers ("char=75" before "char=116"). */
export function compareNatural(a: string, b: string): number {
  // Skip the common start; where the first differing characters are both non-digits they decide
  // (the common start compares equal however it splits into digit runs).
  const n = Math.min(a.length, b.length);
  let k = 0;
  while (k < n && a.charCodeAt(k) === b.charCodeAt(k)) k++;
  if (k === n) return a.length - b.length;
  const x = a.charCodeAt(k), y = b.charCodeAt(k);
  if ((x < 48 || x > 57) && (y < 48 || y > 57)) return x - y;
  // Otherwise compare from the start of the digit run the difference falls in.
  while (k > 0 && a.charCodeAt(k - 1) >= 48 && a.charCodeAt(k - 1) <= 57) k--;
  let i = k;
  let j = k;
  while (i < a.length && j < b.length) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    const da = ca >= 48 && ca <= 57;
    const db = cb >= 48 && cb <= 57;
    if (da && db) {
      let ei = i; while (ei < a.length && a.charCodeAt(ei) >= 48 && a.charCodeAt(ei) <= 57) ei++;
      let ej = j; while (ej < b.length && b.charCodeAt(ej) >= 48 && b.charCodeAt(ej) <= 57) ej++;
      const na = a.slice(i, ei).replace(/^0+(?=\d)/, '');
      const nb = b.slice(j, ej).replace(/^0+(?=\d)/, '');
      if (na.length !== nb.length) return na.length - nb.length;
      if (na !== nb) return na < nb ? -1 : 1;
      // equal numbers: the one with fewer leading zeros first, then continue
      if (ei - i !== ej - j) return (ei - i) - (ej - j);
      i = ei; j = ej;
      continue;
    }
    if (ca !== cb) return ca - cb;
    i++; j++;
  }
  return (a.length - i) - (b.length - j);
}

/** A string that identifies a term (N-Triples-like), for sorting and de-duplication. */
export function termKey(t: RDF.Term): string {
  switch (t.termType) {
    case 'NamedNode': return t.value;
    case 'BlankNode': return '_:' + t.value;
    case 'DefaultGraph': return '';
    case 'Variable': return '?' + t.value;
    case 'Literal': return `"${t.value}"${t.language ? '@' + t.language : '^^' + t.datatype.value}`;
    case 'Quad': return `<<${termKey(t.subject)} ${termKey(t.predicate)} ${termKey(t.object)}>>`;
  }
}

/** Key of a whole quad, for de-duplication. */
export function quadKey(q: RDF.Quad): string {
  return `${termKey(q.subject)} ${termKey(q.predicate)} ${termKey(q.object)} ${termKey(q.graph)}`;
}

const TYPE = PREFIXES.rdf + 'type';
const LABELS = new Map([
  [TYPE, 0],
  [PREFIXES.rdfs + 'label', 1],
  [PREFIXES.skos + 'prefLabel', 1],
  [PREFIXES.skos + 'altLabel', 2],
]);

/** Term kinds in object position: IRIs, then blank nodes, then literals. */
const KIND: Record<RDF.Term['termType'], number> = { DefaultGraph: 0, NamedNode: 1, BlankNode: 2, Literal: 3, Quad: 4, Variable: 5 };

/** Compares two terms in canonical order (kind, then natural order of their keys). */
function compareTerms(a: RDF.Term, b: RDF.Term): number {
  if (sameTerm(a, b)) return 0; // neighbours in sorted order mostly share graph and subject
  return KIND[a.termType] - KIND[b.termType] || compareNatural(termKey(a), termKey(b));
}

/** Whether two terms have the same termKey, without building it. */
function sameTerm(a: RDF.Term, b: RDF.Term): boolean {
  if (a === b) return true;
  if (a.termType !== b.termType || a.value !== b.value) return false;
  return a.termType !== 'Literal' || (a.language === (b as RDF.Literal).language && a.datatype.value === (b as RDF.Literal).datatype.value);
}

/** Lengths of the IRIs in LABELS: most predicates are ruled out by their length, without hashing. */
const LABEL_LENGTHS = new Set([...LABELS.keys()].map((k) => k.length));

/** Sort rank of a predicate: rdf:type, then labels, then the rest (9). */
function labelRank(iri: string): number {
  return LABEL_LENGTHS.has(iri.length) ? LABELS.get(iri) ?? 9 : 9;
}

/** Compares quads: graph, subject, predicate (type and labels first), object. */
export function compareQuads(a: RDF.Quad, b: RDF.Quad): number {
  const pa = a.predicate.value, pb = b.predicate.value;
  return (
    compareTerms(a.graph, b.graph) ||
    compareTerms(a.subject, b.subject) ||
    (pa === pb ? 0 : labelRank(pa) - labelRank(pb) || compareNatural(pa, pb)) ||
    compareTerms(a.object, b.object)
  );
}

/**
 * A string whose plain code-unit order is the order of compareNatural: each run of digits becomes
 * "0", its significant length, its significant digits and its count of leading zeros (one code unit
 * each for the counts). Sorting by these keys is several times faster than calling compareNatural.
 */
export function naturalKey(s: string): string {
  return s.replace(DIGITS, (run) => {
    let z = 0;
    while (z < run.length - 1 && run.charCodeAt(z) === 48) z++;
    return '0' + String.fromCharCode(run.length - z) + run.slice(z) + String.fromCharCode(z);
  });
}
const DIGITS = /[0-9]+/g;

/** Returns the quads without duplicates, in canonical order (that of compareQuads). */
export function sortQuads<Q extends RDF.Quad>(quads: Iterable<Q>): Q[] {
  // Quads that are already canonical (a build's output on its way to a writer) cost one pass.
  const given = Array.isArray(quads) ? (quads as Q[]) : [...quads];
  if (isCanonical(given)) return given.slice();
  // Each distinct term gets its rank in (kind, natural key) order, each predicate its rank in
  // (label rank, natural key) order; quads are then sorted on four integers (stable, so the first
  // of equal quads stays first) and equal neighbours dropped.
  interface Entry { kind: number; key: string; rank: number }
  const terms = new Map<string, Entry>();
  const predicates = new Map<string, Entry>();
  const entries: Entry[] = [];
  const list: Q[] = [];
  const term = (t: RDF.Term): Entry => {
    const k = termKey(t);
    let e = terms.get(k);
    if (e === undefined) { e = { kind: KIND[t.termType], key: naturalKey(k), rank: 0 }; terms.set(k, e); }
    return e;
  };
  for (const q of given) {
    const pk = termKey(q.predicate);
    let p = predicates.get(pk);
    if (p === undefined) { p = { kind: LABELS.get(q.predicate.value) ?? 9, key: naturalKey(q.predicate.value), rank: 0 }; predicates.set(pk, p); }
    entries.push(term(q.graph), term(q.subject), p, term(q.object));
    list.push(q);
  }
  rankEntries(terms);
  rankEntries(predicates);
  const n = list.length;
  const termBits = bitsFor(terms.size);
  const predicateBits = bitsFor(predicates.size);
  if (3 * termBits + predicateBits <= 52) {
    // The four ranks fit in one exact number: sort the distinct numbers natively.
    const ts = 2 ** termBits, ps = 2 ** predicateBits;
    const first = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const key = ((entries[4 * i]!.rank * ts + entries[4 * i + 1]!.rank) * ps + entries[4 * i + 2]!.rank) * ts + entries[4 * i + 3]!.rank;
      if (!first.has(key)) first.set(key, i);
    }
    const keys = Float64Array.from(first.keys()).sort();
    const out: Q[] = new Array(keys.length);
    for (let i = 0; i < keys.length; i++) out[i] = list[first.get(keys[i]!)!]!;
    return out;
  }
  // Otherwise two numbers per quad: (graph, subject) and (predicate, object).
  const hi = new Float64Array(n), lo = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    hi[i] = entries[4 * i]!.rank * 2 ** 26 + entries[4 * i + 1]!.rank;
    lo[i] = entries[4 * i + 2]!.rank * 2 ** 26 + entries[4 * i + 3]!.rank;
  }
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => hi[a]! - hi[b]! || lo[a]! - lo[b]!);
  const out: Q[] = [];
  let prev = -1;
  for (const i of order) {
    if (prev >= 0 && hi[i] === hi[prev] && lo[i] === lo[prev]) continue;
    out.push(list[i]!);
    prev = i;
  }
  return out;
}

/** Bits needed for the ranks 0..count-1. */
function bitsFor(count: number): number {
  return Math.max(1, Math.ceil(Math.log2(Math.max(2, count))));
}

/** Ranks entries in (kind, natural key) order. */
function rankEntries(m: Map<string, { kind: number; key: string; rank: number }>): void {
  const sorted = [...m.values()].sort((a, b) => a.kind - b.kind || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (let i = 0; i < sorted.length; i++) sorted[i]!.rank = i;
}

/**
 * A test of canonical succession: whether quad b comes strictly after quad a (so a sequence passing
 * it for each neighbour is sorted and without duplicates). As compareQuads, but each distinct
 * predicate gets a key once (its rank, then its natural key) that compares as a plain string:
 * neighbours mostly differ in the predicate only, and predicate IRIs share long starts that
 * compareNatural would walk through character by character.
 */
export function canonicalSuccession(): (a: RDF.Quad, b: RDF.Quad) => boolean {
  const keys = new Map<string, string>();
  const keyOf = (iri: string): string => {
    let key = keys.get(iri);
    if (key === undefined) keys.set(iri, (key = String.fromCharCode(48 + labelRank(iri)) + naturalKey(iri)));
    return key;
  };
  return (a, b) => {
    const pa = a.predicate.value, pb = b.predicate.value;
    const order = compareTerms(a.graph, b.graph) || compareTerms(a.subject, b.subject) ||
      (pa === pb ? 0 : keyOf(pa) < keyOf(pb) ? -1 : 1) || compareTerms(a.object, b.object);
    return order < 0;
  };
}

/** Whether quads are strictly increasing in canonical order (so sorted, without duplicates). */
function isCanonical(quads: readonly RDF.Quad[]): boolean {
  const follows = canonicalSuccession();
  for (let i = 1; i < quads.length; i++) if (!follows(quads[i - 1]!, quads[i]!)) return false;
  return true;
}
