/**
 * Builds of many articles: appending to an existing output (replacing the graphs of re-added
 * articles, keeping the rest), a progress bar on a terminal, and the closing summary line.
 */
import type * as RDF from '@rdfjs/types';
import { DataFactory } from 'n3';
import { SingleBar } from 'cli-progress';
import { PREFIXES } from '../rdf/namespaces.ts';
import { sortQuads } from '../rdf/sort.ts';
import type { Extraction } from '../extract/types.ts';

/** True when a term belongs to the article with this IRI: the article node or one of its `#` nodes. */
function isLocalTo(term: RDF.Term, articleIris: ReadonlySet<string>): boolean {
  if (term.termType !== 'NamedNode' || !term.value.startsWith(PREFIXES.ngd)) return false;
  const hash = term.value.indexOf('#');
  return articleIris.has(hash === -1 ? term.value : term.value.slice(0, hash));
}

/**
 * Merges newly built articles into the quads of an existing output. With named graphs, each
 * re-added article's graph is replaced whole and every other graph is kept; in one merged graph
 * (Turtle, N-Triples), triples about a re-added article's own nodes (the article, its text ranges,
 * events, relations and local positions) are replaced, and shared entity triples are united.
 * Returns every quad, de-duplicated, in canonical order: an unchanged article changes no byte.
 */
export function appendArticles(existing: readonly RDF.Quad[], added: readonly RDF.Quad[], articleIds: readonly string[], options: { graphs: boolean }): RDF.Quad[] {
  const iris = new Set(articleIds.map((id) => PREFIXES.ngd + id));
  const kept = existing.filter((q) => options.graphs
    ? !(q.graph.termType === 'NamedNode' && iris.has(q.graph.value))
    : !(isLocalTo(q.subject, iris) || isLocalTo(q.object, iris)));
  const merged = options.graphs ? [...kept, ...added] : [...kept, ...added].map((q) => (q.graph.termType === 'DefaultGraph' ? q : DataFactory.quad(q.subject, q.predicate, q.object)));
  return sortQuads(merged);
}

/** The article ids (graph names under the document namespace) present in some quads. */
export function articleIdsIn(quads: readonly RDF.Quad[]): string[] {
  const ids = new Set<string>();
  for (const q of quads) {
    if (q.graph.termType === 'NamedNode' && q.graph.value.startsWith(PREFIXES.ngd)) ids.add(q.graph.value.slice(PREFIXES.ngd.length));
    else if (q.subject.termType === 'NamedNode' && q.predicate.value === PREFIXES.rdf + 'type' && q.object.value === PREFIXES.ng + 'Article' && q.subject.value.startsWith(PREFIXES.ngd)) {
      ids.add(q.subject.value.slice(PREFIXES.ngd.length));
    }
  }
  return [...ids].sort();
}

/** What the closing line reports. */
export interface BuildTally {
  /** Articles built in this run. */
  articles: number;
  /** Articles in the output (more than `articles` after --append). */
  articlesInOutput?: number;
  /** Distinct entities (by IRI key) across the articles built. */
  entities: number;
  events: number;
  /** Triples (or quads, with named graphs) in the output. */
  triples: number;
  seconds: number;
}

/** Counts the articles, distinct entities and events of a build. */
export function tallyExtractions(extractions: readonly Extraction[]): Pick<BuildTally, 'articles' | 'entities' | 'events'> {
  const entities = new Set<string>();
  let events = 0;
  for (const x of extractions) {
    for (const e of x.entities) entities.add(e.key);
    events += x.events.length;
  }
  return { articles: extractions.length, entities: entities.size, events };
}

/** "built 3 articles: 41 entities, 9 events, 1,204 quads in 2.4 s" (with "(5 in the output)" after --append). */
export function formatTally(t: BuildTally, options: { graphs: boolean }): string {
  const n = (x: number, one: string, many = one + 's') => `${x.toLocaleString('en-US')} ${x === 1 ? one : many}`;
  const inOutput = t.articlesInOutput !== undefined && t.articlesInOutput !== t.articles ? ` (${t.articlesInOutput} in the output)` : '';
  return `newsgraph build: ${n(t.articles, 'article')}${inOutput}, ${n(t.entities, 'entity', 'entities')}, ${n(t.events, 'event')}, ${n(t.triples, options.graphs ? 'quad' : 'triple')} in ${t.seconds.toFixed(1)} s`;
}

/** A progress reporter: `tick(index, total, label)` before each article, `done()` at the end. */
export interface Progress {
  tick(index: number, total: number, label: string): void;
  done(): void;
}

/** A cli-progress bar on `stream` (stderr) when it is a terminal and there is more than one article; else silent. */
export function createProgress(total: number, stream: NodeJS.WriteStream = process.stderr, options: { enabled?: boolean } = {}): Progress {
  if (!(options.enabled ?? true) || total < 2 || !stream.isTTY) return { tick() {}, done() {} };
  const bar = new SingleBar({
    stream,
    format: 'building {bar} {value}/{total} articles | {eta_formatted} left | {file}',
    barCompleteChar: '█',
    barIncompleteChar: '░',
    hideCursor: true,
    clearOnComplete: true,
    etaBuffer: 20,
  });
  let started = false;
  return {
    tick(index, n, label) {
      const file = label.length > 40 ? '…' + label.slice(-39) : label;
      if (!started) { bar.start(n, index - 1, { file }); started = true; } else bar.update(index - 1, { file });
      // Extraction is synchronous, so the bar's own redraw timer never runs between articles: draw now.
      bar.render();
    },
    done() {
      if (started) { bar.update(total, { file: '' }); bar.stop(); }
    },
  };
}
