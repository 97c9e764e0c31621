/** The newsgraph library API: re-exports only. */

// ---- extraction: article text → plain typed data (no RDF) ----
export type * from './extract/types.ts';
export { analyzeArticle, articleIdOf } from './extract/index.ts';
export type { AnalyzeOptions } from './extract/index.ts';

// ---- the pipeline in one call: text → extraction → quads → N3.Store ----
export { extractArticle, buildGraph, countBuild, summarizeBuild, checkArticleMeta } from './rdf/build.ts';
export type { ArticleGraph, BuildOptions, BuildResult, BuildCounts } from './rdf/build.ts';

// ---- inputs: .txt/.md/.html/.jsonl → text + metadata; many articles: append, closing line ----
export { readArticles, readArticleInputs, expandArticlePaths, inputFormatOf, parsePublicationDate, readTextHeader, INPUT_EXTENSIONS } from './input/index.ts';
export type { ArticleInput, InputFormat } from './input/index.ts';
export { appendArticles, articleIdsIn } from './batch/index.ts';

// ---- RDF: IRIs, emitting, serializing, parsing, validating, topics ----
export {
  PREFIXES, NG_CLASSES, NG_PROPERTIES, ng, rdf, rdfs, owl, xsd, schema, skos, prov, nif, itsrdf, sem, dcterms,
  entityIri, topicIri, articleIri, charIri, localIri, wikidataIri, geonamesIri,
} from './rdf/namespaces.ts';
export { emitQuads } from './rdf/emit.ts';
export type { EmitOptions } from './rdf/emit.ts';
export { serialize, toTurtle, toTrig, toNTriples, toNQuads, toJsonLd, parseFormat, formatFromPath, FORMATS } from './rdf/write.ts';
export type { GraphFormat } from './rdf/write.ts';
export { parseGraph, readGraph } from './rdf/read.ts';
export type { ReadOptions } from './rdf/read.ts';
export { validateGraph } from './rdf/validate.ts';
export type { ValidationReport, ValidationResult } from './rdf/validate.ts';
export { loadTopicScheme, parseTopicScheme, TOPIC_SCHEME_IRI } from './rdf/topics.ts';
export type { TopicConcept } from './rdf/topics.ts';
export { sortQuads } from './rdf/sort.ts';

// ---- querying: SPARQL (embedded oxigraph) and patterns over an N3.Store ----
export {
  query, runQuery, SparqlEngine, toStore, expandTerm, match, objectsOf, subjectsOf, valueOf, labelOf, labelsOf,
  typesOf, subclassesOf, instancesOf, computeStats,
} from './query/index.ts';
export type { QueryResult, QueryRow, QueryForm, BindingValue, TermLike, GraphStats } from './query/index.ts';

// ---- graphology: quads → a graph for layout, metrics and the viewer ----
export {
  loadGraph, parseRdf, computeLayout, assignInitialPositions, sizeNodes, flattenGraph, writeGraphml, LoadError, createRandom,
  NODE_TYPES, PROJECTIONS, TYPE_COLORS,
} from './load/index.ts';
export type {
  NewsGraph, LoadOptions, LayoutOptions, Projection, NodeType, NodeAttributes, EdgeAttributes, GraphAttributes, Evidence,
  Highlight, RdfFormat,
} from './load/index.ts';

// ---- publishing to a SPARQL store: Graph Store writes, remote queries ----
export { publishGraphs, publishArticles, Publisher, splitByGraph, readDataset, formatReport, EndpointError, PublishError } from './publish/index.ts';
export type { PublishOptions, PublishReport, GraphOutcome, GraphPart, Credentials } from './publish/index.ts';
export { queryEndpoint } from './query/remote.ts';
export type { RemoteQueryOptions, RemoteResult } from './query/remote.ts';

// ---- errors ----
export { NewsgraphError, UsageError, InputError, ParseError, OutputError, EXIT } from './errors.ts';
