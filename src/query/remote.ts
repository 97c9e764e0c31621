/**
 * The SPARQL 1.1 Protocol client of `newsgraph query --endpoint`: queries go by POST (long GET URLs break),
 * answers come as SPARQL JSON, and a SELECT the server cut off at its row limit (Virtuoso's
 * ResultSetMaxRows: HTTP 200 and only an `X-SPARQL-MaxRows` header to tell) is fetched again page by page.
 */
import { DataFactory, Parser as TurtleParser } from 'n3';
import type * as RDF from '@rdfjs/types';
import sparqljs from 'sparqljs';
import type { Ordering, Query, SelectQuery } from 'sparqljs';
import { EndpointError } from '../publish/errors.ts';
import { HttpClient, type HttpOptions } from '../publish/http.ts';
import { UsageError } from '../errors.ts';
import type { BindingValue, QueryResult } from './sparql.ts';

const { namedNode, literal, blankNode, variable } = DataFactory;

/** The header by which Virtuoso says that it cut a result at that many rows. */
export const MAX_ROWS_HEADER = 'x-sparql-maxrows';

/** Options of `queryEndpoint`. */
export interface RemoteQueryOptions extends HttpOptions {
  /** Stop after this many pages (a guard against a server that never ends); default 10 000. */
  maxPages?: number | undefined;
}

/** One row of a SELECT result, as SPARQL JSON values (the embedded engine's shape); unbound variables are absent. */
export type Bindings = Record<string, BindingValue>;

/** What a remote query returns: the embedded engine's QueryResult, plus how many requests it took. */
export type RemoteResult = QueryResult & { /** 1 when nothing was cut off */ requests: number };

interface JsonTerm { type: string; value: string; datatype?: string; 'xml:lang'?: string }
interface JsonResults { head?: { vars?: string[] }; results?: { bindings?: Record<string, JsonTerm>[] }; boolean?: boolean }

const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';

/**
 * A SPARQL JSON value in the form the embedded engine gives: `literal` (Virtuoso still says `typed-literal`,
 * from the 2008 draft), no datatype on plain and language-tagged strings.
 */
export function normalizeBinding(term: JsonTerm): BindingValue {
  if (term.type === 'literal' || term.type === 'typed-literal') {
    const out: BindingValue = { type: 'literal', value: term.value };
    if (term['xml:lang']) out['xml:lang'] = term['xml:lang'];
    else if (term.datatype && term.datatype !== XSD_STRING) out.datatype = term.datatype;
    return out;
  }
  return { type: term.type as BindingValue['type'], value: term.value };
}

/** Turns a SPARQL JSON term into an RDF/JS term (Virtuoso still says `typed-literal`, from the 2008 draft). */
export function termOfJson(term: JsonTerm): RDF.Term {
  switch (term.type) {
    case 'uri': return namedNode(term.value);
    case 'bnode': return blankNode(term.value);
    case 'literal':
    case 'typed-literal':
      if (term['xml:lang']) return literal(term.value, term['xml:lang']);
      return term.datatype ? literal(term.value, namedNode(term.datatype)) : literal(term.value);
    default: throw new Error(`unknown SPARQL JSON term type "${term.type}"`);
  }
}

/** Parses a query to learn its form (and to page it); undefined when sparqljs cannot read it (a store's own syntax). */
function parseQuery(query: string): Query | undefined {
  try {
    const parsed = new sparqljs.Parser().parse(query);
    if (parsed.type === 'update') throw new UsageError('query: SPARQL Update is not run by `newsgraph query`; use `newsgraph publish` to write to a store');
    return parsed;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    return undefined;
  }
}

/** The same SELECT restricted to rows [offset, offset + limit) of a total order (its own ORDER BY, then every projected variable). */
export function pageQuery(query: SelectQuery, variables: readonly string[], offset: number, limit: number): string {
  const order: Ordering[] = [...(query.order ?? [])];
  const ordered = new Set(order.flatMap((o) => ('termType' in o.expression && o.expression.termType === 'Variable' ? [o.expression.value] : [])));
  for (const v of variables) if (!ordered.has(v)) order.push({ expression: variable(v) });
  const baseOffset = query.offset ?? 0;
  const remaining = query.limit === undefined ? limit : Math.min(limit, query.limit - offset);
  const paged: SelectQuery = { ...query, order, offset: baseOffset + offset, limit: Math.max(0, remaining) };
  return new sparqljs.Generator().stringify(paged);
}

/** Runs a query against a SPARQL endpoint; pages a SELECT past the server's row limit. Throws EndpointError. */
export async function queryEndpoint(endpoint: string, query: string, options: RemoteQueryOptions = {}): Promise<RemoteResult> {
  const client = new HttpClient(endpoint, options);
  const parsed = parseQuery(query);
  const form = parsed?.queryType ?? guessForm(query);
  if (form === 'CONSTRUCT' || form === 'DESCRIBE') {
    const response = await post(client, query, 'application/n-triples, text/turtle;q=0.9');
    if (response.headers.get(MAX_ROWS_HEADER)) {
      throw new EndpointError(endpoint, 'protocol', `the store cut the ${form} result at ${response.headers.get(MAX_ROWS_HEADER)} rows (its ResultSetMaxRows); narrow the query or add LIMIT/OFFSET`);
    }
    try {
      return { form: form === 'CONSTRUCT' ? 'construct' : 'describe', quads: new TurtleParser().parse(response.text), requests: 1 };
    } catch (error) {
      throw new EndpointError(endpoint, 'protocol', `unreadable ${form} answer (${response.headers.get('content-type') ?? 'no content type'}): ${(error as Error).message}`);
    }
  }
  const first = await post(client, query, 'application/sparql-results+json');
  const json = readJson(endpoint, first.text);
  if (form === 'ASK' || typeof json.boolean === 'boolean') {
    if (typeof json.boolean !== 'boolean') throw new EndpointError(endpoint, 'protocol', 'an ASK answer without a "boolean" member');
    return { form: 'ask', boolean: json.boolean, requests: 1 };
  }
  const variables = json.head?.vars ?? [];
  const rows = bindingsOf(endpoint, json);
  const maxRows = Number(first.headers.get(MAX_ROWS_HEADER));
  if (!Number.isFinite(maxRows) || maxRows <= 0 || rows.length < maxRows) return { form: 'select', variables, bindings: rows, requests: 1 };
  if (!parsed || parsed.queryType !== 'SELECT') {
    throw new EndpointError(endpoint, 'protocol', `the store cut the result at ${maxRows} rows (its ResultSetMaxRows) and newsgraph could not parse the query to page it; add LIMIT/OFFSET yourself`);
  }
  if (parsed.limit !== undefined && parsed.limit <= maxRows) return { form: 'select', variables, bindings: rows, requests: 1 };

  // Cut off: the first page had no guaranteed order, so fetch every page again under a total order.
  const maxPages = options.maxPages ?? 10_000;
  const all: Bindings[] = [];
  let requests = 1;
  for (let page = 0; ; page++) {
    if (page >= maxPages) throw new EndpointError(endpoint, 'protocol', `more than ${maxPages} pages of ${maxRows} rows; stopped`);
    const offset = page * maxRows;
    if (parsed.limit !== undefined && offset >= parsed.limit) break;
    const response = await post(client, pageQuery(parsed, variables, offset, maxRows), 'application/sparql-results+json');
    requests++;
    const got = bindingsOf(endpoint, readJson(endpoint, response.text));
    all.push(...got);
    if (got.length < maxRows) break;
  }
  return { form: 'select', variables, bindings: all, requests };
}

/** The query form from its first keyword, for queries sparqljs cannot parse. */
function guessForm(query: string): string {
  const body = query.replace(/#[^\n]*/g, ' ').replace(/\b(PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)/gi, ' ');
  return /\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b/i.exec(body)?.[1]!.toUpperCase() ?? 'SELECT';
}

/** POSTs a query as a form (the way every store accepts, and no URL length limit). */
function post(client: HttpClient, query: string, accept: string) {
  return client.send({
    method: 'POST',
    url: new URL(client.endpoint),
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept },
    body: new URLSearchParams({ query }).toString(),
  });
}

function readJson(endpoint: string, text: string): JsonResults {
  try {
    return JSON.parse(text) as JsonResults;
  } catch (error) {
    throw new EndpointError(endpoint, 'protocol', `the answer is not SPARQL JSON results (${(error as Error).message}): ${text.slice(0, 120)}`);
  }
}

function bindingsOf(endpoint: string, json: JsonResults): Bindings[] {
  const bindings = json.results?.bindings;
  if (!Array.isArray(bindings)) throw new EndpointError(endpoint, 'protocol', 'SPARQL JSON results without results.bindings');
  return bindings.map((row) => {
    const out: Bindings = {};
    for (const [name, term] of Object.entries(row)) out[name] = normalizeBinding(term);
    return out;
  });
}
