/** Publishing many graphs: what lands, what does not, re-runs, chunking; and the `publish` command. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as RDF from '@rdfjs/types';
import { Publisher, SHARED_GRAPH, publishGraphs, readDataset, splitByGraph, type GraphOutcome } from '../src/publish/index.ts';
import { command } from '../src/cli/publish.ts';
import { main } from '../src/cli.ts';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import oxigraph from 'oxigraph';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeStore } from './publish-fake-store.ts';

const DOC = 'https://w3id.org/newsgraph/doc/';
const fixture = (name: string) => `test/fixtures/publish/${name}`;
const noWait = { sleep: async () => {}, backoffMs: 1 };

const stores: FakeStore[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(stores.splice(0).map((s) => s.close()));
});
async function startStore(options: ConstructorParameters<typeof FakeStore>[0] = {}): Promise<FakeStore> {
  const store = await new FakeStore(options).start();
  stores.push(store);
  return store;
}

/** Triples per named graph of a local file: what the store must hold after publishing it. */
async function localCounts(file: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const p of splitByGraph(await readDataset(file))) out[p.graph] = p.triples.length;
  return out;
}

/** Runs the publish command, capturing what it prints. */
async function runPublish(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => { stdout += String(chunk); return true; });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => { stderr += String(chunk); return true; });
  try {
    const code = await command.run(argv);
    return { code, stdout, stderr };
  } finally {
    vi.restoreAllMocks();
  }
}

describe('publishGraphs', () => {
  it.each(['three-articles.trig', 'three-articles.nq', 'with-shared-layer.trig', 'single-article.ttl'])('lands every graph of %s with the local triple counts, and again unchanged', async (name) => {
    const store = await startStore();
    const endpoint = `${store.url}/sparql-graph-crud`;
    const expected = await localCounts(fixture(name));
    const first = await publishGraphs(endpoint, splitByGraph(await readDataset(fixture(name))), noWait);
    expect(first.failed + first.skipped).toBe(0);
    expect(first.landed).toBe(Object.keys(expected).length);
    expect(store.counts()).toEqual(expected);
    const again = await publishGraphs(endpoint, splitByGraph(await readDataset(fixture(name))), noWait);
    expect(again.landed).toBe(first.landed);
    expect(store.counts()).toEqual(expected);
  });

  it('replaces an article graph: triples removed locally disappear from the store', async () => {
    const store = await startStore();
    const endpoint = `${store.url}/sparql-graph-crud`;
    const parts = splitByGraph(await readDataset(fixture('three-articles.trig')));
    await publishGraphs(endpoint, parts, noWait);
    const trimmed = parts.map((p) => ({ ...p, triples: p.triples.slice(0, 3) }));
    await publishGraphs(endpoint, trimmed, noWait);
    expect(Object.values(store.counts())).toEqual([3, 3, 3]);
  });

  it('merges the shared graph, so shards that each publish their part add up', async () => {
    const store = await startStore();
    const endpoint = `${store.url}/sparql-graph-crud`;
    const parts = splitByGraph(await readDataset(fixture('with-shared-layer.trig')));
    const shared = parts.find((p) => p.graph === SHARED_GRAPH)!;
    // Two shards: each has one article and half of the entity layer.
    await publishGraphs(endpoint, [parts[0]!, { ...shared, triples: shared.triples.slice(0, 3) }], noWait);
    await publishGraphs(endpoint, [parts[1]!, { ...shared, triples: shared.triples.slice(2) }], noWait);
    expect(store.counts()).toEqual(await localCounts(fixture('with-shared-layer.trig')));
  });

  it('sends a graph larger than the request limit in chunks: PUT, then POSTs', async () => {
    const store = await startStore();
    const endpoint = `${store.url}/sparql-graph-crud`;
    const parts = splitByGraph(await readDataset(fixture('three-articles.trig'))).slice(0, 1);
    const report = await publishGraphs(endpoint, parts, { ...noWait, maxTriplesPerRequest: 10 });
    expect(report.graphs[0]!.requests).toBe(4);
    expect(store.requests.map((r) => r.method)).toEqual(['PUT', 'POST', 'POST', 'POST']);
    await publishGraphs(endpoint, parts, { ...noWait, maxTriplesPerRequest: 10 });
    expect(store.counts()).toEqual({ [`${DOC}fisheries-pact`]: 36 });
  });

  it('goes on after one graph is refused, and reports it', async () => {
    const store = await startStore();
    const endpoint = `${store.url}/sparql-graph-crud`;
    store.failures.push({ status: 400, graph: `${DOC}port-strike` });
    const report = await publishGraphs(endpoint, splitByGraph(await readDataset(fixture('three-articles.trig'))), noWait);
    expect(report.graphs.map((g) => [g.graph, g.status])).toEqual([
      [`${DOC}fisheries-pact`, 'landed'], [`${DOC}port-strike`, 'failed'], [`${DOC}salmon-quota`, 'landed'],
    ]);
    expect(report.graphs[1]!.error).toMatch(new RegExp(`^${endpoint.replace(/[.?]/g, '\\$&')}: 400 Bad Request`));
    expect(report.stoppedBy).toBeUndefined();
  });

  it('goes on after a 500 for one graph (Virtuoso answers 500 to data it cannot read)', async () => {
    const store = await startStore();
    const endpoint = `${store.url}/sparql-graph-crud`;
    store.failures.push({ status: 500, graph: `${DOC}port-strike` });
    const report = await publishGraphs(endpoint, splitByGraph(await readDataset(fixture('three-articles.trig'))), { ...noWait, concurrency: 1 });
    expect(report.graphs.map((g) => g.status)).toEqual(['landed', 'failed', 'landed']);
    expect(report.graphs[1]!.attempts).toBe(4);
    expect(report.stoppedBy).toBeUndefined();
  });

  it('stops after three graphs in a row fail with server errors', async () => {
    const store = await startStore();
    const endpoint = `${store.url}/sparql-graph-crud`;
    store.failures.push({ status: 503 });
    const triples = splitByGraph(await readDataset(fixture('single-article.ttl')))[0]!.triples;
    const parts = Array.from({ length: 5 }, (_, i) => ({ graph: `${DOC}n${i}`, triples, mode: 'replace' as const }));
    const report = await publishGraphs(endpoint, parts, { ...noWait, concurrency: 1, retries: 1 });
    expect(report.graphs.map((g) => g.status)).toEqual(['failed', 'failed', 'failed', 'skipped', 'skipped']);
    expect(report.stoppedBy).toBe(`${endpoint}: 503 Service Unavailable: Error 503 scripted failure (after 2 attempts)`);
    expect(store.requests).toHaveLength(6);
  });

  it('stops sending when the store goes away mid-way, reports which graphs did not land, and a re-run completes them', async () => {
    const store = await startStore();
    const endpoint = `${store.url}/sparql-graph-crud`;
    const parts = splitByGraph(await readDataset(fixture('three-articles.trig')));
    const seen: GraphOutcome[] = [];
    const report = await publishGraphs(endpoint, parts, {
      ...noWait, concurrency: 1, retries: 2,
      onGraph: (o) => {
        seen.push(o);
        // After the first graph lands, every connection is dropped: the store "went away".
        if (seen.length === 1) store.failures.push({ status: 0 });
      },
    });
    expect(report.graphs.map((g) => g.status)).toEqual(['landed', 'failed', 'skipped']);
    expect(report.graphs[1]!.attempts).toBe(3);
    expect(report.stoppedBy).toMatch(new RegExp(`^${endpoint.replace(/[.?]/g, '\\$&')}: connection (closed|reset)`));
    expect(store.counts()).toEqual({ [`${DOC}fisheries-pact`]: 36 });

    store.failures.length = 0;
    const rerun = await publishGraphs(endpoint, parts, noWait);
    expect(rerun.graphs.every((g) => g.status === 'landed')).toBe(true);
    expect(store.counts()).toEqual(await localCounts(fixture('three-articles.trig')));
  });

  it('keeps at most `concurrency` graphs in flight and reports in the order added', async () => {
    const store = await startStore();
    const endpoint = `${store.url}/sparql-graph-crud`;
    const publisher = new Publisher(endpoint, { ...noWait, concurrency: 2 });
    const triples = await readDataset(fixture('single-article.ttl')) as RDF.Quad[];
    const parts = Array.from({ length: 9 }, (_, i) => ({
      graph: `${DOC}n${i}`,
      triples,
      mode: 'replace' as const,
    }));
    let inFlightMax = 0;
    for (const part of parts) {
      await publisher.add(part);
      inFlightMax = Math.max(inFlightMax, (publisher as unknown as { running: Set<unknown> }).running.size);
    }
    const report = await publisher.finish();
    expect(inFlightMax).toBeLessThanOrEqual(2);
    expect(report.graphs.map((g) => g.graph)).toEqual(parts.map((p) => p.graph));
    expect(report.triplesLanded).toBe(9 * 7);
  });
});

describe('newsgraph publish', () => {
  it('publishes a file and prints a summary', async () => {
    const store = await startStore();
    const endpoint = `${store.url}/sparql-graph-crud`;
    const { code, stdout, stderr } = await runPublish([fixture('three-articles.trig'), '--endpoint', endpoint]);
    expect(code).toBe(0);
    expect(stdout).toContain(`3 of 3 graphs landed (71 of 71 triples) at ${endpoint}`);
    expect(stderr).toContain(`publish: ${DOC}port-strike put 19 triples`);
    expect(store.counts()).toEqual(await localCounts(fixture('three-articles.trig')));
  });

  it('prints a JSON report', async () => {
    const store = await startStore();
    const { code, stdout } = await runPublish([fixture('single-article.ttl'), '--endpoint', `${store.url}/sparql-graph-crud`, '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { graphs: { graph: string; triples: number; status: string }[] };
    expect(report.graphs.map((g) => [g.graph, g.triples, g.status])).toEqual([[`${DOC}harbour-fire`, 7, 'landed']]);
  });

  it('authenticates with --user and --password', async () => {
    const store = await startStore({ digest: { user: 'dba', password: 'pw' } });
    const { code } = await runPublish([fixture('three-articles.nq'), '--endpoint', `${store.url}/sparql-graph-crud`, '--user', 'dba', '--password', 'pw', '-q']);
    expect(code).toBe(0);
    expect(Object.keys(store.counts())).toHaveLength(3);
  });

  it('exits 5 on a 401, naming the endpoint and every article that did not land', async () => {
    const store = await startStore({ digest: { user: 'dba', password: 'pw' } });
    const endpoint = `${store.url}/sparql-graph-crud`;
    const { code, stderr } = await runPublish([fixture('three-articles.trig'), '--endpoint', endpoint, '-q']);
    expect(code).toBe(5);
    expect(stderr).toContain(`3 of 3 graphs did not land at ${endpoint}: ${DOC}fisheries-pact, ${DOC}port-strike, ${DOC}salmon-quota.`);
    expect(stderr).toContain('401 Unauthorized: the store wants credentials; pass --user and --password');
  });

  it('exits 5 on a 500 mid-way, naming the articles that did not land', async () => {
    const store = await startStore();
    const endpoint = `${store.url}/sparql-graph-crud`;
    store.failures.push({ status: 500, graph: `${DOC}salmon-quota` });
    const { code, stdout, stderr } = await runPublish([fixture('three-articles.trig'), '--endpoint', endpoint, '--retries', '0', '--concurrency', '1', '-q']);
    expect(code).toBe(5);
    expect(stdout).toContain('2 of 3 graphs landed');
    expect(stderr).toContain(`1 of 3 graphs did not land at ${endpoint}: ${DOC}salmon-quota. Cause: ${endpoint}: 500 Internal Server Error`);
  });

  it.each([
    [[fixture('three-articles.trig')], 2, /--endpoint <url> is required/],
    [[fixture('three-articles.trig'), '--endpoint', 'ftp://x/y'], 2, /not an http\(s\) URL/],
    [[fixture('three-articles.trig'), '--endpoint', 'http://127.0.0.1:9/x', '--user', 'u'], 2, /--user needs --password/],
    [[fixture('three-articles.trig'), '--endpoint', 'http://127.0.0.1:9/x', '--bogus'], 2, /Unknown option '--bogus'/],
    [['--endpoint', 'http://127.0.0.1:9/x'], 2, /expected one graph file/],
    [[fixture('broken.trig'), '--endpoint', 'http://127.0.0.1:9/x'], 3, /broken\.trig:4/],
    [[fixture('nope.trig'), '--endpoint', 'http://127.0.0.1:9/x'], 3, /nope\.trig/],
  ])('rejects %j with exit %i before sending anything', async (argv, exit, message) => {
    const { code, stderr } = await runPublish(argv);
    expect(code).toBe(exit);
    expect(stderr).toMatch(message);
  });
});

describe('newsgraph build --publish', () => {
  it('sends each article\'s graph exactly as a local TriG build holds it, and exits 0', async () => {
    const store = await startStore();
    const dir = mkdtempSync(join(tmpdir(), 'ng-build-publish-'));
    try {
      const local = join(dir, 'local.trig');
      let stderr = '';
      vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => { stderr += String(chunk); return true; });
      vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
      const built = await main(['build', 'test/fixtures/publish/articles', '-o', local, '-q']);
      const published = await main(['build', 'test/fixtures/publish/articles', '--publish', `${store.url}/sparql-graph-crud`]);
      vi.restoreAllMocks();
      expect([built, published]).toEqual([0, 0]);
      expect(stderr).toContain('3 of 3 graphs landed');
      expect(store.counts()).toEqual(await localCounts(local));
      // Every quad, compared as oxigraph writes both sides.
      const lines = (text: string) => text.split('\n').filter(Boolean).sort();
      const expected = new oxigraph.Store();
      expected.load(readFileSync(local, 'utf8'), { format: 'application/trig' });
      expect(lines(store.store.dump({ format: 'application/n-quads' }))).toEqual(lines(expected.dump({ format: 'application/n-quads' })));
    } finally {
      vi.restoreAllMocks();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('refuses two articles with one id before sending anything (exit 2)', async () => {
    const store = await startStore();
    const dir = mkdtempSync(join(tmpdir(), 'ng-build-publish-'));
    try {
      writeFileSync(join(dir, 'berlin-summit.txt'), readFileSync('test/fixtures/publish/articles/berlin-summit.txt'));
      let stderr = '';
      vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => { stderr += String(chunk); return true; });
      const code = await main(['build', 'test/fixtures/publish/articles', dir, '--publish', `${store.url}/sparql-graph-crud`]);
      vi.restoreAllMocks();
      expect(code).toBe(2);
      expect(stderr).toMatch(/berlin-summit\.txt and .*berlin-summit\.txt both get the article id "berlin-summit"/);
      expect(store.requests).toHaveLength(0);
    } finally {
      vi.restoreAllMocks();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
