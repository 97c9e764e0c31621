/** The command line against a real Virtuoso: build --publish (sharded), publish, query --endpoint (integration). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newsgraphInProcess } from './cli-inprocess.ts';
import { parseGraph } from '../src/rdf/index.ts';
import { closedPort, skipReason, startVirtuoso, type VirtuosoInstance } from './virtuoso-instance.ts';

const reason = skipReason();
if (reason) console.warn(reason);

const ARTICLES = 'test/fixtures/publish/articles';
const [A, B, C] = ['berlin-summit', 'oslo-fisheries', 'tokyo-visit'].map((n) => `${ARTICLES}/${n}.txt`) as [string, string, string];
const TOTAL = 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }';
const PER_GRAPH = 'SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), STR(ngd:))) } GROUP BY ?g ORDER BY ?g';

const newsgraph = newsgraphInProcess;

/** Runs a query with --format json and returns its bindings as plain values. */
async function jsonRows(...argv: string[]): Promise<Record<string, string>[]> {
  const { code, stdout, stderr } = await newsgraph('query', ...argv, '--format', 'json');
  expect(stderr).toBe('');
  expect(code).toBe(0);
  const json = JSON.parse(stdout) as { results: { bindings: Record<string, { value: string }>[] } };
  return json.results.bindings.map((b) => Object.fromEntries(Object.entries(b).map(([k, v]) => [k, v.value])));
}

describe.skipIf(reason !== undefined)('newsgraph against Virtuoso', () => {
  let v: VirtuosoInstance;
  let dir: string;
  let local: string;
  let localQuads: number;

  beforeAll(async () => {
    v = await startVirtuoso({ maxRows: 50 });
    dir = mkdtempSync(join(tmpdir(), 'ng-virtuoso-cli-'));
    local = join(dir, 'all.trig');
    const built = await newsgraph('build', A, B, C, '-o', local);
    expect(built.code).toBe(0);
    localQuads = (await parseGraph(readFileSync(local, 'utf8'), { format: 'trig' })).length;
  }, 180_000);

  afterAll(async () => {
    await v?.destroy();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('build --publish on two shards grows the store by exactly the quads of one local build; again changes nothing', async () => {
    const before = Number((await jsonRows('--endpoint', v.sparql, TOTAL))[0]!.n);
    const shard1 = await newsgraph('build', A, '--publish', v.crud);
    const shard2 = await newsgraph('build', B, C, '--publish', v.crud);
    expect([shard1.code, shard2.code]).toEqual([0, 0]);
    expect(shard2.stderr).toContain('2 of 2 graphs landed');
    const after = Number((await jsonRows('--endpoint', v.sparql, TOTAL))[0]!.n);
    expect(after - before).toBe(localQuads);
    // The same per-article counts as the local TriG, queried the same way, and the same quads.
    expect(await jsonRows('--endpoint', v.sparql, PER_GRAPH)).toEqual(await jsonRows(local, PER_GRAPH));
    const QUADS = 'SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), STR(ngd:))) }';
    const sorted = (rows: Record<string, string>[]) => rows.map((r) => JSON.stringify([r.g, r.s, r.p, r.o])).sort();
    expect(sorted(await jsonRows('--endpoint', v.sparql, QUADS))).toEqual(sorted(await jsonRows(local, QUADS)));

    const again = await newsgraph('build', A, B, C, '--publish', v.crud);
    expect(again.code).toBe(0);
    expect(Number((await jsonRows('--endpoint', v.sparql, TOTAL))[0]!.n)).toBe(after);
  }, 120_000);

  it('publish of the local TriG leaves the store as build --publish did', async () => {
    const before = await jsonRows('--endpoint', v.sparql, PER_GRAPH);
    const { code, stdout } = await newsgraph('publish', local, '--endpoint', v.crud, '-q');
    expect(code).toBe(0);
    expect(stdout).toContain(`3 of 3 graphs landed (${localQuads} of ${localQuads} triples)`);
    expect(await jsonRows('--endpoint', v.sparql, PER_GRAPH)).toEqual(before);
  });

  it.each([
    ['who met whom', 'SELECT DISTINCT ?e ?who WHERE { ?e a ng:Meeting ; ng:participant ?who } ORDER BY ?e ?who'],
    ['labels past the row limit (paged)', 'SELECT ?x ?label WHERE { ?x rdfs:label ?label } ORDER BY ?x ?label'],
    ['mentions with offsets', 'SELECT ?m ?b ?e ?text WHERE { ?m nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?text } ORDER BY ?m'],
  ])('query --endpoint gives the rows the local engine gives: %s', async (_, query) => {
    const remote = await jsonRows('--endpoint', v.sparql, query);
    expect(remote.length).toBeGreaterThan(0);
    expect(remote).toEqual(await jsonRows(local, query));
  });

  it('build --publish refuses --append, before sending anything', async () => {
    const { code, stderr } = await newsgraph('build', A, '--publish', v.crud, '--append', '-o', join(dir, 'x.trig'));
    expect(code).toBe(2);
    expect(stderr).toContain('--append does not go with --publish');
  });

  it('build --publish to an unreachable store: exit 5 naming the endpoint and the articles, local output still written', async () => {
    const endpoint = `http://127.0.0.1:${await closedPort()}/sparql-graph-crud`;
    const out = join(dir, 'unreachable.trig');
    const { code, stderr } = await newsgraph('build', A, B, '--publish', endpoint, '-o', out);
    expect(code).toBe(5);
    expect(stderr).toContain(`2 of 2 graphs did not land at ${endpoint}: https://w3id.org/newsgraph/doc/berlin-summit, https://w3id.org/newsgraph/doc/oslo-fisheries.`);
    expect(stderr).toContain('connection refused (ECONNREFUSED)');
    // The local output is byte for byte what a build without --publish writes.
    const plain = join(dir, 'plain.trig');
    expect((await newsgraph('build', A, B, '-o', plain, '-q')).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(plain, 'utf8'));
  }, 60_000);

  it('publish to the authenticated endpoint without credentials: exit 5 with a 401 naming the endpoint', async () => {
    const { code, stderr } = await newsgraph('publish', local, '--endpoint', v.crudAuth, '-q');
    expect(code).toBe(5);
    expect(stderr).toContain(`3 of 3 graphs did not land at ${v.crudAuth}`);
    expect(stderr).toContain(`${v.crudAuth}: 401 Unauthorized: the store wants credentials; pass --user and --password`);
    const ok = await newsgraph('publish', local, '--endpoint', v.crudAuth, '--user', 'dba', '--password', 'dba', '-q');
    expect(ok.code).toBe(0);
  });
});
