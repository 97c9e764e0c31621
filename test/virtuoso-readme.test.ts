/** Every competency query of the README gives the same rows from Virtuoso as from the embedded engine (integration). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sparqljs from 'sparqljs';
import { newsgraphInProcess } from './cli-inprocess.ts';
import { skipReason, startVirtuoso, type VirtuosoInstance } from './virtuoso-instance.ts';

const reason = skipReason();
if (reason) console.warn(reason);

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
/** The README's SPARQL blocks, extracted the way test/readme.test.ts does. */
const queries = [...readme.matchAll(/^```sparql\n([\s\S]*?)^```/gm)].map((m) => m[1]!);

type Binding = { type: string; value: string; datatype?: string; 'xml:lang'?: string };
type Row = Record<string, Binding>;

const newsgraph = newsgraphInProcess;

/** The variables a query fills with GROUP_CONCAT, and their separators (the order of the parts is up to the engine). */
function concatenated(query: string): Map<string, string> {
  const out = new Map<string, string>();
  const parsed = new sparqljs.Parser().parse(query) as { variables?: { expression?: { type?: string; aggregation?: string; separator?: string }; variable?: { value: string } }[] };
  for (const v of parsed.variables ?? []) {
    if (v.expression?.type === 'aggregate' && v.expression.aggregation === 'group_concat' && v.variable) out.set(v.variable.value, v.expression.separator ?? ' ');
  }
  return out;
}

const XSD = 'http://www.w3.org/2001/XMLSchema#';
const INTEGER_SUBTYPES = new Set(['nonNegativeInteger', 'positiveInteger', 'nonPositiveInteger', 'negativeInteger', 'long', 'int', 'short', 'byte', 'unsignedLong', 'unsignedInt', 'unsignedShort', 'unsignedByte'].map((t) => XSD + t));

/**
 * A row in a form both engines agree on: GROUP_CONCAT parts sorted, a GROUP_CONCAT of no values left
 * unbound (Virtuoso says "", as SPARQL 1.1 does; oxigraph 0.5 leaves it unbound), and integer subtypes
 * said as xsd:integer (oxigraph 0.5 turns xsd:nonNegativeInteger into xsd:integer; Virtuoso keeps it).
 */
function normalize(row: Row, concat: Map<string, string>): string {
  const out: Record<string, Binding> = {};
  for (const [k, b] of Object.entries(row).sort(([a], [c]) => (a < c ? -1 : 1))) {
    let value = b.value;
    const separator = concat.get(k);
    if (separator !== undefined && value === '') continue;
    if (separator !== undefined) value = value.split(separator).sort().join(separator);
    out[k] = { ...b, value, ...(b.datatype && INTEGER_SUBTYPES.has(b.datatype) ? { datatype: XSD + 'integer' } : {}) };
  }
  return JSON.stringify(out);
}

describe.skipIf(reason !== undefined)('README competency queries on Virtuoso', () => {
  let v: VirtuosoInstance;
  let dir: string;
  let graph: string;

  beforeAll(async () => {
    // A row limit of 3 makes the server cut most answers, so paging is exercised on every query.
    v = await startVirtuoso({ maxRows: 3 });
    dir = mkdtempSync(join(tmpdir(), 'ng-virtuoso-readme-'));
    graph = join(dir, 'corpus.trig');
    const built = await newsgraph('build', 'data/articles', 'test/fixtures/publish/articles', '-o', graph);
    expect(built.code).toBe(0);
    const published = await newsgraph('publish', graph, '--endpoint', v.crud, '-q');
    expect(published.code).toBe(0);
  }, 180_000);

  afterAll(async () => {
    await v?.destroy();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('has the five competency queries to compare', () => {
    expect(queries.length).toBeGreaterThanOrEqual(5);
  });

  let rowsSeen = 0;
  it.each(queries.map((q, i) => [i + 1, q] as const))('query %i: the same rows from the server as from the local graph', async (_n, query) => {
    const local = await newsgraph('query', graph, query, '--format', 'json');
    const remote = await newsgraph('query', '--endpoint', v.sparql, query, '--format', 'json');
    expect(local.stderr).toBe('');
    expect(remote.stderr).toBe('');
    expect([local.code, remote.code]).toEqual([0, 0]);
    const concat = concatenated(query);
    const rows = (text: string) => (JSON.parse(text) as { results: { bindings: Row[] } }).results.bindings.map((r) => normalize(r, concat)).sort();
    expect(rows(remote.stdout)).toEqual(rows(local.stdout));
    rowsSeen += rows(local.stdout).length;
  });

  it('compared some rows at all', () => {
    expect(rowsSeen).toBeGreaterThan(0);
  });
});
