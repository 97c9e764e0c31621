/**
 * Extraction of many articles on worker threads (`build --jobs N`), and N-Quads written article by
 * article as they are built, so memory stays flat however many articles there are. Results are
 * merged in a fixed order, so the output bytes do not depend on the number of jobs.
 */
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ArticleInput } from '../input/index.ts';
import { NewsgraphError, UsageError } from '../errors.ts';
import { processArticle, type ArticleTask, type ArticleOutcome } from './task.ts';

export { processArticle } from './task.ts';
export type { ArticleTask, ArticleOutcome } from './task.ts';

/** Parses a --jobs value: a positive integer, or "auto" (the number of cores). */
export function parseJobs(value: string | undefined): number {
  if (value === undefined) return 1;
  if (value === 'auto') return availableParallelism();
  if (!/^[1-9]\d{0,3}$/.test(value)) throw new UsageError(`--jobs "${value}" is not a number of workers (1, 2, ... or auto)`);
  return Number(value);
}

/** The bundled worker script next to this module (dist/jobs-worker.js), if there is one. */
function workerScript(): URL | undefined {
  const url = new URL('./jobs-worker.js', import.meta.url);
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : undefined;
}

/** Options of runArticles. */
export interface RunOptions {
  /** Worker threads; 1 runs in this thread. */
  jobs: number;
  /** What each article yields besides its extraction: its N-Quads text (one named graph). */
  nquads?: boolean;
  /** Named graph per article in the emitted quads (only with `nquads`). */
  graphs?: boolean;
  /** Leave the extraction out of each outcome (keeps only its counts), to save memory. */
  slim?: boolean;
  /** Called as each article starts (1-based position in `inputs`). */
  onStart?: (index: number, total: number, file: string) => void;
}

/**
 * Extracts every article (on `jobs` worker threads when more than one) and calls `onResult` for each
 * in the order of `inputs`, whatever order the workers finish in. Rejects with the first error.
 */
export async function runArticles(inputs: readonly ArticleInput[], options: RunOptions, onResult: (outcome: ArticleOutcome, index: number) => void | Promise<void>): Promise<void> {
  const task = (i: number): ArticleTask => ({ text: inputs[i]!.text, meta: inputs[i]!.meta, nquads: options.nquads ?? false, slim: options.slim ?? false });
  const script = options.jobs > 1 && inputs.length > 1 ? workerScript() : undefined;
  if (!script) {
    for (let i = 0; i < inputs.length; i++) {
      options.onStart?.(i + 1, inputs.length, inputs[i]!.file);
      await onResult(processArticle(task(i)), i);
    }
    return;
  }
  const workers = Array.from({ length: Math.min(options.jobs, inputs.length) }, () => new Worker(script));
  const done = new Map<number, ArticleOutcome>();
  let next = 0; // next article to hand out
  let emit = 0; // next article to pass to onResult
  let failed = false;
  try {
    await new Promise<void>((resolve, reject) => {
      const fail = (err: unknown) => { if (!failed) { failed = true; reject(err); } };
      let flushing = Promise.resolve();
      const flush = () => {
        flushing = flushing.then(async () => {
          while (!failed && done.has(emit)) {
            const outcome = done.get(emit)!;
            done.delete(emit);
            await onResult(outcome, emit);
            emit++;
          }
          if (emit === inputs.length) resolve();
        }).catch(fail);
      };
      const give = (w: Worker) => {
        if (next >= inputs.length || failed) return;
        const i = next++;
        options.onStart?.(i + 1, inputs.length, inputs[i]!.file);
        w.postMessage({ index: i, task: task(i) });
      };
      for (const w of workers) {
        w.on('message', (msg: { index: number; outcome?: ArticleOutcome; error?: { name: string; message: string; exitCode?: number; stack?: string } }) => {
          if (msg.error) { fail(reviveError(msg.error)); return; }
          done.set(msg.index, msg.outcome!);
          give(w);
          flush();
        });
        w.on('error', fail);
        w.on('exit', (code) => { if (code !== 0 && emit < inputs.length) fail(new Error(`a build worker stopped (exit code ${code})`)); });
        // Two articles in flight per worker, so none waits while its result travels back.
        give(w);
        give(w);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** An error thrown in a worker, as the same kind of error here (exit code kept). */
function reviveError(e: { name: string; message: string; exitCode?: number; stack?: string }): Error {
  if (e.exitCode !== undefined) {
    const err = new NewsgraphError(e.message, e.exitCode);
    err.name = e.name;
    return err;
  }
  const err = new Error(e.message);
  err.name = e.name;
  if (e.stack) err.stack = e.stack;
  return err;
}
