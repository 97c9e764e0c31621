/** Entry of a build worker thread (bundled as dist/jobs-worker.js): processes the articles it is sent. */
import { parentPort } from 'node:worker_threads';
import { processArticle, type ArticleTask } from './task.ts';

parentPort!.on('message', (msg: { index: number; task: ArticleTask }) => {
  try {
    parentPort!.postMessage({ index: msg.index, outcome: processArticle(msg.task) });
  } catch (err) {
    const e = err as Error & { exitCode?: number };
    parentPort!.postMessage({ index: msg.index, error: { name: e.name, message: e.message, exitCode: e.exitCode, stack: e.stack } });
  }
});
