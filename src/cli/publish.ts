/** `newsgraph publish`: sends each graph of a TriG / N-Quads / Turtle file to a SPARQL 1.1 Graph Store. */
import { NewsgraphError, ParseError, UsageError } from '../errors.ts';
import {
  EXIT_REMOTE, PublishError, formatReport, missingGraphs, publishGraphs, readDataset, splitByGraph,
  type Credentials, type GraphOutcome, type PublishOptions, type PublishReport,
} from '../publish/index.ts';
import type { Command } from './command.ts';
import { parseCommandArgs } from './args.ts';
import type { ArticleMeta } from '../extract/types.ts';
import type { QueryResult } from '../query/sparql.ts';
import type { GraphFormat } from '../rdf/write.ts';

const HELP = `Usage: newsgraph publish <graph.trig|.nq|.ttl|.nt|.jsonld> --endpoint <url> [options]

Sends each named graph of the file (one per article) to a SPARQL 1.1 Graph Store with HTTP PUT, so
publishing again replaces rather than duplicates. Triples outside any named graph go to the article's
graph (a single-article Turtle file) or to the shared entity graph ${'<https://w3id.org/newsgraph/resource/>'},
which is merged (POST) so that shards published from several machines add up.

Options:
  --endpoint <url>      Graph Store endpoint, e.g. http://127.0.0.1:8890/sparql-graph-crud
                        (Virtuoso with credentials: .../sparql-graph-crud-auth)
  --user <name>         user name (Digest or Basic authentication, as the store asks)
  --password <secret>   password; or set NEWSGRAPH_PASSWORD (keeps it out of the process list)
  --graph <iri>         graph for triples outside any named graph
  --concurrency <n>     graphs sent at once (default 2)
  --retries <n>         retries of a failed request, with backoff (default 3)
  --json                print the report as JSON instead of text
  -q, --quiet           no progress lines
  -h, --help            this text

Exit status: 0 when every graph landed; 5 when the store failed (the report names the graphs that did
not land: run the same command again to complete them); 2 bad usage; 3 unreadable input.`;

/** Parsed command line of `publish` (also used by `build --publish`). */
export interface PublishArgs {
  endpoint: string;
  credentials?: Credentials | undefined;
}

/** Checks an endpoint URL; UsageError when it is not http(s). */
export function checkEndpoint(value: string | undefined, option = '--endpoint'): string {
  if (!value) throw new UsageError(`${option} <url> is required`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${option}: "${value}" is not a URL (expected e.g. http://127.0.0.1:8890/sparql-graph-crud)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`${option}: "${value}" is not an http(s) URL`);
  return value;
}

/** Credentials from --user / --password (or NEWSGRAPH_PASSWORD); UsageError when only half is given. */
export function readCredentials(user: string | undefined, password: string | undefined, env: NodeJS.ProcessEnv = process.env): Credentials | undefined {
  const secret = password ?? env.NEWSGRAPH_PASSWORD;
  if (user === undefined && password === undefined) return undefined;
  if (user === undefined) throw new UsageError('--password needs --user');
  if (secret === undefined) throw new UsageError('--user needs --password (or the NEWSGRAPH_PASSWORD environment variable)');
  return { user, password: secret };
}

/** A non-negative integer option. */
function readCount(value: string | undefined, option: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${option}: "${value}" is not a whole number ≥ ${min}`);
  return n;
}

/** The error a report with missing graphs turns into (undefined when everything landed). */
export function reportError(report: PublishReport): PublishError | undefined {
  const missing = missingGraphs(report);
  if (missing.length === 0) return undefined;
  const shown = missing.slice(0, 10).join(', ') + (missing.length > 10 ? `, and ${missing.length - 10} more` : '');
  const why = report.stoppedBy ?? report.graphs.find((g) => g.status === 'failed')?.error ?? 'unknown failure';
  const hint = /\/sparql\/?$/.test(new URL(report.endpoint).pathname) ? ' (Virtuoso takes graphs at /sparql-graph-crud, not /sparql)' : '';
  return new PublishError(report.endpoint, missing, `${missing.length} of ${report.graphs.length} graphs did not land at ${report.endpoint}: ${shown}. Cause: ${why}${hint}. Nothing local was changed; run the same command again to complete them.`);
}

/** A progress line per graph on stderr. */
export function progressPrinter(stream: NodeJS.WritableStream = process.stderr): (o: GraphOutcome) => void {
  return (o) => {
    const what = o.status === 'landed' ? `${o.mode === 'replace' ? 'put' : 'merged'} ${o.triples} triples` : o.status === 'failed' ? `FAILED: ${o.error}` : 'not sent';
    stream.write(`publish: ${o.graph} ${what}\n`);
  };
}

/** The `publish` subcommand. */
export const command: Command = {
  name: 'publish',
  summary: 'send a graph file to a SPARQL store (Graph Store protocol: Virtuoso, Fuseki, GraphDB, ...)',
  help: HELP,
  async run(argv: string[]): Promise<number> {
    try {
      const parsed = parseCommandArgs('publish', argv, {
        endpoint: { type: 'string' }, user: { type: 'string' }, password: { type: 'string' }, graph: { type: 'string' },
        concurrency: { type: 'string' }, retries: { type: 'string' }, json: { type: 'boolean' },
        quiet: { type: 'boolean', short: 'q' }, help: { type: 'boolean', short: 'h' },
      });
      const { values, positionals } = parsed;
      if (values.help) {
        process.stdout.write(HELP + '\n');
        return 0;
      }
      if (positionals.length !== 1) throw new UsageError(`expected one graph file (.trig, .nq, .ttl, .nt or .jsonld), got ${positionals.length}`);
      const endpoint = checkEndpoint(values.endpoint);
      const options: PublishOptions = {
        credentials: readCredentials(values.user, values.password),
        concurrency: readCount(values.concurrency, '--concurrency', 1),
        retries: readCount(values.retries, '--retries', 0),
        onGraph: values.quiet || values.json ? undefined : progressPrinter(),
      };
      const file = positionals[0]!;
      const parts = splitByGraph(await readDataset(file), { defaultGraph: values.graph });
      const report = await publishGraphs(endpoint, parts, options);
      if (values.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
      else process.stdout.write(formatReport(report));
      const error = reportError(report);
      if (error) {
        process.stderr.write(`newsgraph publish: ${error.message}\n`);
        return EXIT_REMOTE;
      }
      return 0;
    } catch (error) {
      if (!(error instanceof NewsgraphError)) throw error;
      process.stderr.write(`newsgraph publish: ${error.message}\n`);
      if (error instanceof UsageError) process.stderr.write('Run `newsgraph publish --help` for usage.\n');
      return error.exitCode;
    }
  },
};

/** Options of `buildAndPublish` (what `newsgraph build ... --publish <url>` was given). */
export interface BuildAndPublishOptions {
  endpoint: string;
  user?: string | undefined;
  password?: string | undefined;
  /** Local output file as given with -o (undefined or "-": none; publishing keeps nothing in memory then). */
  output?: string | undefined;
  /** --append was given too: refused (the store already replaces each article's graph). */
  append?: boolean | undefined;
  format: GraphFormat;
  meta?: ArticleMeta | undefined;
  inputs: readonly string[];
}

/**
 * `newsgraph build <inputs> --publish <url>`: publishes each article's graph as soon as it is built; writes
 * the local output too when -o names a file (even when the store failed: nothing is lost locally).
 */
export async function buildAndPublish(files: readonly string[], options: BuildAndPublishOptions): Promise<number> {
  const endpoint = checkEndpoint(options.endpoint, '--publish');
  if (options.append) throw new UsageError('build: --append does not go with --publish (the store replaces each article\'s graph already); append to the local file in a separate build');
  const credentials = readCredentials(options.user, options.password);
  const output = options.output === undefined || options.output === '-' ? undefined : options.output;
  const { publishArticles } = await import('../publish/articles.ts');
  const { FORMATS, serialize } = await import('../rdf/write.ts');
  const { sortQuads } = await import('../rdf/sort.ts');
  const { writeFileAtomic } = await import('../io/write.ts');
  const { report, quads } = await publishArticles(files, endpoint, {
    credentials,
    meta: options.meta,
    keep: output ? (FORMATS[options.format].graphs ? 'graphs' : 'merged') : undefined,
    onGraph: progressPrinter(),
  });
  if (output) writeFileAtomic(output, await serialize(sortQuads(quads), options.format), { inputs: options.inputs });
  process.stderr.write(formatReport(report, { rate: false }));
  const error = reportError(report);
  if (error) throw error;
  return 0;
}

/**
 * `newsgraph query --endpoint <url>`: the same query against a SPARQL endpoint, with our prefixes
 * predeclared. When the store refuses the query (400) and the embedded engine finds a syntax error in it
 * too, that error is reported (file:line:column, exit 3) as for a local query.
 */
export async function queryRemote(endpoint: string, sparql: string, options: { user?: string | undefined; password?: string | undefined; file?: string | undefined } = {}): Promise<QueryResult> {
  const { queryEndpoint } = await import('../query/remote.ts');
  const { addPrefixes, SparqlEngine } = await import('../query/sparql.ts');
  const { EndpointError } = await import('../publish/errors.ts');
  try {
    return await queryEndpoint(checkEndpoint(endpoint), addPrefixes(sparql).text, { credentials: readCredentials(options.user, options.password) });
  } catch (error) {
    if (!(error instanceof EndpointError) || error.status !== 400) throw error;
    try {
      new SparqlEngine([]).run(sparql, options.file ?? '<query>');
    } catch (local) {
      if (!(local instanceof ParseError)) throw local;
      throw new ParseError(local.file, `${local.detail.split('\n')[0]} (the store said: ${error.message})`, local.line, local.column, { cause: error });
    }
    throw error;
  }
}
