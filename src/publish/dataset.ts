/** Reading the dataset file that `newsgraph publish` sends (TriG, N-Quads, Turtle, N-Triples, JSON-LD). */
import type * as RDF from '@rdfjs/types';
import { extname } from 'node:path';
import { InputError } from '../errors.ts';
import { FORMATS, formatFromPath, parseGraph, readGraph } from '../rdf/index.ts';

/** Extensions `readDataset` accepts. */
export const DATASET_EXTENSIONS = Object.values(FORMATS).flatMap((f) => f.extensions);

/** The format of `file`, from its extension; InputError when it has none we read. */
function formatOf(file: string) {
  const format = formatFromPath(file);
  if (!format) throw new InputError(file, `unknown RDF file type "${extname(file) || '(none)'}"; expected one of ${DATASET_EXTENSIONS.join(', ')}`);
  return format;
}

/** Parses RDF text in the format named by `file`'s extension; ParseError names the file and line. */
export async function parseDataset(text: string, file: string): Promise<RDF.Quad[]> {
  return parseGraph(text, { file, format: formatOf(file) });
}

/** Reads and parses a dataset file; InputError or ParseError when it cannot be used or holds no triples. */
export async function readDataset(file: string): Promise<RDF.Quad[]> {
  const quads = await readGraph(file, { format: formatOf(file) });
  if (quads.length === 0) throw new InputError(file, 'holds no triples: nothing to publish');
  return quads;
}
