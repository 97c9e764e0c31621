/** The side panel: node and edge details built with DOM nodes and textContent only (article text is untrusted). */
import type { AbstractGraph } from 'graphology-types';
import type { EdgeAttributes, Evidence, GraphAttributes, Highlight, NodeAttributes } from '../../src/load/index.ts';
import { TYPE_COLORS } from './colors.ts';

type ViewGraph = AbstractGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

/** What the panel can ask the app to do. */
export interface PanelActions {
  selectNode(key: string): void;
  selectEdge(key: string): void;
  close(): void;
}

/** Creates an element with text content (never HTML). */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

function linkButton(text: string, onClick: () => void, testId?: string): HTMLButtonElement {
  const b = el('button', text, 'link');
  b.type = 'button';
  if (testId) b.dataset.testid = testId;
  b.addEventListener('click', onClick);
  return b;
}

function header(panel: HTMLElement, title: string, actions: PanelActions): void {
  const close = el('button', '×', 'close');
  close.type = 'button';
  close.title = 'Close';
  close.setAttribute('aria-label', 'Close panel');
  close.addEventListener('click', () => actions.close());
  panel.append(close, el('h2', title));
}

function typeBadge(attrs: NodeAttributes): HTMLElement {
  const badge = el('span', undefined, 'type-badge');
  const sw = el('span', undefined, 'swatch');
  sw.style.background = TYPE_COLORS[attrs.type];
  badge.append(sw, document.createTextNode(attrs.classLabel === attrs.type ? attrs.type : `${attrs.classLabel} (${attrs.type})`));
  badge.dataset.testid = 'node-type';
  return badge;
}

/** Picks highlights that do not overlap, those of focused entities first. */
export function chooseHighlights(highlights: readonly Highlight[], focus: ReadonlySet<string>): Array<Highlight & { focus: boolean }> {
  const chosen: Array<Highlight & { focus: boolean }> = [];
  const ordered = [...highlights].sort((a, b) => Number(focus.has(b.entity)) - Number(focus.has(a.entity)) || (b.end - b.start) - (a.end - a.start));
  for (const h of ordered) {
    if (chosen.some((c) => h.start < c.end && c.start < h.end)) continue;
    chosen.push({ ...h, focus: focus.has(h.entity) });
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/** One evidence sentence with the mentions of the focused entities marked. */
export function renderEvidence(ev: Evidence, focus: ReadonlySet<string>): HTMLElement {
  const block = el('blockquote', undefined, 'evidence');
  block.dataset.testid = 'evidence';
  let cursor = 0;
  for (const h of chooseHighlights(ev.highlights, focus)) {
    if (h.start > cursor) block.append(document.createTextNode(ev.text.slice(cursor, h.start)));
    const mark = el('mark', ev.text.slice(h.start, h.end), h.focus ? 'focus' : undefined);
    block.append(mark);
    cursor = h.end;
  }
  if (cursor < ev.text.length) block.append(document.createTextNode(ev.text.slice(cursor)));
  if (ev.article) block.append(el('span', `${ev.article.split('/').pop()} · characters ${ev.begin}–${ev.end}`, 'source'));
  return block;
}

function evidenceKey(ev: Evidence): string {
  return `${ev.article}\u0000${ev.begin}\u0000${ev.end}`;
}

function evidenceSection(panel: HTMLElement, evidence: Evidence[], focus: ReadonlySet<string>, limit = 12): void {
  const unique = new Map<string, Evidence>();
  for (const ev of evidence) if (!unique.has(evidenceKey(ev))) unique.set(evidenceKey(ev), ev);
  // Sentences that mention the focused node come first, then text order.
  const mentions = (ev: Evidence): number => (ev.highlights.some((h) => focus.has(h.entity)) ? 0 : 1);
  const list = [...unique.values()].sort((a, b) => mentions(a) - mentions(b) || (a.article < b.article ? -1 : a.article > b.article ? 1 : a.begin - b.begin));
  panel.append(el('h4', `Evidence (${list.length})`));
  if (!list.length) {
    panel.append(el('p', 'No evidence sentence in the data.', 'muted'));
    return;
  }
  for (const ev of list.slice(0, limit)) panel.append(renderEvidence(ev, focus));
  if (list.length > limit) panel.append(el('p', `… and ${list.length - limit} more`, 'muted'));
}

/** Fills the panel with a node: label, type, roles, aliases, Wikidata, relations by predicate, evidence. */
export function renderNodePanel(panel: HTMLElement, graph: ViewGraph, node: string, actions: PanelActions): void {
  panel.replaceChildren();
  panel.hidden = false;
  const a = graph.getNodeAttributes(node);
  header(panel, a.label, actions);
  panel.append(typeBadge(a));
  if (a.roles.length) {
    panel.append(el('h4', 'Role'));
    const roles = el('p', a.roles.join('; '));
    roles.dataset.testid = 'roles';
    panel.append(roles);
  }
  if (a.aliases.length) {
    panel.append(el('h4', 'Also called'));
    panel.append(el('p', a.aliases.join(' · ')));
  }
  if (a.dates.length || a.timeTexts.length) {
    panel.append(el('h4', 'When'));
    const when = a.dates.join(', ');
    const written = a.timeTexts.filter((t) => !a.dates.includes(t)).map((t) => `“${t}”`).join(', ');
    panel.append(el('p', [when, written].filter(Boolean).join(' · ')));
  }
  const facts = el('p', `${a.mentionCount} mention${a.mentionCount === 1 ? '' : 's'} in ${a.articles.length} article${a.articles.length === 1 ? '' : 's'} · degree ${graph.degree(node)}`, 'muted');
  panel.append(facts);
  if (a.wikidata && /^Q\d+$/.test(a.wikidata)) {
    const link = el('a', `Wikidata ${a.wikidata}`);
    link.href = `https://www.wikidata.org/wiki/${a.wikidata}`;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    const p = el('p');
    p.append(link);
    panel.append(p);
  }

  // Relations grouped by predicate and direction; each neighbour is clickable, and so is the edge.
  const groups = new Map<string, Array<{ edge: string; neighbour: string; note: string }>>();
  const directed = graph.type === 'directed';
  graph.forEachEdge(node, (edge, attrs, source, target) => {
    const outgoing = source === node;
    const neighbour = outgoing ? target : source;
    const heading = directed ? `${outgoing ? '→' : '←'} ${attrs.label}` : attrs.predicate === 'shared' ? 'Shares events with' : attrs.predicate === 'direct' ? 'Linked to' : graph.getNodeAttribute(neighbour, 'type') === 'Topic' ? 'Topics' : 'Actors';
    const note = directed ? '' : attrs.label;
    const list = groups.get(heading) ?? [];
    list.push({ edge, neighbour, note });
    groups.set(heading, list);
  });
  if (groups.size) {
    panel.append(el('h4', 'Relations'));
    const section = el('div');
    section.dataset.testid = 'relations';
    for (const [heading, items] of [...groups].sort((x, y) => x[0].localeCompare(y[0]))) {
      const h5 = el('h5', heading);
      // Arrows read from the selected node: "→ holds" = it holds these; "← participant" = these have it as participant.
      if (directed) h5.title = heading.startsWith('→') ? `${a.label} ${heading.slice(2)} …` : `… ${heading.slice(2)} ${a.label}`;
      section.append(h5);
      const ul = el('ul');
      for (const item of items.sort((x, y) => graph.getNodeAttribute(x.neighbour, 'label').localeCompare(graph.getNodeAttribute(y.neighbour, 'label')))) {
        const li = el('li');
        li.append(linkButton(graph.getNodeAttribute(item.neighbour, 'label'), () => actions.selectNode(item.neighbour), 'relation'));
        if (item.note) li.append(el('span', ` — ${item.note}`, 'muted'));
        li.append(document.createTextNode(' '));
        const edgeButton = linkButton('(details)', () => actions.selectEdge(item.edge));
        edgeButton.title = 'Show this relation and its evidence';
        li.append(edgeButton);
        ul.append(li);
      }
      section.append(ul);
    }
    panel.append(section);
  }
  const evidence = [...a.evidence];
  graph.forEachEdge(node, (_e, attrs) => evidence.push(...attrs.evidence));
  evidenceSection(panel, evidence, new Set([node]));
}

/** Fills the panel with an edge: its predicate, ends (clickable) and evidence. */
export function renderEdgePanel(panel: HTMLElement, graph: ViewGraph, edge: string, actions: PanelActions): void {
  panel.replaceChildren();
  panel.hidden = false;
  const a = graph.getEdgeAttributes(edge);
  const source = graph.source(edge);
  const target = graph.target(edge);
  const directed = graph.type === 'directed';
  header(panel, directed ? a.label : a.predicate === 'shared' ? 'Shared events' : a.predicate === 'direct' ? 'Relation' : 'Actor and topic', actions);
  const ends = el('p');
  ends.append(linkButton(graph.getNodeAttribute(source, 'label'), () => actions.selectNode(source)));
  ends.append(document.createTextNode(directed ? ` —${a.label}→ ` : ' — '));
  ends.append(linkButton(graph.getNodeAttribute(target, 'label'), () => actions.selectNode(target)));
  panel.append(ends);
  if (!directed) {
    panel.append(el('h4', `Through (${a.weight})`));
    const ul = el('ul');
    for (const label of a.label.split('; ')) ul.append(el('li', label));
    panel.append(ul);
  }
  evidenceSection(panel, a.evidence, new Set([source, target]));
}
