/** Loader: RDF quads (any Turtle that uses the newsgraph ontology) -> a graphology graph to view or export. */
import { DirectedGraph, MultiDirectedGraph, UndirectedGraph } from 'graphology';
import type { AbstractGraph } from 'graphology-types';
import { Store } from 'n3';
import type * as RDF from '@rdfjs/types';
import { Hierarchy, IRI, ALIAS_PREDICATES, LABEL_PREDICATES, SAME_AS_PREDICATES, isEdgePredicate, type Classification } from './vocabulary.ts';
import { LoadError } from './errors.ts';
import { assignInitialPositions, sizeNodes } from './layout.ts';
import {
  PROJECTIONS,
  type EdgeAttributes, type Evidence, type GraphAttributes, type Highlight, type LoadOptions, type NodeAttributes,
  type NodeType, type Projection,
} from './types.ts';

export * from './types.ts';
export { ParseError, LoadError } from './errors.ts';
export { parseRdf, guessFormat, formatOfMediaType, mediaTypeOf, type RdfFormat, type ParseOptions } from './parse.ts';
export { assignInitialPositions, computeLayout, sizeNodes, forceAtlas2, createRandom, type LayoutOptions } from './layout.ts';
export { Hierarchy } from './vocabulary.ts';
export { TYPE_COLORS } from './colors.ts';
export { writeGraphml, flattenGraph, type FlatGraph } from './graphml.ts';

/** The graph the loader builds. */
export type NewsGraph = AbstractGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

type PredicateRole =
  | 'type' | 'label' | 'alias' | 'sameAs' | 'evidence' | 'holds' | 'postIn' | 'time' | 'timeStamp' | 'taIdentRef'
  | 'begin' | 'end' | 'anchor' | 'isString' | 'context' | 'sourceUrl' | 'sentence' | 'mentionCount' | 'mentions' | 'timeText'
  | 'edge' | 'other';

interface Resource {
  key: string;
  inData: boolean;
  types: string[];
  labels: Array<{ rank: number; value: string }>;
  aliases: string[];
  sameAs: string[];
  evidence: string[];
  holds: string[];
  postIn: string[];
  time: string[];
  timeStamps: string[];
  timeTexts: string[];
  taIdentRef: string[];
  mentions: string[];
  out: Array<{ predicate: string; object: string }>;
  graphs: Set<string>;
  begin?: number;
  end?: number;
  anchor?: string;
  isString?: string;
  context?: string;
  sourceUrl?: string;
  sentence?: string;
  mentionCount?: number;
  /** Display kind, once asked (all quads are read by then). */
  classification?: Classification;
}

interface Mention { key: string; entity: string; begin: number; end: number; context: string }
interface Span { key: string; begin: number; end: number }

/** Builds a graphology graph from quads or an N3 store; see LoadOptions for the projection and extras. */
export function loadGraph(input: Store | Iterable<RDF.Quad>, options: LoadOptions = {}): NewsGraph {
  const projection = options.projection ?? 'full';
  if (!PROJECTIONS.includes(projection)) throw new LoadError(`unknown projection "${String(projection)}" (use ${PROJECTIONS.join(', ')})`);
  const ontology = [...(options.ontology ?? [])];
  // (An array is read as it is, never changed: no copy.)
  const data: readonly RDF.Quad[] = input instanceof Store ? input.getQuads(null, null, null, null) : Array.isArray(input) ? input : [...input];
  let reader = new Reader(ontology);
  // Data that declares sub-classes or sub-properties of its own is read again, knowing them.
  if (!reader.read(data, true)) (reader = new Reader(ontology, data)).read(data, true);
  const full = reader.buildFull(options.include ?? []);
  const graph = projection === 'full' ? full : project(full, projection);
  sizeNodes(graph, 'degree');
  assignInitialPositions(graph);
  return graph;
}

/** Reads quads into per-resource records, then builds the full graph. */
class Reader {
  private readonly hierarchy = new Hierarchy();
  private readonly resources = new Map<string, Resource>();
  /** The same records in the order they were made (the map's order), to loop over without an iterator. */
  private readonly records: Resource[] = [];
  private readonly predicates = new Map<string, { role: PredicateRole; lastObject: Resource | undefined }>();
  private readonly classified = new Map<string, Classification>();
  private readonly pairs = new Map<string, Map<string, string>>();
  private readonly singleGraphs = new Map<string, Set<string>>();
  /** Every named graph some data quad is in. */
  private readonly graphNames = new Set<string>();
  private readonly evidenceCache = new Map<string, Evidence | null>();
  private readonly evidenceLists = new Map<string, Evidence[]>();
  private mentionsByContext = new Map<string, Mention[]>();
  private sentencesByContext = new Map<string, Span[]>();

  /** Reads the ontology; `hierarchy` quads (the data's) are read for their class and property links first. */
  constructor(ontology: readonly RDF.Quad[], hierarchy: readonly RDF.Quad[] = []) {
    this.hierarchy.add(ontology);
    this.hierarchy.add(hierarchy);
    this.read(ontology, false);
  }

  /**
   * Records every quad; `inData` marks resources that come from the graph (not the ontology).
   * Returns false when the quads link classes or properties the hierarchy did not know: what was
   * read before that used the old hierarchy, so the caller reads again with a new Reader.
   */
  read(list: readonly RDF.Quad[], inData: boolean): boolean {
    let complete = true;
    // Quads come grouped by subject (and graph): the last subject's record and graph are reused
    // without hashing their strings again.
    // (Parsers often hand the same term object on: that is checked first.)
    let lastSubject = '', r = undefined as Resource | undefined, lastGraph = '';
    let lastSubjectTerm: RDF.Term | undefined;
    // Indexed loops here and over the records: iterators allocate a result per step until optimized.
    for (let qi = 0; qi < list.length; qi++) {
      const q = list[qi]!;
      const subject = q.subject;
      const s = subject.termType === 'NamedNode' ? subject.value : subject.termType === 'BlankNode' ? '_:' + subject.value : undefined;
      if (s === undefined) continue;
      if (r === undefined || (subject !== lastSubjectTerm && s !== lastSubject)) { r = this.resource(s); lastSubject = s; lastGraph = ''; }
      lastSubjectTerm = subject;
      const predicate = this.predicate(q.predicate.value);
      const role = predicate.role;
      const o = q.object;
      // An IRI or blank object gets its record too; its key string is then the one shared copy
      // (later look-ups hash it once). A predicate's objects often repeat from quad to quad (the
      // class of every mention, the article of every sentence): the last one is reused.
      let objectRecord: Resource | undefined;
      if (o.termType === 'NamedNode' || o.termType === 'BlankNode') {
        const key = o.termType === 'NamedNode' ? o.value : '_:' + o.value;
        objectRecord = predicate.lastObject !== undefined && key === predicate.lastObject.key ? predicate.lastObject : (predicate.lastObject = this.resource(key));
      }
      const oKey = objectRecord?.key;
      if (inData) {
        r.inData = true;
        if (objectRecord) objectRecord.inData = true;
        const graph = q.graph;
        if (graph.termType === 'NamedNode' && graph.value !== lastGraph) this.addGraph(r, (lastGraph = graph.value));
      }
      // The data's own class and property links and labels (one pass, not a second one over all quads).
      if (inData && (role === 'label' || ((role === 'edge' || role === 'other') && Hierarchy.links(q.predicate.value))) && this.hierarchy.addQuad(q)) complete = false;
      const literal = o.termType === 'Literal' ? o.value : undefined;
      switch (role) {
        case 'type': if (oKey) addTo(r, 'types', oKey); break;
        // Names from the data win over the ontology's; the ontology's alternative labels are match keywords, not names.
        case 'label':
          if (literal !== undefined && isEnglish(o)) {
            const label = { rank: (LABEL_PREDICATES.indexOf(q.predicate.value) >>> 0) + (inData ? 0 : 100), value: literal };
            if (r.labels === NONE) r.labels = [label];
            else r.labels.push(label);
          }
          break;
        case 'alias': if (literal !== undefined && isEnglish(o) && inData) addTo(r, 'aliases', literal); break;
        case 'sameAs': if (oKey) addTo(r, 'sameAs', oKey); break;
        case 'evidence': if (oKey && inData) addTo(r, 'evidence', oKey); break;
        case 'holds': if (oKey && inData) { addTo(r, 'holds', oKey); addOut(r, q.predicate.value, oKey); } break;
        case 'postIn': if (oKey && inData) { addTo(r, 'postIn', oKey); addOut(r, q.predicate.value, oKey); } break;
        case 'time': if (oKey && inData) addTo(r, 'time', oKey); else if (literal !== undefined) addTo(r, 'timeStamps', literal); break;
        case 'timeStamp': if (literal !== undefined) addTo(r, 'timeStamps', literal); break;
        case 'timeText': if (literal !== undefined && inData) addTo(r, 'timeTexts', literal); break;
        case 'taIdentRef': if (oKey) addTo(r, 'taIdentRef', oKey); break;
        case 'mentions': if (oKey && inData) addTo(r, 'mentions', oKey); break;
        case 'begin': r.begin = toInt(literal); break;
        case 'end': r.end = toInt(literal); break;
        case 'anchor': r.anchor = literal; break;
        case 'isString': r.isString = literal; break;
        case 'context': r.context = oKey; break;
        case 'sourceUrl': r.sourceUrl = oKey ?? literal; break;
        case 'sentence': r.sentence = oKey; break;
        case 'mentionCount': r.mentionCount = toInt(literal); break;
        case 'edge': if (oKey && inData) addOut(r, q.predicate.value, oKey); break;
        default: break;
      }
    }
    return complete;
  }

  /**
   * Records that a resource is described in a named graph. Most are described in one graph only:
   * they share one read-only set per graph, copied when a second graph comes.
   */
  private addGraph(r: Resource, graph: string): void {
    if (r.graphs.has(graph)) return;
    if (r.graphs === NO_GRAPHS) {
      let shared = this.singleGraphs.get(graph);
      if (shared === undefined) {
        this.singleGraphs.set(graph, (shared = new Set([graph])));
        this.graphNames.add(graph);
      }
      r.graphs = shared;
      return;
    }
    this.graphNames.add(graph);
    if (r.graphs.size === 1) {
      r.graphs = new Set(r.graphs).add(graph); // the shared set is never changed
    } else {
      r.graphs.add(graph); // a set of two or more graphs is the resource's own
    }
  }

  private resource(key: string): Resource {
    let r = this.resources.get(key);
    if (!r) {
      // Lists start as one shared empty array and are allocated on first write: most resources use few of them.
      // Every field from the start: all records share one shape, with no property store to grow.
      r = {
        key, inData: false, types: NONE, labels: NONE, aliases: NONE, sameAs: NONE, evidence: NONE, holds: NONE, postIn: NONE,
        time: NONE, timeStamps: NONE, timeTexts: NONE, taIdentRef: NONE, mentions: NONE, out: NONE, graphs: NO_GRAPHS,
        begin: undefined, end: undefined, anchor: undefined, isString: undefined, context: undefined, sourceUrl: undefined,
        sentence: undefined, mentionCount: undefined, classification: undefined,
      };
      this.resources.set(key, r);
      this.records.push(r);
    }
    return r;
  }

  /** A predicate's role, with the record of its last object. */
  private predicate(iri: string): { role: PredicateRole; lastObject: Resource | undefined } {
    let p = this.predicates.get(iri);
    if (p === undefined) this.predicates.set(iri, (p = { role: this.roleOf(iri), lastObject: undefined }));
    return p;
  }

  /** What a predicate means to the loader, through its super-properties. */
  private roleOf(predicate: string): PredicateRole {
    const h = this.hierarchy;
    const fixed: Record<string, PredicateRole> = {
      [IRI.type]: 'type', [IRI.taIdentRef]: 'taIdentRef', [IRI.beginIndex]: 'begin', [IRI.endIndex]: 'end',
      [IRI.anchorOf]: 'anchor', [IRI.isString]: 'isString', [IRI.referenceContext]: 'context', [IRI.sourceUrl]: 'sourceUrl',
      [IRI.nifSentence]: 'sentence', [IRI.mentionCount]: 'mentionCount', [IRI.timeText]: 'timeText',
    };
    if (fixed[predicate]) return fixed[predicate];
    if (LABEL_PREDICATES.some((p) => h.is(predicate, p))) return 'label';
    if (ALIAS_PREDICATES.some((p) => h.is(predicate, p))) return 'alias';
    if (SAME_AS_PREDICATES.some((p) => h.is(predicate, p))) return 'sameAs';
    if (h.is(predicate, IRI.wasDerivedFrom)) return 'evidence';
    if (h.is(predicate, IRI.holds)) return 'holds';
    if (h.is(predicate, IRI.postIn)) return 'postIn';
    if (h.is(predicate, IRI.hasTimeStamp)) return 'timeStamp';
    if (h.is(predicate, IRI.hasTime)) return 'time';
    if (h.is(predicate, IRI.mentions) || h.is(predicate, 'http://schema.org/mentions')) return 'mentions';
    return isEdgePredicate(h, predicate) ? 'edge' : 'other';
  }

  private kindOf(key: string): Classification {
    const r = this.resources.get(key);
    return r ? this.kindOfRecord(r) : UNCLASSIFIED;
  }

  /** "a b" for a two-type list, made once per pair (mentions all have the same two types). */
  private pairSignature(a: string, b: string): string {
    let inner = this.pairs.get(a);
    if (inner === undefined) this.pairs.set(a, (inner = new Map()));
    let signature = inner.get(b);
    if (signature === undefined) inner.set(b, (signature = a + ' ' + b));
    return signature;
  }

  private kindOfRecord(r: Resource): Classification {
    let k = r.classification;
    if (k === undefined) {
      // Something that refers to an entity with offsets is a mention, whatever else it is typed.
      if (r.taIdentRef.length && r.begin !== undefined) k = MENTION;
      else {
        // Most records share one of a few type lists: classify each list once.
        const signature = r.types.length === 1 ? r.types[0]! : r.types.length === 2 ? this.pairSignature(r.types[0]!, r.types[1]!) : r.types.join(' ');
        k = this.classified.get(signature);
        if (k === undefined) this.classified.set(signature, (k = this.hierarchy.classify(r.types)));
      }
      r.classification = k;
    }
    return k;
  }

  /** Nodes of the full graph: actors, places, events, relations, topics (and labelled others). */
  private isNode(r: Resource): boolean {
    if (!r.inData) return false;
    const { kind } = this.kindOfRecord(r);
    switch (kind) {
      case 'Person': case 'Organization': case 'Place': case 'Event': case 'Relation': case 'Topic': return true;
      case 'Other': return r.labels.length > 0;
      default: return false;
    }
  }

  private indexText(): void {
    for (let i = 0; i < this.records.length; i++) {
      const r = this.records[i]!;
      if (r.begin === undefined || r.end === undefined || !r.context) continue;
      if (r.taIdentRef.length) {
        for (let k = 0; k < r.taIdentRef.length; k++) {
          pushTo(this.mentionsByContext, r.context, { key: r.key, entity: r.taIdentRef[k]!, begin: r.begin, end: r.end, context: r.context });
        }
      } else if (r.types.includes(IRI.Sentence)) {
        pushTo(this.sentencesByContext, r.context, { key: r.key, begin: r.begin, end: r.end });
      }
    }
    for (const list of this.mentionsByContext.values()) list.sort((a, b) => a.begin - b.begin || a.end - b.end || cmp(a.entity, b.entity));
    for (const list of this.sentencesByContext.values()) list.sort((a, b) => a.begin - b.begin);
  }

  /** The article a text context belongs to. */
  private articleOf(context: string): string {
    const c = this.resources.get(context);
    return c?.sourceUrl ?? context.split('#')[0]!;
  }

  /** The sentence an evidence resource stands for (a nif:Sentence, or the sentence around a phrase). */
  private resolveEvidence(key: string): Evidence | null {
    if (this.evidenceCache.has(key)) return this.evidenceCache.get(key)!;
    let result: Evidence | null = null;
    const r = this.resources.get(key);
    if (r) {
      let span: { begin: number; end: number; anchor?: string } | undefined;
      const contextKey = r.context;
      const context = contextKey ? this.resources.get(contextKey) : undefined;
      if (r.begin !== undefined && r.end !== undefined) {
        // A sentence (or any span that is not a mention) is its own evidence; a mention stands for its sentence.
        const isMention = r.taIdentRef.length > 0 || r.types.includes(IRI.Phrase);
        if (r.types.includes(IRI.Sentence) || !isMention) {
          span = { begin: r.begin, end: r.end, anchor: r.anchor };
        } else if (r.sentence && this.resources.get(r.sentence)?.begin !== undefined) {
          const s = this.resources.get(r.sentence)!;
          span = { begin: s.begin!, end: s.end!, anchor: s.anchor };
        } else {
          const around = (this.sentencesByContext.get(contextKey ?? '') ?? []).find((s) => s.begin <= r.begin! && r.end! <= s.end);
          if (around) span = { begin: around.begin, end: around.end, anchor: this.resources.get(around.key)?.anchor };
          else if (context?.isString !== undefined) span = expandToSentence(context.isString, r.begin, r.end);
          else span = { begin: r.begin, end: r.end, anchor: r.anchor };
        }
      }
      if (span) {
        const text = context?.isString !== undefined ? context.isString.slice(span.begin, span.end) : span.anchor;
        if (text !== undefined) {
          const highlights: Highlight[] = [];
          for (const m of this.mentionsByContext.get(contextKey ?? '') ?? []) {
            if (m.begin >= span.begin && m.end <= span.end) highlights.push({ start: m.begin - span.begin, end: m.end - span.begin, entity: m.entity });
          }
          result = { text, begin: span.begin, end: span.end, article: contextKey ? this.articleOf(contextKey) : '', highlights };
        }
      } else if (r.anchor !== undefined) {
        result = { text: r.anchor, begin: 0, end: r.anchor.length, article: '', highlights: [] };
      }
    }
    this.evidenceCache.set(key, result);
    return result;
  }

  /** Evidence sentences of a resource, deduplicated and in text order (one shared array per resource: never mutate it). */
  private evidenceOf(key: string): Evidence[] {
    const cached = this.evidenceLists.get(key);
    if (cached) return cached;
    const list = this.collectEvidence(key);
    this.evidenceLists.set(key, list);
    return list;
  }

  private collectEvidence(key: string): Evidence[] {
    const r = this.resources.get(key);
    if (!r || !r.evidence.length) return [];
    const seen = new Map<string, Evidence>();
    for (const e of r.evidence) {
      const ev = this.resolveEvidence(e);
      if (ev) seen.set(`${ev.article}\u0000${ev.begin}\u0000${ev.end}\u0000${ev.text}`, ev);
    }
    return [...seen.values()].sort((a, b) => cmp(a.article, b.article) || a.begin - b.begin || a.end - b.end);
  }

  /** Builds the full graph: every node kind, every fact edge, roles folded into person -> country edges. */
  buildFull(include: readonly string[]): NewsGraph {
    this.indexText();
    const articles = new Set<string>();
    for (let i = 0; i < this.records.length; i++) {
      const r = this.records[i]!;
      if (r.inData && this.kindOfRecord(r).kind === 'Article') articles.add(r.key);
    }
    const mentionCounts = new Map<string, number>();
    const mentionArticles = new Map<string, Set<string>>();
    for (const list of this.mentionsByContext.values()) {
      for (let i = 0; i < list.length; i++) {
        const m = list[i]!;
        mentionCounts.set(m.entity, (mentionCounts.get(m.entity) ?? 0) + 1);
        const article = this.articleOf(m.context);
        articles.add(article);
        pushSet(mentionArticles, m.entity, article);
      }
    }
    for (let i = 0; i < this.records.length; i++) {
      const r = this.records[i]!;
      if (!r.inData) continue;
      if (this.kindOfRecord(r).kind === 'Article') for (const m of r.mentions) pushSet(mentionArticles, m, r.key);
    }

    for (const g of this.graphNames) articles.add(g);

    const records = this.records.filter((r) => this.isNode(r)).sort((a, b) => cmp(a.key, b.key));
    const isNode = new Set(records.map((r) => r.key));
    const nodeList: Array<[string, NodeAttributes]> = [];
    for (const r of records) {
      const key = r.key;
      const { kind, country } = this.kindOfRecord(r);
      const type = kind as NodeType;
      const specific = this.hierarchy.mostSpecific(r.types);
      const nodeArticles = new Set(mentionArticles.get(key));
      for (const g of r.graphs) nodeArticles.add(g);
      const evidence = type === 'Event' || type === 'Relation' ? this.evidenceOf(key) : [];
      for (const ev of evidence) if (ev.article) nodeArticles.add(ev.article);
      const dates = [...r.timeStamps];
      for (const t of r.time) for (const ts of this.resources.get(t)?.timeStamps ?? []) pushUnique(dates, ts);
      const label = pickLabel(r) ?? this.hierarchy.labelOf(key);
      const attrs: NodeAttributes = {
        label,
        type,
        classLabel: specific ? titleCase(this.hierarchy.labelOf(specific)) : type,
        classes: [...r.types].sort(cmp),
        aliases: r.aliases.filter((a) => a !== label).sort(cmp),
        mentionCount: mentionCounts.get(key) ?? r.mentionCount ?? 0,
        articles: [...nodeArticles].sort(cmp),
        roles: r.holds.map((p) => this.resources.get(p)).filter((p): p is Resource => !!p).map((p) => pickLabel(p) ?? this.hierarchy.labelOf(p.key)).sort(cmp),
        dates: dates.sort(cmp),
        timeTexts: [...r.timeTexts].sort(cmp),
        evidence,
        actor: type === 'Person' || type === 'Organization' || country,
        x: 0,
        y: 0,
        size: 1,
      };
      for (const s of r.sameAs) {
        const wd = /^https?:\/\/(?:www\.)?wikidata\.org\/(?:entity|wiki)\/(Q\d+)$/.exec(s);
        if (wd && !attrs.wikidata) attrs.wikidata = wd[1];
        const gn = /^https?:\/\/(?:sws\.|www\.)?geonames\.org\/(\d+)/.exec(s);
        if (gn && !attrs.geonames) attrs.geonames = gn[1];
      }
      nodeList.push([key, attrs]);
    }

    // Nodes are in key order and each node's facts in (predicate, object) order: the edge order is deterministic.
    const edgeList: Array<[string, string, string, EdgeAttributes]> = [];
    for (const r of records) {
      const key = r.key;
      const sourceKind = this.kindOfRecord(r).kind;
      const out = r.out.length > 1 ? [...r.out].sort((a, b) => cmp(a.predicate, b.predicate) || cmp(a.object, b.object)) : r.out;
      for (const { predicate, object } of out) {
        if (object === key) continue;
        if (isNode.has(object)) {
          const objectKind = this.kindOf(object).kind;
          const evidence = sourceKind === 'Event' || sourceKind === 'Relation' ? this.evidenceOf(key)
            : objectKind === 'Event' || objectKind === 'Relation' ? this.evidenceOf(object) : [];
          edgeList.push([`${key} ${predicate} ${object}`, key, object, {
            predicate, label: this.hierarchy.labelOf(predicate), via: [], weight: 1, evidence, size: 1,
          }]);
        } else if (this.kindOf(object).kind === 'Position' && r.holds.includes(object)) {
          // A role: person -holds-> position -postIn-> country becomes one labelled edge person -> country.
          const position = this.resources.get(object)!;
          const label = pickLabel(position) ?? this.hierarchy.labelOf(object);
          for (const target of position.postIn) {
            if (!isNode.has(target) || target === key) continue;
            edgeList.push([`${key} ${predicate} ${target}`, key, target, {
              predicate, label, via: [object], weight: 1, evidence: this.evidenceOf(object), size: 1,
            }]);
          }
        }
      }
    }
    // A multigraph only when two facts link the same pair in the same direction: simple graphs build faster.
    const added = new Set<string>();
    const pairs = new Set<string>();
    let multi = false;
    const edges = edgeList.filter(([edgeKey, s, o]) => {
      if (added.has(edgeKey)) return false;
      added.add(edgeKey);
      const pair = `${s}\u0000${o}`;
      if (pairs.has(pair)) multi = true;
      pairs.add(pair);
      return true;
    });
    const graph: NewsGraph = multi
      ? new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>({ allowSelfLoops: false })
      : new DirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>({ allowSelfLoops: false });
    for (const [key, attrs] of nodeList) graph.addNode(key, attrs);
    for (const [edgeKey, s, o, attrs] of edges) graph.addDirectedEdgeWithKey(edgeKey, s, o, attrs);

    this.addExtras(graph, include, articles);
    graph.replaceAttributes({ projection: 'full', articles: [...articles].sort(cmp) });
    return graph;
  }

  /** Adds mention, sentence and article nodes when asked. */
  private addExtras(graph: NewsGraph, include: readonly string[], articles: Set<string>): void {
    if (!include.length) return;
    const blank = (label: string, type: NodeType, classes: string[]): NodeAttributes => ({
      label, type, classLabel: type, classes, aliases: [], mentionCount: 0, articles: [], roles: [], dates: [], timeTexts: [], evidence: [],
      actor: false, x: 0, y: 0, size: 1,
    });
    const link = (source: string, target: string, predicate: string, label: string): void => {
      const key = `${source} ${predicate} ${target}`;
      if (graph.hasNode(target) && !graph.hasEdge(key)) {
        graph.addDirectedEdgeWithKey(key, source, target, { predicate, label, via: [], weight: 1, evidence: [], size: 1 });
      }
    };
    const mentions = [...this.mentionsByContext.values()].flat().filter((m) => graph.hasNode(m.entity));
    if (include.includes('articles')) {
      for (const a of [...articles].sort(cmp)) {
        if (graph.hasNode(a)) continue;
        const r = this.resources.get(a);
        graph.addNode(a, { ...blank((r && pickLabel(r)) ?? a.split('/').pop()!, 'Article', r?.types ?? []), articles: [a] });
      }
      for (const m of mentions) link(this.articleOf(m.context), m.entity, IRI.mentions, 'mentions');
    }
    if (include.includes('sentences')) {
      for (const [context, spans] of [...this.sentencesByContext].sort((a, b) => cmp(a[0], b[0]))) {
        for (const s of spans) {
          const ev = this.resolveEvidence(s.key);
          if (!ev || graph.hasNode(s.key)) continue;
          graph.addNode(s.key, { ...blank(ev.text, 'Sentence', [IRI.Sentence]), articles: [this.articleOf(context)], evidence: [ev] });
          for (const h of ev.highlights) link(s.key, h.entity, IRI.mentions, 'mentions');
        }
      }
    }
    if (include.includes('mentions')) {
      for (const m of [...mentions].sort((a, b) => cmp(a.key, b.key))) {
        if (!graph.hasNode(m.key)) {
          const text = this.resources.get(m.key)?.anchor ?? this.resources.get(m.context)?.isString?.slice(m.begin, m.end) ?? '';
          graph.addNode(m.key, { ...blank(text, 'Mention', [IRI.Phrase]), articles: [this.articleOf(m.context)] });
        }
        link(m.key, m.entity, IRI.taIdentRef, 'refers to');
      }
    }
  }
}

/** Actor network or actor-topic network, derived from the full graph. */
function project(full: NewsGraph, projection: Exclude<Projection, 'full'>): NewsGraph {
  const graph: NewsGraph = new UndirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>({ allowSelfLoops: false });
  const keep = (key: string): boolean => {
    const a = full.getNodeAttributes(key);
    return a.actor || (projection === 'actor-topic' && a.type === 'Topic');
  };
  full.forEachNode((key, attrs) => {
    if (keep(key)) graph.addNode(key, { ...attrs });
  });
  const link = (a: string, b: string, kind: string, via: string, label: string, evidence: Evidence[]): void => {
    if (a === b) return;
    if (projection === 'actor-topic') {
      // Only actor-topic pairs: actors with topics they were involved with.
      const ta = full.getNodeAttribute(a, 'type') === 'Topic';
      const tb = full.getNodeAttribute(b, 'type') === 'Topic';
      if (ta === tb) return;
    }
    const [s, t] = cmp(a, b) <= 0 ? [a, b] : [b, a];
    const key = `${s} ${t}`;
    if (!graph.hasEdge(key)) {
      graph.addUndirectedEdgeWithKey(key, s, t, { predicate: kind, label: '', via: [], weight: 0, evidence: [], size: 1, viaLabels: [] as string[] });
    }
    const attrs = graph.getEdgeAttributes(key);
    if (attrs.via.includes(via)) return;
    attrs.via.push(via);
    (attrs.viaLabels as string[]).push(label);
    attrs.weight += 1;
    for (const ev of evidence) {
      if (!attrs.evidence.some((e) => e.article === ev.article && e.begin === ev.begin && e.end === ev.end)) attrs.evidence.push(ev);
    }
  };
  const hubs = full.filterNodes((_k, a) => a.type === 'Event' || a.type === 'Relation').sort(cmp);
  for (const hub of hubs) {
    const members = [...new Set(full.neighbors(hub))].filter((n) => graph.hasNode(n)).sort(cmp);
    const label = full.getNodeAttribute(hub, 'label');
    const evidence = full.getNodeAttribute(hub, 'evidence');
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) link(members[i]!, members[j]!, projection === 'actors' ? 'shared' : 'topic', hub, label, evidence);
    }
  }
  const direct = full.edges().sort(cmp);
  for (const e of direct) {
    const s = full.source(e);
    const t = full.target(e);
    if (graph.hasNode(s) && graph.hasNode(t)) {
      const attrs = full.getEdgeAttributes(e);
      link(s, t, projection === 'actors' ? 'direct' : 'topic', attrs.via[0] ?? attrs.predicate, attrs.label, attrs.evidence);
    }
  }
  graph.forEachEdge((_key, attrs) => {
    attrs.evidence.sort((a, b) => cmp(a.article, b.article) || a.begin - b.begin);
    attrs.label = (attrs.viaLabels as string[]).join('; ');
    delete attrs.viaLabels;
  });
  graph.replaceAttributes({ projection, articles: full.getAttribute('articles') });
  return graph;
}

/** Grows a phrase's span to the sentence around it, when the data has no nif:Sentence for it. */
function expandToSentence(text: string, begin: number, end: number): { begin: number; end: number } {
  const boundary = /[.!?]["”’)]?\s+|\n+/g;
  let b = 0;
  for (let m = boundary.exec(text); m && m.index + m[0].length <= begin; m = boundary.exec(text)) b = m.index + m[0].length;
  const after = /[.!?]["”’)]?(?=\s|$)|\n/g;
  after.lastIndex = end;
  const m = after.exec(text);
  const e = m ? (m[0] === '\n' ? m.index : m.index + m[0].length) : text.length;
  return { begin: b, end: e };
}

const NONE: never[] = [];
const UNCLASSIFIED: Classification = { kind: undefined, country: false };
const MENTION: Classification = { kind: 'Document', country: false };
const NO_GRAPHS: Set<string> = new Set();

type ListField = 'types' | 'aliases' | 'sameAs' | 'evidence' | 'holds' | 'postIn' | 'time' | 'timeStamps' | 'timeTexts' | 'taIdentRef' | 'mentions';

/** Adds a value to one of a resource's lists once, allocating the list on first use. */
function addTo(r: Resource, field: ListField, value: string): void {
  // A first value makes a one-element array (an empty one would reserve room for many).
  const list = r[field];
  if (list === NONE) r[field] = [value];
  else if (!list.includes(value)) list.push(value);
}

function addOut(r: Resource, predicate: string, object: string): void {
  if (r.out === NONE) r.out = [{ predicate, object }];
  else r.out.push({ predicate, object });
}

function isEnglish(term: RDF.Term): boolean {
  const lang = (term as RDF.Literal).language;
  return !lang || lang.toLowerCase().startsWith('en');
}

function pickLabel(r: Resource): string | undefined {
  let best: { rank: number; value: string } | undefined;
  for (const l of r.labels) if (!best || l.rank < best.rank || (l.rank === best.rank && l.value < best.value)) best = l;
  return best?.value;
}

function titleCase(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function toInt(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : undefined;
}

function pushUnique<T>(list: T[], value: T): void {
  if (!list.includes(value)) list.push(value);
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function pushSet<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
