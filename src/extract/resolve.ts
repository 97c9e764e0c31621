/**
 * Resolution: merges mentions into one entity per real-world thing (full name, surname and titled
 * forms of a person; an acronym and its expansion; a demonym and its country; "the North" and North
 * Korea; "the Court" and the Supreme Court) and links countries and cities to packaged identifiers.
 */
import { loadGazetteer, type CityInfo, type Gazetteer } from '../gazetteer/index.ts';
import type { Entity, EntityType, Mention } from './types.ts';
import { isAcronym, rawMention, type RawMention } from './recognize.ts';
import { compareCodeUnits } from './order.ts';

/** Entities and, for each raw mention id, the key of the entity it refers to (if any). */
export interface Resolution {
  entities: Entity[];
  entityOf: Map<number, string>;
  /** Raw mentions that name an event ("the APEC Summit"), not an entity. */
  eventMentions: RawMention[];
}

const STOP_INITIALS = new Set(['of', 'the', 'and', 'for', 'on', 'in', '&', "'s", '’s', 'de', 'di', 'da', 'del', 'y']);

/**
 * Lower-case slug for IRIs ("Prime Minister of Canada" → "prime-minister-of-canada"): marks
 * stripped ("Québec" → "quebec"), apostrophes dropped ("People's" → "peoples"), "&" read as "and";
 * names in other scripts keep their letters, percent-encoded. The one slug function of the project.
 */
export function slugify(name: string): string {
  const ascii = name.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase()
    .replace(/['’`]/g, '').replace(/&/g, ' and ').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
  if (!ascii) return 'x';
  return /^[a-z0-9-]+$/.test(ascii) ? ascii : encodeURIComponent(ascii);
}

interface Cluster {
  type: EntityType;
  names: Map<string, number>;
  mentions: RawMention[];
  countryCode?: string;
  city?: CityInfo;
  wikidata?: string;
  label?: string;
}

/** Groups raw mentions into entities. */
export function resolveEntities(text: string, mentions: RawMention[], gaz: Gazetteer = loadGazetteer()): Resolution {
  const clusters: Cluster[] = [];
  const clusterOf = new Map<number, Cluster>();
  const byCountry = new Map<string, Cluster>();
  const mentionedCountries = new Set<string>();
  const eventMentions: RawMention[] = [];
  for (const m of mentions) if (m.countryCode && (m.kind === 'country' || m.kind === 'demonym')) mentionedCountries.add(m.countryCode);
  const newCluster = (type: EntityType, m: RawMention): Cluster => {
    const c: Cluster = { type, names: new Map(), mentions: [] };
    clusters.push(c);
    attach(c, m);
    return c;
  };
  const attach = (c: Cluster, m: RawMention) => {
    c.mentions.push(m);
    // A capital standing for its country ("Ottawa seeks") is a mention of the country, not its name.
    if (!m.metonym) c.names.set(m.text, (c.names.get(m.text) ?? 0) + 1);
    clusterOf.set(m.id, c);
  };
  const countryCluster = (code: string, m: RawMention) => {
    const existing = byCountry.get(code);
    if (existing) { attach(existing, m); return; }
    const info = gaz.countries.get(code)!;
    const c = newCluster('Country', m);
    c.countryCode = code;
    c.wikidata = info.wikidata;
    c.label = info.name;
    byCountry.set(code, c);
  };

  // 1. Places from the gazetteer.
  const cityClusters = new Map<string, Cluster>();
  const regionClusters = new Map<string, Cluster>();
  clusterPlaces();
  /** Countries, cities, regions and places the gazetteer knows. */
  function clusterPlaces(): void {
    for (const m of mentions) {
      if ((m.kind === 'country' || m.kind === 'demonym') && m.countryCode) countryCluster(m.countryCode, m);
      else if (m.kind === 'city' && m.metonym && m.countryCode) {
        // "Ottawa seeks": the mention stands for the country acting, and still names the city, which
        // keeps its own node and GeoNames link (the mention points at both).
        countryCluster(m.countryCode, m);
        cityCluster(rawMention({ ...m, id: -1 - m.id, metonym: false }));
      } else if (m.kind === 'city') {
        // A name that only some small or ambiguous town bears is no evidence of a place: treat it as
        // an unknown name ("Satan", "Monti").
        if (!cityCluster(m)) m.kind = 'unknown';
      } else if (m.kind === 'region' || m.kind === 'place') {
        const key = m.text.toLowerCase().replace(/ (region|area)$/, '');
        const c = regionClusters.get(key);
        if (c) attach(c, m);
        else {
          const nc = newCluster(m.kind === 'place' ? 'Place' : 'Region', m);
          nc.wikidata = gaz.regions.get(key)?.wikidata;
          regionClusters.set(key, nc);
        }
      }
    }
  }

  /** Adds a city mention to its city's cluster; false when no city can be chosen for it. */
  function cityCluster(m: RawMention): boolean {
    const city = chooseCity(m, mentionedCountries);
    if (!city && !m.countryCode) return false;
    const key = m.text.toLowerCase();
    const c = cityClusters.get(key);
    if (c) attach(c, m);
    else {
      const nc = newCluster('City', m);
      nc.city = city;
      nc.countryCode = city?.country ?? m.countryCode;
      cityClusters.set(key, nc);
    }
    return true;
  }
  // "Indo-Pacific" and "Indo-Pacific region" are one region.
  for (const m of mentions) {
    if (clusterOf.has(m.id) || m.kind !== 'unknown') continue;
    const c = regionClusters.get(m.text.toLowerCase());
    if (c) attach(c, m);
  }

  // 2. Named events are not entities; a short form of an event's name ("the Hajj") is the event too.
  findEventMentions();
  /** Mentions of named events, with a year before them as part of the name. */
  function findEventMentions(): void {
    const eventNames = new Set<string>();
    for (const m of mentions) if (m.kind === 'event') { eventMentions.push(m); eventNames.add(m.text.toLowerCase()); }
    for (const m of mentions) {
      if (m.kind !== 'event' && (m.kind === 'unknown' || m.kind === 'org') && eventNames.has(m.text.toLowerCase())) {
        m.kind = 'event';
        eventMentions.push(m);
      }
    }
    // "the 1991 Hajj" is another event than "the Hajj": the year becomes part of its name.
    for (const m of eventMentions) {
      if (!m.yearBefore) continue;
      m.text = text.slice(m.yearBefore.start, m.end);
      m.start = m.yearBefore.start;
    }
  }

  // 3. People with two or more name words first, then organisations.
  const persons: Cluster[] = [];
  // The words of a person's names, recomputed only when the cluster gained a name.
  const tokenCache = new Map<Cluster, { size: number; words: Set<string> }>();
  const personTokens = (c: Cluster) => {
    const hit = tokenCache.get(c);
    if (hit && hit.size === c.names.size) return hit.words;
    const words = new Set([...c.names.keys()].flatMap((n) => n.split(/\s+/)));
    tokenCache.set(c, { size: c.names.size, words });
    return words;
  };
  clusterPeople();
  /** People named with two or more words; the same words (or more of them) are the same person. */
  function clusterPeople(): void {
    for (const m of mentions) {
      if (m.kind !== 'person' || clusterOf.has(m.id)) continue;
      const words = m.text.split(/\s+/);
      if (words.length < 2) continue;
      const sameSet = persons.find((p) => [...p.names.keys()].some((n) => sameWords(n, m.text)) || containsName(p, words));
      if (sameSet) attach(sameSet, m);
      else persons.push(newCluster('Person', m));
    }
  }

  const orgs: Cluster[] = [];
  // "the M5S party" and "M5S", "Yonhap news agency" and "Yonhap": trailing lower-case words aside.
  const orgKey = (s: string) => s.replace(/(?:\s+\p{Ll}+)+$/u, '').toLowerCase().replace(/^the /, '');
  const findOrg = (name: string) => orgs.find((o) => [...o.names.keys()].some((n) => orgKey(n) === orgKey(name)))
    // "Supreme Court" inside "Italian Supreme Court of Cassation": a contiguous part of one longer name.
    ?? uniqueOrNone(orgs.filter((o) => [...o.names.keys()].some((n) => name.split(/\s+/).length >= 2 && ` ${orgKey(n)} `.includes(` ${orgKey(name)} `) && orgKey(n) !== orgKey(name))));
  clusterOrganisations();
  /** Organisations by name, then acronyms (defined in parentheses, or the initials of a name). */
  function clusterOrganisations(): void {
    for (const m of mentions) {
      if (m.kind !== 'org' || clusterOf.has(m.id) || m.acronymOf !== undefined) continue;
      if (isAcronym(m.text.split(/\s+/)[0]!)) continue;
      const existing = findOrg(m.text);
      if (existing) attach(existing, m);
      else {
        const c = newCluster('Organization', m);
        // A union of states known to the gazetteer (the European Union) has a Wikidata id.
        const region = gaz.regions.get(m.text.toLowerCase());
        if (region?.union) c.wikidata = region.wikidata;
        orgs.push(c);
      }
    }
    // Acronyms: defined in parentheses, or matching the initials of a name seen in the article.
    for (const m of mentions) {
      if (clusterOf.has(m.id)) continue;
      if (m.acronymOf !== undefined) {
        const target = clusterOf.get(m.acronymOf);
        if (target) { attach(target, m); continue; }
      }
    }
    for (const m of mentions) {
      if (clusterOf.has(m.id) || !isAcronym(orgKey(m.text).toUpperCase()) || !/^\p{Lu}/u.test(m.text)) continue;
      if (!isAcronym(m.text.split(/\s+/)[0]!)) continue;
      const existing = findOrg(m.text);
      if (existing) { attach(existing, m); continue; }
      const acronym = m.text.split(/\s+/)[0]!.replace(/\./g, '').toUpperCase();
      const byInitials = orgs.filter((o) => [...o.names.keys()].some((n) => initials(n) === acronym));
      if (byInitials.length === 1) { attach(byInitials[0]!, m); continue; }
      // "NZ", "UAE": the initials of a country the article names.
      const country = [...byCountry.values()].filter((c) => initials(c.label!) === acronym && acronym.length >= 2);
      if (country.length === 1) { attach(country[0]!, m); continue; }
      if (m.kind === 'org' || m.kind === 'unknown') orgs.push(newCluster('Organization', m));
    }
  }

  // 4. Short forms: surnames and first names of people, "the Court", "the North".
  clusterShortForms();
  /** Surnames and first names of people, head words of organisations, "the North". */
  function clusterShortForms(): void {
    for (const m of mentions) {
      if (clusterOf.has(m.id) || m.kind === 'event') continue;
      const words = m.text.split(/\s+/);
      const person = persons.filter((p) => { const t = personTokens(p); return words.every((w) => t.has(w)); });
      if (person.length >= 1 && (m.kind === 'person' || m.kind === 'unknown' || m.kind === 'org')) {
        attach(nearestBefore(person, m) ?? person[0]!, m);
        continue;
      }
      if (m.definite && words.length === 1) {
        const w = words[0]!.toLowerCase();
        const country = [...byCountry.values()].filter((c) => c.label!.toLowerCase().startsWith(w + ' '));
        if (country.length === 1) { attach(country[0]!, m); continue; }
      }
      // "the Court" for "the Supreme Court", "the Church" for "the Church of Scientology"; but
      // "Bologna" is not "the University of Bologna": only the head word, never the complement of "of".
      const head = orgs.filter((o) => [...o.names.keys()].some((n) => n.split(/\s+/).length > words.length && (headOf(n) === m.text.toLowerCase() || (!/\bof\b/i.test(n) && n.toLowerCase().endsWith(' ' + m.text.toLowerCase())))));
      if (head.length === 1 && (m.definite || m.weak || m.kind === 'unknown')) { attach(head[0]!, m); continue; }
      if (m.weak) continue;
      if (m.kind === 'person') { persons.push(newCluster('Person', m)); continue; }
      if (m.kind === 'unknown') {
        const lower = m.text.toLowerCase();
        if (gaz.lexicon.lastNames.has(lower) || gaz.lexicon.firstNames.has(lower)) persons.push(newCluster('Person', m));
        else orgs.push(newCluster('Organization', m));
        continue;
      }
      if (m.kind === 'org') orgs.push(newCluster('Organization', m));
    }
  }

  // A person cluster whose single-word names all turn out to be organisations' is left as is: the
  // recogniser's evidence (a title, a first name) decides the type.

  // Acronyms only ever used as modifiers ("the IMU system") and never expanded are not organisations.
  for (const c of clusters) if (c.type === 'Organization' && c.mentions.length && c.mentions.every((m) => m.modifier)) c.mentions = [];

  // 5. Entities with stable keys.
  const entities: Entity[] = [];
  const entityOf = new Map<number, string>();
  const usedKeys = new Map<string, Entity>();
  makeEntities();
  /** One entity per cluster (clusters with the same key merge), cities located in the countries named. */
  function makeEntities(): void {
    for (const c of clusters) {
      if (!c.mentions.length) continue;
      const label = c.label ?? chooseLabel(c);
      const key = entityKey(c, label);
      const mentionsOut: Mention[] = c.mentions
        .map((m) => ({ start: m.start, end: m.end, text: text.slice(m.start, m.end), sentence: m.sentence }))
        .sort((a, b) => a.start - b.start || a.end - b.end);
      const names = new Set<string>();
      for (const n of c.names.keys()) names.add(n);
      // Titled forms are aliases too: "Prime Minister Carney", "Canadian Prime Minister Mark Carney".
      if (c.type === 'Person') {
        for (const m of c.mentions) {
          if (!m.title || !/^\p{Lu}/u.test(m.title.text)) continue;
          names.add(oneLine(text.slice(m.title.start, m.end)));
          const q = m.titleOf !== undefined ? mentions[m.titleOf] : undefined;
          if (q && q.end <= m.title.start && m.title.start - q.end <= 1) names.add(oneLine(text.slice(q.start, m.end)));
        }
      }
      names.delete(label);
      const prev = usedKeys.get(key);
      if (prev) {
        // Two clusters with the same canonical name are one entity.
        for (const m of mentionsOut) prev.mentions.push(m);
        prev.mentions.sort((a, b) => a.start - b.start || a.end - b.end);
        prev.aliases = [...new Set([...prev.aliases, ...names])].filter((a) => a !== prev.label).sort();
        for (const m of c.mentions) entityOf.set(m.id, key);
        continue;
      }
      const entity: Entity = { key, type: c.type, label, aliases: [...names].sort(), mentions: mentionsOut };
      if (c.wikidata) entity.wikidata = c.wikidata;
      if (c.city) { entity.geonames = c.city.geonamesId; entity.countryCode = c.city.country; }
      else if (c.countryCode) entity.countryCode = c.countryCode;
      usedKeys.set(key, entity);
      entities.push(entity);
      for (const m of c.mentions) entityOf.set(m.id, key);
    }
    // Cities lie in the countries the article mentions.
    for (const e of entities) {
      if (e.type !== 'City' || !e.countryCode) continue;
      const country = entities.find((x) => x.type === 'Country' && x.countryCode === e.countryCode);
      if (country) e.locatedIn = country.key;
    }
  }

  entities.sort((a, b) => compareCodeUnits(a.key, b.key));
  return { entities, entityOf, eventMentions };
}

/** The canonical name: the longest form seen without title or possessive, preferring non-acronyms. */
function chooseLabel(c: Cluster): string {
  const names = [...c.names.keys()];
  const score = (n: string) => (isAcronym(n) ? 0 : 1000) + n.split(/\s+/).length * 10 + (c.names.get(n) ?? 0);
  return names.sort((a, b) => score(b) - score(a) || compareCodeUnits(a, b))[0]!;
}

function entityKey(c: Cluster, label: string): string {
  switch (c.type) {
    case 'Person': return `person/${slugify(label)}`;
    case 'Organization': return `organization/${slugify(label)}`;
    case 'Country': return `country/${slugify(label)}`;
    case 'City': return `city/${(c.city?.country ?? c.countryCode ?? 'xx').toLowerCase()}/${slugify(label)}`;
    case 'Region': return `region/${slugify(label.replace(/ (region|area)$/i, ''))}`;
    default: return `place/${slugify(label)}`;
  }
}

function uniqueOrNone<T>(list: T[]): T | undefined {
  return list.length === 1 ? list[0] : undefined;
}

/** The head of a name: the word before "of" ("Church of Scientology" → "church"), else the last word. */
function headOf(name: string): string {
  const w = name.toLowerCase().split(/\s+/);
  const of = w.indexOf('of');
  return of > 0 ? w[of - 1]! : w[w.length - 1]!;
}

/** Collapses white space (a name split across lines) to single spaces. */
function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ');
}

const sortedWords = new Map<string, string>();
/** Whether two names have the same words in any order ("Meng Wanzhou", "Wanzhou Meng"). */
function sameWords(a: string, b: string): boolean {
  const key = (n: string) => {
    let k = sortedWords.get(n);
    if (k === undefined) {
      k = n.split(/\s+/).sort().join(' ');
      if (sortedWords.size > 50000) sortedWords.clear();
      sortedWords.set(n, k);
    }
    return k;
  };
  return a.length === b.length && key(a) === key(b);
}

function containsName(p: Cluster, words: string[]): boolean {
  // "Mark Carney" and "Mark J. Carney"; a longer name that contains every word of a known one.
  return [...p.names.keys()].some((n) => {
    const w = n.split(/\s+/);
    return w.length >= 2 && w.every((x) => words.includes(x));
  });
}

function nearestBefore(list: Cluster[], m: RawMention): Cluster | undefined {
  let best: Cluster | undefined;
  let bestPos = -1;
  for (const c of list) {
    for (const x of c.mentions) if (x.start < m.start && x.start > bestPos) { bestPos = x.start; best = c; }
  }
  return best;
}

/** Initials of a name for acronym matching: "Korean People's Army" → "KPA", "Asia-Pacific ..." → "AP...". */
export function initials(name: string): string {
  return name.split(/[\s\-–]+/).filter((w) => w && !STOP_INITIALS.has(w.toLowerCase())).map((w) => w[0]!.toUpperCase()).join('');
}

/**
 * Picks the city a name refers to: the most populous namesake in a country the article mentions,
 * else the most populous one when it dwarfs the others; undefined when that is not clear (no link
 * is better than a wrong one).
 */
export function chooseCity(m: RawMention, mentionedCountries: Set<string>): CityInfo | undefined {
  const cands = m.cities ?? [];
  if (m.countryCode) {
    const inCountry = cands.filter((c) => c.country === m.countryCode);
    if (inCountry.length) return inCountry[0];
  }
  const local = cands.filter((c) => mentionedCountries.has(c.country));
  if (local.length) {
    if (local.length === 1 || local[0]!.population >= 3 * local[1]!.population) return local[0];
    return undefined;
  }
  if (cands.length === 1) return cands[0]!.population >= 15000 ? cands[0] : undefined;
  if (cands.length > 1 && cands[0]!.population >= 100000 && cands[0]!.population >= 3 * cands[1]!.population) return cands[0];
  return undefined;
}
