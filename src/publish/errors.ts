/** Typed errors of talking to a remote store: each names the endpoint and, when publishing, the graphs affected. */
import { EXIT, NewsgraphError } from '../errors.ts';

/** Exit code of `newsgraph publish`, `build --publish` and `query --endpoint` when the store failed us. */
export const EXIT_REMOTE = EXIT.remote;

/** Why a request to an endpoint failed. */
export type EndpointFailure =
  /** No connection: refused, reset, DNS, closed mid-way. */
  | 'unreachable'
  /** No answer within the time limit. */
  | 'timeout'
  /** 401 or 403 after sending the credentials (or none were given). */
  | 'auth'
  /** 5xx or 429 after every retry. */
  | 'server'
  /** Any other 4xx: the store refused this request (bad data, unknown graph, wrong endpoint). */
  | 'rejected'
  /** The answer was not what the protocol promises (e.g. unreadable JSON). */
  | 'protocol';

/** A request to a SPARQL or Graph Store endpoint failed; the message names the endpoint and how. */
export class EndpointError extends NewsgraphError {
  /** The endpoint URL as given by the user (without the graph parameter). */
  readonly endpoint: string;
  readonly failure: EndpointFailure;
  /** HTTP status, when the server answered. */
  readonly status: number | undefined;
  /** How many times the request was sent. */
  readonly attempts: number;
  constructor(endpoint: string, failure: EndpointFailure, problem: string, details: { status?: number; attempts?: number; cause?: unknown } = {}) {
    super(`${endpoint}: ${problem}`, EXIT_REMOTE, { cause: details.cause });
    this.endpoint = endpoint;
    this.failure = failure;
    this.status = details.status;
    this.attempts = details.attempts ?? 1;
  }

  /**
   * True when every later request to the same endpoint would fail the same way (so stop sending): no
   * connection, no answer, or refused credentials. A 5xx is not: Virtuoso also answers 500 to data it
   * cannot read, so one graph's error must not stop the others (the publisher stops after several in a row).
   */
  get endpointWide(): boolean {
    return this.failure === 'unreachable' || this.failure === 'timeout' || this.failure === 'auth';
  }
}

/** Some graphs did not land; `graphs` lists them (article IRIs) so a re-run can be checked. */
export class PublishError extends NewsgraphError {
  readonly endpoint: string;
  /** Graph IRIs that failed or were not sent. */
  readonly graphs: readonly string[];
  constructor(endpoint: string, graphs: readonly string[], message: string) {
    super(message, EXIT_REMOTE);
    this.endpoint = endpoint;
    this.graphs = graphs;
  }
}
