/** Publishing graphs to a Graph Store a few at a time, with a report of what landed and what did not. */
import { performance } from 'node:perf_hooks';
import { EndpointError } from './errors.ts';
import { writeGraph } from './graph-store.ts';
import { HttpClient, type HttpOptions } from './http.ts';
import type { GraphPart, WriteMode } from './split.ts';

/** Options of a Publisher. */
export interface PublishOptions extends HttpOptions {
  /** Graphs sent at the same time; default 2. */
  concurrency?: number | undefined;
  /** Largest request, in triples; bigger graphs are sent in several requests. Default 50 000. */
  maxTriplesPerRequest?: number | undefined;
  /** Called when a graph has landed, failed or been skipped (awaited; progress output, tests). */
  onGraph?: ((outcome: GraphOutcome) => void | Promise<void>) | undefined;
}

/** What happened to one graph. */
export interface GraphOutcome {
  graph: string;
  /** Triples we had for it. */
  triples: number;
  mode: WriteMode;
  /** landed: the store has it; failed: a request failed; skipped: not sent after the endpoint failed. */
  status: 'landed' | 'failed' | 'skipped';
  /** Requests that succeeded. */
  requests: number;
  /** Times a request was sent, retries included. */
  attempts: number;
  /** Why it failed or was skipped. */
  error?: string;
}

/** The summary of a publish run. */
export interface PublishReport {
  endpoint: string;
  /** One entry per graph, in the order graphs were first added. */
  graphs: GraphOutcome[];
  landed: number;
  failed: number;
  skipped: number;
  /** Triples in graphs that landed. */
  triplesLanded: number;
  triplesTotal: number;
  elapsedMs: number;
  /** The endpoint-wide failure after which the remaining graphs were not sent. */
  stoppedBy?: string;
}

/** Graphs failing one after the other (5xx after every retry, refusals) before publishing stops. */
const FAILURES_BEFORE_STOP = 3;

const SEVERITY = { landed: 0, skipped: 1, failed: 2 } as const;

/** Merges two outcomes of the same graph (a shared graph gets a part from each article). */
function combine(a: GraphOutcome, b: GraphOutcome): GraphOutcome {
  const worse = SEVERITY[b.status] > SEVERITY[a.status] ? b : a;
  const error = worse.error ?? a.error ?? b.error;
  return {
    graph: a.graph,
    triples: a.triples + b.triples,
    mode: a.mode === 'replace' || b.mode === 'replace' ? 'replace' : 'merge',
    status: worse.status,
    requests: a.requests + b.requests,
    attempts: a.attempts + b.attempts,
    ...(error !== undefined ? { error } : {}),
  };
}

/**
 * Sends graphs to a Graph Store endpoint as they come (`add`), at most `concurrency` at once, so memory
 * stays flat however many graphs there are. Parts of the same graph are written in the order added.
 * After an endpoint-wide failure (unreachable, no answer, refused credentials), or three graphs failing in
 * a row, the graphs not yet sent are skipped; `finish` reports them all.
 */
export class Publisher {
  readonly endpoint: string;
  private readonly client: HttpClient;
  private readonly concurrency: number;
  private readonly maxTriples: number;
  private readonly onGraph: PublishOptions['onGraph'];
  private readonly outcomes = new Map<string, GraphOutcome>();
  /** Graph IRIs in the order first added, so the report does not depend on which request ended first. */
  private readonly order = new Set<string>();
  private readonly running = new Set<Promise<void>>();
  /** The last write of each graph, so that a later part of it waits for the earlier one. */
  private readonly tails = new Map<string, Promise<void>>();
  private failure: EndpointError | undefined;
  /** Graphs that failed since the last one landed. */
  private failuresInARow = 0;
  private readonly started = performance.now();

  constructor(endpoint: string, options: PublishOptions = {}) {
    this.endpoint = endpoint;
    this.client = new HttpClient(endpoint, options);
    this.concurrency = Math.max(1, options.concurrency ?? 2);
    this.maxTriples = Math.max(1, options.maxTriplesPerRequest ?? 50_000);
    this.onGraph = options.onGraph;
  }

  /** The endpoint-wide failure that stopped publishing, if any. */
  get stoppedBy(): EndpointError | undefined {
    return this.failure;
  }

  /** Queues one graph; resolves when there is room for another (back-pressure), not when it has landed. */
  async add(part: GraphPart): Promise<void> {
    while (this.running.size >= this.concurrency) await Promise.race(this.running);
    this.order.add(part.graph);
    const previous = this.tails.get(part.graph) ?? Promise.resolve();
    const task = previous.then(() => this.write(part));
    this.tails.set(part.graph, task);
    const tracked = task.finally(() => {
      this.running.delete(tracked);
      if (this.tails.get(part.graph) === task) this.tails.delete(part.graph);
    });
    this.running.add(tracked);
  }

  /** Waits for every queued graph and reports. */
  async finish(): Promise<PublishReport> {
    while (this.running.size > 0) await Promise.all(this.running);
    const graphs = [...this.order].flatMap((graph) => this.outcomes.get(graph) ?? []);
    const count = (s: GraphOutcome['status']) => graphs.filter((g) => g.status === s).length;
    return {
      endpoint: this.endpoint,
      graphs,
      landed: count('landed'),
      failed: count('failed'),
      skipped: count('skipped'),
      triplesLanded: graphs.filter((g) => g.status === 'landed').reduce((n, g) => n + g.triples, 0),
      triplesTotal: graphs.reduce((n, g) => n + g.triples, 0),
      elapsedMs: performance.now() - this.started,
      ...(this.failure ? { stoppedBy: this.failure.message } : {}),
    };
  }

  /** Writes one part and records its outcome; never throws. */
  private async write(part: GraphPart): Promise<void> {
    let outcome: GraphOutcome;
    if (this.failure) {
      outcome = { graph: part.graph, triples: part.triples.length, mode: part.mode, status: 'skipped', requests: 0, attempts: 0, error: 'not sent: publishing stopped after the endpoint failed' };
    } else {
      try {
        const done = await writeGraph(this.client, part.graph, part.triples, part.mode, this.maxTriples);
        outcome = { graph: part.graph, triples: part.triples.length, mode: part.mode, status: 'landed', requests: done.requests, attempts: done.attempts };
        this.failuresInARow = 0;
      } catch (error) {
        if (!(error instanceof EndpointError)) throw error;
        this.failuresInARow++;
        if (!this.failure && (error.endpointWide || this.failuresInARow >= FAILURES_BEFORE_STOP)) this.failure = error;
        outcome = { graph: part.graph, triples: part.triples.length, mode: part.mode, status: 'failed', requests: 0, attempts: error.attempts, error: error.message };
      }
    }
    const before = this.outcomes.get(part.graph);
    this.outcomes.set(part.graph, before ? combine(before, outcome) : outcome);
    await this.onGraph?.(outcome);
  }
}

/** Publishes every part and reports; never throws for store failures (they are in the report). */
export async function publishGraphs(endpoint: string, parts: Iterable<GraphPart>, options: PublishOptions = {}): Promise<PublishReport> {
  const publisher = new Publisher(endpoint, options);
  for (const part of parts) await publisher.add(part);
  return publisher.finish();
}
