/** Requests to a store: buffered bodies, Digest and Basic auth, retries with backoff, errors naming the endpoint. */
import { afterEach, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { AuthSession, EndpointError, HttpClient, excerptOf, parseAuthChallenges, type HttpOptions } from '../src/publish/index.ts';
import { FakeStore } from './publish-fake-store.ts';

const stores: FakeStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
});

async function startStore(options: ConstructorParameters<typeof FakeStore>[0] = {}): Promise<FakeStore> {
  const store = await new FakeStore(options).start();
  stores.push(store);
  return store;
}

/** Options that record the backoff delays instead of waiting. */
function recordingOptions(extra: HttpOptions = {}): HttpOptions & { delays: number[] } {
  const delays: number[] = [];
  return { delays, sleep: async (ms: number) => { delays.push(ms); }, ...extra };
}

/** A port nothing listens on: bind one, then let it go. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const put = (url: string, body = '<http://ex/s> <http://ex/p> "o" .\n') => ({
  method: 'PUT' as const,
  url: new URL(url),
  headers: { 'content-type': 'application/n-triples' },
  body,
});

describe('parseAuthChallenges', () => {
  it.each([
    ['Digest realm="SPARQL", domain="/sparql-graph-crud-auth", nonce="abc", opaque="o", stale="false", qop="auth", algorithm="MD5"',
      [{ scheme: 'digest', params: { realm: 'SPARQL', domain: '/sparql-graph-crud-auth', nonce: 'abc', opaque: 'o', stale: 'false', qop: 'auth', algorithm: 'MD5' } }]],
    ['Basic realm="fuseki"', [{ scheme: 'basic', params: { realm: 'fuseki' } }]],
    ['Digest realm="a, b", qop="auth,auth-int", nonce=xyz, Basic realm="r"',
      [{ scheme: 'digest', params: { realm: 'a, b', qop: 'auth,auth-int', nonce: 'xyz' } }, { scheme: 'basic', params: { realm: 'r' } }]],
    ['Digest realm="say \\"hi\\""', [{ scheme: 'digest', params: { realm: 'say "hi"' } }]],
  ])('parses %s', (header, expected) => {
    expect(parseAuthChallenges(header)).toEqual(expected);
  });
});

describe('AuthSession', () => {
  it('answers the RFC 2617 example challenge with the published response', () => {
    const session = new AuthSession({ user: 'Mufasa', password: 'Circle Of Life' }, { cnonce: () => '0a4f113b' });
    expect(session.accept('Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41"')).toBe(true);
    const header = session.authorize('GET', new URL('http://host.com/dir/index.html'))!;
    expect(header).toContain('response="6629fae49393a05397450978507c4ef1"');
    expect(header).toContain('nc=00000001');
    expect(header).toContain('opaque="5ccc069c403ebaf9f0171e9517f40e41"');
    // The next request reuses the nonce with the next count.
    expect(session.authorize('GET', new URL('http://host.com/dir/index.html'))).toContain('nc=00000002');
  });

  it('refuses a challenge it cannot answer', () => {
    const session = new AuthSession({ user: 'u', password: 'p' });
    expect(session.accept('Negotiate abc')).toBe(false);
    expect(session.accept(null)).toBe(false);
    expect(session.ready).toBe(false);
  });
});

describe('HttpClient', () => {
  it('sends the body buffered, with Content-Length and never chunked', async () => {
    const store = await startStore();
    const body = '<http://ex/s> <http://ex/p> "größer als 10 KB? nein" .\n'.repeat(300);
    await new HttpClient(store.url).send(put(`${store.url}/sparql-graph-crud?graph=http%3A%2F%2Fex%2Fg`, body));
    const seen = store.requests[0]!;
    expect(seen.headers['content-length']).toBe(String(Buffer.byteLength(body)));
    expect(seen.headers['transfer-encoding']).toBeUndefined();
    expect(seen.body).toBe(body);
    expect(store.counts()).toEqual({ 'http://ex/g': 1 });
  });

  it('authenticates with Digest, then reuses the nonce on later requests without a new challenge', async () => {
    const store = await startStore({ digest: { user: 'dba', password: 's3cret' } });
    const client = new HttpClient(store.url, { credentials: { user: 'dba', password: 's3cret' } });
    const first = await client.send(put(`${store.url}/sparql-graph-crud?graph=http%3A%2F%2Fex%2Fg1`));
    expect(first.attempts).toBe(2);
    const second = await client.send(put(`${store.url}/sparql-graph-crud?graph=http%3A%2F%2Fex%2Fg2`));
    expect(second.attempts).toBe(1);
    expect(store.counts()).toEqual({ 'http://ex/g1': 1, 'http://ex/g2': 1 });
    expect(store.requests.map((r) => r.headers.authorization?.split(' ')[0] ?? 'none')).toEqual(['none', 'Digest', 'Digest']);
  });

  it('authenticates with Basic when that is what the store asks for', async () => {
    const store = await startStore({ basic: { user: 'admin', password: 'pw' } });
    const response = await new HttpClient(store.url, { credentials: { user: 'admin', password: 'pw' } }).send(put(`${store.url}/sparql-graph-crud?graph=http%3A%2F%2Fex%2Fg`));
    expect(response.status).toBe(201);
  });

  it.each([
    ['no credentials', undefined, /^http:\/\/127\.0\.0\.1:\d+\/sparql-graph-crud: 401 Unauthorized: the store wants credentials; pass --user and --password$/],
    ['a wrong password', { user: 'dba', password: 'wrong' }, /^http:\/\/127\.0\.0\.1:\d+\/sparql-graph-crud: 401 Unauthorized: user "dba" was refused \(wrong user name or password\?\)$/],
  ])('fails with %s: a 401 naming the endpoint, not retried', async (_, credentials, message) => {
    const store = await startStore({ digest: { user: 'dba', password: 's3cret' } });
    const endpoint = `${store.url}/sparql-graph-crud`;
    const options = recordingOptions({ credentials });
    const error = await new HttpClient(endpoint, options).send(put(`${endpoint}?graph=http%3A%2F%2Fex%2Fg`)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EndpointError);
    expect((error as EndpointError).failure).toBe('auth');
    expect((error as EndpointError).status).toBe(401);
    expect((error as Error).message).toMatch(message);
    expect(options.delays).toEqual([]);
    expect(store.counts()).toEqual({});
  });

  it('retries 5xx with doubling backoff and succeeds when the store recovers', async () => {
    const store = await startStore();
    store.failures.push({ status: 503, times: 2 }, { status: 500, times: 1 });
    const options = recordingOptions({ backoffMs: 100 });
    const response = await new HttpClient(store.url, options).send(put(`${store.url}/sparql-graph-crud?graph=http%3A%2F%2Fex%2Fg`));
    expect(response.attempts).toBe(4);
    expect(options.delays).toEqual([100, 200, 400]);
    expect(store.counts()).toEqual({ 'http://ex/g': 1 });
  });

  it('caps the backoff and honours Retry-After', async () => {
    const store = await startStore();
    store.failures.push({ status: 429, times: 1, retryAfter: '2' }, { status: 502, times: 3 });
    const options = recordingOptions({ backoffMs: 1000, maxBackoffMs: 3000, retries: 4 });
    await new HttpClient(store.url, options).send(put(`${store.url}/sparql-graph-crud?graph=http%3A%2F%2Fex%2Fg`));
    expect(options.delays).toEqual([2000, 2000, 3000, 3000]);
  });

  it('gives up on a persistent 500 after every retry, with the status and the server\'s words', async () => {
    const store = await startStore();
    store.failures.push({ status: 500 });
    const endpoint = `${store.url}/sparql-graph-crud`;
    const options = recordingOptions({ retries: 2 });
    const error = (await new HttpClient(endpoint, options).send(put(`${endpoint}?graph=x`)).catch((e: unknown) => e)) as EndpointError;
    expect(error).toBeInstanceOf(EndpointError);
    expect(error.failure).toBe('server');
    expect(error.attempts).toBe(3);
    expect(error.message).toBe(`${endpoint}: 500 Internal Server Error: Error 500 scripted failure (after 3 attempts)`);
    expect(store.requests).toHaveLength(3);
  });

  it('does not retry a 4xx refusal of the data', async () => {
    const store = await startStore();
    store.failures.push({ status: 400 });
    const options = recordingOptions();
    const error = (await new HttpClient(store.url, options).send(put(`${store.url}/sparql-graph-crud?graph=x`)).catch((e: unknown) => e)) as EndpointError;
    expect(error.failure).toBe('rejected');
    expect(error.endpointWide).toBe(false);
    expect(store.requests).toHaveLength(1);
    expect(options.delays).toEqual([]);
  });

  it('retries a dropped connection', async () => {
    const store = await startStore();
    store.failures.push({ status: 0, times: 1 });
    const options = recordingOptions();
    const response = await new HttpClient(store.url, options).send(put(`${store.url}/sparql-graph-crud?graph=http%3A%2F%2Fex%2Fg`));
    expect(response.attempts).toBe(2);
    expect(options.delays).toHaveLength(1);
  });

  it('names the endpoint when nothing listens there', async () => {
    const endpoint = `http://127.0.0.1:${await closedPort()}/sparql-graph-crud`;
    const options = recordingOptions({ retries: 2, backoffMs: 10 });
    const error = (await new HttpClient(endpoint, options).send(put(`${endpoint}?graph=x`)).catch((e: unknown) => e)) as EndpointError;
    expect(error).toBeInstanceOf(EndpointError);
    expect(error.failure).toBe('unreachable');
    expect(error.message).toBe(`${endpoint}: connection refused (ECONNREFUSED) after 3 attempts; is the store running at this address?`);
    expect(options.delays).toEqual([10, 20]);
  });
});

describe('excerptOf', () => {
  const virtuoso = '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html>\n  <head>\n    <title>SPARQL Graph Protocol request failed</title>\n  </head>\n  <body>\n    <h1>HTTP/1.1 500 Request Failed</h1>\n    <h3>Error 22023</h3>\n<xmp>The PUT request for graph <http://ex/bad> is rejected: the submitted resource is of unsupported type text/plain</xmp></body></html>';
  it.each([
    [virtuoso, 'text/html; charset=UTF-8', 'The PUT request for graph <http://ex/bad> is rejected: the submitted resource is of unsupported type text/plain'],
    ['<html><body><h1>Oops</h1>\n<p>broken</p></body></html>', 'text/html', 'Oops broken'],
    ['Virtuoso 37000 Error SP030: SPARQL compiler, line 2: syntax error at \'SELEC\'\n\nSPARQL query:\ndefine sql:big-data-const 0 PREFIX ng: <https://w3id.org/newsgraph/ontology#>', 'text/plain', "Virtuoso 37000 Error SP030: SPARQL compiler, line 2: syntax error at 'SELEC'"],
    ['x'.repeat(300), 'text/plain', 'x'.repeat(239) + '…'],
  ])('keeps what matters of %j', (body, type, expected) => {
    expect(excerptOf(body, 240, type)).toBe(expected);
  });
});
