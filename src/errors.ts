/** Typed errors: each names the file and the problem, and carries the exit code the CLI uses. */

/** Exit codes of the `newsgraph` command (documented in README.md). */
export const EXIT = {
  /** Success. */
  ok: 0,
  /** The graph does not conform to the SHACL shapes (validate), or a query found nothing to report. */
  notConforming: 1,
  /** Bad command line: unknown command or option, missing argument. */
  usage: 2,
  /** An input file is missing, unreadable, empty, binary, not UTF-8 or not parseable. */
  input: 3,
  /** The output cannot be written (folder missing, not writable, same path as an input). */
  output: 4,
  /** A SPARQL store failed (publish, build --publish, query --endpoint): unreachable, refused, erroring. */
  remote: 5,
  /** A bug: anything else that was thrown. */
  internal: 70,
} as const;

/** Base class of every error newsgraph throws on purpose. */
export class NewsgraphError extends Error {
  /** Process exit code for the CLI. */
  readonly exitCode: number;
  constructor(message: string, exitCode: number, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.exitCode = exitCode;
  }
}

/** The command line is wrong (unknown option, missing argument). */
export class UsageError extends NewsgraphError {
  constructor(message: string) {
    super(message, EXIT.usage);
  }
}

/** An input file cannot be used: missing, unreadable, empty, binary or not UTF-8. */
export class InputError extends NewsgraphError {
  /** The offending path (or "<stdin>", "<string>"). */
  readonly file: string;
  constructor(file: string, problem: string, options?: { cause?: unknown }) {
    super(`${file}: ${problem}`, EXIT.input, options);
    this.file = file;
  }
}

/** Malformed RDF or SPARQL input, with the position of the problem (1-based line and column). */
export class ParseError extends InputError {
  readonly line: number | undefined;
  readonly column: number | undefined;
  /** The parser's own message, without the position. */
  readonly detail: string;
  constructor(file: string, detail: string, line?: number, column?: number, options?: { cause?: unknown }) {
    const where = line === undefined ? file : column === undefined ? `${file}:${line}` : `${file}:${line}:${column}`;
    super(where, detail, options);
    this.detail = detail;
    this.line = line;
    this.column = column;
    // InputError prefixed `${file}: `; keep `file` as the bare path.
    (this as { file: string }).file = file;
  }
}

/** The output cannot be written; nothing was created or changed. */
export class OutputError extends NewsgraphError {
  readonly file: string;
  constructor(file: string, problem: string, options?: { cause?: unknown }) {
    super(`${file}: ${problem}`, EXIT.output, options);
    this.file = file;
  }
}
