/** `newsgraph view`: checks a graph file, then serves it with the viewer on 127.0.0.1 and prints the URL. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import type * as RDF from '@rdfjs/types';
import { parseRdf, guessFormat, mediaTypeOf, type RdfFormat } from '../load/index.ts';
import { EXIT, InputError, NewsgraphError, UsageError } from '../errors.ts';
import { decodeText } from '../io/read.ts';
import { parseGraph } from '../rdf/read.ts';
import { toNQuads } from '../rdf/write.ts';
import { serveViewer, findPackageRoot, PortInUseError, ViewerNotBuiltError } from '../serve/index.ts';
import type { Command } from './command.ts';
import { parseCommandArgs } from './args.ts';

const HELP = `Usage: newsgraph view <graph.ttl|.trig|.nt|.nq|.jsonld> [--port N] [--no-open]

Checks the graph file, then serves the viewer and the graph on http://127.0.0.1:N/ (this machine only)
and prints the URL. In the viewer: search (Enter centres and selects), click a node or an edge for its
relations and evidence sentences, filter types, switch projections, export PNG, open other files.

Options:
  --port N     port to listen on (default 5199; 0 picks a free port)
  --no-open    do not open a browser
  -h, --help   this text

Exit status: 0 after Ctrl+C; 2 bad usage or busy port; 3 missing or malformed graph (file:line:column).`;

/** A graph file read and parsed: its text, format and quads. */
export interface GraphFile {
  path: string;
  text: string;
  format: RdfFormat;
  quads: RDF.Quad[];
}

/**
 * Reads and parses a graph file; InputError when missing or binary, ParseError (file:line:column) when
 * malformed. JSON-LD (.jsonld, .json) is turned into N-Quads here, so the browser only ever parses n3 syntaxes.
 */
export async function readGraphFile(path: string): Promise<GraphFile> {
  let bytes: Buffer;
  try {
    if (statSync(path).isDirectory()) throw new InputError(path, 'is a folder, not a graph file');
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(path, code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message, { cause: error });
  }
  // Strict UTF-8, as every other command reads graphs: invalid bytes are an error, not U+FFFD in labels.
  const text = decodeText(bytes, path);
  if (/\.(jsonld|json)$/i.test(path)) {
    const quads = await parseGraph(text, { format: 'json-ld', file: path });
    return { path, text: toNQuads(quads), format: 'n-quads', quads };
  }
  const format = guessFormat(path) ?? 'turtle';
  return { path, text, format, quads: parseRdf(text, { fileName: path, format }) };
}

/** The ontology of the installed package (ontology/*.ttl): class and property hierarchy and topic labels. */
export function readOntology(): RDF.Quad[] {
  const dir = join(findPackageRoot(), 'ontology');
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.ttl')).sort();
  } catch {
    return [];
  }
  return files.flatMap((f) => parseRdf(readFileSync(join(dir, f), 'utf8'), { fileName: join(dir, f) }));
}

/** Prints a NewsgraphError as `newsgraph: message` (like every command) and returns its exit code; rethrows bugs. */
export function reportCommandError(error: unknown): number {
  if (error instanceof NewsgraphError) {
    process.stderr.write(`newsgraph: ${error.message}\n`);
    return error.exitCode;
  }
  throw error;
}

function openBrowser(url: string): void {
  const [cmd, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    child.on('error', () => process.stderr.write(`newsgraph view: could not open a browser; open ${url} yourself\n`));
    child.unref();
  } catch {
    process.stderr.write(`newsgraph view: could not open a browser; open ${url} yourself\n`);
  }
}

/** Parses a --port value: an integer 0..65535. */
export function parsePort(value: string | undefined): number {
  if (value === undefined) return 5199;
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new UsageError(`--port: "${value}" is not a port number (0-65535)`);
  return Number(value);
}

async function run(argv: string[]): Promise<number> {
  try {
    const parsed = parseCommandArgs('view', argv, { port: { type: 'string' }, 'no-open': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } });
    if (parsed.values.help) {
      process.stdout.write(`${HELP}\n`);
      return EXIT.ok;
    }
    if (parsed.positionals.length !== 1) throw new UsageError(`expected one graph file\n\n${HELP}`);
    const port = parsePort(parsed.values.port);
    const graph = await readGraphFile(parsed.positionals[0]!);
    let server;
    try {
      server = await serveViewer({ graphText: graph.text, graphName: graph.path, mediaType: mediaTypeOf(graph.format), port });
    } catch (error) {
      if (error instanceof PortInUseError) throw new UsageError(error.message);
      if (error instanceof ViewerNotBuiltError) throw new NewsgraphError(error.message, EXIT.internal);
      throw error;
    }
    process.stdout.write(`newsgraph view: serving ${graph.path} (${graph.quads.length} triples) at ${server.url}\n`);
    process.stdout.write('Press Ctrl+C to stop.\n');
    if (!parsed.values['no-open']) openBrowser(server.url);
    await new Promise<void>((done) => {
      const stop = (): void => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        done();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    await server.close();
    return EXIT.ok;
  } catch (error) {
    return reportCommandError(error);
  }
}

/** The `view` subcommand. */
export const command: Command = {
  name: 'view',
  summary: 'Serve the viewer and a graph on 127.0.0.1 and print the URL',
  help: HELP,
  run,
};
