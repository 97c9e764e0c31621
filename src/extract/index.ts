/**
 * The extractor: article text → typed Extraction (sentences, entities with mentions, roles, events,
 * relations, topics), with no RDF. Stages: segment → recognize → resolve → relate (+ topics, time).
 */
import { createHash } from 'node:crypto';
import { loadGazetteer } from '../gazetteer/index.ts';
import { loadTopicScheme, type TopicConcept } from '../rdf/topics.ts';
import { segmentText } from './segment.ts';
import { recognizeMentions } from './recognize.ts';
import { resolveEntities, slugify } from './resolve.ts';
import { relate } from './relate.ts';
import { compileTopicMatcher, selectTopics } from './topics.ts';
import type { ArticleMeta, Extraction, Mention } from './types.ts';
import { compareCodeUnits } from './order.ts';

export type * from './types.ts';
export { segmentText } from './segment.ts';
export { slugify } from './resolve.ts';
export { resolveRelative } from './time.ts';

/** Options of analyzeArticle. */
export interface AnalyzeOptions {
  /** The topic scheme to match (default: ontology/topics.ttl). */
  topics?: TopicConcept[];
}

let defaultTopicMatcher: ReturnType<typeof compileTopicMatcher> | undefined;
/** The matcher of ontology/topics.ttl, compiled once. */
function defaultMatcher(): ReturnType<typeof compileTopicMatcher> {
  defaultTopicMatcher ??= compileTopicMatcher(loadTopicScheme());
  return defaultTopicMatcher;
}

/** A stable article id: the given id or source file name, slugged; else a hash of the text. */
export function articleIdOf(text: string, meta: ArticleMeta = {}): string {
  if (meta.id) return slugify(meta.id);
  if (meta.source) {
    const base = meta.source.split(/[\\/]/).pop()!.replace(/\.[^.]+$/, '');
    const slug = slugify(base);
    if (slug && slug !== 'x') return slug;
  }
  return 'sha256-' + createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** Extracts entities, roles, events, relations and topics from one article's text. */
export function analyzeArticle(text: string, meta: ArticleMeta = {}, options: AnalyzeOptions = {}): Extraction {
  const gaz = loadGazetteer();
  const seg = segmentText(text);
  const mentions = recognizeMentions(seg, gaz);
  const resolution = resolveEntities(text, mentions, gaz);
  const matcher = options.topics ? compileTopicMatcher(options.topics) : defaultMatcher();
  const topicHits = selectTopics(matcher.find(text, seg.sentences), matcher);
  const { roles, events, relations } = relate({ text, seg, mentions, resolution, topicHits, articleDate: meta.date });

  const topics = new Map<string, Mention[]>();
  for (const h of topicHits) {
    const l = topics.get(h.key) ?? [];
    l.push({ start: h.start, end: h.end, text: h.text, sentence: h.sentence });
    topics.set(h.key, l);
  }
  const id = articleIdOf(text, meta);
  return {
    article: { ...meta, id },
    text,
    sentences: seg.sentences,
    entities: resolution.entities,
    roles,
    events: events.sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start),
    relations: relations.sort((a, b) => compareCodeUnits(a.key, b.key)),
    topics: [...topics.entries()].sort((a, b) => compareCodeUnits(a[0], b[0])).map(([key, mentions]) => ({ key, mentions })),
  };
}
