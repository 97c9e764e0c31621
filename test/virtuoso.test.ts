/** Publishing to and querying a real Virtuoso 7 (integration; see test/virtuoso-instance.ts for when it runs). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataFactory } from 'n3';
import type * as RDF from '@rdfjs/types';
import { EndpointError, publishGraphs, readDataset, splitByGraph, type GraphOutcome, type GraphPart } from '../src/publish/index.ts';
import { queryEndpoint, type Bindings } from '../src/query/remote.ts';
import { runQuery, type BindingValue } from '../src/query/index.ts';
import { closedPort, skipReason, startVirtuoso, type VirtuosoInstance } from './virtuoso-instance.ts';

const reason = skipReason();
if (reason) console.warn(reason);

const DOC = 'https://w3id.org/newsgraph/doc/';
const fixture = (name: string) => `test/fixtures/publish/${name}`;
/** Small on purpose, so that every multi-row query below is cut off by the server and must be paged. */
const MAX_ROWS = 10;
const quick = { backoffMs: 50, retries: 2 };

/** Triples per newsgraph graph in the store. */
async function storeCounts(v: VirtuosoInstance): Promise<Record<string, number>> {
  const result = await queryEndpoint(v.sparql, `SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "https://w3id.org/newsgraph/")) } GROUP BY ?g`);
  if (result.form !== 'select') throw new Error('expected a SELECT result');
  return Object.fromEntries(result.bindings.map((b) => [b.g!.value, Number(b.n!.value)]));
}

/** Every quad in the store, system graphs included. */
async function storeTotal(v: VirtuosoInstance): Promise<number> {
  const result = await queryEndpoint(v.sparql, 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }');
  if (result.form !== 'select') throw new Error('expected a SELECT result');
  return Number(result.bindings[0]!.n!.value);
}

function countsOf(parts: readonly GraphPart[]): Record<string, number> {
  return Object.fromEntries(parts.map((p) => [p.graph, p.triples.length]));
}

/** The parts again under other article IRIs: a bigger corpus for the mid-publish stop. */
function copies(parts: readonly GraphPart[], n: number): GraphPart[] {
  const out: GraphPart[] = [];
  for (let i = 0; i < n; i++) {
    for (const p of parts) {
      const graph = `${p.graph}-copy-${i}`;
      out.push({ graph, mode: 'replace', triples: p.triples.map((q) => DataFactory.quad(q.subject as RDF.Quad_Subject, q.predicate as RDF.Quad_Predicate, q.object as RDF.Quad_Object)) });
    }
  }
  return out;
}

/** An RDF/JS term as a SPARQL JSON value, in the normalized form of src/query/remote.ts. */
function bindingOf(term: RDF.Term): BindingValue {
  if (term.termType === 'NamedNode') return { type: 'uri', value: term.value };
  if (term.termType === 'BlankNode') return { type: 'bnode', value: term.value };
  const literal = term as RDF.Literal;
  if (literal.language) return { type: 'literal', value: literal.value, 'xml:lang': literal.language };
  if (literal.datatype.value === 'http://www.w3.org/2001/XMLSchema#string') return { type: 'literal', value: literal.value };
  return { type: 'literal', value: literal.value, datatype: literal.datatype.value };
}

const key = (row: Bindings) => JSON.stringify(Object.keys(row).sort().map((k) => [k, row[k]]));

const XSD = 'http://www.w3.org/2001/XMLSchema#';
const INTEGER_TYPES = new Set(['nonNegativeInteger', 'positiveInteger', 'nonPositiveInteger', 'negativeInteger', 'long', 'int', 'short', 'byte', 'unsignedLong', 'unsignedInt', 'unsignedShort', 'unsignedByte'].map((t) => XSD + t));

/**
 * A row key for comparing the server with the embedded engine: oxigraph 0.5 reports every integer subtype
 * (xsd:nonNegativeInteger, ...) as xsd:integer, while Virtuoso keeps the datatype sent, so both sides say
 * xsd:integer here. Everything else must match exactly.
 */
const engineKey = (row: Bindings) => key(Object.fromEntries(Object.entries(row).map(([k, b]) => [k, b.datatype && INTEGER_TYPES.has(b.datatype) ? { ...b, datatype: XSD + 'integer' } : b])));

describe.skipIf(reason !== undefined)('Virtuoso', () => {
  let v: VirtuosoInstance;
  let parts: GraphPart[];
  let quads: RDF.Quad[];

  beforeAll(async () => {
    v = await startVirtuoso({ maxRows: MAX_ROWS });
    quads = await readDataset(fixture('three-articles.trig'));
    parts = splitByGraph(quads);
  }, 120_000);

  afterAll(async () => {
    await v?.destroy();
  }, 60_000);

  it('takes every article graph with the local triple counts, and a second publish changes nothing', async () => {
    const before = await storeTotal(v);
    const report = await publishGraphs(v.crud, parts, quick);
    expect(report.graphs.map((g) => g.status)).toEqual(['landed', 'landed', 'landed']);
    expect(await storeCounts(v)).toEqual(countsOf(parts));
    expect(await storeTotal(v)).toBe(before + quads.length);

    const again = await publishGraphs(v.crud, parts, quick);
    expect(again.landed).toBe(3);
    expect(await storeCounts(v)).toEqual(countsOf(parts));
    expect(await storeTotal(v)).toBe(before + quads.length);
  });

  it('gives back every term as sent (escapes, languages, datatypes, non-ASCII), paged past ResultSetMaxRows', async () => {
    await publishGraphs(v.crud, parts, quick);
    for (const part of parts) {
      const remote = await queryEndpoint(v.sparql, `SELECT ?s ?p ?o WHERE { GRAPH <${part.graph}> { ?s ?p ?o } }`);
      if (remote.form !== 'select') throw new Error('expected a SELECT result');
      expect(part.triples.length).toBeGreaterThan(MAX_ROWS);
      expect(remote.requests).toBeGreaterThan(1);
      // Compared with the parsed file itself: the embedded oxigraph turns xsd:nonNegativeInteger into xsd:integer.
      const sent = part.triples.map((q) => ({ s: bindingOf(q.subject), p: bindingOf(q.predicate), o: bindingOf(q.object) }));
      expect(remote.bindings.map(key).sort()).toEqual(sent.map(key).sort());
    }
  });

  it('authenticates with Digest at /sparql-graph-crud-auth, and names the endpoint on a wrong password', async () => {
    const part = { ...parts[2]!, graph: `${DOC}digest-check` };
    const ok = await publishGraphs(v.crudAuth, [part], { ...quick, credentials: { user: 'dba', password: 'dba' } });
    expect(ok.landed).toBe(1);
    expect((await storeCounts(v))[`${DOC}digest-check`]).toBe(part.triples.length);

    const bad = await publishGraphs(v.crudAuth, [{ ...part, graph: `${DOC}digest-refused` }], { ...quick, credentials: { user: 'dba', password: 'wrong' } });
    expect(bad.graphs[0]!.status).toBe('failed');
    expect(bad.graphs[0]!.error).toBe(`${v.crudAuth}: 401 Unauthorized: user "dba" was refused (wrong user name or password?)`);
    const none = await publishGraphs(v.crudAuth, [{ ...part, graph: `${DOC}digest-refused` }], quick);
    expect(none.graphs[0]!.error).toBe(`${v.crudAuth}: 401 Unauthorized: the store wants credentials; pass --user and --password`);
    expect((await storeCounts(v))[`${DOC}digest-refused`]).toBeUndefined();
  });

  it('reports which articles did not land when the server stops mid-publish, and a re-run completes them', async () => {
    const corpus = copies(parts, 4);
    const seen: GraphOutcome[] = [];
    const report = await publishGraphs(v.crud, corpus, {
      ...quick,
      concurrency: 1,
      onGraph: async (outcome) => {
        seen.push(outcome);
        if (seen.length === 5) await v.stop();
      },
    });
    expect(report.graphs.slice(0, 5).every((g) => g.status === 'landed')).toBe(true);
    expect(report.graphs[5]!.status).toBe('failed');
    expect(report.graphs[5]!.error).toMatch(new RegExp(`^${v.crud.replace(/[.?]/g, '\\$&')}: connection refused \\(ECONNREFUSED\\) after 3 attempts`));
    expect(report.graphs.slice(6).every((g) => g.status === 'skipped')).toBe(true);
    expect(report.stoppedBy).toBe(report.graphs[5]!.error);

    await v.restart();
    const landedBefore = await storeCounts(v);
    for (const g of report.graphs) {
      if (g.status === 'landed') expect(landedBefore[g.graph]).toBe(g.triples);
      else expect(landedBefore[g.graph]).toBeUndefined();
    }
    const rerun = await publishGraphs(v.crud, corpus, quick);
    expect(rerun.landed).toBe(corpus.length);
    const after = await storeCounts(v);
    for (const p of corpus) expect(after[p.graph]).toBe(p.triples.length);
  }, 120_000);

  it('pages a SELECT over many graphs to the same rows the embedded engine gives', async () => {
    await publishGraphs(v.crud, parts, quick);
    const query = `PREFIX ng: <https://w3id.org/newsgraph/ontology#>
SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g IN (<${parts.map((p) => p.graph).join('>, <')}>)) }`;
    const remote = await queryEndpoint(v.sparql, query);
    const local = runQuery(quads, query);
    if (remote.form !== 'select' || local.form !== 'select') throw new Error('expected SELECT results');
    expect(remote.bindings).toHaveLength(quads.length);
    expect(remote.bindings.map(engineKey).sort()).toEqual(local.bindings.map(engineKey).sort());
  });

  it('names the endpoint when nothing listens there', async () => {
    const endpoint = `http://127.0.0.1:${await closedPort()}/sparql`;
    const error = await queryEndpoint(endpoint, 'ASK {}', { retries: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EndpointError);
    expect((error as Error).message).toMatch(new RegExp(`^${endpoint.replace(/[.?]/g, '\\$&')}: connection refused`));
  });
});
