import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { parseGraph, readGraph } from '../src/rdf/read.ts';
import { ParseError, InputError } from '../src/errors.ts';

describe('parseGraph errors name file:line:column', () => {
  it.each([
    { what: 'unterminated string', text: '@prefix a: <http://a/> .\na:b a:c "x .\n', line: 2, column: 9 },
    { what: 'stray bracket', text: '@prefix a: <http://a/> .\na:b a:c a:d ; ; ] .\n', line: 2, column: 17 },
    { what: 'missing object', text: '<http://a> <http://b> .', line: 1, column: 23 },
    { what: 'undefined prefix', text: '@prefix a: <http://a/> .\n\n  x:y a:b a:c .', line: 3, column: 3 },
  ])('$what → graph.ttl:$line:$column', async ({ text, line, column }) => {
    const err = await parseGraph(text, { file: 'graph.ttl' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ParseError);
    expect(err).toMatchObject({ file: 'graph.ttl', line, column });
    expect((err as Error).message.startsWith(`graph.ttl:${line}:${column}: `)).toBe(true);
  });

  it('reports malformed JSON-LD as a ParseError', async () => {
    await expect(parseGraph('{"@id": ', { file: 'g.jsonld' })).rejects.toBeInstanceOf(ParseError);
  });

  it('refuses a remote JSON-LD context instead of fetching it', async () => {
    const err = await parseGraph('{"@context": "https://schema.org/", "@id": "http://a", "name": "x"}', { file: 'g.jsonld' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ParseError);
    expect((err as Error).message).toMatch(/g\.jsonld: invalid JSON-LD: .*remote JSON-LD context https:\/\/schema\.org\/ is not loaded/);
  });

  it('reads each format by extension', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ng-read-'));
    const cases: [string, string][] = [
      ['g.ttl', '<http://a> <http://b> <http://c> .'],
      ['g.nt', '<http://a> <http://b> <http://c> .\n'],
      ['g.nq', '<http://a> <http://b> <http://c> <http://g> .\n'],
      ['g.trig', '<http://g> { <http://a> <http://b> <http://c> . }'],
      ['g.jsonld', '{"@id": "http://a", "http://b": {"@id": "http://c"}}'],
    ];
    for (const [name, text] of cases) {
      writeFileSync(join(dir, name), text);
      const quads = await readGraph(join(dir, name));
      expect(quads.map((q) => q.object.value)).toEqual(['http://c']);
    }
  });

  it('fails with an InputError for a missing file', async () => {
    await expect(readGraph('/nonexistent/graph.ttl')).rejects.toBeInstanceOf(InputError);
  });
});

describe('parsed terms are shared', () => {
  const turtle = `@prefix ex: <http://example.org/> .
ex:a ex:knows ex:b ; ex:name "A" .
ex:b ex:knows ex:a .
<http://example.org/g> { ex:a ex:knows ex:c . }`;

  it('one NamedNode per IRI (readGraph and the loader\'s parseRdf), and the same quads as a plain parse', async () => {
    const { Parser } = await import('n3');
    const { parseRdf } = await import('../src/load/parse.ts');
    const plain = new Parser({ format: 'application/trig' }).parse(turtle);
    for (const quads of [await parseGraph(turtle, { format: 'trig' }), parseRdf(turtle, { format: 'trig' })]) {
      expect(quads.map((q) => [q.subject.value, q.predicate.value, q.object.value, q.graph.value]))
        .toEqual(plain.map((q) => [q.subject.value, q.predicate.value, q.object.value, q.graph.value]));
      expect(quads.every((q, i) => q.equals(plain[i]!))).toBe(true);
      // ex:a as subject of the first and third triple, and object of another: one object
      const a = quads.filter((q) => q.subject.value === 'http://example.org/a').map((q) => q.subject);
      expect(new Set([...a, quads[2]!.object]).size).toBe(1);
      expect(quads[0]!.predicate).toBe(quads[2]!.predicate);
    }
  });
});
