/**
 * Recognition: finds name mentions (runs of capitalised words with their connectors), splits off
 * leading demonyms and titles ("Canadian Prime Minister Mark Carney"), and gives each a candidate
 * type from the gazetteers and from the words names are made of ("... Agency", "... Summit").
 */
import { ADDRESS_TITLES, loadGazetteer, type CityInfo, type Gazetteer } from '../gazetteer/index.ts';
import type { Segmentation, Token } from './segment.ts';

/** Candidate type of a mention before resolution. */
export type MentionKind = 'person' | 'org' | 'country' | 'city' | 'region' | 'place' | 'event' | 'demonym' | 'unknown';

/** A name as it occurs in the text. */
export interface RawMention {
  id: number;
  /** Token range [tokenStart, tokenEnd). */
  tokenStart: number;
  tokenEnd: number;
  start: number;
  end: number;
  text: string;
  sentence: number;
  kind: MentionKind;
  /** ISO code of the country a country name, demonym or capital names. */
  countryCode?: string;
  /** Candidate cities, most populous first. */
  cities?: CityInfo[];
  /** A capital used as the subject of a verb ("Ottawa seeks"): the country acting. */
  metonym?: boolean;
  /** The title written before a person's name ("Prime Minister"), as a token range. */
  title?: { tokenStart: number; tokenEnd: number; text: string; start: number };
  /** Id of the mention that qualifies the title ("Canadian" or "Huawei" in front of it). */
  titleOf?: number;
  /** Id of the mention this one is the parenthesised acronym of. */
  acronymOf?: number;
  /** "the Court", "the North": a definite short form to be resolved against longer names. */
  definite?: boolean;
  /** Single common word capitalised (e.g. "Court"); kept only if it resolves to a longer name. */
  weak?: boolean;
  /** An acronym used as a modifier ("the IMU system"): an organisation only if defined elsewhere. */
  modifier?: boolean;
  /** A year written right before the name ("the 1991 Hajj"), which names a distinct event. */
  yearBefore?: { start: number; text: string };
}

/**
 * A mention with every field present, in one order: all mentions then share one object shape, which
 * keeps the code that reads them fast (objects built with different optional fields would not).
 */
export function rawMention(m: RawMention): RawMention {
  return {
    id: m.id, tokenStart: m.tokenStart, tokenEnd: m.tokenEnd, start: m.start, end: m.end, text: m.text, sentence: m.sentence, kind: m.kind,
    countryCode: m.countryCode, cities: m.cities, metonym: m.metonym, title: m.title, titleOf: m.titleOf, acronymOf: m.acronymOf,
    definite: m.definite, weak: m.weak, modifier: m.modifier, yearBefore: m.yearBefore,
  };
}

const CONNECTORS = new Set(['of', 'de', 'di', 'da', 'del', 'della', 'der', 'den', 'van', 'von', 'bin', 'ibn', 'al', 'el', 'la', 'le', 'du', 'des', 'y', 'for', '&', 'and']);
const EVENT_HEADS = new Set(['summit', 'olympics', 'games', 'cup', 'championship', 'championships', 'festival', 'war', 'forum', 'expo', 'exhibition', 'election', 'elections', 'referendum', 'marathon', 'conference', 'congress', 'convention', 'talks', 'revolution', 'crisis', 'massacre', 'tournament', 'open', 'grand prix', 'award', 'awards', 'prize']);
const ORG_HEADS_EXTRA = ['ministry', 'municipality', 'parliament', 'senate', 'assembly', 'court', 'tribunal', 'police', 'navy', 'forces', 'military', 'government', 'cabinet', 'movement', 'party', 'union', 'league', 'institute', 'instituto', 'university', 'school', 'hospital', 'agency', 'office', 'service', 'services', 'network', 'times', 'post', 'news', 'press', 'daily', 'journal', 'magazine', 'radio', 'television', 'tv', 'broadcasting', 'inc', 'ltd', 'llc', 'plc', 'corp', 'co', 'ag', 'sa', 'gmbh', 'group', 'holdings', 'technologies', 'systems', 'airlines', 'motors', 'bank', 'fund', 'reserve', 'council', 'commission', 'committee', 'board', 'authority', 'department', 'bureau', 'church', 'diocese', 'conference', 'federation', 'association', 'society', 'foundation', 'organization', 'organisation', 'club', 'team', 'brigade', 'battalion', 'regiment', 'corps', 'guard', 'army', 'coalition', 'alliance', 'front', 'congress', 'secretariat', 'directorate', 'command', 'administration'];
/** Lower-case nouns that, after a name, make it the name of an event ("Hajj pilgrimage"). */
const EVENT_NOUNS = new Set(['pilgrimage', 'festival', 'carnival', 'celebration', 'celebrations', 'ceremony', 'parade', 'games', 'olympics', 'summit', 'tournament', 'championship', 'marathon', 'holiday', 'feast', 'fast', 'uprising', 'revolution', 'massacre', 'earthquake', 'hurricane', 'typhoon', 'storm', 'cyclone', 'offensive', 'crisis', 'scandal', 'affair', 'protests', 'riots']);
const PLACE_NOUNS = new Set(['region', 'province', 'state', 'county', 'district', 'prefecture', 'territory', 'island', 'islands', 'peninsula', 'valley', 'river', 'sea', 'ocean', 'lake', 'bay', 'gulf', 'mountains', 'desert', 'strait', 'coast', 'city', 'town', 'village', 'square', 'street', 'airport', 'station', 'bridge', 'park', 'oblast', 'canton', 'municipality', 'governorate']);
const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const NEVER_NAMES = new Set(['i', 'image', 'photo', 'video', 'source', 'sources', 'note', 'update', 'editor', 'reuters', 'ap', 'afp', 'mr', 'mrs', 'ms', 'dr', 'god', 'internet', 'web', 'ok']);
const COMPASS = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central']);
const SUBJECT_VERBS_POS = new Set(['VERB', 'AUX']);

/** Whether a token looks like part of a name: capitalised word, acronym, or name with digits ("M5S"). */
function isNameWord(t: Token): boolean {
  if (t.pos === 'PUNCT' || t.pos === 'SYM' || t.pos === 'NUM' || t.pos === 'SPACE') return false;
  if (t.text === 'I') return false;
  // Arabic, Dutch, French... particles joined by a hyphen: "al-Amr", "el-Sisi", "d'Estaing".
  if (/^(?:al|el|ad|as|ash|at|an|ar|az|bin|ibn|abu|de|da|di|du|van|von|ben|d['’]|l['’])[-‐]?\p{Lu}/u.test(t.text)) return true;
  return /^\p{Lu}/u.test(t.text) && /\p{L}/u.test(t.text);
}

/** Function words that never begin a name, whatever their case ("On Tuesday", "In Italy"). */
const FUNCTION_WORDS = new Set(['on', 'in', 'at', 'the', 'a', 'an', 'of', 'for', 'to', 'by', 'with', 'from', 'as', 'after', 'before', 'during', 'since', 'and', 'but', 'or', 'if', 'when', 'while', 'this', 'that', 'these', 'those', 'it', 'its', 'his', 'her', 'their', 'our', 'my', 'your', 'we', 'they', 'he', 'she', 'you', 'there', 'here', 'yesterday', 'today', 'tomorrow', 'last', 'next', 'also', 'meanwhile', 'however', 'according', 'both', 'all', 'some', 'many', 'most', 'several', 'other', 'another', 'each', 'every', 'no', 'not', 'new']);

/**
 * Religions and their adherents' adjectives: capitalised in English but neither people, places nor
 * organisations on their own ("Muslim pilgrims", "Islam's holiest site").
 */
/** Adjectives of continents and world regions: not names on their own ("European defence ties"). */
const REGION_ADJECTIVES = new Set(['european', 'african', 'asian', 'arab', 'arabian', 'latin', 'western', 'eastern', 'northern', 'southern', 'nordic', 'scandinavian', 'baltic', 'balkan', 'caribbean', 'pacific', 'atlantic', 'mediterranean', 'middle-eastern', 'oceanian', 'antarctic', 'arctic', 'transatlantic', 'international', 'global', 'national', 'federal', 'regional']);
const BELIEF_WORDS = new Set(['islam', 'islamic', 'muslim', 'muslims', 'christian', 'christians', 'christianity', 'catholic', 'catholics', 'catholicism', 'protestant', 'protestants', 'jewish', 'jew', 'jews', 'judaism', 'hindu', 'hindus', 'hinduism', 'buddhist', 'buddhists', 'buddhism', 'sikh', 'sikhs', 'sikhism', 'sunni', 'sunnis', 'shia', 'shiite', 'shiites', 'orthodox', 'evangelical', 'evangelicals', 'mormon', 'mormons', 'atheist', 'atheists', 'god', 'allah', 'bible', 'quran', 'koran', 'satan', 'devil']);
/** Time zones and clock abbreviations, which look like acronyms. */
const TIME_WORDS = new Set(['gmt', 'utc', 'est', 'edt', 'cst', 'cdt', 'mst', 'mdt', 'pst', 'pdt', 'cet', 'cest', 'bst', 'ist', 'jst', 'aest', 'am', 'pm', 'a.m.', 'p.m.']);
/** Laws and documents: names, but not of people, organisations or places. */
const DOCUMENT_HEADS = new Set(['act', 'bill', 'law', 'protocol', 'amendment', 'charter', 'constitution', 'report', 'index', 'prize', 'award', 'awards']);
/** Buildings and facilities: places in news ("Jamarat Bridge", "Grand Mosque", "Al-Ghaza Hotel"). */
const FACILITY_HEADS = new Set(['hotel', 'bridge', 'mosque', 'temple', 'shrine', 'cathedral', 'basilica', 'tower', 'towers', 'stadium', 'arena', 'airport', 'square', 'palace', 'plaza', 'station', 'port', 'harbour', 'harbor', 'dam', 'mall', 'market', 'base', 'building', 'house', 'castle', 'monument', 'memorial', 'cemetery', 'highway', 'road', 'street', 'avenue', 'boulevard', 'tunnel', 'canal', 'park', 'garden', 'gardens', 'plains', 'plain', 'hills', 'mountains', 'mount', 'lake', 'river', 'sea', 'ocean', 'gulf', 'bay', 'island', 'islands', 'peninsula', 'valley', 'desert', 'forest', 'coast', 'strait', 'cape', 'volcano', 'glacier', 'reef', 'prison', 'camp', 'zone', 'region', 'province', 'county', 'district', 'state', 'territory', 'prefecture', 'oblast', 'city', 'town', 'village']);

/** Whether a token is an acronym: 2 to 7 capitals, possibly with digits or dots ("KCNA", "M5S", "U.S."). */
export function isAcronym(text: string): boolean {
  return /^(?:\p{Lu}[\p{Lu}\d&]{1,6}|(?:\p{Lu}\.){2,4})$/u.test(text) && /\p{Lu}.*\p{Lu}/u.test(text);
}

/** The words a text writes in lower case. */
function lowerCaseWords(tokens: readonly Token[]): Set<string> {
  const words = new Set<string>();
  for (const t of tokens) if (/^\p{Ll}/u.test(t.text)) words.add(t.text);
  return words;
}

/** Capitalised words that stand other than at a sentence start, outside the headline sentences. */
function capitalisedMidSentence(tokens: readonly Token[], headline: ReadonlySet<number>): Set<string> {
  const words = new Set<string>();
  for (const t of tokens) if (!t.sentenceStart && !headline.has(t.sentence) && /^\p{Lu}/u.test(t.text)) words.add(t.text);
  return words;
}

/** Finds the name mentions of a segmented text. */
export function recognizeMentions(seg: Segmentation, gaz: Gazetteer = loadGazetteer()): RawMention[] {
  const { tokens } = seg;
  const out: RawMention[] = [];
  const orgHeads = new Set([...gaz.lexicon.orgWords, ...ORG_HEADS_EXTRA]);
  const titlePhrases = buildTitlePhrases(gaz);
  // Mentions by the token they end at (the first added wins, as a search in order would find).
  const endingAt = new Map<number, RawMention>();
  const mentionEndingAt = (tokenEnd: number) => endingAt.get(tokenEnd);
  const add = (m: Omit<RawMention, 'id' | 'start' | 'end' | 'text' | 'sentence'>): RawMention => {
    const a = tokens[m.tokenStart]!;
    const b = tokens[m.tokenEnd - 1]!;
    const mention = rawMention({ id: out.length, start: a.start, end: b.end, text: seg.tokens.length ? textOf(tokens, m.tokenStart, m.tokenEnd) : '', sentence: a.sentence, ...m });
    out.push(mention);
    if (!endingAt.has(mention.tokenEnd)) endingAt.set(mention.tokenEnd, mention);
    return mention;
  };
  const fullText = (i: number, j: number) => textOf(tokens, i, j);
  // Words the text writes in lower case somewhere: ordinary words, whatever a sentence start says.
  const lowerWords = lowerCaseWords(tokens);
  const headline = headlineSentences(seg);
  // Capitalised words seen other than at a sentence start, outside headlines.
  const midCaps = capitalisedMidSentence(tokens, headline);
  const capitalisedElsewhere = (t: Token) => midCaps.has(t.text);
  const bodyText = seg.sentences.filter((x) => !headline.has(x.index)).map((x) => x.text).join('\n');
  const bodyNames = new Map<string, boolean>();
  const bodyHasName = (name: string) => {
    let hit = bodyNames.get(name);
    if (hit === undefined) {
      hit = bodyText.includes(name) && new RegExp(`(?<![\\p{L}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').test(bodyText);
      bodyNames.set(name, hit);
    }
    return hit;
  };
  /** Whether [i, j) begins with a country, demonym, region or capital name ("New Zealand ..."). */
  const startsPlaceName = (i: number, j: number) => {
    for (let k = Math.min(j, i + 4); k > i; k--) {
      const key = fullText(i, k).toLowerCase();
      if (k - i === 1 && !/^\p{Lu}/u.test(tokens[i]!.text)) continue;
      if (gaz.countryNames.has(key) || gaz.demonyms.has(key) || gaz.capitals.has(key) || (k - i > 1 && gaz.regions.has(key))) return true;
      // "The Hague", "Le Havre", "New Delhi": a large city whose name begins with a common word.
      if (k - i > 1 && (gaz.cities.get(key)?.[0]?.population ?? 0) >= 100000) return true;
    }
    return false;
  };

  scanSentences();
  /** Grows chunks of name words (joined by connectors and inner possessives) sentence by sentence, and types each. */
  function scanSentences(): void {
    for (const [sa, sb] of seg.sentenceTokens) {
      let i = sa;
      while (i < sb) {
        const t = tokens[i]!;
        // Lower-case demonym phrases are not names, but capitalised demonyms are handled in chunks.
        if (!isNameWord(t)) { i++; continue; }
        // Grow a chunk of name words joined by connectors and inner possessives ("People's Army").
        let j = i + 1;
        while (j < sb) {
          const u = tokens[j]!;
          if (isNameWord(u) && !(u.sentenceStart)) { j++; continue; }
          // "Movimento 5 Stelle": a number between two name words.
          if (u.pos === 'NUM' && /^\d{1,3}$/.test(u.text) && j + 1 < sb && isNameWord(tokens[j + 1]!) && !MONTHS.has(tokens[j - 1]!.lower)) { j += 2; continue; }
          if (CONNECTORS.has(u.lower) && j + 1 < sb && isNameWord(tokens[j + 1]!) && !MONTHS.has(tokens[j + 1]!.lower) && !WEEKDAYS.has(tokens[j + 1]!.lower) && connectorAllowed(tokens, i, j, orgHeads, gaz)) { j += 2; continue; }
          if ((u.text === "'s" || u.text === '’s') && !u.spaceBefore && j + 1 < sb && isNameWord(tokens[j + 1]!) && possessiveInsideName(tokens, i, j, gaz, titlePhrases)) { j += 2; continue; }
          break;
        }
        i = Math.max(j, processChunk(i, j));
      }
    }
  }

  /**
   * Splits a chunk [i, j) into demonym / qualifier, title, and name, and types the name; returns the
   * token index where scanning resumes (past a parenthesised acronym and an event name around it).
   */
  function processChunk(i: number, j: number): number {
    const resume = j;
    // "Canada-China", "US-Russia": two countries joined by a hyphen are two mentions.
    if (j - i === 1 && /[-–]/.test(tokens[i]!.text)) {
      const t = tokens[i]!;
      const parts = t.text.split(/[-–]/);
      const codes = parts.map((p) => gaz.countryNames.get(p.toLowerCase()) ?? gaz.demonyms.get(p.toLowerCase()));
      if (parts.length === 2 && codes.every(Boolean)) {
        let at = t.start;
        parts.forEach((p, n) => {
          const part = rawMention({ id: out.length, tokenStart: i, tokenEnd: i + 1, start: at, end: at + p.length, text: p, sentence: t.sentence, kind: 'country', countryCode: codes[n] });
          out.push(part);
          if (!endingAt.has(part.tokenEnd)) endingAt.set(part.tokenEnd, part);
          at += p.length + 1;
        });
        return resume;
      }
    }
    // Drop leading words that never start a name: function words ("On Tuesday"), sentence-initial
    // ordinary words ("According", "Analysts"), months, weekdays; but keep "New Zealand", "Prime Minister".
    for (;;) {
      if (i >= j) return resume;
      const t = tokens[i]!;
      const w = t.lower.replace(/\.$/, '');
      if (startsPlaceName(i, j)) break;
      const allCaps = t.text.length > 1 && t.text === t.text.toUpperCase();
      if (!allCaps && (FUNCTION_WORDS.has(w) || CONNECTORS.has(w) || MONTHS.has(w) || WEEKDAYS.has(w) || NEVER_NAMES.has(w))) { i++; continue; }
      if ((t.sentenceStart || headline.has(t.sentence)) && !matchTitle(tokens, i, j, titlePhrases)) {
        // A lone sentence-initial word is a name only if the text also capitalises it elsewhere
        // ("Photos released...", "Foolhardy provocation..." are not names).
        const subject = t.pos === 'PROPN' && /^(VERB|AUX)$/.test(tokens[j]?.pos ?? '') && !lowerWords.has(t.lower) && !gaz.lexicon.commonWords.has(t.lower) && !gaz.lexicon.dictionary.has(t.lower);
        // "Siemens engineer Klaus Weber": an organisation before a role noun and a name.
        const qualifies = tokens[j] && isRoleNoun(tokens[j]!, gaz) && tokens[j + 1] && isNameWord(tokens[j + 1]!);
        const coordinated = COMPASS.has(t.lower) && /^(and|or)$/.test(tokens[j]?.lower ?? '');
        if (j - i === 1 && !subject && !qualifies && !coordinated && !capitalisedElsewhere(t) && !isAcronym(t.text) && !gaz.lexicon.firstNames.has(t.lower) && !gaz.lexicon.lastNames.has(t.lower) && !gaz.cities.has(t.lower)) return resume;
        // "Civil Defense Authority ...": an adjective may begin an organisation's name.
        if (!coordinated && isOrdinaryStart(t, gaz, lowerWords) && !(j - i > 1 && isOrgLike(tokens, i, j, orgHeads) && /^(ADJ|PROPN|NOUN)$/.test(t.pos))) { i++; continue; }
      }
      break;
    }
    // A month or weekday inside ends the name: "Christchurch May" is not one name.
    for (let k = i + 1; k < j; k++) if (MONTHS.has(tokens[k]!.lower) || WEEKDAYS.has(tokens[k]!.lower)) { j = k; break; }
    // In a headline every word is capitalised: keep only names the body also writes capitalised.
    if (headline.has(tokens[i]!.sentence) && !startsPlaceName(i, j) && !bodyHasName(fullText(i, j))) {
      // Try the longest sub-run that the body confirms.
      for (let a = i; a < j; a++) for (let b = j; b > a; b--) if (bodyHasName(fullText(a, b)) || startsPlaceName(a, b)) { processChunk(a, b); return resume; }
      return resume;
    }
    if (!/\p{L}/u.test(fullText(i, j))) return resume;
    if (j - i === 1 && (BELIEF_WORDS.has(tokens[i]!.lower) || REGION_ADJECTIVES.has(tokens[i]!.lower) || TIME_WORDS.has(tokens[i]!.lower) || /^[IVXLCDM]+$/.test(tokens[i]!.text))) return resume;
    // Trailing connectors are not part of a name.
    while (j > i && CONNECTORS.has(tokens[j - 1]!.lower)) j--;
    if (j <= i) return resume; // nothing left ("and AL": "al" is a connector too): no empty mention

    let qualifier: RawMention | undefined;
    // A leading demonym or country name followed by more name words: "Canadian Prime Minister ...",
    // "Chinese President ...", "South Korean puppet" (here the chunk ends after the demonym).
    const whole = fullText(i, j).toLowerCase();
    const lead = gaz.countryNames.has(whole) || gaz.regions.has(whole) ? undefined : matchLeadingPlace(i, j);
    if (lead && lead.end < j) {
      const titleAfter = matchTitle(tokens, lead.end, j, titlePhrases);
      if (titleAfter || !isOrgLike(tokens, i, j, orgHeads)) {
        qualifier = add({ tokenStart: i, tokenEnd: lead.end, kind: lead.kind, countryCode: lead.code });
        i = lead.end;
      }
    } else if (!matchTitle(tokens, i, j, titlePhrases)) {
      // "NATO Secretary General Jens Stoltenberg", "Huawei CEO Ren Zhengfei": an organisation's name,
      // a capitalised title, then a person's name.
      for (let k = i + 1; k < j - 1; k++) {
        const tEnd = matchTitle(tokens, k, j, titlePhrases);
        if (!tEnd || tEnd >= j || !/^\p{Lu}/u.test(tokens[k]!.text) || !isNameWord(tokens[tEnd]!) || isOrgLike(tokens, tEnd, j, orgHeads)) continue;
        // "Queensland Environment Minister": a portfolio word before the title belongs to it.
        let ts = k;
        while (ts - 1 > i && gaz.lexicon.dictionary.has(tokens[ts - 1]!.lower) && !startsPlaceName(ts - 1, ts)) ts--;
        const q = typeName(i, ts, undefined);
        if (q && q.kind !== 'person' && q.kind !== 'event') { qualifier = q; i = ts; }
        break;
      }
    }
    // A title before a name: "Prime Minister Mark Carney", "President Xi", "Mr. Toccafondi".
    let title: RawMention['title'];
    let tEnd = matchTitle(tokens, i, j, titlePhrases);
    // "Environment Minister Leeanne Enoch": a capitalised portfolio word, then a title.
    if (!tEnd && j - i > 2 && gaz.lexicon.dictionary.has(tokens[i]!.lower) && !startsPlaceName(i, i + 1)) {
      const t2 = matchTitle(tokens, i + 1, j, titlePhrases);
      if (t2 && t2 < j && isNameWord(tokens[t2]!)) tEnd = t2;
    }
    if (tEnd && tEnd < j && CONNECTORS.has(tokens[tEnd]!.lower)) {
      // "Critics of Scientology", "Minister of Education": the title's complement, not a name after it;
      // a person's name may still follow ("Minister of Education Stefania Giannini", handled below).
      if (!splitTitleOfOrg(i, j)) { i = tEnd + 1; }
    } else if (tEnd && tEnd < j) {
      title = { tokenStart: i, tokenEnd: tEnd, text: fullText(i, tEnd), start: tokens[i]!.start };
      i = tEnd;
    } else if (tEnd === j) {
      // Only a title ("the President", "Prime Minister said"): not a name.
      return resume;
    }
    // Title of an organisation: "Minister of Education Stefania Giannini" is handled as a title
    // followed by "of Education": the chunk then starts with "Education"? No: connectors keep the
    // whole "Minister of Education Stefania Giannini" in one chunk, so split at the first person name.
    const person = title ? undefined : splitTitleOfOrg(i, j);
    if (person) {
      // "Minister of Education Stefania Giannini": a domain ("Education") is part of the title, not an
      // organisation; "Secretary General of NATO Jens Stoltenberg" names one.
      const orgText = fullText(person.orgStart, person.orgEnd);
      const isDomain = person.orgEnd - person.orgStart === 1 && gaz.lexicon.dictionary.has(orgText.toLowerCase());
      const orgM = isDomain ? undefined : typeName(person.orgStart, person.orgEnd, undefined);
      const titleEnd = isDomain ? person.orgEnd : person.titleEnd;
      add({ tokenStart: person.nameStart, tokenEnd: j, kind: 'person', title: { tokenStart: i, tokenEnd: titleEnd, text: fullText(i, titleEnd), start: tokens[i]!.start }, titleOf: orgM?.id });
      return resume;
    }
    const m = typeName(i, j, title);
    if (!m) return resume;
    // "the 1991 Hajj", "the 2014 World Cup": a year may qualify an event's name.
    const y = tokens[i - 1];
    if (y && /^(1[89]|2[01])\d\d$/.test(y.text) && tokens[i - 2]?.lower === 'the') m.yearBefore = { start: y.start, text: y.text };
    // "CEI (Italian Episcopal Conference)": a name in parentheses right after an acronym expands it.
    if (tokens[i - 1]?.text === '(' && tokens[j]?.text === ')') {
      const before = mentionEndingAt(i - 1);
      const acr = before && isAcronym(before.text) ? before : undefined;
      if (acr && initialsMatch(m.text, acr.text)) {
        if (m.kind === 'event' || m.kind === 'person' || m.kind === 'unknown') m.kind = 'org';
        acr.acronymOf = m.id;
        acr.kind = m.kind;
      }
    }
    if (qualifier && title) m.titleOf = qualifier.id;
    // A parenthesised acronym right after the name: "Korean Central News Agency (KCNA)".
    if (tokens[j] && /^[(\[]$/.test(tokens[j]!.text) && tokens[j + 2] && /^[)\]]$/.test(tokens[j + 2]!.text) && isAcronym(tokens[j + 1]!.text)) {
      // A name defined with an acronym is an organisation's ("Italian Episcopal Conference (CEI)").
      if (m.kind === 'event' || (m.kind as string) === 'person') m.kind = 'org';
      add({ tokenStart: j + 1, tokenEnd: j + 2, kind: m.kind, acronymOf: m.id });
      // "Asia-Pacific Economic Cooperation (APEC) Summit": a named event around the organisation.
      const k = j + 3;
      if (tokens[k] && isNameWord(tokens[k]!) && EVENT_HEADS.has(tokens[k]!.lower) && tokens[k]!.sentence === tokens[j]!.sentence) {
        add({ tokenStart: m.tokenStart, tokenEnd: k + 1, kind: 'event' });
        return k + 1;
      }
      return j + 3;
    }
    return resume;
  }

  /** Types the name [i, j) and adds it; returns the mention or undefined when it is no name. */
  function typeName(i: number, j: number, title: RawMention['title']): RawMention | undefined {
    const words = tokens.slice(i, j);
    const lower = words.map((w) => w.lower);
    const phrase = fullText(i, j);
    const key = phrase.toLowerCase();
    const prev = tokens[i - 1];
    const definite = prev?.lower === 'the';
    if (title) {
      // "Civil Defense Authority director General Suleiman al-Amr": a role noun before the title.
      const before = tokens[title.tokenStart - 1];
      const m = add({ tokenStart: i, tokenEnd: j, kind: 'person', title });
      if (before && isRoleNoun(before, gaz)) {
        const q0 = mentionEndingAt(title.tokenStart - 1);
        const qual = q0 && q0.sentence === before.sentence ? q0 : undefined;
        if (qual) { m.titleOf = qual.id; m.title = { tokenStart: title.tokenStart - 1, tokenEnd: title.tokenEnd, text: before.text, start: before.start }; }
      }
      return m;
    }
    // Person introduced by a lower-case role noun: "Huawei executive Meng Wanzhou".
    if (prev && isRoleNoun(prev, gaz) && !definite && !isOrgLike(tokens, i, j, orgHeads) && !gaz.countryNames.has(key)) {
      const q0 = mentionEndingAt(i - 1);
      const qual = q0 && q0.sentence === prev.sentence ? q0 : undefined;
      const m = add({ tokenStart: i, tokenEnd: j, kind: 'person', title: { tokenStart: i - 1, tokenEnd: i, text: prev.text, start: prev.start } });
      if (qual && (qual.kind === 'org' || qual.kind === 'unknown' || qual.kind === 'country' || qual.kind === 'demonym')) m.titleOf = qual.id;
      return m;
    }
    const country = gaz.countryNames.get(key);
    if (country) return add({ tokenStart: i, tokenEnd: j, kind: 'country', countryCode: country, definite });
    // "the news agency Agencia Sur", "the party Fratelli d'Italia": a lower-case organisation noun before.
    if (prev && /^\p{Ll}/u.test(prev.text) && prev.pos === 'NOUN' && orgHeads.has(prev.lower) && !gaz.demonyms.has(key)) return add({ tokenStart: i, tokenEnd: j, kind: 'org', definite });
    const demonym = gaz.demonyms.get(key);
    if (demonym) return add({ tokenStart: i, tokenEnd: j, kind: 'demonym', countryCode: demonym });
    if (j - i === 1 && COMPASS.has(lower[0]!)) {
      // "North and South Korea": the first part of a coordinated name shares the second's tail.
      const conj = tokens[j];
      if (conj && /^(and|or)$/.test(conj.lower) && tokens[j + 1] && COMPASS.has(tokens[j + 1]!.lower)) {
        for (let n = 1; n <= 2; n++) {
          const tail = fullText(j + 2, j + 2 + n);
          const code = gaz.countryNames.get(`${lower[0]} ${tail}`.toLowerCase());
          if (code && gaz.countryNames.has(`${tokens[j + 1]!.lower} ${tail}`.toLowerCase())) return add({ tokenStart: i, tokenEnd: j, kind: 'country', countryCode: code });
        }
      }
      return definite ? add({ tokenStart: i, tokenEnd: j, kind: 'unknown', definite, weak: true }) : undefined;
    }
    // The head word decides for most names: the last word, or the word before "of" ("Plains of Arafat").
    const ofAt = lower.indexOf('of');
    const head = ofAt > 0 ? lower[ofAt - 1]! : lower[lower.length - 1]!;
    const last = lower[lower.length - 1]!;
    if (DOCUMENT_HEADS.has(last) && j - i > 1) return undefined;
    if (EVENT_HEADS.has(last) && j - i > 1) return add({ tokenStart: i, tokenEnd: j, kind: 'event' });
    // Holidays: "Waitangi Day", "Lunar New Year", "Christmas Eve".
    if (j - i > 1 && (last === 'day' || last === 'eve' || (last === 'year' && lower[lower.length - 2] === 'new'))) return add({ tokenStart: i, tokenEnd: j, kind: 'event' });
    // "North Atlantic", "South Pacific", "Central Asia": a compass word before a region.
    if (j - i === 2 && COMPASS.has(lower[0]!) && (REGION_ADJECTIVES.has(last) || gaz.regions.has(last))) return add({ tokenStart: i, tokenEnd: j, kind: 'region' });
    const next = tokens[j];
    // "Indo-Pacific region": a name followed by a lower-case place noun is a region.
    if (next && PLACE_NOUNS.has(next.lower) && /^\p{Ll}/u.test(next.text) && next.sentence === tokens[i]!.sentence && !isOrgLike(tokens, i, j, orgHeads) && !gaz.cities.has(key)) {
      return add({ tokenStart: i, tokenEnd: j + 1, kind: 'region' });
    }
    if (gaz.regions.has(key)) return add({ tokenStart: i, tokenEnd: j, kind: gaz.regions.get(key)!.union ? 'org' : 'region' });
    // "the annual Hajj pilgrimage", "the Rio carnival": a name before a lower-case event noun is an event's.
    if (next && /^\p{Ll}/u.test(next.text) && EVENT_NOUNS.has(next.lower) && !gaz.countryNames.has(key) && !gaz.demonyms.has(key) && !gaz.cities.has(key) && !gaz.regions.has(key) && !isAcronym(phrase)) {
      return add({ tokenStart: i, tokenEnd: j, kind: 'event' });
    }
    // "the Monti government", "the Obama administration": a leader's name before the government.
    if (j - i === 1 && next && /^(government|administration|cabinet|regime|presidency)$/.test(next.lower) && !gaz.countryNames.has(key) && !gaz.demonyms.has(key) && !gaz.capitals.has(key) && !(gaz.cities.get(key)?.[0]?.population! >= 100000) && !isAcronym(phrase)) {
      return add({ tokenStart: i, tokenEnd: j, kind: 'person' });
    }
    // "Yonhap news agency", "the Labour party": a name followed by lower-case organisation words.
    if (next && /^\p{Ll}/u.test(next.text) && orgHeads.has(next.lower) && !gaz.countryNames.has(key) && !gaz.demonyms.has(key) && !gaz.capitals.has(key) && !(gaz.cities.get(key)?.[0]?.population! >= 100000) && next.pos === 'NOUN') {
      let e = j + 1;
      while (e < tokens.length && e < j + 3 && /^\p{Ll}/u.test(tokens[e]!.text) && orgHeads.has(tokens[e]!.lower) && tokens[e]!.pos === 'NOUN') e++;
      if (!/^(government|administration|team|group|community|military|army|forces|police)$/.test(tokens[e - 1]!.lower)) return add({ tokenStart: i, tokenEnd: e, kind: 'org' });
    }
    // "Lake Tanganyika", "Mount Elgon", "Gulf of Aden": a place word first.
    if (j - i > 1 && (FACILITY_HEADS.has(lower[0]!) || gaz.lexicon.placeWords.has(lower[0]!)) && !orgHeads.has(last)) return add({ tokenStart: i, tokenEnd: j, kind: 'place' });
    // Romance-language names put the head first: "Instituto Gonzaga", "Banco Santander".
    if (j - i > 1 && orgHeads.has(lower[0]!) && !FACILITY_HEADS.has(lower[0]!) && !gaz.lexicon.firstNames.has(lower[0]!)) return add({ tokenStart: i, tokenEnd: j, kind: 'org', definite });
    if (j - i > 1 && (orgHeads.has(head) || orgHeads.has(last)) && !FACILITY_HEADS.has(last)) return add({ tokenStart: i, tokenEnd: j, kind: 'org', definite });
    if (j - i > 1 && (FACILITY_HEADS.has(head) || FACILITY_HEADS.has(last) || gaz.lexicon.placeWords.has(last))) return add({ tokenStart: i, tokenEnd: j, kind: 'place' });
    // Initials and a surname: "A.S. Heagle", "AS Heagle", "J. K. Rowling".
    if (j - i >= 2 && words.slice(0, -1).every((w) => /^(?:\p{Lu}\.?){1,2}$/u.test(w.text)) && /^\p{Lu}\p{Ll}+$/u.test(words[j - i - 1]!.text)) return add({ tokenStart: i, tokenEnd: j, kind: 'person' });
    const capital = gaz.capitals.get(key);
    const cities = gaz.cities.get(key);
    if (j - i === 1 && isAcronym(words[0]!.text)) {
      // "the IMU system": an acronym modifying an ordinary noun names a thing, unless defined elsewhere.
      const modifier = !!next && /^\p{Ll}/u.test(next.text) && next.pos === 'NOUN' && !orgHeads.has(next.lower);
      return add({ tokenStart: i, tokenEnd: j, kind: 'org', definite, modifier });
    }
    // Person names: a known first name, or a descriptor before one ("Scientologist Tom Cruise").
    const firstAt = lower.findIndex((w, n) => n < lower.length - 1 && gaz.lexicon.firstNames.has(w));
    if (firstAt === 0 && !cities?.length && j - i >= 2) return add({ tokenStart: i, tokenEnd: j, kind: 'person' });
    if (firstAt > 0 && !lower.slice(firstAt).some((w) => CONNECTORS.has(w)) && j - (i + firstAt) >= 2) {
      return add({ tokenStart: i + firstAt, tokenEnd: j, kind: 'person' });
    }
    if (capital || cities?.length) {
      const cityList = (cities ?? []).filter((c) => c.featureCode !== 'PPLX');
      const afterPrep = prev && ['in', 'at', 'from', 'near', 'to', 'outside', 'across', 'into'].includes(prev.lower);
      const commonWord = gaz.lexicon.commonWords.has(key) || gaz.lexicon.dictionary.has(key);
      // A city named like a common word ("Bologna", "Reading") needs a preposition or a large population.
      const bigCity = cityList.length > 0 && cityList[0]!.population >= 200000 && !words[0]!.sentenceStart;
      if (capital || (cityList.length && (!commonWord || afterPrep || bigCity) && cityList[0]!.population >= 1000)) {
        const m = add({ tokenStart: i, tokenEnd: j, kind: 'city', cities: cityList, countryCode: capital });
        // "Ottawa seeks", "Beijing said": a capital as the subject of a verb stands for its country.
        const after = tokens[j];
        if (capital && after && SUBJECT_VERBS_POS.has(after.pos) && !afterPrep && !definite) m.metonym = true;
        return m;
      }
    }
    if (j - i === 1) {
      const w = words[0]!;
      // A capitalised common word ("Court", "Government") counts only if it resolves to a longer name.
      if (gaz.lexicon.commonWords.has(w.lower) || gaz.lexicon.dictionary.has(w.lower) || lowerWords.has(w.lower) || w.pos !== 'PROPN') return add({ tokenStart: i, tokenEnd: j, kind: 'unknown', definite, weak: true });
      return add({ tokenStart: i, tokenEnd: j, kind: 'unknown', definite });
    }
    // Two to four name words: a person unless a word is an ordinary word or a country ("Hitwise UK").
    const ordinary = lower.some((w) => gaz.lexicon.commonWords.has(w) || (gaz.lexicon.dictionary.has(w) && !gaz.lexicon.firstNames.has(w) && !gaz.lexicon.lastNames.has(w)) || lowerWords.has(w) || gaz.countryNames.has(w) || CONNECTORS.has(w) || isAcronym(w.toUpperCase()) && w.length <= 3 && words.find((x) => x.lower === w)!.text === w.toUpperCase());
    const surname = gaz.lexicon.lastNames.has(last);
    if (j - i <= 4 && !definite && (surname || !ordinary)) return add({ tokenStart: i, tokenEnd: j, kind: 'person' });
    return add({ tokenStart: i, tokenEnd: j, kind: 'org', definite });
  }

  /** A leading place word (country or demonym, one to three tokens) inside [i, j). */
  function matchLeadingPlace(i: number, j: number): { end: number; kind: MentionKind; code: string } | undefined {
    for (let k = Math.min(j - 1, i + 3); k > i; k--) {
      const key = fullText(i, k).toLowerCase();
      const d = gaz.demonyms.get(key);
      if (d) return { end: k, kind: 'demonym', code: d };
      const c = gaz.countryNames.get(key);
      if (c) return { end: k, kind: 'country', code: c };
    }
    return undefined;
  }

  /** "Minister of Education Stefania Giannini": title, "of", organisation, then a person's name. */
  function splitTitleOfOrg(i: number, j: number): { titleEnd: number; orgStart: number; orgEnd: number; nameStart: number } | undefined {
    for (let k = i + 1; k < j - 1; k++) {
      if (tokens[k]!.lower !== 'of' && tokens[k]!.lower !== 'for') continue;
      const titleEnd = k;
      if (!titlePhrases.has(fullText(i, titleEnd).toLowerCase())) return undefined;
      // The person's name is the last one to three words, starting with a first name when known.
      for (let n = Math.max(k + 2, j - 3); n < j; n++) {
        if (gaz.lexicon.firstNames.has(tokens[n]!.lower) || j - n === 2) return { titleEnd, orgStart: k + 1, orgEnd: n, nameStart: n };
      }
      return undefined;
    }
    return undefined;
  }

  findNestedPlaces();
  /** Places named inside organisation names: "University of Sheffield", "Colorado State University". */
  function findNestedPlaces(): void {
    for (const m of [...out]) {
      if (m.kind !== 'org' || m.tokenEnd - m.tokenStart < 2) continue;
      for (let a = m.tokenStart; a < m.tokenEnd; a++) {
        for (let b = Math.min(m.tokenEnd, a + 3); b > a; b--) {
          if (a === m.tokenStart && b === m.tokenEnd) continue;
          // Only where English puts a place in a name: first ("Colorado State University") or after
          // "of" ("University of Sheffield"); not trailing ("Hitwise UK").
          if (a !== m.tokenStart && tokens[a - 1]!.lower !== 'of') continue;
          const key = fullText(a, b).toLowerCase();
          if (!/^\p{Lu}/u.test(tokens[a]!.text) || out.some((x) => x.tokenStart === a && x.tokenEnd === b)) continue;
          const country = gaz.countryNames.get(key);
          const cities = gaz.cities.get(key)?.filter((c) => c.population >= 100000);
          let kind: MentionKind | undefined;
          if (country) kind = 'country';
          else if (gaz.regions.has(key) && !gaz.lexicon.dictionary.has(key)) kind = 'region';
          else if (cities?.length && !gaz.lexicon.dictionary.has(key)) kind = 'city';
          if (!kind) continue;
          add({ tokenStart: a, tokenEnd: b, kind, countryCode: country, cities: kind === 'city' ? cities : undefined });
          a = b - 1;
          break;
        }
      }
    }
  }

  return out;
}

const titleCache = new WeakMap<Gazetteer, Set<string>>();

/** Title phrases, lower-cased: the gazetteer's titles plus "Prime Minister"-style capitalised forms. */
function buildTitlePhrases(gaz: Gazetteer): Set<string> {
  const hit = titleCache.get(gaz);
  if (hit) return hit;
  const s = new Set<string>();
  titleCache.set(gaz, s);
  for (const t of gaz.lexicon.actorNouns) s.add(t);
  for (const h of gaz.lexicon.honorifics) { s.add(h); s.add(h + '.'); }
  for (const h of ADDRESS_TITLES) { s.add(h); s.add(h + '.'); }
  for (const t of [...s]) {
    for (const p of ['deputy ', 'vice ', 'acting ', 'former ', 'foreign ', 'chief ', 'senior ', 'interim ']) s.add(p + t);
  }
  return s;
}

/** End of the longest title at [i, j) (capitalised, "Prime Minister"), or undefined. */
function matchTitle(tokens: Token[], i: number, j: number, titles: Set<string>): number | undefined {
  for (let k = Math.min(j, i + 4); k > i; k--) {
    const phrase = tokens.slice(i, k).map((t) => t.lower).join(' ').replace(/ \./g, '.');
    if (titles.has(phrase)) return k;
  }
  return undefined;
}

function textOf(tokens: Token[], i: number, j: number): string {
  let s = '';
  for (let k = i; k < j; k++) s += (k > i && tokens[k]!.spaceBefore ? ' ' : '') + tokens[k]!.text;
  return s;
}

/** A lower-case person noun right before a name: "executive", "spokesman", "leader". */
function isRoleNoun(t: Token, gaz: Gazetteer): boolean {
  if (!/^\p{Ll}/u.test(t.text)) return false;
  if (gaz.lexicon.actorNouns.has(t.lower)) return t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'ADJ';
  // Agent nouns of occupations: "engineer", "activist", "politician", "consultant", "spokesman".
  return t.pos === 'NOUN' && /(?:eer|er|or|ist|ian|ant|ent|man|woman|person)$/.test(t.lower) && !/(?:ment|ness|tion)$/.test(t.lower);
}

/** Sentence-initial capitalised word that is an ordinary word, not a name ("According", "The"). */
function isOrdinaryStart(t: Token, gaz: Gazetteer, lowerWords: Set<string>): boolean {
  if (t.pos === 'NOUN' && !gaz.lexicon.firstNames.has(t.lower)) return true;
  if (gaz.countryNames.has(t.lower) || gaz.demonyms.has(t.lower)) return false;
  if (isAcronym(t.text)) return false;
  // The text writes it in lower case elsewhere ("Voters ... voters"), or its singular is a common word.
  if (lowerWords.has(t.lower) || (t.lower.endsWith('s') && (lowerWords.has(t.lower.slice(0, -1)) || gaz.lexicon.commonWords.has(t.lower.slice(0, -1))))) return true;
  if (gaz.lexicon.firstNames.has(t.lower) || gaz.lexicon.lastNames.has(t.lower)) return false;
  if (gaz.lexicon.dictionary.has(t.lower)) return true;
  if (t.pos === 'PROPN' && !gaz.lexicon.commonWords.has(t.lower)) return false;
  if (['DET', 'ADP', 'PRON', 'ADV', 'VERB', 'AUX', 'SCONJ', 'CCONJ', 'PART', 'INTJ', 'NUM', 'ADJ'].includes(t.pos)) return true;
  return gaz.lexicon.commonWords.has(t.lower) && !gaz.cities.has(t.lower);
}

/**
 * Headlines and title-case lines: most words capitalised and no closing full stop. Their capitals say
 * nothing about names.
 */
function headlineSentences(seg: Segmentation): Set<number> {
  const out = new Set<number>();
  for (const [a, b] of seg.sentenceTokens) {
    const words = seg.tokens.slice(a, b).filter((t) => /^\p{L}{4,}/u.test(t.text));
    if (words.length < 3) continue;
    const caps = words.filter((t) => /^\p{Lu}/u.test(t.text)).length;
    const last = seg.tokens[b - 1]!;
    if (caps / words.length >= 0.6 && last.text !== '.') out.add(seg.tokens[a]!.sentence);
  }
  return out;
}

/** Whether an acronym's letters appear, in order, as initials of the name's words (loosely). */
function initialsMatch(name: string, acronym: string): boolean {
  const words = name.split(/[\s\-–]+/).filter((w) => /^\p{Lu}/u.test(w));
  const letters = acronym.replace(/[^\p{Lu}]/gu, '');
  return words.length > 0 && words.filter((w) => letters.includes(w[0]!)).length >= Math.min(words.length, letters.length) - 1;
}

/** Whether "and"/"of"/"for" at token j may join two name parts: only inside organisation-like names. */
function connectorAllowed(tokens: Token[], i: number, j: number, orgHeads: Set<string>, gaz: Gazetteer): boolean {
  const c = tokens[j]!.lower;
  if (c === 'of' || c === 'for') {
    // "Church of Scientology", "Minister of Education", "University of Sheffield" — but not
    // "Matthew Ingram of The Globe": the word before "of" is a common noun, not a name.
    const left = tokens[j - 1]!.lower;
    return orgHeads.has(left) || FACILITY_HEADS.has(left) || gaz.lexicon.dictionary.has(left) || gaz.lexicon.actorNouns.has(left) || isAcronym(tokens[j - 1]!.text) === false && gaz.regions.has(left);
  }
  if (c === 'and' || c === '&') {
    // "Union of Rationalist Atheists and Agnostics": only after an "of" inside an organisation name.
    // "The Globe and Mail": a capitalised "The" inside a sentence starts a title-like name.
    if (tokens[i]!.text === 'The' && !tokens[i]!.sentenceStart && j - i === 2) return true;
    const first = tokens[i]!.lower === 'the' ? i + 1 : i;
    for (let k = first; k < j; k++) if (tokens[k]!.lower === 'of' && orgHeads.has(tokens[first]!.lower)) return true;
    return false;
  }
  // Name particles: "Ibn Saud", "Van Gogh", "bin Salman" (lower-case particle between capitals).
  return true;
}

/** "Korean People's Army": a possessive inside a name, not "China's President" or "Canada's Carney". */
function possessiveInsideName(tokens: Token[], i: number, j: number, gaz: Gazetteer, titles: Set<string>): boolean {
  const before = textOf(tokens, i, j).toLowerCase();
  if (gaz.countryNames.has(before) || gaz.demonyms.has(before) || gaz.cities.has(before)) return false;
  const after = tokens[j + 1]!;
  if (titles.has(after.lower)) return false;
  // Only a plural-like noun ("People's", "Workers'") forms a possessive inside a name.
  return /^(people|workers|women|men|children|citizens|peoples|nations|farmers|veterans|students|teachers)$/.test(tokens[j - 1]!.lower);
}

/** Whether [i, j) is organisation-like: ends in an organisation word, or is "<org word> of X". */
function isOrgLike(tokens: Token[], i: number, j: number, orgHeads: Set<string>): boolean {
  const last = tokens[j - 1]!.lower;
  if (orgHeads.has(last)) return true;
  for (let k = i; k < j; k++) {
    if (tokens[k]!.lower === 'of' && k > i && orgHeads.has(tokens[k - 1]!.lower)) return true;
  }
  return false;
}
