/** Statistics of a graph: what `newsgraph stats` prints. */
import type * as RDF from '@rdfjs/types';
import { DataFactory, Store } from 'n3';
import { PREFIXES } from '../rdf/namespaces.ts';
import { instancesOf, subjectsOf } from './patterns.ts';
/** Statistics of a set of quads. */
export interface GraphStats {
  /** Distinct triples (graphs merged). */
  triples: number;
  /** Quads as read (one per graph a triple is in). */
  quads: number;
  /** Named graphs. */
  graphs: number;
  subjects: number;
  articles: number;
  /** Entities by class (Person, Organization, Country, City, Region, Place). */
  entities: Record<string, number>;
  /** Events by their most specific ng: class. */
  events: Record<string, number>;
  positions: number;
  relations: number;
  topics: number;
  mentions: number;
  sentences: number;
  links: { wikidata: number; geonames: number };
}

const ENTITY_CLASSES = ['Person', 'Organization', 'Country', 'City', 'Region'] as const;

/** Counts triples, graphs, entities and events by class, topics, mentions and links. */
export function computeStats(quads: readonly RDF.Quad[]): GraphStats {
  const store = new Store();
  const graphs = new Set<string>();
  for (const q of quads) {
    if (q.graph.termType !== 'DefaultGraph') graphs.add(q.graph.value);
    store.addQuad(DataFactory.quad(q.subject, q.predicate, q.object));
  }
  const count = (cls: string) => instancesOf(store, cls).length;
  const typed = (cls: string) => subjectsOf(store, 'rdf:type', cls).length;
  const entities: Record<string, number> = {};
  for (const c of ENTITY_CLASSES) { const n = count('ng:' + c); if (n) entities[c] = n; }
  const otherPlaces = typed('ng:Place');
  if (otherPlaces) entities.Place = otherPlaces;
  const events: Record<string, number> = {};
  for (const ev of instancesOf(store, 'ng:Event')) {
    const cls = store.getObjects(ev as RDF.Quad_Subject, DataFactory.namedNode(PREFIXES.rdf + 'type'), null)
      .map((t) => t.value).filter((t) => t.startsWith(PREFIXES.ng)).map((t) => t.slice(PREFIXES.ng.length)).filter((t) => t !== 'Event').sort()[0] ?? 'Event';
    events[cls] = (events[cls] ?? 0) + 1;
  }
  let wikidata = 0, geonames = 0;
  for (const q of store.getQuads(null, DataFactory.namedNode(PREFIXES.owl + 'sameAs'), null, null)) {
    if (q.object.value.startsWith(PREFIXES.wd)) wikidata++;
    else if (q.object.value.startsWith(PREFIXES.gn)) geonames++;
  }
  return {
    triples: store.size,
    quads: quads.length,
    graphs: graphs.size,
    subjects: store.getSubjects(null, null, null).length,
    articles: count('ng:Article') || typed('schema:NewsArticle'),
    entities,
    events: Object.fromEntries(Object.entries(events).sort()),
    positions: count('ng:Position'),
    relations: count('ng:Relation'),
    topics: new Set([...instancesOf(store, 'ng:Topic'), ...instancesOf(store, 'skos:Concept')].map((t) => t.value)).size,
    mentions: typed('nif:Phrase'),
    sentences: typed('nif:Sentence'),
    links: { wikidata, geonames },
  };
}
