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

/** Compiles one regular expression over every label of the scheme. */
export function compileTopicMatcher(scheme: TopicConcept[]): TopicMatcher {
  const hit = cache.get(scheme);
  if (hit) return hit;
  const byPhrase = new Map<string, string>();
  for (const c of scheme) {
    // Prefer the more specific concept when two share a keyword.
    for (const p of [c.label, ...c.altLabels]) {
      const k = p.toLowerCase().trim();
      if (!k || k.includes(',')) continue;
      const prev = byPhrase.get(k);
      if (!prev || (c.broader && !scheme.find((x) => x.key === prev)?.broader)) byPhrase.set(k, c.key);
    }
  }
  const phrases = [...byPhrase.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
  const escaped = phrases.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[-‐–]/g, '[-‐–\\s]?'));
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  const matcher: TopicMatcher = {
    concepts: new Map(scheme.map((c) => [c.key, c])),
    find(text, sentences) {
      const hits: TopicHit[] = [];
      let s = 0;
      for (const m of text.matchAll(re)) {
        const start = m.index!;
        while (s < sentences.length - 1 && sentences[s]!.end <= start) s++;
        const key = byPhrase.get(m[0].toLowerCase()) ?? byPhrase.get(m[0].toLowerCase().replace(/[-‐–\s]+/g, '-')) ?? lookupLoose(m[0]);
        if (key) hits.push({ key, sentence: s, start, end: start + m[0].length, text: m[0] });
      }
      return hits;
    },
  };
  function lookupLoose(found: string): string | undefined {
    const norm = (x: string) => x.toLowerCase().replace(/[-‐–\s]+/g, '');
    const f = norm(found);
    for (const [p, k] of byPhrase) if (norm(p) === f) return k;
    return undefined;
  }
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
