import { describe, expect, it } from 'vitest';
import { segmentText } from '../src/extract/segment.ts';

describe('segmentText', () => {
  it.each([
    ['Two sentences.', 'The minister resigned on Monday. Her deputy took over.', 2],
    ['abbreviations do not end sentences', 'Dr. Ruth Adams met U.S. officials. They talked.', 2],
    ['a headline and a dateline are sentences of their own', 'Floods hit coastal towns\nMonday, May 6, 2024\nHeavy rain flooded the towns.', 3],
    ['a blank line ends a sentence', 'First paragraph without a stop\n\nSecond paragraph.', 2],
  ])('%s', (_name, text, count) => {
    const { sentences } = segmentText(text);
    expect(sentences).toHaveLength(count);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('gives every token exact offsets, also after curly quotes and emoji', () => {
    const text = 'The mayor 🙂 said “fine” – and left. Ana’s car was red.';
    const { tokens } = segmentText(text);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens.map((t) => t.text)).toContain('“');
  });

  it('keeps hyphenated names as one token', () => {
    const { tokens } = segmentText('Kim Jong-un spoke to the Asia-Pacific forum.');
    expect(tokens.map((t) => t.text)).toEqual(expect.arrayContaining(['Jong-un', 'Asia-Pacific']));
  });

  it('joins a name split across lines of hard-wrapped text', () => {
    const text = [
      'The committee heard evidence from several witnesses on Tuesday, including',
      'the former finance minister Maria Gonzalez, who described the budget as a',
      'serious risk to the economy and called for an independent review of the',
      'figures before the vote. The chair thanked her for her frank testimony.',
    ].join('\n');
    const { sentences } = segmentText(text);
    expect(sentences).toHaveLength(2);
  });

  it('returns nothing for an empty text', () => {
    expect(segmentText('').sentences).toEqual([]);
  });
});
