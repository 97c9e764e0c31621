/** `newsgraph stats`: what a graph holds (triples, graphs, entities and events by class, topics, links). */
import type { Command } from './command.ts';
import { parseCommandArgs, print, oneOf } from './args.ts';
import { UsageError, EXIT } from '../errors.ts';

const HELP = `Usage: newsgraph stats <graph>... [--format text|json]

Counts what the graph files hold: triples, named graphs, articles, entities and events by class
(ng: classes, subclasses included), positions, relations, topics, mentions, sentences, and links
to Wikidata and GeoNames.

Options:
  -f, --format <name>  text (default) or json
  -h, --help           this text

Exit status: 0 ok; 2 bad usage; 3 a graph is missing or malformed (file:line:column).`;

/** The stats command. */
export const command: Command = {
  name: 'stats',
  summary: 'count triples, entities, events, topics and links in graph files',
  help: HELP,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('stats', argv, {
      format: { type: 'string', short: 'f', default: 'text' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) { print(HELP); return EXIT.ok; }
    const format = oneOf('stats', 'format', values.format!, ['text', 'json'] as const);
    if (positionals.length === 0) throw new UsageError('stats: give one or more graph files; see `newsgraph stats --help`');
    const { readGraph } = await import('../rdf/read.ts');
    const { computeStats } = await import('../query/stats.ts');
    const quads = [];
    for (const file of positionals) quads.push(...(await readGraph(file)));
    const s = computeStats(quads);
    if (format === 'json') { print(JSON.stringify(s, null, 2)); return EXIT.ok; }
    const list = (r: Record<string, number>) => Object.entries(r).map(([k, n]) => `${k} ${n}`).join(', ') || '-';
    const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
    print([
      `triples    ${s.triples}${s.graphs > 0 ? ` (${s.quads} quads in ${s.graphs} named graph${s.graphs === 1 ? '' : 's'})` : ''}`,
      `subjects   ${s.subjects}`,
      `articles   ${s.articles}`,
      `entities   ${sum(s.entities)}: ${list(s.entities)}`,
      `events     ${sum(s.events)}: ${list(s.events)}`,
      `positions  ${s.positions}`,
      `relations  ${s.relations}`,
      `topics     ${s.topics}`,
      `mentions   ${s.mentions} in ${s.sentences} sentences`,
      `links      ${s.links.wikidata} Wikidata, ${s.links.geonames} GeoNames`,
    ].join('\n'));
    return EXIT.ok;
  },
};
