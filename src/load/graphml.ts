/** Flat export attributes and a GraphML writer (Cytoscape, Gephi, yEd), deterministic and dependency-free. */
import type { AbstractGraph, Attributes } from 'graphology-types';
import { TYPE_COLORS } from './colors.ts';
import type { EdgeAttributes, NodeAttributes } from './types.ts';

type Scalar = string | number | boolean;

/** A graph reduced to scalar attributes, in a fixed order: what GEXF and GraphML files hold. */
export interface FlatGraph {
  directed: boolean;
  nodes: Array<{ key: string; attributes: Record<string, Scalar> }>;
  edges: Array<{ key: string; source: string; target: string; attributes: Record<string, Scalar> }>;
}

/** Reduces node and edge attributes to scalars (lists joined with " | "); positions only when asked. */
export function flattenGraph(graph: AbstractGraph<NodeAttributes, EdgeAttributes, Attributes>, positions: boolean): FlatGraph {
  const nodes: FlatGraph['nodes'] = [];
  graph.forEachNode((key, a) => {
    const attributes: Record<string, Scalar> = {
      label: a.label,
      type: a.type,
      classLabel: a.classLabel,
      aliases: a.aliases.join(' | '),
      roles: a.roles.join(' | '),
      dates: a.dates.join(' | '),
      timeTexts: a.timeTexts.join(' | '),
      wikidata: a.wikidata ?? '',
      mentionCount: a.mentionCount,
      articles: a.articles.join(' | '),
      degree: graph.degree(key),
      size: round(a.size),
      color: TYPE_COLORS[a.type] ?? '#999999',
    };
    if (positions) {
      attributes.x = round(a.x);
      attributes.y = round(a.y);
    }
    nodes.push({ key, attributes });
  });
  const edges: FlatGraph['edges'] = [];
  graph.forEachEdge((key, a, source, target) => {
    edges.push({
      key, source, target,
      attributes: {
        label: a.label,
        predicate: a.predicate,
        weight: a.weight,
        via: a.via.join(' | '),
        evidence: a.evidence.map((e) => e.text).join(' | '),
      },
    });
  });
  const byKey = (x: { key: string }, y: { key: string }): number => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0);
  return { directed: graph.type === 'directed', nodes: nodes.sort(byKey), edges: edges.sort(byKey) };
}

/** Rounds coordinates so that output does not depend on the last bits of floating point. */
function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** Escapes text for XML, dropping characters XML 1.0 cannot hold. */
export function escapeXml(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function graphmlType(values: Scalar[]): 'string' | 'double' | 'int' | 'boolean' {
  if (values.every((v) => typeof v === 'boolean')) return 'boolean';
  if (values.every((v) => typeof v === 'number' && Number.isInteger(v))) return 'int';
  if (values.every((v) => typeof v === 'number')) return 'double';
  return 'string';
}

/** Writes GraphML 1.0: one <key> per attribute (typed), then nodes and edges in key order. */
export function writeGraphml(flat: FlatGraph): string {
  const keys: Array<{ id: string; for: 'node' | 'edge'; name: string; type: string }> = [];
  const collect = (kind: 'node' | 'edge', items: Array<{ attributes: Record<string, Scalar> }>): Map<string, string> => {
    const names = new Map<string, Scalar[]>();
    for (const item of items) for (const [k, v] of Object.entries(item.attributes)) names.set(k, [...(names.get(k) ?? []), v]);
    const ids = new Map<string, string>();
    for (const [name, values] of names) {
      const id = `${kind === 'node' ? 'n' : 'e'}_${name}`;
      ids.set(name, id);
      keys.push({ id, for: kind, name, type: graphmlType(values) });
    }
    return ids;
  };
  const nodeIds = collect('node', flat.nodes);
  const edgeIds = collect('edge', flat.edges);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const k of keys) out.push(`  <key id="${escapeXml(k.id)}" for="${k.for}" attr.name="${escapeXml(k.name)}" attr.type="${k.type}"/>`);
  out.push(`  <graph id="G" edgedefault="${flat.directed ? 'directed' : 'undirected'}">`);
  const data = (ids: Map<string, string>, attributes: Record<string, Scalar>): string[] =>
    Object.entries(attributes).map(([name, value]) => `      <data key="${escapeXml(ids.get(name)!)}">${escapeXml(String(value))}</data>`);
  for (const n of flat.nodes) {
    out.push(`    <node id="${escapeXml(n.key)}">`, ...data(nodeIds, n.attributes), '    </node>');
  }
  for (const e of flat.edges) {
    out.push(`    <edge id="${escapeXml(e.key)}" source="${escapeXml(e.source)}" target="${escapeXml(e.target)}">`, ...data(edgeIds, e.attributes), '    </edge>');
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}
