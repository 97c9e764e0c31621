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

/** ASCII characters an IRI may hold as they are (RFC 3987 unreserved and reserved, but "[]" and "%"). */
const IRI_ASCII = /^[A-Za-z0-9\-._~:/?#@!$&'()*+,;=]$/;
/** Common case: printable ASCII of IRI_ASCII with at most one "#". */
const PLAIN_IRI = /^[A-Za-z0-9\-._~:/?@!$&'()*+,;=]*(?:#[A-Za-z0-9\-._~:/?@!$&'()*+,;=]*)?$/;

/** Whether a code point above U+007F is an RFC 3987 ucschar (allowed unescaped anywhere in an IRI). */
function isUcschar(cp: number): boolean {
  if (cp < 0x10000) return (cp >= 0xa0 && cp <= 0xd7ff) || (cp >= 0xf900 && cp <= 0xfdcf) || (cp >= 0xfdf0 && cp <= 0xffef);
  return cp <= 0xeffff && (cp & 0xffff) <= 0xfffd && (cp < 0xe0000 || cp >= 0xe1000);
}

/** Percent-encodes the UTF-8 bytes of one code point. */
function percentEncode(cp: number): string {
  let out = '';
  for (const b of new TextEncoder().encode(String.fromCodePoint(cp))) out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  return out;
}

/**
 * A valid IRI (RFC 3987) from a string that should be one: every character an IRI cannot hold
 * (spaces, controls, <>"{}|\^`, a second "#", "[]" outside the host, a "%" not starting an escape,
 * private-use and non-characters) is percent-encoded as UTF-8; lone surrogates become U+FFFD. Valid
 * IRIs are returned unchanged, so applying it twice changes nothing.
 */
export function toIri(value: string): string {
  if (PLAIN_IRI.test(value)) return value;
  const authority = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/.exec(value)?.[0].length ?? 0;
  let out = '';
  let hash = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    let cp = value.codePointAt(i)!;
    if (cp > 0xffff) i++;
    else if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd; // a lone surrogate
    if (ch === '%' && /^[0-9A-Fa-f]{2}$/.test(value.slice(i + 1, i + 3))) out += '%';
    else if (ch === '#' && !hash) { hash = true; out += '#'; }
    else if ((ch === '[' || ch === ']') && i < authority) out += ch;
    // White space of any kind (no-break, ideographic, line separators) is escaped, though RFC 3987
    // allows some of it: such an IRI could not be told apart from its neighbours when read.
    else if (cp < 0x80 ? ch !== '#' && IRI_ASCII.test(ch) : isUcschar(cp) && !/\s/u.test(String.fromCodePoint(cp))) out += String.fromCodePoint(cp);
    else out += percentEncode(cp);
  }
  return out;
}

/** IRI of an entity: type and canonical-name slug, so the same entity gets the same IRI in every article. */
export function entityIri(key: string): RDF.NamedNode {
  return namedNode(toIri(PREFIXES.ngr + key));
}

/** IRI of a topic concept of ontology/topics.ttl. */
export function topicIri(key: string): RDF.NamedNode {
  return namedNode(toIri(PREFIXES.ngt + key));
}

/** IRI of an article (its id is a slug; escaped anyway, so no id can make an invalid IRI). */
export function articleIri(id: string): RDF.NamedNode {
  return namedNode(toIri(PREFIXES.ngd + id));
}

/** IRI of a character range of an article's text (NIF 2.0 RFC 5147 style). */
export function charIri(articleId: string, start: number, end: number): RDF.NamedNode {
  return namedNode(toIri(`${PREFIXES.ngd}${articleId}#char=${start},${end}`));
}

/** IRI of a node local to one article (events, relations, positions), minted from the article id. */
export function localIri(articleId: string, local: string): RDF.NamedNode {
  return namedNode(toIri(`${PREFIXES.ngd}${articleId}#${local}`));
}

/** Wikidata entity IRI. */
export function wikidataIri(qid: string): RDF.NamedNode {
  return namedNode(PREFIXES.wd + qid);
}

/** GeoNames feature IRI, in the form https://sws.geonames.org/<id>/. */
export function geonamesIri(id: string): RDF.NamedNode {
  return namedNode(`${PREFIXES.gn}${id}/`);
}
