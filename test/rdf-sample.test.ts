import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Parser } from 'n3';
import { Store as OxigraphStore } from 'oxigraph';
import type * as RDF from '@rdfjs/types';
import { buildGraph } from '../src/rdf/build.ts';
import { serialize } from '../src/rdf/write.ts';
import { validateGraph } from '../src/rdf/validate.ts';

const article = fileURLToPath(new URL('../data/articles/china-canada-apec.txt', import.meta.url));
const sample = fileURLToPath(new URL('../data/samples/china-canada-apec.ttl', import.meta.url));

describe('data/samples/china-canada-apec.ttl', () => {
  const committed = readFileSync(sample, 'utf8');

  it('is exactly what `npm run sample` builds from data/articles/china-canada-apec.txt now', async () => {
    const built = await serialize(buildGraph([article]).quads, 'turtle');
    // On failure: the extractor or the RDF layer changed; run `npm run sample` and commit the result.
    expect(built === committed, 'the committed sample is stale: run `npm run sample`').toBe(true);
  });

  it('parses with n3 and with oxigraph to the same number of triples', () => {
    const quads = new Parser().parse(committed);
    const store = new OxigraphStore();
    store.load(committed, { format: 'text/turtle' });
    expect(store.size).toBe(quads.length);
    expect(quads.length).toBeGreaterThan(100);
  });

  it('conforms to the SHACL shapes', async () => {
    const report = await validateGraph(new Parser().parse(committed) as RDF.Quad[]);
    expect(report.results).toEqual([]);
  });
});
