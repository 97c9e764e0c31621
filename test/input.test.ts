import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  parsePublicationDate, readTextHeader, looksLikeTitle, readMarkdown, readHtml, readJsonl, expandArticlePaths, readArticles, readArticleInputs, inputFormatOf,
} from '../src/input/index.ts';
import { InputError, UsageError } from '../src/errors.ts';
import { tempDir } from './cli-helpers.ts';

const FIXTURES = new URL('./fixtures/input/', import.meta.url).pathname;
const fixture = (name: string) => join(FIXTURES, name);

describe('parsePublicationDate', () => {
  it.each([
    ['2015-08-21', '2015-08-21'],
    ['2015/08/21', '2015-08-21'],
    ['Friday, August 21, 2015', '2015-08-21'],
    ['August 21, 2015', '2015-08-21'],
    ['Aug. 21, 2015', '2015-08-21'],
    ['Sept 3, 2024', '2024-09-03'],
    ['21 August 2015', '2015-08-21'],
    ['Sunday 2nd June 2019', '2019-06-02'],
    ['2025-05-22T09:30:00Z', '2025-05-22T09:30:00Z'],
    ['2025-05-22T09:30:00.250+0200', '2025-05-22T09:30:00.250+02:00'],
    ['2025-05-22 09:30', '2025-05-22'], // no zone: the instant is unknown, the day is kept
    ['2024-02-29', '2024-02-29'],
  ])('%s → %s', (written, iso) => {
    expect(parsePublicationDate(written)).toBe(iso);
  });

  it.each(['2023-02-29', '2015-13-01', 'August 32, 2015', 'yesterday', 'August 2015', '2015', 'Friday', '2015-08-21T25:00:00Z', ''])('rejects %j', (written) => {
    expect(parsePublicationDate(written)).toBeUndefined();
  });
});

describe('readTextHeader', () => {
  it.each([
    ['headline and dateline', 'Rain floods the old town\nMonday, May 5, 2025\nThe river rose overnight.', { title: 'Rain floods the old town', date: '2025-05-05' }],
    ['headline and ISO dateline, blank lines between', '\nRain floods the old town\n\n2025-05-05\n\nThe river rose overnight.', { title: 'Rain floods the old town', date: '2025-05-05' }],
    ['dateline running into the first sentence', 'Rain floods the old town\nMonday, May 5, 2025 The river rose overnight.\nMore.', { title: 'Rain floods the old town', date: '2025-05-05' }],
    ['wire-service dateline', 'Norway and Chile sign pact\n\nOSLO, March 2, 2026 - Norway and Chile signed a pact.', { title: 'Norway and Chile sign pact', date: '2026-03-02' }],
    ['wire-service dateline with an agency', 'Pact signed\nRIO DE JANEIRO (Reuters), 2 March 2026 — Brazil signed.', { title: 'Pact signed', date: '2026-03-02' }],
    ['a capitalised word before a comma is not a dateline without a date', 'Pact signed\nNATO, the alliance, met.', { title: 'Pact signed' }],
    ['headline without dateline', 'Rain floods the old town\nThe river rose overnight.', { title: 'Rain floods the old town' }],
    ['headline with a question mark', 'Will the river rise again?\nThe river rose overnight.', { title: 'Will the river rise again?' }],
    ['headline ending in an abbreviation', 'Storm hits the U.S.\nThe storm reached the coast.', { title: 'Storm hits the U.S.' }],
    ['dateline without headline', '5 May 2025\nThe river rose overnight.', { date: '2025-05-05' }],
    ['a first sentence is not a headline', 'The river rose overnight.\nMore rain is expected.', {}],
    ['a long first line is not a headline', 'The river rose overnight and flooded the old town where many of the shops and houses that line the narrow streets near the water had no protection at all\nMore.', {}],
    ['a lower-case first line is not a headline', 'rain floods the old town\nThe river rose overnight.', {}],
    ['a lone line is the article, not its headline', 'Rain floods the old town\n', {}],
    ['headline and dateline with nothing after', 'Rain floods the old town\n2025-05-05\n', {}],
    ['Windows line ends', 'Rain floods the old town\r\nMonday, May 5, 2025\r\nThe river rose.', { title: 'Rain floods the old town', date: '2025-05-05' }],
  ])('%s', (_what, text, header) => {
    expect(readTextHeader(text)).toEqual(header);
  });

  it.each([
    ['Kim Jong-un visits the border', true],
    ['"Stay calm," says mayor', true],
    ['Talks end without a deal.', false],
    ['He said: ', false],
    ['2026 budget passes', true],
    ['By Maria Lopez', false],
    ['By the numbers: a year of floods', true],
    ['WASHINGTON (Reuters) -', false],
    ['', false],
  ])('looksLikeTitle(%j) = %s', (line, expected) => {
    expect(looksLikeTitle(line)).toBe(expected);
  });
});

describe('readMarkdown', () => {
  it('reads front matter and turns the body into plain text, one block per line', () => {
    const md = readMarkdown(readFileSync(fixture('front-matter.md'), 'utf8'), 'front-matter.md');
    expect(md).toMatchObject({ title: 'Wildfire forces evacuations near Valencia', date: '2025-08-14', url: 'https://news.example.org/2025/08/14/valencia-wildfire', dateLine: 3 });
    expect(md.text.split('\n')).toEqual([
      'Firefighters in Spain fought a wildfire near Valencia yesterday, and about two thousand residents left their homes.',
      'Prime Minister Pedro Sanchez met the regional president in Valencia yesterday. The regional government said that no one had been hurt.',
      'Roads south of the city are closed.',
      'Schools will reopen on Monday.',
    ]);
  });

  it('takes a leading "# " heading as the title and keeps it as the first line', () => {
    const md = readMarkdown(readFileSync(fixture('heading.md'), 'utf8'), 'heading.md');
    expect(md.title).toBe('Drought cuts rice harvest in Thailand');
    expect(md.date).toBeUndefined();
    expect(md.text.split('\n')[0]).toBe('Drought cuts rice harvest in Thailand');
    expect(md.text).toContain('The agriculture ministry in Bangkok said last month');
  });

  it.each([
    ['setext heading', 'Floods in Dhaka\n===============\n\nRain fell for days.', 'Floods in Dhaka', 'Floods in Dhaka\nRain fell for days.'],
    ['a second-level heading is not the title', '## Background\n\nRain fell for days.', undefined, 'Background\nRain fell for days.'],
    ['code fences and comments are dropped', 'Rain fell.\n\n```\nconst x = 1;\n```\n<!-- note -->\nIt stopped.', undefined, 'Rain fell.\nIt stopped.'],
    ['reference links by their text, definitions dropped', 'See [the report][1] from Oslo.\n\n[1]: https://example.org/report "Report"', undefined, 'See the report from Oslo.'],
    ['quoted title with escapes', '---\ntitle: "A \\"quiet\\" day"\n---\nRain fell.', 'A "quiet" day', 'Rain fell.'],
  ])('%s', (_what, source, title, text) => {
    const md = readMarkdown(source, 'x.md');
    expect(md.title).toBe(title);
    expect(md.text).toBe(text);
  });

  it.each([
    ['front matter only', '---\ntitle: Empty\n---\n', /x\.md: no article text/],
    ['a front matter line that is not key: value', '---\ntitle: A\njust words\n---\nText.', /x\.md:3: front matter line is not "key: value"/],
  ])('%s: InputError naming the file', (_what, source, message) => {
    expect(() => readMarkdown(source, 'x.md')).toThrow(InputError);
    expect(() => readMarkdown(source, 'x.md')).toThrow(message);
  });
});

describe('readHtml', () => {
  it('takes title, date and canonical URL from the head and the article body without navigation, scripts or footer', () => {
    const page = readHtml(readFileSync(fixture('page.html'), 'utf8'), 'page.html');
    expect(page.title).toBe('Chile and Peru sign water deal');
    expect(page.date).toBe('2025-05-22T09:30:00Z');
    expect(page.url).toBe('https://news.example.org/world/chile-peru-water-deal');
    const lines = page.text.split('\n');
    expect(lines[0]).toMatch(/^The governments of Chile and Peru signed an agreement in Lima on Wednesday/);
    expect(page.text).toContain('running low & need protection.'); // entities decoded
    for (const junk of ['Home', 'Football results', 'All rights reserved', 'tracking', 'font-family']) expect(page.text).not.toContain(junk);
  });

  it.each([
    ['<time datetime>', '<html><body><article><time datetime="2024-11-05">5 Nov</time><p>Voters in Ohio went to the polls on Tuesday to choose a new governor for the state.</p></article></body></html>', '2024-11-05'],
    ['JSON-LD datePublished', '<html><head><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-11-05T08:00:00Z","headline":"Polls open"}</script></head><body><p>Voters in Ohio went to the polls on Tuesday to choose a new governor for the state.</p></body></html>', '2024-11-05T08:00:00Z'],
    ['an unreadable date is left out', '<html><head><meta property="article:published_time" content="soon"></head><body><p>Voters in Ohio went to the polls on Tuesday to choose a new governor for the state.</p></body></html>', undefined],
  ])('date from %s', (_what, html, date) => {
    expect(readHtml(html, 'x.html').date).toBe(date);
  });

  it('a page with no text is an InputError', () => {
    expect(() => readHtml('<html><head><title>Nothing</title></head><body><script>1</script></body></html>', 'empty.html')).toThrow(/empty\.html: no article text found/);
  });
});

describe('readJsonl', () => {
  it('reads one record per line, skipping blank lines, with line numbers', () => {
    const records = readJsonl(readFileSync(fixture('records.jsonl'), 'utf8'), 'records.jsonl');
    expect(records.map((r) => [r.line, r.id, r.title])).toEqual([
      [1, 'harbour-fire', 'Fire damages harbour warehouse in Gdansk'],
      [3, 'rail-link', 'Poland and Lithuania open rail link'],
      [4, undefined, 'Storm closes Baltic ports'],
    ]);
  });

  it.each([
    ['not JSON', '{"text": "a"}\n{text: "b"}', /^x\.jsonl:2: not valid JSON/],
    ['an array', '[1, 2]', /^x\.jsonl:1: expected an object/],
    ['no text', '{"id": "a"}', /^x\.jsonl:1: no "text" field/],
    ['text not a string', '{"text": 5}', /^x\.jsonl:1: "text" must be a string/],
    ['empty text', '\n\n{"text": "  "}', /^x\.jsonl:3: "text" is empty/],
    ['title not a string', '{"text": "a", "title": ["x"]}', /^x\.jsonl:1: "title" must be a string/],
    ['only blank lines', '\n \n', /^x\.jsonl: no articles/],
  ])('%s: InputError naming file:line', (_what, source, message) => {
    expect(() => readJsonl(source, 'x.jsonl')).toThrow(InputError);
    expect(() => readJsonl(source, 'x.jsonl')).toThrow(message);
  });
});

describe('expandArticlePaths and readArticles', () => {
  it('finds every article format in a folder, sorted, skipping README, hidden and other files', () => {
    const dir = tempDir('ng-input-');
    for (const name of ['b.md', 'a.txt', 'c.html', 'd.htm', 'e.jsonl', 'README.md', '.hidden.txt', 'notes.pdf', 'LICENSE.txt']) writeFileSync(join(dir, name), 'x');
    mkdirSync(join(dir, 'sub.txt'));
    expect(expandArticlePaths([dir]).map((p) => p.slice(dir.length + 1))).toEqual(['a.txt', 'b.md', 'c.html', 'd.htm', 'e.jsonl']);
  });

  it('a folder with no articles is an InputError naming it', () => {
    const dir = tempDir('ng-input-');
    mkdirSync(join(dir, 'nothing'));
    writeFileSync(join(dir, 'nothing', 'README.md'), '# About\n');
    expect(() => expandArticlePaths([join(dir, 'nothing')])).toThrow(InputError);
    expect(() => expandArticlePaths([join(dir, 'nothing')])).toThrow(/nothing: folder holds no articles/);
  });

  it.each([
    ['a.txt', 'text'], ['a.TXT', 'text'], ['a.md', 'markdown'], ['a.htm', 'html'], ['a.jsonl', 'jsonl'], ['a', 'text'], ['a.csv', 'text'],
  ])('inputFormatOf(%s) = %s', (file, format) => {
    expect(inputFormatOf(file)).toBe(format);
  });

  it('gives every article an id, metadata and its source; offsets of .txt index the whole file', () => {
    const inputs = readArticles([FIXTURES]);
    expect(inputs.map((a) => [a.meta.id, a.file.slice(FIXTURES.length)])).toEqual([
      ['dated', 'dated.txt'],
      ['front-matter', 'front-matter.md'],
      ['heading', 'heading.md'],
      ['page', 'page.html'],
      ['harbour-fire', 'records.jsonl:1'],
      ['rail-link', 'records.jsonl:3'],
      [expect.stringMatching(/^sha256-[0-9a-f]{16}$/), 'records.jsonl:4'],
      ['undated', 'undated.txt'],
    ]);
    const dated = inputs[0]!;
    expect(dated.text).toBe(readFileSync(fixture('dated.txt'), 'utf8'));
    expect(dated.meta).toMatchObject({ title: 'City council approves new tram line', date: '2025-10-08' });
    expect(inputs[5]!.meta.date).toBe('2025-02-10'); // "February 10, 2025" in the record
    expect(inputs.at(-1)!.meta.title).toBeUndefined();
  });

  it('a JSONL record without id is named by its content: the same text gets the same id anywhere', () => {
    const dir = tempDir('ng-input-');
    writeFileSync(join(dir, 'one.jsonl'), '{"text": "Rain fell on Lima."}\n');
    writeFileSync(join(dir, 'two.jsonl'), '\n\n{"text": "Rain fell on Lima.", "title": "Rain"}\n');
    expect(readArticleInputs(join(dir, 'one.jsonl'))[0]!.meta.id).toBe(readArticleInputs(join(dir, 'two.jsonl'))[0]!.meta.id);
  });

  it.each([
    ['a bad date in a record', '{"text": "a", "date": "next week"}', /x\.jsonl:1: date "next week" is not a date/],
    ['a bad url in a record', '{"text": "a", "url": "ftp://x"}', /x\.jsonl:1: url "ftp:\/\/x" is not an http\(s\) URL/],
  ])('%s: InputError naming file:line', (_what, line, message) => {
    const dir = tempDir('ng-input-');
    writeFileSync(join(dir, 'x.jsonl'), line + '\n');
    expect(() => readArticles([join(dir, 'x.jsonl')])).toThrow(message);
  });

  it('a bad front-matter date names the line', () => {
    const dir = tempDir('ng-input-');
    writeFileSync(join(dir, 'x.md'), '---\ntitle: A\ndate: someday\n---\nText.\n');
    expect(() => readArticles([join(dir, 'x.md')])).toThrow(/x\.md:3: date "someday" is not a date/);
  });

  it('two articles with one id are a UsageError naming both', () => {
    const dir = tempDir('ng-input-');
    writeFileSync(join(dir, 'storm.txt'), 'A storm hit Lima.\n');
    writeFileSync(join(dir, 'more.jsonl'), '{"id": "Storm", "text": "A storm hit Quito."}\n');
    expect(() => readArticles([dir])).toThrow(UsageError);
    expect(() => readArticles([dir])).toThrow(/more\.jsonl:1 and .*storm\.txt both get the article id "storm"/);
  });

  it('options given for one article win over the file; for several they are a UsageError', () => {
    const [one] = readArticles([fixture('dated.txt')], { id: 'Tram 2025', title: 'Tram vote' });
    expect(one!.meta).toMatchObject({ id: 'tram-2025', title: 'Tram vote', date: '2025-10-08' });
    expect(() => readArticles([fixture('records.jsonl')], { title: 'x' })).toThrow(/--title applies to one article, but 3 were given/);
  });
});
