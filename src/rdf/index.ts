/** The RDF layer: IRIs, emitting quads from an Extraction, serializing, parsing and validating. */
export * from './namespaces.ts';
export { emitQuads, dateDatatype, publicationDatatype, positionIri } from './emit.ts';
export type { EmitOptions } from './emit.ts';
export { serialize, toTurtle, toTrig, toNTriples, toNQuads, toJsonLd, parseFormat, formatFromPath, FORMATS } from './write.ts';
export type { GraphFormat } from './write.ts';
export { parseGraph, readGraph } from './read.ts';
export type { ReadOptions } from './read.ts';
export { validateGraph, compactIri } from './validate.ts';
export type { ValidationReport, ValidationResult } from './validate.ts';
export { loadTopicScheme, parseTopicScheme, TOPIC_SCHEME_IRI } from './topics.ts';
export type { TopicConcept } from './topics.ts';
export { sortQuads, compareQuads, compareNatural, termKey, quadKey } from './sort.ts';
export { slugify } from './slug.ts';
