// Measures publish throughput (triples/s) to a SPARQL Graph Store with `newsgraph publish`.
//
//   node scripts/bench-publish.mjs [--graph <file.trig|.nq>] [--articles N] [--endpoint <graph-store-url>]
//                                  [--concurrency 1,1,2,4] [--build N] [--json]
//
// Without --graph it makes a corpus of N article graphs (default 600) from the three test articles of
// test/fixtures/publish/articles, built and copied under new article IRIs. Without --endpoint it starts a throw-away Virtuoso with
// scripts/virtuoso.sh on free loopback ports and stops it (by pid) at the end. Each run publishes the
// whole corpus (every graph replaced with PUT: the first run creates the graphs, later runs replace
// them), then the script checks the store's count. With --build N (default 300; 0 to skip) it also runs
// `build --publish` over N article files (copies of the test articles) and compares its peak memory
// (max RSS, and heap in use at the end) with `build -o out.trig` of the same files. Needs
// `npm run build` first (it runs bin/newsgraph.js). Prints a table, or JSON lines with --json.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';

const run = promisify(execFile);
const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'bin/newsgraph.js');
if (!existsSync(join(root, 'dist/cli.js'))) {
  console.error('bench-publish: dist/cli.js is missing; run `npm run build` first');
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    graph: { type: 'string' }, articles: { type: 'string', default: '600' }, endpoint: { type: 'string' },
    concurrency: { type: 'string', default: '1,1,2,4' }, build: { type: 'string', default: '300' }, json: { type: 'boolean' },
  },
});

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * N article graphs: the three test articles (test/fixtures/publish/articles) built with `newsgraph build`,
 * copied with every IRI under the article namespace renamed per copy, so each copy is a new article.
 */
async function makeCorpus(n, file) {
  const built = join(work, 'articles.nq');
  await run('node', [bin, 'build', join(root, 'test/fixtures/publish/articles'), '-o', built], { cwd: root });
  const lines = readFileSync(built, 'utf8').split('\n').filter(Boolean);
  const out = [];
  for (let i = 0; i < Math.ceil(n / 3); i++) {
    for (const line of lines) out.push(line.replace(/<https:\/\/w3id\.org\/newsgraph\/doc\/([a-z0-9-]+)/g, `<https://w3id.org/newsgraph/doc/$1-${i}`));
  }
  writeFileSync(file, out.join('\n') + '\n');
  return out.length;
}

async function countAll(sparql) {
  const { stdout } = await run('node', [bin, 'query', '--endpoint', sparql, 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "https://w3id.org/newsgraph/")) }', '--format', 'json'], { cwd: root });
  return Number(JSON.parse(stdout).results.bindings[0].n.value);
}

const work = mkdtempSync(join(tmpdir(), 'ng-bench-publish-'));
let virtuosoDir;
try {
  let crud = values.endpoint;
  let sparql = crud?.replace(/\/sparql-graph-crud(-auth)?$/, '/sparql');
  if (!crud) {
    virtuosoDir = join(work, 'virtuoso');
    const env = { ...process.env, VIRTUOSO_HTTP_PORT: String(await freePort()), VIRTUOSO_SQL_PORT: String(await freePort()) };
    const t0 = performance.now();
    const { stdout } = await run('bash', [join(root, 'scripts/virtuoso.sh'), 'start', virtuosoDir], { env });
    const http = /^HTTP=(.*)$/m.exec(stdout)[1];
    crud = `${http}/sparql-graph-crud`;
    sparql = `${http}/sparql`;
    if (!values.json) console.log(`virtuoso-t online in ${((performance.now() - t0) / 1000).toFixed(1)} s at ${http}`);
  }
  let file = values.graph;
  let quads;
  if (!file) {
    file = join(work, 'corpus.nq');
    quads = await makeCorpus(Number(values.articles), file);
  }
  const results = [];
  for (const c of values.concurrency.split(',').map(Number)) {
    const t0 = performance.now();
    const { stdout } = await run('node', [bin, 'publish', file, '--endpoint', crud, '--json', '--concurrency', String(c)], { cwd: root, maxBuffer: 1 << 28 });
    const wall = (performance.now() - t0) / 1000;
    const report = JSON.parse(stdout);
    const stored = sparql ? await countAll(sparql) : undefined;
    const r = {
      name: 'publish', concurrency: c, graphs: report.graphs.length, triples: report.triplesLanded, failed: report.failed + report.skipped,
      publishSeconds: +(report.elapsedMs / 1000).toFixed(2), wallSeconds: +wall.toFixed(2),
      triplesPerSecond: Math.round(report.triplesLanded / (report.elapsedMs / 1000)), storeCount: stored,
    };
    results.push(r);
    if (values.json) console.log(JSON.stringify(r));
  }
  const buildCount = Number(values.build);
  if (buildCount > 0) {
    const folder = join(work, 'articles');
    execFileSync('mkdir', ['-p', folder]);
    const sources = ['berlin-summit', 'oslo-fisheries', 'tokyo-visit'].map((n) => readFileSync(join(root, `test/fixtures/publish/articles/${n}.txt`), 'utf8'));
    for (let i = 0; i < buildCount; i++) writeFileSync(join(folder, `article-${String(i).padStart(5, '0')}.txt`), sources[i % 3]);
    // Peak memory of a newsgraph run, measured by the child itself.
    const measure = async (args) => {
      const code = `const { main } = await import(${JSON.stringify(join(root, 'dist/cli.js'))}); const c = await main(${JSON.stringify(args)}); process.stderr.write('\\nMAXRSS=' + process.resourceUsage().maxRSS + ' HEAP=' + process.memoryUsage().heapUsed + '\\n'); process.exit(c);`;
      const t0 = performance.now();
      const { stderr } = await run('node', ['--input-type=module', '-e', code], { cwd: root, maxBuffer: 1 << 28 });
      return { seconds: +((performance.now() - t0) / 1000).toFixed(2), maxRssMB: Math.round(Number(/MAXRSS=(\d+)/.exec(stderr)[1]) / 1024), heapMB: Math.round(Number(/HEAP=(\d+)/.exec(stderr)[1]) / 1048576) };
    };
    const published = await measure(['build', folder, '--publish', crud, '-q']);
    const local = await measure(['build', folder, '-o', join(work, 'local.trig'), '-q']);
    const r = { name: 'build-publish', articles: buildCount, publishSeconds: published.seconds, publishMaxRssMB: published.maxRssMB, publishHeapMB: published.heapMB, localSeconds: local.seconds, localMaxRssMB: local.maxRssMB, localHeapMB: local.heapMB };
    if (values.json) console.log(JSON.stringify(r));
    else console.log(`build --publish of ${buildCount} articles: ${r.publishSeconds} s, peak RSS ${r.publishMaxRssMB} MB, heap at the end ${r.publishHeapMB} MB; build -o out.trig of the same: ${r.localSeconds} s, peak RSS ${r.localMaxRssMB} MB, heap at the end ${r.localHeapMB} MB`);
  }
  if (!values.json) {
    console.log(`corpus: ${results[0].graphs} graphs, ${results[0].triples} triples${quads ? ' (made from the fixture)' : ` (${file})`}`);
    console.log('concurrency  publish s  wall s  triples/s  store count');
    for (const r of results) console.log(`${String(r.concurrency).padStart(11)}  ${r.publishSeconds.toFixed(2).padStart(9)}  ${r.wallSeconds.toFixed(2).padStart(6)}  ${String(r.triplesPerSecond).padStart(9)}  ${r.storeCount ?? '-'}`);
  }
  if (results.some((r) => r.failed > 0)) process.exitCode = 1;
} finally {
  if (virtuosoDir && existsSync(join(virtuosoDir, 'virtuoso.pid'))) execFileSync('bash', [join(root, 'scripts/virtuoso.sh'), 'stop', virtuosoDir]);
  rmSync(work, { recursive: true, force: true });
}
