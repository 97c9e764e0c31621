import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newsgraph, requireBuild, tempDir, ARTICLES, ROOT } from './cli-helpers.ts';

let dir: string;
let graph: string;

beforeAll(() => {
  requireBuild();
  dir = tempDir();
  graph = join(dir, 'strike.ttl');
  const r = newsgraph(['build', join(ARTICLES, 'port-strike.txt'), '-o', graph]);
  if (r.status !== 0) throw new Error(r.stderr);
});

const PEOPLE = 'SELECT ?name WHERE { ?p a ng:Person ; rdfs:label ?name } ORDER BY ?name';

describe('newsgraph query', () => {
  it('prints a table with shortened IRIs and a row count', () => {
    const r = newsgraph(['query', graph, 'SELECT ?p ?name WHERE { ?p a ng:Person ; rdfs:label ?name } ORDER BY ?name']);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^\?p +\?name$/);
    expect(lines[1]).toMatch(/^-+ +-+$/);
    expect(lines.slice(2, -1).every((l) => l.startsWith('ngr:person/'))).toBe(true);
    expect(lines.at(-1)).toBe(`(${lines.length - 3} rows)`);
  });

  it.each([
    ['json', (out: string) => JSON.parse(out).results.bindings.map((b: { name: { value: string } }) => b.name.value)],
    ['csv', (out: string) => out.trim().split('\r\n').slice(1)],
    ['tsv', (out: string) => out.trim().split('\n').slice(1)],
  ])('--format %s gives the same values as the table', (format, values) => {
    const table = newsgraph(['query', graph, PEOPLE]).stdout.trim().split('\n').slice(2, -1).map((l) => l.trim());
    const r = newsgraph(['query', graph, PEOPLE, '--format', format]);
    expect(r.status, r.stderr).toBe(0);
    expect(values(r.stdout)).toEqual(table);
    expect(table.length).toBeGreaterThan(0);
  });

  it('reads the query from @file and answers ASK and CONSTRUCT', () => {
    const rq = join(dir, 'q.rq');
    writeFileSync(rq, 'ASK { ?m a ng:Meeting }');
    expect(newsgraph(['query', graph, `@${rq}`]).stdout.trim()).toBe('true');
    const c = newsgraph(['query', graph, 'CONSTRUCT { ?p ng:holds ?x } WHERE { ?p ng:holds ?x }']);
    expect(c.status).toBe(0);
    expect(c.stdout).toMatch(/ng:holds/);
  });

  it.each([
    { args: () => ['query', graph, 'SELECT ?x WHERE {\n  ?x ?y\n}'], status: 3, message: /<query>:3:\d+: SPARQL syntax error/ },
    { args: () => ['query', join(dir, 'missing.ttl'), 'ASK {}'], status: 3, message: /missing\.ttl: no such file/ },
    { args: () => ['query', graph, '@' + join(dir, 'missing.rq')], status: 3, message: /missing\.rq: no such file/ },
    { args: () => ['query', graph], status: 2, message: /give one or more graph files and then the query/ },
    { args: () => ['query', graph, 'ASK {}', '--format', 'xml'], status: 2, message: /--format must be one of table, json, csv, tsv/ },
  ])('fails with exit $status: $message', ({ args, status, message }) => {
    const r = newsgraph(args());
    expect(r.status).toBe(status);
    expect(r.stderr).toMatch(message);
  });
});

describe('newsgraph validate', () => {
  it('passes a built graph', () => {
    const r = newsgraph(['validate', graph]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/strike\.ttl: conforms \(\d+ triples/);
  });

  it('fails a broken graph with exit 1 and names the problems', () => {
    const broken = join(dir, 'broken.ttl');
    const text = readFileSync(graph, 'utf8').replace(/rdfs:label "[^"]*"/, 'rdfs:comment "no label"');
    writeFileSync(broken, text + '\n<https://w3id.org/newsgraph/resource/person/x> a <https://w3id.org/newsgraph/ontology#Person> .\n');
    const r = newsgraph(['validate', broken]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/broken\.ttl: does not conform: \d+ problems?/);
    expect(r.stdout).toMatch(/Violation ngr:person\/x rdfs:label: .*\[MinCount\]/);
    const json = newsgraph(['validate', broken, '--format', 'json']);
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ conforms: false });
  });

  it('reports a malformed graph with file:line:column and exit 3', () => {
    const bad = join(dir, 'bad.ttl');
    writeFileSync(bad, '@prefix ng: <https://w3id.org/newsgraph/ontology#> .\n\nng:a ng:b "unterminated .\n');
    const r = newsgraph(['validate', bad]);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/bad\.ttl:3:11: /);
  });
});

describe('newsgraph stats', () => {
  it('counts what the graph holds, as text and JSON', () => {
    const text = newsgraph(['stats', graph]);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^triples +\d+/m);
    const json = JSON.parse(newsgraph(['stats', graph, '--format', 'json']).stdout);
    expect(json.articles).toBe(1);
    expect(json.triples).toBe(Number(/^triples +(\d+)/m.exec(text.stdout)![1]));
  });
});

describe('newsgraph: help, version, usage', () => {
  it.each(['build', 'query', 'validate', 'stats', 'view', 'export', 'publish'])('%s --help prints its usage and exits 0', (name) => {
    const r = newsgraph([name, '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Usage: newsgraph ${name}\\b`));
  });

  it('--help lists every command and the exit codes', () => {
    const r = newsgraph(['--help']);
    expect(r.status).toBe(0);
    for (const name of ['build', 'query', 'validate', 'stats', 'view', 'export', 'publish']) expect(r.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    expect(r.stdout).toMatch(/Exit status: 0 ok; 1 not conforming/);
  });

  it('--version prints the package version', () => {
    const r = newsgraph(['--version']);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  it.each([
    { args: [], status: 2, err: /^Usage: newsgraph <command>/ },
    { args: ['biuld'], status: 2, err: /unknown command "biuld" \(did you mean "build"\?\)/ },
    { args: ['--frobnicate'], status: 2, err: /unknown option "--frobnicate"/ },
  ])('$args → exit $status', ({ args, status, err }) => {
    const r = newsgraph(args);
    expect(r.status).toBe(status);
    expect(r.stderr).toMatch(err);
  });
});
