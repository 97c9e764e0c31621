/** A canonical order of quads (graph, subject, predicate, object), so that output bytes are deterministic. */
import type * as RDF from '@rdfjs/types';
import { PREFIXES } from './namespaces.ts';

/** Compares two strings with runs of digits compared as numbers ("char=75" before "char=116"). */
export function compareNatural(a: string, b: string): number {
  let i = 0;
  let j = 0;
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

function compareTerms(a: RDF.Term, b: RDF.Term): number {
  return KIND[a.termType] - KIND[b.termType] || compareNatural(termKey(a), termKey(b));
}

/** Compares quads: graph, subject, predicate (type and labels first), object. */
export function compareQuads(a: RDF.Quad, b: RDF.Quad): number {
  return (
    compareTerms(a.graph, b.graph) ||
    compareTerms(a.subject, b.subject) ||
    (LABELS.get(a.predicate.value) ?? 9) - (LABELS.get(b.predicate.value) ?? 9) ||
    compareNatural(a.predicate.value, b.predicate.value) ||
    compareTerms(a.object, b.object)
  );
}

/** Returns the quads without duplicates, in canonical order. */
export function sortQuads<Q extends RDF.Quad>(quads: Iterable<Q>): Q[] {
  const seen = new Map<string, Q>();
  for (const q of quads) {
    const k = quadKey(q);
    if (!seen.has(k)) seen.set(k, q);
  }
  return [...seen.values()].sort(compareQuads);
}
