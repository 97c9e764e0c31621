/** The topic scheme of ontology/topics.ttl as plain data, for the extractor and the emitter. */
import { readFileSync } from 'node:fs';
import { Parser } from 'n3';
import { PREFIXES } from './namespaces.ts';
import { resolvePackagePath } from '../io/paths.ts';

/** One concept of the topic scheme. */
export interface TopicConcept {
  /** Local name of the concept IRI (ngt:<key>), e.g. "trade". */
  key: string;
  /** The English skos:prefLabel. */
  label: string;
  /** Lowercase keyword forms (skos:altLabel), sorted. */
  altLabels: string[];
  /** Key of the broader concept, absent for top-level concepts. */
  broader?: string;
  /** IPTC media topic IRI (skos:exactMatch), when certain. */
  iptc?: string;
}

const SKOS = PREFIXES.skos;
let cache: TopicConcept[] | undefined;

/** Parses a SKOS topic scheme (Turtle) into concepts under the ngt: namespace, sorted by key. */
export function parseTopicScheme(turtle: string, file = 'topics.ttl'): TopicConcept[] {
  const quads = new Parser({ format: 'text/turtle', baseIRI: 'file://' + file }).parse(turtle);
  const byKey = new Map<string, TopicConcept & { labels: Map<string, string> }>();
  const concept = (iri: string) => {
    const key = iri.slice(PREFIXES.ngt.length);
    let c = byKey.get(key);
    if (!c) byKey.set(key, (c = { key, label: '', altLabels: [], labels: new Map() }));
    return c;
  };
  for (const q of quads) {
    if (!q.subject.value.startsWith(PREFIXES.ngt)) continue;
    const c = concept(q.subject.value);
    switch (q.predicate.value) {
      case SKOS + 'prefLabel': {
        const lang = q.object.termType === 'Literal' ? q.object.language : '';
        c.labels.set(lang, q.object.value);
        break;
      }
      case SKOS + 'altLabel': c.altLabels.push(q.object.value); break;
      case SKOS + 'broader':
        if (q.object.value.startsWith(PREFIXES.ngt)) c.broader = q.object.value.slice(PREFIXES.ngt.length);
        break;
      case SKOS + 'exactMatch': c.iptc = q.object.value; break;
    }
  }
  return [...byKey.values()]
    .filter((c) => c.labels.size > 0)
    .map(({ labels, ...c }) => ({
      ...c,
      label: labels.get('en') ?? labels.get('') ?? [...labels.values()][0]!,
      altLabels: [...new Set(c.altLabels)].sort(),
    }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The concepts of ontology/topics.ttl (parsed once): key, label, altLabels, broader. */
export function loadTopicScheme(): TopicConcept[] {
  if (!cache) {
    const file = resolvePackagePath('ontology', 'topics.ttl');
    cache = parseTopicScheme(readFileSync(file, 'utf8'), file);
  }
  return cache.map((c) => ({ ...c, altLabels: [...c.altLabels] }));
}

/** IRI of the topic scheme itself. */
export const TOPIC_SCHEME_IRI = 'https://w3id.org/newsgraph/topics';
