/** Pattern helpers over an N3.Store: match with prefixed names, objects, subjects, labels, instances. */
import { readFileSync } from 'node:fs';
import { DataFactory, Parser, Store } from 'n3';
import type * as RDF from '@rdfjs/types';
import { PREFIXES } from '../rdf/namespaces.ts';
import { resolvePackagePath } from '../io/paths.ts';

/** A term, or a name for one: "ng:Person" (our prefixes), a full IRI, or null for any. */
export type TermLike = RDF.Term | string | null | undefined;

/** Makes a store from quads (an N3.Store is returned as is). */
export function toStore(quads: Iterable<RDF.Quad>): Store {
  return quads instanceof Store ? quads : new Store([...quads]);
}

/** Expands "ng:Person" or "https://…" to a named node; passes terms and null through. */
export function expandTerm(term: TermLike): RDF.Term | null {
  if (term === null || term === undefined) return null;
  if (typeof term !== 'string') return term;
  const m = /^([A-Za-z][\w-]*):(.*)$/.exec(term);
  if (m && m[1]! in PREFIXES && !term.startsWith('http:') && !term.startsWith('https:')) {
    return DataFactory.namedNode(PREFIXES[m[1] as keyof typeof PREFIXES] + m[2]);
  }
  return DataFactory.namedNode(term);
}

/** Quads matching a pattern; each position may be a term, "prefix:name", an IRI, or null. */
export function match(store: Store, subject?: TermLike, predicate?: TermLike, object?: TermLike, graph?: TermLike): RDF.Quad[] {
  return store.getQuads(expandTerm(subject) as RDF.Quad_Subject | null, expandTerm(predicate) as RDF.Quad_Predicate | null, expandTerm(object) as RDF.Quad_Object | null, expandTerm(graph) as RDF.Quad_Graph | null);
}

/** Distinct objects of (subject, predicate), in store order. */
export function objectsOf(store: Store, subject: TermLike, predicate: TermLike): RDF.Term[] {
  return distinct(match(store, subject, predicate, null).map((q) => q.object));
}

/** Distinct subjects of (predicate, object). */
export function subjectsOf(store: Store, predicate: TermLike, object: TermLike): RDF.Term[] {
  return distinct(match(store, null, predicate, object).map((q) => q.subject));
}

/** The first value of (subject, predicate), or undefined. */
export function valueOf(store: Store, subject: TermLike, predicate: TermLike): string | undefined {
  return objectsOf(store, subject, predicate)[0]?.value;
}

const LABEL_PREDICATES = ['rdfs:label', 'skos:prefLabel', 'schema:name', 'schema:headline'];

/** The display label of a node: rdfs:label, else skos:prefLabel, schema:name or schema:headline. */
export function labelOf(store: Store, node: TermLike): string | undefined {
  for (const p of LABEL_PREDICATES) {
    const values = objectsOf(store, node, p).map((t) => t.value).sort();
    if (values.length > 0) return values[0];
  }
  return undefined;
}

/** Every label of a node: rdfs:label, skos:prefLabel and skos:altLabel values, sorted. */
export function labelsOf(store: Store, node: TermLike): string[] {
  return [...new Set(['rdfs:label', 'skos:prefLabel', 'skos:altLabel'].flatMap((p) => objectsOf(store, node, p).map((t) => t.value)))].sort();
}

/** The rdf:type IRIs of a node, sorted. */
export function typesOf(store: Store, node: TermLike): string[] {
  return objectsOf(store, node, 'rdf:type').map((t) => t.value).sort();
}

let hierarchy: RDF.Quad[] | undefined;

/** The rdfs:subClassOf triples of ontology/newsgraph.ttl. */
function ontologySubclasses(): RDF.Quad[] {
  if (!hierarchy) {
    const quads = new Parser().parse(readFileSync(resolvePackagePath('ontology', 'newsgraph.ttl'), 'utf8'));
    hierarchy = quads.filter((q) => q.predicate.value === PREFIXES.rdfs + 'subClassOf') as RDF.Quad[];
  }
  return hierarchy;
}

/** A class and all its subclasses (from the newsgraph ontology and the store itself). */
export function subclassesOf(store: Store, cls: TermLike): string[] {
  const root = expandTerm(cls);
  if (!root) return [];
  const edges = [...ontologySubclasses(), ...match(store, null, 'rdfs:subClassOf', null)];
  const result = new Set([root.value]);
  for (let grew = true; grew;) {
    grew = false;
    for (const q of edges) {
      if (result.has(q.object.value) && !result.has(q.subject.value)) { result.add(q.subject.value); grew = true; }
    }
  }
  return [...result].sort();
}

/** Nodes typed with the class or any of its subclasses ("ng:Event" finds meetings and arrests). */
export function instancesOf(store: Store, cls: TermLike): RDF.Term[] {
  return distinct(subclassesOf(store, cls).flatMap((c) => subjectsOf(store, 'rdf:type', c)));
}

function distinct(terms: RDF.Term[]): RDF.Term[] {
  const seen = new Set<string>();
  return terms.filter((t) => {
    const k = t.termType + ':' + t.value + (t.termType === 'Literal' ? '^^' + t.datatype.value + '@' + t.language : '');
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
