/**
 * N-Quads written article by article: each article's named graph is written as soon as it is built,
 * in the canonical graph order, so memory does not grow with the corpus and the bytes are those of
 * the buffered writer. Atomic: a temp file in the target folder, renamed at the end, removed on error.
 */
import { closeSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { ArticleInput } from '../input/index.ts';
import { articleIdOf } from '../extract/index.ts';
import { articleIri } from '../rdf/namespaces.ts';
import { compareNatural } from '../rdf/sort.ts';
import { checkWritable } from '../io/write.ts';
import { OutputError, UsageError } from '../errors.ts';
import { runArticles } from './index.ts';

/** What a streamed build wrote. */
export interface StreamedBuild {
  articles: number;
  /** Distinct entities (by key) across the articles. */
  entities: number;
  events: number;
  quads: number;
  /** Article ids in the order they were written. */
  ids: string[];
}

/** Orders articles as the canonical quad order orders their named graphs; checks ids are unique. */
export function orderByGraph(inputs: readonly ArticleInput[]): ArticleInput[] {
  const ids = new Map<string, string>();
  const keyed = inputs.map((input) => {
    const id = articleIdOf(input.text, input.meta);
    const previous = ids.get(id);
    if (previous !== undefined) throw new UsageError(`${previous} and ${input.file} both get the article id "${id}"; rename one, or build them separately`);
    ids.set(id, input.file);
    return { input, iri: articleIri(id).value };
  });
  return keyed.sort((a, b) => compareNatural(a.iri, b.iri)).map((k) => k.input);
}

/** Builds every article and writes the N-Quads of each named graph to `file` as it comes. */
export async function writeNQuadsStreaming(inputs: readonly ArticleInput[], file: string, options: { jobs: number; inputFiles?: readonly string[]; onStart?: (index: number, total: number, file: string) => void }): Promise<StreamedBuild> {
  const ordered = orderByGraph(inputs);
  checkWritable(file, { inputs: options.inputFiles });
  const dir = dirname(resolve(file));
  const temp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fail = (cause: unknown): never => {
    const code = (cause as NodeJS.ErrnoException).code;
    const problem = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOSPC' ? 'no space left on device' : code === 'EROFS' ? 'read-only file system' : (cause as Error).message;
    throw new OutputError(file, `cannot write: ${problem}`, { cause });
  };
  let fd: number;
  try { fd = openSync(temp, 'wx', 0o644); } catch (cause) { return fail(cause); }
  const entities = new Set<string>();
  const result: StreamedBuild = { articles: 0, entities: 0, events: 0, quads: 0, ids: [] };
  try {
    await runArticles(ordered, { jobs: options.jobs, nquads: true, slim: true, onStart: options.onStart }, (outcome) => {
      try { writeSync(fd, outcome.nquads!); } catch (cause) { fail(cause); }
      for (const k of outcome.entityKeys) entities.add(k);
      result.articles++;
      result.events += outcome.events;
      result.quads += outcome.quads!;
      result.ids.push(outcome.id);
    });
    closeSync(fd);
    try { renameSync(temp, file); } catch (cause) { fail(cause); }
  } catch (err) {
    try { closeSync(fd); } catch { /* already closed */ }
    try { unlinkSync(temp); } catch { /* already gone */ }
    throw err;
  }
  result.entities = entities.size;
  return result;
}
