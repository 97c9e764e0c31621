/** `newsgraph build`: article text files → one RDF graph (Turtle, TriG, N-Triples, N-Quads or JSON-LD). */
import type { Command } from './command.ts';
import { parseCommandArgs, print, printError } from './args.ts';
import { UsageError, EXIT } from '../errors.ts';

const HELP = `Usage: newsgraph build <article.txt|folder>... [-o <out>] [options]

Reads each article (UTF-8 text; a folder stands for the .txt/.text/.md files in it), extracts people,
organizations, places, events, roles, relations and topics, and writes one RDF graph.

Options:
  -o, --output <file>    output file ("-" or absent: standard output); written atomically, never
                         over an input. The extension picks the format: .ttl .trig .nt .nq .jsonld
  -f, --format <name>    turtle | trig | n-triples | n-quads | json-ld (overrides the extension)
      --id <id>          article id used in IRIs (default: the file name, slugged); one article only
      --title <text>     headline of the article (schema:headline); one article only
      --date <date>      publication date, YYYY-MM-DD or ISO date-time; one article only
      --url <url>        where the article was published (schema:url); one article only
      --summary          print what was built (counts) and how to view and query it
      --publish <url>    also send each article's graph, as soon as it is built, to a SPARQL 1.1
                         Graph Store (e.g. http://127.0.0.1:8890/sparql-graph-crud); see
                         \`newsgraph publish --help\`. --user/--password authenticate.
  -h, --help             this text

Formats with named graphs (TriG, N-Quads, JSON-LD) put each article in its own graph, named by the
article IRI; entities have the same IRIs in every graph. Turtle and N-Triples merge all articles.

Exit status: 0 built; 2 bad usage; 3 an input is missing, unreadable, empty, binary or not UTF-8;
4 the output cannot be written. Nothing is written unless every input was read.`;

/** The build command. */
export const command: Command = {
  name: 'build',
  summary: 'extract a knowledge graph from article text files',
  help: HELP,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('build', argv, {
      output: { type: 'string', short: 'o' },
      format: { type: 'string', short: 'f' },
      id: { type: 'string' },
      title: { type: 'string' },
      date: { type: 'string' },
      url: { type: 'string' },
      summary: { type: 'boolean' },
      publish: { type: 'string' },
      user: { type: 'string' },
      password: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) { print(HELP); return EXIT.ok; }
    if (positionals.length === 0) throw new UsageError('build: give at least one article file or folder; see `newsgraph build --help`');

    // Everything heavy is loaded here, so that `build --help` and other commands stay fast.
    const { buildGraph, summarizeBuild } = await import('../rdf/build.ts');
    const { parseFormat, formatFromPath, serialize, FORMATS } = await import('../rdf/write.ts');
    const { writeFileAtomic, checkWritable } = await import('../io/write.ts');
    const { expandInputs } = await import('../io/read.ts');

    const output = values.output === undefined || values.output === '-' ? undefined : values.output;
    const format = values.format !== undefined ? parseFormat(values.format) : (output && formatFromPath(output)) || 'turtle';
    const files = expandInputs(positionals);
    const single = ['id', 'title', 'date', 'url'].filter((k) => values[k as 'id'] !== undefined);
    if (files.length > 1 && single.length > 0) throw new UsageError(`build: --${single[0]} applies to one article, but ${files.length} were given`);
    if (output) checkWritable(output, { inputs: files });

    if (values.publish !== undefined) {
      const { buildAndPublish } = await import('./publish.ts');
      return buildAndPublish(files, { endpoint: values.publish, user: values.user, password: values.password, output: values.output, format, inputs: files, meta: { id: values.id, title: values.title, date: values.date, url: values.url } });
    }
    const result = buildGraph(files, {
      graphs: FORMATS[format].graphs,
      meta: { id: values.id, title: values.title, date: values.date, url: values.url },
      onProgress: files.length > 1 && process.stderr.isTTY ? (i, n, file) => process.stderr.write(`\r[${i}/${n}] ${file}\x1b[K`) : undefined,
    });
    if (files.length > 1 && process.stderr.isTTY) process.stderr.write('\r\x1b[K');
    const text = await serialize(result.quads, format);
    if (output) writeFileAtomic(output, text, { inputs: files });
    else process.stdout.write(text);

    if (values.summary) {
      const lines = summarizeBuild(result, { output: output ?? '-', format });
      if (output) print(lines);
      else printError(lines);
    }
    return EXIT.ok;
  },
};
