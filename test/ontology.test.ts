import { describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { Parser, Store, DataFactory } from 'n3';
import type * as RDF from '@rdfjs/types';
import { PREFIXES, NG_CLASSES, NG_PROPERTIES } from '../src/rdf/namespaces.ts';
import { emitQuads } from '../src/rdf/emit.ts';
import { loadTopicScheme } from '../src/rdf/topics.ts';
import { validateGraph } from '../src/rdf/validate.ts';
import { makeExtraction } from './fixtures/extraction.ts';

const { namedNode } = DataFactory;
const load = (file: string) => new Store(new Parser().parse(readFileSync(new URL(`../ontology/${file}`, import.meta.url), 'utf8')));
const ontology = load('newsgraph.ttl');
const topics = load('topics.ttl');
const shapes = load('shapes.ttl');
const iri = (name: string) => { const [p, l] = name.split(/:(.*)/s) as [keyof typeof PREFIXES, string]; return PREFIXES[p] + l; };
const values = (store: Store, s: string, p: string) => store.getObjects(namedNode(s), namedNode(iri(p)), null).map((t) => t.value).sort();

/** The transitive closure of rdfs:subClassOf or rdfs:subPropertyOf from a term. */
function ancestors(term: string, via: 'rdfs:subClassOf' | 'rdfs:subPropertyOf'): Set<string> {
  const out = new Set<string>();
  const todo = [term];
  while (todo.length) {
    for (const up of values(ontology, todo.pop()!, via)) if (!out.has(up)) { out.add(up); todo.push(up); }
  }
  return out;
}

describe('ontology/newsgraph.ttl declares every term of src/rdf/namespaces.ts', () => {
  it.each(NG_CLASSES.map((c) => [c]))('class ng:%s has a type, label and comment', (c) => {
    expect(values(ontology, PREFIXES.ng + c, 'rdf:type')).toEqual([iri('owl:Class')]);
    expect(values(ontology, PREFIXES.ng + c, 'rdfs:label')).toHaveLength(1);
    expect(values(ontology, PREFIXES.ng + c, 'rdfs:comment')).toHaveLength(1);
  });

  it.each(NG_PROPERTIES.map((p) => [p]))('property ng:%s has a type, label and comment', (p) => {
    expect([iri('owl:ObjectProperty'), iri('owl:DatatypeProperty')]).toContain(values(ontology, PREFIXES.ng + p, 'rdf:type')[0]);
    expect(values(ontology, PREFIXES.ng + p, 'rdfs:label')).toHaveLength(1);
    expect(values(ontology, PREFIXES.ng + p, 'rdfs:comment')).toHaveLength(1);
  });

  it('declares nothing that namespaces.ts does not know (the two stay in sync)', () => {
    const known = new Set<string>([...NG_CLASSES, ...NG_PROPERTIES].map((t) => PREFIXES.ng + t));
    const declared = ontology.getSubjects(null, null, null).map((s) => s.value).filter((s) => s.startsWith(PREFIXES.ng));
    expect(declared.filter((d) => !known.has(d))).toEqual([]);
  });
});

describe('alignment to standard vocabularies', () => {
  it.each([
    ['ng:Person', ['schema:Person']],
    ['ng:Organization', ['schema:Organization', 'org:Organization']],
    ['ng:Place', ['schema:Place', 'sem:Place']],
    ['ng:Country', ['schema:Country', 'schema:Place']],
    ['ng:City', ['schema:City', 'schema:Place']],
    ['ng:Region', ['schema:Place']],
    ['ng:Event', ['schema:Event', 'sem:Event']],
    ['ng:Meeting', ['schema:Event', 'sem:Event']],
    ['ng:Arrest', ['schema:Event']],
    ['ng:Summit', ['schema:Event']],
    ['ng:Position', ['org:Post']],
    ['ng:Article', ['schema:NewsArticle']],
    ['ng:Topic', ['skos:Concept']],
  ])('%s ⊑ %s', (cls, supers) => {
    const up = ancestors(iri(cls), 'rdfs:subClassOf');
    for (const s of supers) expect(up).toContain(iri(s));
  });

  it.each(NG_CLASSES.filter((c) => !['Actor', 'Relation', 'Topic', 'Position', 'Article'].includes(c)).map((c) => [c]))('ng:%s reaches a schema.org class', (c) => {
    expect([...ancestors(PREFIXES.ng + c, 'rdfs:subClassOf')].some((s) => s.startsWith(PREFIXES.schema))).toBe(true);
  });

  it.each(['ng:Position', 'ng:Relation'])('%s is not a person, organization, place or event (roles and relations are not entities)', (cls) => {
    const up = ancestors(iri(cls), 'rdfs:subClassOf');
    for (const root of ['schema:Person', 'schema:Organization', 'schema:Place', 'schema:Event', 'sem:Event', 'org:Organization']) expect(up).not.toContain(iri(root));
  });

  it.each([
    ['ng:participant', 'sem:hasActor'],
    ['ng:organizer', 'schema:organizer'],
    ['ng:place', 'sem:hasPlace'],
    ['ng:timeStamp', 'sem:hasTimeStamp'],
    ['ng:topic', 'dcterms:subject'],
    ['ng:partOf', 'sem:subEventOf'],
    ['ng:holds', 'org:holds'],
    ['ng:postIn', 'org:postIn'],
    ['ng:memberOf', 'org:memberOf'],
    ['ng:locatedIn', 'schema:containedInPlace'],
    ['ng:evidence', 'prov:wasDerivedFrom'],
  ])('%s ⊑ %s', (prop, sup) => {
    expect(ancestors(iri(prop), 'rdfs:subPropertyOf')).toContain(iri(sup));
  });
});

describe('every ng: term in output is declared', () => {
  const declared = new Set(ontology.getSubjects(null, null, null).map((s) => s.value));
  const used = (quads: RDF.Quad[]) => [...new Set(quads.flatMap((q) => [q.predicate, q.object]).filter((t) => t.termType === 'NamedNode' && t.value.startsWith(PREFIXES.ng)).map((t) => t.value))];
  it('in the fixture graph', () => {
    const terms = used(emitQuads(makeExtraction()));
    expect(terms.length).toBeGreaterThan(15);
    expect(terms.filter((t) => !declared.has(t))).toEqual([]);
  });
  const sample = new URL('../data/samples/china-canada-apec.ttl', import.meta.url);
  it.runIf(existsSync(sample))('in the committed sample', () => {
    const terms = used(new Parser().parse(readFileSync(sample, 'utf8')) as RDF.Quad[]);
    expect(terms.filter((t) => !declared.has(t))).toEqual([]);
  });
});

describe('ontology/topics.ttl', () => {
  const scheme = 'https://w3id.org/newsgraph/topics';
  const concepts = topics.getSubjects(namedNode(iri('rdf:type')), namedNode(iri('skos:Concept')), null).map((t) => t.value);
  const top = values(topics, scheme, 'skos:hasTopConcept');

  it('has the 17 top-level subjects of the IPTC Media Topics, each matched to its code', () => {
    expect(top).toHaveLength(17);
    const codes = top.flatMap((t) => values(topics, t, 'skos:exactMatch'));
    expect(codes).toHaveLength(17);
    expect(new Set(codes.map((c) => /^http:\/\/cv\.iptc\.org\/newscodes\/mediatopic\/(\d\d)000000$/.exec(c)?.[1]))).toEqual(
      new Set(Array.from({ length: 17 }, (_, i) => String(i + 1).padStart(2, '0'))),
    );
  });

  it.each(['trade', 'climate-change', 'security', 'human-rights', 'diplomacy', 'technology', 'agriculture', 'elections', 'energy', 'immigration', 'terrorism', 'taxation', 'cybercrime'])(
    'has the finer concept ngt:%s under a top-level subject',
    (key) => {
      const c = PREFIXES.ngt + key;
      expect(concepts).toContain(c);
      const broader = values(topics, c, 'skos:broader');
      expect(broader).toHaveLength(1);
      expect(top).toContain(broader[0]);
    },
  );

  it.each(concepts.map((c) => [c.slice(PREFIXES.ngt.length), c]))('ngt:%s is a Topic in the scheme with one English prefLabel and lowercase altLabels', (_key, c) => {
    expect(values(topics, c, 'rdf:type')).toEqual([iri('ng:Topic'), iri('skos:Concept')].sort());
    expect(values(topics, c, 'skos:inScheme')).toEqual([scheme]);
    const pref = topics.getObjects(namedNode(c), namedNode(iri('skos:prefLabel')), null) as RDF.Literal[];
    expect(pref.map((l) => l.language)).toEqual(['en']);
    const alt = values(topics, c, 'skos:altLabel');
    expect(alt.length).toBeGreaterThanOrEqual(8);
    for (const a of alt) expect(a).toBe(a.toLowerCase().trim());
  });

  it('gives each keyword to one concept only', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const q of topics.getQuads(null, namedNode(iri('skos:altLabel')), null, null)) {
      const prev = owner.get(q.object.value);
      if (prev && prev !== q.subject.value) clashes.push(`${q.object.value}: ${prev} / ${q.subject.value}`);
      owner.set(q.object.value, q.subject.value);
    }
    expect(clashes).toEqual([]);
  });

  it('conforms to the Topic shape', async () => {
    expect((await validateGraph(topics.getQuads(null, null, null, null))).results).toEqual([]);
  });

  it('loads as data for the extractor', () => {
    const scheme = loadTopicScheme();
    expect(scheme.length).toBe(concepts.length);
    const trade = scheme.find((c) => c.key === 'trade')!;
    expect(trade.label).toBe('Trade');
    expect(trade.broader).toBe('economy-business-finance');
    expect(trade.altLabels).toEqual(expect.arrayContaining(['tariffs', 'exports', 'trade dispute']));
    expect(scheme.find((c) => c.key === 'politics')!.broader).toBeUndefined();
  });
});

describe('ontology/shapes.ttl', () => {
  const targets = new Set(shapes.getObjects(null, namedNode(iri('sh:targetClass')), null).map((t) => t.value));
  it.each([...NG_CLASSES.filter((c) => c !== 'Actor').map((c) => 'ng:' + c), 'nif:Context', 'nif:Sentence', 'nif:Phrase'])('a shape targets %s or a superclass', (cls) => {
    const candidates = [iri(cls), ...ancestors(iri(cls), 'rdfs:subClassOf')];
    expect(candidates.some((c) => targets.has(c))).toBe(true);
  });
});
