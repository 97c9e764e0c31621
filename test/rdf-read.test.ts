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
