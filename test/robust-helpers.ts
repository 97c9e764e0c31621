// Shared by the robustness tests (test/robust-*.test.ts): hostile-text generators, an RFC 3987 IRI
// check written independently of src/rdf, and checks of a serialized graph (n3 and oxigraph parse it,
// NIF offsets slice the text to nif:anchorOf, every IRI is valid).
import fc from 'fast-check';
import { Parser } from 'n3';
import * as oxigraph from 'oxigraph';
import type * as RDF from '@rdfjs/types';

const NIF = 'http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#';

// ---------------------------------------------------------------- IRIs (RFC 3987, written from the RFC)

const UCS_RANGES = [
  '\\u{A0}-\\u{D7FF}', '\\u{F900}-\\u{FDCF}', '\\u{FDF0}-\\u{FFEF}',
  ...Array.from({ length: 13 }, (_, i) => `\\u{${(i + 1).toString(16)}0000}-\\u{${(i + 1).toString(16)}FFFD}`),
  '\\u{E1000}-\\u{EFFFD}',
].join('');
const PRIVATE = '\\u{E000}-\\u{F8FF}\\u{F0000}-\\u{FFFFD}\\u{100000}-\\u{10FFFD}';
const UNRESERVED = `A-Za-z0-9\\-._~${UCS_RANGES}`;
const SUB_DELIMS = "!$&'()*+,;=";
const PCT = '%[0-9A-Fa-f]{2}';
const IPCHAR = `(?:[${UNRESERVED}${SUB_DELIMS}:@]|${PCT})`;
const IRI = new RegExp(
  '^[A-Za-z][A-Za-z0-9+.\\-]*:' +
  `(?://(?:(?:[${UNRESERVED}${SUB_DELIMS}:]|${PCT})*@)?(?:\\[[0-9A-Fa-f:.]+\\]|(?:[${UNRESERVED}${SUB_DELIMS}]|${PCT})*)(?::[0-9]*)?)?` +
  `(?:${IPCHAR}|/)*` +
  `(?:\\?(?:${IPCHAR}|[/?${PRIVATE}])*)?` +
  `(?:#(?:${IPCHAR}|[/?])*)?$`,
  'u',
);

/** Why `iri` is not a valid absolute IRI (RFC 3987), or undefined when it is. */
export function iriProblem(iri: string): string | undefined {
  if (/[\s<>"{}|\\^`]/.test(iri)) return `holds a space or one of <>"{}|\\^\``;
  if (/[\uD800-\uDFFF]/u.test(iri)) return 'holds a lone surrogate';
  if (!IRI.test(iri)) return 'is not an absolute IRI by RFC 3987';
  return undefined;
}

// ---------------------------------------------------------------- graph checks

/** What checkSerializedGraph found, for further assertions. */
export interface GraphCheck {
  quads: RDF.Quad[];
  /** Number of distinct triples/quads each parser read. */
  n3Count: number;
  oxigraphCount: number;
}

/** A failure of one check, with the offending part of the graph. */
export class GraphCheckError extends Error {}

/** Parses `text` (written as UTF-8 bytes and decoded strictly, as a file would be) with n3 and oxigraph. */
export function parseBoth(text: string, mediaType: 'text/turtle' | 'application/trig' | 'application/n-triples' | 'application/n-quads'): GraphCheck {
  const decoded = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(text, 'utf8'));
  let quads: RDF.Quad[];
  try {
    quads = new Parser({ format: mediaType }).parse(decoded) as RDF.Quad[];
  } catch (err) {
    throw new GraphCheckError(`n3 cannot parse the ${mediaType} output: ${(err as Error).message}`);
  }
  // Loaded into an oxigraph store (strict: IRIs and literals validated) and counted there, so that no
  // wasm-backed term objects pile up over thousands of cases; the store is freed at once.
  const store = new oxigraph.Store();
  let oxigraphCount: number;
  try {
    store.load(decoded, { format: mediaType });
    oxigraphCount = store.size;
  } catch (err) {
    throw new GraphCheckError(`oxigraph cannot parse the ${mediaType} output: ${String(err)}`);
  } finally {
    (store as unknown as { free?: () => void }).free?.();
  }
  const distinct = (qs: { subject: RDF.Term; predicate: RDF.Term; object: RDF.Term; graph: RDF.Term }[]) =>
    new Set(qs.map((q) => [q.subject, q.predicate, q.object, q.graph].map((t) => `${t.termType}|${t.value}|${t.termType === 'Literal' ? `${(t as RDF.Literal).datatype.value}|${(t as RDF.Literal).language}` : ''}`).join(' '))).size;
  return { quads, n3Count: distinct(quads), oxigraphCount };
}

/** Every IRI of the quads (terms and datatypes) is valid; throws naming the first bad one. */
export function checkIris(quads: readonly RDF.Quad[]): number {
  const seen = new Set<string>();
  const visit = (t: RDF.Term) => {
    const iri = t.termType === 'NamedNode' ? t.value : t.termType === 'Literal' ? t.datatype.value : undefined;
    if (iri === undefined || seen.has(iri)) return;
    seen.add(iri);
    const problem = iriProblem(iri);
    if (problem) throw new GraphCheckError(`invalid IRI <${iri}>: ${problem}`);
  };
  for (const q of quads) { visit(q.subject); visit(q.predicate); visit(q.object); visit(q.graph); }
  return seen.size;
}

/**
 * Every NIF string (nif:anchorOf) has begin/end indices inside its context's nif:isString, the text
 * there equals its anchor, and its `#char=b,e` IRI names the same offsets. Returns the number checked.
 */
export function checkOffsets(quads: readonly RDF.Quad[], expectedText?: string): number {
  const by = (p: string) => {
    const m = new Map<string, RDF.Term[]>();
    for (const q of quads) if (q.predicate.value === NIF + p) m.set(q.subject.value, [...(m.get(q.subject.value) ?? []), q.object]);
    return m;
  };
  const texts = by('isString');
  const anchors = by('anchorOf');
  const begins = by('beginIndex');
  const ends = by('endIndex');
  const contexts = by('referenceContext');
  if (expectedText !== undefined) {
    const values = [...texts.values()].flat().map((t) => t.value);
    if (!values.includes(expectedText)) throw new GraphCheckError(`no nif:isString equals the article text (${values.length} contexts)`);
  }
  let n = 0;
  for (const [node, [anchor, ...more]] of anchors) {
    if (more.length) throw new GraphCheckError(`${node} has ${more.length + 1} nif:anchorOf values`);
    const ctx = contexts.get(node)?.[0]?.value;
    const text = ctx === undefined ? undefined : texts.get(ctx)?.[0]?.value;
    if (text === undefined) throw new GraphCheckError(`${node} has no context with a nif:isString`);
    const b = Number(begins.get(node)?.[0]?.value);
    const e = Number(ends.get(node)?.[0]?.value);
    if (!Number.isInteger(b) || !Number.isInteger(e) || b < 0 || e < b || e > text.length) throw new GraphCheckError(`${node}: offsets ${b}..${e} outside the text (length ${text.length})`);
    if (text.slice(b, e) !== anchor!.value) throw new GraphCheckError(`${node}: text at ${b}..${e} is ${JSON.stringify(text.slice(b, e))}, anchorOf is ${JSON.stringify(anchor!.value)}`);
    const m = /#char=(\d+),(\d+)$/.exec(node);
    if (!m || Number(m[1]) !== b || Number(m[2]) !== e) throw new GraphCheckError(`${node}: IRI does not name offsets ${b},${e}`);
    n++;
  }
  return n;
}

// ---------------------------------------------------------------- hostile text

/** Characters that break naive IRI, Turtle, JSON, HTML or CSV writers. */
export const HOSTILE = ['<', '>', '{', '}', '|', '\\', '^', '`', '"', "'", '&', '%', '%2F', '%zz', '#', '[', ']', ' ', '\t', '\u0000', '\u007f', '\u00a0', '\u200b', '\u2028', '\ufeff', '\ufffe', '\uffff', '\u202e', '"""', "'''", '\\u0022', '\\n', '@', '_:', '?x', '$'];

const UPPER = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZÀÉÎÕÜÑŁŒÇΣΔЖЯİẞǄ'];
const LOWER = [...'abcdefghijklmnopqrstuvwxyzàéîõüñłœçßσςжяıﬁǆ'].concat(['e\u0301', 'o\u0308']);
const EMOJI = ['🚀', '😀', '👩‍👩‍👧‍👦', '🏳️‍🌈', '🇨🇦', '👍🏽', '❤️', '🧑‍💻', '\u{1F600}\u{FE0F}', '🀄', '𝔘𝔫𝔦', '①'];
const RTL = ['التقى الرئيس محمد بن سلمان بالوفد في الرياض.', 'نائب الرئيس', 'שלום עולם', 'בנימין נתניהו נפגש', '\u200f', '\u202b', '\u202e', 'ئۇيغۇر', 'اردو'];
const HTML = ['<script>alert("x")</script>', '<a href="javascript:alert(1)">Bob Smith</a>', '&amp;', '&lt;b&gt;', '<!-- c -->', ']]>', '<![CDATA[ x ]]>', '<p class="x">', '</div>', '<img src=x onerror=alert(1)>', '{{template}}', '${inject}', '%s%n', "'; DROP TABLE articles; --"];
const QUOTES = ['"', "'", '“', '”', '‘', '’', '«', '»', '„', '"""', "'''", '\\"', '\\', '``'];
const TITLES = ['President', 'Prime Minister', 'Chancellor', 'Foreign Minister', 'Minister', 'CEO', 'Dr.', 'Mr.', 'Senator', 'King', 'Chief Executive'];
const PLACES = ['Paris', 'Canada', 'Beijing', 'Ottawa', 'Cairo', 'Riyadh', 'São Paulo', 'Zürich', 'Côte d\'Ivoire', 'the Indo-Pacific', 'Tel Aviv', 'Washington'];
const ORG_WORDS = ['Corp', 'Inc.', 'Ministry', 'Party', 'Group', 'Bank', 'Council', 'University', 'Agency'];
const VERBS = ['met', 'spoke with', 'called', 'visited', 'criticised', 'signed an agreement with', 'arrested', 'hosted'];
const TOPICS = ['trade', 'energy security', 'climate change', 'tariffs on canola', 'human rights', 'the election', 'an earthquake'];
const DAYS = ['on Monday', 'in 2018', 'on 3 May 2024', 'last week', 'on August 21, 2015', 'yesterday', 'in March'];

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);

/** A capitalised word, now and then with a hostile character inside or around it. */
export const capitalised: fc.Arbitrary<string> = fc
  .tuple(pick(UPPER), fc.array(pick(LOWER), { minLength: 1, maxLength: 9 }), fc.option(fc.tuple(pick(HOSTILE), fc.nat(10), fc.constantFrom('in', 'wrap', 'end')), { freq: 2 }))
  .map(([u, l, h]) => {
    const word = u + l.join('');
    if (!h) return word;
    const [c, at, how] = h;
    if (how === 'wrap') return `${c}${word}${c === '<' ? '>' : c === '{' ? '}' : c === '[' ? ']' : c}`;
    if (how === 'end') return word + c;
    const i = 1 + (at % word.length);
    return word.slice(0, i) + c + word.slice(i);
  });

/** A name of one to three capitalised words ("Zoë {Ünïcødé} O'Brien-Ñúñez"), joined by spaces or hyphens. */
export const name: fc.Arbitrary<string> = fc
  .array(fc.tuple(capitalised, fc.constantFrom(' ', ' ', ' ', '-', " O'", ' de ', ' al-')), { minLength: 1, maxLength: 3 })
  .map((parts) => parts.map(([w, sep], i) => (i === 0 ? w : sep + w)).join(''));

const org = fc.oneof(
  fc.tuple(name, pick(ORG_WORDS)).map(([n, w]) => `${n} ${w}`),
  fc.array(fc.oneof(pick(UPPER), pick(HOSTILE)), { minLength: 2, maxLength: 5 }).map((cs) => cs.join('')),
  fc.tuple(pick(['Ministry of', 'Bank of', 'University of']), name).map(([a, b]) => `${a} ${b}`),
);
const place = fc.oneof(pick(PLACES), name);

/** A news-like sentence whose names are generated. */
export const newsSentence: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(pick(TITLES), name, pick(VERBS), name, place, pick(DAYS)).map(([t, a, v, b, p, d]) => `${t} ${a} ${v} ${b} in ${p} ${d}.`),
  fc.tuple(name, org, pick(TOPICS)).map(([a, o, t]) => `${a}, an executive of ${o}, said the talks covered ${t}.`),
  fc.tuple(name, pick(TITLES), place).map(([a, t, p]) => `"${a}," said the ${t.toLowerCase()} of ${p}.`),
  fc.tuple(org, org, pick(TOPICS)).map(([a, b, t]) => `${a} and ${b} signed a deal on ${t}.`),
  fc.tuple(name, place, pick(DAYS)).map(([n, p, d]) => `The ${n} Summit was held in ${p} ${d}.`),
  fc.tuple(name, place).map(([n, p]) => `${n} was arrested in ${p}, ${p} officials said.`),
  fc.tuple(place, place, pick(TOPICS)).map(([a, b, t]) => `Relations between ${a} and ${b} soured over ${t}.`),
);

const controlChars = fc.string({ unit: fc.integer({ min: 0, max: 0x9f }).filter((c) => c < 0x20 || c >= 0x7f).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 6 });

/** Noise: random Unicode, graphemes, emoji, RTL, control characters, very long tokens, HTML, quotes. */
export const noise: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.array(pick(EMOJI), { minLength: 1, maxLength: 4 }).map((e) => e.join('')),
  pick(RTL),
  controlChars,
  fc.tuple(pick(UPPER), fc.integer({ min: 100, max: 1000 }), pick(LOWER)).map(([u, n, l]) => u + l.repeat(n)),
  fc.tuple(fc.integer({ min: 50, max: 500 }), pick(HOSTILE)).map(([n, c]) => c.repeat(n)),
  pick(HTML),
  fc.tuple(pick(HTML), name).map(([h, n]) => h.replace(/>/, `>${n} `)),
  fc.array(pick(QUOTES), { minLength: 1, maxLength: 5 }).map((q) => q.join('')),
  fc.tuple(pick(QUOTES), name, pick(QUOTES)).map(([a, n, b]) => `${a}${n}${b}`),
);

const separator = fc.constantFrom(' ', ' ', '\n', '\n\n', '', '\t', '\r\n', '\r', '\u2028', '\u0085', ' \u00a0');

/** Longest generated article, in code points (short texts keep 10,000 runs fast). */
export const MAX_ARTICLE = 2500;

/** A short hostile article: news sentences and noise, the whole now and then repeated (1-3 times). */
export const hostileArticle: fc.Arbitrary<string> = fc
  .tuple(fc.array(fc.tuple(fc.oneof({ weight: 3, arbitrary: newsSentence }, { weight: 2, arbitrary: noise }), separator), { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 3 }))
  .map(([parts, times]) => {
    const text = parts.map(([p, s]) => p + s).join('').repeat(times);
    return text.length <= MAX_ARTICLE ? text : [...text].slice(0, MAX_ARTICLE).join('');
  });

/** Article metadata as users and scraped pages give it: hostile ids, titles and URLs, valid dates. */
export const hostileMeta = fc.record({
  // A blank id is a UsageError (tested with the CLI); any other string must give a valid IRI.
  id: fc.option(fc.oneof(name, fc.string({ unit: 'binary', minLength: 1, maxLength: 20 })).filter((s) => s.trim() !== ''), { nil: undefined }),
  title: fc.option(fc.oneof(name, noise), { nil: undefined }),
  date: fc.option(fc.tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`), { nil: undefined }),
  url: fc.option(fc.tuple(fc.webUrl({ withQueryParameters: true, withFragments: true }), pick(HOSTILE), fc.nat()).map(([u, c, at]) => {
    const i = 8 + (at % Math.max(1, u.length - 8));
    return u.slice(0, i) + c + u.slice(i);
  }).filter((u) => { try { return /^https?:$/.test(new URL(u).protocol); } catch { return false; } }), { nil: undefined }),
}, { requiredKeys: [] });

/** Counts generated cases across the properties of one test file, for the report printed at the end. */
export const generated = { cases: 0, shacl: 0, offsets: 0, iris: 0 };
