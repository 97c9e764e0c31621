// Property tests of the readers: generated .txt/.md/.html/.jsonl files (hostile text inside markup,
// front matter and JSON, broken markup, lone surrogates in JSON escapes) either read into articles
// that build into valid RDF, or fail with a typed error naming the file; never anything else. And
// corrupted Turtle/TriG/N-Quads/JSON-LD given to the parser: quads, or a ParseError with a position
// inside the text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type * as RDF from '@rdfjs/types';
import { readArticleInputs } from '../src/input/index.ts';
import { buildGraph, extractArticle } from '../src/rdf/build.ts';
import { toTurtle, toTrig, toNQuads, toJsonLd } from '../src/rdf/write.ts';
import { parseGraph } from '../src/rdf/read.ts';
import { parseRdf } from '../src/load/index.ts';
import { InputError, NewsgraphError, ParseError } from '../src/errors.ts';
import { tempDir } from './cli-helpers.ts';
import { checkIris, checkOffsets, hostileArticle, name, noise, parseBoth } from './robust-helpers.ts';

const RUNS = Number(process.env.NG_INPUT_RUNS ?? 400);
const PARSE_RUNS = Number(process.env.NG_PARSE_RUNS ?? 1500);
// CI replays one fixed seed, so a red run is never luck; elsewhere each run explores new cases (the seed is printed).
const SEED = Number(process.env.NG_FUZZ_SEED ?? (process.env.CI ? 20261129 : Math.floor(Math.random() * 2 ** 31)));
const counts = { files: 0, articles: 0, refused: 0, parsed: 0, parseErrors: 0 };

const text = fc.oneof(hostileArticle, noise, name);
const jsonString = fc.oneof(text.map((t) => JSON.stringify(t)), fc.constantFrom('"\\ud800 lone"', '"\\udc00\\ud800"', '"\\uffff\\ufffe"', '"\\u0000"', '""', '"   "', '"\\u2028"'));

/** A generated article file: its extension and bytes. */
const articleFile = fc.oneof(
  text.map((t) => ['txt', t] as const),
  fc.tuple(fc.option(text), fc.option(fc.oneof(fc.constantFrom('2024-05-03', 'May 3, 2024', 'yesterday', '3000-99-99'), noise)), fc.option(fc.oneof(fc.webUrl(), noise)), text, fc.boolean())
    .map(([title, date, url, body, closed]) => ['md', [
      '---',
      ...(title !== null ? [`title: ${title}`] : []),
      ...(date !== null ? [`date: ${date}`] : []),
      ...(url !== null ? [`url: ${url}`] : []),
      ...(closed ? ['---'] : []),
      `# ${title ?? ''}`, '', body,
    ].join('\n')] as const),
  fc.tuple(fc.option(text), text, fc.option(fc.oneof(fc.webUrl(), noise)), fc.constantFrom('', '<p>', '</div></div>', '<script>document.write("<p>x")</script>', '<![CDATA[', '<!--'))
    .map(([title, body, url, junk]) => ['html', `<!doctype html><html><head><title>${title ?? ''}</title>${url !== null ? `<link rel="canonical" href="${url}">` : ''}<meta property="article:published_time" content="2024-05-03T10:00:00Z"></head><body>${junk}<article><h1>${title ?? ''}</h1><p>${body}</p><p>${body}</p></article>${junk}</body></html>`] as const),
  fc.array(fc.oneof(
    fc.tuple(fc.option(jsonString), jsonString, fc.option(fc.oneof(fc.webUrl(), noise))).map(([id, t, url]) => `{${id !== null ? `"id": ${id}, ` : ''}"text": ${t}${url !== null ? `, "url": ${JSON.stringify(url)}` : ''}}`),
    fc.constantFrom('', '   ', '{', '[]', 'null', '{"text": 5}', '{"text": "ok", "date": "not a date"}'),
  ), { minLength: 1, maxLength: 4 }).map((lines) => ['jsonl', lines.join('\n')] as const),
);

afterAll(() => {
  console.log(`robust-inputs: ${counts.files} generated files (seed ${SEED}): ${counts.articles} articles built and checked, ${counts.refused} refused with a typed error; ${counts.parsed + counts.parseErrors} corrupted graphs (${counts.parseErrors} ParseErrors with positions, ${counts.parsed} still parse)`);
});

describe('property: generated article files read into valid RDF or a typed error', () => {
  const dir = tempDir('ng-inputs-');
  beforeAll(() => { extractArticle('Prime Minister Mark Carney met President Xi Jinping.', { id: 'warm-up' }); }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`${RUNS} .txt/.md/.html/.jsonl files`, () => {
    let n = 0;
    fc.assert(fc.property(articleFile, ([ext, content]) => {
      counts.files++;
      const file = join(dir, `article-${n++}.${ext}`);
      writeFileSync(file, content);
      let inputs;
      try {
        inputs = readArticleInputs(file);
      } catch (error) {
        if (!(error instanceof NewsgraphError)) throw error;
        expect((error as InputError).message).toContain(file);
        counts.refused++;
        return;
      }
      for (const input of inputs) {
        expect(input.text.trim()).not.toBe('');
        const { quads } = buildGraph([input], { graphs: true });
        counts.articles++;
        const parsed = parseBoth(toTurtle(quads), 'text/turtle');
        checkIris(parsed.quads);
        checkOffsets(parsed.quads);
      }
    }), { numRuns: RUNS, seed: SEED });
  }, 900_000);
});

describe('property: corrupted graphs parse, or fail with a positioned ParseError', () => {
  let documents: { format: 'turtle' | 'trig' | 'n-quads' | 'json-ld'; text: string }[];
  beforeAll(async () => {
    const { quads } = extractArticle('President "Bobby <Tables>" Smith met Zoë O\'Brien-Ñúñez in Paris on Monday. 🚀 They discussed trade.', { id: 'corrupt-me', url: 'https://example.org/a b' }, { graph: true });
    documents = [
      { format: 'turtle', text: toTurtle(quads) },
      { format: 'trig', text: toTrig(quads) },
      { format: 'n-quads', text: toNQuads(quads) },
      { format: 'json-ld', text: await toJsonLd(quads) },
    ];
  }, 120_000);

  it(`${PARSE_RUNS} corrupted documents (characters deleted, inserted, lines swapped)`, async () => {
    const edit = fc.oneof(
      fc.tuple(fc.constant('delete' as const), fc.nat(), fc.integer({ min: 1, max: 5 })),
      fc.tuple(fc.constant('insert' as const), fc.nat(), fc.constantFrom('<', '>', '"', '"""', '{', '}', '.', ';', ',', '@prefix', '_:', '^^', '\\', '\n', '#', '\u0000', '\ud800', '🚀', ' ', '[', ']', '(', ')')),
      fc.tuple(fc.constant('swap' as const), fc.nat(), fc.nat()),
    );
    await fc.assert(fc.asyncProperty(fc.nat(3), fc.array(edit, { minLength: 1, maxLength: 3 }), async (which, edits) => {
      const doc = documents[which]!;
      let t = doc.text;
      for (const e of edits) {
        if (e[0] === 'delete') { const at = e[1] % t.length; t = t.slice(0, at) + t.slice(at + e[2]); }
        else if (e[0] === 'insert') { const at = e[1] % (t.length + 1); t = t.slice(0, at) + e[2] + t.slice(at); }
        else { const lines = t.split('\n'); const a = e[1] % lines.length; const b = e[2] % lines.length; [lines[a], lines[b]] = [lines[b]!, lines[a]!]; t = lines.join('\n'); }
      }
      if (doc.format !== 'json-ld') {
        // The loader's parser (view, export, the viewer) fails the same way: a ParseError with a line.
        try { parseRdf(t, { format: doc.format, fileName: `corrupt.${doc.format}` }); } catch (error) {
          if (!(error instanceof ParseError)) throw error;
          expect(error.line).toBeGreaterThanOrEqual(1);
          expect(error.line!).toBeLessThanOrEqual(t.split(/\r\n|\r|\n/).length + 1);
        }
      }
      let quads: RDF.Quad[];
      try {
        quads = await parseGraph(t, { format: doc.format, file: `corrupt.${doc.format}` });
      } catch (error) {
        if (!(error instanceof ParseError)) throw error;
        counts.parseErrors++;
        expect(error.message.startsWith('corrupt.')).toBe(true);
        if (doc.format !== 'json-ld') {
          // n3 names a line; it lies within the text (or just past its end).
          expect(error.line).toBeGreaterThanOrEqual(1);
          expect(error.line!).toBeLessThanOrEqual(t.split('\n').length + 1);
          if (error.column !== undefined) expect(error.column).toBeGreaterThanOrEqual(1);
        }
        return;
      }
      counts.parsed++;
      expect(Array.isArray(quads)).toBe(true);
    }), { numRuns: PARSE_RUNS, seed: SEED });
    expect(counts.parseErrors).toBeGreaterThan(0);
  }, 600_000);
});
