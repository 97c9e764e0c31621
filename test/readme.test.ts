import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { Store as OxigraphStore } from 'oxigraph';
import { NG_CLASSES, NG_PROPERTIES } from '../src/rdf/namespaces.ts';
import { EXIT } from '../src/errors.ts';
import { ROOT, ARTICLES, requireBuild } from './cli-helpers.ts';
import { buildGraph } from '../src/rdf/build.ts';
import { toNQuads } from '../src/rdf/write.ts';
import { join } from 'node:path';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const sample = readFileSync(new URL('../data/samples/china-canada-apec.ttl', import.meta.url), 'utf8');

/** The bodies of the fenced code blocks of a language. */
function blocks(lang: string): string[] {
  return [...readme.matchAll(new RegExp('^```' + lang + '\\n([\\s\\S]*?)^```', 'gm'))].map((m) => m[1]!);
}

describe('README.md', () => {
  it('opens with the two set-up commands', () => {
    const first = blocks('sh')[0]!;
    expect(first).toMatch(/^npm ci && npm start\b/m);
    expect(first).toMatch(/^npm test\b/m);
  });

  const queries = blocks('sparql');
  it('answers the five competency questions with SPARQL', () => {
    expect(queries.length).toBeGreaterThanOrEqual(5);
  });

  it.each(queries.map((q, i) => [i + 1, q]))('query %i runs on the seed graph with oxigraph and returns rows', (_n, q) => {
    const store = new OxigraphStore();
    store.load(sample, { format: 'text/turtle' });
    const rows = store.query(q as string) as Map<string, unknown>[];
    expect(Array.isArray(rows)).toBe(true);
    expect(rows.length).toBeGreaterThan(0);
  });

  it('query 5 finds the actors that several articles share, across their named graphs', () => {
    const { quads } = buildGraph([join(ARTICLES, 'port-strike.txt'), join(ARTICLES, 'dutch-vote.txt')], { graphs: true });
    const store = new OxigraphStore();
    store.load(toNQuads(quads), { format: 'application/n-quads' });
    const rows = store.query(queries[4]!, { use_default_graph_as_union: true }) as Map<string, { value: string }>[];
    const shared = rows.filter((r) => Number(r.get('articles')!.value) === 2).map((r) => r.get('actor')!.value);
    expect(shared).toContain('Pieter de Vries');
    expect(rows.every((r) => Number(r.get('articles')!.value) <= 2)).toBe(true);
  });

  it.each(blocks('js').map((code, i) => [i + 1, code]))('library snippet %i runs', (_n, code) => {
    requireBuild();
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code as string], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trim().length).toBeGreaterThan(0);
  });

  it('lists every class and property of the ontology in its table', () => {
    const missing = [...NG_CLASSES, ...NG_PROPERTIES].filter((t) => !readme.includes('| `ng:' + t + '` |'));
    expect(missing).toEqual([]);
  });

  it('documents every exit code', () => {
    for (const code of Object.values(EXIT)) expect(readme).toMatch(new RegExp(`^\\| ${code} \\|`, 'm'));
  });
});
