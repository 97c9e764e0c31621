/**
 * `build --publish`: extract articles one by one and publish each article's graph as soon as it is built,
 * so memory stays flat however many articles there are. An article's graph holds everything the article
 * says (its entities too, with the IRIs every article shares), so disjoint shards of a corpus, published
 * from several machines, leave the store exactly as one big build would.
 */
import type * as RDF from '@rdfjs/types';
import type { ArticleMeta } from '../extract/types.ts';
import { analyzeArticle } from '../extract/index.ts';
import { expandArticlePaths, readArticleInputs, readArticles, type ArticleInput } from '../input/index.ts';
import { UsageError } from '../errors.ts';
import { checkArticleMeta } from '../rdf/build.ts';
import { emitQuads } from '../rdf/emit.ts';
import { Publisher, type PublishOptions, type PublishReport } from './publisher.ts';
import { splitByGraph } from './split.ts';

/** Options of `publishArticles`. */
export interface PublishArticlesOptions extends PublishOptions {
  /** Metadata of a single article (--id, --title, --date, --url). */
  meta?: ArticleMeta | undefined;
  /**
   * Also return the quads for a local output file: `'graphs'` (one named graph per article, as TriG /
   * N-Quads hold them), `'merged'` (default graph, as Turtle holds them) or undefined (keep nothing).
   */
  keep?: 'graphs' | 'merged' | undefined;
  /** Called before each article is extracted (1-based index). */
  onProgress?: ((index: number, total: number, file: string) => void) | undefined;
}

/** What `publishArticles` did. */
export interface PublishArticlesResult {
  report: PublishReport;
  /** The quads of every article when `keep` was given (unsorted, as emitted). */
  quads: RDF.Quad[];
}

/**
 * Extracts each article exactly as `buildGraph` does (same input reading, same extraction, same quads)
 * and publishes its graph to the Graph Store at `endpoint` as soon as it is built. Every input is read
 * and checked first (bad files and duplicate ids fail before anything is sent), then read again one file
 * at a time, so only one file's articles and the graphs in flight are held, unless `keep` asks for the quads.
 */
export async function publishArticles(paths: readonly string[], endpoint: string, options: PublishArticlesOptions = {}): Promise<PublishArticlesResult> {
  const meta = Object.fromEntries(Object.entries(options.meta ?? {}).filter(([, v]) => v !== undefined)) as ArticleMeta;
  checkArticleMeta(meta);
  let batches: (() => ArticleInput[])[];
  let total: number;
  if (Object.keys(meta).length > 0) {
    // --id, --title, ...: one article, read with the overrides the way buildGraph reads it.
    const inputs = readArticles(paths, meta);
    batches = [() => inputs];
    total = inputs.length;
  } else {
    const files = expandArticlePaths(paths);
    const ids = new Map<string, string>();
    for (const file of files) {
      for (const input of readArticleInputs(file)) {
        const previous = ids.get(input.meta.id);
        if (previous !== undefined) throw new UsageError(`${previous} and ${input.file} both get the article id "${input.meta.id}"; rename one, or build them separately`);
        ids.set(input.meta.id, input.file);
      }
    }
    batches = files.map((file) => () => readArticleInputs(file));
    total = ids.size;
  }
  const publisher = new Publisher(endpoint, options);
  const kept: RDF.Quad[] = [];
  let index = 0;
  for (const batch of batches) {
    for (const { text, meta: articleMeta, file } of batch()) {
      options.onProgress?.(++index, total, file);
      const extraction = analyzeArticle(text, articleMeta);
      const quads = emitQuads(extraction, { graph: true });
      for (const part of splitByGraph(quads)) await publisher.add(part);
      if (options.keep) kept.push(...(options.keep === 'graphs' ? quads : emitQuads(extraction, { graph: false })));
      // Let the requests in flight move on before the next (synchronous) extraction.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return { report: await publisher.finish(), quads: kept };
}
