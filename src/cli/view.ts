/** `newsgraph view`: checks a graph file, then serves it with the viewer on 127.0.0.1 and prints the URL. */
import { parseArgs } from 'node:util';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import type * as RDF from '@rdfjs/types';
import { parseRdf, guessFormat, mediaTypeOf, ParseError as RdfParseError, type RdfFormat } from '../load/index.ts';
import { serveViewer, findPackageRoot, PortInUseError, ViewerNotBuiltError } from '../serve/index.ts';
import type { Command } from './command.ts';

const HELP = `Usage: newsgraph view <graph.ttl|.trig|.nt|.nq> [--port N] [--no-open]

Checks the graph file, then serves the viewer and the graph on http://127.0.0.1:N/ (this machine only)
and prints the URL. In the viewer: search (Enter centres and selects), click a node or an edge for its
relations and evidence sentences, filter types, switch projections, export PNG, open other files.

Options:
  --port N     port to listen on (default 5199; 0 picks a free port)
  --no-open    do not open a browser
  -h, --help   this text

Exit status: 0 after Ctrl+C; 2 bad usage or busy port; 3 missing or malformed graph (file:line:column).`;

/** Exit codes (the same as src/errors.ts EXIT). */
const EXIT_USAGE = 2;
const EXIT_INPUT = 3;

/** A command-line or input problem with its exit code, printed as `newsgraph <cmd>: message`. */
export class CommandError extends Error {
  override name = 'CommandError';
  constructor(message: string, readonly exitCode: number) {
    super(message);
  }
}

/** A graph file read and parsed: its text, format and quads. */
export interface GraphFile {
  path: string;
  text: string;
  format: RdfFormat;
  quads: RDF.Quad[];
}

/** Reads and parses a graph file; CommandError naming file:line:column when missing or malformed. */
export function readGraphFile(path: string): GraphFile {
  let text: string;
  try {
    if (statSync(path).isDirectory()) throw new CommandError(`${path}: is a folder, not a graph file`, EXIT_INPUT);
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof CommandError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new CommandError(`${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message}`, EXIT_INPUT);
  }
  if (text.includes('\u0000')) throw new CommandError(`${path}: binary file, expected Turtle, TriG, N-Triples or N-Quads`, EXIT_INPUT);
  const format = guessFormat(path) ?? 'turtle';
  try {
    const quads = parseRdf(text, { fileName: path, format });
    return { path, text, format, quads };
  } catch (error) {
    if (error instanceof RdfParseError) throw new CommandError(`${error.file}:${error.line}:${error.column}: ${error.reason}`, EXIT_INPUT);
    throw error;
  }
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
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new CommandError(`--port: "${value}" is not a port number (0-65535)`, EXIT_USAGE);
  return Number(value);
}

async function run(argv: string[]): Promise<number> {
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: argv, allowPositionals: true, options: { port: { type: 'string' }, 'no-open': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
    } catch (error) {
      throw new CommandError(`${(error as Error).message}\n\n${HELP}`, EXIT_USAGE);
    }
    if (parsed.values.help) {
      process.stdout.write(`${HELP}\n`);
      return 0;
    }
    if (parsed.positionals.length !== 1) throw new CommandError(`expected one graph file\n\n${HELP}`, EXIT_USAGE);
    const port = parsePort(parsed.values.port);
    const graph = readGraphFile(parsed.positionals[0]!);
    let server;
    try {
      server = await serveViewer({ graphText: graph.text, graphName: graph.path, mediaType: mediaTypeOf(graph.format), port });
    } catch (error) {
      if (error instanceof PortInUseError) throw new CommandError(error.message, EXIT_USAGE);
      if (error instanceof ViewerNotBuiltError) throw new CommandError(error.message, 70);
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
    return 0;
  } catch (error) {
    if (error instanceof CommandError) {
      process.stderr.write(`newsgraph view: ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}

/** The `view` subcommand. */
export const command: Command = {
  name: 'view',
  summary: 'Serve the viewer and a graph on 127.0.0.1 and print the URL',
  help: HELP,
  run,
};
