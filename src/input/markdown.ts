/** Markdown articles: front matter (title, date, url, id) or a leading `# Title`, and the prose as plain text. */
import { InputError } from '../errors.ts';

/** A Markdown article: its plain text and the metadata written in it. */
export interface MarkdownArticle {
  text: string;
  title?: string;
  /** The date as written in the front matter (checked by the caller). */
  date?: string;
  url?: string;
  id?: string;
  /** 1-based line of the front-matter date, for messages. */
  dateLine?: number;
}

/** Front matter: `---` on the first line, `key: value` lines, and a closing `---` (or `...`). */
const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** A YAML scalar as written: quotes removed (with their escapes), trailing comments dropped. */
function scalar(raw: string): string {
  const v = raw.trim();
  if (v.startsWith('"') && v.endsWith('"') && v.length >= 2) {
    try { return String(JSON.parse(v)); } catch { return v.slice(1, -1); }
  }
  if (v.startsWith("'") && v.endsWith("'") && v.length >= 2) return v.slice(1, -1).replace(/''/g, "'");
  return v.replace(/\s+#.*$/, '');
}

/** Inline Markdown → plain text: links and images by their text, emphasis and code marks dropped. */
function plainInline(line: string): string {
  return line
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<https?:\/\/[^>]+>/g, (m) => m.slice(1, -1))
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(^|[^\w*])([*_])(?=\S)([^*_]*?\S)\2(?![\w*])/g, '$1$3')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/<\/?[a-zA-Z][^>]*>/g, '');
}

/**
 * Reads a Markdown article. Front matter gives title/date/url/id; without a title there, a first
 * `# ` heading is the title (and stays the first line of the text, as a headline does in .txt).
 * The text is the prose with block and inline marks removed, one paragraph per line.
 */
export function readMarkdown(source: string, file: string): MarkdownArticle {
  const out: MarkdownArticle = { text: '' };
  let body = source.replace(/^\uFEFF/, '');
  const fm = FRONT_MATTER.exec(body);
  if (fm) {
    fm[1]!.split(/\r?\n/).forEach((line, k) => {
      if (/^\s*(#.*)?$/.test(line)) return;
      const m = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
      if (!m) {
        if (/^\s/.test(line)) return; // a nested value of some other key
        throw new InputError(`${file}:${k + 2}`, `front matter line is not "key: value": ${JSON.stringify(line.slice(0, 60))}`);
      }
      const key = m[1]!.toLowerCase();
      const value = scalar(m[2]!);
      if (value === '') return;
      if (key === 'title' || key === 'headline') out.title ??= value;
      else if (key === 'date' || key === 'published' || key === 'datepublished') { out.date ??= value; out.dateLine ??= k + 2; }
      else if (key === 'url' || key === 'link' || key === 'canonical_url') out.url ??= value;
      else if (key === 'id' || key === 'slug') out.id ??= value;
    });
    body = body.slice(fm[0].length);
  }

  const paragraphs: string[] = [];
  let current: string[] = [];
  let fence: string | undefined;
  const flush = () => { if (current.length) paragraphs.push(current.join(' ')); current = []; };
  let firstBlock = true;
  for (const raw of body.split(/\r?\n/)) {
    const fenceMark = /^\s*(```|~~~)/.exec(raw)?.[1];
    if (fence) { if (fenceMark === fence) fence = undefined; continue; }
    if (fenceMark) { flush(); fence = fenceMark; continue; }
    const line = raw.replace(/<!--[\s\S]*?-->/g, '');
    if (/^\s{0,3}\[[^\]]+\]:\s*\S+/.test(line)) { flush(); continue; } // a link reference definition
    const rule = /^\s*([-*_]\s*){3,}$/.test(line);
    const tableRule = /^\s*\|?[\s:|-]+\|[\s:|-]*$/.test(line) && line.includes('-');
    if (line.trim() === '' || rule || tableRule) { flush(); continue; }
    const heading = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      flush();
      const textOf = plainInline(heading[2]!);
      if (firstBlock && heading[1] === '#' && out.title === undefined) out.title = textOf;
      paragraphs.push(textOf);
      firstBlock = false;
      continue;
    }
    if (/^\s*=+\s*$/.test(line) && current.length === 1) { // setext heading: "Title" over "====="
      const textOf = current[0]!;
      current = [];
      if (paragraphs.length === 0 && out.title === undefined) out.title = textOf;
      paragraphs.push(textOf);
      continue;
    }
    let item = line.replace(/^\s*(?:>\s?)+/, '');
    const bullet = /^\s*(?:[-*+]|\d+[.)])\s+/.exec(item);
    if (bullet) { flush(); item = item.slice(bullet[0].length); } // each list item is its own line
    current.push(plainInline(item.trim()));
    firstBlock = false;
  }
  flush();
  out.text = paragraphs.filter((p) => p.trim() !== '').join('\n');
  if (out.text.trim() === '') throw new InputError(file, 'no article text (only front matter or Markdown markup)');
  return out;
}
