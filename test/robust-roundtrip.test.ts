// Round trips, checked by graph isomorphism (rdf-isomorphic), not string equality: build → Turtle →
// parse → Turtle again; TriG ↔ N-Quads; N-Triples; JSON-LD → quads. On the fixture articles (one
// graph per article, several articles together) and on generated hostile articles.
import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { isomorphic } from 'rdf-isomorphic';
import { DataFactory } from 'n3';
import type * as RDF from '@rdfjs/types';
import { buildGraph, extractArticle } from '../src/rdf/build.ts';
import { toJsonLd, toNQuads, toNTriples, toTrig, toTurtle } from '../src/rdf/write.ts';
import { parseGraph } from '../src/rdf/read.ts';
import { ROOT } from './cli-helpers.ts';
import { hostileArticle, hostileMeta } from './robust-helpers.ts';

const GENERATED = Number(process.env.NG_ROUNDTRIP_RUNS ?? 300);
// CI replays one fixed seed, so a red run is never luck; elsewhere each run explores new cases (the seed is printed).
const SEED = Number(process.env.NG_FUZZ_SEED ?? (process.env.CI ? 20261129 : Math.floor(Math.random() * 2 ** 31)));

const articleFiles = [
  ...['data/articles', 'test/fixtures/articles', 'test/fixtures/robust'].flatMap((d) =>
    readdirSync(join(ROOT, d)).filter((f) => /\.(txt|md|html)$/.test(f) && !/^readme/i.test(f)).sort().map((f) => join(ROOT, d, f))),
];

/** The triples of quads, in the default graph (what Turtle and N-Triples hold). */
const triplesOf = (quads: readonly RDF.Quad[]) => quads.map((q) => DataFactory.quad(q.subject, q.predicate, q.object));

/** Checks every round trip for one set of quads (in named graphs). */
async function checkRoundTrips(quads: RDF.Quad[], label: string): Promise<void> {
  // Turtle: write, parse, write again: the same graph, and the same bytes.
  const turtle = toTurtle(quads);
  const fromTurtle = await parseGraph(turtle, { format: 'turtle', file: `${label}.ttl` });
  expect(isomorphic(fromTurtle, triplesOf(quads)), `${label}: Turtle → quads`).toBe(true);
  expect(toTurtle(fromTurtle), `${label}: Turtle written again`).toBe(turtle);

  // N-Triples.
  const fromNt = await parseGraph(toNTriples(quads), { format: 'n-triples', file: `${label}.nt` });
  expect(isomorphic(fromNt, triplesOf(quads)), `${label}: N-Triples → quads`).toBe(true);

  // TriG → N-Quads → TriG, named graphs kept.
  const trig = toTrig(quads);
  const fromTrig = await parseGraph(trig, { format: 'trig', file: `${label}.trig` });
  expect(isomorphic(fromTrig, quads), `${label}: TriG → quads`).toBe(true);
  const nquads = toNQuads(fromTrig);
  const fromNq = await parseGraph(nquads, { format: 'n-quads', file: `${label}.nq` });
  expect(isomorphic(fromNq, quads), `${label}: TriG → N-Quads → quads`).toBe(true);
  expect(toTrig(fromNq), `${label}: N-Quads → TriG`).toBe(trig);
  expect(toNQuads(await parseGraph(toTrig(fromNq), { format: 'trig' })), `${label}: N-Quads → TriG → N-Quads`).toBe(nquads);

  // JSON-LD → quads.
  const json = await toJsonLd(quads);
  const fromJson = await parseGraph(json, { format: 'json-ld', file: `${label}.jsonld` });
  expect(isomorphic(fromJson, quads), `${label}: JSON-LD → quads`).toBe(true);
}

describe('round trips of built graphs (isomorphic, and the same bytes when written again)', () => {
  beforeAll(() => { extractArticle('Prime Minister Mark Carney met President Xi Jinping.', { id: 'warm-up' }); }, 120_000);

  it('has fixture articles of every input format and script', () => {
    expect(articleFiles.length).toBeGreaterThanOrEqual(10);
    expect(articleFiles.some((f) => f.endsWith('hostile-names.txt'))).toBe(true);
  });

  it.each(articleFiles.map((f) => [f.slice(ROOT.length), f] as const))('%s', async (name, file) => {
    const { quads } = buildGraph([file], { graphs: true });
    expect(quads.length).toBeGreaterThan(5);
    await checkRoundTrips(quads, name);
  }, 120_000);

  it('every fixture article together (one named graph each, shared entities)', async () => {
    const { quads } = buildGraph(articleFiles, { graphs: true });
    expect(new Set(quads.map((q) => q.graph.value)).size).toBe(articleFiles.length);
    await checkRoundTrips(quads, 'all');
  }, 300_000);

  it(`${GENERATED} generated hostile articles`, async () => {
    let runs = 0;
    await fc.assert(fc.asyncProperty(hostileArticle.filter((t) => t.trim() !== ''), hostileMeta, async (text, meta) => {
      runs++;
      const { quads } = extractArticle(text, meta, { graph: true });
      await checkRoundTrips(quads, 'generated');
    }), { numRuns: GENERATED, seed: SEED });
    console.log(`robust-roundtrip: ${runs} generated articles (seed ${SEED}) round-tripped through Turtle, N-Triples, TriG, N-Quads and JSON-LD`);
  }, 900_000);
});
