/** The static server of `newsgraph view`: the built viewer and one graph, on 127.0.0.1 only. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, relative, resolve, sep, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The port is taken by another program. */
export class PortInUseError extends Error {
  override name = 'PortInUseError';
  constructor(readonly host: string, readonly port: number) {
    super(`port ${port} on ${host} is already in use; choose another with --port N (or --port 0 for any free port)`);
  }
}

/** The viewer has not been built (viewer/dist/index.html is missing). */
export class ViewerNotBuiltError extends Error {
  override name = 'ViewerNotBuiltError';
  constructor(readonly distDir: string) {
    super(`the viewer is not built (${join(distDir, 'index.html')} is missing); run \`npm run build\` in the newsgraph folder`);
  }
}

/** What to serve. */
export interface ServeOptions {
  /** The graph text, already checked by the caller. */
  graphText: string;
  /** File name shown by the viewer (basename only is sent). */
  graphName: string;
  /** Media type of the graph (text/turtle, application/trig, application/n-quads, application/n-triples). */
  mediaType: string;
  /** Port (0 = any free port; default 5199). */
  port?: number;
  /** Folder of the built viewer (default: viewer/dist of the newsgraph package). */
  distDir?: string;
}

/** A running viewer server. */
export interface ViewerServer {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Finds the newsgraph package folder from this module (works from src/ and from the dist/ bundle). */
export function findPackageRoot(from: string = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'newsgraph') return dir;
      } catch {
        /* not ours; keep climbing */
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the newsgraph package folder above ${from}`);
    dir = parent;
  }
}

/** Resolves a URL path inside `root`; undefined when it would leave it (traversal) or is malformed. */
export function resolveInside(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const segments = decoded.split('/');
  if (segments.some((s) => s === '..')) return undefined;
  const target = resolve(root, `.${decoded.startsWith('/') ? '' : '/'}${decoded}`);
  const rel = relative(root, target);
  if (rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return undefined;
  return target;
}

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self' blob:; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'",
};

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}, head = false): void {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), ...SECURITY_HEADERS, ...extra });
  res.end(head ? undefined : body);
}

/** Starts the server; rejects with PortInUseError when the port is taken. */
export async function serveViewer(options: ServeOptions): Promise<ViewerServer> {
  const distDir = resolve(options.distDir ?? join(findPackageRoot(), 'viewer', 'dist'));
  if (!existsSync(join(distDir, 'index.html'))) throw new ViewerNotBuiltError(distDir);
  const graphName = options.graphName.split(/[\\/]/).pop() ?? 'graph.ttl';

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) {
      send(res, 405, 'text/plain; charset=utf-8', 'method not allowed\n', { Allow: 'GET, HEAD' });
      return;
    }
    // DNS rebinding: a page of another site whose name resolves to 127.0.0.1 sends its own Host; refuse it.
    const host = req.headers.host;
    if (host !== undefined && !/^(?:127\.0\.0\.1|localhost|\[::1\])(?::\d+)?$/i.test(host)) {
      send(res, 403, 'text/plain; charset=utf-8', 'forbidden host\n', {}, head);
      return;
    }
    const path = (req.url ?? '/').split(/[?#]/)[0]!;
    if (path === '/graph') {
      send(res, 200, `${options.mediaType}; charset=utf-8`, options.graphText, {
        'Cache-Control': 'no-store',
        'X-Graph-Name': encodeURIComponent(graphName),
      }, head);
      return;
    }
    const file = resolveInside(distDir, path === '/' ? '/index.html' : path);
    if (!file) {
      send(res, 403, 'text/plain; charset=utf-8', 'forbidden\n', {}, head);
      return;
    }
    let body: Buffer;
    try {
      if (!statSync(file).isFile()) throw new Error('not a file');
      body = await readFile(file);
    } catch {
      send(res, 404, 'text/plain; charset=utf-8', 'not found\n', {}, head);
      return;
    }
    send(res, 200, TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', body, { 'Cache-Control': 'no-cache' }, head);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'internal error\n');
      else res.destroy();
    });
  });
  const port = options.port ?? 5199;
  await new Promise<void>((resolvePromise, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      if (error.code === 'EADDRINUSE') reject(new PortInUseError(HOST, port));
      else if (error.code === 'EACCES') reject(new Error(`not allowed to listen on port ${port} of ${HOST}; choose a port above 1023 with --port N`));
      else reject(error);
    };
    server.once('error', onError);
    server.listen(port, HOST, () => {
      server.off('error', onError);
      resolvePromise();
    });
  });
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${HOST}:${actual}/`,
    port: actual,
    server,
    close: () => new Promise<void>((done) => {
      server.closeAllConnections?.();
      server.close(() => done());
    }),
  };
}
