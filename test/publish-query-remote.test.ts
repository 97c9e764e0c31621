/** The SPARQL protocol client (src/query/remote.ts) against a local store that cuts results like Virtuoso. */
import { afterEach, describe, expect, it } from 'vitest';
import { newsgraphInProcess } from './cli-inprocess.ts';
import type * as RDF from '@rdfjs/types';
import { readFileSync } from 'node:fs';
import { normalizeBinding, queryEndpoint, termOfJson, type Bindings } from '../src/query/remote.ts';
import { runQuery } from '../src/query/index.ts';
import { parseGraph } from '../src/rdf/index.ts';
import { EndpointError } from '../src/publish/index.ts';
import { UsageError } from '../src/errors.ts';
import { FakeStore } from './publish-fake-store.ts';

const stores: FakeStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
});

/** A store holding the three-article fixture that cuts results at `maxRows`. */
async function startStore(maxRows: number): Promise<FakeStore> {
  const store = await new FakeStore({ maxRows }).start();
  store.store.load(readFileSync('test/fixtures/publish/three-articles.trig', 'utf8'), { format: 'application/trig' });
  stores.push(store);
  return store;
}

/** The same query on the embedded engine (src/query) over the same data: the expected rows. */
async function localRows(query: string): Promise<Bindings[]> {
  const quads = await parseGraph(readFileSync('test/fixtures/publish/three-articles.trig', 'utf8'), { format: 'trig' });
  const result = runQuery(quads, query);
  if (result.form !== 'select') throw new Error('expected a SELECT');
  return result.bindings;
}

/** A row as a comparable string (variables sorted). */
const key = (row: Bindings) => JSON.stringify(Object.keys(row).sort().map((k) => [k, row[k]]));

const ALL = 'SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }';

describe('queryEndpoint', () => {
  it('returns every row of a result the store cut off, by paging', async () => {
    const store = await startStore(10);
    const result = await queryEndpoint(`${store.url}/sparql`, ALL);
    if (result.form !== 'select') throw new Error('expected a SELECT result');
    expect(result.variables).toEqual(['g', 's', 'p', 'o']);
    expect(result.bindings).toHaveLength(71);
    expect(result.bindings.map(key).sort()).toEqual((await localRows(ALL)).map(key).sort());
    // One cut-off answer, then 8 pages of 10 (the last one short).
    expect(result.requests).toBe(9);
    expect(store.requests.every((r) => r.method === 'POST')).toBe(true);
  });

  it('makes one request when nothing was cut off', async () => {
    const store = await startStore(1000);
    const result = await queryEndpoint(`${store.url}/sparql`, ALL);
    expect(result.requests).toBe(1);
    expect(result.form === 'select' && result.bindings.length).toBe(71);
  });

  it.each([
    ['a LIMIT above the cut', `${ALL} LIMIT 25`, 25],
    ['a LIMIT and OFFSET', `${ALL} LIMIT 25 OFFSET 60`, 11],
    ['a LIMIT at the cut', `${ALL} LIMIT 10`, 10],
  ])('keeps %s', async (_, query, count) => {
    const store = await startStore(10);
    const result = await queryEndpoint(`${store.url}/sparql`, query);
    expect(result.form === 'select' && result.bindings.length).toBe(count);
  });

  it('keeps the query\'s own order across pages, and its aggregates', async () => {
    const store = await startStore(4);
    const query = 'PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\nSELECT ?s (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?s ORDER BY DESC(?n) ?s';
    const result = await queryEndpoint(`${store.url}/sparql`, query);
    if (result.form !== 'select') throw new Error('expected a SELECT result');
    const expected = await localRows(query);
    expect(expected.length).toBeGreaterThan(4);
    expect(result.bindings.map(key)).toEqual(expected.map(key));
  });

  it('sends a query longer than a URL may be (POST, not GET)', async () => {
    const store = await startStore(1000);
    const values = Array.from({ length: 400 }, (_, i) => `<https://w3id.org/newsgraph/resource/x/${i}>`).join(' ');
    const query = `SELECT ?s WHERE { VALUES ?s { ${values} <https://w3id.org/newsgraph/resource/city/oslo> } ?s ?p ?o }`;
    expect(query.length).toBeGreaterThan(10_000);
    const result = await queryEndpoint(`${store.url}/sparql`, query);
    expect(result.form === 'select' && result.bindings.length).toBe((await localRows(query)).length);
  });

  it('answers ASK and CONSTRUCT', async () => {
    const store = await startStore(1000);
    const ask = await queryEndpoint(`${store.url}/sparql`, 'ASK { ?s a <https://w3id.org/newsgraph/ontology#Meeting> }');
    expect(ask).toMatchObject({ form: 'ask', boolean: true });
    const nope = await queryEndpoint(`${store.url}/sparql`, 'ASK { ?s a <https://w3id.org/newsgraph/ontology#Nothing> }');
    expect(nope).toMatchObject({ form: 'ask', boolean: false });
    const construct = await queryEndpoint(`${store.url}/sparql`, 'CONSTRUCT { ?e <http://ex/at> ?place } WHERE { GRAPH ?g { ?e <https://w3id.org/newsgraph/ontology#place> ?place } }');
    if (construct.form !== 'construct') throw new Error('expected a CONSTRUCT result');
    expect(construct.quads.map((q) => q.object.value).sort()).toEqual([
      'https://w3id.org/newsgraph/resource/city/oslo', 'https://w3id.org/newsgraph/resource/city/oslo', 'https://w3id.org/newsgraph/resource/city/valparaiso',
    ]);
  });

  it('refuses SPARQL Update before sending it', async () => {
    const store = await startStore(10);
    await expect(queryEndpoint(`${store.url}/sparql`, 'INSERT DATA { <http://ex/s> <http://ex/p> 1 }')).rejects.toThrow(UsageError);
    expect(store.requests).toHaveLength(0);
  });

  it('names the endpoint when the answer is not SPARQL JSON', async () => {
    const store = await startStore(10);
    const endpoint = `${store.url}/not-here`;
    const error = await queryEndpoint(endpoint, ALL, { retries: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EndpointError);
    expect((error as Error).message).toBe(`${endpoint}: 404 Not Found: not found`);
  });
});

describe('normalizeBinding', () => {
  it.each([
    [{ type: 'uri', value: 'http://ex/a' }, { type: 'uri', value: 'http://ex/a' }],
    [{ type: 'literal', value: 'x', datatype: 'http://www.w3.org/2001/XMLSchema#string' }, { type: 'literal', value: 'x' }],
    [{ type: 'typed-literal', value: '3', datatype: 'http://www.w3.org/2001/XMLSchema#integer' }, { type: 'literal', value: '3', datatype: 'http://www.w3.org/2001/XMLSchema#integer' }],
    [{ type: 'typed-literal', value: 'y', datatype: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString', 'xml:lang': 'en' }, { type: 'literal', value: 'y', 'xml:lang': 'en' }],
  ])('reads %j as the embedded engine writes it', (json, expected) => {
    expect(normalizeBinding(json)).toEqual(expected);
  });
});

describe('termOfJson', () => {
  it.each([
    [{ type: 'uri', value: 'http://ex/a' }, 'NamedNode', 'http://ex/a', '', ''],
    [{ type: 'bnode', value: 'b0' }, 'BlankNode', 'b0', '', ''],
    [{ type: 'literal', value: 'x' }, 'Literal', 'x', '', 'http://www.w3.org/2001/XMLSchema#string'],
    [{ type: 'literal', value: 'x', 'xml:lang': 'en' }, 'Literal', 'x', 'en', 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString'],
    [{ type: 'typed-literal', value: '3', datatype: 'http://www.w3.org/2001/XMLSchema#integer' }, 'Literal', '3', '', 'http://www.w3.org/2001/XMLSchema#integer'],
  ])('reads %j', (json, termType, value, language, datatype) => {
    const term = termOfJson(json);
    expect([term.termType, term.value, (term as RDF.Literal).language ?? '', (term as RDF.Literal).datatype?.value ?? '']).toEqual([termType, value, language, datatype]);
  });
});

const newsgraph = newsgraphInProcess;

describe('newsgraph query --endpoint', () => {
  it('prints every row as the local query does, our prefixes predeclared', async () => {
    const store = await startStore(5);
    const query = 'SELECT ?x ?label WHERE { ?x rdfs:label ?label } ORDER BY ?x ?label';
    const remote = await newsgraph('query', '--endpoint', `${store.url}/sparql`, query, '--format', 'csv');
    const local = await newsgraph('query', 'test/fixtures/publish/three-articles.trig', query, '--format', 'csv');
    expect(remote.code).toBe(0);
    expect(remote.stdout.split('\r\n').length).toBeGreaterThan(6);
    expect(remote.stdout).toBe(local.stdout);
  });

  it('reports a syntax error at its line and column, as for a local query (exit 3)', async () => {
    const store = await startStore(5);
    const { code, stderr } = await newsgraph('query', '--endpoint', `${store.url}/sparql`, 'SELECT ?x WHERE {\n  ?x rdfs:label \n}');
    expect(code).toBe(3);
    expect(stderr).toMatch(/^newsgraph: <query>:3:1: SPARQL syntax error: .*\(the store said: http:\/\/127\.0\.0\.1:\d+\/sparql: 400 Bad Request/);
  });

  it.each([
    [['--endpoint', 'http://127.0.0.1:9/sparql'], /with --endpoint, give only the query/],
    [['--endpoint', 'http://127.0.0.1:9/sparql', 'a.ttl', 'ASK {}'], /with --endpoint, give only the query/],
    [['--endpoint', 'not a url', 'ASK {}'], /"not a url" is not a URL/],
  ])('rejects %j (exit 2)', async (argv, message) => {
    const { code, stderr } = await newsgraph('query', ...argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});
