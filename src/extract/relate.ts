/**
 * Relation extraction: roles ("Canadian Prime Minister Mark Carney"), events from verbal and nominal
 * triggers ("X met Y", "the 2018 arrest of X in Vancouver") with participants, place, time, topics
 * and coreference ("the talks", "the meeting"), and lasting relations between actors
 * ("Canada-China relations", "tensions between the two nations").
 */
import type { Entity, EventKind, Mention, NewsEvent, Relation, Role } from './types.ts';
import type { Segmentation, Token } from './segment.ts';
import type { RawMention } from './recognize.ts';
import type { Resolution } from './resolve.ts';
import { ADDRESS_TITLES, titleCase } from '../gazetteer/index.ts';
import type { TopicHit } from './topics.ts';
import { findDateNear } from './time.ts';
import { compareCodeUnits } from './order.ts';

/** Trigger words by event kind: nouns and verb forms of general English news writing. */
const TRIGGERS: Record<string, EventKind> = {};
const add = (kind: EventKind, words: string) => { for (const w of words.split(/\s+/)) TRIGGERS[w] = kind; };
add('Meeting', 'meeting meetings meet meets met talks talk talked discussed discuss discusses discussion discussions negotiations negotiation negotiated negotiate dialogue dialog conversation conversations consultations bilateral');
add('Summit', 'summit summits');
add('Arrest', 'arrest arrests arrested detention detained detain extradition extradited custody');
add('Attack', 'attack attacks attacked strike strikes struck bombing bombings bombed shelling shelled shells fire fired firing clash clashes clashed shooting shootings shot assault invasion invaded raid raids airstrike airstrikes offensive');
add('Election', 'election elections elected vote votes voted referendum ballot');
add('Protest', 'protest protests protested demonstration demonstrations rally rallies march marched riot riots');
add('Agreement', 'agreement agreements agreed deal deals treaty treaties accord accords pact signed');
add('Visit', 'visit visits visited trip');
add('Ruling', 'ruling ruled verdict judgment judgement sentenced convicted acquitted');
add('Accident', 'crash crashed collision collided collapsed collapse accident derailment explosion exploded fell fall');
add('Disaster', 'earthquake earthquakes flood floods flooding hurricane storm typhoon cyclone stampede landslide tsunami wildfire wildfires drought eruption');
add('Communication', 'communications communication backchannel call calls phoned');

/** Kinds whose definite mentions ("the talks") may refer back to an event of another listed kind. */
const COREF_GROUPS: EventKind[][] = [['Meeting'], ['Summit'], ['Attack'], ['Arrest'], ['Election'], ['Protest'], ['Agreement'], ['Visit'], ['Ruling'], ['Accident', 'Disaster'], ['Communication'], ['Announcement']];
const DEFINITE = new Set(['the', 'this', 'that', 'these', 'those', 'their', 'its', 'his', 'her']);
const RELATION_NOUNS = new Set(['relations', 'relation', 'relationship', 'relationships', 'ties', 'tension', 'tensions', 'rivalry', 'cooperation', 'dispute', 'disputes', 'alliance', 'partnership', 'feud', 'standoff', 'rift']);
const GROUP_NOUNS = /^(?:the two|both) (?:nations|countries|governments|states|sides|neighbours|neighbors|powers|leaders|parties)$/;
const PLACE_PREPS = new Set(['in', 'at', 'near', 'outside', 'inside', 'into']);
const ACTOR_TYPES = new Set(['Person', 'Organization', 'Country']);
const MAX_CLAUSE = 40;

/** An event trigger: a noun ("meeting", with its noun modifiers: "backchannel communications") or a verb. */
interface TriggerMention extends Mention {
  noun?: boolean;
  phrase?: string;
}

/** What relate() works on. */
export interface RelateInput {
  text: string;
  seg: Segmentation;
  mentions: RawMention[];
  resolution: Resolution;
  topicHits: TopicHit[];
  /** Publication date, ISO (for dates without a year). */
  articleDate?: string;
}

/** Roles, events and relations of an article. */
export interface RelateOutput {
  roles: Role[];
  events: NewsEvent[];
  relations: Relation[];
}

/** Extracts roles, events and relations. */
export function relate(input: RelateInput): RelateOutput {
  const { seg, mentions, resolution } = input;
  const { tokens } = seg;
  const entityByKey = new Map(resolution.entities.map((e) => [e.key, e]));
  const keyOf = (m: RawMention | undefined) => (m ? resolution.entityOf.get(m.id) : undefined);
  const entityOfMention = (m: RawMention | undefined) => { const k = keyOf(m); return k ? entityByKey.get(k) : undefined; };
  // Resolved mentions by token position (for look-ups around triggers), by the token they end at
  // (first one wins), by sentence, and by token range.
  const mentionAtToken = new Map<number, RawMention>();
  const endingAt = new Map<number, RawMention>();
  const bySentence = new Map<number, RawMention[]>();
  const sameTokens = new Map<number, RawMention[]>();
  indexMentions();
  /** Fills the four indexes above. */
  function indexMentions(): void {
    for (const m of mentions) if (resolution.entityOf.has(m.id)) for (let t = m.tokenStart; t < m.tokenEnd; t++) if (!mentionAtToken.has(t)) mentionAtToken.set(t, m);
    for (const m of mentions) {
      if (!resolution.entityOf.has(m.id)) continue;
      if (!endingAt.has(m.tokenEnd)) endingAt.set(m.tokenEnd, m);
      const l = bySentence.get(m.sentence);
      if (l) l.push(m); else bySentence.set(m.sentence, [m]);
      if (m.tokenEnd === m.tokenStart + 1) {
        const t = sameTokens.get(m.tokenStart);
        if (t) t.push(m); else sameTokens.set(m.tokenStart, [m]);
      }
    }
  }
  const mentionEndingAt = (tokenEnd: number) => endingAt.get(tokenEnd);

  // Countries by salience, for "the two nations" and "both countries".
  const countries = resolution.entities.filter((e) => e.type === 'Country').sort((a, b) => b.mentions.length - a.mentions.length || compareCodeUnits(a.key, b.key));
  const salientPair = countries.length >= 2 && (countries.length === 2 || countries[1]!.mentions.length > countries[2]!.mentions.length) ? [countries[0]!.key, countries[1]!.key] : undefined;

  // ---- roles ----
  const roles: Role[] = [];
  const qualifierIds = new Set<number>();
  const addRole = (person: string | undefined, title: string, org: string | undefined, sentence: number) => {
    if (!person || !org || person === org) return;
    const t = normaliseTitle(title);
    if (!t || ADDRESS_TITLES.has(t.toLowerCase().replace(/\.$/, ''))) return;
    const orgEntity = entityByKey.get(org);
    if (!orgEntity || orgEntity.type === 'Person') return;
    if (roles.some((r) => r.person === person && r.title === t && r.org === org)) return;
    roles.push({ person, title: t, org, kind: 'post', sentence });
  };
  findRoles();
  /** Roles from titles, appositions, "NAME of ORG" and organisations that belong to a country or a larger organisation. */
  function findRoles(): void {
    for (const m of mentions) {
      if (!m.title || !resolution.entityOf.has(m.id)) continue;
      const person = entityOfMention(m);
      if (person?.type !== 'Person') continue;
      let qual = m.titleOf !== undefined ? mentions[m.titleOf] : undefined;
      // "China's President Xi": a possessive right before the title.
      const before = tokens[m.title.tokenStart - 1];
      if (!qual && before && /^['’]s$/.test(before.text)) qual = mentionEndingAt(m.title.tokenStart - 1);
      if (qual) qualifierIds.add(qual.id);
      addRole(person.key, m.title.text, keyOf(qual), m.sentence);
    }
    // Appositions: "Roberto Maroni, the president of the Lombardy region," and "the secretary general
    // of CEI (...), Nunzio Galantino".
    for (const m of mentions) {
      const person = entityOfMention(m);
      if (person?.type !== 'Person') continue;
      const after = apposedTitle(m.tokenEnd, +1);
      if (after) { addRole(person.key, after.title, keyOf(after.org), m.sentence); if (after.org) qualifierIds.add(after.org.id); }
      const before = apposedTitle(m.tokenStart - 1, -1);
      if (before) { addRole(person.key, before.title, keyOf(before.org), m.sentence); if (before.org) qualifierIds.add(before.org.id); }
    }

    // "Matthew Ingram of The Globe and Mail": a person's name followed by "of" and an organisation.
    for (const m of mentions) {
      const person = entityOfMention(m);
      if (person?.type !== 'Person' || tokens[m.tokenEnd]?.lower !== 'of') continue;
      let k = m.tokenEnd + 1;
      if (tokens[k]?.lower === 'the') k++;
      const org = entityOfMention(mentionAtToken.get(k));
      if (org?.type === 'Organization') addMembership(person.key, org.key, m.sentence);
    }
    // "North Korea's main news agency Korean Central News Agency", "Saudi Arabia's Civil Defense
    // Authority": an organisation that belongs to a country or a larger organisation.
    for (const m of mentions) {
      const org = entityOfMention(m);
      if (org?.type !== 'Organization') continue;
      let k = m.tokenStart - 1;
      let words = 0;
      while (k >= 0 && words < 4 && /^\p{Ll}/u.test(tokens[k]!.text) && /^(ADJ|NOUN)$/.test(tokens[k]!.pos)) { k--; words++; }
      if (!/^['’]s$/.test(tokens[k]?.text ?? '')) continue;
      const owner = mentionEndingAt(k);
      const ownerEntity = entityOfMention(owner);
      if (ownerEntity && (ownerEntity.type === 'Country' || ownerEntity.type === 'Organization') && ownerEntity.key !== org.key) addMembership(org.key, ownerEntity.key, m.sentence);
    }
  }

  function addMembership(member: string, org: string, sentence: number) {
    if (roles.some((r) => r.person === member && r.org === org)) return;
    roles.push({ person: member, title: 'Member', org, kind: 'member', sentence });
  }

  /** A title phrase "(the) TITLE of|at|for (the) ORG" next to a comma, after (+1) or before (-1) a name. */
  function apposedTitle(at: number, dir: 1 | -1): { title: string; org?: RawMention } | undefined {
    if (dir === 1) {
      if (tokens[at]?.text !== ',') return undefined;
      let i = at + 1;
      if (tokens[i] && /^(the|a|an)$/.test(tokens[i]!.lower)) i++;
      // "X, Huawei's chief executive" / "X, the company's CEO"
      const possessor = mentionAtToken.get(i);
      if (possessor && /^['’]s$/.test(tokens[possessor.tokenEnd]?.text ?? '')) {
        const tEnd = titleRun(possessor.tokenEnd + 1);
        if (tEnd > possessor.tokenEnd + 1) return { title: textOfTokens(possessor.tokenEnd + 1, tEnd), org: possessor };
      }
      const tEnd = titleRun(i);
      if (tEnd === i) return undefined;
      // "editor at large at the Saudi Gazette": the first of|at|for within a few words of the title.
      for (let p = tEnd; p < tEnd + 4 && p < tokens.length; p++) {
        const w = tokens[p]!;
        if (/^[,;.()"“”]$/.test(w.text) || w.pos === 'VERB') return undefined;
        if (!/^(of|at|for|to|with)$/.test(w.lower)) continue;
        let k = p + 1;
        if (tokens[k]?.lower === 'the') k++;
        const org = mentionAtToken.get(k);
        if (org && entityOfMention(org)?.type !== 'Person') return { title: textOfTokens(i, tEnd), org };
      }
      return undefined;
    }
    // Before the name: "..., <title> of <org> (...), NAME"
    if (tokens[at]?.text !== ',') return undefined;
    let k = at - 1;
    if (tokens[k]?.text === ')') { while (k > 0 && tokens[k]!.text !== '(') k--; k--; }
    const org = mentionAtToken.get(k);
    if (!org) return undefined;
    let p = org.tokenStart - 1;
    if (tokens[p]?.lower === 'the') p--;
    if (!tokens[p] || !/^(of|at|for)$/.test(tokens[p]!.lower)) return undefined;
    let s = p;
    while (s - 1 >= 0 && isTitleToken(tokens[s - 1]!) && tokens[s - 1]!.sentence === org.sentence) s--;
    if (s === p) return undefined;
    return { title: textOfTokens(s, p), org };
  }
  function titleRun(i: number): number {
    let j = i;
    while (j < tokens.length && j - i < 4 && isTitleToken(tokens[j]!)) j++;
    return j;
  }

  // ---- events ----
  const events: NewsEvent[] = [];
  const eventOfNamed = new Map<string, NewsEvent>();
  findNamedEvents();
  /** Named events ("the APEC Summit") first: they have names and may be referred to later. */
  function findNamedEvents(): void {
    for (const m of resolution.eventMentions) {
      const name = m.text;
      const k = name.toLowerCase();
      let ev = eventOfNamed.get(k);
      const mention: Mention = { start: m.start, end: m.end, text: input.text.slice(m.start, m.end), sentence: m.sentence };
      if (!ev) {
        ev = newEvent(kindOfNamed(name), name, m.sentence, mention);
        ev.aliases = [];
        // "Asia-Pacific Economic Cooperation (APEC) Summit": the organisation is the organizer, and
        // "APEC Summit" is another name of the event.
        const inner = mentions.find((x) => x.start >= m.start && x.end < m.end && resolution.entityOf.has(x.id) && entityOfMention(x)?.type === 'Organization');
        if (inner) {
          ev.organizer = keyOf(inner);
          const acr = entityOfMention(inner)?.aliases.find((a) => /^\p{Lu}{2,}$/u.test(a)) ?? (/^\p{Lu}{2,}$/u.test(inner.text) ? inner.text : undefined);
          const head = name.split(/\s+/).pop()!;
          if (acr) ev.aliases.push(`${acr} ${head}`);
        }
        eventOfNamed.set(k, ev);
        events.push(ev);
      } else addMention(ev, mention);
      const [, sentEnd] = seg.sentenceTokens[m.sentence]!;
      const place = findPlace(m.tokenEnd, sentEnd);
      if (place && !ev.place) ev.place = place;
    }
  }

  const namedEvents = new Set(eventOfNamed.values());
  const namedEventAt = (tokenIdx: number) => resolution.eventMentions.find((m) => m.tokenStart <= tokenIdx && tokenIdx < m.tokenEnd);

  for (let s = 0; s < seg.sentenceTokens.length; s++) {
    const [sa, sb] = seg.sentenceTokens[s]!;
    for (let i = sa; i < sb; i++) eventAt(i, s, sa, sb);
  }
  /** An event told by the trigger word at token i of sentence s (tokens [sa, sb)), if it is one: a new event or a mention of one already told. */
  function eventAt(i: number, s: number, sa: number, sb: number): void {
    const t = tokens[i]!;
    const kind = TRIGGERS[t.lower];
    if (!kind || !isTriggerPos(t, kind)) return;
    // Phrasal verbs are other verbs: "ruled out", "called off", "fired back".
    if (t.pos === 'VERB' && /^(out|off|back|up|down)$/.test(tokens[i + 1]?.lower ?? '')) return;
    if (namedEventAt(i) || mentionAtToken.has(i)) return;
    // "backchannel communications": the last noun of a compound is the trigger.
    const nextTok = tokens[i + 1];
    if (t.pos === 'NOUN' && nextTok && nextTok.pos === 'NOUN' && TRIGGERS[nextTok.lower] === kind) return;
    // "fire" as a verb of shooting only with a weapon or an object nearby; "call" only as a noun.
    const isVerb = t.pos === 'VERB' || t.pos === 'AUX';
    const det = definiteBefore(i, sa);
    const clause = clauseBounds(i, sa, sb);
    const participants = new Set<string>();
    // "the arrest of X", "talks between X and Y", "attack on X", "meeting with X"
    for (const key of nominalArguments(i, clause[1])) participants.add(key);
    // "X met Y", "X and Y discussed ...": actors in the clause before and after a verb.
    if (isVerb) {
      for (const key of actorsIn(clause[0], i)) participants.add(key);
      for (const key of actorsIn(i + 1, Math.min(clause[1], i + 12))) participants.add(key);
    } else {
      // "X and Y held a meeting", "the leaders of X and Y held their first formal meeting": the
      // subject of the verb whose object the trigger is.
      const verb = governingVerb(clause[0], i);
      if (verb !== undefined) for (const key of actorsIn(clause[0], verb)) participants.add(key);
    }
    for (const key of groupActors(clause[0], clause[1])) participants.add(key);
    // "visited Bologna": the object of a verb of visiting is the place.
    const objectPlace = kind === 'Visit' && isVerb ? entityOfMention(mentionAtToken.get(i + 1)) : undefined;
    const place = isPlace(objectPlace) ? objectPlace!.key : findPlace(i + 1, clause[1]);
    const date = findDateNear(tokens, i, clause[0], clause[1], input.articleDate);
    const partOf = findSuperEvent(i + 1, clause[1]) ?? findSuperEvent(clause[0], i);
    const mention: TriggerMention = { start: t.start, end: t.end, text: t.text, sentence: s, noun: !isVerb, phrase: nounCompound(i) };

    // Coreference: "the talks", "the meeting", or another trigger of a kind already seen with the same actors.
    const group = COREF_GROUPS.find((g) => g.includes(kind)) ?? [kind];
    let prior: NewsEvent | undefined;
    for (let e = events.length - 1; e >= 0; e--) {
      const ev = events[e]!;
      if (group.includes(ev.kind) && !namedEvents.has(ev) && compatible(ev, participants, date?.value)) { prior = ev; break; }
    }
    // A bare plural or indefinite noun with no actor ("future ... trade discussions") is not
    // the event already told; a definite one ("the talks") or a verb with its actors is.
    const selfStanding = (kind === 'Accident' || kind === 'Disaster') && !!place;
    if (!isVerb && !det && participants.size === 0 && !selfStanding) return;
    if (prior && (det || participants.size === 0 || overlaps(prior, participants) || prior.kind === kind)) {
      addMention(prior, mention);
      if (!prior.sentences.includes(s)) prior.sentences.push(s);
      for (const p of participants) if (!prior.participants.includes(p)) prior.participants.push(p);
      if (place && precision(place) > precision(prior.place)) prior.place = place;
      if (!prior.date && date) { prior.date = date.value; prior.timeText = date.text; }
      if (!prior.partOf && partOf) prior.partOf = partOf;
      return;
    }
    // "future ministerial visits", "an international summit": no actor, nothing to say; accidents
    // and disasters are events by themselves when the text says where they happened.
    if (participants.size === 0 && !(place && (kind === 'Accident' || kind === 'Disaster'))) return;
    const ev = newEvent(kind, '', s, mention);
    ev.participants = [...participants];
    if (place) ev.place = place;
    if (date) { ev.date = date.value; ev.timeText = date.text; }
    if (partOf) ev.partOf = partOf;
    events.push(ev);
  }

  // Topics of each event and relation: those named in the sentences that state it.
  const topicsBySentence = new Map<number, string[]>();
  finishEvents();
  /** Topics, labels, other names and keys of the events; partOf from a name to a key. */
  function finishEvents(): void {
    for (const h of input.topicHits) {
      const l = topicsBySentence.get(h.sentence) ?? [];
      if (!l.includes(h.key)) l.push(h.key);
      topicsBySentence.set(h.sentence, l);
    }
    for (const ev of events) {
      ev.sentences.sort((a, b) => a - b);
      ev.topics = [...new Set(ev.sentences.flatMap((s) => topicsBySentence.get(s) ?? []))].sort();
      ev.participants.sort();
      if (!ev.label) {
        ev.label = eventLabel(ev, entityByKey);
        // The words the text uses for it ("talks", "dialogue", "crane collapse") are its other names.
        const phrases = (ev.mentions as TriggerMention[]).filter((m) => m.noun).map((m) => (m.phrase ?? m.text).toLowerCase());
        ev.aliases = [...new Set(phrases)].filter((p) => p !== ev.label.toLowerCase()).sort();
      }
      ev.key = `event-${ev.mentions[0]!.start}`;
    }
    // partOf held the lower-cased name of a named event until keys existed.
    for (const ev of events) {
      if (!ev.partOf) continue;
      const sup = events.find((e) => e !== ev && e.label.toLowerCase() === ev.partOf);
      ev.partOf = sup?.key;
    }
  }

  // ---- relations ----
  const relations: Relation[] = [];
  const relationFor = (parties: string[], s: number) => {
    const ps = [...new Set(parties)].sort();
    if (ps.length < 2) return;
    let r = relations.find((x) => x.parties.join('|') === ps.join('|'));
    if (!r) {
      r = { key: '', kind: 'Relation', label: ps.map((p) => entityByKey.get(p)!.label).join('–') + ' relations', parties: ps, topics: [], sentences: [] };
      relations.push(r);
    }
    if (!r.sentences.includes(s)) r.sentences.push(s);
  };
  findRelations();
  /** Lasting relations ("Canada-China relations", "tensions between the two nations"), with their topics and keys. */
  function findRelations(): void {
    for (let s = 0; s < seg.sentenceTokens.length; s++) {
      const [sa, sb] = seg.sentenceTokens[s]!;
      for (let i = sa; i < sb; i++) {
        if (!RELATION_NOUNS.has(tokens[i]!.lower)) continue;
        // "Canada-China relations": two countries joined by a hyphen right before the noun.
        const sameToken = sameTokens.get(i - 1) ?? [];
        if (sameToken.length >= 2) { relationFor(sameToken.map((m) => keyOf(m)!), s); continue; }
        // "relations between X and Y", "tensions ... between the two nations"
        const between = findBetween(i + 1, sb);
        if (between.length >= 2) relationFor(between, s);
      }
    }
    for (const r of relations) {
      r.sentences.sort((a, b) => a - b);
      r.topics = [...new Set(r.sentences.flatMap((s) => topicsBySentence.get(s) ?? []))].sort();
      r.key = `relation-${r.parties.map((p) => p.replace(/[^a-z0-9]+/g, '-')).join('--')}`;
    }
  }

  roles.sort((a, b) => compareCodeUnits(a.person, b.person) || compareCodeUnits(a.title, b.title));
  return { roles, events, relations };

  // ---- helpers (closures over the article) ----
  function newEvent(kind: EventKind, label: string, sentence: number, mention: Mention): NewsEvent {
    // Every field from the start, so that all events share one object shape.
    return {
      key: '', kind, label, aliases: [], participants: [], place: undefined, date: undefined, timeText: undefined, topics: [],
      partOf: undefined, organizer: undefined, mentions: [mention], sentences: [sentence],
    };
  }
  function addMention(ev: NewsEvent, m: Mention) {
    if (!ev.mentions.some((x) => x.start === m.start)) ev.mentions.push(m);
    if (!ev.sentences.includes(m.sentence)) ev.sentences.push(m.sentence);
  }
  function compatible(e: NewsEvent, _participants: Set<string>, date?: string): boolean {
    return !(date && e.date && date !== e.date);
  }
  function overlaps(e: NewsEvent, ps: Set<string>): boolean {
    if (!e.participants.length || !ps.size) return true;
    return [...ps].some((p) => e.participants.includes(p)) || relatedActors(e.participants, ps);
  }
  /** Countries and the people holding posts in them count as the same side. */
  function relatedActors(a: string[], b: Set<string>): boolean {
    const side = (k: string) => roles.filter((r) => r.person === k).map((r) => r.org!).concat(k);
    const sa = new Set(a.flatMap(side));
    return [...b].some((k) => side(k).some((x) => sa.has(x)));
  }
  function definiteBefore(i: number, sa: number): boolean {
    for (let k = i - 1; k >= sa && k >= i - 4; k--) {
      const w = tokens[k]!;
      if (DEFINITE.has(w.lower)) return true;
      if (w.pos === 'DET' || w.pos === 'PUNCT' || w.pos === 'VERB' || w.pos === 'ADP') return false;
    }
    return false;
  }
  function clauseBounds(i: number, sa: number, sb: number): [number, number] {
    let a = i;
    while (a > sa && i - a < MAX_CLAUSE && !/^[;:—–]$/.test(tokens[a - 1]!.text) && !/^(while|though|although|whereas|but|because|that|said|says|say|reported|learned|added|stated|told|according)$/.test(tokens[a - 1]!.lower)) a--;
    let b = i + 1;
    while (b < sb && b - i < MAX_CLAUSE && !/^[;:—–]$/.test(tokens[b]!.text) && !/^(while|though|although|whereas|but|because|which|who|where)$/.test(tokens[b]!.lower)) b++;
    return [a, b];
  }
  function isActorMention(m: RawMention): boolean {
    const e = entityOfMention(m);
    return !!e && ACTOR_TYPES.has(e.type);
  }
  /** Actors named in [a, b), leaving out title qualifiers and places after "in"/"at". */
  function actorsIn(a: number, b: number): string[] {
    const out: string[] = [];
    if (a >= b) return out;
    const candidates = [...(bySentence.get(tokens[a]!.sentence) ?? []), ...(tokens[b - 1]!.sentence !== tokens[a]!.sentence ? bySentence.get(tokens[b - 1]!.sentence) ?? [] : [])];
    for (const m of candidates) {
      if (m.tokenStart < a || m.tokenEnd > b || !isActorMention(m) || qualifierIds.has(m.id)) continue;
      const prev = tokens[m.tokenStart - 1];
      if (prev && PLACE_PREPS.has(prev.lower)) continue;
      // "near Nairobi, Kenya": the country after a place is part of the place's name.
      const before = entityOfMention(mentionEndingAt(m.tokenStart - 1));
      if (prev?.text === ',' && (before?.type === 'City' || before?.type === 'Place' || before?.type === 'Region') && entityOfMention(m)?.type === 'Country') continue;
      if (tokens[m.tokenEnd] && /^['’]s$/.test(tokens[m.tokenEnd]!.text) && entityOfMention(m)?.type !== 'Country') continue;
      out.push(keyOf(m)!);
    }
    return out;
  }
  /** "arrest of X", "meeting with X", "talks between X and Y", "attack on X". */
  function nominalArguments(i: number, end: number): string[] {
    let k = i + 1;
    const prep = tokens[k];
    if (!prep || !/^(of|with|between|on|against|by|among)$/.test(prep.lower)) return [];
    k++;
    const out: string[] = [];
    // Take actors up to the next preposition that is not a coordination, skipping title qualifiers.
    for (; k < end && k < i + 14; k++) {
      const w = tokens[k]!;
      if (PLACE_PREPS.has(w.lower) || /^[,;.]$/.test(w.text) && !/^(and|,)$/.test(tokens[k + 1]?.lower ?? '')) break;
      const m = mentionAtToken.get(k);
      if (m && isActorMention(m) && !qualifierIds.has(m.id)) { const key = keyOf(m)!; if (!out.includes(key)) out.push(key); k = m.tokenEnd - 1; }
    }
    const grp = groupAt(i + 2);
    return grp.length ? grp : out;
  }
  /** The verb whose object a nominal trigger is ("held" in "X and Y held their first meeting"). */
  function governingVerb(a: number, i: number): number | undefined {
    for (let k = i - 1; k >= a && k >= i - 6; k--) {
      const t = tokens[k]!;
      if (t.pos === 'VERB' || t.pos === 'AUX') return /^(held|hold|holds|holding|had|have|has|begin|began|begun|start|started|starts|opened|open|opens|concluded|ended|launched|launch|staged|stage|carried|signed|sign|signs|reached|reach|conducted|conduct|made|make|attended|attend|exchanged|exchange|traded|trade|mounted|mount|waged|wage)$/.test(t.lower) ? k : undefined;
      // Only determiners, adjectives, numbers and possessives may stand between verb and object.
      if (!/^(DET|ADJ|NUM|PRON|ADV|NOUN|PART|PROPN)$/.test(t.pos)) return undefined;
    }
    return undefined;
  }
  /** "the two nations", "both countries": the two most salient countries of the article. */
  function groupAt(k: number): string[] {
    const first = tokens[k]?.lower;
    if (!salientPair || (first !== 'the' && first !== 'both')) return [];
    for (const n of [2, 3]) if (GROUP_NOUNS.test(tokens.slice(k, k + n).map((t) => t.lower).join(' '))) return salientPair;
    return [];
  }
  function groupActors(a: number, b: number): string[] {
    for (let k = a; k < b; k++) {
      const g = groupAt(k);
      if (g.length && /^(countries|nations|governments|states)$/.test(tokens[k + 2]?.lower ?? '')) return g;
    }
    return [];
  }
  /** "in Vancouver", "at the border near X": the first place after a locative preposition. */
  function findPlace(a: number, b: number): string | undefined {
    for (let k = a; k < b && k < a + 12; k++) {
      if (!PLACE_PREPS.has(tokens[k]!.lower)) continue;
      let j = k + 1;
      if (tokens[j]?.lower === 'the') j++;
      let m = mentionAtToken.get(j);
      // "into Mecca's Grand Mosque": the possessed place is the more precise one.
      const after = m ? mentionAtToken.get(m.tokenEnd + 1) : undefined;
      if (m && after && /^['’]s$/.test(tokens[m.tokenEnd]?.text ?? '') && isPlace(entityOfMention(after))) m = after;
      const e = entityOfMention(m);
      if (isPlace(e)) return e!.key;
    }
    return undefined;
  }
  function isPlace(e: Entity | undefined): boolean {
    return !!e && ['City', 'Region', 'Country', 'Place'].includes(e.type);
  }
  /** Places from most to least precise: a named site, a city, a region, a country. */
  function precision(key: string | undefined): number {
    const t = key ? entityByKey.get(key)?.type : undefined;
    return t === 'Place' ? 4 : t === 'City' ? 3 : t === 'Region' ? 2 : t === 'Country' ? 1 : 0;
  }
  /** "took place during the X Summit", "on the sidelines of the X Summit". */
  function findSuperEvent(a: number, b: number): string | undefined {
    for (let k = a; k < b; k++) {
      if (!/^(during|at|on)$/.test(tokens[k]!.lower)) continue;
      for (let j = k + 1; j < Math.min(b, k + 8); j++) {
        const named = namedEventAt(j);
        if (named) {
          const ev = eventOfNamed.get(named.text.toLowerCase());
          if (ev) { return ev.label.toLowerCase(); }
        }
      }
    }
    return undefined;
  }
  /** "between X and Y" after a relation noun. */
  function findBetween(a: number, b: number): string[] {
    for (let k = a; k < b; k++) {
      if (tokens[k]!.lower !== 'between') continue;
      const grp = groupAt(k + 1);
      if (grp.length) return grp;
      const out: string[] = [];
      for (let j = k + 1; j < b && j < k + 12; j++) {
        const m = mentionAtToken.get(j);
        if (m && isActorMention(m) && !qualifierIds.has(m.id)) { out.push(keyOf(m)!); j = m.tokenEnd - 1; }
        else if (/^[,;.]$/.test(tokens[j]!.text)) break;
      }
      return [...new Set(out)];
    }
    return [];
  }
  /** "artillery fire", "backchannel communications": a trigger noun with the nouns before it. */
  function nounCompound(i: number): string {
    let a = i;
    while (a - 1 >= 0 && a > i - 2 && tokens[a - 1]!.pos === 'NOUN' && /^\p{Ll}/u.test(tokens[a - 1]!.text) && tokens[a - 1]!.sentence === tokens[i]!.sentence) a--;
    return textOfTokens(a, i + 1);
  }
  function textOfTokens(a: number, b: number): string {
    let s = '';
    for (let k = a; k < b; k++) s += (k > a && tokens[k]!.spaceBefore ? ' ' : '') + tokens[k]!.text;
    return s;
  }
  function isTitleToken(t: Token): boolean {
    return /^(president|vice|prime|minister|secretary|general|undersecretary|under-secretary|chief|executive|officer|director|chairman|chairwoman|chair|head|leader|spokesman|spokeswoman|spokesperson|mayor|governor|ambassador|commander|deputy|foreign|defence|defense|finance|interior|justice|education|health|senior|founder|ceo|member|minister-president|editor|correspondent|reporter|columnist|analyst|professor|researcher|economist|lawyer|attorney|adviser|advisor|manager|owner|coach|captain|envoy|official|officer)$/.test(t.lower);
  }
}

/** The event kind of a named event from its head word. */
function kindOfNamed(name: string): EventKind {
  const head = name.split(/\s+/).pop()!.toLowerCase();
  if (/^(summit|conference|forum|congress|convention|talks)$/.test(head)) return 'Summit';
  if (/^(election|elections|referendum)$/.test(head)) return 'Election';
  if (/^(war|massacre|revolution)$/.test(head)) return 'Attack';
  return 'Event';
}

/** Normalises a title: "prime minister" → "Prime Minister"; drops "former", keeps the office. */
function normaliseTitle(title: string): string {
  const t = title.replace(/\s+/g, ' ').replace(/^(the|a|an|former|then) /i, '').trim();
  return titleCase(t.toLowerCase()).replace(/\bOf\b/g, 'of').replace(/\bTo\b/g, 'to').replace(/\bThe\b/g, 'the');
}

/** "Meeting of Mark Carney and Xi Jinping", "Arrest of Meng Wanzhou". */
function eventLabel(ev: NewsEvent, entities: Map<string, Entity>): string {
  const names = ev.participants.map((p) => entities.get(p)).filter((e): e is Entity => !!e);
  const people = names.filter((e) => e.type === 'Person');
  const shown = (people.length ? people : names).map((e) => e.label);
  // The first nominal trigger names the event best ("Stampede", "Backchannel communications");
  // a verb ("discussed") gives the kind's name.
  const nominal = (ev.mentions as TriggerMention[]).find((m) => m.noun);
  const base = nominal ? capitalise(nominal.phrase ?? nominal.text) : ev.kind;
  if (!shown.length) {
    const place = ev.place ? entities.get(ev.place)?.label : undefined;
    return place ? `${base} at ${place}` : base;
  }
  const list = shown.length <= 2 ? shown.join(' and ') : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
  const prep = ev.kind === 'Meeting' || ev.kind === 'Communication' || ev.kind === 'Agreement' ? (shown.length > 1 ? 'between' : 'with') : ev.kind === 'Visit' ? 'by' : 'of';
  return `${base} ${prep} ${list}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Whether a token can trigger its event kind (nouns and verbs only; "fire" needs a noun sense). */
function isTriggerPos(t: Token, _kind: EventKind): boolean {
  if (!/^(NOUN|VERB|PROPN|ADJ)$/.test(t.pos)) return false;
  if (t.pos === 'ADJ' && t.lower !== 'bilateral') return false;
  if (t.lower === 'bilateral') return false;
  return true;
}

