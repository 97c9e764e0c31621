// Runs the built `newsgraph` command (bin/newsgraph.js → dist/cli.js) in a child process.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'newsgraph.js');
export const SEED = join(ROOT, 'data', 'articles', 'china-canada-apec.txt');
export const ARTICLES = join(ROOT, 'test', 'fixtures', 'articles');

/** Fails early, with the fix, when dist/ was not built (`npm test` builds it first). */
export function requireBuild(): void {
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` (npm test does) before the CLI tests');
}

/** Exit status and output of one run. */
export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `newsgraph <args>` from the project root. */
export function newsgraph(args: string[], options: { cwd?: string; input?: string } = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, encoding: 'utf8', input: options.input, timeout: 120_000, env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary folder. */
export function tempDir(prefix = 'ng-cli-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
