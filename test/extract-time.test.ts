import { describe, expect, it } from 'vitest';
import { resolveRelative, parseYear, monthOf } from '../src/extract/time.ts';
import { extract } from './extract-helpers.ts';

describe('relative time against the article date (Wednesday 2024-03-13)', () => {
  const date = '2024-03-13';
  it.each([
    ['yesterday', '2024-03-12'],
    ['today', '2024-03-13'],
    ['tomorrow', '2024-03-14'],
    ['on Monday', '2024-03-11'],
    ['on Wednesday', '2024-03-13'],
    ['last Wednesday', '2024-03-06'],
    ['this year', '2024'],
    ['earlier this year', '2024'],
    ['last year', '2023'],
    ['last month', '2024-02'],
    ['this month', '2024-03'],
  ])('%s → %s', (phrase, value) => {
    expect(resolveRelative(phrase, date)?.value).toBe(value);
  });

  it.each([
    ['two days ago', '2024-03-11'],
    ['3 weeks ago', '2024-02-21'],
    ['last night', '2024-03-12'],
    ['this morning', '2024-03-13'],
    ['next Tuesday', '2024-03-19'],
    ['six months ago', '2023-09'],
  ])('%s → %s', (phrase, value) => {
    expect(resolveRelative(phrase, date)?.value).toBe(value);
  });

  it('reads a weekday forward when the clause speaks of the future', () => {
    expect(resolveRelative('on Friday', date, 'future')?.value).toBe('2024-03-15');
    expect(resolveRelative('on Friday', date, 'past')?.value).toBe('2024-03-08');
  });

  it('keeps weeks and weekends as text', () => {
    expect(resolveRelative('last weekend', date)).toEqual({ text: 'last weekend' });
  });

  it('keeps the text when the article date is unknown', () => {
    expect(resolveRelative('yesterday')).toEqual({ text: 'yesterday' });
  });

  it('crosses year boundaries', () => {
    expect(resolveRelative('last month', '2024-01-05')?.value).toBe('2023-12');
    expect(resolveRelative('yesterday', '2024-01-01')?.value).toBe('2023-12-31');
  });

  it('is not fooled by other phrases', () => {
    expect(resolveRelative('the week', date)).toBeUndefined();
  });
});

describe('dates in text', () => {
  it.each([['1999', 1999], ['2030', 2030], ['1066', undefined], ['20000', undefined]])('parseYear(%s)', (s, y) => {
    expect(parseYear(s)).toBe(y);
  });
  it.each([['March', 3], ['Sept.', 9], ['dec', 12], ['Marching', undefined]])('monthOf(%s)', (s, m) => {
    expect(monthOf(s)).toBe(m);
  });

  it('a full date with the article year', () => {
    const x = extract('Police arrested Omar Haddad in Tunis on July 8.', '2015-08-02');
    expect(x.events[0]!.date).toBe('2015-07-08');
  });

  it('a month without a year: last December in a January article, next March when future', () => {
    expect(extract('Police arrested Omar Haddad in Tunis in December.', '2024-01-10').events[0]!.date).toBe('2023-12');
    expect(extract('Peru and Chile will hold talks in Lima in March.', '2023-11-10').events[0]!.date).toBe('2024-03');
  });

  it('a future meeting on a weekday is the coming one', () => {
    expect(extract('Peru and Chile will hold talks in Lima on Friday.', '2024-03-13').events[0]!.date).toBe('2024-03-15');
  });

  it("a weekday's event: \"Monday's meeting\"", () => {
    expect(extract("Peru and Chile held Monday's meeting in Lima.", '2024-03-13').events[0]!.date).toBe('2024-03-11');
  });

  it('yesterday, resolved', () => {
    const x = extract('Police arrested Omar Haddad in Tunis yesterday.', '2015-08-02');
    expect(x.events[0]!.date).toBe('2015-08-01');
  });
});
