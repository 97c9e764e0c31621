/** The IRIs the loader reads, and the class / property hierarchy closed over ontology and data. */
import type * as RDF from '@rdfjs/types';
import { PREFIXES } from '../rdf/namespaces.ts';
import type { NodeType } from './types.ts';

const { ng, rdf, rdfs, owl, skos, schema, prov, nif, itsrdf, sem, org, dcterms, sh } = PREFIXES;
const foaf = 'http://xmlns.com/foaf/0.1/';
const dbo = 'http://dbpedia.org/ontology/';
const schemaHttp = 'http://schema.org/';

/** IRIs the loader uses by name. */
export const IRI = {
  type: `${rdf}type`,
  subClassOf: `${rdfs}subClassOf`,
  subPropertyOf: `${rdfs}subPropertyOf`,
  equivalentClass: `${owl}equivalentClass`,
  equivalentProperty: `${owl}equivalentProperty`,
  label: `${rdfs}label`,
  prefLabel: `${skos}prefLabel`,
  altLabel: `${skos}altLabel`,
  name: `${schema}name`,
  alternateName: `${schema}alternateName`,
  sameAs: `${owl}sameAs`,
  exactMatch: `${skos}exactMatch`,
  wasDerivedFrom: `${prov}wasDerivedFrom`,
  holds: `${org}holds`,
  postIn: `${org}postIn`,
  hasTime: `${sem}hasTime`,
  hasTimeStamp: `${sem}hasTimeStamp`,
  subject: `${dcterms}subject`,
  mentions: `${schema}mentions`,
  taIdentRef: `${itsrdf}taIdentRef`,
  beginIndex: `${nif}beginIndex`,
  endIndex: `${nif}endIndex`,
  anchorOf: `${nif}anchorOf`,
  isString: `${nif}isString`,
  referenceContext: `${nif}referenceContext`,
  sourceUrl: `${nif}sourceUrl`,
  nifSentence: `${nif}sentence`,
  Sentence: `${nif}Sentence`,
  Context: `${nif}Context`,
  Phrase: `${nif}Phrase`,
  Post: `${org}Post`,
  Time: `${sem}Time`,
  Concept: `${skos}Concept`,
  mentionCount: `${ng}mentionCount`,
  timeText: `${ng}timeText`,
} as const;

/** Root classes of each display type (schema.org in both schemes, as the scorer reads them). */
const TYPE_ROOTS: ReadonlyArray<[NodeType | 'Position' | 'Time' | 'Article' | 'Country', string[]]> = [
  ['Article', ['NewsArticle', 'Article', 'CreativeWork'].flatMap((c) => [schema + c, schemaHttp + c]).concat(`${ng}Article`, `${foaf}Document`)],
  ['Position', [`${org}Post`, `${ng}Position`]],
  ['Time', [`${sem}Time`]],
  ['Relation', [`${ng}Relation`, `${ng}BilateralRelation`]],
  ['Topic', [`${skos}Concept`]],
  ['Event', [schema + 'Event', schemaHttp + 'Event', `${sem}Event`, `${dbo}Event`]],
  ['Person', [schema + 'Person', schemaHttp + 'Person', `${foaf}Person`, `${dbo}Person`]],
  ['Country', [schema + 'Country', schemaHttp + 'Country', `${ng}Country`]],
  ['Place', ['Place', 'Country', 'City', 'AdministrativeArea', 'State', 'Continent']
    .flatMap((c) => [schema + c, schemaHttp + c])
    .concat(`${dbo}Place`, `${sem}Place`, 'http://www.geonames.org/ontology#Feature')],
  ['Organization', ['Organization', 'GovernmentOrganization', 'Corporation', 'NGO', 'EducationalOrganization', 'PoliticalParty']
    .flatMap((c) => [schema + c, schemaHttp + c])
    .concat(`${foaf}Organization`, `${org}Organization`, `${org}FormalOrganization`, `${dbo}Organisation`)],
];

/** What the hierarchy says about a node's classes. */
export interface Classification {
  /** Display type, or a kind that is folded or skipped. */
  kind: NodeType | 'Position' | 'Time' | 'Article' | 'Document' | 'Term' | undefined;
  /** True for a country (an actor although a place). */
  country: boolean;
}

const NIF_DOCUMENT = [`${nif}Context`, `${nif}String`, `${nif}Phrase`, `${nif}Sentence`, `${nif}Word`, `${nif}OffsetBasedString`];
const TERM_CLASSES = [
  `${owl}Class`, `${rdfs}Class`, `${owl}ObjectProperty`, `${owl}DatatypeProperty`, `${owl}AnnotationProperty`,
  `${rdf}Property`, `${owl}Ontology`, `${skos}ConceptScheme`, `${sh}NodeShape`, `${sh}PropertyShape`,
];

/** Ancestors of every class and property, closed under subClassOf / subPropertyOf (and equivalence). */
export class Hierarchy {
  private readonly up = new Map<string, Set<string>>();
  private readonly closed = new Map<string, Set<string>>();
  private readonly labels = new Map<string, string>();

  constructor() {
    for (const [child, parent] of BUILTIN_HIERARCHY) this.link(child, parent);
  }

  /** Reads the hierarchy and the class and property labels from quads. */
  add(quads: Iterable<RDF.Quad>): void {
    for (const q of quads) this.addQuad(q);
  }

  /** Reads one quad (any quad; most say nothing here). True when it added a class or property link. */
  addQuad(q: RDF.Quad): boolean {
    const p = q.predicate.value;
    if (q.object.termType === 'NamedNode' && (p === IRI.subClassOf || p === IRI.subPropertyOf)) {
      return this.link(q.subject.value, q.object.value);
    } else if (q.object.termType === 'NamedNode' && (p === IRI.equivalentClass || p === IRI.equivalentProperty)) {
      const down = this.link(q.subject.value, q.object.value);
      const up = this.link(q.object.value, q.subject.value);
      return down || up;
    } else if (p === IRI.label && q.object.termType === 'Literal' && !this.labels.has(q.subject.value)) {
      const lang = (q.object as RDF.Literal).language;
      if (!lang || lang.startsWith('en')) this.labels.set(q.subject.value, q.object.value);
    }
    return false;
  }

  /** Whether a predicate is one addQuad links classes or properties with. */
  static links(predicate: string): boolean {
    return predicate === IRI.subClassOf || predicate === IRI.subPropertyOf || predicate === IRI.equivalentClass || predicate === IRI.equivalentProperty;
  }

  private link(child: string, parent: string): boolean {
    let set = this.up.get(child);
    if (!set) this.up.set(child, (set = new Set()));
    if (set.has(parent)) return false;
    set.add(parent);
    this.closed.clear();
    return true;
  }

  /** The term and all its ancestors. */
  ancestors(term: string): Set<string> {
    const cached = this.closed.get(term);
    if (cached) return cached;
    const seen = new Set<string>([term]);
    const stack = [term];
    while (stack.length) {
      for (const parent of this.up.get(stack.pop()!) ?? []) {
        if (!seen.has(parent)) {
          seen.add(parent);
          stack.push(parent);
        }
      }
    }
    this.closed.set(term, seen);
    return seen;
  }

  /** True when `term` is `root` or a descendant of it. */
  is(term: string, root: string): boolean {
    return this.ancestors(term).has(root);
  }

  /** The label of a class or property from the ontology, else its local name spelled out. */
  labelOf(term: string): string {
    let label = this.labels.get(term);
    if (label === undefined) {
      label = spellLocalName(term);
      this.labels.set(term, label);
    }
    return label;
  }

  /** Places a node by its rdf:types into a display type. */
  classify(classes: readonly string[]): Classification {
    const all = new Set<string>();
    for (const c of classes) for (const a of this.ancestors(c)) all.add(a);
    const has = (roots: readonly string[]): boolean => roots.some((r) => all.has(r));
    const country = has(rootsOf('Country'));
    if (has(TERM_CLASSES)) return { kind: 'Term', country };
    if (has(NIF_DOCUMENT)) return { kind: 'Document', country };
    for (const [kind, roots] of TYPE_ROOTS) {
      if (kind === 'Country') continue;
      if (has(roots)) return { kind, country };
    }
    return { kind: classes.length ? 'Other' : undefined, country };
  }

  /** Picks the most specific of a node's classes (the one with most ancestors) for display. */
  mostSpecific(classes: readonly string[]): string | undefined {
    let best: string | undefined;
    let depth = -1;
    for (const c of [...classes].sort()) {
      const d = this.ancestors(c).size;
      if (d > depth) {
        best = c;
        depth = d;
      }
    }
    return best;
  }
}

function rootsOf(kind: string): string[] {
  return TYPE_ROOTS.find(([k]) => k === kind)![1];
}

const EVENT_CLASSES = ['Meeting', 'Summit', 'Arrest', 'Communication', 'Agreement', 'Attack', 'Election', 'Protest', 'Visit',
  'Announcement', 'Ruling', 'Accident', 'Disaster'];

/** The core of ontology/newsgraph.ttl, so that ng: data loads even when no ontology is passed. */
export const BUILTIN_HIERARCHY: ReadonlyArray<[string, string]> = [
  [`${ng}Person`, `${schema}Person`],
  [`${ng}Organization`, `${schema}Organization`],
  [`${ng}Place`, `${schema}Place`],
  [`${ng}Country`, `${ng}Place`], [`${ng}Country`, `${schema}Country`],
  [`${ng}City`, `${ng}Place`], [`${ng}City`, `${schema}City`],
  [`${ng}Region`, `${ng}Place`],
  [`${ng}Event`, `${schema}Event`],
  ...EVENT_CLASSES.map((c): [string, string] => [ng + c, `${ng}Event`]),
  [`${ng}Position`, `${org}Post`],
  [`${ng}Topic`, `${skos}Concept`],
  [`${ng}Article`, `${schema}NewsArticle`],
  [`${ng}evidence`, `${prov}wasDerivedFrom`],
  [`${ng}holds`, `${org}holds`],
  [`${ng}postIn`, `${org}postIn`],
  [`${ng}timeStamp`, `${sem}hasTimeStamp`],
  [`${ng}topic`, `${dcterms}subject`],
];

/** Predicates whose values are names. */
export const LABEL_PREDICATES = [IRI.label, IRI.prefLabel, IRI.name, `${schemaHttp}name`, `${foaf}name`];
/** Predicates whose values are other names (aliases). */
export const ALIAS_PREDICATES = [IRI.altLabel, IRI.alternateName, `${schemaHttp}alternateName`];
/** Predicates that link a resource to the same thing elsewhere (Wikidata, GeoNames). */
export const SAME_AS_PREDICATES = [IRI.sameAs, IRI.exactMatch, `${schema}sameAs`, `${schemaHttp}sameAs`, `${skos}closeMatch`];

/** Namespaces whose predicates are bookkeeping, never graph edges. */
const NON_EDGE_NAMESPACES = [prov, nif, itsrdf, 'http://www.w3.org/ns/oa#'];
const NON_EDGE_PREDICATES = [
  IRI.type, ...LABEL_PREDICATES, ...ALIAS_PREDICATES, ...SAME_AS_PREDICATES, `${rdfs}seeAlso`, `${skos}inScheme`,
  `${skos}broader`, `${skos}narrower`, `${skos}related`, IRI.mentions, `${schemaHttp}mentions`, `${dcterms}source`,
];

/** True when a predicate is a fact between two nodes (not a type, label, link or provenance). */
export function isEdgePredicate(hierarchy: Hierarchy, predicate: string): boolean {
  for (const a of hierarchy.ancestors(predicate)) {
    if (NON_EDGE_PREDICATES.includes(a)) return false;
    if (NON_EDGE_NAMESPACES.some((ns) => a.startsWith(ns))) return false;
  }
  return true;
}

/** "partOfEvent" → "part of event"; `#holds` → "holds". */
export function spellLocalName(iri: string): string {
  const local = decodeURIComponentSafe(iri.replace(/\/$/, '').split(/[#/]/).pop() ?? iri);
  return local.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[-_]+/g, ' ').toLowerCase();
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
