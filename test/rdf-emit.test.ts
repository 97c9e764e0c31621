import { describe, expect, it } from 'vitest';
import { DataFactory, Store } from 'n3';
import type * as RDF from '@rdfjs/types';
import { emitQuads, dateDatatype, publicationDatatype, positionIri } from '../src/rdf/emit.ts';
import { PREFIXES, entityIri, localIri, charIri } from '../src/rdf/namespaces.ts';
import { serialize } from '../src/rdf/write.ts';
import { makeExtraction, mention } from './fixtures/extraction.ts';
import type { Extraction } from '../src/extract/types.ts';

const { namedNode } = DataFactory;
const NG = PREFIXES.ng;

/** Expands "ng:x", "ngr:x", ... to an IRI. */
function iri(name: string): string {
  const [p, local] = name.split(/:(.*)/s) as [keyof typeof PREFIXES, string];
  return PREFIXES[p] + local;
}

/** The objects of subject/predicate in emitted quads, as IRIs or lexical values, sorted. */
function objects(quads: RDF.Quad[], subject: string, predicate: string): string[] {
  return quads.filter((q) => q.subject.value === subject && q.predicate.value === iri(predicate)).map((q) => q.object.value).sort();
}

function emit(change?: (x: Extraction) => void, options?: Parameters<typeof emitQuads>[1]): RDF.Quad[] {
  const x = makeExtraction();
  change?.(x);
  return emitQuads(x, options);
}

const ART = 'weber-santos-lisbon';
const weber = entityIri('person/anna-weber').value;
const santos = entityIri('person/paulo-santos').value;
const meetingKey = `event-${mention('met').start}`;
const summitKey = `event-${mention('Atlantic Forum summit').start}`;
const meeting = localIri(ART, meetingKey).value;

describe('emitQuads: roles', () => {
  it.each([
    // person, title, org, kind → expected holds / postIn / label, or memberOf
    { person: 'person/anna-weber', title: 'Chancellor', org: 'country/germany', kind: 'post' as const, position: 'ngr:position/chancellor-of-germany', label: 'Chancellor of Germany' },
    { person: 'person/paulo-santos', title: 'President', org: 'country/brazil', kind: 'post' as const, position: 'ngr:position/president-of-brazil', label: 'President of Brazil' },
    { person: 'person/paulo-santos', title: 'Chief Executive', org: 'organization/petrobras', kind: 'post' as const, position: 'ngr:position/chief-executive-of-petrobras', label: 'Chief Executive of Petrobras' },
  ])('$title of $org: person ng:holds a Position that is ng:postIn the org', ({ person, title, org, kind, position, label }) => {
    const quads = emit((x) => { x.roles = [{ person, title, org, kind, sentence: 0 }]; });
    const pos = iri(position);
    expect(objects(quads, entityIri(person).value, 'ng:holds')).toEqual([pos]);
    expect(objects(quads, pos, 'rdf:type')).toEqual([NG + 'Position']);
    expect(objects(quads, pos, 'ng:postIn')).toEqual([entityIri(org).value]);
    expect(objects(quads, pos, 'rdfs:label')).toEqual([label]);
    expect(objects(quads, pos, 'ng:roleName')).toEqual([title]);
    expect(objects(quads, pos, 'ng:evidence')).toEqual([charIri(ART, 0, 90).value]);
    expect(objects(quads, entityIri(person).value, 'ng:memberOf')).toEqual([]);
  });

  it('a membership links the person to the organization directly, with no position', () => {
    const quads = emit((x) => { x.roles = [{ person: 'person/paulo-santos', title: 'Executive', org: 'organization/petrobras', kind: 'member', sentence: 3 }]; });
    expect(objects(quads, santos, 'ng:memberOf')).toEqual([entityIri('organization/petrobras').value]);
    expect(objects(quads, santos, 'ng:holds')).toEqual([]);
  });

  it('a post with no organization gets a position local to the article, held by that person only', () => {
    const quads = emit((x) => { x.roles = [{ person: 'person/anna-weber', title: 'Spokeswoman', kind: 'post', sentence: 2 }]; });
    const [pos] = objects(quads, weber, 'ng:holds');
    expect(pos).toBe(localIri(ART, 'position-spokeswoman-anna-weber').value);
    expect(objects(quads, pos!, 'ng:postIn')).toEqual([]);
    expect(objects(quads, pos!, 'rdfs:label')).toEqual(['Spokeswoman']);
  });

  it('the same post in two articles is one node (IRI from title and organization)', () => {
    const x = makeExtraction();
    const role = x.roles[0]!;
    expect(positionIri(role, 'Germany', 'a').value).toBe(positionIri(role, 'Germany', 'b').value);
  });
});

describe('emitQuads: events', () => {
  it('links a meeting to its participants, place, time, topics, larger event and evidence', () => {
    const quads = emit();
    expect(objects(quads, meeting, 'rdf:type')).toEqual([NG + 'Meeting']);
    expect(objects(quads, meeting, 'ng:participant')).toEqual([weber, santos].sort());
    expect(objects(quads, meeting, 'ng:place')).toEqual([entityIri('city/lisbon').value]);
    expect(objects(quads, meeting, 'ng:timeText')).toEqual(['in March 2024']);
    expect(objects(quads, meeting, 'ng:topic')).toEqual(['climate-change', 'energy', 'trade'].map((k) => PREFIXES.ngt + k));
    expect(objects(quads, meeting, 'ng:partOf')).toEqual([localIri(ART, summitKey).value]);
    expect(objects(quads, meeting, 'ng:evidence')).toHaveLength(3);
    expect(objects(quads, meeting, 'skos:altLabel')).toEqual(['the talks']);
    expect(objects(quads, localIri(ART, summitKey).value, 'ng:organizer')).toEqual([entityIri('organization/atlantic-forum').value]);
  });

  it.each([
    { date: '2018', datatype: 'gYear' },
    { date: '2024-03', datatype: 'gYearMonth' },
    { date: '2015-08-20', datatype: 'date' },
    { date: 'last week', datatype: undefined },
    { date: '2024-13', datatype: undefined },
  ])('time stamp "$date" is typed xsd:$datatype', ({ date, datatype }) => {
    const quads = emit((x) => { x.events[0]!.date = date; });
    const stamp = quads.filter((q) => q.subject.value === meeting && q.predicate.value === NG + 'timeStamp');
    if (datatype === undefined) expect(stamp).toEqual([]);
    else {
      expect(stamp).toHaveLength(1);
      expect(stamp[0]!.object.value).toBe(date);
      expect((stamp[0]!.object as RDF.Literal).datatype.value).toBe(PREFIXES.xsd + datatype);
    }
  });

  it.each(['Meeting', 'Summit', 'Arrest', 'Communication', 'Agreement', 'Attack', 'Election', 'Protest', 'Visit', 'Announcement', 'Ruling', 'Accident', 'Disaster', 'Event'] as const)(
    'an event of kind %s is typed ng:%s',
    (kind) => {
      const quads = emit((x) => { x.events[0]!.kind = kind; });
      expect(objects(quads, meeting, 'rdf:type')).toEqual([NG + kind]);
    },
  );

  it('event mentions are NIF phrases pointing at the event', () => {
    const quads = emit();
    const m = mention('talks');
    const phrase = charIri(ART, m.start, m.end).value;
    expect(objects(quads, phrase, 'itsrdf:taIdentRef')).toEqual([meeting]);
    expect(objects(quads, phrase, 'nif:anchorOf')).toEqual(['talks']);
  });
});

describe('emitQuads: entities, text, article, topics', () => {
  it('types entities, labels them, and links them to Wikidata and GeoNames as given', () => {
    const quads = emit();
    const lisbon = entityIri('city/lisbon').value;
    expect(objects(quads, lisbon, 'rdf:type')).toEqual([NG + 'City']);
    expect(objects(quads, lisbon, 'owl:sameAs')).toEqual(['https://sws.geonames.org/2267057/']);
    expect(objects(quads, lisbon, 'ng:locatedIn')).toEqual([entityIri('country/portugal').value]);
    expect(objects(quads, entityIri('country/germany').value, 'owl:sameAs')).toEqual(['http://www.wikidata.org/entity/Q183']);
    expect(objects(quads, weber, 'rdfs:label')).toEqual(['Anna Weber']);
    expect(objects(quads, weber, 'skos:altLabel')).toEqual(['Chancellor Anna Weber', 'Weber']);
  });

  it('leaves out ng:locatedIn when the containing place is not an entity of the article', () => {
    const quads = emit((x) => { x.entities = x.entities.filter((e) => e.key !== 'country/portugal'); });
    expect(objects(quads, entityIri('city/lisbon').value, 'ng:locatedIn')).toEqual([]);
  });

  it('never links entities merely because they co-occur: only stated relations join two entities', () => {
    const quads = emit();
    const entities = new Set(makeExtraction().entities.map((e) => entityIri(e.key).value));
    const direct = quads.filter((q) => entities.has(q.subject.value) && entities.has(q.object.value)).map((q) => q.predicate.value);
    expect(direct.sort()).toEqual([NG + 'locatedIn', NG + 'memberOf']);
  });

  it('writes every mention and sentence with offsets that match the text', () => {
    const quads = emit();
    const store = new Store(quads);
    const text = makeExtraction().text;
    const anchors = store.getQuads(null, namedNode(PREFIXES.nif + 'anchorOf'), null, null);
    expect(anchors.length).toBeGreaterThan(10);
    for (const a of anchors) {
      const b = Number(store.getObjects(a.subject, namedNode(PREFIXES.nif + 'beginIndex'), null)[0]!.value);
      const e = Number(store.getObjects(a.subject, namedNode(PREFIXES.nif + 'endIndex'), null)[0]!.value);
      expect(text.slice(b, e)).toBe(a.object.value);
    }
    const ctx = charIri(ART, 0, text.length).value;
    expect(objects(quads, ctx, 'nif:isString')).toEqual([text]);
  });

  it('describes the article: headline, date, url, mentions and topics', () => {
    const quads = emit();
    const art = PREFIXES.ngd + ART;
    expect(objects(quads, art, 'rdf:type')).toEqual([NG + 'Article']);
    expect(objects(quads, art, 'schema:headline')).toEqual(['Weber and Santos meet in Lisbon']);
    expect(objects(quads, art, 'schema:datePublished')).toEqual(['2024-03-12']);
    expect(objects(quads, art, 'schema:url')).toEqual(['https://news.example.org/weber-santos']);
    expect(objects(quads, art, 'schema:mentions')).toHaveLength(8);
    expect(objects(quads, art, 'schema:about')).toEqual(['climate-change', 'energy', 'trade'].map((k) => PREFIXES.ngt + k));
  });

  it('describes each topic used as a SKOS concept with the label of the scheme', () => {
    const quads = emit();
    const trade = PREFIXES.ngt + 'trade';
    expect(objects(quads, trade, 'rdf:type')).toEqual([NG + 'Topic', PREFIXES.skos + 'Concept'].sort());
    expect(objects(quads, trade, 'skos:prefLabel')).toEqual(['Trade']);
  });

  it('emits a relation with its parties, topics and evidence', () => {
    const quads = emit();
    const rel = localIri(ART, 'relation-0').value;
    expect(objects(quads, rel, 'rdf:type')).toEqual([NG + 'Relation']);
    expect(objects(quads, rel, 'ng:party')).toEqual([entityIri('country/brazil').value, entityIri('country/germany').value]);
    expect(objects(quads, rel, 'ng:topic')).toEqual([PREFIXES.ngt + 'trade']);
    expect(objects(quads, rel, 'ng:evidence')).toHaveLength(1);
  });

  it.each([
    ['a participant', (x: Extraction) => { x.events[0]!.participants.push('person/nobody'); }],
    ['a place', (x: Extraction) => { x.events[0]!.place = 'city/nowhere'; }],
    ['a role', (x: Extraction) => { x.roles[0]!.org = 'organization/ghost'; }],
    ['a relation party', (x: Extraction) => { x.relations[0]!.parties.push('country/atlantis'); }],
  ])('throws on %s that names no entity of the extraction', (_what, change) => {
    expect(() => emit(change)).toThrow(/unknown entity/);
  });

  it('throws on a sentence index out of range', () => {
    expect(() => emit((x) => { x.events[0]!.sentences.push(99); })).toThrow(RangeError);
  });
});

describe('emitQuads: graphs and determinism', () => {
  it('puts everything in the named graph of the article with { graph: true }', () => {
    const quads = emit(undefined, { graph: true });
    expect(new Set(quads.map((q) => q.graph.value))).toEqual(new Set([PREFIXES.ngd + ART]));
    expect(new Set(emit().map((q) => q.graph.termType))).toEqual(new Set(['DefaultGraph']));
  });

  it('gives byte-identical output for the same input, and for the same facts in another order', async () => {
    const a = await serialize(emit(), 'turtle');
    const b = await serialize(emit(), 'turtle');
    const c = await serialize(emit((x) => { x.entities.reverse(); x.events.reverse(); x.roles.reverse(); x.topics.reverse(); }), 'turtle');
    expect(b).toBe(a);
    expect(c).toBe(a);
  });

  it('has no duplicate quads', () => {
    const quads = emit((x) => { x.entities[0]!.mentions.push({ ...x.entities[0]!.mentions[0]! }); });
    const keys = quads.map((q) => `${q.subject.value} ${q.predicate.value} ${q.object.value}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('date datatypes', () => {
  it.each([
    ['2024-03-12', 'date'], ['2024-03-12T10:00:00Z', 'dateTime'], ['2024-03-12T10:00', 'dateTime'], ['12 March 2024', undefined], ['2024-02-30x', undefined],
  ])('publication date %s → xsd:%s', (value, type) => {
    expect(publicationDatatype(value)?.value).toBe(type && PREFIXES.xsd + type);
  });
  it.each([['1999', 'gYear'], ['1999-12', 'gYearMonth'], ['1999-12-31', 'date'], ['99', undefined]])('event date %s → xsd:%s', (value, type) => {
    expect(dateDatatype(value)?.value).toBe(type && PREFIXES.xsd + type);
  });
});
