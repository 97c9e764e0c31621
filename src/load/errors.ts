/** Errors of the loader: the project's typed errors (src/errors.ts), which also run in the browser. */
import { EXIT, NewsgraphError } from '../errors.ts';

export { ParseError } from '../errors.ts';

/** An option the loader cannot use (unknown projection, unknown format). */
export class LoadError extends NewsgraphError {
  constructor(message: string) {
    super(message, EXIT.usage);
  }
}
