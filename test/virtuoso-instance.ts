/**
 * A throw-away Virtuoso for integration tests, started with scripts/virtuoso.sh on free loopback ports.
 * Without a virtuoso-t binary the tests are skipped with a printed reason, except under CI=true, where
 * they must run (and fail if the binary is missing).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SCRIPT = 'scripts/virtuoso.sh';

/** Path of virtuoso-t, or undefined. */
export function findVirtuoso(): string | undefined {
  if (process.env.VIRTUOSO_BIN && existsSync(process.env.VIRTUOSO_BIN)) return process.env.VIRTUOSO_BIN;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'virtuoso-t');
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** Why the integration tests are skipped here, or undefined when they run. */
export function skipReason(): string | undefined {
  if (findVirtuoso()) return undefined;
  if (process.env.CI) return undefined; // under CI they must run: startVirtuoso then fails loudly
  return 'virtuoso-t not found and CI is not set: skipping the Virtuoso integration tests (install with: DEBIAN_FRONTEND=noninteractive apt-get install -y virtuoso-opensource-7-bin)';
}

/** A free TCP port on 127.0.0.1 (bound, then released): nothing listens there. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A running instance. */
export interface VirtuosoInstance {
  dir: string;
  pid: number;
  /** http://127.0.0.1:<port> */
  base: string;
  /** Graph Store endpoint, anonymous write. */
  crud: string;
  /** Graph Store endpoint with Digest authentication (user dba, password dba on this throw-away instance). */
  crudAuth: string;
  /** SPARQL query endpoint. */
  sparql: string;
  /** Stops the server by its pid (the database stays, so it can be started again). */
  stop(): Promise<void>;
  /** Starts it again on the same folder and ports. */
  restart(): Promise<void>;
  /** Stops it and removes its folder. */
  destroy(): Promise<void>;
}

/** Starts a fresh instance in a new temp folder; `maxRows` is its ResultSetMaxRows. */
export async function startVirtuoso(options: { maxRows?: number } = {}): Promise<VirtuosoInstance> {
  const dir = mkdtempSync(join(tmpdir(), 'ng-virtuoso-test-'));
  const [http, sql] = [await closedPort(), await closedPort()];
  const env = { ...process.env, VIRTUOSO_HTTP_PORT: String(http), VIRTUOSO_SQL_PORT: String(sql), VIRTUOSO_MAX_ROWS: String(options.maxRows ?? 10_000) };
  let pid = 0;
  const start = async () => {
    const { stdout } = await run('bash', [SCRIPT, 'start', dir], { env, timeout: 90_000 });
    pid = Number(/^PID=(\d+)$/m.exec(stdout)?.[1]);
    if (!pid) throw new Error(`scripts/virtuoso.sh start printed no PID:\n${stdout}`);
  };
  const stop = async () => {
    if (!existsSync(join(dir, 'virtuoso.pid'))) return;
    await run('bash', [SCRIPT, 'stop', dir], { env, timeout: 60_000 });
  };
  await start();
  const base = `http://127.0.0.1:${http}`;
  return {
    dir,
    get pid() { return pid; },
    base,
    crud: `${base}/sparql-graph-crud`,
    crudAuth: `${base}/sparql-graph-crud-auth`,
    sparql: `${base}/sparql`,
    stop,
    restart: start,
    destroy: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
