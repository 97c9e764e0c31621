/** The work done for one article, the same in this thread and in a worker: extract, and emit N-Quads. */
import { analyzeArticle } from '../extract/index.ts';
import type { ArticleMeta, Extraction } from '../extract/types.ts';
import { emitQuads } from '../rdf/emit.ts';
import { toNQuads } from '../rdf/write.ts';

/** One article to process (plain data, so it can be posted to a worker). */
export interface ArticleTask {
  text: string;
  meta: ArticleMeta;
  /** Also write the article's quads as N-Quads (in its named graph). */
  nquads: boolean;
  /** Return counts instead of the whole extraction. */
  slim: boolean;
}

/** What one article yields. */
export interface ArticleOutcome {
  /** The extraction (absent when the task was slim). */
  extraction?: Extraction;
  id: string;
  entityKeys: string[];
  events: number;
  /** N-Quads of the article's named graph, in canonical order. */
  nquads?: string;
  /** Number of quads in `nquads`. */
  quads?: number;
}

/** Extracts one article; with `nquads`, also its sorted N-Quads text (one line per quad). */
export function processArticle(task: ArticleTask): ArticleOutcome {
  const extraction = analyzeArticle(task.text, task.meta);
  const outcome: ArticleOutcome = {
    id: extraction.article.id,
    entityKeys: extraction.entities.map((e) => e.key),
    events: extraction.events.length,
  };
  if (!task.slim) outcome.extraction = extraction;
  if (task.nquads) {
    const quads = emitQuads(extraction, { graph: true });
    outcome.nquads = toNQuads(quads);
    outcome.quads = quads.length;
  }
  return outcome;
}
