/** Types of the loader: graphology attributes of the nodes and edges it builds from RDF. */
import type * as RDF from '@rdfjs/types';

/** Display category of a node, from its rdf:type closed under rdfs:subClassOf. */
export type NodeType =
  | 'Person'
  | 'Organization'
  | 'Place'
  | 'Event'
  | 'Relation'
  | 'Topic'
  | 'Other'
  | 'Article'
  | 'Sentence'
  | 'Mention';

/** Every node type, in legend order. */
export const NODE_TYPES: readonly NodeType[] = [
  'Person', 'Organization', 'Place', 'Event', 'Relation', 'Topic', 'Other', 'Article', 'Sentence', 'Mention',
];

/** Which graph to build from the quads. */
export type Projection = 'full' | 'actors' | 'actor-topic';

/** Every projection, in menu order. */
export const PROJECTIONS: readonly Projection[] = ['full', 'actors', 'actor-topic'];

/** A span of an evidence sentence that mentions an entity (offsets relative to the sentence text). */
export interface Highlight {
  start: number;
  end: number;
  /** IRI of the entity the mention refers to (itsrdf:taIdentRef). */
  entity: string;
}

/** A sentence that supports a fact, with its character offsets in the article text. */
export interface Evidence {
  /** The sentence text (untrusted: render as text). */
  text: string;
  /** Offsets of the sentence in the article text (nif:beginIndex / nif:endIndex). */
  begin: number;
  end: number;
  /** Article IRI the sentence comes from. */
  article: string;
  /** Mentions inside the sentence, sorted by start. */
  highlights: Highlight[];
}

/** Attributes of a node (key = the resource IRI, or `_:label` for blank nodes). */
export interface NodeAttributes {
  label: string;
  type: NodeType;
  /** Label of the most specific class (e.g. "Meeting", "Country"); equals `type` when unknown. */
  classLabel: string;
  /** IRIs of the node's direct rdf:types, sorted. */
  classes: string[];
  aliases: string[];
  /** Wikidata QID (e.g. "Q16") when linked by owl:sameAs / skos:exactMatch. */
  wikidata?: string;
  /** GeoNames feature id when linked. */
  geonames?: string;
  mentionCount: number;
  /** IRIs of the articles the node is mentioned in or comes from, sorted. */
  articles: string[];
  /** Roles held (labels of org:holds positions), for people. */
  roles: string[];
  /** Time stamps of an event (sem:hasTimeStamp literals, directly or through a time node). */
  dates: string[];
  /** Time expressions as written ("this week"; ng:timeText), for events. */
  timeTexts: string[];
  /** Evidence sentences of the node itself (events, relations). */
  evidence: Evidence[];
  /** True for people, organizations and countries. */
  actor: boolean;
  x: number;
  y: number;
  size: number;
  color?: string;
  [key: string]: unknown;
}

/** Attributes of an edge. */
export interface EdgeAttributes {
  /** Predicate IRI (full projection) or a projection-specific kind ("co-participation", "topic"). */
  predicate: string;
  /** Human-readable predicate label ("participant", "Prime Minister of Canada", "shares 2 events"). */
  label: string;
  /** Events and relations this edge goes through (projections), or the position it folds (roles). */
  via: string[];
  /** Number of facts behind the edge (1 in the full graph). */
  weight: number;
  evidence: Evidence[];
  size: number;
  color?: string;
  [key: string]: unknown;
}

/** Attributes of the whole graph. */
export interface GraphAttributes {
  projection: Projection;
  /** IRIs of every article found in the data, sorted. */
  articles: string[];
  [key: string]: unknown;
}

/** Resource kinds that are not nodes unless asked. */
export type Extra = 'mentions' | 'sentences' | 'articles';

/** Options of `loadGraph`. */
export interface LoadOptions {
  /** Which graph to build (default "full"). */
  projection?: Projection;
  /**
   * Ontology quads (ontology/*.ttl: classes, properties, topic concepts): the class and property hierarchy,
   * property labels and topic labels come from them too. Without them a built-in copy of the core of
   * ontology/newsgraph.ttl still types ng: data, but topics are labelled by their IRI.
   */
  ontology?: Iterable<RDF.Quad>;
  /** Also make nodes of these resources (full projection only). */
  include?: readonly Extra[];
}
