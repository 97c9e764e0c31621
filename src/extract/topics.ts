/**
 * Topics: finds the concepts of the SKOS scheme (ontology/topics.ttl) whose labels or alternative
 * labels occur in the text, as whole words, longest phrase first.
 */
import type { TopicConcept } from '../rdf/topics.ts';
import type { Sentence } from './types.ts';

/** One occurrence of a topic keyword. */
export interface TopicHit {
  key: string;
  sentence: number;
  start: number;
  end: number;
  text: string;
}

/** A compiled matcher over a topic scheme. */
export interface TopicMatcher {
  concepts: Map<string, TopicConcept>;
  find(text: string, sentences: Sentence[]): TopicHit[];
}

const cache = new WeakMap<TopicConcept[], TopicMatcher>();

interface TrieNode {
  next: Map<string, TrieNode>;
  /** Separators between the phrase's words: "-" for a hyphen, else the text itself (" "). */
  seps?: string[];
  key?: string;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Splits a phrase into words and the separators between them. */
function wordsOf(phrase: string): { words: string[]; seps: string[] } {
  const words: string[] = [];
  const seps: string[] = [];
  let last = -1;
  for (const m of phrase.matchAll(WORD)) {
    if (last >= 0) {
      const sep = phrase.slice(last, m.index);
      // A space must be a space; a hyphen may be written as a hyphen, a dash or a space.
      seps.push(/^[-‐–]$/u.test(sep) ? '-' : sep.replace(/’/g, "'"));
    }
    words.push(m[0].toLowerCase());
    last = m.index! + m[0].length;
  }
  return { words, seps };
}

/** Compiles a word trie over every label of the scheme (longest phrase wins, whole words only). */
export function compileTopicMatcher(scheme: TopicConcept[]): TopicMatcher {
  const hit = cache.get(scheme);
  if (hit) return hit;
  const root: TrieNode = { next: new Map() };
  const keyOf = new Map<string, string>();
  for (const c of scheme) {
    // Prefer the more specific concept when two share a keyword.
    for (const p of [c.label, ...c.altLabels]) {
      const k = p.toLowerCase().trim();
      if (!k || k.includes(',')) continue;
      const prev = keyOf.get(k);
      if (!prev || (c.broader && !scheme.find((x) => x.key === prev)?.broader)) keyOf.set(k, c.key);
    }
  }
  for (const [phrase, key] of keyOf) {
    const { words, seps } = wordsOf(phrase);
    if (!words.length) continue;
    let node = root;
    for (const w of words) {
      let n = node.next.get(w);
      if (!n) node.next.set(w, (n = { next: new Map() }));
      node = n;
    }
    if (!node.key) { node.key = key; node.seps = seps; }
  }
  const matcher: TopicMatcher = {
    concepts: new Map(scheme.map((c) => [c.key, c])),
    find(text, sentences) {
      const hits: TopicHit[] = [];
      const words = [...text.matchAll(WORD)];
      let s = 0;
      for (let i = 0; i < words.length; i++) {
        let node = root.next.get(words[i]![0].toLowerCase());
        if (!node) continue;
        let best: { node: TrieNode; end: number } | undefined;
        let j = i;
        for (;;) {
          if (node.key && sepsMatch(node.seps!, i, j)) best = { node, end: j };
          const w = words[j + 1];
          if (!w) break;
          const nextNode = node.next.get(w[0].toLowerCase());
          if (!nextNode) break;
          node = nextNode;
          j++;
        }
        if (!best) continue;
        const start = words[i]!.index!;
        const last = words[best.end]!;
        const end = last.index! + last[0].length;
        while (s < sentences.length - 1 && sentences[s]!.end <= start) s++;
        hits.push({ key: best.node.key!, sentence: s, start, end, text: text.slice(start, end) });
        i = best.end;
      }
      return hits;

      /** Whether the text between words i..j has the separators the phrase has. */
      function sepsMatch(seps: string[], i: number, j: number): boolean {
        for (let k = i; k < j; k++) {
          const a = words[k]!;
          const between = text.slice(a.index! + a[0].length, words[k + 1]!.index);
          const want = seps[k - i]!;
          if (want === '-' ? !/^[-‐–\s]$/u.test(between) : between.replace(/’/g, "'") !== want) return false;
        }
        return true;
      }
    },
  };
  cache.set(scheme, matcher);
  return matcher;
}

/**
 * Keeps the topics the text is about: a finer concept on one keyword, a broad top-level concept only
 * when two or more of its keywords occur (broad words such as "economic" or "peace" are weak
 * evidence on their own).
 */
export function selectTopics(hits: TopicHit[], matcher: TopicMatcher): TopicHit[] {
  const count = new Map<string, number>();
  for (const h of hits) count.set(h.key, (count.get(h.key) ?? 0) + 1);
  return hits.filter((h) => {
    const c = matcher.concepts.get(h.key);
    return c?.broader ? true : (count.get(h.key) ?? 0) >= 2;
  });
}
