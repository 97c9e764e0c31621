/** SPARQL over quads with embedded oxigraph (no server): load once as N-Quads, query many times. */
import { Store as OxigraphStore } from 'oxigraph';
import { Parser, Writer } from 'n3';
import type * as RDF from '@rdfjs/types';
import { ParseError } from '../errors.ts';
import { PREFIXES } from '../rdf/namespaces.ts';

/** The query forms SPARQL 1.1 knows. */
export type QueryForm = 'select' | 'ask' | 'construct' | 'describe';

/** One value of a SPARQL JSON result binding. */
export interface BindingValue {
  type: 'uri' | 'literal' | 'bnode' | 'triple';
  value: string;
  datatype?: string;
  'xml:lang'?: string;
}

/** The result of runQuery: a table, a boolean or a graph. */
export type QueryResult =
  | { form: 'select'; variables: string[]; bindings: Record<string, BindingValue>[] }
  | { form: 'ask'; boolean: boolean }
  | { form: 'construct' | 'describe'; quads: RDF.Quad[] };

/** A row of a SELECT result: variable name → the value's lexical form (unbound variables are absent). */
export type QueryRow = Record<string, string>;

/** Anything holding quads: an array, an N3.Store or any iterable of RDF/JS quads. */
export type QuadSource = Iterable<RDF.Quad>;

/** Finds the form of a query (SELECT, ASK, CONSTRUCT, DESCRIBE) after its prologue. */
export function queryFormOf(sparql: string): QueryForm | undefined {
  const body = sparql
    .replace(/<[^<>\s]*>/g, '<>') // IRIs may hold '#'
    .replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, '""')
    .replace(/#[^\n]*/g, ' ')
    .replace(/\b(PREFIX\s+[^\s:]*:\s*<>|BASE\s*<>)/gi, ' ');
  const m = /^\s*(SELECT|ASK|CONSTRUCT|DESCRIBE)\b/i.exec(body);
  return m ? (m[1]!.toLowerCase() as QueryForm) : undefined;
}

/** Serializes quads as N-Quads (unsorted; oxigraph does not care). */
function toNQuadsText(quads: QuadSource): string {
  const writer = new Writer({ format: 'N-Quads' });
  let out = '';
  for (const q of quads) writer.addQuad(q as RDF.Quad);
  writer.end((_err, result) => { out = result; });
  return out;
}

/**
 * Declares our prefixes (ng:, ngr:, rdfs:, schema:, ...) that the query does not declare itself,
 * on one extra first line; returns the query and how many lines were added.
 */
export function addPrefixes(sparql: string): { text: string; lines: number } {
  const declared = new Set([...sparql.matchAll(/PREFIX\s+([A-Za-z][\w.-]*|):/gi)].map((m) => m[1]!));
  const missing = Object.entries(PREFIXES).filter(([p]) => !declared.has(p));
  if (missing.length === 0) return { text: sparql, lines: 0 };
  return { text: missing.map(([p, ns]) => `PREFIX ${p}: <${ns}>`).join(' ') + '\n' + sparql, lines: 1 };
}

/** Turns an oxigraph error ("error at 3:16: ...") into a ParseError naming the query. */
function toParseError(err: unknown, file: string, lineOffset = 0): ParseError {
  const message = (err as Error).message ?? String(err);
  const m = /^error at (\d+):(\d+):\s*(.*)$/s.exec(message);
  if (m) return new ParseError(file, `SPARQL syntax error: ${m[3]}`, Math.max(1, Number(m[1]) - lineOffset), Number(m[2]), { cause: err });
  return new ParseError(file, `SPARQL error: ${message}`, undefined, undefined, { cause: err });
}

/** A graph loaded into an in-memory oxigraph store, ready for many queries. */
export class SparqlEngine {
  private readonly store: OxigraphStore;

  /** Loads the quads (all named graphs; queries see their union as the default graph). */
  constructor(quads: QuadSource) {
    this.store = new OxigraphStore();
    // A fresh store nobody else sees: loading without a transaction is safe and faster.
    this.store.load(toNQuadsText(quads), { format: 'application/n-quads', no_transaction: true });
  }

  /** Number of quads loaded. */
  get size(): number {
    return this.store.size;
  }

  /** Runs any query; `file` names the query in errors (default "<query>"). Our prefixes need no declaration. */
  run(query: string, file = '<query>'): QueryResult {
    const form = queryFormOf(query);
    const options = { use_default_graph_as_union: true } as const;
    const { text: sparql, lines } = addPrefixes(query);
    try {
      if (form === 'construct' || form === 'describe') {
        const text = this.store.query(sparql, { ...options, results_format: 'application/n-triples' }) as string;
        return { form, quads: new Parser({ format: 'N-Triples' }).parse(text) as RDF.Quad[] };
      }
      const json = JSON.parse(this.store.query(sparql, { ...options, results_format: 'application/sparql-results+json' }) as string) as {
        head: { vars?: string[] };
        boolean?: boolean;
        results?: { bindings: Record<string, BindingValue>[] };
      };
      if (typeof json.boolean === 'boolean') return { form: 'ask', boolean: json.boolean };
      return { form: 'select', variables: json.head.vars ?? [], bindings: json.results?.bindings ?? [] };
    } catch (err) {
      if (err instanceof ParseError) throw err;
      throw toParseError(err, file, lines);
    }
  }

  /** Runs a SELECT query and returns its rows as plain objects of strings. */
  select(sparql: string, file = '<query>'): QueryRow[] {
    const result = this.run(sparql, file);
    if (result.form !== 'select') throw new ParseError(file, `expected a SELECT query, got ${result.form.toUpperCase()}`);
    return result.bindings.map((b) => Object.fromEntries(Object.entries(b).map(([k, v]) => [k, v.value])));
  }

  /** Runs an ASK query. */
  ask(sparql: string, file = '<query>'): boolean {
    const result = this.run(sparql, file);
    if (result.form !== 'ask') throw new ParseError(file, `expected an ASK query, got ${result.form.toUpperCase()}`);
    return result.boolean;
  }

  /** Runs a CONSTRUCT or DESCRIBE query and returns the quads (default graph). */
  construct(sparql: string, file = '<query>'): RDF.Quad[] {
    const result = this.run(sparql, file);
    if (result.form !== 'construct' && result.form !== 'describe') throw new ParseError(file, `expected a CONSTRUCT or DESCRIBE query, got ${result.form.toUpperCase()}`);
    return result.quads;
  }
}

/** Runs a SELECT query over quads or an N3.Store with embedded oxigraph; rows are plain objects of strings. */
export function query(graph: QuadSource, sparql: string): QueryRow[] {
  return new SparqlEngine(graph).select(sparql);
}

/** Runs any SPARQL query over quads (SELECT table, ASK boolean, CONSTRUCT/DESCRIBE quads). */
export function runQuery(graph: QuadSource, sparql: string, file = '<query>'): QueryResult {
  return new SparqlEngine(graph).run(sparql, file);
}
