/** The pipeline in one call: article text → Extraction (src/extract) → quads (emit) → N3.Store. */
import { Store } from 'n3';
import type * as RDF from '@rdfjs/types';
import { analyzeArticle } from '../extract/index.ts';
import type { ArticleMeta, Extraction } from '../extract/types.ts';
import { emitQuads, publicationDatatype } from './emit.ts';
import { sortQuads } from './sort.ts';
import { readArticles, type ArticleInput } from '../input/index.ts';
import { InputError, UsageError } from '../errors.ts';
import { FORMATS, type GraphFormat } from './write.ts';

/** What extractArticle returns: the plain extraction, its quads and a store over them. */
export interface ArticleGraph {
  extraction: Extraction;
  quads: RDF.Quad[];
  store: Store;
}

/** Checks the metadata a user typed; UsageError naming the option when a value is malformed. */
export function checkArticleMeta(meta: ArticleMeta): void {
  if (meta.date !== undefined && !publicationDatatype(meta.date)) {
    throw new UsageError(`--date "${meta.date}" is not an ISO date (YYYY-MM-DD) or date-time (YYYY-MM-DDThh:mm:ssZ)`);
  }
  if (meta.url !== undefined) {
    let ok = false;
    try { ok = /^https?:$/.test(new URL(meta.url).protocol); } catch { /* not a URL */ }
    if (!ok) throw new UsageError(`--url "${meta.url}" is not an http(s) URL`);
  }
  if (meta.id !== undefined && meta.id.trim() === '') throw new UsageError('--id must not be empty');
}

/** Extracts one article and emits its RDF: `{ extraction, quads, store }` (default graph unless `graph`). */
export function extractArticle(text: string, meta: ArticleMeta = {}, options: { graph?: boolean } = {}): ArticleGraph {
  if (text.trim() === '') throw new InputError(meta.source ?? '<text>', 'empty text: no article to extract');
  checkArticleMeta(meta);
  const extraction = analyzeArticle(text, meta);
  const quads = emitQuads(extraction, { graph: options.graph });
  return { extraction, quads, store: new Store(quads) };
}

/** Options of buildGraph. */
export interface BuildOptions {
  /** One named graph per article (TriG, N-Quads, JSON-LD); else all in the default graph. */
  graphs?: boolean;
  /** Metadata for a single article (id, title, date, url). */
  meta?: ArticleMeta;
  /** Called before each article is extracted (1-based index). */
  onProgress?: (index: number, total: number, file: string) => void;
  /** Extractions already made of the inputs, in the same order (e.g. on worker threads: src/jobs). */
  extractions?: readonly Extraction[];
}

/** The outcome of buildGraph. */
export interface BuildResult {
  articles: { file: string; extraction: Extraction }[];
  /** Every quad, de-duplicated, in canonical order. */
  quads: RDF.Quad[];
}

/**
 * Reads every file first (any input format, folders expanded; so a bad one fails before any work),
 * then extracts and emits each article. Articles already read (src/input) may be given instead.
 */
export function buildGraph(files: readonly string[] | readonly ArticleInput[], options: BuildOptions = {}): BuildResult {
  const meta = Object.fromEntries(Object.entries(options.meta ?? {}).filter(([, v]) => v !== undefined)) as ArticleMeta;
  if (files.length > 1 && Object.keys(meta).length > 0) throw new UsageError('article metadata (--id, --title, --date, --url) applies to one article only');
  checkArticleMeta(meta);
  const inputs = files.every((f) => typeof f === 'string') ? readArticles(files as readonly string[], meta) : (files as readonly ArticleInput[]);
  const articles: BuildResult['articles'] = [];
  const ids = new Map<string, string>();
  const quads: RDF.Quad[] = [];
  inputs.forEach(({ text, meta: articleMeta, file }, i) => {
    options.onProgress?.(i + 1, inputs.length, file);
    const extraction = options.extractions?.[i] ?? analyzeArticle(text, articleMeta);
    const previous = ids.get(extraction.article.id);
    if (previous !== undefined) throw new UsageError(`${previous} and ${file} both get the article id "${extraction.article.id}"; rename one, or build them separately`);
    ids.set(extraction.article.id, file);
    articles.push({ file, extraction });
    quads.push(...emitQuads(extraction, { graph: options.graphs }));
  });
  return { articles, quads: sortQuads(quads) };
}

/** Counts of a build, for `--summary`. */
export interface BuildCounts {
  articles: number;
  entities: Record<string, number>;
  events: Record<string, number>;
  relations: number;
  roles: number;
  topics: string[];
  mentions: number;
  sentences: number;
  triples: number;
}

/** Counts entities (unique across articles), events, relations, topics, mentions and triples. */
export function countBuild(result: BuildResult, format: GraphFormat = 'turtle'): BuildCounts {
  const entities = new Map<string, string>();
  const events: Record<string, number> = {};
  const topics = new Set<string>();
  let relations = 0, roles = 0, mentions = 0, sentences = 0;
  for (const { extraction: x } of result.articles) {
    for (const e of x.entities) entities.set(e.key, e.type);
    for (const e of x.events) events[e.kind] = (events[e.kind] ?? 0) + 1;
    for (const t of x.topics) topics.add(t.key);
    relations += x.relations.length;
    roles += x.roles.length;
    mentions += x.entities.reduce((n, e) => n + e.mentions.length, 0) + x.events.reduce((n, e) => n + e.mentions.length, 0) + x.topics.reduce((n, t) => n + t.mentions.length, 0);
    sentences += x.sentences.length;
  }
  const byType: Record<string, number> = {};
  for (const type of entities.values()) byType[type] = (byType[type] ?? 0) + 1;
  const triples = FORMATS[format].graphs
    ? result.quads.length
    : new Set(result.quads.map((q) => `${q.subject.value}\u0000${q.predicate.value}\u0000${q.object.termType}${q.object.value}\u0000${q.object.termType === 'Literal' ? q.object.datatype.value + q.object.language : ''}`)).size;
  return { articles: result.articles.length, entities: byType, events, relations, roles, topics: [...topics].sort(), mentions, sentences, triples };
}

/** "3 Person, 2 Country" from counts by type, largest first. */
function breakdown(counts: Record<string, number>): string {
  return Object.entries(counts).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k, n]) => `${n} ${k}`).join(', ');
}

/** The text `newsgraph build --summary` prints: what was built and how to look at it. */
export function summarizeBuild(result: BuildResult, options: { output: string; format: GraphFormat }): string {
  const c = countBuild(result, options.format);
  const total = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
  const target = options.output === '-' ? 'standard output' : options.output;
  const shown = options.output === '-' ? 'graph.ttl' : options.output;
  const quote = (s: string) => (/^[\w./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  return [
    `Built ${target} (${options.format}): ${c.triples} ${FORMATS[options.format].graphs ? 'quads' : 'triples'} from ${c.articles} article${c.articles === 1 ? '' : 's'}.`,
    `  entities   ${total(c.entities)}${total(c.entities) ? ` (${breakdown(c.entities)})` : ''}`,
    `  events     ${total(c.events)}${total(c.events) ? ` (${breakdown(c.events)})` : ''}`,
    `  roles      ${c.roles}`,
    `  relations  ${c.relations}`,
    `  topics     ${c.topics.length}${c.topics.length ? ` (${c.topics.join(', ')})` : ''}`,
    `  mentions   ${c.mentions} in ${c.sentences} sentences`,
    '',
    'Next:',
    `  npx newsgraph view ${quote(shown)}        explore it in the browser`,
    `  npx newsgraph query ${quote(shown)} 'SELECT ?event ?label WHERE { ?event a ng:Meeting ; rdfs:label ?label }'`,
    `  npx newsgraph validate ${quote(shown)}    check it against ontology/shapes.ttl`,
    `  npx newsgraph stats ${quote(shown)}       count what is in it`,
  ].join('\n');
}
