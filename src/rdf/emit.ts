/** Extraction → RDF quads, exactly as /work/shared/design/ONTOLOGY.md and ontology/newsgraph.ttl describe. */
import { DataFactory } from 'n3';
import type * as RDF from '@rdfjs/types';
import type { Extraction, Entity, Role } from '../extract/types.ts';
import {
  ng, rdf, rdfs, owl, xsd, schema, skos, nif, itsrdf,
  entityIri, topicIri, articleIri, charIri, localIri, wikidataIri, geonamesIri, toIri,
} from './namespaces.ts';
import { slugify } from './slug.ts';
import { loadTopicScheme, TOPIC_SCHEME_IRI, type TopicConcept } from './topics.ts';
import { quadKey } from './sort.ts';

const { quad, literal, namedNode, defaultGraph } = DataFactory;

/** Options of emitQuads. */
export interface EmitOptions {
  /** Put every quad in the named graph of the article (its IRI); default false (default graph). */
  graph?: boolean;
  /** Topic concepts for labels (default: ontology/topics.ttl). */
  topics?: readonly TopicConcept[];
}

/** The XSD datatype of an ISO date string of year, year-month or day precision; undefined otherwise. */
export function dateDatatype(value: string): RDF.NamedNode | undefined {
  if (/^-?\d{4}$/.test(value)) return xsd.gYear;
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) return xsd.gYearMonth;
  if (/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(value)) return xsd.date;
  return undefined;
}

/** The XSD datatype for a publication date: xsd:date or xsd:dateTime; undefined when not ISO 8601. */
export function publicationDatatype(value: string): RDF.NamedNode | undefined {
  if (/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(value)) return xsd.date;
  if (/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)?$/.test(value)) return xsd.dateTime;
  return undefined;
}

/**
 * A string an xsd:string literal can hold: lone surrogates and the noncharacters U+FFFE and U+FFFF
 * (which XML and XSD exclude, and UTF-8 output cannot keep) become U+FFFD. The length is unchanged,
 * so character offsets into the text stay right.
 */
export function toLiteralText(value: string): string {
  return value.replace(/[\uD800-\uDFFF\uFFFE\uFFFF]/gu, '\uFFFD');
}

/** The IRI of a page URL as given (--url, front matter, JSONL, HTML): WHATWG-normalized, then escaped to a valid IRI. */
export function urlIri(url: string): string {
  let href = url;
  try { href = new URL(url).href; } catch { /* not parseable: escape it as it is */ }
  return toIri(href);
}

/** IRI of a position: `ngr:position/<slug of "Title of Org">`; article-local when the text names no org. */
export function positionIri(role: Role, orgLabel: string | undefined, articleId: string): RDF.NamedNode {
  if (orgLabel !== undefined) return entityIri(`position/${slugify(`${role.title} of ${orgLabel}`)}`);
  return localIri(articleId, `position-${slugify(role.title)}-${slugify(role.person.split('/').pop() ?? role.person)}`);
}

/** Turns one article's extraction into RDF quads (de-duplicated, in a stable order; writers sort them). */
export function emitQuads(extraction: Extraction, options: EmitOptions = {}): RDF.Quad[] {
  const { article } = extraction;
  // The text as RDF can hold it; NIF anchors are sliced from it, so they always match the offsets.
  const text = toLiteralText(extraction.text);
  const id = article.id;
  const art = articleIri(id);
  const g: RDF.Quad_Graph = options.graph ? art : defaultGraph();
  const out: RDF.Quad[] = [];
  const seen = new Set<string>();
  const add = (s: RDF.Quad_Subject, p: RDF.NamedNode, o: RDF.Quad_Object) => {
    const q = quad(s, p, o, g);
    const k = quadKey(q);
    if (!seen.has(k)) { seen.add(k); out.push(q); }
  };
  const str = (v: string) => literal(toLiteralText(v));
  const int = (n: number) => literal(String(n), xsd.nonNegativeInteger);

  const entities = new Map<string, Entity>(extraction.entities.map((e) => [e.key, e]));
  /** IRI of an entity the extraction refers to; a key with no entity is a bug of the extractor. */
  const ref = (key: string, where: string): RDF.NamedNode => {
    if (!entities.has(key)) throw new Error(`article ${id}: ${where} refers to unknown entity "${key}"`);
    return entityIri(key);
  };
  const scheme = new Map((options.topics ?? loadTopicScheme()).map((t) => [t.key, t]));

  // ---- the text: a NIF context, its sentences and mentions ----
  const ctx = charIri(id, 0, text.length);
  const sentenceIri = (index: number): RDF.NamedNode => {
    const s = extraction.sentences[index];
    if (!s) throw new RangeError(`article ${id}: sentence index ${index} out of range (0..${extraction.sentences.length - 1})`);
    return charIri(id, s.start, s.end);
  };
  /** A NIF offset-based string of the text (a sentence or a mention), anchored to what it slices. */
  const addOffsetString = (start: number, end: number, type: RDF.NamedNode): RDF.NamedNode => {
    const iri = charIri(id, start, end);
    add(iri, rdf.type, type);
    add(iri, rdf.type, nif.OffsetBasedString);
    add(iri, nif.beginIndex, int(start));
    add(iri, nif.endIndex, int(end));
    add(iri, nif.anchorOf, str(text.slice(start, end)));
    add(iri, nif.referenceContext, ctx);
    return iri;
  };
  const addMention = (m: { start: number; end: number; text: string; sentence: number }, target: RDF.NamedNode) => {
    const iri = addOffsetString(m.start, m.end, nif.Phrase);
    add(iri, nif.sentence, sentenceIri(m.sentence));
    add(iri, itsrdf.taIdentRef, target);
  };

  // ---- the article ----
  add(art, rdf.type, ng.Article);
  // A blank title (an empty <title>, "title:" in front matter) is no title: label the article by its id.
  const title = article.title !== undefined && article.title.trim() !== '' ? article.title : undefined;
  add(art, rdfs.label, str(title ?? id));
  if (title) add(art, schema.headline, str(title));
  if (article.date) {
    const dt = publicationDatatype(article.date);
    if (dt) add(art, schema.datePublished, literal(article.date, dt));
  }
  if (article.url) add(art, schema.url, namedNode(urlIri(article.url)));
  for (const e of extraction.entities) add(art, schema.mentions, entityIri(e.key));
  for (const t of extraction.topics) add(art, schema.about, topicIri(t.key));

  add(ctx, rdf.type, nif.Context);
  add(ctx, rdf.type, nif.OffsetBasedString);
  add(ctx, nif.beginIndex, int(0));
  add(ctx, nif.endIndex, int(text.length));
  add(ctx, nif.isString, str(text));
  add(ctx, nif.sourceUrl, art);

  for (const s of extraction.sentences) addOffsetString(s.start, s.end, nif.Sentence);

  // ---- entities ----
  for (const e of extraction.entities) {
    const iri = entityIri(e.key);
    add(iri, rdf.type, ng[e.type]);
    add(iri, rdfs.label, str(e.label));
    for (const a of e.aliases) if (a !== e.label) add(iri, skos.altLabel, str(a));
    if (e.wikidata) add(iri, owl.sameAs, wikidataIri(e.wikidata));
    if (e.geonames) add(iri, owl.sameAs, geonamesIri(e.geonames));
    // A containing place the article never mentions has no node (no label, no type) here: leave it out.
    if (e.locatedIn && entities.has(e.locatedIn)) add(iri, ng.locatedIn, entityIri(e.locatedIn));
    for (const m of e.mentions) addMention(m, iri);
  }

  // ---- roles: a post held (person → position → org), or plain membership ----
  for (const role of extraction.roles) {
    const person = ref(role.person, 'a role');
    if (role.kind === 'member') {
      if (role.org) add(person, ng.memberOf, ref(role.org, 'a role'));
      continue;
    }
    const orgLabel = role.org === undefined ? undefined : entities.get(role.org)?.label;
    if (role.org !== undefined && orgLabel === undefined) ref(role.org, 'a role');
    const pos = positionIri(role, orgLabel, id);
    add(person, ng.holds, pos);
    add(pos, rdf.type, ng.Position);
    add(pos, rdfs.label, str(orgLabel === undefined ? role.title : `${role.title} of ${orgLabel}`));
    add(pos, ng.roleName, str(role.title));
    if (role.org) add(pos, ng.postIn, ref(role.org, 'a role'));
    add(pos, ng.evidence, sentenceIri(role.sentence));
  }

  // ---- events ----
  for (const ev of extraction.events) {
    const iri = localIri(id, ev.key);
    add(iri, rdf.type, ng[ev.kind]);
    add(iri, rdfs.label, str(ev.label));
    for (const a of ev.aliases) if (a !== ev.label) add(iri, skos.altLabel, str(a));
    for (const p of ev.participants) add(iri, ng.participant, ref(p, ev.key));
    if (ev.place) add(iri, ng.place, ref(ev.place, ev.key));
    if (ev.date) {
      const dt = dateDatatype(ev.date);
      if (dt) add(iri, ng.timeStamp, literal(ev.date, dt));
    }
    if (ev.timeText) add(iri, ng.timeText, str(ev.timeText));
    for (const t of ev.topics) add(iri, ng.topic, topicIri(t));
    if (ev.partOf) add(iri, ng.partOf, localIri(id, ev.partOf));
    if (ev.organizer) add(iri, ng.organizer, ref(ev.organizer, ev.key));
    for (const s of ev.sentences) add(iri, ng.evidence, sentenceIri(s));
    for (const m of ev.mentions) addMention(m, iri);
  }

  // ---- lasting relations ----
  for (const rel of extraction.relations) {
    const iri = localIri(id, rel.key);
    add(iri, rdf.type, ng.Relation);
    add(iri, rdfs.label, str(rel.label));
    for (const p of rel.parties) add(iri, ng.party, ref(p, rel.key));
    for (const t of rel.topics) add(iri, ng.topic, topicIri(t));
    for (const s of rel.sentences) add(iri, ng.evidence, sentenceIri(s));
  }

  // ---- topics used, described so that the output stands alone ----
  const used = new Set<string>([
    ...extraction.topics.map((t) => t.key),
    ...extraction.events.flatMap((e) => e.topics),
    ...extraction.relations.flatMap((r) => r.topics),
  ]);
  for (const key of [...used].sort()) {
    const iri = topicIri(key);
    const concept = scheme.get(key);
    add(iri, rdf.type, skos.Concept);
    add(iri, rdf.type, ng.Topic);
    add(iri, skos.prefLabel, literal(concept?.label ?? key.replace(/-/g, ' '), 'en'));
    add(iri, skos.inScheme, namedNode(TOPIC_SCHEME_IRI));
  }
  for (const t of extraction.topics) for (const m of t.mentions) addMention(m, topicIri(t.key));

  return out;
}
