/** The newsgraph viewer: loads RDF (served graph, file picker, drag-and-drop) into sigma with ForceAtlas2. */
import Sigma from 'sigma';
import { UndirectedGraph } from 'graphology';
import * as fa2Worker from 'graphology-layout-forceatlas2/worker.js';
import type * as RDF from '@rdfjs/types';
import type { AbstractGraph } from 'graphology-types';
import {
  loadGraph, parseRdf, forceAtlas2, formatOfMediaType, guessFormat, sizeNodes, ParseError, NODE_TYPES, PROJECTIONS,
  type EdgeAttributes, type GraphAttributes, type NodeAttributes, type NodeType, type Projection,
} from '../../src/load/index.ts';
import { TYPE_COLORS, DIM_COLOR, DIM_EDGE_COLOR, DIM_LABEL_COLOR, EDGE_COLOR, EDGE_HIGHLIGHT, LABEL_COLOR } from './colors.ts';
import { searchEntries, type SearchEntry } from './search.ts';
import { renderEdgePanel, renderNodePanel } from './panel.ts';

type ViewGraph = AbstractGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;
/** The ForceAtlas2 web-worker supervisor (graphology-layout-forceatlas2/worker). */
interface FA2Supervisor { start(): void; stop(): void; kill(): void; isRunning(): boolean }
type FA2SupervisorClass = new (graph: UndirectedGraph, params: { settings?: object; getEdgeWeight?: string }) => FA2Supervisor;
// CommonJS module: the class is the default export once bundled.
const FA2Layout = ((fa2Worker as unknown as { default?: FA2SupervisorClass }).default ?? fa2Worker) as unknown as FA2SupervisorClass;

/** The small UI state the reducers read; display is derived from it at render time. */
interface State {
  projection: Projection;
  sizeBy: 'degree' | 'mentions';
  hiddenTypes: Set<NodeType>;
  minDegree: number;
  hovered?: string;
  hoveredNeighbours: Set<string>;
  selectedNode?: string;
  selectedEdge?: string;
  /** ForceAtlas2 is running in the worker. */
  layoutRunning: boolean;
}

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const container = $<HTMLDivElement>('sigma');
const panel = $<HTMLElement>('panel');
const errorBox = $<HTMLDivElement>('error');
const searchInput = $<HTMLInputElement>('search');
const suggestions = $<HTMLDataListElement>('search-suggestions');
const projectionSelect = $<HTMLSelectElement>('projection');
const sizeSelect = $<HTMLSelectElement>('size-by');
const layoutButton = $<HTMLButtonElement>('layout-toggle');
const pngButton = $<HTMLButtonElement>('export-png');
const fileInput = $<HTMLInputElement>('file-input');
const legend = $<HTMLUListElement>('legend');
const minDegreeInput = $<HTMLInputElement>('min-degree');
const minDegreeValue = $<HTMLOutputElement>('min-degree-value');
const counts = $<HTMLParagraphElement>('counts');
const graphName = $<HTMLSpanElement>('graph-name');
const dropOverlay = $<HTMLDivElement>('drop-overlay');

// The ontology files are bundled at build time, so types and topic labels resolve for any file opened.
const ontologyFiles = import.meta.glob('../../ontology/*.ttl', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const ontology: RDF.Quad[] = Object.entries(ontologyFiles).flatMap(([name, text]) => {
  try {
    return parseRdf(text, { fileName: name });
  } catch {
    return [];
  }
});

const params = new URLSearchParams(location.search);
const state: State = {
  projection: (PROJECTIONS as readonly string[]).includes(params.get('projection') ?? '') ? (params.get('projection') as Projection) : 'full',
  sizeBy: 'degree',
  hiddenTypes: new Set(),
  minDegree: 0,
  hoveredNeighbours: new Set(),
  layoutRunning: false,
};
let quads: RDF.Quad[] = [];
let graph: ViewGraph | undefined;
let renderer: Sigma<NodeAttributes, EdgeAttributes, GraphAttributes> | undefined;
let layout: FA2Supervisor | undefined;
let layoutGraph: UndirectedGraph | undefined;
let settleTimer: ReturnType<typeof setInterval> | undefined;
let stopCounting: (() => void) | undefined;
/** The layout has settled when nodes move on average less than this fraction of the drawing per iteration. */
const SETTLED_MOVE = 0.0005;
/** Past this many edges, arrows become lines, edges are not pickable and are not drawn during layout. */
const LARGE_EDGE_COUNT = 20_000;
/** The layout stops by itself after this many milliseconds even if it has not settled. */
const LAYOUT_TIME_LIMIT = 120_000;
/** How often (ms) the layout's progress is checked and, at most, shown. */
const SYNC_INTERVAL = 300;
let searchIndex: SearchEntry[] = [];

/** What tests and the benchmark read (no secrets, just the live objects and timings). */
const hooks = {
  ready: false,
  get graph() { return graph; },
  get renderer() { return renderer; },
  state,
  timings: {} as Record<string, number>,
  /** [ms since layout start, iterations, average move per iteration / drawing size], every 500 ms. */
  layoutTrace: [] as Array<[number, number, number]>,
  loadText,
  error: '' as string,
};
(window as unknown as { __newsgraph: typeof hooks }).__newsgraph = hooks;

function showError(message: string): void {
  hooks.error = message;
  errorBox.textContent = message;
  errorBox.hidden = !message;
}

/** Parses RDF text and shows it; on a parse error shows file:line:column and keeps the current graph. */
function loadText(text: string, fileName: string, format = guessFormat(fileName)): boolean {
  const t0 = performance.now();
  let parsed: RDF.Quad[];
  try {
    parsed = parseRdf(text, { fileName, format });
  } catch (error) {
    if (error instanceof ParseError) showError(`Could not open ${error.file}: line ${error.line}, column ${error.column}: ${error.detail}. The current graph is kept.`);
    else showError(`Could not open ${fileName}: ${(error as Error).message}. The current graph is kept.`);
    return false;
  }
  hooks.timings.parse = performance.now() - t0;
  showError('');
  quads = parsed;
  graphName.textContent = fileName;
  state.selectedNode = params.get('node') ?? undefined;
  params.delete('node');
  state.selectedEdge = undefined;
  rebuild();
  return true;
}

/** Builds the graph of the current projection and hands it to sigma and the layout. */
function rebuild(): void {
  const t0 = performance.now();
  const next = loadGraph(quads, { projection: state.projection, ontology }) as ViewGraph;
  hooks.timings.load = performance.now() - t0;
  stopLayout();
  layout?.kill();
  layout = undefined;
  layoutGraph = undefined;
  graph = next;
  if (state.sizeBy !== 'degree') sizeNodes(graph, state.sizeBy);
  graph.updateEachNodeAttributes((_key, attrs) => {
    attrs.color = TYPE_COLORS[attrs.type];
    return attrs;
  }, { attributes: ['color'] });
  graph.updateEachEdgeAttributes((_key, attrs) => {
    attrs.size = Math.min(6, 1 + Math.log2(attrs.weight || 1));
    attrs.color = EDGE_COLOR;
    return attrs;
  }, { attributes: ['size', 'color'] });
  // Good start: small graphs get a short synchronous ForceAtlas2 run before the first frame.
  if (graph.order > 1 && graph.order <= 500) {
    const settings = layoutSettings(graph);
    forceAtlas2.assign(graph, { iterations: graph.order <= 200 ? 400 : 100, settings, getEdgeWeight: 'weight' });
    // A last pass that keeps discs from overlapping (sizes are comparable to positions at this point).
    if (graph.order <= 200) forceAtlas2.assign(graph, { iterations: 50, settings: { ...settings, adjustSizes: true }, getEdgeWeight: 'weight' });
  }
  if (state.selectedNode && !graph.hasNode(state.selectedNode)) state.selectedNode = undefined;
  if (state.selectedEdge && !graph.hasEdge(state.selectedEdge)) state.selectedEdge = undefined;
  const t1 = performance.now();
  if (!renderer) {
    renderer = new Sigma(graph, container, {
      renderEdgeLabels: true,
      // Edge picking draws every edge a second time; large graphs select edges from the panel instead.
      enableEdgeEvents: graph.size <= LARGE_EDGE_COUNT,
      defaultEdgeType: edgeType(graph),
      labelFont: 'system-ui, "DejaVu Sans", sans-serif',
      labelSize: 13,
      labelWeight: '600',
      labelColor: { attribute: 'labelColor', color: LABEL_COLOR },
      edgeLabelSize: 11,
      edgeLabelColor: { color: '#57606a' },
      ...labelSettings(graph),
      hideEdgesOnMove: graph.size > LARGE_EDGE_COUNT,
      zIndex: graph.order <= 5000,
      nodeReducer,
      edgeReducer,
    });
    bindRendererEvents(renderer);
    // Sigma follows window resizes only; the side panel also changes the container's width.
    new ResizeObserver(() => {
      renderer?.resize();
      renderer?.refresh({ skipIndexation: true });
    }).observe(container);
  } else {
    // Graph first: the reducers read the new graph, so sigma must not redraw the old one after this point.
    renderer.setGraph(graph);
    renderer.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    renderer.setSettings({ defaultEdgeType: edgeType(graph), zIndex: graph.order <= 5000, enableEdgeEvents: graph.size <= LARGE_EDGE_COUNT, ...labelSettings(graph) });
  }
  hooks.timings.firstRender = performance.now() - t1;
  // Milliseconds since navigation start when the first frame of this graph reached the screen.
  delete hooks.timings.firstRenderAt;
  const shown = graph;
  requestAnimationFrame(() => {
    hooks.timings.firstRenderAt = performance.now();
    // Large graphs keep being laid out in the worker, started once the first frame is on screen.
    if (graph === shown && shown.order > 200) setTimeout(startLayout, 0);
  });
  updateLegend();
  updateDegreeSlider();
  updateSearchIndex();
  updateCounts();
  if (state.selectedNode) selectNode(state.selectedNode, true);
  else if (state.selectedEdge) selectEdge(state.selectedEdge);
  else closePanel();
  hooks.ready = true;
  layoutButton.textContent = 'Start layout';
}

/** Arrows show direction; past 20,000 edges plain lines draw much faster and arrows are unreadable anyway. */
function edgeType(g: ViewGraph): 'arrow' | 'line' {
  return g.type === 'directed' && g.size <= LARGE_EDGE_COUNT ? 'arrow' : 'line';
}

/** Small graphs show every label; large ones let sigma pick labels of the biggest nodes. */
function labelSettings(g: ViewGraph): { labelRenderedSizeThreshold: number; labelDensity: number; labelGridCellSize: number } {
  return g.order < 300 ? { labelRenderedSizeThreshold: 0, labelDensity: 5, labelGridCellSize: 40 } : { labelRenderedSizeThreshold: 8, labelDensity: 0.1, labelGridCellSize: 100 };
}

function isVisible(key: string, attrs: NodeAttributes): boolean {
  return !state.hiddenTypes.has(attrs.type) && graph!.degree(key) >= state.minDegree;
}

// Reducers run for every node and edge on each refresh: they build small display objects (only what sigma
// draws) instead of copying all attributes, and do no graph lookups unless something is focused.
function nodeReducer(key: string, attrs: NodeAttributes): Record<string, unknown> {
  // Our "type" attribute is the node's category; sigma reads "type" as the render program.
  const out: Record<string, unknown> = { x: attrs.x, y: attrs.y, size: attrs.size, color: attrs.color, label: attrs.label, type: 'circle' };
  if (state.hiddenTypes.has(attrs.type) || (state.minDegree > 0 && graph?.hasNode(key) && graph.degree(key) < state.minDegree)) {
    out.hidden = true;
    return out;
  }
  const focus = state.hovered ?? state.selectedNode;
  if (focus) {
    if (key === focus) out.highlighted = true;
    else if (!state.hoveredNeighbours.has(key)) {
      out.color = DIM_COLOR;
      out.zIndex = 0;
      // Hover hides other labels; a selection only greys them, so the whole graph stays readable.
      if (state.hovered) out.label = '';
      else out.labelColor = DIM_LABEL_COLOR;
    } else out.zIndex = 1;
  }
  if (key === state.selectedNode) {
    out.highlighted = true;
    out.forceLabel = true;
    out.zIndex = 2;
  }
  return out;
}

// Sigma itself hides the edges of hidden nodes, so filters need nothing here.
function edgeReducer(key: string, attrs: EdgeAttributes): Record<string, unknown> {
  const out: Record<string, unknown> = { size: attrs.size, color: attrs.color, label: '' };
  // While a large graph is being laid out, frames draw nodes only: drawing every edge at each step
  // would make the layout wait for the renderer.
  if (state.layoutRunning && (graph?.size ?? 0) > LARGE_EDGE_COUNT) {
    out.hidden = true;
    return out;
  }
  const focus = state.hovered ?? state.selectedNode;
  if (key === state.selectedEdge) {
    out.color = EDGE_HIGHLIGHT;
    out.size = Math.max(3, attrs.size);
    out.label = attrs.label;
    out.forceLabel = true;
  } else if (focus && graph?.hasEdge(key)) {
    if (graph.hasExtremity(key, focus)) {
      out.color = EDGE_HIGHLIGHT;
      if (graph.type === 'directed') out.label = attrs.label;
    } else if (state.hovered) out.hidden = true;
    else out.color = DIM_EDGE_COLOR;
  }
  return out;
}

function refresh(): void {
  renderer?.refresh({ skipIndexation: true });
}

function setFocusNeighbours(node: string | undefined): void {
  state.hoveredNeighbours = node && graph?.hasNode(node) ? new Set(graph.neighbors(node)) : new Set();
}

function bindRendererEvents(r: Sigma<NodeAttributes, EdgeAttributes, GraphAttributes>): void {
  r.on('enterNode', ({ node }) => {
    state.hovered = node;
    setFocusNeighbours(node);
    refresh();
  });
  r.on('leaveNode', () => {
    state.hovered = undefined;
    setFocusNeighbours(state.selectedNode);
    refresh();
  });
  r.on('clickNode', ({ node }) => selectNode(node));
  r.on('clickEdge', ({ edge }) => selectEdge(edge));
  r.on('clickStage', () => closePanel());
}

const actions = { selectNode: (k: string) => selectNode(k), selectEdge: (k: string) => selectEdge(k), close: () => closePanel() };

/** Selects a node: opens the panel, centres the camera, and records it in the URL. */
function selectNode(node: string, center = true): void {
  if (!graph?.hasNode(node)) return;
  state.selectedNode = node;
  state.selectedEdge = undefined;
  setFocusNeighbours(node);
  renderNodePanel(panel, graph, node, actions);
  writeUrl();
  refresh();
  if (center && renderer) {
    const display = renderer.getNodeDisplayData(node);
    // Small graphs stay whole on screen; in large ones the camera also zooms in on the node.
    const ratio = graph.order < 100 ? renderer.getCamera().ratio : Math.min(renderer.getCamera().ratio, 0.5);
    if (display) renderer.getCamera().animate({ x: display.x, y: display.y, ratio }, { duration: 400 });
  }
}

function selectEdge(edge: string): void {
  if (!graph?.hasEdge(edge)) return;
  state.selectedEdge = edge;
  state.selectedNode = undefined;
  setFocusNeighbours(undefined);
  renderEdgePanel(panel, graph, edge, actions);
  writeUrl();
  refresh();
}

function closePanel(): void {
  // Redraw only when something was selected: a redraw runs the reducers over every node and edge.
  const changed = state.selectedNode !== undefined || state.selectedEdge !== undefined;
  state.selectedNode = undefined;
  state.selectedEdge = undefined;
  setFocusNeighbours(state.hovered);
  panel.hidden = true;
  panel.replaceChildren();
  writeUrl();
  if (changed) refresh();
}

function writeUrl(): void {
  const url = new URL(location.href);
  if (state.selectedNode) url.searchParams.set('node', state.selectedNode);
  else url.searchParams.delete('node');
  if (state.projection !== 'full') url.searchParams.set('projection', state.projection);
  else url.searchParams.delete('projection');
  history.replaceState(null, '', url);
}

function updateLegend(): void {
  const byType = new Map<NodeType, number>();
  graph!.forEachNode((_k, a) => byType.set(a.type, (byType.get(a.type) ?? 0) + 1));
  legend.replaceChildren();
  for (const type of NODE_TYPES) {
    const n = byType.get(type);
    if (!n) continue;
    const li = document.createElement('li');
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = !state.hiddenTypes.has(type);
    box.dataset.type = type;
    box.addEventListener('change', () => {
      if (box.checked) state.hiddenTypes.delete(type);
      else state.hiddenTypes.add(type);
      updateCounts();
      refresh();
    });
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = TYPE_COLORS[type];
    const count = document.createElement('span');
    count.className = 'count';
    count.textContent = String(n);
    label.append(box, swatch, document.createTextNode(type), count);
    li.append(label);
    legend.append(li);
  }
}

function updateDegreeSlider(): void {
  let max = 0;
  graph!.forEachNode((k) => { max = Math.max(max, graph!.degree(k)); });
  minDegreeInput.max = String(Math.max(1, max));
  if (state.minDegree > max) state.minDegree = 0;
  minDegreeInput.value = String(state.minDegree);
  minDegreeValue.textContent = String(state.minDegree);
}

function updateCounts(): void {
  let nodes = 0;
  graph!.forEachNode((k, a) => { if (isVisible(k, a)) nodes++; });
  counts.textContent = `${nodes} of ${graph!.order} nodes shown · ${graph!.size} edges`;
  counts.dataset.visible = String(nodes);
}

function updateSearchIndex(): void {
  searchIndex = [];
  graph!.forEachNode((node, a) => {
    const weight = graph!.degree(node);
    searchIndex.push({ node, text: a.label, label: a.label, weight });
    for (const alias of a.aliases) searchIndex.push({ node, text: alias, label: a.label, weight });
  });
  updateSuggestions();
}

function updateSuggestions(): void {
  const matches = searchInput.value ? searchEntries(searchIndex, searchInput.value, 12) : [];
  // One suggestion per node, always its label; a match on an alias says which.
  suggestions.replaceChildren(...matches.map((m) => {
    const option = document.createElement('option');
    option.value = m.label;
    if (m.text !== m.label) option.label = `also “${m.text}”`;
    return option;
  }));
}

searchInput.addEventListener('input', (event) => {
  if (hooks.error.startsWith('No node matches')) showError('');
  updateSuggestions();
  // Choosing a suggestion replaces the text with a full name (no inputType, or insertReplacementText): select it.
  const kind = (event as InputEvent).inputType;
  if (kind && kind !== 'insertReplacementText') return;
  const exact = searchIndex.find((e) => e.text === searchInput.value);
  if (exact) selectNode(exact.node);
});
searchInput.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter') return;
  event.preventDefault();
  const [best] = searchEntries(searchIndex, searchInput.value, 1);
  if (best) selectNode(best.node);
  else showError(`No node matches "${searchInput.value}".`);
});

window.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && !panel.hidden) closePanel();
});

projectionSelect.value = state.projection;
projectionSelect.addEventListener('change', () => {
  state.projection = projectionSelect.value as Projection;
  const keep = state.selectedNode;
  writeUrl();
  if (quads.length) {
    state.selectedNode = keep;
    rebuild();
  }
});
sizeSelect.addEventListener('change', () => {
  state.sizeBy = sizeSelect.value as State['sizeBy'];
  if (graph) {
    sizeNodes(graph, state.sizeBy);
    refresh();
  }
});
minDegreeInput.addEventListener('input', () => {
  state.minDegree = Number(minDegreeInput.value);
  minDegreeValue.textContent = String(state.minDegree);
  updateCounts();
  refresh();
});

/** ForceAtlas2 settings: the library's inferred ones, with strong gravity so lone nodes stay in view. */
function layoutSettings(g: ViewGraph): Record<string, unknown> {
  const inferred = forceAtlas2.inferSettings(g);
  return { ...inferred, strongGravityMode: true, gravity: g.order <= 200 ? 0.3 : 0.05, scalingRatio: g.order <= 200 ? 20 : inferred.scalingRatio ?? 10, barnesHutOptimize: g.order > 1000 };
}

/**
 * A light copy of the graph for the layout worker: positions, sizes and summed edge weights only. The
 * worker updates the copy at every iteration; the shown graph takes its positions a few times a second,
 * so the layout never waits for the renderer (which matters for big graphs and software rendering).
 */
function buildLayoutGraph(g: ViewGraph): UndirectedGraph {
  const copy = new UndirectedGraph();
  g.forEachNode((key, a) => { copy.addNode(key, { x: a.x, y: a.y, size: a.size }); });
  g.forEachEdge((_e, a, source, target) => {
    if (source === target) return;
    const existing = copy.edge(source, target);
    if (existing === undefined) copy.addEdge(source, target, { weight: a.weight || 1 });
    else copy.updateEdgeAttribute(existing, 'weight', (w) => (w as number) + (a.weight || 1));
  });
  return copy;
}

/** Copies the worker's positions into the shown graph (one redraw). */
function syncPositions(): void {
  if (!graph || !layoutGraph) return;
  const source = layoutGraph;
  graph.updateEachNodeAttributes((key, attrs) => {
    attrs.x = source.getNodeAttribute(key, 'x') as number;
    attrs.y = source.getNodeAttribute(key, 'y') as number;
    return attrs;
  }, { attributes: ['x', 'y'] });
}

/** Starts ForceAtlas2 in its web worker; stops by itself once nodes barely move. */
function startLayout(): void {
  if (!graph || graph.order < 2) return;
  if (!layout || !layoutGraph) {
    layoutGraph = buildLayoutGraph(graph);
    layout = new FA2Layout(layoutGraph, { settings: layoutSettings(graph), getEdgeWeight: 'weight' });
  }
  const shadow = layoutGraph;
  // The worker sends positions once per iteration: counting them makes "settled" independent of how fast
  // this machine runs the iterations.
  let iterations = 0;
  const countIteration = (): void => { iterations++; };
  shadow.on('eachNodeAttributesUpdated', countIteration);
  stopCounting = () => shadow.off('eachNodeAttributesUpdated', countIteration);
  layout.start();
  state.layoutRunning = true;
  if (graph.size > LARGE_EDGE_COUNT) refresh();
  layoutButton.textContent = 'Stop layout';
  const started = performance.now();
  hooks.timings.layoutStart = started;
  delete hooks.timings.settled;
  hooks.layoutTrace = [];
  let previous = snapshot(shadow);
  let counted = 0;
  clearInterval(settleTimer);
  // Redraws share the main thread with the worker's messages: when a redraw turns out to block the thread
  // (big graphs, software rendering), later ones are spaced out so that the layout keeps most of the time.
  let lastTick = started;
  let nextSync = started;
  let redrawCost = 0;
  settleTimer = setInterval(() => {
    const now = performance.now();
    const lag = now - lastTick - SYNC_INTERVAL;
    lastTick = now;
    if (lag > 0) redrawCost = Math.max(redrawCost * 0.5, lag);
    if (now >= nextSync) {
      syncPositions();
      nextSync = now + Math.max(SYNC_INTERVAL, 4 * redrawCost);
    }
    const steps = iterations - counted;
    if (steps === 0 && performance.now() - started < LAYOUT_TIME_LIMIT) return;
    counted = iterations;
    const current = snapshot(shadow);
    let moved = 0;
    let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    for (let i = 0; i < current.length; i += 2) {
      moved += Math.hypot(current[i]! - (previous[i] ?? 0), current[i + 1]! - (previous[i + 1] ?? 0));
      minX = Math.min(minX, current[i]!); maxX = Math.max(maxX, current[i]!);
      minY = Math.min(minY, current[i + 1]!); maxY = Math.max(maxY, current[i + 1]!);
    }
    const extent = Math.max(maxX - minX, maxY - minY, 1e-9);
    previous = current;
    // Average move of a node per iteration, as a fraction of the drawing's size.
    const perIteration = moved / (current.length / 2) / extent / Math.max(steps, 1);
    hooks.layoutTrace.push([Math.round(performance.now() - started), iterations, perIteration]);
    if (perIteration < SETTLED_MOVE || performance.now() - started > LAYOUT_TIME_LIMIT) {
      hooks.timings.settled = performance.now() - started;
      hooks.timings.layoutIterations = iterations;
      stopLayout();
    }
  }, SYNC_INTERVAL);
}

function snapshot(g: UndirectedGraph): Float64Array {
  const out = new Float64Array(g.order * 2);
  let i = 0;
  g.forEachNode((_k, a) => { out[i++] = a.x as number; out[i++] = a.y as number; });
  return out;
}

function stopLayout(): void {
  stopCounting?.();
  stopCounting = undefined;
  clearInterval(settleTimer);
  settleTimer = undefined;
  layout?.stop();
  if (state.layoutRunning) {
    state.layoutRunning = false;
    syncPositions();
    if ((graph?.size ?? 0) > LARGE_EDGE_COUNT) refresh();
  }
  layoutButton.textContent = 'Start layout';
}

layoutButton.addEventListener('click', () => {
  if (layout?.isRunning()) stopLayout();
  else startLayout();
});

/**
 * Draws every sigma layer onto one canvas, on white, and downloads it as PNG. A second, off-screen sigma
 * with the same graph, settings and camera does the drawing: WebGL canvases on screen may not keep their
 * pixels for drawImage (the approach of sigma's png-snapshot example).
 */
function exportPng(): string | undefined {
  if (!renderer || !graph) return undefined;
  const { width, height } = renderer.getDimensions();
  const ratio = window.devicePixelRatio || 1;
  const root = document.createElement('div');
  root.style.cssText = `position:absolute;left:-10000px;top:0;width:${width}px;height:${height}px;`;
  document.body.append(root);
  const copy = new Sigma(graph, root, renderer.getSettings());
  try {
    copy.getCamera().setState(renderer.getCamera().getState());
    copy.refresh();
    const canvas = document.createElement('canvas');
    canvas.width = width * ratio;
    canvas.height = height * ratio;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    const layers = copy.getCanvases();
    for (const id of ['edges', 'nodes', 'edgeLabels', 'labels', 'hovers', 'hoverNodes']) {
      const layer = layers[id];
      if (layer) ctx.drawImage(layer, 0, 0, canvas.width, canvas.height);
    }
    const url = canvas.toDataURL('image/png');
    const a = document.createElement('a');
    a.href = url;
    a.download = `${(graphName.textContent || 'newsgraph').replace(/\.[^.]+$/, '')}.png`;
    a.click();
    return url;
  } finally {
    copy.kill();
    root.remove();
  }
}
pngButton.addEventListener('click', () => { exportPng(); });
(hooks as Record<string, unknown>).exportPng = exportPng;

async function openFile(file: File): Promise<void> {
  const text = await file.text();
  loadText(text, file.name, guessFormat(file.name));
}

fileInput.addEventListener('change', () => {
  const file = fileInput.files?.[0];
  if (file) void openFile(file);
  fileInput.value = '';
});
let dragDepth = 0;
window.addEventListener('dragenter', (e) => { e.preventDefault(); dragDepth++; dropOverlay.hidden = false; });
window.addEventListener('dragover', (e) => e.preventDefault());
window.addEventListener('dragleave', () => { dragDepth = Math.max(0, dragDepth - 1); if (!dragDepth) dropOverlay.hidden = true; });
window.addEventListener('drop', (e) => {
  e.preventDefault();
  dragDepth = 0;
  dropOverlay.hidden = true;
  const file = e.dataTransfer?.files?.[0];
  if (file) void openFile(file);
});

/** Loads the graph that `newsgraph view` serves at ./graph, if any. */
async function loadServedGraph(): Promise<void> {
  let response: Response;
  try {
    response = await fetch('./graph', { cache: 'no-store' });
  } catch {
    response = new Response(null, { status: 404 });
  }
  if (!response.ok) {
    graphName.textContent = 'no graph loaded: open a file';
    hooks.ready = true;
    return;
  }
  const name = decodeURIComponent(response.headers.get('x-graph-name') ?? 'graph.ttl');
  const format = formatOfMediaType(response.headers.get('content-type') ?? '') ?? guessFormat(name);
  loadText(await response.text(), name, format);
}

void loadServedGraph();
