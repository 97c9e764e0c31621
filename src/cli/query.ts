/** `newsgraph query`: SPARQL over graph files with embedded oxigraph; table, JSON, CSV or TSV out. */
import type { Command } from './command.ts';
import { parseCommandArgs, print, oneOf } from './args.ts';
import { UsageError, EXIT } from '../errors.ts';
import type { BindingValue } from '../query/sparql.ts';

const HELP = `Usage: newsgraph query <graph>... '<SPARQL>' [--format table|json|csv|tsv]
       newsgraph query <graph>... @query.rq
       newsgraph query --endpoint <url> '<SPARQL>' [--user U --password P]

Runs a SPARQL 1.1 query over the graph files (Turtle, TriG, N-Triples, N-Quads, JSON-LD; named
graphs are queried as one union graph) with an embedded oxigraph store. The prefixes ng: ngr: ngt:
ngd: rdf: rdfs: owl: xsd: schema: skos: prov: nif: itsrdf: sem: org: dcterms: wd: gn: sh: are
predeclared. The last argument is the query, or @file to read it from a file.

Options:
  -f, --format <name>  table (default; IRIs shortened with the prefixes), json (SPARQL 1.1 JSON
                       results), csv, tsv. CONSTRUCT and DESCRIBE print Turtle.
      --endpoint <url> run the query on a SPARQL endpoint instead of graph files (e.g.
                       http://127.0.0.1:8890/sparql): POST, all rows even past the server's limit
      --user <name>    with --password (or NEWSGRAPH_PASSWORD): authenticate to the endpoint
  -h, --help           this text

Example:
  newsgraph query data/samples/china-canada-apec.ttl \\
    'SELECT ?who ?label WHERE { ?e a ng:Meeting ; ng:participant ?who . ?who rdfs:label ?label }'

Exit status: 0 ok (also for an empty result); 2 bad usage; 3 a graph or the query is missing or
malformed (the message gives file:line:column).`;

/** Formats one value for the table: prefixed IRIs, plain literal text. */
function cell(v: BindingValue | undefined, compact: (iri: string) => string): string {
  if (!v) return '';
  const text = v.type === 'uri' ? compact(v.value) : v.type === 'bnode' ? `_:${v.value}` : v.value;
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 80 ? flat.slice(0, 79) + '…' : flat;
}

/** A plain-text table with a header rule and a row count. */
export function formatTable(variables: string[], rows: Record<string, BindingValue>[], compact: (iri: string) => string): string {
  const cells = rows.map((r) => variables.map((v) => cell(r[v], compact)));
  const widths = variables.map((v, i) => Math.max(v.length + 1, ...cells.map((c) => [...c[i]!].length)));
  const line = (values: string[]) => values.map((c, i) => c + ' '.repeat(widths[i]! - [...c].length)).join('  ').trimEnd();
  const out = [line(variables.map((v) => '?' + v)), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)];
  out.push(`(${rows.length} row${rows.length === 1 ? '' : 's'})`);
  return out.join('\n');
}

/** CSV (RFC 4180) or TSV of the values. */
export function formatDelimited(variables: string[], rows: Record<string, BindingValue>[], separator: ',' | '\t'): string {
  const esc = (s: string) => (separator === ','
    ? (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)
    : s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r'));
  return [variables.join(separator), ...rows.map((r) => variables.map((v) => esc(r[v]?.value ?? '')).join(separator))].join(separator === ',' ? '\r\n' : '\n');
}

/** The query command. */
export const command: Command = {
  name: 'query',
  summary: 'run a SPARQL query over graph files (embedded oxigraph)',
  help: HELP,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('query', argv, {
      format: { type: 'string', short: 'f', default: 'table' },
      endpoint: { type: 'string' },
      user: { type: 'string' },
      password: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) { print(HELP); return EXIT.ok; }
    const format = oneOf('query', 'format', values.format!, ['table', 'json', 'csv', 'tsv'] as const);
    if (values.endpoint !== undefined && positionals.length !== 1) throw new UsageError('query: with --endpoint, give only the query (or @file.rq); see `newsgraph query --help`');
    if (values.endpoint === undefined && positionals.length < 2) throw new UsageError('query: give one or more graph files and then the query (or @file.rq); see `newsgraph query --help`');
    const graphs = positionals.slice(0, -1);
    const queryArg = positionals[positionals.length - 1]!;

    const { readTextFile } = await import('../io/read.ts');
    const { readGraph } = await import('../rdf/read.ts');
    const { SparqlEngine } = await import('../query/sparql.ts');
    const { compactIri } = await import('../rdf/validate.ts');
    const { toTurtle } = await import('../rdf/write.ts');

    const queryFile = queryArg.startsWith('@') ? queryArg.slice(1) : '<query>';
    const sparql = queryArg.startsWith('@') ? readTextFile(queryFile) : queryArg;
    if (sparql.trim() === '') throw new UsageError(`query: the query${queryFile === '<query>' ? '' : ` in ${queryFile}`} is empty`);
    const quads = [];
    for (const g of graphs) quads.push(...(await readGraph(g)));
    const result = values.endpoint !== undefined
      ? await (await import('./publish.ts')).queryRemote(values.endpoint, sparql, { ...values, file: queryFile })
      : new SparqlEngine(quads).run(sparql, queryFile);

    if (result.form === 'ask') {
      print(format === 'json' ? JSON.stringify({ head: {}, boolean: result.boolean }) : String(result.boolean));
      return EXIT.ok;
    }
    if (result.form !== 'select') { print(toTurtle(result.quads)); return EXIT.ok; }
    switch (format) {
      case 'json': print(JSON.stringify({ head: { vars: result.variables }, results: { bindings: result.bindings } }, null, 2)); break;
      case 'csv': print(formatDelimited(result.variables, result.bindings, ',')); break;
      case 'tsv': print(formatDelimited(result.variables, result.bindings, '\t')); break;
      default: print(formatTable(result.variables, result.bindings, compactIri));
    }
    return EXIT.ok;
  },
};
