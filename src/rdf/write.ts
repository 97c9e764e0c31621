/** Serializing quads: Turtle, TriG, N-Triples, N-Quads and JSON-LD, always in canonical order (same input, same bytes). */
import { DataFactory, Writer } from 'n3';
import type * as RDF from '@rdfjs/types';
import { PREFIXES } from './namespaces.ts';
import { sortQuads } from './sort.ts';
import { lineText, namespaceMatcher, turtleText } from './text.ts';
import { UsageError } from '../errors.ts';

/** Output formats newsgraph writes. */
export type GraphFormat = 'turtle' | 'trig' | 'n-triples' | 'n-quads' | 'json-ld';

/** Every format, with its media type, usual file extensions, and whether it keeps named graphs. */
export const FORMATS: Record<GraphFormat, { mediaType: string; extensions: string[]; graphs: boolean }> = {
  turtle: { mediaType: 'text/turtle', extensions: ['.ttl'], graphs: false },
  trig: { mediaType: 'application/trig', extensions: ['.trig'], graphs: true },
  'n-triples': { mediaType: 'application/n-triples', extensions: ['.nt'], graphs: false },
  'n-quads': { mediaType: 'application/n-quads', extensions: ['.nq'], graphs: true },
  'json-ld': { mediaType: 'application/ld+json', extensions: ['.jsonld', '.json'], graphs: true },
};

const ALIASES: Record<string, GraphFormat> = {
  turtle: 'turtle', ttl: 'turtle', trig: 'trig', 'n-triples': 'n-triples', ntriples: 'n-triples', nt: 'n-triples',
  'n-quads': 'n-quads', nquads: 'n-quads', nq: 'n-quads', 'json-ld': 'json-ld', jsonld: 'json-ld',
};

/** Resolves a format name or alias ("ttl", "nq", "jsonld"); throws UsageError for unknown names. */
export function parseFormat(name: string): GraphFormat {
  const f = ALIASES[name.toLowerCase()];
  if (!f) throw new UsageError(`unknown format "${name}"; use one of turtle, trig, n-triples, n-quads, json-ld`);
  return f;
}

/** The format a file name's extension implies, or undefined. */
export function formatFromPath(path: string): GraphFormat | undefined {
  const lower = path.toLowerCase();
  for (const [name, f] of Object.entries(FORMATS) as [GraphFormat, (typeof FORMATS)[GraphFormat]][]) {
    if (f.extensions.some((ext) => lower.endsWith(ext))) return name;
  }
  return undefined;
}

/** The prefixes whose namespace some IRI of the quads starts with (in PREFIXES order). */
function usedPrefixes(quads: readonly RDF.Quad[]): Record<string, string> {
  const iris = new Set<string>();
  const visit = (t: RDF.Term) => {
    if (t.termType === 'NamedNode') iris.add(t.value);
    else if (t.termType === 'Literal') iris.add(t.datatype.value);
  };
  for (const q of quads) { visit(q.subject); visit(q.predicate); visit(q.object); visit(q.graph); }
  const entries = Object.entries(PREFIXES);
  const namespacesOf = namespaceMatcher(entries.map(([, ns]) => ns));
  const used = new Set<number>();
  for (const iri of iris) for (const i of namespacesOf(iri)) used.add(i);
  return Object.fromEntries(entries.filter((_, i) => used.has(i)));
}

/** Drops graph names (for formats that hold one graph), merging duplicates. */
function toDefaultGraph(quads: readonly RDF.Quad[]): RDF.Quad[] {
  return quads.map((q) => (q.graph.termType === 'DefaultGraph' ? q : DataFactory.quad(q.subject, q.predicate, q.object)));
}

/** Runs the n3 Writer synchronously (it calls back at once when writing to a string): for the terms text.ts does not write. */
function writeN3(quads: readonly RDF.Quad[], format: string, prefixes?: Record<string, string>): string {
  const writer = new Writer({ format, prefixes });
  writer.addQuads(quads as RDF.Quad[]);
  let result: string | undefined;
  let error: unknown;
  writer.end((err, out) => { error = err; result = out; });
  if (error) throw error;
  if (result === undefined) throw new Error('n3 Writer did not finish synchronously');
  return result;
}

/** Turtle with our prefixes; named graphs are merged into one graph. */
export function toTurtle(quads: Iterable<RDF.Quad>): string {
  return turtleOrTrig(toDefaultGraph([...quads]), false);
}

/** TriG: one block per named graph, with our prefixes. */
export function toTrig(quads: Iterable<RDF.Quad>): string {
  return turtleOrTrig(Array.isArray(quads) ? (quads as readonly RDF.Quad[]) : [...quads], true);
}

/** Quads already in canonical order (a build's) are checked while they are written; others are sorted first. */
function turtleOrTrig(quads: readonly RDF.Quad[], graphs: boolean): string {
  const direct = turtleText(quads, PREFIXES, graphs, { checkOrder: true });
  if (direct !== undefined) return direct;
  const sorted = sortQuads(quads);
  return turtleText(sorted, PREFIXES, graphs) ?? spaceSubjects(writeN3(sorted, graphs ? 'TriG' : 'Turtle', usedPrefixes(sorted)));
}

/** N-Triples (graphs merged). */
export function toNTriples(quads: Iterable<RDF.Quad>): string {
  const sorted = sortQuads(toDefaultGraph([...quads]));
  return lineText(sorted, false) ?? writeN3(sorted, 'N-Triples');
}

/** N-Quads. */
export function toNQuads(quads: Iterable<RDF.Quad>): string {
  const sorted = sortQuads(quads);
  return lineText(sorted, true) ?? writeN3(sorted, 'N-Quads');
}

/** A JSON-LD node object: "@id", "@type" and properties keyed by compact IRIs. */
type JsonLdNode = Record<string, unknown>;

/**
 * JSON-LD 1.1 in compacted form with our prefixes as the context (named graphs kept as nodes with
 * "@graph"). Written directly from the sorted quads rather than by jsonld.compact, which takes half
 * a minute on 15,000 quads; the round-trip test checks it against the jsonld library.
 */
export async function toJsonLd(quads: Iterable<RDF.Quad>): Promise<string> {
  const sorted = sortQuads(quads);
  const context = usedPrefixes(sorted);
  const entries = Object.entries(context).sort((a, b) => b[1].length - a[1].length); // longest namespace first
  const compact = (iri: string): string => {
    for (const [p, ns] of entries) {
      const local = iri.slice(ns.length);
      // a compact IRI must not look like "prefix://..." (an absolute IRI) and needs a non-empty local part
      if (iri.startsWith(ns) && local !== '' && !local.startsWith('//')) return `${p}:${local}`;
    }
    return iri;
  };
  const id = (t: RDF.Term): string => (t.termType === 'BlankNode' ? `_:${t.value}` : compact(t.value));
  const value = (t: RDF.Term): unknown => {
    if (t.termType !== 'Literal') return { '@id': id(t) };
    if (t.language) return { '@value': t.value, '@language': t.language };
    if (t.datatype.value === PREFIXES.xsd + 'string') return t.value;
    return { '@value': t.value, '@type': compact(t.datatype.value) };
  };
  const graphs = new Map<string, Map<string, JsonLdNode>>();
  for (const q of sorted) {
    const g = q.graph.termType === 'DefaultGraph' ? '' : id(q.graph);
    let nodes = graphs.get(g);
    if (!nodes) graphs.set(g, (nodes = new Map()));
    const s = id(q.subject);
    let node = nodes.get(s);
    if (!node) nodes.set(s, (node = { '@id': s }));
    const isType = q.predicate.value === PREFIXES.rdf + 'type' && q.object.termType !== 'Literal';
    const key = isType ? '@type' : compact(q.predicate.value);
    const v = isType ? id(q.object) : value(q.object);
    const prev = node[key];
    node[key] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  const top: JsonLdNode[] = [...(graphs.get('')?.values() ?? [])];
  for (const [g, nodes] of graphs) {
    if (g === '') continue;
    const existing = top.find((n) => n['@id'] === g);
    if (existing) existing['@graph'] = [...nodes.values()];
    else top.push({ '@id': g, '@graph': [...nodes.values()] });
  }
  return JSON.stringify({ '@context': context, '@graph': top }, null, 2) + '\n';
}

/** Serializes quads in the given format (canonical order, deterministic bytes). */
export async function serialize(quads: Iterable<RDF.Quad>, format: GraphFormat = 'turtle'): Promise<string> {
  switch (format) {
    case 'turtle': return toTurtle(quads);
    case 'trig': return toTrig(quads);
    case 'n-triples': return toNTriples(quads);
    case 'n-quads': return toNQuads(quads);
    case 'json-ld': return toJsonLd(quads);
  }
}

/** Puts an empty line between subject blocks (after the prefixes and after each ` .` ending a block). */
function spaceSubjects(text: string): string {
  return text.replace(/\.\n(?=[^\s@}])/g, '.\n\n');
}
