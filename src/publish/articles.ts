/**
 * `build --publish`: extract articles one by one and publish each article's graph as soon as it is built,
 * so memory stays flat however many articles there are. An article's graph holds everything the article
 * says (its entities too, with the IRIs every article shares), so disjoint shards of a corpus, published
 * from several machines, leave the store exactly as one big build would.
 */
import type * as RDF from '@rdfjs/types';
import type { ArticleMeta } from '../extract/types.ts';
import { UsageError } from '../errors.ts';
import { articleIdOf } from '../extract/index.ts';
import { readArticleFile } from '../io/read.ts';
import { checkArticleMeta, extractArticle } from '../rdf/build.ts';
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

/** Extracts each file and publishes its graph to the Graph Store at `endpoint`; every file is checked first. */
export async function publishArticles(files: readonly string[], endpoint: string, options: PublishArticlesOptions = {}): Promise<PublishArticlesResult> {
  const meta = Object.fromEntries(Object.entries(options.meta ?? {}).filter(([, v]) => v !== undefined)) as ArticleMeta;
  if (files.length > 1 && Object.keys(meta).length > 0) throw new UsageError('article metadata (--id, --title, --date, --url) applies to one article only');
  checkArticleMeta(meta);
  // A bad file or two files with one id fail before anything is sent (texts are read again below, so
  // they are not all held at once).
  const ids = new Map<string, string>();
  for (const file of files) {
    const id = articleIdOf(readArticleFile(file), { ...meta, source: file });
    const previous = ids.get(id);
    if (previous !== undefined) throw new UsageError(`${previous} and ${file} both get the article id "${id}"; rename one, or build them separately`);
    ids.set(id, file);
  }

  const publisher = new Publisher(endpoint, options);
  const kept: RDF.Quad[] = [];
  for (let i = 0; i < files.length; i++) {
    const file = files[i]!;
    options.onProgress?.(i + 1, files.length, file);
    const { extraction, quads } = extractArticle(readArticleFile(file), { ...meta, source: file }, { graph: true });
    for (const part of splitByGraph(quads)) await publisher.add(part);
    if (options.keep) kept.push(...(options.keep === 'graphs' ? quads : emitQuads(extraction, { graph: false })));
    // Let the requests in flight move on before the next (synchronous) extraction.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { report: await publisher.finish(), quads: kept };
}
