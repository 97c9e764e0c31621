/** Splitting a dataset by graph, serializing, building Graph Store requests, reading dataset files. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFactory, Parser } from 'n3';
import type * as RDF from '@rdfjs/types';
import {
  SHARED_GRAPH, buildGraphRequest, chooseWriteMode, chunkTriples, formatReport, graphUrl, parseDataset, readDataset,
  serializeTriples, splitByGraph, type PublishReport,
} from '../src/publish/index.ts';
import { InputError, ParseError } from '../src/errors.ts';

const { namedNode, literal, quad, blankNode } = DataFactory;
const fixture = (name: string) => `test/fixtures/publish/${name}`;
const DOC = 'https://w3id.org/newsgraph/doc/';

/** Triples per graph of a file, counted straight from the parser (the expected side of the tests). */
function countByGraph(quads: readonly RDF.Quad[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const q of quads) out[q.graph.value] = (out[q.graph.value] ?? 0) + 1;
  return out;
}

describe('splitByGraph', () => {
  it.each(['three-articles.trig', 'three-articles.nq'])('keeps every quad of %s in its own graph, in file order', async (name) => {
    const quads = await readDataset(fixture(name));
    const parts = splitByGraph(quads);
    expect(parts.map((p) => p.graph)).toEqual([`${DOC}fisheries-pact`, `${DOC}port-strike`, `${DOC}salmon-quota`]);
    expect(Object.fromEntries(parts.map((p) => [p.graph, p.triples.length]))).toEqual(countByGraph(quads));
    for (const p of parts) {
      expect(p.mode).toBe('replace');
      expect(p.triples.every((t) => t.graph.termType === 'DefaultGraph')).toBe(true);
    }
  });

  it('sends the triples of a single-article Turtle file to that article\'s graph', async () => {
    const parts = splitByGraph(await readDataset(fixture('single-article.ttl')));
    expect(parts).toHaveLength(1);
    expect(parts[0]!.graph).toBe(`${DOC}harbour-fire`);
    expect(parts[0]!.triples).toHaveLength(7);
    expect(parts[0]!.mode).toBe('replace');
  });

  it('sends a default graph next to named graphs to the shared entity graph, merged', async () => {
    const parts = splitByGraph(await readDataset(fixture('with-shared-layer.trig')));
    expect(parts.map((p) => [p.graph, p.triples.length, p.mode])).toEqual([
      [`${DOC}a1`, 3, 'replace'],
      [`${DOC}a2`, 3, 'replace'],
      [SHARED_GRAPH, 5, 'merge'],
    ]);
  });

  it('honours an explicit default graph, joining a named graph of the same IRI', async () => {
    const parts = splitByGraph(await readDataset(fixture('with-shared-layer.trig')), { defaultGraph: `${DOC}a1` });
    expect(parts.map((p) => [p.graph, p.triples.length])).toEqual([[`${DOC}a1`, 8], [`${DOC}a2`, 3]]);
  });
});

describe('chooseWriteMode', () => {
  const t = quad(namedNode('http://ex/s'), namedNode('http://ex/p'), literal('o'));
  const b = quad(blankNode('x'), namedNode('http://ex/p'), literal('o'));
  it.each([
    [`${DOC}a1`, [t], 'replace'],
    [`${DOC}a1`, [b], 'replace'],
    [SHARED_GRAPH, [t], 'merge'],
    ['http://example.org/other', [t], 'merge'],
    // A merge would add a fresh copy of each blank node every time: replace instead.
    [SHARED_GRAPH, [t, b], 'replace'],
  ] as const)('%s → %s', async (graph, triples, mode) => {
    expect(chooseWriteMode(graph, triples as unknown as RDF.Quad[])).toBe(mode);
  });
});

describe('serializeTriples', () => {
  it('writes N-Triples that parse back to the same triples, escapes and all', async () => {
    const quads = await readDataset(fixture('three-articles.trig'));
    for (const part of splitByGraph(quads)) {
      const text = serializeTriples(part.triples);
      const back = new Parser({ format: 'N-Triples' }).parse(text);
      expect(back).toHaveLength(part.triples.length);
      for (let i = 0; i < back.length; i++) expect(back[i]!.equals(part.triples[i]!)).toBe(true);
    }
  });

  it('drops the graph term and is byte-identical for the same input', async () => {
    const q = quad(namedNode('http://ex/s'), namedNode('http://ex/p'), literal('line one\nline "two"', 'en'), namedNode('http://ex/g'));
    const text = serializeTriples([q]);
    expect(text).toBe('<http://ex/s> <http://ex/p> "line one\\nline \\"two\\""@en .\n');
    expect(serializeTriples([q])).toBe(text);
  });
});

describe('chunkTriples', () => {
  const triples = Array.from({ length: 7 }, (_, i) => quad(namedNode(`http://ex/s${i}`), namedNode('http://ex/p'), literal(String(i))));
  it.each([[7, [7]], [3, [3, 3, 1]], [1, [1, 1, 1, 1, 1, 1, 1]], [100, [7]]])('size %i → %j', async (size, lengths) => {
    const chunks = chunkTriples(triples, size);
    expect(chunks.map((c) => c.length)).toEqual(lengths);
    expect(chunks.flat()).toEqual(triples);
  });
  it('keeps a graph with blank nodes whole (labels are scoped to one request)', async () => {
    const withBlank = [...triples, quad(blankNode('b'), namedNode('http://ex/p'), literal('x'))];
    expect(chunkTriples(withBlank, 3)).toHaveLength(1);
  });
});

describe('buildGraphRequest', () => {
  it.each([
    ['http://127.0.0.1:8890/sparql-graph-crud', 'http://127.0.0.1:8890/sparql-graph-crud?graph=https%3A%2F%2Fw3id.org%2Fnewsgraph%2Fdoc%2Fa1%23x'],
    ['http://store.example/ds/data?x=1', 'http://store.example/ds/data?x=1&graph=https%3A%2F%2Fw3id.org%2Fnewsgraph%2Fdoc%2Fa1%23x'],
  ])('addresses the graph at %s by ?graph=', async (endpoint, url) => {
    expect(graphUrl(endpoint, `${DOC}a1#x`).href).toBe(url);
  });

  it('sends N-Triples in a buffered body', async () => {
    const t = quad(namedNode('http://ex/s'), namedNode('http://ex/p'), literal('é'));
    const request = buildGraphRequest('http://127.0.0.1:8890/sparql-graph-crud', `${DOC}a1`, [t], 'PUT');
    expect(request.method).toBe('PUT');
    expect(request.headers!['content-type']).toBe('application/n-triples; charset=utf-8');
    expect(request.body).toBe('<http://ex/s> <http://ex/p> "é" .\n');
  });
});

describe('readDataset', () => {
  it('names the file and the line of a syntax error', async () => {
    let error: unknown;
    try { await readDataset(fixture('broken.trig')); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(ParseError);
    expect((error as ParseError).line).toBe(4);
    expect((error as Error).message).toContain('broken.trig:4');
  });

  it.each([
    ['missing.trig', /missing\.trig/],
    ['graph.rdf', /unknown RDF file type ".rdf"/],
  ])('rejects %s with an InputError naming it', async (name, message) => {
    const read = () => (name.endsWith('.rdf') ? parseDataset('', name) : readDataset(fixture(name)));
    await expect(read()).rejects.toThrow(message);
    await expect(read()).rejects.toThrow(InputError);
  });

  it('refuses a file without triples', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ng-publish-'));
    const file = join(dir, 'empty.trig');
    writeFileSync(file, '# nothing here\n');
    await expect(readDataset(file)).rejects.toThrow(/empty\.trig: holds no triples/);
    rmSync(dir, { recursive: true });
  });

  it('parses N-Quads and TriG of the same dataset to the same quads', async () => {
    const a = await readDataset(fixture('three-articles.trig'));
    const b = await parseDataset(readFileSync(fixture('three-articles.nq'), 'utf8'), 'x.nq');
    expect(b).toHaveLength(a.length);
    expect(countByGraph(b)).toEqual(countByGraph(a));
  });
});

describe('formatReport', () => {
  const report: PublishReport = {
    endpoint: 'http://127.0.0.1:1/sparql-graph-crud',
    graphs: [
      { graph: `${DOC}a1`, triples: 10, mode: 'replace', status: 'landed', requests: 1, attempts: 1 },
      { graph: `${DOC}a2`, triples: 5, mode: 'replace', status: 'failed', requests: 0, attempts: 4, error: 'http://127.0.0.1:1/sparql-graph-crud: connection refused (ECONNREFUSED) after 4 attempts' },
      { graph: `${DOC}a3`, triples: 7, mode: 'replace', status: 'skipped', requests: 0, attempts: 0, error: 'not sent: publishing stopped after the endpoint failed' },
    ],
    landed: 1, failed: 1, skipped: 1, triplesLanded: 10, triplesTotal: 22, elapsedMs: 2000,
    stoppedBy: 'http://127.0.0.1:1/sparql-graph-crud: connection refused (ECONNREFUSED) after 4 attempts',
  };
  it('names each graph that did not land and says how to complete them', async () => {
    const text = formatReport(report);
    expect(text).toContain('1 of 3 graphs landed (10 of 22 triples) at http://127.0.0.1:1/sparql-graph-crud');
    expect(text).toContain('5 triples/s');
    expect(text).toMatch(/a2 {2}FAILED {2}http:\/\/127\.0\.0\.1:1\/sparql-graph-crud: connection refused/);
    expect(text).toMatch(/a3 {2}NOT SENT/);
    expect(text).toContain('run the same command again');
    expect(text).not.toMatch(/a1 {2}/);
    expect(formatReport(report, { rate: false })).not.toContain('triples/s');
  });
});
