/**
 * Segmentation: sentences and tokens with exact character offsets (JavaScript string indices),
 * from wink-nlp's tokenizer, sentence splitter and part-of-speech tagger.
 */
import { createRequire } from 'node:module';
import type { Sentence } from './types.ts';

const require = createRequire(import.meta.url);

/** One word or punctuation mark. */
export interface Token {
  index: number;
  start: number;
  end: number;
  text: string;
  lower: string;
  /** Universal POS tag from wink-nlp (PROPN, NOUN, VERB, ADP, DET, PUNCT, NUM, ...). */
  pos: string;
  sentence: number;
  /** Whitespace precedes the token (false inside "Jong-un" or before "'s"). */
  spaceBefore: boolean;
  /** First token of its sentence, after any opening quotes or brackets. */
  sentenceStart: boolean;
}

/** Sentences and tokens of a text. */
export interface Segmentation {
  sentences: Sentence[];
  tokens: Token[];
  /** For each sentence, the range [first, last+1) of its tokens. */
  sentenceTokens: [number, number][];
}

interface WinkDoc {
  tokens(): { out(f?: unknown): string[] };
  sentences(): { out(f?: unknown): [number, number][] };
}
interface Wink {
  readDoc(text: string): WinkDoc;
  its: { value: unknown; pos: unknown; precedingSpaces: unknown; span: unknown; type: unknown };
}

interface WinkLexemes { hash: Record<string, number>; list: string[] }
interface WinkModel { core(): { features: { lexeme: WinkLexemes } } }

let nlp: Wink | undefined;
let lexemes: WinkLexemes | undefined;
/** Length of wink's lexeme list when the last document started. */
let watermark = 0;

/**
 * wink-nlp, as if no document had been read before: wink adds every unknown word it meets to its
 * lexicon, and a known word tokenizes differently ("R's" stays one token once "R's" was seen), so
 * an article's tokens would depend on the articles read before it in the same process (and so on
 * the order of inputs and on --jobs). Forgetting the words added since the last document restores
 * the first-document behaviour. (One instance for the process: a second winkNLP() call would
 * re-encode the model's CER table, which the model package keeps in a module variable.)
 */
function wink(): Wink {
  if (!nlp) {
    const winkNLP = require('wink-nlp') as (model: unknown) => Wink;
    const base = require('wink-eng-lite-web-model') as WinkModel;
    // wink-nlp calls core() once per instance; keep the lexeme table it gets.
    nlp = winkNLP({ ...base, core: () => { const core = base.core(); lexemes = core.features.lexeme; return core; } });
  } else if (lexemes) {
    for (let i = watermark; i < lexemes.list.length; i++) delete lexemes.hash[lexemes.list[i]!];
  }
  watermark = lexemes?.list.length ?? 0;
  return nlp;
}

const HYPHENS = new Set(['-', '–', '‑']);

/** A token as wink gives it, placed in the text, with the wink sentence it belongs to. */
interface RawToken { start: number; end: number; text: string; pos: string; space: string; winkSentence: number }

/** Splits text into sentences and tokens; every offset slices `text` exactly. */
export function segmentText(text: string): Segmentation {
  const w = wink();
  const doc = w.readDoc(text);
  const values = doc.tokens().out(w.its.value);
  const pos = doc.tokens().out(w.its.pos);
  const spaces = doc.tokens().out(w.its.precedingSpaces);
  const spans = doc.sentences().out(w.its.span);
  // (Each stage is a function of its own: the JIT compiles each loop once, small.)
  const merged = mergeHyphenated(placeTokens(text, values, pos, spaces, spans), text);
  const segmentation = buildSentences(merged, text);
  markSentenceStarts(segmentation);
  return segmentation;
}

/** Offsets: wink keeps every character either in a token or in the spaces before it. */
function placeTokens(text: string, values: string[], pos: string[], spaces: string[], spans: [number, number][]): RawToken[] {
  const raw: RawToken[] = [];
  let offset = 0;
  let s = 0;
  for (let i = 0; i < values.length; i++) {
    while (s < spans.length - 1 && i > spans[s]![1]) s++;
    const v = values[i]!;
    let start = offset + (spaces[i]?.length ?? 0);
    if (text.startsWith(v, start) === false) {
      const found = text.indexOf(v, offset);
      if (found < 0) continue; // wink normalised the token away: skip it rather than misplace it
      start = found;
    }
    raw.push({ start, end: start + v.length, text: v, pos: pos[i] ?? 'X', space: text.slice(offset, start), winkSentence: s });
    offset = start + v.length;
  }
  return raw;
}

/** Merges "Jong - un", "Asia - Pacific", "al - Rashid" into single words when written without spaces. */
function mergeHyphenated(raw: RawToken[], text: string): RawToken[] {
  const merged: RawToken[] = [];
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i]!;
    const prev = merged[merged.length - 1];
    const next = raw[i + 1];
    if (prev && next && HYPHENS.has(t.text) && t.space === '' && next.space === '' && /\p{L}$/u.test(prev.text) && /^\p{L}/u.test(next.text) && t.pos !== 'SPACE') {
      prev.end = next.end;
      prev.text = text.slice(prev.start, prev.end);
      if (prev.pos !== 'PROPN' && /^\p{Lu}/u.test(next.text)) prev.pos = 'PROPN';
      i++;
      continue;
    }
    merged.push({ ...t });
  }
  return merged;
}

/** Tokens and sentences: wink's sentence breaks, and a break at newlines that end a line of text. */
function buildSentences(merged: RawToken[], text: string): Segmentation {
  const hardWrapped = isHardWrapped(text);
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  const sentenceTokens: [number, number][] = [];
  let sentenceStartIdx = 0;
  let lastWinkSentence = merged[0]?.winkSentence ?? 0;
  let pendingBreak = false;
  const closeSentence = () => {
    if (tokens.length > sentenceStartIdx) {
      const first = tokens[sentenceStartIdx]!;
      const last = tokens[tokens.length - 1]!;
      sentences.push({ index: sentences.length, start: first.start, end: last.end, text: text.slice(first.start, last.end) });
      sentenceTokens.push([sentenceStartIdx, tokens.length]);
    }
    sentenceStartIdx = tokens.length;
  };
  for (const t of merged) {
    const isSpace = t.pos === 'SPACE' || /^\s+$/.test(t.text);
    if (isSpace) {
      if (t.text.includes('\n') && shouldBreakAtNewline(text, t.start, hardWrapped)) pendingBreak = true;
      continue;
    }
    if (t.space.includes('\n') && shouldBreakAtNewline(text, t.start - 1, hardWrapped)) pendingBreak = true;
    if (pendingBreak || t.winkSentence !== lastWinkSentence) {
      // wink breaks after closing quotes too eagerly in some cases; keep its break unless it splits a token run.
      closeSentence();
      pendingBreak = false;
    }
    lastWinkSentence = t.winkSentence;
    tokens.push({
      index: tokens.length, start: t.start, end: t.end, text: t.text, lower: t.text.toLowerCase(), pos: t.pos,
      sentence: sentences.length, spaceBefore: t.space.length > 0, sentenceStart: false,
    });
  }
  closeSentence();
  return { sentences, tokens, sentenceTokens };
}

/** The first token of each sentence after any opening quotes or brackets starts it. */
function markSentenceStarts({ tokens, sentenceTokens }: Segmentation): void {
  for (const [a, b] of sentenceTokens) {
    let i = a;
    while (i < b && tokens[i]!.pos === 'PUNCT' && /^["“‘'(\[«]$/.test(tokens[i]!.text)) i++;
    if (i < b) tokens[i]!.sentenceStart = true;
  }
}

/** A text whose lines are wrapped at a fixed width, so a single newline does not end a sentence. */
function isHardWrapped(text: string): boolean {
  const lengths: number[] = []; // of the lines that are not blank
  let short = 0; // lines of at most 100 characters
  for (const line of text.split('\n')) {
    if (line.trim().length === 0) continue;
    lengths.push(line.length);
    if (line.length <= 100) short++;
  }
  if (lengths.length < 4) return false;
  lengths.sort((a, b) => a - b);
  const median = lengths[Math.floor(lengths.length / 2)]!;
  return median >= 40 && median <= 100 && short >= lengths.length * 0.8;
}

/** Whether the newline(s) at or before `at` end a sentence: always, except inside hard-wrapped prose. */
function shouldBreakAtNewline(text: string, at: number, hardWrapped: boolean): boolean {
  // A blank line always breaks.
  let i = at;
  while (i > 0 && /\s/.test(text[i]!)) i--;
  let next = at + 1; // the first non-space character after the newline (or the end)
  while (next < text.length && /\s/.test(text[next]!)) next++;
  const gap = text.slice(i + 1, next);
  if ((gap.match(/\n/g) ?? []).length >= 2) return true;
  if (!hardWrapped) return true;
  const prevChar = text[i] ?? '';
  if (/[.!?:;"”’)\]]/.test(prevChar)) return true;
  const lineStart = text.lastIndexOf('\n', i) + 1;
  return i - lineStart < 40; // a short line (title, dateline) in wrapped text
}
