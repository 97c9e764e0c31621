/** Parses Turtle, TriG, N-Triples and N-Quads text into quads (n3), in Node and in the browser. */
import { Parser } from 'n3';
import { sharingFactory } from '../rdf/terms.ts';
import type * as RDF from '@rdfjs/types';
import { LoadError, ParseError } from './errors.ts';

/** An RDF syntax newsgraph reads. */
export type RdfFormat = 'turtle' | 'trig' | 'n-triples' | 'n-quads';

const EXTENSIONS: Record<string, RdfFormat> = {
  ttl: 'turtle', turtle: 'turtle', n3: 'turtle', trig: 'trig', nt: 'n-triples', ntriples: 'n-triples', nq: 'n-quads', nquads: 'n-quads',
};

const MEDIA_TYPES: Record<string, RdfFormat> = {
  'text/turtle': 'turtle', 'application/trig': 'trig', 'application/n-triples': 'n-triples', 'application/n-quads': 'n-quads',
};

/** The format of a file from its name (`.ttl`, `.trig`, `.nt`, `.nq`); undefined when unknown. */
export function guessFormat(fileName: string): RdfFormat | undefined {
  const match = /\.([a-z0-9]+)$/i.exec(fileName);
  return match ? EXTENSIONS[match[1]!.toLowerCase()] : undefined;
}

/** The format named by a media type such as `text/turtle; charset=utf-8`. */
export function formatOfMediaType(mediaType: string): RdfFormat | undefined {
  return MEDIA_TYPES[mediaType.split(';')[0]!.trim().toLowerCase()];
}

/** The media type to serve a format with. */
export function mediaTypeOf(format: RdfFormat): string {
  return Object.entries(MEDIA_TYPES).find(([, f]) => f === format)![0];
}

/** Options of `parseRdf`. */
export interface ParseOptions {
  /** Name used in error messages and to guess the format (default "graph"). */
  fileName?: string;
  /** Syntax; guessed from the file name, else Turtle (TriG is a superset and also reads Turtle). */
  format?: RdfFormat;
  baseIRI?: string;
}

/** Parses RDF text; throws ParseError naming file, line and column on bad syntax. */
export function parseRdf(text: string, options: ParseOptions = {}): RDF.Quad[] {
  const fileName = options.fileName ?? 'graph';
  const format = options.format ?? guessFormat(fileName) ?? 'turtle';
  if (!Object.values(EXTENSIONS).includes(format)) throw new LoadError(`unknown RDF format "${String(format)}"`);
  // TriG reads plain Turtle too, so a .ttl file with a GRAPH block still parses.
  const parser = new Parser({ format: format === 'turtle' ? 'trig' : format, baseIRI: options.baseIRI, factory: sharingFactory() });
  try {
    return parser.parse(text) as RDF.Quad[];
  } catch (error) {
    if ((error as { context?: unknown }).context === undefined) {
      // n3 2.13 crashes with a TypeError on some malformed input (an invalid IRI in @prefix): parse
      // again, watching the tokens; report its positioned error, else the token it failed on.
      let last: (N3Token & { type?: string; value?: string }) | undefined;
      try {
        new Parser({ format: format === 'turtle' ? 'trig' : format, baseIRI: options.baseIRI }).parse(text, { onToken: (t: typeof last) => { last = t; } } as never);
      } catch (again) {
        if ((again as { context?: N3ErrorContext }).context?.line !== undefined) throw toParseError(again, text, fileName);
      }
      if (last?.line !== undefined) {
        const what = last.type === 'IRI' ? `invalid IRI <${last.value ?? ''}>` : `cannot read ${JSON.stringify(last.value ?? last.type)}`;
        throw new ParseError(fileName, what, last.line, (last.start ?? 0) + 1, { cause: error });
      }
    }
    throw toParseError(error, text, fileName);
  }
}

interface N3Token { start?: number; end?: number; line?: number }
interface N3ErrorContext { line?: number; token?: N3Token; previousToken?: N3Token }

/** Turns an n3 error into a ParseError with a line and a column computed from the token positions. */
function toParseError(error: unknown, text: string, fileName: string): ParseError {
  const err = error as Error & { context?: N3ErrorContext };
  const context = err.context ?? {};
  const line = context.line ?? Number(/on line (\d+)/.exec(err.message ?? '')?.[1] ?? 1);
  const lineText = text.split(/\r\n|\r|\n/)[line - 1] ?? '';
  let column = 1;
  if (context.token?.start !== undefined && context.token.line === line) {
    column = context.token.start + 1;
  } else if (context.previousToken?.end !== undefined && context.previousToken.line === line) {
    // Lexer errors: the bad text starts at the first non-blank character after the last good token.
    const after = lineText.slice(context.previousToken.end);
    column = context.previousToken.end + (after.length - after.trimStart().length) + 1;
  } else {
    column = lineText.length - lineText.trimStart().length + 1;
  }
  const reason = (err.message ?? String(error)).replace(/ on line \d+\.?$/, '').trim();
  return new ParseError(fileName, reason, line, column, { cause: error });
}
