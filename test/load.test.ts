// Loader tests (Node only: the loader never imports sigma).
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { Store } from 'n3';
import type * as RDF from '@rdfjs/types';
import { loadGraph, parseRdf, LoadError, ParseError, type NewsGraph, type LoadOptions } from '../src/load/index.ts';

const PREFIXES = `@prefix ng: <https://w3id.org/newsgraph/ontology#> .
@prefix ex: <http://example.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix schema: <https://schema.org/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix itsrdf: <http://www.w3.org/2005/11/its/rdf#> .
`;
const R = 'https://w3id.org/newsgraph/resource/';
const SMALL = 'test/fixtures/load/small.ttl';
const ontology: RDF.Quad[] = readdirSync('ontology').filter((f) => f.endsWith('.ttl')).sort()
  .flatMap((f) => parseRdf(readFileSync(`ontology/${f}`, 'utf8'), { fileName: `ontology/${f}` }));

/** Parses Turtle (with the common prefixes) and loads it. */
function load(turtle: string, options: LoadOptions = {}): NewsGraph {
  return loadGraph(parseRdf(PREFIXES + turtle, { fileName: 'inline.ttl' }), { ontology, ...options });
}

function loadSmall(options: LoadOptions = {}): NewsGraph {
  return loadGraph(parseRdf(readFileSync(SMALL, 'utf8'), { fileName: SMALL }), { ontology, ...options });
}

describe('types come from the class hierarchy', () => {
  const cases: Array<[string, string, string]> = [
    ['ng: class from the ontology', 'ex:a a ng:Person ; rdfs:label "A" .', 'Person'],
    ['schema.org class directly', 'ex:a a schema:Organization ; rdfs:label "A" .', 'Organization'],
    ['country is a place', 'ex:a a ng:Country ; rdfs:label "A" .', 'Place'],
    ['event subclass', 'ex:a a ng:Summit ; rdfs:label "A" .', 'Event'],
    ['subclass declared in the data', 'ex:Senator rdfs:subClassOf ng:Person . ex:a a ex:Senator ; rdfs:label "A" .', 'Person'],
    ['two-step chain in the data', 'ex:Mayor rdfs:subClassOf ex:Official . ex:Official rdfs:subClassOf schema:Person . ex:a a ex:Mayor ; rdfs:label "A" .', 'Person'],
    ['skos concept is a topic', 'ex:a a skos:Concept ; skos:prefLabel "A" .', 'Topic'],
    ['http schema.org scheme', 'ex:a a <http://schema.org/Place> ; rdfs:label "A" .', 'Place'],
    ['unknown class with a label', 'ex:a a ex:Gadget ; rdfs:label "A" .', 'Other'],
  ];
  it.each(cases)('%s', (_name, turtle, type) => {
    const g = load(turtle);
    expect(g.getNodeAttribute('http://example.org/a', 'type')).toBe(type);
  });

  it('a sub-property the data declares after using it (the data is read again knowing it)', () => {
    const g = load('ex:a a ng:Person ; rdfs:label "A" ; ex:nickname "Al" . ex:nickname rdfs:subPropertyOf skos:altLabel .');
    expect(g.getNodeAttribute('http://example.org/a', 'aliases')).toEqual(['Al']);
    const h = load('ex:a a ng:Person ; rdfs:label "A" ; ex:nickname "Al" . @prefix owl: <http://www.w3.org/2002/07/owl#> . ex:nickname owl:equivalentProperty skos:altLabel .');
    expect(h.getNodeAttribute('http://example.org/a', 'aliases')).toEqual(['Al']);
  });

  it('a subclass chain given only as ontology quads', () => {
    const onto = parseRdf(`${PREFIXES} ex:Mayor rdfs:subClassOf ex:Politician . ex:Politician rdfs:subClassOf schema:Person .`);
    const g = loadGraph(parseRdf(`${PREFIXES} ex:m a ex:Mayor ; rdfs:label "M" .`), { ontology: onto });
    expect(g.getNodeAttribute('http://example.org/m', 'type')).toBe('Person');
  });
});

describe('the small fixture, full projection', () => {
  const g = loadSmall();
  const anna = `${R}person/anna-berg`;
  const event = 'https://w3id.org/newsgraph/doc/small#event-1';

  it('makes a node per actor, place, event and topic, and nothing else', () => {
    const nodes = g.nodes().map((k) => [k.split('/').pop(), g.getNodeAttribute(k, 'type')]);
    expect(Object.fromEntries(nodes)).toEqual({
      'anna-berg': 'Person', 'omar-vell': 'Person', 'sela-bank': 'Organization', norland: 'Place', 'port-sela': 'Place',
      'small#event-1': 'Event', trade: 'Topic',
    });
  });

  it('reads label, aliases, Wikidata id, role, mentions and articles', () => {
    const a = g.getNodeAttributes(anna);
    expect(a.label).toBe('Anna Berg');
    expect(a.aliases).toEqual(['Berg', 'Prime Minister Anna Berg']);
    expect(a.wikidata).toBe('Q4115189');
    expect(a.roles).toEqual(['Prime Minister of Norland']);
    expect(a.mentionCount).toBe(2);
    expect(a.articles).toEqual(['https://w3id.org/newsgraph/doc/small']);
    expect(a.actor).toBe(true);
  });

  it('takes a topic label from the ontology scheme, without its keyword list', () => {
    const t = g.getNodeAttributes('https://w3id.org/newsgraph/topic/trade');
    expect(t.label).toBe('Trade');
    expect(t.aliases).toEqual([]);
  });

  it('reads event time stamps and class label', () => {
    expect(g.getNodeAttribute(event, 'dates')).toEqual(['2025']);
    expect(g.getNodeAttribute(event, 'timeTexts')).toEqual(['on Tuesday']);
    expect(g.getNodeAttribute(event, 'classLabel')).toBe('Meeting');
  });

  it('folds a role (person -holds-> position -postIn-> country) into one labelled edge with evidence', () => {
    const edges = g.edges(anna, `${R}country/norland`);
    expect(edges).toHaveLength(1);
    const e = g.getEdgeAttributes(edges[0]!);
    expect(e.label).toBe('Prime Minister of Norland');
    expect(e.evidence.map((x) => x.text)).toEqual(['Prime Minister Anna Berg of Norland met banker Omar Vell in Port Sela on Tuesday.']);
  });

  it('gives event edges their predicate label and evidence sentences with mention offsets', () => {
    const [edge] = g.edges(event, anna);
    const e = g.getEdgeAttributes(edge!);
    expect(e.label).toBe('participant');
    expect(e.evidence.map((x) => [x.begin, x.end])).toEqual([[0, 81], [82, 106]]);
    const first = e.evidence[0]!;
    const annaMention = first.highlights.find((h) => h.entity === anna)!;
    expect(first.text.slice(annaMention.start, annaMention.end)).toBe('Prime Minister Anna Berg');
    const second = e.evidence[1]!;
    expect(second.highlights.map((h) => second.text.slice(h.start, h.end))).toEqual(['talks']);
  });

  it('keeps two facts between the same pair as two edges', () => {
    const g = load(`ex:p a ng:Person ; rdfs:label "P" ; ng:memberOf ex:o ; ex:foundedBy ex:o .
      ex:o a ng:Organization ; rdfs:label "O" .`);
    expect(g.multi).toBe(true);
    expect(g.edges('http://example.org/p', 'http://example.org/o').map((e) => g.getEdgeAttribute(e, 'label')).sort()).toEqual(['founded by', 'member of']);
    expect(loadSmall().multi).toBe(false);
  });

  it('keeps plain facts between entities as edges', () => {
    expect(g.getEdgeAttributes(g.edges(`${R}city/port-sela`, `${R}country/norland`)[0]!).label).toBe('located in');
    expect(g.getEdgeAttributes(g.edges(`${R}person/omar-vell`, `${R}organization/sela-bank`)[0]!).label).toBe('member of');
  });

  it('adds mentions, sentences and articles only when asked', () => {
    const all = loadSmall({ include: ['mentions', 'sentences', 'articles'] });
    const count = (type: string): number => all.filterNodes((_k, a) => a.type === type).length;
    expect([count('Mention'), count('Sentence'), count('Article')]).toEqual([6, 3, 1]);
    expect(all.order).toBe(g.order + 10);
    const article = all.getNodeAttributes('https://w3id.org/newsgraph/doc/small');
    expect(article.type).toBe('Article');
    expect(all.hasEdge('https://w3id.org/newsgraph/doc/small', anna)).toBe(true);
  });
});

describe('projections', () => {
  it('actors: people, organizations and countries, linked through shared events and facts', () => {
    const g = loadSmall({ projection: 'actors' });
    expect(g.type).toBe('undirected');
    expect(g.nodes().map((k) => k.split('/').pop()).sort()).toEqual(['anna-berg', 'norland', 'omar-vell', 'sela-bank']);
    const meet = g.getEdgeAttributes(g.edge(`${R}person/anna-berg`, `${R}person/omar-vell`)!);
    expect(meet.weight).toBe(1);
    expect(meet.via).toEqual(['https://w3id.org/newsgraph/doc/small#event-1']);
    expect(meet.label).toBe('Meeting of Anna Berg and Omar Vell');
    expect(meet.evidence).toHaveLength(2);
    expect(g.hasEdge(`${R}person/anna-berg`, `${R}country/norland`)).toBe(true);
    expect(g.hasEdge(`${R}person/omar-vell`, `${R}organization/sela-bank`)).toBe(true);
  });

  it('weights an actor pair by the number of events they share', () => {
    const g = load(`ex:p a ng:Person ; rdfs:label "P" . ex:q a ng:Person ; rdfs:label "Q" .
      ex:e1 a ng:Meeting ; rdfs:label "E1" ; ng:participant ex:p, ex:q .
      ex:e2 a ng:Visit ; rdfs:label "E2" ; ng:participant ex:p, ex:q .
      ex:e3 a ng:Visit ; rdfs:label "E3" ; ng:participant ex:p .`, { projection: 'actors' });
    expect(g.getEdgeAttribute(g.edge('http://example.org/p', 'http://example.org/q')!, 'weight')).toBe(2);
  });

  it('actor-topic: actors linked to the topics of their events, never actor to actor', () => {
    const g = loadSmall({ projection: 'actor-topic' });
    const trade = 'https://w3id.org/newsgraph/topic/trade';
    expect(g.neighbors(trade).map((k) => k.split('/').pop()).sort()).toEqual(['anna-berg', 'omar-vell']);
    g.forEachEdge((_e, _a, s, t) => {
      expect([g.getNodeAttribute(s, 'type'), g.getNodeAttribute(t, 'type')]).toContain('Topic');
    });
  });

  it('rejects an unknown projection with a LoadError', () => {
    expect(() => loadSmall({ projection: 'people' as never })).toThrow(LoadError);
  });
});

describe('evidence', () => {
  it('grows a phrase to its sentence when the data has no nif:Sentence', () => {
    const g = load(`<http://example.org/doc#char=0,40> a nif:Context ; nif:isString "First one here. Then Ann met Bo. Last." .
      <http://example.org/doc#char=25,28> a nif:Phrase ; nif:referenceContext <http://example.org/doc#char=0,40> ;
        nif:beginIndex 25 ; nif:endIndex 28 ; nif:anchorOf "met" ; itsrdf:taIdentRef ex:e .
      ex:e a ng:Meeting ; rdfs:label "E" ; prov:wasDerivedFrom <http://example.org/doc#char=25,28> ; ng:participant ex:ann .
      ex:ann a ng:Person ; rdfs:label "Ann" .`);
    const ev = g.getNodeAttribute('http://example.org/e', 'evidence');
    expect(ev.map((e) => [e.text, e.begin, e.end])).toEqual([['Then Ann met Bo.', 16, 32]]);
    expect(ev[0]!.highlights).toEqual([{ start: 9, end: 12, entity: 'http://example.org/e' }]);
    expect(ev[0]!.article).toBe('http://example.org/doc');
  });
});

describe('several articles', () => {
  it('merges entities across named graphs and lists the articles of each node', () => {
    const trig = `${PREFIXES}
      <http://example.org/doc/a> { <http://example.org/doc/a> a ng:Article . ex:p a ng:Person ; rdfs:label "P" .
        ex:e1 a ng:Meeting ; rdfs:label "E1" ; ng:participant ex:p, ex:q . }
      <http://example.org/doc/b> { <http://example.org/doc/b> a ng:Article . ex:p a ng:Person ; rdfs:label "P" .
        ex:q a ng:Organization ; rdfs:label "Q" . ex:p ng:memberOf ex:q . }`;
    const g = loadGraph(parseRdf(trig, { fileName: 'two.trig' }), { ontology });
    expect(g.getAttribute('articles')).toEqual(['http://example.org/doc/a', 'http://example.org/doc/b']);
    expect(g.getNodeAttribute('http://example.org/p', 'articles')).toEqual(['http://example.org/doc/a', 'http://example.org/doc/b']);
    expect(g.getNodeAttribute('http://example.org/q', 'articles')).toEqual(['http://example.org/doc/b']);
    expect(g.filterNodes((_k, a) => a.type === 'Person')).toEqual(['http://example.org/p']);
    expect(g.size).toBe(3);
  });
});

describe('input', () => {
  it('reads an N3 store as well as a quad array, with the same result', () => {
    const quads = parseRdf(readFileSync(SMALL, 'utf8'));
    const a = loadGraph(quads, { ontology });
    const b = loadGraph(new Store(quads), { ontology });
    expect(b.export()).toEqual(a.export());
  });

  it('gives the same graph whatever the quad order', () => {
    const quads = parseRdf(readFileSync(SMALL, 'utf8'));
    const a = loadGraph(quads, { ontology });
    const b = loadGraph([...quads].reverse(), { ontology });
    expect(JSON.stringify(b.export())).toBe(JSON.stringify(a.export()));
  });

  it('keeps hostile labels as plain text', () => {
    const label = '<img src=x onerror="window.__xss=1">Mark Carney';
    const g = load(`ex:a a ng:Person ; rdfs:label ${JSON.stringify(label)} .`);
    expect(g.getNodeAttribute('http://example.org/a', 'label')).toBe(label);
  });

  it('loads blank-node entities', () => {
    const g = load('[] a ng:Person ; rdfs:label "Nameless" .');
    expect(g.order).toBe(1);
    expect(g.getNodeAttributes(g.nodes()[0]!).label).toBe('Nameless');
  });

  const bad: Array<[string, string, number, number]> = [
    ['unclosed bracket', '@prefix ex: <http://e/> .\nex:a ex:b ex:c ;\n  ex:d ] .\n', 3, 8],
    ['unterminated string', '@prefix ex: <http://e/> .\nex:a ex:b   "x .\n', 2, 13],
    ['undefined prefix', 'foo:a foo:b foo:c .', 1, 1],
  ];
  it.each(bad)('names line and column of a syntax error: %s', (_name, text, line, column) => {
    let error: unknown;
    try {
      parseRdf(text, { fileName: 'bad.ttl' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ParseError);
    expect((error as ParseError).line).toBe(line);
    expect((error as ParseError).column).toBe(column);
    expect((error as ParseError).message).toMatch(new RegExp(`^bad\\.ttl:${line}:${column}: `));
  });
});
