// The viewer in a real browser: `newsgraph view` as a child process, Debian chromium through playwright-core.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { loadGraph, parseRdf, type NewsGraph, type Projection } from '../../src/load/index.ts';
import { freePort, launchBrowser, readOntologyQuads, startView, type ViewProcess } from './helpers.ts';

// The seed graph the README shows (`npm run sample` regenerates it).
const SEED = 'data/samples/china-canada-apec.ttl';
const SMALL = 'test/fixtures/load/small.ttl';
const HOSTILE = 'test/fixtures/viewer/hostile.ttl';
const MALFORMED = 'test/fixtures/viewer/malformed.ttl';
const HOSTILE_LABEL = '<img src=x onerror="window.__xss=1">Mark Carney';
// Poll on a timer (not on animation frames, which a background tab may not get) and fail with a clear
// message well before the test timeout.
const WAIT = { polling: 100, timeout: 20_000 } as const;

const ontology = readOntologyQuads();
// The server gets a copy, so that expectations and the served graph come from the same bytes even if
// the sample is regenerated while the tests run.
const seedCopy = join(mkdtempSync(join(tmpdir(), 'newsgraph-seed-')), 'china-canada-apec.ttl');
copyFileSync(SEED, seedCopy);
function loadFile(file: string, projection: Projection = 'full'): NewsGraph {
  const path = file === SEED ? seedCopy : file;
  return loadGraph(parseRdf(readFileSync(path, 'utf8'), { fileName: path }), { ontology, projection });
}

interface Hooks {
  ready: boolean;
  error: string;
  graph: { order: number; size: number; nodes(): string[]; getNodeAttribute(k: string, a: string): unknown; getNodeAttributes(k: string): { x: number; y: number } };
  renderer: { getNodeDisplayData(k: string): { hidden?: boolean } | undefined };
  exportPng(): string;
}
declare global {
  interface Window { __newsgraph: Hooks; __xss?: unknown }
}

let view: ViewProcess;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
const pageErrors: string[] = [];

beforeAll(async () => {
  view = await startView(seedCopy, await freePort());
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await view?.stop();
  rmSync(dirname(seedCopy), { recursive: true, force: true });
});

async function openViewer(query = ''): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(view.url + query);
  await page.waitForFunction(() => window.__newsgraph?.ready === true, undefined, WAIT);
  return page;
}

async function search(page: Page, text: string): Promise<void> {
  await page.fill('#search', text);
  await page.press('#search', 'Enter');
}

describe('viewer on the seed graph', () => {
  it('shows as many nodes and edges as the loader makes in Node', async () => {
    const expected = loadFile(SEED);
    expect(expected.order).toBeGreaterThan(5);
    const page = await openViewer();
    const shown = await page.evaluate(() => ({ order: window.__newsgraph.graph.order, size: window.__newsgraph.graph.size }));
    expect(shown).toEqual({ order: expected.order, size: expected.size });
    const legendTotal = await page.$$eval('#legend .count', (els) => els.reduce((n, e) => n + Number(e.textContent), 0));
    expect(legendTotal).toBe(expected.order);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('search "Carney" + Enter shows Mark Carney with his role, the meeting and evidence, and keeps him in the URL', async () => {
    const graph = loadFile(SEED);
    const carney = graph.findNode((_k, a) => a.label === 'Mark Carney');
    expect(carney).toBeDefined();
    const meetings = graph.neighbors(carney!).filter((n) => graph.getNodeAttribute(n, 'classLabel') === 'Meeting').map((n) => graph.getNodeAttribute(n, 'label'));
    expect(meetings.length).toBeGreaterThan(0);

    const page = await openViewer();
    await search(page, 'Carney');
    await page.waitForFunction(() => document.querySelector('#panel h2')?.textContent === 'Mark Carney', undefined, WAIT);
    expect(await page.textContent('[data-testid=roles]')).toContain('Prime Minister');
    const relations = await page.$$eval('[data-testid=relation]', (els) => els.map((e) => e.textContent));
    expect(relations.some((r) => meetings.includes(r!))).toBe(true);
    expect(await page.locator('[data-testid=evidence]').count()).toBeGreaterThan(0);
    // Where an evidence sentence mentions him, the mention is marked.
    const evidence = [...graph.getNodeAttribute(carney!, 'evidence')];
    graph.forEachEdge(carney!, (_e, a) => evidence.push(...a.evidence));
    const mentioned = evidence.filter((ev) => ev.highlights.some((h) => h.entity === carney)).map((ev) => ev.text);
    const focused = await page.$$eval('[data-testid=evidence] mark.focus', (els) => els.map((e) => e.textContent));
    expect(focused.length > 0).toBe(mentioned.length > 0);

    expect(new URL(page.url()).searchParams.get('node')).toBe(carney);
    await page.reload();
    await page.waitForFunction(() => window.__newsgraph?.ready === true, undefined, WAIT);
    await page.waitForFunction(() => document.querySelector('#panel h2')?.textContent === 'Mark Carney', undefined, WAIT);

    // A relation is clickable: it selects the neighbour.
    await page.locator('[data-testid=relation]', { hasText: meetings[0]! }).first().click();
    await page.waitForFunction((label) => document.querySelector('#panel h2')?.textContent === label, meetings[0]!, WAIT);
    await page.close();
  });

  it('suggests labels and aliases, and choosing a suggestion selects its node', async () => {
    const graph = loadFile(SEED);
    const xi = graph.findNode((_k, a) => a.label === 'Xi Jinping')!;
    expect(xi).toBeDefined();
    const page = await openViewer();
    await page.fill('#search', 'Xi');
    const options = await page.$$eval('#search-suggestions option', (els) => els.map((e) => (e as HTMLOptionElement).value));
    expect(options).toContain('Xi Jinping');
    // Aliases find their node too: "President" matches only aliases here.
    const byAlias = graph.filterNodes((_k, a) => a.aliases.some((x) => x.includes('President')) && !a.label.includes('President')).map((k) => graph.getNodeAttribute(k, 'label'));
    expect(byAlias.length).toBeGreaterThan(0);
    await page.fill('#search', 'President');
    const aliasOptions = await page.$$eval('#search-suggestions option', (els) => els.map((e) => (e as HTMLOptionElement).value));
    for (const label of byAlias) expect(aliasOptions).toContain(label);
    // Picking an option replaces the text with it (an input event of type insertReplacementText).
    await page.$eval('#search', (input) => {
      (input as HTMLInputElement).value = 'Xi Jinping';
      input.dispatchEvent(new InputEvent('input', { inputType: 'insertReplacementText', bubbles: true }));
    });
    await page.waitForFunction(() => document.querySelector('#panel h2')?.textContent === 'Xi Jinping', undefined, WAIT);
    await page.press('body', 'Escape');
    expect(await page.isHidden('#panel')).toBe(true);
    expect(new URL(page.url()).searchParams.get('node')).toBeNull();
    await page.close();
  });

  it('hides the nodes of a type when its box is unticked', async () => {
    const graph = loadFile(SEED);
    const topics = graph.filterNodes((_k, a) => a.type === 'Topic');
    const type = topics.length ? 'Topic' : 'Place';
    const ofType = graph.filterNodes((_k, a) => a.type === type);
    expect(ofType.length).toBeGreaterThan(0);
    const page = await openViewer();
    expect(await page.getAttribute('#counts', 'data-visible')).toBe(String(graph.order));
    await page.uncheck(`#legend input[data-type=${type}]`);
    expect(await page.getAttribute('#counts', 'data-visible')).toBe(String(graph.order - ofType.length));
    const hidden = await page.evaluate((k) => window.__newsgraph.renderer.getNodeDisplayData(k)?.hidden, ofType[0]!);
    expect(hidden).toBe(true);
    await page.check(`#legend input[data-type=${type}]`);
    expect(await page.getAttribute('#counts', 'data-visible')).toBe(String(graph.order));
    await page.close();
  });

  it('hides nodes under the minimum degree', async () => {
    const graph = loadFile(SEED);
    const degrees = graph.nodes().map((k) => graph.degree(k));
    const threshold = 2;
    const page = await openViewer();
    await page.$eval('#min-degree', (input, value) => {
      (input as HTMLInputElement).value = String(value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, threshold);
    expect(await page.textContent('#min-degree-value')).toBe(String(threshold));
    expect(await page.getAttribute('#counts', 'data-visible')).toBe(String(degrees.filter((d) => d >= threshold).length));
    await page.close();
  });

  it('selects an edge from the panel and shows its predicate, ends and evidence', async () => {
    const graph = loadFile(SEED);
    const carney = graph.findNode((_k, a) => a.label === 'Mark Carney')!;
    const withEvidence = graph.edges(carney).find((e) => graph.getEdgeAttribute(e, 'evidence').length > 0)!;
    expect(withEvidence).toBeDefined();
    const attrs = graph.getEdgeAttributes(withEvidence);
    const other = graph.opposite(carney, withEvidence);
    const page = await openViewer();
    await search(page, 'Carney');
    await page.waitForFunction(() => document.querySelector('#panel h2')?.textContent === 'Mark Carney', undefined, WAIT);
    await page.locator('li', { has: page.locator('[data-testid=relation]', { hasText: graph.getNodeAttribute(other, 'label') }) })
      .filter({ hasText: '(details)' }).first().getByText('(details)').click();
    await page.waitForFunction((label) => document.querySelector('#panel h2')?.textContent === label, attrs.label, WAIT);
    const panel = await page.textContent('#panel');
    expect(panel).toContain(graph.getNodeAttribute(other, 'label'));
    expect(await page.locator('[data-testid=evidence]').count()).toBe(attrs.evidence.length);
    await page.close();
  });

  it('switches to the actor network and back', async () => {
    const actors = loadFile(SEED, 'actors');
    const page = await openViewer();
    await page.selectOption('#projection', 'actors');
    await page.waitForFunction((n) => window.__newsgraph.graph.order === n, actors.order, WAIT);
    expect(await page.evaluate(() => window.__newsgraph.graph.size)).toBe(actors.size);
    expect(new URL(page.url()).searchParams.get('projection')).toBe('actors');
    await page.close();
  });

  it('runs ForceAtlas2 in a worker on demand and stops it', async () => {
    const page = await openViewer();
    const before = await page.evaluate(() => {
      const g = window.__newsgraph.graph;
      return g.nodes().map((k) => g.getNodeAttributes(k).x);
    });
    await page.click('#layout-toggle');
    expect(await page.textContent('#layout-toggle')).toBe('Stop layout');
    await page.waitForFunction((xs) => {
      const g = window.__newsgraph.graph;
      return g.nodes().some((k, i) => g.getNodeAttributes(k).x !== xs[i]);
    }, before, WAIT);
    // It may already have stopped by itself (settled); otherwise stop it.
    if ((await page.textContent('#layout-toggle')) === 'Stop layout') await page.click('#layout-toggle');
    expect(await page.textContent('#layout-toggle')).toBe('Start layout');
    const read = () => page.evaluate(() => {
      const g = window.__newsgraph.graph;
      return g.nodes().map((k) => [g.getNodeAttributes(k).x, g.getNodeAttributes(k).y]);
    });
    const stopped = await read();
    await page.waitForTimeout(400);
    expect(await read()).toEqual(stopped);
    await page.close();
  });

  it('exports the view as PNG and saves a screenshot', async () => {
    const page = await openViewer();
    const dataUrl = await page.evaluate(() => window.__newsgraph.exportPng());
    const png = Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64');
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    // A blank canvas compresses to a few hundred bytes; a drawn graph does not.
    expect(png.length).toBeGreaterThan(5_000);
    mkdirSync('test-results', { recursive: true });
    await search(page, 'Carney');
    await page.waitForFunction(() => document.querySelector('#panel h2')?.textContent === 'Mark Carney', undefined, WAIT);
    await page.waitForTimeout(600);
    await page.screenshot({ path: 'test-results/viewer.png' });
    expect(statSync('test-results/viewer.png').size).toBeGreaterThan(20_000);
    await page.close();
  });
});

describe('opening files in the viewer', () => {
  it('opens a file through the file input, and keeps it when a malformed file follows', async () => {
    const small = loadFile(SMALL);
    const page = await openViewer();
    await page.setInputFiles('#file-input', SMALL);
    await page.waitForFunction(() => document.querySelector('#graph-name')?.textContent === 'small.ttl', undefined, WAIT);
    expect(await page.evaluate(() => window.__newsgraph.graph.order)).toBe(small.order);

    await page.setInputFiles('#file-input', MALFORMED);
    await page.waitForSelector('#error:not([hidden])');
    const message = await page.textContent('#error');
    expect(message).toContain('malformed.ttl');
    expect(message).toMatch(/line 3, column 27/);
    expect(await page.evaluate(() => window.__newsgraph.graph.order)).toBe(small.order);
    expect(await page.textContent('#graph-name')).toBe('small.ttl');
    await page.close();
  });

  it('opens a file dropped on the page', async () => {
    const small = loadFile(SMALL);
    const page = await openViewer();
    await page.evaluate((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'dropped.ttl', { type: 'text/turtle' }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, readFileSync(SMALL, 'utf8'));
    await page.waitForFunction(() => document.querySelector('#graph-name')?.textContent === 'dropped.ttl', undefined, WAIT);
    expect(await page.evaluate(() => window.__newsgraph.graph.order)).toBe(small.order);
    await page.close();
  });

  it('shows hostile names and sentences as text and runs none of them', async () => {
    const page = await openViewer();
    await page.setInputFiles('#file-input', HOSTILE);
    await page.waitForFunction(() => document.querySelector('#graph-name')?.textContent === 'hostile.ttl', undefined, WAIT);
    await search(page, 'Carney');
    await page.waitForFunction((label) => document.querySelector('#panel h2')?.textContent === label, HOSTILE_LABEL, WAIT);
    expect(await page.locator('#panel img, #panel svg, #panel script, #panel b').count()).toBe(0);
    expect(await page.locator('#search-suggestions img, #search-suggestions b').count()).toBe(0);
    const evidence = await page.textContent('[data-testid=evidence]');
    expect(evidence).toContain('<script>window.__xss=2</script>');
    await page.locator('[data-testid=relation]').first().click();
    await page.waitForFunction(() => document.querySelector('#panel h2')?.textContent?.startsWith('<svg'), undefined, WAIT);
    await page.mouse.move(700, 400);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => window.__xss)).toBeUndefined();
    await page.close();
  });
});
