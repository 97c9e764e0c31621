import { describe, expect, it } from 'vitest';
import { DataFactory } from 'n3';
import type * as RDF from '@rdfjs/types';
import { emitQuads } from '../src/rdf/emit.ts';
import { validateGraph } from '../src/rdf/validate.ts';
import { PREFIXES, charIri, entityIri, localIri } from '../src/rdf/namespaces.ts';
import { makeExtraction, mention } from './fixtures/extraction.ts';

const { quad, namedNode, literal } = DataFactory;
const ART = 'weber-santos-lisbon';
const iri = (name: string) => { const [p, l] = name.split(/:(.*)/s) as [keyof typeof PREFIXES, string]; return PREFIXES[p] + l; };

/** Applies an edit to the fixture's quads: drop matching ones, add others. */
function edit(drop: (q: RDF.Quad) => boolean, add: RDF.Quad[] = []): RDF.Quad[] {
  return [...emitQuads(makeExtraction()).filter((q) => !drop(q)), ...add];
}
const is = (s: string, p: string) => (q: RDF.Quad) => q.subject.value === s && q.predicate.value === iri(p);
const weber = entityIri('person/anna-weber').value;
const meeting = localIri(ART, `event-${mention('met').start}`).value;
const m = mention('Lisbon');
const phrase = charIri(ART, m.start, m.end).value;
const nni = (n: number) => literal(String(n), namedNode(PREFIXES.xsd + 'nonNegativeInteger'));

describe('validateGraph', () => {
  it('passes the fixture graph', async () => {
    const report = await validateGraph(emitQuads(makeExtraction()));
    expect(report.results).toEqual([]);
    expect(report.conforms).toBe(true);
  });

  it('passes labels with characters beyond U+FFFF (shacl-engine\'s xsd:string check rejects them)', async () => {
    const x = makeExtraction();
    x.entities[0]!.aliases.push('Anna \u{1F600} Weber', '\u{20BB7}');
    expect((await validateGraph(emitQuads(x))).results).toEqual([]);
  });

  it('passes the same graph in named graphs', async () => {
    expect((await validateGraph(emitQuads(makeExtraction(), { graph: true }))).conforms).toBe(true);
  });

  it.each([
    { what: 'a person without rdfs:label', quads: () => edit(is(weber, 'rdfs:label')), focus: weber, constraint: 'MinCount' },
    { what: 'an event without evidence', quads: () => edit(is(meeting, 'ng:evidence')), focus: meeting, constraint: 'MinCount' },
    { what: 'begin after end', quads: () => edit(is(phrase, 'nif:beginIndex'), [quad(namedNode(phrase), namedNode(iri('nif:beginIndex')), nni(m.end + 5))]), focus: phrase, constraint: 'LessThanOrEquals' },
    { what: 'an offset typed xsd:string', quads: () => edit(is(phrase, 'nif:endIndex'), [quad(namedNode(phrase), namedNode(iri('nif:endIndex')), literal(String(m.end)))]), focus: phrase, constraint: 'Datatype' },
    { what: 'an anchor that differs from the text', quads: () => edit(is(phrase, 'nif:anchorOf'), [quad(namedNode(phrase), namedNode(iri('nif:anchorOf')), literal('Lisboa'))]), focus: phrase, constraint: 'offsets' },
    { what: 'a mention past the end of the text', quads: () => edit(is(phrase, 'nif:endIndex'), [quad(namedNode(phrase), namedNode(iri('nif:endIndex')), nni(10_000))]), focus: phrase, constraint: 'offsets' },
    { what: 'a sameAs link to neither Wikidata nor GeoNames', quads: () => edit(() => false, [quad(namedNode(weber), namedNode(iri('owl:sameAs')), namedNode('http://dbpedia.org/resource/Anna_Weber'))]), focus: weber, constraint: 'Pattern' },
    { what: 'a city with two GeoNames ids', quads: () => edit(() => false, [quad(namedNode(entityIri('city/lisbon').value), namedNode(iri('owl:sameAs')), namedNode('https://sws.geonames.org/123/'))]), focus: entityIri('city/lisbon').value, constraint: 'QualifiedMaxCount' },
    { what: 'a time stamp that is not an XSD date', quads: () => edit(() => false, [quad(namedNode(meeting), namedNode(iri('ng:timeStamp')), literal('March'))]), focus: meeting, constraint: 'Or' },
    { what: 'a relation with one party', quads: () => edit((q) => q.predicate.value === iri('ng:party') && q.object.value.endsWith('brazil')), focus: localIri(ART, 'relation-0').value, constraint: 'MinCount' },
    { what: 'a place that is not a Place', quads: () => edit(() => false, [quad(namedNode(meeting), namedNode(iri('ng:place')), namedNode(weber))]), focus: meeting, constraint: 'Class' },
    { what: 'an undeclared ng: term', quads: () => edit(() => false, [quad(namedNode(weber), namedNode(iri('ng:friendOf')), namedNode(entityIri('person/paulo-santos').value))]), focus: weber, constraint: 'vocabulary' },
    { what: 'a topic without prefLabel', quads: () => edit(is(iri('ngt:trade'), 'skos:prefLabel')), focus: iri('ngt:trade'), constraint: 'MinCount' },
  ])('fails $what', async ({ quads, focus, constraint }) => {
    const report = await validateGraph(quads());
    expect(report.conforms).toBe(false);
    expect(report.results.map((r) => `${r.focusNode} ${r.constraint}`)).toContain(`${focus} ${constraint}`);
  });
});
