/** The `newsgraph` command line: dispatches to the subcommands of src/cli/, each loaded only when used. */
import { readFileSync } from 'node:fs';
import type { Command } from './cli/command.ts';
import { EXIT, NewsgraphError, UsageError } from './errors.ts';
import { resolvePackagePath } from './io/paths.ts';

/** Every subcommand: its one-line summary (for the top-level help) and how to load its module. */
const COMMANDS: Record<string, { summary: string; load: () => Promise<{ command: Command }> }> = {
  build: { summary: 'extract a knowledge graph from article text files', load: () => import('./cli/build.ts') },
  query: { summary: 'run a SPARQL query over graph files (embedded oxigraph)', load: () => import('./cli/query.ts') },
  validate: { summary: 'check graph files against the SHACL shapes (exit 1 when not conforming)', load: () => import('./cli/validate.ts') },
  stats: { summary: 'count triples, entities, events, topics and links in graph files', load: () => import('./cli/stats.ts') },
  view: { summary: 'explore a graph in the browser (Sigma.js viewer on 127.0.0.1)', load: () => import('./cli/view.ts') },
  export: { summary: 'export a graph for Gephi and other tools (GEXF, GraphML, ...)', load: () => import('./cli/export.ts') },
  publish: { summary: 'publish graphs to a SPARQL 1.1 Graph Store', load: () => import('./cli/publish.ts') },
};

/** The version in package.json. */
export function readVersion(): string {
  return (JSON.parse(readFileSync(resolvePackagePath('package.json'), 'utf8')) as { version: string }).version;
}

/** The text of `newsgraph --help`. */
export function topLevelHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  return `Usage: newsgraph <command> [options]

Builds an RDF knowledge graph of who did what with whom, where, when and about what, from news
articles, and lets you query, validate, view and export it.

Commands:
${Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`).join('\n')}

Options:
  -h, --help     this text; \`newsgraph <command> --help\` for a command
  -V, --version  print the version

Exit status: 0 ok; 1 not conforming (validate); 2 bad usage; 3 bad input (missing, unreadable,
empty, binary, not UTF-8 or malformed: the message names the file and line); 4 the output cannot be
written (nothing is created or changed); 5 a SPARQL store failed (the message names the endpoint
and the articles that did not land); 70 internal error (a bug: please report it).

Example:
  newsgraph build data/articles/china-canada-apec.txt -o graph.ttl --summary`;
}

/** The closest command name, for "did you mean". */
function suggest(name: string): string | undefined {
  const distance = (a: string, b: string) => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) d[0]![j] = j;
    for (let i = 1; i <= a.length; i++) {
      for (let j = 1; j <= b.length; j++) {
        d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      }
    }
    return d[a.length]![b.length]!;
  };
  const best = Object.keys(COMMANDS).map((c) => [c, distance(name, c)] as const).sort((a, b) => a[1] - b[1])[0];
  return best && best[1] <= 2 ? best[0] : undefined;
}

/** Prints an error the way every command does and returns its exit code. */
export function reportError(err: unknown): number {
  if (err instanceof NewsgraphError) {
    process.stderr.write(`newsgraph: ${err.message}\n`);
    return err.exitCode;
  }
  // Errors of other helpers' modules that carry their own exit code.
  const code = (err as { exitCode?: unknown }).exitCode;
  if (typeof code === 'number' && err instanceof Error) {
    process.stderr.write(`newsgraph: ${err.message}\n`);
    return code;
  }
  process.stderr.write(`newsgraph: internal error: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  return EXIT.internal;
}

/** Runs the command line (arguments after `newsgraph`); resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  try {
    const [name, ...rest] = argv;
    if (name === undefined) {
      process.stderr.write(topLevelHelp() + '\n');
      return EXIT.usage;
    }
    if (name === '-h' || name === '--help') { process.stdout.write(topLevelHelp() + '\n'); return EXIT.ok; }
    if (name === '-V' || name === '--version') { process.stdout.write(readVersion() + '\n'); return EXIT.ok; }
    if (name === 'help') {
      const topic = rest[0];
      if (topic === undefined) { process.stdout.write(topLevelHelp() + '\n'); return EXIT.ok; }
      return main([topic, '--help']);
    }
    const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!entry) {
      const hint = name.startsWith('-') ? '' : suggest(name);
      throw new UsageError(`${name.startsWith('-') ? `unknown option "${name}"` : `unknown command "${name}"`}${hint ? ` (did you mean "${hint}"?)` : ''}; see \`newsgraph --help\``);
    }
    const { command } = await entry.load();
    const end = rest.indexOf('--');
    const options = end === -1 ? rest : rest.slice(0, end);
    if (options.includes('-h') || options.includes('--help')) {
      process.stdout.write(command.help.endsWith('\n') ? command.help : command.help + '\n');
      return EXIT.ok;
    }
    return await command.run(rest);
  } catch (err) {
    return reportError(err);
  }
}
