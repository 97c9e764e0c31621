import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../src/gazetteer/index.ts';

describe('gazetteer from npm data packages', () => {
  const gaz = loadGazetteer();
  it('has every country with its Wikidata id', () => {
    expect(gaz.countries.size).toBeGreaterThan(240);
    expect(gaz.countries.get('FR')!.wikidata).toBe('Q142');
    expect(gaz.countryNames.get('france')).toBe('FR');
    expect(gaz.countryNames.get('dprk')).toBe('KP');
    expect(gaz.countryNames.get('u.s.')).toBe('US');
  });
  it('leaves out two-letter codes that are ordinary words', () => {
    expect(gaz.countryNames.has('it')).toBe(false);
    expect(gaz.countryNames.has('in')).toBe(false);
  });
  it('maps demonyms, and leaves out ambiguous ones', () => {
    expect(gaz.demonyms.get('canadian')).toBe('CA');
    expect(gaz.demonyms.get('north korean')).toBe('KP');
  });
  it('knows capitals and cities with GeoNames ids, most populous first', () => {
    expect(gaz.capitals.get('ottawa')).toBe('CA');
    const vancouver = gaz.cities.get('vancouver')!;
    expect(vancouver[0]!.country).toBe('CA');
    expect(vancouver.some((c) => c.country === 'US')).toBe(true);
  });
  it('knows world regions with Wikidata ids', () => {
    expect(gaz.regions.get('europe')?.wikidata).toBe('Q46');
  });
  it('has name and common-word lexicons', () => {
    expect(gaz.lexicon.firstNames.has('maria')).toBe(true);
    expect(gaz.lexicon.dictionary.has('analysts')).toBe(true);
    expect(gaz.lexicon.dictionary.has('huawei')).toBe(false);
  });
});
