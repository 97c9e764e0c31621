/** The SPARQL 1.1 Graph Store HTTP Protocol, the part of it a publisher needs: PUT and POST of one graph. */
import type * as RDF from '@rdfjs/types';
import type { HttpClient, HttpRequest } from './http.ts';
import { chunkTriples, serializeTriples, type WriteMode } from './split.ts';

/** Media type of what we send: N-Triples, which every Graph Store reads (none takes TriG or N-Quads). */
export const NTRIPLES = 'application/n-triples';

/** The URL of one graph at a Graph Store endpoint (indirect identification: `?graph=<iri>`). */
export function graphUrl(endpoint: string, graph: string): URL {
  const url = new URL(endpoint);
  url.searchParams.set('graph', graph);
  return url;
}

/** The request that writes `triples` into `graph`: PUT replaces the graph, POST adds to it. */
export function buildGraphRequest(endpoint: string, graph: string, triples: readonly RDF.Quad[], method: 'PUT' | 'POST'): HttpRequest {
  return {
    method,
    url: graphUrl(endpoint, graph),
    headers: { 'content-type': `${NTRIPLES}; charset=utf-8`, accept: '*/*' },
    body: serializeTriples(triples),
  };
}

/** What writing one graph took. */
export interface GraphWrite {
  /** HTTP requests that succeeded (one per chunk). */
  requests: number;
  /** Times a request was sent, retries included. */
  attempts: number;
}

/**
 * Writes one graph. Large graphs go in chunks of `maxTriples`: the first chunk with the graph's mode,
 * the rest appended with POST, so a replaced graph still ends up exactly equal to ours.
 */
export async function writeGraph(client: HttpClient, graph: string, triples: readonly RDF.Quad[], mode: WriteMode, maxTriples: number): Promise<GraphWrite> {
  const result: GraphWrite = { requests: 0, attempts: 0 };
  const chunks = chunkTriples(triples, maxTriples);
  for (let i = 0; i < chunks.length; i++) {
    const method = i === 0 && mode === 'replace' ? 'PUT' : 'POST';
    const response = await client.send(buildGraphRequest(client.endpoint, graph, chunks[i]!, method));
    result.requests++;
    result.attempts += response.attempts;
  }
  return result;
}
