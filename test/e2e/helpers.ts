// Shared helpers of the browser tests: a free port, `newsgraph view` as a child process, Debian chromium.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import type * as RDF from '@rdfjs/types';
import { parseRdf } from '../../src/load/index.ts';

/** The Debian chromium the tests drive (scripts/test.sh installs it). */
export const CHROMIUM = '/usr/bin/chromium';

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A running `newsgraph view` child process. */
export interface ViewProcess {
  child: ChildProcess;
  url: string;
  stop(): Promise<void>;
}

/** Runs `node_modules/.bin/newsgraph view <file> --port N --no-open` and waits for the URL it prints. */
export async function startView(file: string, port: number): Promise<ViewProcess> {
  const child = spawn('node_modules/.bin/newsgraph', ['view', file, '--port', String(port), '--no-open'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`newsgraph view printed no URL in 20 s: ${out}${err}`)), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => { err += chunk.toString(); });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`newsgraph view exited with ${code}: ${out}${err}`));
    });
  });
  return {
    child,
    url,
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

/** Runs the CLI to completion and returns its exit code and output. */
export async function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn('node_modules/.bin/newsgraph', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => { stdout += c.toString(); });
  child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  return { code, stdout, stderr };
}

/** A fresh headless chromium profile; close() also removes the profile folder. */
export async function launchBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/test.sh (apt-get install -y chromium)`);
  const profile = mkdtempSync(join(tmpdir(), 'newsgraph-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    viewport: { width: 1400, height: 850 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The ontology the viewer bundles (ontology/*.ttl), for loading the same graph in Node. */
export function readOntologyQuads(): RDF.Quad[] {
  return readdirSync('ontology').filter((f) => f.endsWith('.ttl')).sort()
    .flatMap((f) => parseRdf(readFileSync(join('ontology', f), 'utf8'), { fileName: f }));
}
