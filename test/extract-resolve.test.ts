import { describe, expect, it } from 'vitest';
import { extract, entityNamed } from './extract-helpers.ts';
import { chooseCity, initials, slugify } from '../src/extract/resolve.ts';
import { loadGazetteer } from '../src/gazetteer/index.ts';

describe('resolve aliases into one entity', () => {
  it.each([
    ['full name, surname and titled surname', 'Prime Minister Sofia Lindqvist arrived. Lindqvist spoke first. Later, Prime Minister Lindqvist left.', 'Sofia Lindqvist', ['Lindqvist', 'Prime Minister Lindqvist']],
    ['acronym defined in parentheses', 'The International Energy Agency (IEA) published a report. The IEA expects demand to grow.', 'International Energy Agency', ['IEA']],
    ['acronym defined the other way round', 'The head of the UNHCR (United Nations High Commissioner for Refugees) spoke.', 'United Nations High Commissioner for Refugees', ['UNHCR']],
    ['acronym by initials', 'The Kenya Wildlife Service counted the herds. Rangers of the KWS found two calves.', 'Kenya Wildlife Service', ['KWS']],
    ['demonym to country', 'Mexican farmers blocked roads across Mexico.', 'Mexico', ['Mexican']],
    ['a short form of a longer organisation name', 'The Constitutional Court of Peru ruled on Monday. The Court said the law was void.', 'Constitutional Court of Peru', ['Court']],
    ['"the North" after North Korea', 'North Korea fired a missile. The North said it was a test.', 'North Korea', ['North']],
  ])('%s', (_name, text, label, aliases) => {
    const x = extract(text);
    const e = entityNamed(x, label);
    expect(e, label).toBeDefined();
    expect(e!.label).toBe(label);
    for (const a of aliases) expect(e!.aliases, a).toContain(a);
    expect(x.entities.filter((y) => y.label === label || y.aliases.includes(label))).toHaveLength(1);
  });

  it('keeps possessives out of names', () => {
    const x = extract("Nigeria's president met Ghana's foreign minister.");
    expect(entityNamed(x, 'Nigeria')).toBeDefined();
    expect(entityNamed(x, "Nigeria's")).toBeUndefined();
  });

  it('resolves a capital acting as its government to the country', () => {
    const x = extract('Canada criticised the plan. Ottawa says the plan breaks the treaty.');
    const canada = entityNamed(x, 'Canada')!;
    expect(canada.mentions.map((m) => m.text)).toContain('Ottawa');
    expect(canada.aliases).not.toContain('Ottawa');
    // The city keeps its own node and GeoNames link.
    const ottawa = entityNamed(x, 'Ottawa')!;
    expect(ottawa.type).toBe('City');
    expect(ottawa.geonames).toMatch(/^\d+$/);
    expect(ottawa.locatedIn).toBe(canada.key);
  });

  it('links countries to Wikidata and cities to GeoNames from packaged data only', () => {
    const x = extract('Flooding hit Sydney, Australia, and Perth.');
    expect(entityNamed(x, 'Australia')!.wikidata).toBe('Q408');
    const sydney = entityNamed(x, 'Sydney')!;
    expect(sydney.countryCode).toBe('AU');
    expect(sydney.geonames).toMatch(/^\d+$/);
    expect(sydney.locatedIn).toBe(entityNamed(x, 'Australia')!.key);
  });

  it('never guesses a city: an ambiguous namesake gets no id without context', () => {
    const gaz = loadGazetteer();
    const mention = (name: string) => ({ id: 0, tokenStart: 0, tokenEnd: 1, start: 0, end: name.length, text: name, sentence: 0, kind: 'city' as const, cities: gaz.cities.get(name.toLowerCase()) });
    // Several Richmonds of similar size: no link, with or without the United States in the text.
    expect(chooseCity(mention('Richmond'), new Set())).toBeUndefined();
    expect(chooseCity(mention('Richmond'), new Set(['US']))).toBeUndefined();
    // Vancouver: the Canadian city dwarfs its namesakes; the country in the text decides otherwise.
    expect(chooseCity(mention('Vancouver'), new Set())?.country).toBe('CA');
    expect(chooseCity(mention('Vancouver'), new Set(['US']))?.country).toBe('US');
  });

  it.each([
    ["Korean People's Army", 'KPA'],
    ['Asia-Pacific Economic Cooperation', 'APEC'],
    ['Union of Concerned Scientists', 'UCS'],
  ])('initials(%s) = %s', (name, expected) => {
    expect(initials(name)).toBe(expected);
  });

  it.each([
    ['Mark Carney', 'mark-carney'],
    ['Zoë Ñúñez', 'zoe-nunez'],
    ["People's Army", 'peoples-army'],
  ])('slugify(%s) = %s', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('percent-encodes names in other scripts', () => {
    const s = slugify('محمد');
    expect(s).toMatch(/^[A-Za-z0-9%-]+$/);
    expect(decodeURIComponent(s)).toBe('محمد');
  });
});
