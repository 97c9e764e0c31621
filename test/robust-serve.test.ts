// Served files: `newsgraph view` listens on 127.0.0.1 only, serves exactly the viewer's built files and
// the given graph, and refuses path traversal in every spelling (raw TCP requests, so that no client
// normalises the path first) and requests for another host name (DNS rebinding).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { copyFileSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { BIN, ROOT, requireBuild, tempDir } from './cli-helpers.ts';
import { freePort } from './e2e/helpers.ts';

const DIST = join(ROOT, 'viewer', 'dist');
const PACKAGE_JSON = readFileSync(join(ROOT, 'package.json'), 'utf8');

/** A raw HTTP/1.1 exchange over TCP: the request line is sent byte for byte. */
function rawRequest(port: number, requestLine: string, headers: Record<string, string> = { Host: `127.0.0.1:${port}` }, host = '127.0.0.1'): Promise<{ status: number; head: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    const chunks: Buffer[] = [];
    socket.on('connect', () => {
      socket.write(`${requestLine}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}Connection: close\r\n\r\n`, 'latin1');
    });
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const all = Buffer.concat(chunks);
      const split = all.indexOf('\r\n\r\n');
      const head = all.subarray(0, split < 0 ? all.length : split).toString('latin1');
      resolve({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0), head, body: split < 0 ? Buffer.alloc(0) : all.subarray(split + 4) });
    });
  });
}

/** Every file of the built viewer, as URL paths. */
function distFiles(): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else out.push('/' + relative(DIST, p).split('\\').join('/'));
    }
  };
  walk(DIST);
  return out.sort();
}

describe('the view server', () => {
  requireBuild();
  let child: ChildProcess;
  let port: number;
  let graphDir: string;
  let graphText: string;

  beforeAll(async () => {
    graphDir = tempDir('ng-serve-');
    copyFileSync(join(ROOT, 'data', 'samples', 'china-canada-apec.ttl'), join(graphDir, 'graph.ttl'));
    writeFileSync(join(graphDir, 'secret.txt'), 'a file next to the graph, never served\n');
    graphText = readFileSync(join(graphDir, 'graph.ttl'), 'utf8');
    port = await freePort();
    child = spawn(process.execPath, [BIN, 'view', join(graphDir, 'graph.ttl'), '--port', String(port), '--no-open'], { cwd: graphDir, stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`view printed no URL: ${out}`)), 60_000);
      child.stdout!.on('data', (c: Buffer) => { out += c.toString(); if (out.includes(`http://127.0.0.1:${port}/`)) { clearTimeout(timer); resolve(); } });
      child.on('exit', (code) => reject(new Error(`view exited with ${code}: ${out}`)));
    });
  }, 90_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(graphDir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 only (not on other addresses of this machine, not on ::1)', async () => {
    const listening = readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1).map((l) => l.trim().split(/\s+/))
      .filter((f) => f[3] === '0A' && parseInt(f[1]!.split(':')[1]!, 16) === port).map((f) => f[1]!.split(':')[0]);
    expect(listening).toEqual(['0100007F']); // 127.0.0.1, little-endian
    const v6 = readFileSync('/proc/net/tcp6', 'utf8').split('\n').slice(1).filter((l) => { const f = l.trim().split(/\s+/); return f[3] === '0A' && parseInt(f[1]?.split(':')[1] ?? '', 16) === port; });
    expect(v6).toEqual([]);
    const others = Object.values(networkInterfaces()).flat().filter((a) => a && !a.internal && a.family === 'IPv4').map((a) => a!.address);
    for (const address of others) await expect(rawRequest(port, 'GET / HTTP/1.1', { Host: `${address}:${port}` }, address)).rejects.toThrow(/ECONNREFUSED/);
    await expect(rawRequest(port, 'GET / HTTP/1.1', { Host: `[::1]:${port}` }, '::1')).rejects.toThrow(/ECONNREFUSED|EADDRNOTAVAIL|ENETUNREACH|EAFNOSUPPORT/);
  });

  it('serves each file of the built viewer byte for byte, / as index.html, and the graph at /graph', async () => {
    const files = distFiles();
    expect(files).toContain('/index.html');
    for (const f of files) {
      const r = await rawRequest(port, `GET ${f} HTTP/1.1`);
      expect(r.status, f).toBe(200);
      expect(r.body.equals(readFileSync(join(DIST, f))), f).toBe(true);
    }
    expect((await rawRequest(port, 'GET / HTTP/1.1')).body.equals(readFileSync(join(DIST, 'index.html')))).toBe(true);
    const graph = await rawRequest(port, 'GET /graph HTTP/1.1');
    expect(graph.status).toBe(200);
    expect(graph.body.toString('utf8')).toBe(graphText);
  });

  const forbidden = [
    '/../package.json', '/../../package.json', '/assets/../../package.json', '/./../package.json', '/index.html/../../package.json',
    '/%2e%2e/package.json', '/%2e%2e%2fpackage.json', '/%2E%2E%2Fpackage.json', '/.%2e/package.json', '/%2e./package.json',
    '/assets/..%2f..%2fpackage.json', '/%252e%252e%252fpackage.json', '/%252e%252e/package.json', '/..%252fpackage.json',
    '/..\\package.json', '/..%5cpackage.json', '/%2e%2e%5cpackage.json', '/assets\\..\\..\\package.json',
    '/%c0%ae%c0%ae/package.json', '/%c0%ae%c0%ae%c0%afpackage.json', '/%ef%bc%8e%ef%bc%8e/package.json',
    '/package.json', '/src/cli.ts', '/dist/cli.js', '/ontology/shapes.ttl', '/viewer/dist/index.html', '/node_modules/n3/package.json',
    '/graph.ttl', '/secret.txt', '/graph/../secret.txt', '/%00', '/index.html%00.js', '/%E0%A4%A.js',
    '//etc/passwd', '/../../../../../../etc/passwd', '/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2f..%2f..%2fetc%2fpasswd',
    '../package.json', '..%2fpackage.json', 'http://127.0.0.1/../package.json', '*',
  ];

  it.each(forbidden)('refuses %s (403 or 404, nothing of the file)', async (path) => {
    const r = await rawRequest(port, `GET ${path} HTTP/1.1`);
    expect([400, 403, 404]).toContain(r.status);
    const body = r.body.toString('utf8');
    expect(body).not.toContain('"name": "newsgraph"');
    expect(body).not.toContain('root:x:0:0');
    expect(body).not.toContain('never served');
    expect(body.length).toBeLessThan(100);
  });

  it('refuses other methods, and requests naming another host (DNS rebinding)', async () => {
    expect((await rawRequest(port, 'POST /graph HTTP/1.1', { Host: `127.0.0.1:${port}`, 'Content-Length': '0' })).status).toBe(405);
    expect((await rawRequest(port, 'PUT /index.html HTTP/1.1', { Host: `127.0.0.1:${port}`, 'Content-Length': '0' })).status).toBe(405);
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1.nip.io:${port}`, `localhost.evil.example:${port}`]) {
      const r = await rawRequest(port, 'GET /graph HTTP/1.1', { Host: host });
      expect(r.status, host).toBe(403);
      expect(r.body.toString('utf8')).not.toContain('@prefix');
    }
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, 'localhost']) expect((await rawRequest(port, 'GET /graph HTTP/1.1', { Host: host })).status, host).toBe(200);
  });

  it('is still serving after every hostile request', async () => {
    expect((await rawRequest(port, 'GET /graph HTTP/1.1')).status).toBe(200);
    expect(PACKAGE_JSON).toContain('"name": "newsgraph"'); // the marker the refusals look for is real
  });
});
