/** Publishing graphs to a SPARQL 1.1 Graph Store (Virtuoso, Fuseki, GraphDB, ...): split, send, report. */
export { AuthSession, parseAuthChallenges } from './auth.ts';
export type { AuthChallenge, Credentials } from './auth.ts';
export { EndpointError, PublishError, EXIT_REMOTE } from './errors.ts';
export type { EndpointFailure } from './errors.ts';
export { HttpClient, excerptOf } from './http.ts';
export type { HttpOptions, HttpRequest, HttpResponse } from './http.ts';
export { splitByGraph, serializeTriples, chunkTriples, chooseWriteMode, findSingleArticle, SHARED_GRAPH } from './split.ts';
export type { GraphPart, SplitOptions, WriteMode } from './split.ts';
export { graphUrl, buildGraphRequest, writeGraph, NTRIPLES } from './graph-store.ts';
export type { GraphWrite } from './graph-store.ts';
export { Publisher, publishGraphs } from './publisher.ts';
export type { PublishOptions, PublishReport, GraphOutcome } from './publisher.ts';
export { formatReport, missingGraphs } from './report.ts';
export { readDataset, parseDataset, DATASET_EXTENSIONS } from './dataset.ts';
export { publishArticles } from './articles.ts';
export type { PublishArticlesOptions, PublishArticlesResult } from './articles.ts';
