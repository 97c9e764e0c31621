// Relative time expressions resolved against the article date, through the whole extractor
// (analyzeArticle), on sentences where the text leaves one reading.
import { describe, expect, it } from 'vitest';
import { analyzeArticle, resolveRelative } from '../src/extract/index.ts';
import { readArticles } from '../src/input/index.ts';

/** The one event of a sentence, as kind, ISO date and the time as written. */
function eventOf(text: string, date?: string): { kind: string; date: string | undefined; timeText: string | undefined } {
  const x = analyzeArticle(text, date === undefined ? { id: 'case' } : { id: 'case', date });
  expect(x.events, `events of ${JSON.stringify(text)}`).toHaveLength(1);
  const e = x.events[0]!;
  return { kind: e.kind, date: e.date, timeText: e.timeText?.toLowerCase() };
}

describe('relative dates on events, against the article date', () => {
  it.each([
    // [sentence, article date, kind, ISO date of the event]
    ['Norwegian Prime Minister Ingrid Halvorsen met Finnish President Mikko Laine in Oslo yesterday.', '2025-03-04', 'Meeting', '2025-03-03'],
    ['Norwegian Prime Minister Ingrid Halvorsen met Finnish President Mikko Laine in Oslo yesterday.', '2025-03-01', 'Meeting', '2025-02-28'],
    ['Norwegian Prime Minister Ingrid Halvorsen met Finnish President Mikko Laine in Oslo yesterday.', '2024-03-01', 'Meeting', '2024-02-29'],
    ['Norwegian Prime Minister Ingrid Halvorsen met Finnish President Mikko Laine in Oslo yesterday.', '2025-03-04T23:30:00-05:00', 'Meeting', '2025-03-03'],
    ['President Lula met President Milei in Brasilia on Tuesday morning.', '2025-06-12', 'Meeting', '2025-06-10'],
    ['President Lula met President Milei in Brasilia on Tuesday morning.', '2025-06-10', 'Meeting', '2025-06-10'],
    ['Japan and South Korea signed a trade agreement last month.', '2025-03-04', 'Agreement', '2025-02'],
    ['Japan and South Korea signed a trade agreement last month.', '2025-01-15', 'Agreement', '2024-12'],
    ['The leaders of Japan and South Korea met in Tokyo this year to discuss trade.', '2025-06-10', 'Meeting', '2025'],
    ['Brazil and Argentina signed an agreement on March 3 in Buenos Aires.', '2025-06-10', 'Agreement', '2025-03-03'],
    ['Brazil and Argentina signed an agreement on March 3, 2019 in Buenos Aires.', '2025-06-10', 'Agreement', '2019-03-03'],
  ])('%s (article of %s) → %s on %s', (text, date, kind, iso) => {
    expect(eventOf(text, date)).toMatchObject({ kind, date: iso });
  });

  it('without an article date, a relative time stays text', () => {
    expect(eventOf('Norwegian Prime Minister Ingrid Halvorsen met Finnish President Mikko Laine in Oslo yesterday.')).toEqual({ kind: 'Meeting', date: undefined, timeText: 'yesterday' });
  });

  it('a full date needs no article date', () => {
    expect(eventOf('Brazil and Argentina signed an agreement on March 3, 2019 in Buenos Aires.')).toMatchObject({ date: '2019-03-03' });
  });

  it.each([
    ['yesterday', '2025-01-01', '2024-12-31'],
    ['today', '2025-01-01', '2025-01-01'],
    ['last month', '2025-01-01', '2024-12'],
    ['this year', '2025-01-01', '2025'],
    ['earlier this year', '2025-11-30', '2025'],
    ['on Thursday', '2025-03-07', '2025-03-06'], // a Friday
    ['last Friday', '2025-03-07', '2025-02-28'],
  ])('resolveRelative(%j, %s) = %s', (phrase, date, value) => {
    expect(resolveRelative(phrase, date)?.value).toBe(value);
  });
});

describe('the date line of a .txt drives the resolution', () => {
  it('"yesterday" in an article dated by its dateline is the day before', () => {
    const [input] = readArticles([new URL('./fixtures/articles-multi/mackerel-talks.txt', import.meta.url).pathname]);
    expect(input!.meta.date).toBe('2025-03-04');
    const x = analyzeArticle(input!.text, input!.meta);
    const met = x.events.find((e) => e.timeText?.toLowerCase() === 'yesterday');
    expect(met?.date).toBe('2025-03-03');
  });
});
