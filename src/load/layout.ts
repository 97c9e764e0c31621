/** Deterministic initial positions, node sizes and a synchronous ForceAtlas2 layout (Node and browser). */
import type { AbstractGraph as Graph } from 'graphology-types';
import * as fa2 from 'graphology-layout-forceatlas2';
import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';

/** The synchronous ForceAtlas2 API used here. */
export interface ForceAtlas2 {
  assign(graph: Graph, params: { iterations: number; settings?: ForceAtlas2Settings; getEdgeWeight?: string | null }): void;
  inferSettings(graph: Graph | number): ForceAtlas2Settings;
}
// The package is CommonJS: depending on the bundler the default export is the function or sits under .default.
/** ForceAtlas2 (synchronous), unwrapped from its CommonJS module for every bundler. */
export const forceAtlas2 = ((fa2 as unknown as { default?: ForceAtlas2 }).default ?? fa2) as unknown as ForceAtlas2;

/** Options of `computeLayout`. */
export interface LayoutOptions {
  /** ForceAtlas2 iterations (default 300). */
  iterations?: number;
  /** Seed of the initial positions (default 1): same seed, same graph -> same coordinates. */
  seed?: number;
}

/** A small seeded PRNG (mulberry32), so layouts are reproducible. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Places nodes so that ForceAtlas2 starts close to a good layout: components are laid out breadth-first
 * from their best-connected node, each node next to the neighbour that reached it, components spread
 * over a disc. Writes x and y; deterministic for a seed.
 */
export function assignInitialPositions(graph: Graph, seed = 1): void {
  const random = createRandom(seed);
  const order = graph.order;
  const radius = 10 * Math.sqrt(order + 1);
  const step = 10;
  const placed = new Set<string>();
  const degree = new Map<string, number>();
  graph.forEachNode((key) => { degree.set(key, graph.degree(key)); });
  const nodes = graph.nodes().sort((a, b) => degree.get(b)! - degree.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
  // Attributes are written in place (no graph events): this runs before anything renders the graph.
  for (const root of nodes) {
    if (placed.has(root)) continue;
    const angle = random() * 2 * Math.PI;
    const r = radius * Math.sqrt(random());
    const rootAttrs = graph.getNodeAttributes(root);
    rootAttrs.x = r * Math.cos(angle);
    rootAttrs.y = r * Math.sin(angle);
    placed.add(root);
    const queue = [root];
    for (let i = 0; i < queue.length; i++) {
      const parent = graph.getNodeAttributes(queue[i]!);
      // Neighbours come in edge insertion order, which the loader makes deterministic.
      graph.forEachNeighbor(queue[i]!, (n, attrs) => {
        if (placed.has(n)) return;
        placed.add(n);
        const a = random() * 2 * Math.PI;
        const d = step * (0.5 + random());
        attrs.x = (parent.x as number) + d * Math.cos(a);
        attrs.y = (parent.y as number) + d * Math.sin(a);
        queue.push(n);
      });
    }
  }
}

/** Sets node sizes from degree or mention count, on a square-root scale between 4 and 22. */
export function sizeNodes(graph: Graph, by: 'degree' | 'mentions'): void {
  let max = 1;
  const value = (key: string): number => (by === 'degree' ? graph.degree(key) : Number(graph.getNodeAttribute(key, 'mentionCount') ?? 0));
  graph.forEachNode((key) => {
    max = Math.max(max, value(key));
  });
  graph.updateEachNodeAttributes((key, attrs) => {
    attrs.size = 4 + 18 * Math.sqrt(value(key) / max);
    return attrs;
  }, { attributes: ['size'] });
}

/** Runs ForceAtlas2 synchronously from the seeded initial positions; deterministic output. */
export function computeLayout(graph: Graph, options: LayoutOptions = {}): void {
  assignInitialPositions(graph, options.seed ?? 1);
  if (graph.order < 2) return;
  forceAtlas2.assign(graph, {
    iterations: options.iterations ?? 300,
    settings: { ...forceAtlas2.inferSettings(graph), adjustSizes: false },
    getEdgeWeight: 'weight',
  });
}
