/** Search over node labels and aliases: pure functions, testable without a browser. */

/** One searchable name of a node. */
export interface SearchEntry {
  node: string;
  /** The text shown and matched (a label or an alias). */
  text: string;
  /** The node's label, when `text` is an alias. */
  label: string;
  /** Tie-breaker: better-connected nodes first. */
  weight: number;
}

/** Lower-cases and strips accents and punctuation so "Carney's" finds "Carney". */
export function normalizeName(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[\u2018\u2019']s\b/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * Ranks entries for a query. Match quality first (exact name; the query as whole words of the name, as a
 * surname is; name prefix; word prefix; substring), then how much of the name the query covers, so that
 * "Carney" finds "Mark Carney" before "Meeting between Mark Carney and Xi Jinping"; labels before aliases.
 */
export function searchEntries(entries: readonly SearchEntry[], query: string, limit = 10): SearchEntry[] {
  const q = normalizeName(query);
  if (!q) return [];
  const scored: Array<{ e: SearchEntry; score: number }> = [];
  for (const e of entries) {
    const t = normalizeName(e.text);
    let score: number;
    if (t === q) score = 0;
    else if (` ${t} `.includes(` ${q} `)) score = 1;
    else if (t.startsWith(q)) score = 1.5;
    else if (` ${t}`.includes(` ${q}`)) score = 2;
    else if (t.includes(q)) score = 3;
    else continue;
    score += 0.9 * (1 - q.length / Math.max(t.length, 1));
    if (e.text !== e.label) score += 0.5;
    scored.push({ e, score });
  }
  scored.sort((a, b) => a.score - b.score || b.e.weight - a.e.weight || a.e.text.localeCompare(b.e.text));
  const seen = new Set<string>();
  const out: SearchEntry[] = [];
  for (const { e } of scored) {
    if (seen.has(e.node)) continue;
    seen.add(e.node);
    out.push(e);
    if (out.length >= limit) break;
  }
  return out;
}
