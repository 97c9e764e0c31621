/** One HTTP exchange with a store: buffered body, authentication, retries with backoff, typed errors. */
import { AuthSession, type Credentials } from './auth.ts';
import { EndpointError } from './errors.ts';

/** How requests to a store are sent. */
export interface HttpOptions {
  /** Sent with Digest or Basic, whichever the server asks for. */
  credentials?: Credentials | undefined;
  /** Extra attempts after a failed one (connection error, timeout, 5xx, 429); default 3. */
  retries?: number | undefined;
  /** Wait before the first retry, doubled each time; default 250 ms. */
  backoffMs?: number | undefined;
  /** Longest wait between attempts (also caps Retry-After); default 5000 ms. */
  maxBackoffMs?: number | undefined;
  /** Time limit of one attempt; default 120 s. */
  timeoutMs?: number | undefined;
  /** How to wait between attempts (tests record the delays instead of waiting). */
  sleep?: ((ms: number) => Promise<void>) | undefined;
  /** Called before each retry, e.g. to print progress. */
  onRetry?: ((info: { attempt: number; delayMs: number; reason: string }) => void) | undefined;
}

/** A request: the body is always a buffer, so it goes out with Content-Length (Virtuoso 7 drops chunked bodies). */
export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'HEAD';
  url: URL;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

/** A successful (2xx) answer, read whole. */
export interface HttpResponse {
  status: number;
  headers: Headers;
  text: string;
  /** How many times the request was sent (retries and the authentication round trip included). */
  attempts: number;
}

const DEFAULTS = { retries: 3, backoffMs: 250, maxBackoffMs: 5000, timeoutMs: 120_000 };

/** Statuses worth retrying: the server may recover. */
function isTransient(status: number): boolean {
  return status >= 500 || status === 429 || status === 408;
}

/** A short one-line excerpt of an error body: tags dropped from HTML, Virtuoso's echo of the query cut off. */
export function excerptOf(body: string, max = 240, contentType = ''): string {
  const html = /html|xml/i.test(contentType) || /^\s*<(!doctype|html|\?xml)/i.test(body);
  // Virtuoso puts its message, IRIs and all, in an <xmp> block of an HTML page.
  const verbatim = html ? /<xmp>([\s\S]*?)<\/xmp>/i.exec(body)?.[1] : undefined;
  const text = (verbatim ?? (html ? body.replace(/<[^>]*>/g, ' ') : body)).replace(/\s*SPARQL query:[\s\S]*$/, '').replace(/\s+/g, ' ').trim();
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

/** The reason a fetch threw, in words: "connection refused (ECONNREFUSED)". */
function describeNetworkError(error: unknown): { failure: 'unreachable' | 'timeout'; reason: string } {
  const err = error as Error & { cause?: { code?: string; message?: string } };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return { failure: 'timeout', reason: 'no answer in time' };
  const code = err?.cause?.code ?? (err as { code?: string })?.code;
  const words: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ECONNRESET: 'connection reset',
    EPIPE: 'connection closed while sending',
    ENOTFOUND: 'host not found',
    EAI_AGAIN: 'host name lookup failed',
    EHOSTUNREACH: 'host unreachable',
    ENETUNREACH: 'network unreachable',
    UND_ERR_SOCKET: 'connection closed by the server',
    UND_ERR_CLOSED: 'connection closed',
    ETIMEDOUT: 'connection timed out',
  };
  if (code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT') return { failure: 'timeout', reason: `no answer in time (${code})` };
  if (code) return { failure: 'unreachable', reason: `${words[code] ?? err.cause?.message ?? 'network error'} (${code})` };
  return { failure: 'unreachable', reason: err?.cause?.message ?? err?.message ?? String(error) };
}

/** Sends requests to one endpoint; keeps the authentication state between them. */
export class HttpClient {
  /** The endpoint as the user gave it; every error message starts with it. */
  readonly endpoint: string;
  private readonly options: Required<Omit<HttpOptions, 'credentials' | 'onRetry'>> & Pick<HttpOptions, 'onRetry'>;
  private readonly session: AuthSession | undefined;

  constructor(endpoint: string, options: HttpOptions = {}) {
    this.endpoint = endpoint;
    this.options = {
      retries: options.retries ?? DEFAULTS.retries,
      backoffMs: options.backoffMs ?? DEFAULTS.backoffMs,
      maxBackoffMs: options.maxBackoffMs ?? DEFAULTS.maxBackoffMs,
      timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
      sleep: options.sleep ?? ((ms: number) => new Promise((resolve) => setTimeout(resolve, ms))),
      onRetry: options.onRetry,
    };
    this.session = options.credentials ? new AuthSession(options.credentials) : undefined;
  }

  /** Sends `request`, retrying transient failures; resolves to a 2xx answer or throws EndpointError. */
  async send(request: HttpRequest): Promise<HttpResponse> {
    const { retries, backoffMs, maxBackoffMs, timeoutMs, sleep, onRetry } = this.options;
    const body = request.body === undefined ? undefined : typeof request.body === 'string' ? Buffer.from(request.body, 'utf8') : request.body;
    let attempts = 0;
    let failures = 0;
    let authRounds = 0;
    for (;;) {
      attempts++;
      const headers: Record<string, string> = { ...request.headers };
      const authorization = this.session?.authorize(request.method, request.url);
      if (authorization) headers.authorization = authorization;
      if (body !== undefined) headers['content-length'] = String(body.byteLength);
      let response: Response;
      let text: string;
      try {
        response = await fetch(request.url, {
          method: request.method,
          headers,
          body: body as BodyInit | undefined,
          signal: AbortSignal.timeout(timeoutMs),
          redirect: 'follow',
        });
        text = await response.text();
      } catch (error) {
        const { failure, reason } = describeNetworkError(error);
        if (failures < retries) {
          const delayMs = Math.min(maxBackoffMs, backoffMs * 2 ** failures);
          failures++;
          onRetry?.({ attempt: attempts, delayMs, reason });
          await sleep(delayMs);
          continue;
        }
        throw new EndpointError(this.endpoint, failure, `${reason}${attempts > 1 ? ` after ${attempts} attempts` : ''}; is the store running at this address?`, { attempts, cause: error });
      }
      const { status } = response;
      if (status >= 200 && status < 300) return { status, headers: response.headers, text, attempts };
      if (status === 401) {
        const challenge = response.headers.get('www-authenticate');
        if (!this.session) {
          throw new EndpointError(this.endpoint, 'auth', `401 Unauthorized: the store wants credentials; pass --user and --password`, { status, attempts });
        }
        const accepted = this.session.accept(challenge);
        if (!accepted) {
          throw new EndpointError(this.endpoint, 'auth', `401 Unauthorized: the store offers no authentication scheme newsgraph speaks (${challenge ?? 'no WWW-Authenticate header'})`, { status, attempts });
        }
        // One round trip to learn (or renew) the challenge, one more if the nonce went stale;
        // a 401 after that means the user name or password is wrong.
        const stale = /stale\s*=\s*"?true/i.test(challenge ?? '');
        if (authRounds === 0 || (stale && authRounds < 2)) {
          authRounds++;
          continue;
        }
        throw new EndpointError(this.endpoint, 'auth', `401 Unauthorized: user "${this.session.credentials.user}" was refused (wrong user name or password?)`, { status, attempts });
      }
      if (status === 403) {
        throw new EndpointError(this.endpoint, 'auth', `403 Forbidden: ${this.session ? `user "${this.session.credentials.user}"` : 'anonymous access'} may not do this (write needs SPARQL_UPDATE on Virtuoso)${text ? ': ' + excerptOf(text, 240, response.headers.get('content-type') ?? '') : ''}`, { status, attempts });
      }
      if (isTransient(status) && failures < retries) {
        const retryAfter = Number(response.headers.get('retry-after'));
        const delayMs = Math.min(maxBackoffMs, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : backoffMs * 2 ** failures);
        failures++;
        onRetry?.({ attempt: attempts, delayMs, reason: `${status} ${response.statusText}` });
        await sleep(delayMs);
        continue;
      }
      const problem = `${status} ${response.statusText}${text ? ': ' + excerptOf(text, 240, response.headers.get('content-type') ?? '') : ''}${attempts > 1 ? ` (after ${attempts} attempts)` : ''}`;
      throw new EndpointError(this.endpoint, isTransient(status) ? 'server' : 'rejected', problem, { status, attempts });
    }
  }
}
