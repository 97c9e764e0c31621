/** `newsgraph build`: article text files → one RDF graph (Turtle, TriG, N-Triples, N-Quads or JSON-LD). */
import type { Command } from './command.ts';
import { parseCommandArgs, print, printError } from './args.ts';
import { UsageError, EXIT } from '../errors.ts';

const HELP = `Usage: newsgraph build <article|folder>... [-o <out>] [options]

Reads each article, extracts people, organizations, places, events, roles, relations and topics, and
writes one RDF graph. Inputs (UTF-8): .txt (a headline line and a dateline such as "Friday, August
21, 2015" at the top become title and date; the text stays whole), .md (front matter title/date/url,
or a leading "# Title"), .html/.htm (article body by Readability; title, date and URL from the page's
metadata), .jsonl (one {"id","title","date","url","text"} object per line). A folder stands for the
files with those extensions in it (README and LICENSE files skipped). The article id is the file
name (slugged), or the JSONL "id" (else a hash of the text); two articles with one id are an error.

Options:
  -o, --output <file>    output file ("-" or absent: standard output); written atomically, never
                         over an input. The extension picks the format: .ttl .trig .nt .nq .jsonld
  -f, --format <name>    turtle | trig | n-triples | n-quads | json-ld (overrides the extension)
      --id <id>          article id used in IRIs (default: the file name, slugged); one article only
      --title <text>     headline of the article (schema:headline); one article only
      --date <date>      publication date (YYYY-MM-DD, ISO date-time, "August 21, 2015"); one article
      --url <url>        where the article was published (schema:url); one article only
      --append           add the articles to the existing output: the graphs of articles built
                         again are replaced, every other article is kept; an unchanged article
                         changes no byte. (Turtle/N-Triples keep shared entity triples of a
                         replaced article; use .trig or .nq for exact replacement.)
      --summary          print what was built (counts) and how to view and query it
  -q, --quiet            no progress bar and no closing line on standard error
      --lenient          decode invalid UTF-8 with U+FFFD replacement characters (with a warning)
                         instead of refusing the file
      --max-bytes <n>    refuse an input file larger than n bytes (k, M, G suffixes; default 8M),
                         before reading it
  -j, --jobs <n|auto>    extract on n worker threads (auto: one per core; default 1); the output
                         bytes are the same for every n. N-Quads output to a file (-o out.nq) is
                         written article by article as built, so memory stays flat on any corpus
      --publish <url>    also send each article's graph, as soon as it is built, to a SPARQL 1.1
                         Graph Store (e.g. http://127.0.0.1:8890/sparql-graph-crud); see
                         \`newsgraph publish --help\`. --user/--password authenticate.
  -h, --help             this text

Formats with named graphs (TriG, N-Quads, JSON-LD) put each article in its own graph, named by the
article IRI; entities have the same IRIs in every graph. Turtle and N-Triples merge all articles.

A progress bar shows on standard error when it is a terminal and there are several articles; a
closing line there counts articles, entities, events and triples (not with --summary or --quiet).

Exit status: 0 built; 2 bad usage (or two articles with one id); 3 an input is missing, unreadable,
empty, binary, not UTF-8 or malformed (a folder with no articles, a bad JSONL line: the message
names file:line), or the output to --append to does not parse; 4 the output cannot be written.
Nothing is written unless every input was read.`;

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
      append: { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
      lenient: { type: 'boolean' },
      'max-bytes': { type: 'string' },
      jobs: { type: 'string', short: 'j' },
      publish: { type: 'string' },
      user: { type: 'string' },
      password: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) { print(HELP); return EXIT.ok; }
    if (positionals.length === 0) throw new UsageError('build: give at least one article file or folder; see `newsgraph build --help`');

    // Everything heavy is loaded here, so that `build --help` and other commands stay fast.
    const { buildGraph, summarizeBuild, checkArticleMeta } = await import('../rdf/build.ts');
    const { quadKey } = await import('../rdf/sort.ts');
    const { DataFactory } = await import('n3');
    const { parseFormat, formatFromPath, serialize, FORMATS } = await import('../rdf/write.ts');
    const { writeFileAtomic, checkWritable } = await import('../io/write.ts');
    const { expandArticlePaths, readArticles, parsePublicationDate } = await import('../input/index.ts');
    // --date as people write it ("August 21, 2015") is read as an ISO date; anything else is checked below.
    const date = values.date === undefined ? undefined : parsePublicationDate(values.date) ?? values.date;

    const output = values.output === undefined || values.output === '-' ? undefined : values.output;
    const format = values.format !== undefined ? parseFormat(values.format) : (output && formatFromPath(output)) || 'turtle';
    const started = performance.now();
    const files = expandArticlePaths(positionals);
    const single = ['id', 'title', 'date', 'url'].filter((k) => values[k as 'id'] !== undefined);
    if (files.length > 1 && single.length > 0) throw new UsageError(`build: --${single[0]} applies to one article, but ${files.length} were given`);
    if (output) checkWritable(output, { inputs: files });
    if (values.append && !output) throw new UsageError('build: --append needs an output file (-o); it adds articles to that file');

    if (values.publish !== undefined) {
      const { buildAndPublish } = await import('./publish.ts');
      return buildAndPublish(files, { endpoint: values.publish, user: values.user, password: values.password, output: values.output, append: values.append, format, inputs: files, meta: { id: values.id, title: values.title, date, url: values.url } });
    }
    const meta = { id: values.id, title: values.title, date, url: values.url };
    checkArticleMeta(Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined)));
    const { parseByteCount } = await import('../io/read.ts');
    const maxBytes = values['max-bytes'] === undefined ? undefined : parseByteCount(values['max-bytes']);
    if (values['max-bytes'] !== undefined && maxBytes === undefined) throw new UsageError(`build: --max-bytes must be a positive number of bytes, e.g. 500k or 20M (got "${values['max-bytes']}")`);
    const inputs = readArticles(files, meta, { lenient: values.lenient ?? false, maxBytes, onWarning: (message) => printError(`newsgraph: warning: ${message}`) });
    const { parseJobs, runArticles } = await import('../jobs/index.ts');
    const jobs = parseJobs(values.jobs);
    if (format === 'n-quads' && output && !values.append && !values.summary) {
      // Streaming: each article's graph goes to the file as it is built (same bytes as buffered).
      const { writeNQuadsStreaming } = await import('../jobs/stream.ts');
      const { createProgress, formatTally } = await import('../batch/index.ts');
      const progress = createProgress(inputs.length, process.stderr, { enabled: !values.quiet });
      const built = await writeNQuadsStreaming(inputs, output, { jobs, inputFiles: files, onStart: (i, n, file) => progress.tick(i, n, file) });
      progress.done();
      if (!values.quiet) printError(formatTally({ articles: built.articles, entities: built.entities, events: built.events, triples: built.quads, seconds: (performance.now() - started) / 1000 }, { graphs: true }));
      return EXIT.ok;
    }
    let extractions: import('../extract/types.ts').Extraction[] | undefined;
    if (jobs > 1 && inputs.length > 1) {
      extractions = [];
      await runArticles(inputs, { jobs }, (outcome, i) => { extractions![i] = outcome.extraction!; });
    }
    const { createProgress, appendArticles, articleIdsIn, tallyExtractions, formatTally } = await import('../batch/index.ts');
    // Read what is there before the long extraction, so a bad existing output fails fast.
    const { existsSync } = await import('node:fs');
    const existing = values.append && output && existsSync(output) ? await (await import('../rdf/read.ts')).readGraph(output, { format }) : undefined;
    const progress = createProgress(inputs.length, process.stderr, { enabled: !values.quiet });
    const result = buildGraph(inputs, { graphs: FORMATS[format].graphs, extractions, onProgress: extractions ? undefined : (i, n, file) => progress.tick(i, n, file) });
    progress.done();
    const quads = existing ? appendArticles(existing, result.quads, result.articles.map((a) => a.extraction.article.id), { graphs: FORMATS[format].graphs }) : result.quads;
    const text = await serialize(quads, format);
    if (output) writeFileAtomic(output, text, { inputs: files });
    else process.stdout.write(text);
    if (!values.quiet && !values.summary) {
      const triples = FORMATS[format].graphs ? quads.length : new Set(quads.map((q) => quadKey(DataFactory.quad(q.subject, q.predicate, q.object)))).size;
      printError(formatTally({ ...tallyExtractions(result.articles.map((a) => a.extraction)), articlesInOutput: existing ? articleIdsIn(quads).length : undefined, triples, seconds: (performance.now() - started) / 1000 }, { graphs: FORMATS[format].graphs }));
    }

    if (values.summary) {
      const lines = summarizeBuild({ ...result, quads }, { output: output ?? '-', format });
      if (output) print(lines);
      else printError(lines);
    }
    return EXIT.ok;
  },
};
