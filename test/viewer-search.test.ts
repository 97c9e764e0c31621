// Pure parts of the viewer (no DOM, no sigma): search ranking and the choice of marked mentions.
import { describe, expect, it } from 'vitest';
import { normalizeName, searchEntries, type SearchEntry } from '../viewer/src/search.ts';
import { chooseHighlights } from '../viewer/src/panel.ts';

function entry(node: string, text: string, label = text, weight = 1): SearchEntry {
  return { node, text, label, weight };
}

const entries: SearchEntry[] = [
  entry('meeting', 'Meeting between Mark Carney and Xi Jinping', undefined, 7),
  entry('meeting', 'Carney–Xi talks', 'Meeting between Mark Carney and Xi Jinping', 7),
  entry('carney', 'Mark Carney', undefined, 2),
  entry('carney', 'Prime Minister Carney', 'Mark Carney', 2),
  entry('xi', 'Xi Jinping', undefined, 2),
  entry('xi', 'President Xi', 'Xi Jinping', 2),
  entry('quebec', 'Québec', undefined, 1),
  entry('canada', 'Canada', undefined, 5),
  entry('canada', 'Canadian', 'Canada', 5),
];

describe('search ranking', () => {
  const cases: Array<[string, string[]]> = [
    ['Carney', ['carney', 'meeting']],
    ['carney', ['carney', 'meeting']],
    ['Xi', ['xi', 'meeting']],
    ['President Xi', ['xi']],
    ['quebec', ['quebec']],
    ['Canad', ['canada']],
    ['Carney\u2019s', ['carney', 'meeting']],
    ['nothing like this', []],
    ['  ', []],
  ];
  it.each(cases)('%j finds %j', (query, nodes) => {
    expect(searchEntries(entries, query).map((e) => e.node)).toEqual(nodes);
  });

  it('returns each node once and at most `limit` results', () => {
    const many = Array.from({ length: 30 }, (_, i) => entry(`n${i}`, `Node ${i}`));
    expect(searchEntries(many, 'node', 5)).toHaveLength(5);
    expect(new Set(searchEntries(entries, 'a', 50).map((e) => e.node)).size).toBe(searchEntries(entries, 'a', 50).length);
  });

  it('normalizes case, accents, possessives and punctuation', () => {
    expect(normalizeName('  Québec’s  Prime-Minister ')).toBe('quebec prime minister');
  });
});

describe('marked mentions', () => {
  it('keeps the focused entity when mentions overlap, and sorts by position', () => {
    const chosen = chooseHighlights([
      { start: 0, end: 8, entity: 'canada' },
      { start: 0, end: 35, entity: 'carney' },
      { start: 40, end: 50, entity: 'xi' },
    ], new Set(['canada']));
    expect(chosen.map((h) => [h.entity, h.focus])).toEqual([['canada', true], ['xi', false]]);
  });

  it('prefers the longer mention when none is focused', () => {
    const chosen = chooseHighlights([{ start: 0, end: 8, entity: 'a' }, { start: 0, end: 35, entity: 'b' }], new Set());
    expect(chosen.map((h) => h.entity)).toEqual(['b']);
  });
});
