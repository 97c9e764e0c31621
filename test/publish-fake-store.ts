/**
 * A tiny local store for unit tests: Graph Store PUT/POST and a SPARQL endpoint on 127.0.0.1, backed by
 * oxigraph, that behaves the way Virtuoso does where it matters to us: it cuts SELECT results at
 * `maxRows` with HTTP 200 and an `X-SPARQL-MaxRows` header, asks for Digest auth when told to, and
 * fails on demand (status codes, dropped connections). It records every request it gets.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createHash, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import oxigraph from 'oxigraph';

/** What the fake store saw of one request. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A scripted failure: answer `status` (or drop the connection when status is 0) to matching requests. */
export interface Failure {
  status: number;
  /** Only requests whose graph parameter is this IRI. */
  graph?: string;
  /** How many times (default: forever). */
  times?: number;
  /** Retry-After header to send. */
  retryAfter?: string;
}

/** Options of the fake store. */
export interface FakeStoreOptions {
  /** Require Digest auth (MD5, qop=auth) with these credentials. */
  digest?: { user: string; password: string; realm?: string };
  /** Require Basic auth. */
  basic?: { user: string; password: string };
  /** Cut SELECT results at this many rows (Virtuoso's ResultSetMaxRows). */
  maxRows?: number;
}

function md5(s: string): string {
  return createHash('md5').update(s).digest('hex');
}

/** Parses `Digest k="v", k=v` into an object. */
function parseDigest(header: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of header.replace(/^Digest\s+/i, '').matchAll(/(\w+)=(?:"((?:[^"\\]|\\.)*)"|([^,\s]+))/g)) out[m[1]!.toLowerCase()] = (m[2] ?? m[3] ?? '').replace(/\\(.)/g, '$1');
  return out;
}

/** The fake store; `start()` it, use `url`, `close()` it. */
export class FakeStore {
  readonly store = new oxigraph.Store();
  readonly requests: SeenRequest[] = [];
  readonly failures: Failure[] = [];
  private server: Server | undefined;
  private readonly nonces = new Set<string>();
  /** nonce -> highest nc seen, so a replayed nc is refused as a real server would. */
  private readonly nonceCounts = new Map<string, number>();

  constructor(readonly options: FakeStoreOptions = {}) {}

  /** Base URL, e.g. http://127.0.0.1:40123 */
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => { void this.handle(req, res); });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  /** Triples per named graph, as the store holds them now. */
  counts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const q of this.store.match(null, null, null, null)) {
      if (q.graph.termType === 'DefaultGraph') continue;
      out[q.graph.value] = (out[q.graph.value] ?? 0) + 1;
    }
    return out;
  }

  /** Requests that reached a given path. */
  requestsTo(path: string): SeenRequest[] {
    return this.requests.filter((r) => new URL(r.url, this.url).pathname === path);
  }

  private authorized(req: IncomingMessage): boolean {
    const header = req.headers.authorization ?? '';
    if (this.options.basic) {
      const { user, password } = this.options.basic;
      return header === 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64');
    }
    const digest = this.options.digest;
    if (!digest) return true;
    if (!/^Digest /i.test(header)) return false;
    const p = parseDigest(header);
    if (!p.nonce || !this.nonces.has(p.nonce)) return false;
    if (p.username !== digest.user || p.uri !== req.url) return false;
    const nc = parseInt(p.nc ?? '0', 16);
    if (p.qop === 'auth' && !(nc > (this.nonceCounts.get(p.nonce) ?? 0))) return false;
    const ha1 = md5(`${digest.user}:${digest.realm ?? 'SPARQL'}:${digest.password}`);
    const ha2 = md5(`${req.method}:${p.uri}`);
    const expected = p.qop === 'auth' ? md5(`${ha1}:${p.nonce}:${p.nc}:${p.cnonce}:auth:${ha2}`) : md5(`${ha1}:${p.nonce}:${ha2}`);
    if (p.response !== expected) return false;
    this.nonceCounts.set(p.nonce, nc);
    return true;
  }

  private challenge(res: ServerResponse): void {
    if (this.options.basic) {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="fake"', connection: 'close' }).end();
      return;
    }
    const nonce = randomBytes(16).toString('hex');
    this.nonces.add(nonce);
    res.writeHead(401, {
      'www-authenticate': `Digest realm="${this.options.digest!.realm ?? 'SPARQL'}", domain="/", nonce="${nonce}", opaque="5ebe2294ecd0e0f08eab7690d2a6ee69", stale="false", qop="auth", algorithm="MD5"`,
      connection: 'close',
    }).end();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    this.requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
    const url = new URL(req.url ?? '/', this.url);
    const graph = url.searchParams.get('graph') ?? undefined;
    const failure = this.failures.find((f) => (f.graph === undefined || f.graph === graph) && (f.times === undefined || f.times > 0));
    if (failure) {
      if (failure.times !== undefined) failure.times--;
      if (failure.status === 0) { req.socket.destroy(); return; }
      res.writeHead(failure.status, { 'content-type': 'text/html', ...(failure.retryAfter ? { 'retry-after': failure.retryAfter } : {}) });
      res.end(`<html><body><h1>Error ${failure.status}</h1><p>scripted failure</p></body></html>`);
      return;
    }
    if ((this.options.digest || this.options.basic) && !this.authorized(req)) { this.challenge(res); return; }
    try {
      if (url.pathname === '/sparql-graph-crud' && (req.method === 'PUT' || req.method === 'POST')) {
        if (!graph) { res.writeHead(400).end('no graph parameter'); return; }
        const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim();
        if (type !== 'application/n-triples' && type !== 'text/turtle') { res.writeHead(415).end(`unsupported media type ${type}`); return; }
        const target = oxigraph.namedNode(graph);
        const existed = this.store.match(null, null, null, target).length > 0;
        if (req.method === 'PUT') for (const q of this.store.match(null, null, null, target)) this.store.delete(q);
        if (body.length > 0) this.store.load(body, { format: type, to_graph_name: target });
        res.writeHead(existed ? 200 : 201).end();
        return;
      }
      if (url.pathname === '/sparql' && req.method === 'POST') {
        const query = new URLSearchParams(body).get('query') ?? '';
        const result = this.store.query(query, { use_default_graph_as_union: true });
        if (typeof result === 'boolean') {
          res.writeHead(200, { 'content-type': 'application/sparql-results+json' }).end(JSON.stringify({ head: {}, boolean: result }));
          return;
        }
        if (Array.isArray(result) && result.length > 0 && 'subject' in result[0]!) {
          const text = (result as oxigraph.Quad[]).map((q) => `${q.subject.toString()} ${q.predicate.toString()} ${q.object.toString()} .\n`).join('');
          res.writeHead(200, { 'content-type': 'application/n-triples' }).end(text);
          return;
        }
        const rows = result as Map<string, oxigraph.Term>[];
        const vars = [...new Set(rows.flatMap((r) => [...r.keys()]))];
        const max = this.options.maxRows;
        const cut = max !== undefined && rows.length >= max;
        const json = {
          head: { vars },
          results: {
            bindings: (cut ? rows.slice(0, max) : rows).map((r) => Object.fromEntries([...r].map(([k, t]) => [k,
              t.termType === 'NamedNode' ? { type: 'uri', value: t.value }
                : t.termType === 'BlankNode' ? { type: 'bnode', value: t.value }
                  : { type: 'typed-literal', value: t.value, datatype: (t as oxigraph.Literal).datatype.value, ...((t as oxigraph.Literal).language ? { 'xml:lang': (t as oxigraph.Literal).language } : {}) }]))),
          },
        };
        res.writeHead(200, { 'content-type': 'application/sparql-results+json', ...(cut ? { 'x-sparql-maxrows': String(max) } : {}) }).end(JSON.stringify(json));
        return;
      }
      res.writeHead(404).end('not found');
    } catch (error) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end(`bad request: ${(error as Error).message}`);
    }
  }
}
