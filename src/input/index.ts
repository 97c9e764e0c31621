/**
 * Reading articles in every input format (.txt, .md, .html, .jsonl) into text + metadata, with one
 * stable id each. Folders stand for the article files they hold.
 */
import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { ArticleMeta } from '../extract/types.ts';
import { articleIdOf } from '../extract/index.ts';
import { readArticleFile, type ReadTextOptions } from '../io/read.ts';
import { InputError, UsageError } from '../errors.ts';
import { parsePublicationDate } from './dates.ts';
import { readTextHeader } from './text.ts';
import { readMarkdown } from './markdown.ts';
import { readHtml } from './html.ts';
import { readJsonl } from './jsonl.ts';

export { parsePublicationDate } from './dates.ts';
export { readTextHeader, looksLikeTitle } from './text.ts';
export type { TextHeader } from './text.ts';
export { readMarkdown } from './markdown.ts';
export type { MarkdownArticle } from './markdown.ts';
export { readHtml } from './html.ts';
export type { HtmlArticle } from './html.ts';
export { readJsonl } from './jsonl.ts';
export type { JsonlRecord } from './jsonl.ts';

/** How each file extension is read. */
export type InputFormat = 'text' | 'markdown' | 'html' | 'jsonl';

/** Extensions a folder is searched for, and the format each stands for. */
export const INPUT_EXTENSIONS: Record<string, InputFormat> = {
  '.txt': 'text', '.text': 'text', '.md': 'markdown', '.markdown': 'markdown', '.html': 'html', '.htm': 'html', '.jsonl': 'jsonl',
};

/** Files in a folder that describe the folder rather than hold an article (README.md, LICENSE.txt). */
const NOT_ARTICLES = /^(readme|license|licence|copying|changelog|notice|authors|contributing)(\.[^.]*)?$/i;

/** One article ready for extraction: its text, its metadata (id always set) and where it came from. */
export interface ArticleInput {
  text: string;
  meta: ArticleMeta & { id: string; source: string };
  /** The file it was read from (`file:line` for a JSONL record). */
  file: string;
}

/** Why a stat or readdir failed, in words. */
function describe(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied (cannot read)';
  return (err as Error).message;
}

/** The format of a file from its extension; plain text for anything else (a file named on purpose). */
export function inputFormatOf(file: string): InputFormat {
  return INPUT_EXTENSIONS[extname(file).toLowerCase()] ?? 'text';
}

/**
 * Expands folders to the article files they hold (sorted by name, hidden files and README/LICENSE
 * skipped; not recursive); files are kept as given. A folder with no article file is an InputError.
 */
export function expandArticlePaths(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch (cause) {
      throw new InputError(path, describe(cause), { cause });
    }
    if (!isDir) { files.push(path); continue; }
    let names: string[];
    try {
      names = readdirSync(path);
    } catch (cause) {
      throw new InputError(path, describe(cause), { cause });
    }
    const articles = names
      .filter((n) => !n.startsWith('.') && !NOT_ARTICLES.test(n) && extname(n).toLowerCase() in INPUT_EXTENSIONS)
      .sort()
      .map((n) => join(path, n))
      .filter((p) => { try { return statSync(p).isFile(); } catch { return false; } });
    if (articles.length === 0) throw new InputError(path, `folder holds no articles (no ${Object.keys(INPUT_EXTENSIONS).join(', ')} files)`);
    files.push(...articles);
  }
  return files;
}

/** An ISO date from a date as written, or an InputError naming where it was written. */
function checkedDate(value: string | undefined, where: string): string | undefined {
  if (value === undefined) return undefined;
  const iso = parsePublicationDate(value);
  if (!iso) throw new InputError(where, `date "${value}" is not a date (use YYYY-MM-DD, an ISO date-time, or e.g. "August 21, 2015")`);
  return iso;
}

/** An http(s) URL, or an InputError naming where it was written. */
function checkedUrl(value: string | undefined, where: string): string | undefined {
  if (value === undefined) return undefined;
  let ok = false;
  try { ok = /^https?:$/.test(new URL(value).protocol); } catch { /* not a URL */ }
  if (!ok) throw new InputError(where, `url "${value}" is not an http(s) URL`);
  return value;
}

/** Metadata with undefined fields left out (so spreading it never erases a value). */
function defined(meta: ArticleMeta): ArticleMeta {
  return Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined && v !== '')) as ArticleMeta;
}

/** Reads one article file (any format) into its articles: one, or one per JSONL line. */
export function readArticleInputs(file: string, options: ReadTextOptions = {}): ArticleInput[] {
  const format = inputFormatOf(file);
  const source = readArticleFile(file, options);
  const one = (text: string, meta: ArticleMeta): ArticleInput[] => {
    const m = defined({ ...meta, source: file });
    return [{ text, meta: { ...m, id: articleIdOf(text, m), source: file }, file }];
  };
  switch (format) {
    case 'text': {
      const header = readTextHeader(source);
      return one(source, { title: header.title, date: header.date });
    }
    case 'markdown': {
      const md = readMarkdown(source, file);
      const where = md.dateLine === undefined ? file : `${file}:${md.dateLine}`;
      return one(md.text, { id: md.id, title: md.title, date: checkedDate(md.date, where), url: checkedUrl(md.url, file) });
    }
    case 'html': {
      const page = readHtml(source, file);
      return one(page.text, { title: page.title, date: page.date, url: page.url });
    }
    case 'jsonl':
      return readJsonl(source, file).map((r) => {
        const where = `${file}:${r.line}`;
        const meta = defined({ title: r.title, date: checkedDate(r.date, where), url: checkedUrl(r.url, where), source: where });
        // Without an id, a record is named by its content, so the same article gets the same IRI wherever it is.
        const id = r.id !== undefined ? articleIdOf(r.text, { id: r.id }) : articleIdOf(r.text, {});
        return { text: r.text, meta: { ...meta, id, source: where }, file: where };
      });
  }
}

/**
 * Reads every article of the given files and folders. `overrides` (--id, --title, --date, --url)
 * apply to a single article and win over what the file says. Two articles with one id are a
 * UsageError naming both, before any extraction work.
 */
export function readArticles(paths: readonly string[], overrides: ArticleMeta = {}, options: ReadTextOptions = {}): ArticleInput[] {
  const given = defined(overrides);
  const inputs = expandArticlePaths(paths).flatMap((file) => readArticleInputs(file, options));
  const keys = Object.keys(given).filter((k) => k !== 'source');
  if (keys.length > 0) {
    if (inputs.length !== 1) throw new UsageError(`--${keys[0]} applies to one article, but ${inputs.length} were given`);
    const input = inputs[0]!;
    const meta = { ...input.meta, ...given };
    input.meta = { ...meta, id: articleIdOf(input.text, meta), source: input.meta.source };
  }
  const seen = new Map<string, string>();
  for (const input of inputs) {
    const previous = seen.get(input.meta.id);
    if (previous !== undefined) throw new UsageError(`${previous} and ${input.file} both get the article id "${input.meta.id}"; rename one, or build them separately`);
    seen.set(input.meta.id, input.file);
  }
  return inputs;
}

