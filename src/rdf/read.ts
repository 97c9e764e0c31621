/** Parsing RDF files and strings (Turtle, TriG, N-Triples, N-Quads, JSON-LD) into quads, with positioned errors. */
import { Parser } from 'n3';
import type * as RDF from '@rdfjs/types';
import { ParseError } from '../errors.ts';
import { readTextFile } from '../io/read.ts';
import { FORMATS, formatFromPath, type GraphFormat } from './write.ts';
import { sharingFactory } from './terms.ts';

/** Options of parseGraph and readGraph. */
export interface ReadOptions {
  /** The format; default: from the file extension, else Turtle (TriG for .trig). */
  format?: GraphFormat;
  /** Name used in error messages (a path, or "<string>"). */
  file?: string;
  /** Base IRI for relative IRIs. */
  baseIRI?: string;
}

/** 1-based column of an n3 error: from the offending token, else just after the previous one. */
function errorColumn(text: string, line: number, context: { token?: { start?: number }; previousToken?: { end?: number; line?: number } }): number | undefined {
  if (context.token?.start !== undefined) return context.token.start + 1;
  const prev = context.previousToken;
  const lineText = text.split('\n')[line - 1];
  if (lineText === undefined) return undefined;
  const from = prev?.end !== undefined && prev.line === line ? prev.end : 0;
  const skip = lineText.slice(from).search(/\S/);
  return from + (skip < 0 ? 0 : skip) + 1;
}

/** Parses RDF text into quads; throws ParseError naming file:line:column on malformed input. */
export async function parseGraph(text: string, options: ReadOptions = {}): Promise<RDF.Quad[]> {
  const file = options.file ?? '<string>';
  const format = options.format ?? (options.file ? formatFromPath(options.file) : undefined) ?? 'turtle';
  if (format === 'json-ld') {
    const { default: jsonld } = await import('jsonld');
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (cause) {
      const m = /position (\d+)/.exec((cause as Error).message);
      let line: number | undefined;
      let column: number | undefined;
      if (m) {
        const before = text.slice(0, Number(m[1]));
        line = before.split('\n').length;
        column = before.length - before.lastIndexOf('\n');
      }
      throw new ParseError(file, `invalid JSON: ${(cause as Error).message}`, line, column, { cause });
    }
    // No network: a remote @context is refused with a clear message instead of being fetched.
    let remote: string | undefined;
    const documentLoader = async (url: string) => {
      remote ??= url;
      throw new Error(`remote context ${url}`);
    };
    try {
      const nquads = (await jsonld.toRDF(doc as object, { format: 'application/n-quads', base: options.baseIRI, documentLoader })) as unknown as string;
      return parseGraph(nquads, { format: 'n-quads', file });
    } catch (cause) {
      if (cause instanceof ParseError) throw cause;
      const detail = remote !== undefined
        ? `remote JSON-LD context ${remote} is not loaded (newsgraph works offline); inline the context in the file`
        : (cause as Error).message;
      throw new ParseError(file, `invalid JSON-LD: ${detail}`, undefined, undefined, { cause });
    }
  }
  const parser = new Parser({ format: FORMATS[format].mediaType, baseIRI: options.baseIRI, factory: sharingFactory() });
  try {
    return parser.parse(text) as RDF.Quad[];
  } catch (cause) {
    type N3Error = Error & { context?: { line?: number; token?: { start?: number }; previousToken?: { end?: number; line?: number } } };
    let err = cause as N3Error;
    if (err.context?.line === undefined) {
      // n3 2.13 crashes with a TypeError on some malformed input (an invalid IRI in @prefix): parse
      // again, watching the tokens; report its positioned error, else the token it failed on.
      let last: { line?: number; start?: number; type?: string; value?: string } | undefined;
      try {
        new Parser({ format: FORMATS[format].mediaType, baseIRI: options.baseIRI }).parse(text, { onToken: (t: typeof last) => { last = t; } } as never);
      } catch (again) {
        if ((again as N3Error).context?.line !== undefined) err = again as N3Error;
      }
      if (err.context?.line === undefined && last?.line !== undefined) {
        const what = last.type === 'IRI' ? `invalid IRI <${last.value ?? ''}>` : `cannot read ${JSON.stringify(last.value ?? last.type)}`;
        throw new ParseError(file, `${what} (reading it as ${format})`, last.line, last.start === undefined ? undefined : last.start + 1, { cause });
      }
    }
    const line = err.context?.line;
    const column = line === undefined || !err.context ? undefined : errorColumn(text, line, err.context);
    const detail = err.message.replace(/ on line \d+\.?$/, '');
    throw new ParseError(file, `${detail} (reading it as ${format})`, line, column, { cause });
  }
}

/** Reads and parses an RDF file (format from `options.format` or the extension); errors name the file. */
export async function readGraph(path: string, options: ReadOptions = {}): Promise<RDF.Quad[]> {
  const text = readTextFile(path);
  return parseGraph(text, { ...options, file: path, format: options.format ?? formatFromPath(path) });
}
