import { describe, expect, it } from 'vitest';
import { extract, entityNamed, typeOf } from './extract-helpers.ts';

describe('recognize and type names', () => {
  it.each([
    // [sentence, name, expected type]
    ['The talks were attended by Angela Fischer, the mayor.', 'Angela Fischer', 'Person'],
    ['Officials from the World Bank arrived on Monday.', 'World Bank', 'Organization'],
    ['The Ministry of Health said the outbreak was contained.', 'Ministry of Health', 'Organization'],
    ['Protesters gathered outside the Bank of England.', 'Bank of England', 'Organization'],
    ['Rescue teams reached Lake Tanganyika by boat.', 'Lake Tanganyika', 'Place'],
    ['The ship sank in the Gulf of Aden last year.', 'Gulf of Aden', 'Place'],
    ['Thousands gathered at Tahrir Square on Friday.', 'Tahrir Square', 'Place'],
    ['Farmers in Germany protested against the new rules.', 'Germany', 'Country'],
    ['The storm reached Lagos before dawn.', 'Lagos', 'City'],
    ['Judges in The Hague ruled on Monday.', 'The Hague', 'City'],
    ['The report was written by J.R. Tolland of the institute.', 'J.R. Tolland', 'Person'],
    ['Officials told the Yamato news agency that the fire was out.', 'Yamato news agency', 'Organization'],
  ])('%s → %s is a %s', (text, name, type) => {
    expect(typeOf(extract(text), name)).toBe(type);
  });

  it.each([
    ['sentence-initial ordinary words', 'Analysts expect prices to fall.', ['Analysts']],
    ['weekdays and months', 'On Tuesday the council met, and in March it voted.', ['Tuesday', 'On Tuesday', 'March']],
    ['religions and region adjectives', 'Muslim and Christian leaders met European diplomats.', ['Muslim', 'Christian', 'European']],
    ['time zones and roman numerals', 'The site was back at 15:11 GMT, the report said, in part XVII.', ['GMT', 'XVII']],
    ['titles alone', 'The President said the Minister would resign.', ['President', 'Minister']],
  ])('ignores %s', (_name, text, names) => {
    const x = extract(text);
    for (const n of names) expect(entityNamed(x, n), n).toBeUndefined();
  });

  it('splits a demonym and a title from the name they qualify', () => {
    const x = extract('Brazilian President Luiz Rocha visited the port.');
    expect(typeOf(x, 'Luiz Rocha')).toBe('Person');
    expect(typeOf(x, 'Brazil')).toBe('Country');
    expect(entityNamed(x, 'Brazilian President Luiz Rocha')?.label).toBe('Luiz Rocha');
  });

  it('reads a headline without trusting its capitals', () => {
    const x = extract('Storms Batter Coastal Towns In Peru\nThursday, January 4, 2024\nStorms battered coastal towns in Peru on Wednesday.');
    expect(entityNamed(x, 'Storms')).toBeUndefined();
    expect(entityNamed(x, 'Coastal Towns')).toBeUndefined();
    expect(typeOf(x, 'Peru')).toBe('Country');
  });

  it('splits two countries joined by a hyphen', () => {
    const x = extract('India-Pakistan relations have been tense for decades.');
    expect(typeOf(x, 'India')).toBe('Country');
    expect(typeOf(x, 'Pakistan')).toBe('Country');
  });

  it('expands coordinated country names', () => {
    const x = extract('North and South Korea held talks at the border.');
    expect(typeOf(x, 'North Korea')).toBe('Country');
    expect(typeOf(x, 'South Korea')).toBe('Country');
  });

  it('treats a name before a lower-case event noun as an event, not an entity', () => {
    const x = extract('Millions travel during the Diwali festival. The Diwali celebrations lasted a week.');
    expect(entityNamed(x, 'Diwali')).toBeUndefined();
  });
});

describe('adjectives and holidays', () => {
  it('maps a demonym world-countries lacks to its country ("Icelandic")', () => {
    const x = extract('Icelandic President Gudrun Olafsdottir opened the session.');
    expect(typeOf(x, 'Iceland')).toBe('Country');
    expect(entityNamed(x, 'Icelandic')?.label).toBe('Iceland');
  });

  it('types compass regions and holidays, not as organisations', () => {
    const x = extract('Fishing fleets in the North Atlantic stayed in port for Lunar New Year.');
    expect(typeOf(x, 'North Atlantic')).toBe('Region');
    expect(entityNamed(x, 'Lunar New Year')).toBeUndefined();
    expect(x.events.some((e) => e.label === 'Lunar New Year')).toBe(true);
  });
});
