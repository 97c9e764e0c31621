/** `newsgraph export`: a graph file -> GEXF (Gephi) or GraphML (Cytoscape, yEd), with layout positions. */
import { renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import * as gexf from 'graphology-gexf';
import { DirectedGraph, UndirectedGraph } from 'graphology';
import { loadGraph, computeLayout, flattenGraph, writeGraphml, PROJECTIONS, type FlatGraph, type Projection } from '../load/index.ts';
import { readGraphFile, readOntology, reportCommandError } from './view.ts';
import { EXIT, OutputError, UsageError } from '../errors.ts';
import type { Command } from './command.ts';
import { parseCommandArgs } from './args.ts';

const HELP = `Usage: newsgraph export <graph.ttl|.trig|.nt|.nq|.jsonld> --format gexf|graphml -o <file> [options]

Writes the graph the viewer shows as GEXF 1.3 (Gephi, Gephi Lite) or GraphML (Cytoscape, yEd), with
node type, colour, size, aliases, roles, Wikidata id, mention count, and edge predicate, weight and
evidence sentences. Positions come from ForceAtlas2 run from seeded positions, so the same input
gives the same file, byte for byte.

Options:
  --format gexf|graphml      output format (default: from the -o extension)
  -o, --output <file>        output file (written to a temporary file, then renamed)
  --projection <p>           full (default), actors, actor-topic
  --iterations N             ForceAtlas2 iterations (default 300; 0 = no positions)
  --seed N                   seed of the initial positions (default 1)
  -h, --help                 this text

Exit status: 0 ok; 2 bad usage; 3 missing or malformed graph (file:line:column); 4 cannot write.`;

/** Serializes a flat graph as GEXF with graphology-gexf. */
export function writeGexf(flat: FlatGraph): string {
  const graph = flat.directed ? new DirectedGraph() : new UndirectedGraph();
  for (const n of flat.nodes) {
    const { x, y, size, color, label, ...rest } = n.attributes;
    graph.addNode(n.key, { label, size, color, ...(x === undefined ? {} : { x, y }), ...rest });
  }
  for (const e of flat.edges) graph.addEdgeWithKey(e.key, e.source, e.target, e.attributes);
  const write = (gexf as unknown as { write: (g: unknown, o: object) => string }).write;
  return write(graph, { version: '1.3', pretty: true });
}

/** Writes a file atomically: a temporary file in the same folder, then a rename. */
export function writeFileAtomic(path: string, text: string): void {
  const dir = dirname(resolve(path));
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a folder');
  } catch {
    throw new OutputError(path, `the folder ${dir} does not exist`);
  }
  const temp = join(dir, `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, text);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new OutputError(path, `cannot write (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { cause: error });
  }
}

function integer(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name}: "${value}" is not a non-negative integer`);
  return Number(value);
}

async function run(argv: string[]): Promise<number> {
  try {
    const parsed = parseCommandArgs('export', argv, {
      format: { type: 'string' }, output: { type: 'string', short: 'o' }, projection: { type: 'string' },
      iterations: { type: 'string' }, seed: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    });
    const v = parsed.values;
    if (v.help) {
      process.stdout.write(`${HELP}\n`);
      return EXIT.ok;
    }
    if (parsed.positionals.length !== 1) throw new UsageError(`expected one graph file\n\n${HELP}`);
    if (!v.output) throw new UsageError('-o <file> is required');
    const format = v.format ?? (/\.gexf$/i.test(v.output) ? 'gexf' : /\.graphml$/i.test(v.output) ? 'graphml' : undefined);
    if (format !== 'gexf' && format !== 'graphml') throw new UsageError(`--format must be gexf or graphml${v.format ? ` (got "${v.format}")` : ''}`);
    const projection = (v.projection ?? 'full') as Projection;
    if (!PROJECTIONS.includes(projection)) throw new UsageError(`--projection must be one of ${PROJECTIONS.join(', ')}`);
    const iterations = integer('iterations', v.iterations, 300);
    const seed = integer('seed', v.seed, 1);
    const input = await readGraphFile(parsed.positionals[0]!);
    if (resolve(input.path) === resolve(v.output)) throw new OutputError(v.output, 'the output would overwrite the input');
    const graph = loadGraph(input.quads, { projection, ontology: readOntology() });
    if (iterations > 0) computeLayout(graph, { iterations, seed });
    const flat = flattenGraph(graph, iterations > 0);
    const text = format === 'gexf' ? writeGexf(flat) : writeGraphml(flat);
    writeFileAtomic(v.output, text);
    process.stderr.write(`newsgraph export: ${graph.order} nodes, ${graph.size} edges -> ${v.output} (${format})\n`);
    return EXIT.ok;
  } catch (error) {
    return reportCommandError(error);
  }
}

/** The `export` subcommand. */
export const command: Command = {
  name: 'export',
  summary: 'Write a graph as GEXF (Gephi) or GraphML (Cytoscape) with layout positions',
  help: HELP,
  run,
};
