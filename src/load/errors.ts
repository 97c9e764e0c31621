/** Typed errors of the loader, so callers and tests can tell bad input from bugs. */

/** An RDF file that does not parse: names the file, the line and the column (both 1-based). */
export class ParseError extends Error {
  override name = 'ParseError';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}:${column}: ${reason}`);
  }
}

/** An option or input the loader cannot use (unknown projection, unknown format). */
export class LoadError extends Error {
  override name = 'LoadError';
}
