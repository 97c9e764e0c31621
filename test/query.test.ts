import { describe, expect, it } from 'vitest';
import { Store } from 'n3';
import { emitQuads } from '../src/rdf/emit.ts';
import { query, runQuery, queryFormOf, addPrefixes, SparqlEngine } from '../src/query/sparql.ts';
import { match, objectsOf, subjectsOf, labelOf, labelsOf, typesOf, instancesOf, subclassesOf, expandTerm, valueOf } from '../src/query/patterns.ts';
import { computeStats } from '../src/query/stats.ts';
import { PREFIXES, entityIri } from '../src/rdf/namespaces.ts';
import { ParseError } from '../src/errors.ts';
import { makeExtraction } from './fixtures/extraction.ts';

const quads = emitQuads(makeExtraction());
const store = new Store(quads);

describe('SPARQL with embedded oxigraph', () => {
  it('answers "who met whom, where and when" over quads and over an N3.Store alike', () => {
    const q = `SELECT ?a ?b ?place ?when WHERE {
      ?m a ng:Meeting ; ng:participant ?x, ?y ; ng:place ?p ; ng:timeStamp ?when .
      ?x rdfs:label ?a . ?y rdfs:label ?b . ?p rdfs:label ?place . FILTER(STR(?a) < STR(?b)) }`;
    const expected = [{ a: 'Anna Weber', b: 'Paulo Santos', place: 'Lisbon', when: '2024-03' }];
    expect(query(quads, q)).toEqual(expected);
    expect(query(store, q)).toEqual(expected);
  });

  it('queries the union of named graphs as the default graph', () => {
    const b = makeExtraction();
    b.article = { id: 'other' };
    const both = [...emitQuads(makeExtraction(), { graph: true }), ...emitQuads(b, { graph: true })];
    const rows = query(both, 'SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a ng:Article ; schema:mentions ngr:person\\/anna-weber }');
    expect(rows).toEqual([{ n: '2' }]);
    expect(query(both, 'SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g').map((r) => r.g)).toEqual([PREFIXES.ngd + 'other', PREFIXES.ngd + 'weber-santos-lisbon']);
  });

  it('runs ASK, CONSTRUCT and DESCRIBE', () => {
    expect(runQuery(quads, 'ASK { ?e a ng:Summit }')).toEqual({ form: 'ask', boolean: true });
    expect(runQuery(quads, 'ASK { ?e a ng:Arrest }')).toEqual({ form: 'ask', boolean: false });
    const c = runQuery(quads, 'CONSTRUCT { ?p ng:holds ?x } WHERE { ?p ng:holds ?x }');
    expect(c.form === 'construct' && c.quads.length).toBe(2);
    const d = runQuery(quads, `DESCRIBE <${entityIri('city/lisbon').value}>`);
    expect(d.form === 'describe' && d.quads.length).toBeGreaterThan(3);
  });

  it('gives the variables of an empty SELECT', () => {
    const r = runQuery(quads, 'SELECT ?x ?y WHERE { ?x a ng:Arrest ; rdfs:label ?y }');
    expect(r).toEqual({ form: 'select', variables: ['x', 'y'], bindings: [] });
  });

  it.each([
    { sparql: 'SELECT ?x WHERE { ?x ?y }', line: 1 },
    { sparql: 'PREFIX ex: <http://ex/>\nSELECT ?x WHERE {\n  ?x ?y ?z .\n  FILTER(?x = }', line: 4 },
  ])('reports a syntax error at its line in the query as written (line $line)', ({ sparql, line }) => {
    let err: unknown;
    try { query(quads, sparql); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(ParseError);
    expect(err).toMatchObject({ file: '<query>', line });
  });

  it.each([
    ['SELECT * WHERE {}', 'select'],
    ['PREFIX a: <http://x#y>\n# comment with SELECT\nASK {}', 'ask'],
    ['  construct { } where { }', 'construct'],
    ['BASE <http://b/> DESCRIBE <x>', 'describe'],
    ['INSERT DATA {}', undefined],
  ])('%j is a %s query', (sparql, form) => {
    expect(queryFormOf(sparql)).toBe(form);
  });

  it('predeclares our prefixes, but not over the query\'s own', () => {
    const { text, lines } = addPrefixes('PREFIX ng: <http://other/>\nSELECT * {}');
    expect(lines).toBe(1);
    expect(text).toContain('PREFIX rdfs:');
    expect(text.split('\n')[0]).not.toContain('PREFIX ng:');
  });

  it('loads once and answers many queries', () => {
    const engine = new SparqlEngine(quads);
    expect(engine.size).toBe(quads.length);
    expect(engine.select('SELECT ?t WHERE { ?t a ng:Topic }')).toHaveLength(3);
    expect(engine.ask('ASK { ?p ng:memberOf ?o }')).toBe(true);
    expect(() => engine.ask('SELECT * {}')).toThrow(ParseError);
  });
});

describe('pattern helpers', () => {
  const weber = entityIri('person/anna-weber');
  it('match accepts prefixed names, IRIs and terms', () => {
    expect(match(store, null, 'ng:participant', null)).toHaveLength(2);
    expect(match(store, weber.value, PREFIXES.rdfs + 'label', null)).toHaveLength(1);
    expect(match(store, weber, 'rdfs:label', null)[0]!.object.value).toBe('Anna Weber');
  });

  it('objectsOf, subjectsOf, valueOf', () => {
    expect(objectsOf(store, weber, 'skos:altLabel').map((t) => t.value).sort()).toEqual(['Chancellor Anna Weber', 'Weber']);
    expect(subjectsOf(store, 'ng:postIn', entityIri('country/germany')).map((t) => t.value)).toEqual([PREFIXES.ngr + 'position/chancellor-of-germany']);
    expect(valueOf(store, entityIri('country/germany'), 'owl:sameAs')).toBe('http://www.wikidata.org/entity/Q183');
  });

  it.each([
    ['ngr:person/anna-weber', 'Anna Weber'],
    ['ngt:trade', 'Trade'],
    ['ngd:weber-santos-lisbon', 'Weber and Santos meet in Lisbon'],
    ['ngr:person/nobody', undefined],
  ])('labelOf(%s) = %s', (node, label) => {
    expect(labelOf(store, node)).toBe(label);
  });

  it('labelsOf and typesOf', () => {
    expect(labelsOf(store, weber)).toEqual(['Anna Weber', 'Chancellor Anna Weber', 'Weber']);
    expect(typesOf(store, weber)).toEqual([PREFIXES.ng + 'Person']);
  });

  it('instancesOf follows the class hierarchy of the ontology', () => {
    expect(instancesOf(store, 'ng:Event')).toHaveLength(2);
    expect(instancesOf(store, 'ng:Place').map((t) => t.value).sort()).toEqual(['city/lisbon', 'country/brazil', 'country/germany', 'country/portugal'].map((k) => PREFIXES.ngr + k));
    expect(instancesOf(store, 'schema:Place')).toHaveLength(4);
    expect(subclassesOf(store, 'ng:Place')).toEqual(expect.arrayContaining([PREFIXES.ng + 'City', PREFIXES.ng + 'Country', PREFIXES.ng + 'Region']));
  });

  it('expandTerm leaves unknown prefixes and full IRIs alone', () => {
    expect(expandTerm('ng:Person')!.value).toBe(PREFIXES.ng + 'Person');
    expect(expandTerm('https://example.org/x')!.value).toBe('https://example.org/x');
    expect(expandTerm('urn:isbn:123')!.value).toBe('urn:isbn:123');
    expect(expandTerm(null)).toBeNull();
  });
});

describe('computeStats', () => {
  it('counts the fixture graph', () => {
    const s = computeStats(quads);
    expect(s).toMatchObject({
      triples: quads.length, quads: quads.length, graphs: 0, articles: 1,
      entities: { Person: 2, Organization: 2, Country: 3, City: 1 },
      events: { Meeting: 1, Summit: 1 }, positions: 2, relations: 1, topics: 3, sentences: 4,
      links: { wikidata: 3, geonames: 1 },
    });
    expect(s.mentions).toBe(makeExtraction().entities.reduce((n, e) => n + e.mentions.length, 0) + 2 + 1 + 4);
  });
});
