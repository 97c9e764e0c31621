/** HTML articles: title, date and URL from the page's metadata, the article body by @mozilla/readability (linkedom DOM). */
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { InputError } from '../errors.ts';
import { parsePublicationDate } from './dates.ts';

/** An HTML article: the body as plain text (one block per line) and the page's metadata. */
export interface HtmlArticle {
  text: string;
  title?: string;
  /** ISO date or date-time (unreadable dates in a page are ignored). */
  date?: string;
  url?: string;
}

/** Elements whose text is one line of the article. */
const BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'DD', 'DT', 'FIGCAPTION', 'TD', 'TH', 'CAPTION']);
/** Elements that never hold article prose. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'NAV', 'ASIDE', 'FORM', 'BUTTON', 'IFRAME']);

/** Text of a node with whitespace collapsed, `<br>` as a space. */
function inlineText(node: Node): string {
  let out = '';
  const walk = (n: Node) => {
    if (n.nodeType === 3) { out += n.nodeValue ?? ''; return; }
    if (n.nodeType !== 1) return;
    const tag = (n as Element).tagName.toUpperCase();
    if (SKIP.has(tag)) return;
    if (tag === 'BR') { out += ' '; return; }
    n.childNodes.forEach(walk);
  };
  walk(node);
  return out.replace(/\s+/g, ' ').trim();
}

/** The prose of a subtree: each block element (that holds no blocks itself) as one line. */
export function blockLines(root: Node): string[] {
  const lines: string[] = [];
  let loose = '';
  const flushLoose = () => { const t = loose.replace(/\s+/g, ' ').trim(); if (t) lines.push(t); loose = ''; };
  const walk = (n: Node) => {
    if (n.nodeType === 3) { loose += n.nodeValue ?? ''; return; }
    if (n.nodeType !== 1) return;
    const el = n as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag)) return;
    const hasBlocks = [...el.querySelectorAll('*')].some((d) => BLOCKS.has(d.tagName.toUpperCase()));
    if (BLOCKS.has(tag) && !hasBlocks) {
      flushLoose();
      const t = inlineText(el);
      if (t) lines.push(t);
      return;
    }
    if (tag === 'BR') { loose += ' '; return; }
    const inline = ['A', 'B', 'I', 'EM', 'STRONG', 'SPAN', 'ABBR', 'CITE', 'Q', 'SMALL', 'SUB', 'SUP', 'TIME', 'U', 'MARK', 'CODE'].includes(tag);
    if (!inline) flushLoose();
    el.childNodes.forEach(walk);
    if (!inline) flushLoose();
  };
  walk(root);
  flushLoose();
  return lines;
}

/** The first non-empty attribute among the elements a selector finds. */
function attr(doc: Document, selector: string, name: string): string | undefined {
  for (const el of doc.querySelectorAll(selector)) {
    const v = el.getAttribute(name)?.trim();
    if (v) return v;
  }
  return undefined;
}

/** `datePublished` / `url` / `headline` of the first schema.org Article in JSON-LD scripts. */
function jsonLdArticle(doc: Document): { datePublished?: string; url?: string; headline?: string } {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try { data = JSON.parse(script.textContent ?? ''); } catch { continue; }
    const items: unknown[] = Array.isArray(data) ? data : [data, ...(((data as { '@graph'?: unknown[] })?.['@graph']) ?? [])];
    for (const item of items) {
      if (!item || typeof item !== 'object') continue;
      const type = (item as { '@type'?: unknown })['@type'];
      const types = Array.isArray(type) ? type : [type];
      if (!types.some((t) => typeof t === 'string' && /Article$|^Report$|^BlogPosting$/.test(t))) continue;
      const o = item as Record<string, unknown>;
      const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
      return { datePublished: str(o.datePublished), url: str(o.url), headline: str(o.headline) };
    }
  }
  return {};
}

/** The publication date a page declares: Open Graph / meta tags, JSON-LD, then the first `<time datetime>`. */
function pageDate(doc: Document, ld: { datePublished?: string }): string | undefined {
  const candidates = [
    attr(doc, 'meta[property="article:published_time"]', 'content'),
    attr(doc, 'meta[name="article:published_time"]', 'content'),
    attr(doc, 'meta[itemprop="datePublished"]', 'content'),
    ld.datePublished,
    attr(doc, 'meta[name="date"], meta[name="DC.date.issued"], meta[name="dcterms.date"], meta[name="pubdate"], meta[name="publishdate"], meta[property="og:published_time"]', 'content'),
    attr(doc, '[itemprop="datePublished"]', 'datetime'),
    attr(doc, 'time[pubdate]', 'datetime'),
    attr(doc, 'time[datetime]', 'datetime'),
  ];
  for (const c of candidates) {
    const iso = c === undefined ? undefined : parsePublicationDate(c);
    if (iso) return iso;
  }
  return undefined;
}

/** An absolute http(s) URL, or undefined. */
function httpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const u = new URL(value);
    return /^https?:$/.test(u.protocol) ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads an HTML page: metadata from the head (before Readability rewrites the document), the article
 * body from Readability's content, else from the whole body. The text is one block per line.
 */
export function readHtml(source: string, file: string): HtmlArticle {
  const { document } = parseHTML(source) as unknown as { document: Document };
  const ld = jsonLdArticle(document);
  const h1 = document.querySelector('h1');
  const titles = [
    attr(document, 'meta[property="og:title"]', 'content'),
    ld.headline,
    h1 ? inlineText(h1) : undefined,
    document.querySelector('title')?.textContent?.replace(/\s+/g, ' ').trim(),
  ];
  const out: HtmlArticle = { text: '' };
  const title = titles.find((t) => t !== undefined && t !== '');
  if (title) out.title = title;
  const date = pageDate(document, ld);
  if (date) out.date = date;
  const url = httpUrl(attr(document, 'link[rel="canonical"]', 'href')) ?? httpUrl(attr(document, 'meta[property="og:url"]', 'content')) ?? httpUrl(ld.url);
  if (url) out.url = url;

  let lines: string[] = [];
  try {
    const article = new Readability<Node>(document, { serializer: (node) => node, charThreshold: 200 }).parse();
    if (article?.content) lines = blockLines(article.content);
  } catch {
    // Readability gives up on some pages; the whole body below is the fallback.
  }
  if (lines.join('').length < 80) {
    const { document: fresh } = parseHTML(source) as unknown as { document: Document };
    const body = fresh.querySelector('article') ?? fresh.querySelector('main') ?? fresh.body;
    const all = body ? blockLines(body) : [];
    if (all.join('').length > lines.join('').length) lines = all;
  }
  out.text = lines.join('\n');
  if (out.text.trim() === '') throw new InputError(file, 'no article text found in the HTML (no paragraphs in <body>)');
  return out;
}
