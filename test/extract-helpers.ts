// Small helpers for the extractor tests: run the pipeline on a sentence and look things up by name.
import { analyzeArticle } from '../src/extract/index.ts';
import type { Entity, Extraction, NewsEvent } from '../src/extract/types.ts';

/** Extracts one short text (no metadata unless given). */
export function extract(text: string, date?: string): Extraction {
  return analyzeArticle(text, { id: 'test', date });
}

/** The entity that has `name` as label or alias (case-sensitive), or undefined. */
export function entityNamed(x: Extraction, name: string): Entity | undefined {
  return x.entities.find((e) => e.label === name || e.aliases.includes(name));
}

/** The type of the entity named `name`, or 'none'. */
export function typeOf(x: Extraction, name: string): string {
  return entityNamed(x, name)?.type ?? 'none';
}

/** Labels of an event's participants, sorted. */
export function participantLabels(x: Extraction, ev: NewsEvent): string[] {
  return ev.participants.map((k) => x.entities.find((e) => e.key === k)!.label).sort();
}

/** The label of the entity with this key. */
export function labelOf(x: Extraction, key: string | undefined): string | undefined {
  return key ? x.entities.find((e) => e.key === key)?.label : undefined;
}
