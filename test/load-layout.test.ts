// Layout helpers of the loader: seeded initial positions, ForceAtlas2, node sizes.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { MultiDirectedGraph } from 'graphology';
import { assignInitialPositions, computeLayout, createRandom, loadGraph, parseRdf, sizeNodes } from '../src/load/index.ts';

const SMALL = 'test/fixtures/load/small.ttl';

/** Two dense clusters joined by one edge, plus an isolated node. */
function clusters(): MultiDirectedGraph {
  const g = new MultiDirectedGraph();
  for (let i = 0; i < 20; i++) g.addNode(`n${i}`, { x: 0, y: 0, size: 1, mentionCount: i });
  g.addNode('alone', { x: 0, y: 0, size: 1, mentionCount: 0 });
  for (let i = 0; i < 10; i++) for (let j = i + 1; j < 10; j++) {
    g.addEdge(`n${i}`, `n${j}`, { weight: 1 });
    g.addEdge(`n${i + 10}`, `n${j + 10}`, { weight: 1 });
  }
  g.addEdge('n0', 'n10', { weight: 1 });
  return g;
}

function positions(g: MultiDirectedGraph): Array<[string, number, number]> {
  return g.mapNodes((k, a) => [k, a.x as number, a.y as number]);
}

function distance(g: MultiDirectedGraph, a: string, b: string): number {
  return Math.hypot(g.getNodeAttribute(a, 'x') - g.getNodeAttribute(b, 'x'), g.getNodeAttribute(a, 'y') - g.getNodeAttribute(b, 'y'));
}

describe('layout', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const [a, b, c] = [clusters(), clusters(), clusters()];
    computeLayout(a, { seed: 7, iterations: 100 });
    computeLayout(b, { seed: 7, iterations: 100 });
    computeLayout(c, { seed: 8, iterations: 100 });
    expect(positions(b)).toEqual(positions(a));
    expect(positions(c)).not.toEqual(positions(a));
    for (const [, x, y] of positions(a)) expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
  });

  it('places each cluster together: members are closer to each other than to the other cluster', () => {
    const g = clusters();
    computeLayout(g, { iterations: 300 });
    const mean = (pairs: Array<[string, string]>): number => pairs.reduce((s, [a, b]) => s + distance(g, a, b), 0) / pairs.length;
    const within: Array<[string, string]> = [];
    const across: Array<[string, string]> = [];
    for (let i = 1; i < 10; i++) for (let j = i + 1; j < 10; j++) {
      within.push([`n${i}`, `n${j}`], [`n${i + 10}`, `n${j + 10}`]);
      across.push([`n${i}`, `n${j + 10}`]);
    }
    expect(mean(within) * 2).toBeLessThan(mean(across));
  });

  it('starts every neighbour next to the node that reached it', () => {
    const g = clusters();
    assignInitialPositions(g, 3);
    // The breadth-first placement puts a node within 1.5 steps (15 units) of at least one neighbour.
    g.forEachNode((k) => {
      if (k === 'alone' || k === 'n0') return;
      const nearest = Math.min(...g.neighbors(k).map((n) => distance(g, k, n)));
      expect(nearest).toBeLessThanOrEqual(15);
    });
  });

  it('gives the loaded graph positions and sizes between 4 and 22', () => {
    const g = loadGraph(parseRdf(readFileSync(SMALL, 'utf8')));
    g.forEachNode((_k, a) => {
      expect(Number.isFinite(a.x) && Number.isFinite(a.y)).toBe(true);
      expect(a.size).toBeGreaterThanOrEqual(4);
      expect(a.size).toBeLessThanOrEqual(22);
    });
  });
});

describe('node sizes', () => {
  it('grow with degree or with mentions', () => {
    const g = clusters();
    sizeNodes(g, 'degree');
    expect(g.getNodeAttribute('n0', 'size')).toBe(22);
    expect(g.getNodeAttribute('alone', 'size')).toBe(4);
    sizeNodes(g, 'mentions');
    expect(g.getNodeAttribute('n19', 'size')).toBe(22);
    expect(g.getNodeAttribute('n0', 'size')).toBe(4);
    expect(g.getNodeAttribute('n5', 'size')).toBeLessThan(g.getNodeAttribute('n10', 'size'));
  });
});

describe('seeded random numbers', () => {
  it('repeat for a seed and stay in [0, 1)', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBe(1000);
  });
});
