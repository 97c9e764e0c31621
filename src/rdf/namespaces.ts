/** Every IRI newsgraph writes lives here; a test checks that each `ng:` term is declared in ontology/. */
import { DataFactory } from 'n3';
import type * as RDF from '@rdfjs/types';

const { namedNode } = DataFactory;

/** Prefix map used by every writer (Turtle, TriG, JSON-LD context). */
export const PREFIXES = {
  ng: 'https://w3id.org/newsgraph/ontology#',
  ngr: 'https://w3id.org/newsgraph/resource/',
  ngt: 'https://w3id.org/newsgraph/topic/',
  ngd: 'https://w3id.org/newsgraph/doc/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  owl: 'http://www.w3.org/2002/07/owl#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  schema: 'https://schema.org/',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  prov: 'http://www.w3.org/ns/prov#',
  nif: 'http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#',
  itsrdf: 'http://www.w3.org/2005/11/its/rdf#',
  sem: 'http://semanticweb.cs.vu.nl/2009/11/sem/',
  org: 'http://www.w3.org/ns/org#',
  dcterms: 'http://purl.org/dc/terms/',
  wd: 'http://www.wikidata.org/entity/',
  gn: 'https://sws.geonames.org/',
  sh: 'http://www.w3.org/ns/shacl#',
} as const;

type Prefix = keyof typeof PREFIXES;

/** A namespace: `ns('x')` or `ns.x` gives the named node of a local name. */
function namespace<T extends string>(prefix: Prefix, terms: readonly T[]): Record<T, RDF.NamedNode> & ((local: string) => RDF.NamedNode) {
  const base = PREFIXES[prefix];
  const fn = ((local: string) => namedNode(base + local)) as unknown as Record<T, RDF.NamedNode> & ((local: string) => RDF.NamedNode);
  // defineProperty, since a function's own `name` and `length` are read-only (schema:name).
  for (const t of terms) Object.defineProperty(fn, t, { value: namedNode(base + t), enumerable: true, writable: false, configurable: false });
  return fn;
}

/** Classes and properties of the newsgraph ontology (ontology/newsgraph.ttl). */
export const NG_CLASSES = [
  'Article', 'Actor', 'Person', 'Organization', 'Place', 'Country', 'City', 'Region', 'Position', 'Relation', 'Event',
  'Meeting', 'Summit', 'Arrest', 'Communication', 'Agreement', 'Attack', 'Election', 'Protest', 'Visit',
  'Announcement', 'Ruling', 'Accident', 'Disaster', 'Topic',
] as const;
export const NG_PROPERTIES = [
  // facts
  'participant', 'place', 'timeStamp', 'timeText', 'topic', 'partOf', 'organizer', 'holds', 'postIn', 'roleName',
  'memberOf', 'locatedIn', 'party',
  // provenance and bookkeeping
  'evidence', 'mentionCount',
] as const;
export const ng = namespace('ng', [...NG_CLASSES, ...NG_PROPERTIES]);

export const rdf = namespace('rdf', ['type']);
export const rdfs = namespace('rdfs', ['label', 'comment', 'subClassOf', 'subPropertyOf']);
export const owl = namespace('owl', ['sameAs']);
export const xsd = namespace('xsd', ['string', 'nonNegativeInteger', 'integer', 'date', 'dateTime', 'gYear', 'gYearMonth']);
export const schema = namespace('schema', ['NewsArticle', 'headline', 'datePublished', 'url', 'mentions', 'about', 'name']);
export const skos = namespace('skos', ['Concept', 'ConceptScheme', 'prefLabel', 'altLabel', 'inScheme']);
export const prov = namespace('prov', ['wasDerivedFrom']);
export const nif = namespace('nif', ['Context', 'OffsetBasedString', 'Sentence', 'Phrase', 'isString', 'beginIndex', 'endIndex', 'anchorOf', 'referenceContext', 'sourceUrl', 'sentence']);
export const itsrdf = namespace('itsrdf', ['taIdentRef']);
export const sem = namespace('sem', ['Event', 'Actor', 'Place', 'Time', 'hasActor', 'hasPlace', 'hasTime', 'hasTimeStamp', 'subEventOf']);
export const dcterms = namespace('dcterms', ['subject']);

/** IRI of an entity: type and canonical-name slug, so the same entity gets the same IRI in every article. */
export function entityIri(key: string): RDF.NamedNode {
  return namedNode(PREFIXES.ngr + key);
}

/** IRI of a topic concept of ontology/topics.ttl. */
export function topicIri(key: string): RDF.NamedNode {
  return namedNode(PREFIXES.ngt + key);
}

/** IRI of an article (its id is already IRI-safe). */
export function articleIri(id: string): RDF.NamedNode {
  return namedNode(PREFIXES.ngd + id);
}

/** IRI of a character range of an article's text (NIF 2.0 RFC 5147 style). */
export function charIri(articleId: string, start: number, end: number): RDF.NamedNode {
  return namedNode(`${PREFIXES.ngd}${articleId}#char=${start},${end}`);
}

/** IRI of a node local to one article (events, relations, positions), minted from the article id. */
export function localIri(articleId: string, local: string): RDF.NamedNode {
  return namedNode(`${PREFIXES.ngd}${articleId}#${local}`);
}

/** Wikidata entity IRI. */
export function wikidataIri(qid: string): RDF.NamedNode {
  return namedNode(PREFIXES.wd + qid);
}

/** GeoNames feature IRI, in the form https://sws.geonames.org/<id>/. */
export function geonamesIri(id: string): RDF.NamedNode {
  return namedNode(`${PREFIXES.gn}${id}/`);
}
