/** Querying graphs: SPARQL with embedded oxigraph, and pattern helpers over an N3.Store. */
export { query, runQuery, queryFormOf, addPrefixes, SparqlEngine } from './sparql.ts';
export type { QueryResult, QueryRow, QueryForm, BindingValue, QuadSource } from './sparql.ts';
export { toStore, expandTerm, match, objectsOf, subjectsOf, valueOf, labelOf, labelsOf, typesOf, subclassesOf, instancesOf } from './patterns.ts';
export type { TermLike } from './patterns.ts';
export { computeStats } from './stats.ts';
export type { GraphStats } from './stats.ts';
