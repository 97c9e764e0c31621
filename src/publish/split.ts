/** Splitting a dataset into the graphs a Graph Store takes one at a time, and serializing each as N-Triples. */
import { DataFactory, Writer } from 'n3';
import type * as RDF from '@rdfjs/types';
import { PREFIXES } from '../rdf/namespaces.ts';

/** How a graph is written: `replace` (PUT: the store's copy becomes exactly ours) or `merge` (POST: union). */
export type WriteMode = 'replace' | 'merge';

/** One graph to send. */
export interface GraphPart {
  /** The graph IRI in the store. */
  graph: string;
  /** Its triples (graph term dropped). */
  triples: RDF.Quad[];
  mode: WriteMode;
}

/**
 * Where triples of the default graph go when no graph is named: the shared entity layer, named after the
 * namespace every entity IRI lives in. Several shards merge into it (POST), so it ends up as the union.
 */
export const SHARED_GRAPH = PREFIXES.ngr;

const ARTICLE_TYPES = new Set([PREFIXES.ng + 'Article', PREFIXES.schema + 'NewsArticle']);
const RDF_TYPE = PREFIXES.rdf + 'type';

/**
 * How a graph is written: an article's graph (IRI in the `ngd:` namespace) belongs to one article and is
 * replaced; any other graph is shared by articles or shards and is merged, unless it holds blank nodes
 * (a merge would add fresh copies of them each time, so such a graph is replaced too).
 */
export function chooseWriteMode(graph: string, triples: readonly RDF.Quad[]): WriteMode {
  if (graph.startsWith(PREFIXES.ngd)) return 'replace';
  const blank = triples.some((q) => q.subject.termType === 'BlankNode' || q.object.termType === 'BlankNode');
  return blank ? 'replace' : 'merge';
}

/** The one article a set of triples describes (a subject typed ng:Article or schema:NewsArticle), if exactly one. */
export function findSingleArticle(quads: Iterable<RDF.Quad>): string | undefined {
  const articles = new Set<string>();
  for (const q of quads) {
    if (q.predicate.value === RDF_TYPE && q.subject.termType === 'NamedNode' && ARTICLE_TYPES.has(q.object.value)) articles.add(q.subject.value);
  }
  return articles.size === 1 ? [...articles][0] : undefined;
}

/** Options of `splitByGraph`. */
export interface SplitOptions {
  /**
   * Graph IRI for triples outside any named graph. Default: the article's IRI when the file holds no named
   * graph and describes exactly one article (a single-article Turtle build), else SHARED_GRAPH.
   */
  defaultGraph?: string | undefined;
}

/** Groups quads by graph, in order of first appearance; default-graph triples go where `options` says. */
export function splitByGraph(quads: readonly RDF.Quad[], options: SplitOptions = {}): GraphPart[] {
  const groups = new Map<string, RDF.Quad[]>();
  const defaults: RDF.Quad[] = [];
  for (const q of quads) {
    if (q.graph.termType === 'DefaultGraph') { defaults.push(q); continue; }
    const key = q.graph.value;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(DataFactory.quad(q.subject as RDF.Quad_Subject, q.predicate as RDF.Quad_Predicate, q.object as RDF.Quad_Object));
  }
  if (defaults.length > 0) {
    const target = options.defaultGraph ?? (groups.size === 0 ? findSingleArticle(defaults) : undefined) ?? SHARED_GRAPH;
    const group = groups.get(target);
    // The default-graph triples come first in the file order when they open a new group.
    if (group) group.push(...defaults);
    else groups.set(target, defaults);
  }
  return [...groups].map(([graph, triples]) => ({ graph, triples, mode: chooseWriteMode(graph, triples) }));
}

/** N-Triples text of the triples (graph terms ignored); the same triples in the same order give the same bytes. */
export function serializeTriples(triples: readonly RDF.Quad[]): string {
  const writer = new Writer({ format: 'N-Triples' });
  let text = '';
  for (const q of triples) text += writer.quadToString(q.subject, q.predicate, q.object);
  return text;
}

/** Cuts a graph into pieces of at most `size` triples; a graph with blank nodes stays whole (their labels are per request). */
export function chunkTriples(triples: readonly RDF.Quad[], size: number): RDF.Quad[][] {
  if (triples.length <= size) return [triples.slice()];
  const blank = triples.some((q) => q.subject.termType === 'BlankNode' || q.object.termType === 'BlankNode');
  if (blank) return [triples.slice()];
  const chunks: RDF.Quad[][] = [];
  for (let i = 0; i < triples.length; i += size) chunks.push(triples.slice(i, i + size));
  return chunks;
}
