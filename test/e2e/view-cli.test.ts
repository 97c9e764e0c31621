// `newsgraph view` as a user runs it: bad files, busy ports, what the server serves and refuses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { createServer, type Server } from 'node:net';
import { readFileSync } from 'node:fs';
import { freePort, runCli, startView, type ViewProcess } from './helpers.ts';
import { parseRdf } from '../../src/load/index.ts';

const SMALL = 'test/fixtures/load/small.ttl';
const MALFORMED = 'test/fixtures/viewer/malformed.ttl';

/** A raw GET (or other method) with the path sent exactly as given, no URL normalisation. */
function fetchRaw(port: number, path: string, method = 'GET'): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => { body += c.toString(); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('view refuses bad input', () => {
  const cases: Array<[string, string[], number, RegExp]> = [
    ['missing file', ['view', 'no-such-graph.ttl', '--no-open'], 3, /no-such-graph\.ttl: no such file/],
    ['malformed file', ['view', MALFORMED, '--no-open'], 3, /malformed\.ttl:3:27: /],
    ['a folder', ['view', 'test', '--no-open'], 3, /test: is a folder/],
    ['no file', ['view', '--no-open'], 2, /expected one graph file/],
    ['bad port', ['view', SMALL, '--port', 'http', '--no-open'], 2, /--port: "http" is not a port number/],
  ];
  it.each(cases)('%s', async (_name, args, code, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).not.toContain('http://');
  });
});

describe('view of a JSON-LD file', () => {
  let view: ViewProcess;
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    view = await startView('test/fixtures/load/small.jsonld', port);
  });
  afterAll(() => view?.stop());

  it('serves it as N-Quads with the same triples as the Turtle it was written from', async () => {
    const graph = await fetchRaw(port, '/graph');
    expect(graph.headers['content-type']).toMatch(/^application\/n-quads/);
    const served = parseRdf(graph.body, { format: 'n-quads' });
    const turtle = parseRdf(readFileSync(SMALL, 'utf8'));
    expect(served.length).toBe(turtle.length);
  });
});

describe('view on a busy port', () => {
  let blocker: Server;
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    blocker = createServer();
    await new Promise<void>((r) => blocker.listen(port, '127.0.0.1', () => r()));
  });
  afterAll(() => new Promise<void>((r) => blocker.close(() => r())));

  it('says the port is in use and how to pick another', async () => {
    const result = await runCli(['view', SMALL, '--port', String(port), '--no-open']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`port ${port} on 127.0.0.1 is already in use`);
    expect(result.stderr).toContain('--port');
  });
});

describe('the view server', () => {
  let view: ViewProcess;
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    view = await startView(SMALL, port);
  });
  afterAll(() => view?.stop());

  it('prints a 127.0.0.1 URL and serves the viewer there', async () => {
    expect(view.url).toBe(`http://127.0.0.1:${port}/`);
    const page = await fetchRaw(port, '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('<input id="search" type="search"');
  });

  it('serves the graph file unchanged, with its name and media type', async () => {
    const graph = await fetchRaw(port, '/graph');
    expect(graph.status).toBe(200);
    expect(graph.headers['content-type']).toMatch(/^text\/turtle/);
    expect(graph.headers['x-graph-name']).toBe('small.ttl');
    expect(graph.body).toBe(readFileSync(SMALL, 'utf8'));
  });

  const traversals = ['/../package.json', '/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json', '/..%5cpackage.json', '/%00index.html', '/%E0%A4%A.js'];
  it.each(traversals)('refuses %s', async (path) => {
    const res = await fetchRaw(port, path);
    expect([400, 403, 404]).toContain(res.status);
    expect(res.body).not.toContain('"name": "newsgraph"');
  });

  it('answers 404 for a file that is not there and 405 for other methods', async () => {
    expect((await fetchRaw(port, '/nothing-here.js')).status).toBe(404);
    expect((await fetchRaw(port, '/graph', 'POST')).status).toBe(405);
  });

  it('sends a content security policy and nosniff', async () => {
    const res = await fetchRaw(port, '/');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('stops on SIGTERM', async () => {
    await view.stop();
    expect(view.child.exitCode ?? view.child.signalCode).not.toBeNull();
    await expect(fetchRaw(port, '/')).rejects.toThrow();
  });
});
