/** HTTP authentication for stores: Digest (RFC 7616, what Virtuoso asks for) and Basic (Fuseki, GraphDB). */
import { createHash, randomBytes } from 'node:crypto';

/** A user name and password for the store. */
export interface Credentials {
  user: string;
  password: string;
}

/** One challenge of a `WWW-Authenticate` header: its scheme (lower case) and parameters (keys lower case). */
export interface AuthChallenge {
  scheme: string;
  params: Record<string, string>;
}

/** Parses a `WWW-Authenticate` value, which may hold several challenges (`Digest realm="x", qop="auth", Basic realm="y"`). */
export function parseAuthChallenges(header: string): AuthChallenge[] {
  const challenges: AuthChallenge[] = [];
  let i = 0;
  const n = header.length;
  const skip = (chars: string) => { while (i < n && chars.includes(header[i]!)) i++; };
  const readToken = (): string => {
    const start = i;
    while (i < n && !' \t,="'.includes(header[i]!)) i++;
    return header.slice(start, i);
  };
  let current: AuthChallenge | undefined;
  while (i < n) {
    skip(' \t,');
    if (i >= n) break;
    const token = readToken();
    if (token === '') { i++; continue; }
    const afterToken = i;
    skip(' \t');
    if (header[i] === '=' && current !== undefined) {
      i++;
      skip(' \t');
      let value: string;
      if (header[i] === '"') {
        i++;
        let out = '';
        while (i < n && header[i] !== '"') {
          if (header[i] === '\\' && i + 1 < n) i++;
          out += header[i];
          i++;
        }
        i++;
        value = out;
      } else {
        value = readToken();
      }
      current.params[token.toLowerCase()] = value;
    } else if (header[i] === '=' && current === undefined) {
      // A token68 or parameter with no scheme before it: not a challenge we can use.
      i++;
      readToken();
    } else {
      i = afterToken;
      current = { scheme: token.toLowerCase(), params: {} };
      challenges.push(current);
    }
  }
  return challenges;
}

/** Hash functions Digest may ask for. */
const ALGORITHMS: Record<string, string> = { 'md5': 'md5', 'md5-sess': 'md5', 'sha-256': 'sha256', 'sha-256-sess': 'sha256' };

function hash(algorithm: string, text: string): string {
  return createHash(algorithm).update(text, 'utf8').digest('hex');
}

/** State kept between requests to one endpoint, so that later requests authenticate at once. */
export class AuthSession {
  readonly credentials: Credentials;
  private challenge: AuthChallenge | undefined;
  private nonceCount = 0;
  /** Where the cnonce comes from; tests fix it to check a known answer. */
  private readonly makeCnonce: () => string;

  constructor(credentials: Credentials, options: { cnonce?: () => string } = {}) {
    this.credentials = credentials;
    this.makeCnonce = options.cnonce ?? (() => randomBytes(8).toString('hex'));
  }

  /** True once the server has sent a challenge we can answer. */
  get ready(): boolean {
    return this.challenge !== undefined;
  }

  /** Takes the server's `WWW-Authenticate`; false when it offers no scheme we support. */
  accept(header: string | null): boolean {
    if (!header) return false;
    const challenges = parseAuthChallenges(header);
    const digest = challenges.find((c) => c.scheme === 'digest' && ALGORITHMS[(c.params.algorithm ?? 'MD5').toLowerCase()] !== undefined);
    const basic = challenges.find((c) => c.scheme === 'basic');
    const chosen = digest ?? basic;
    if (!chosen) return false;
    if (chosen.params.nonce !== this.challenge?.params.nonce) this.nonceCount = 0;
    this.challenge = chosen;
    return true;
  }

  /** The `Authorization` value for a request; undefined until a challenge was accepted. */
  authorize(method: string, url: URL): string | undefined {
    const challenge = this.challenge;
    if (!challenge) return undefined;
    const { user, password } = this.credentials;
    if (challenge.scheme === 'basic') return 'Basic ' + Buffer.from(`${user}:${password}`, 'utf8').toString('base64');
    return this.digest(challenge.params, method, url.pathname + url.search);
  }

  /** Builds a Digest answer (qop=auth when offered, else the RFC 2069 form). */
  private digest(params: Record<string, string>, method: string, uri: string): string {
    const { user, password } = this.credentials;
    const realm = params.realm ?? '';
    const nonce = params.nonce ?? '';
    const algorithmName = params.algorithm ?? 'MD5';
    const algorithm = ALGORITHMS[algorithmName.toLowerCase()]!;
    const qops = (params.qop ?? '').split(',').map((q) => q.trim().toLowerCase()).filter(Boolean);
    const qop = qops.includes('auth') ? 'auth' : undefined;
    const cnonce = this.makeCnonce();
    this.nonceCount++;
    const nc = this.nonceCount.toString(16).padStart(8, '0');
    let ha1 = hash(algorithm, `${user}:${realm}:${password}`);
    if (algorithmName.toLowerCase().endsWith('-sess')) ha1 = hash(algorithm, `${ha1}:${nonce}:${cnonce}`);
    const ha2 = hash(algorithm, `${method}:${uri}`);
    const response = qop
      ? hash(algorithm, `${ha1}:${nonce}:${nc}:${cnonce}:${qop}:${ha2}`)
      : hash(algorithm, `${ha1}:${nonce}:${ha2}`);
    const quote = (s: string) => '"' + s.replace(/(["\\])/g, '\\$1') + '"';
    const parts = [
      `username=${quote(user)}`, `realm=${quote(realm)}`, `nonce=${quote(nonce)}`, `uri=${quote(uri)}`,
      `algorithm=${algorithmName}`, `response=${quote(response)}`,
    ];
    if (params.opaque !== undefined) parts.push(`opaque=${quote(params.opaque)}`);
    if (qop) parts.push(`qop=${qop}`, `nc=${nc}`, `cnonce=${quote(cnonce)}`);
    return 'Digest ' + parts.join(', ');
  }
}
