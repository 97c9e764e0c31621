// Property tests (fast-check): hostile article text — random Unicode, emoji, RTL scripts, control
// characters, very long tokens, HTML fragments, quotes and <>{}|\^` inside capitalised names, repeated
// sentences — must build into RDF that n3 and oxigraph both parse, whose NIF offsets slice the text to
// each nif:anchorOf, whose IRIs are all valid, and (on a sample) that conforms to ontology/shapes.ttl.
//
// NG_FUZZ_RUNS (default 10000) sets the number of generated articles; NG_FUZZ_SEED replays a run (the
// seed is printed, and fast-check prints seed and path of a failure).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type * as RDF from '@rdfjs/types';
import { extractArticle } from '../src/rdf/build.ts';
import { toTurtle, toTrig } from '../src/rdf/write.ts';
import { validateGraph } from '../src/rdf/validate.ts';
import { toLiteralText } from '../src/rdf/emit.ts';
import { toIri } from '../src/rdf/namespaces.ts';
import { InputError } from '../src/errors.ts';
import type { ArticleMeta } from '../src/extract/types.ts';
import { checkIris, checkOffsets, generated, GraphCheckError, hostileArticle, hostileMeta, iriProblem, parseBoth } from './robust-helpers.ts';

const TOTAL = Number(process.env.NG_FUZZ_RUNS ?? 10_000);
/** Articles that are also validated with SHACL (about 30 ms each). */
const SHACL_RUNS = Math.max(1, Math.round(TOTAL / 20));
// CI replays one fixed seed, so a red run is never luck; elsewhere each run explores new cases (the seed is printed).
const SEED = Number(process.env.NG_FUZZ_SEED ?? (process.env.CI ? 20261129 : Math.floor(Math.random() * 2 ** 31)));
/** Every TRIG_EVERY-th article is also written as TriG and parsed by both parsers. */
const TRIG_EVERY = 4;

const tripleKey = (q: RDF.Quad) => [q.subject, q.predicate, q.object].map((t) => `${t.termType}|${t.value}|${t.termType === 'Literal' ? `${t.datatype.value}|${t.language}` : ''}`).join(' ');

/** Builds one article and checks its Turtle (and now and then TriG); returns the quads. */
function buildAndCheck(text: string, meta: ArticleMeta, index: number): RDF.Quad[] | undefined {
  generated.cases++;
  if (text.trim() === '') {
    // The one refusal allowed: no article text at all, as a typed InputError.
    let error: unknown;
    try { extractArticle(text, meta, { graph: true }); } catch (e) { error = e; }
    if (!(error instanceof InputError)) throw new GraphCheckError(`whitespace-only text: expected an InputError, got ${String(error)}`);
    return undefined;
  }
  const { quads } = extractArticle(text, meta, { graph: true });
  const triples = new Set(quads.map(tripleKey)).size;
  const turtle = parseBoth(toTurtle(quads), 'text/turtle');
  if (turtle.n3Count !== triples || turtle.oxigraphCount !== triples) {
    throw new GraphCheckError(`Turtle round trip lost triples: ${triples} emitted, n3 read ${turtle.n3Count}, oxigraph ${turtle.oxigraphCount}`);
  }
  generated.iris += checkIris(turtle.quads);
  // The context holds the text as RDF can (lone surrogates, U+FFFE/U+FFFF as U+FFFD; same length).
  generated.offsets += checkOffsets(turtle.quads, toLiteralText(text));
  if (index % TRIG_EVERY === 0) {
    const trig = parseBoth(toTrig(quads), 'application/trig');
    if (trig.n3Count !== quads.length || trig.oxigraphCount !== quads.length) {
      throw new GraphCheckError(`TriG round trip lost quads: ${quads.length} emitted, n3 read ${trig.n3Count}, oxigraph ${trig.oxigraphCount}`);
    }
  }
  return quads;
}

describe('property: hostile articles build into valid RDF', () => {
  const started = performance.now();
  beforeAll(() => {
    // Load the gazetteer and models once, outside the per-case work.
    extractArticle('Prime Minister Mark Carney met President Xi Jinping in Gyeongju.', { id: 'warm-up' });
  }, 120_000);

  afterAll(() => {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`robust-fuzz: ${generated.cases} generated articles (seed ${SEED}): ${generated.shacl} also validated with SHACL, ${generated.offsets} NIF offsets and ${generated.iris} distinct IRIs checked, in ${seconds} s`);
  });

  it(`${TOTAL - SHACL_RUNS} articles: no uncaught error, n3 and oxigraph parse the Turtle (and TriG), offsets and IRIs valid`, () => {
    let i = 0;
    fc.assert(fc.property(hostileArticle, hostileMeta, (text, meta) => { buildAndCheck(text, meta, i++); }), { numRuns: TOTAL - SHACL_RUNS, seed: SEED });
    expect(generated.cases).toBeGreaterThanOrEqual(TOTAL - SHACL_RUNS);
  }, 900_000);

  it(`${SHACL_RUNS} more articles also conform to ontology/shapes.ttl (SHACL, offsets, vocabulary)`, async () => {
    let i = 0;
    await fc.assert(fc.asyncProperty(hostileArticle, hostileMeta, async (text, meta) => {
      const quads = buildAndCheck(text, meta, i++);
      if (!quads) return;
      const report = await validateGraph(quads);
      generated.shacl++;
      if (!report.conforms) throw new GraphCheckError(`does not conform: ${report.results.slice(0, 3).map((r) => `${r.focusNode} ${r.path ?? ''}: ${r.message}`).join('; ')}`);
    }), { numRuns: SHACL_RUNS, seed: SEED + 1 });
    expect(generated.shacl).toBeGreaterThan(0);
  }, 900_000);
});

describe('property: toIri makes any string a valid IRI, and leaves valid IRIs alone', () => {
  it('any string after a base IRI becomes a valid IRI; applying toIri again changes nothing', () => {
    fc.assert(fc.property(fc.constantFrom('https://w3id.org/newsgraph/resource/', 'https://w3id.org/newsgraph/doc/a#', 'http://example.org/'), fc.string({ unit: 'binary', maxLength: 40 }), (base, tail) => {
      generated.cases++;
      const iri = toIri(base + tail);
      expect(iriProblem(iri)).toBeUndefined();
      expect(toIri(iri)).toBe(iri);
    }), { numRuns: 1000, seed: SEED });
  });

  it('keeps valid IRIs byte for byte (percent escapes, non-ASCII letters, one fragment)', () => {
    for (const iri of ['https://w3id.org/newsgraph/resource/organization/unic%C3%B8de', 'https://w3id.org/newsgraph/resource/position/رئيس', 'https://w3id.org/newsgraph/doc/a#char=0,10', 'http://[::1]:8080/x?q=1&r=2#f', 'https://sws.geonames.org/6173331/']) {
      expect(iriProblem(iri)).toBeUndefined();
      expect(toIri(iri)).toBe(iri);
    }
  });

  it.each([
    ['a space', 'http://x.org/a b', 'http://x.org/a%20b'],
    ['<>"{}|\\^`', 'http://x.org/<>"{}|\\^`', 'http://x.org/%3C%3E%22%7B%7D%7C%5C%5E%60'],
    ['a second #', 'http://x.org/a#b#c', 'http://x.org/a#b%23c'],
    ['brackets outside the host', 'http://[::1]/[x]', 'http://[::1]/%5Bx%5D'],
    ['a bare %', 'http://x.org/100%', 'http://x.org/100%25'],
    ['a control character', 'http://x.org/a\u0001', 'http://x.org/a%01'],
    ['a private-use character', 'http://x.org/\ue000', 'http://x.org/%EE%80%80'],
    ['a lone surrogate', 'http://x.org/\ud800', 'http://x.org/%EF%BF%BD'],
  ])('escapes %s', (_, input, expected) => {
    expect(toIri(input)).toBe(expected);
    expect(iriProblem(expected)).toBeUndefined();
    expect(iriProblem(input)).toBeDefined();
  });
});
