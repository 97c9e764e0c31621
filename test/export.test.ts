// `newsgraph export`: GEXF and GraphML files that Gephi and Cytoscape read, deterministic, written atomically.
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from 'linkedom';
import { MultiDirectedGraph } from 'graphology';
import * as gexf from 'graphology-gexf';
import { command } from '../src/cli/export.ts';
import { escapeXml, flattenGraph, writeGraphml } from '../src/load/graphml.ts';
import { loadGraph, parseRdf } from '../src/load/index.ts';
import type * as RDF from '@rdfjs/types';

const SMALL = 'test/fixtures/load/small.ttl';
const MALFORMED = 'test/fixtures/viewer/malformed.ttl';
const ontology: RDF.Quad[] = readdirSync('ontology').filter((f) => f.endsWith('.ttl')).sort()
  .flatMap((f) => parseRdf(readFileSync(`ontology/${f}`, 'utf8'), { fileName: f }));
const expected = loadGraph(parseRdf(readFileSync(SMALL, 'utf8')), { ontology });

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'newsgraph-export-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the export command in-process, capturing stderr. */
async function exportTo(args: string[]): Promise<{ code: number; stderr: string }> {
  const write = process.stderr.write.bind(process.stderr);
  let stderr = '';
  process.stderr.write = ((chunk: string) => { stderr += chunk; return true; }) as typeof process.stderr.write;
  try {
    return { code: await command.run(args), stderr };
  } finally {
    process.stderr.write = write;
  }
}

function parseXml(text: string): Document {
  return new DOMParser().parseFromString(text, 'text/xml') as unknown as Document;
}

describe('export formats', () => {
  const formats: Array<['gexf' | 'graphml', string]> = [['gexf', 'node'], ['graphml', 'node']];
  it.each(formats)('%s holds every node and edge of the loaded graph, with positions', async (format, nodeTag) => {
    const out = join(dir, `small.${format}`);
    const { code } = await exportTo([SMALL, '--format', format, '-o', out]);
    expect(code).toBe(0);
    const doc = parseXml(readFileSync(out, 'utf8'));
    expect(doc.getElementsByTagName(nodeTag).length).toBe(expected.order);
    expect(doc.getElementsByTagName('edge').length).toBe(expected.size);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('Anna Berg');
    expect(text).toContain('Prime Minister of Norland');
  });

  it('GEXF reads back into graphology with labels, types and coordinates', async () => {
    const out = join(dir, 'back.gexf');
    expect((await exportTo([SMALL, '-o', out])).code).toBe(0);
    const parse = (gexf as unknown as { parse: (c: unknown, s: string) => MultiDirectedGraph }).parse;
    const g = parse(MultiDirectedGraph, readFileSync(out, 'utf8'));
    expect(g.order).toBe(expected.order);
    const anna = g.getNodeAttributes('https://w3id.org/newsgraph/resource/person/anna-berg');
    expect(anna.label).toBe('Anna Berg');
    expect(anna.type).toBe('Person');
    expect(anna.wikidata).toBe('Q4115189');
    expect(Number.isFinite(anna.x) && Number.isFinite(anna.y)).toBe(true);
  });

  it('GraphML declares typed keys and carries x and y', async () => {
    const out = join(dir, 'keys.graphml');
    expect((await exportTo([SMALL, '--format', 'graphml', '-o', out])).code).toBe(0);
    const doc = parseXml(readFileSync(out, 'utf8'));
    const keys = Object.fromEntries([...doc.getElementsByTagName('key')].map((k) => [`${k.getAttribute('for')}:${k.getAttribute('attr.name')}`, k.getAttribute('attr.type')]));
    expect(keys).toMatchObject({ 'node:label': 'string', 'node:x': 'double', 'node:mentionCount': 'int', 'edge:weight': 'int', 'edge:evidence': 'string' });
    expect(doc.getElementsByTagName('graph')[0]!.getAttribute('edgedefault')).toBe('directed');
  });

  it('writes no positions with --iterations 0', async () => {
    const out = join(dir, 'flat.graphml');
    expect((await exportTo([SMALL, '--format', 'graphml', '--iterations', '0', '-o', out])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).not.toContain('attr.name="x"');
  });

  it('reads JSON-LD input', async () => {
    const out = join(dir, 'from-jsonld.graphml');
    expect((await exportTo(['test/fixtures/load/small.jsonld', '--iterations', '0', '-o', out])).code).toBe(0);
    const fromTurtle = join(dir, 'from-turtle.graphml');
    expect((await exportTo([SMALL, '--iterations', '0', '-o', fromTurtle])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(fromTurtle, 'utf8'));
  });

  it('exports a projection', async () => {
    const out = join(dir, 'actors.graphml');
    expect((await exportTo([SMALL, '--projection', 'actors', '-o', out])).code).toBe(0);
    const doc = parseXml(readFileSync(out, 'utf8'));
    expect(doc.getElementsByTagName('node').length).toBe(4);
    expect(doc.getElementsByTagName('graph')[0]!.getAttribute('edgedefault')).toBe('undirected');
  });
});

describe('determinism', () => {
  it.each(['gexf', 'graphml'])('%s: two runs give byte-identical files', async (format) => {
    const a = join(dir, `a.${format}`);
    const b = join(dir, `b.${format}`);
    expect((await exportTo([SMALL, '-o', a])).code).toBe(0);
    expect((await exportTo([SMALL, '-o', b])).code).toBe(0);
    expect(readFileSync(b, 'utf8')).toBe(readFileSync(a, 'utf8'));
  });

  it('another seed gives other positions', async () => {
    const a = join(dir, 'seed1.graphml');
    const b = join(dir, 'seed2.graphml');
    expect((await exportTo([SMALL, '--seed', '1', '-o', a])).code).toBe(0);
    expect((await exportTo([SMALL, '--seed', '2', '-o', b])).code).toBe(0);
    expect(readFileSync(b, 'utf8')).not.toBe(readFileSync(a, 'utf8'));
  });
});

describe('bad input and output', () => {
  const cases: Array<[string, string[], number, RegExp]> = [
    ['missing input', ['no-such-file.ttl', '-o', 'OUT.gexf'], 3, /no-such-file\.ttl: no such file/],
    ['malformed input', [MALFORMED, '-o', 'OUT.gexf'], 3, /malformed\.ttl:3:27: /],
    ['unknown format', [SMALL, '--format', 'csv', '-o', 'OUT.csv'], 2, /--format must be gexf or graphml/],
    ['no output', [SMALL, '--format', 'gexf'], 2, /-o <file> is required/],
    ['unknown projection', [SMALL, '--projection', 'people', '-o', 'OUT.gexf'], 2, /--projection/],
    ['missing output folder', [SMALL, '-o', 'no-such-folder/OUT.gexf'], 4, /does not exist/],
  ];
  it.each(cases)('%s: exit code, message, and no file written', async (_name, args, code, message) => {
    const resolved = args.map((a) => a.replace('OUT', join(dir, 'bad')).replace(/^no-such-folder/, join(dir, 'no-such-folder')));
    const result = await exportTo(resolved);
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
    expect(readdirSync(dir).filter((f) => f.startsWith('bad') || f.startsWith('.bad'))).toEqual([]);
    expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);
  });
});

describe('GraphML writer', () => {
  it('escapes markup and drops characters XML cannot hold', () => {
    expect(escapeXml('<a href="x">&\u0001</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
  });

  it('keeps hostile labels as text in a well-formed document', () => {
    const label = '<img src=x onerror="window.__xss=1">Mark Carney';
    const g = loadGraph(parseRdf(`<http://e/a> a <https://w3id.org/newsgraph/ontology#Person> ; <http://www.w3.org/2000/01/rdf-schema#label> ${JSON.stringify(label)} .`));
    const doc = parseXml(writeGraphml(flattenGraph(g, false)));
    expect(doc.getElementsByTagName('img').length).toBe(0);
    expect(doc.getElementsByTagName('data')[0]!.textContent).toBe(label);
  });
});
