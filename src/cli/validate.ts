/** `newsgraph validate`: SHACL validation of graph files against ontology/shapes.ttl. */
import type { Command } from './command.ts';
import { parseCommandArgs, print, oneOf } from './args.ts';
import { UsageError, EXIT } from '../errors.ts';

const HELP = `Usage: newsgraph validate <graph>... [--format text|json] [--max N]

Checks each graph file against the SHACL shapes of ontology/shapes.ttl (shacl-engine), and also
that every NIF offset matches the article text and every ng: term is declared in the ontology.

Options:
  -f, --format <name>  text (default) or json (one report object per file)
      --max <N>        print at most N problems per file (default 50; 0 = all)
  -h, --help           this text

Exit status: 0 every graph conforms; 1 some graph does not conform; 2 bad usage; 3 a graph is
missing or malformed (file:line:column).`;

/** The validate command. */
export const command: Command = {
  name: 'validate',
  summary: 'check graph files against the SHACL shapes (exit 1 when not conforming)',
  help: HELP,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('validate', argv, {
      format: { type: 'string', short: 'f', default: 'text' },
      max: { type: 'string', default: '50' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) { print(HELP); return EXIT.ok; }
    const format = oneOf('validate', 'format', values.format!, ['text', 'json'] as const);
    const max = Number(values.max);
    if (!Number.isInteger(max) || max < 0) throw new UsageError(`validate: --max must be a whole number >= 0 (got "${values.max}")`);
    if (positionals.length === 0) throw new UsageError('validate: give one or more graph files; see `newsgraph validate --help`');

    const { readGraph } = await import('../rdf/read.ts');
    const { validateGraph, compactIri } = await import('../rdf/validate.ts');

    let allConform = true;
    const reports = [];
    for (const file of positionals) {
      const quads = await readGraph(file);
      const report = await validateGraph(quads);
      allConform &&= report.conforms;
      if (format === 'json') { reports.push({ file, triples: quads.length, ...report }); continue; }
      if (report.conforms) {
        print(`${file}: conforms (${quads.length} triples checked against ontology/shapes.ttl)`);
        continue;
      }
      const n = report.results.length;
      print(`${file}: does not conform: ${n} problem${n === 1 ? '' : 's'}`);
      const shown = max === 0 ? report.results : report.results.slice(0, max);
      for (const r of shown) {
        const where = `${compactIri(r.focusNode)}${r.path ? ` ${compactIri(r.path)}` : ''}`;
        print(`  ${r.severity} ${where}: ${r.message}${r.value ? ` (value ${compactIri(r.value)})` : ''} [${r.constraint}]`);
      }
      if (shown.length < n) print(`  ... and ${n - shown.length} more (--max 0 shows all)`);
    }
    if (format === 'json') print(JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2));
    return allConform ? EXIT.ok : EXIT.notConforming;
  },
};
