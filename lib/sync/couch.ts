/**
 * A small client for the part of CouchDB's HTTP API the team sync uses (cookie session, _changes, _bulk_docs,
 * _all_docs, _local checkpoints). Works against Apache CouchDB 3, Cloudant and pouchdb-server. In the extension
 * the browser keeps the session cookie (fetch with credentials); under Node (tests, scripts) the client keeps it.
 */

/** Why a request failed, in the terms the settings page explains to the rep. */
export type CouchErrorKind = 'auth' | 'forbidden' | 'conflict' | 'not-found' | 'server' | 'offline' | 'bad-response';

export class CouchError extends Error {
  constructor(
    readonly kind: CouchErrorKind,
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'CouchError';
  }
}

export function kindOfStatus(status: number): CouchErrorKind {
  if (status === 401) return 'auth';
  if (status === 403) return 'forbidden';
  if (status === 409) return 'conflict';
  if (status === 404) return 'not-found';
  return status >= 500 || status === 0 ? 'server' : 'bad-response';
}

export interface CouchTarget {
  /** The server's origin and optional path prefix, e.g. https://couch.example.com or http://127.0.0.1:5984. */
  url: string;
  db: string;
  user: string;
  password: string;
}

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number | boolean>;
  signal?: AbortSignal;
  /** Awaited once the server has answered, before the body is read and parsed (a pull giving way to the rep). */
  beforeRead?: () => Promise<void>;
}

type Fetch = typeof fetch;

export class CouchClient {
  private cookie = '';
  private loggedIn = false;

  constructor(
    readonly target: CouchTarget,
    private readonly fetchFn: Fetch = (...a) => fetch(...a),
  ) {}

  private serverUrl(path: string, query?: RequestOptions['query']): string {
    const base = this.target.url.replace(/(?<!\/)\/+$/, '');
    const url = new URL(`${base}/${path}`);
    for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, String(v));
    return url.href;
  }

  /** The database's path with `rest` appended (the name is URL-encoded: CouchDB allows '/' in names). */
  dbPath(rest = ''): string {
    return `${encodeURIComponent(this.target.db)}${rest ? `/${rest}` : ''}`;
  }

  private async raw(method: string, path: string, opts: RequestOptions): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    // Node only: browsers keep the cookie themselves and refuse a script's Cookie header.
    if (this.cookie) headers.cookie = this.cookie;
    try {
      return await this.fetchFn(this.serverUrl(path, opts.query), {
        method,
        headers,
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        credentials: 'include',
        signal: opts.signal,
        cache: 'no-store',
      });
    } catch (err) {
      if (opts.signal?.aborted) throw err;
      throw new CouchError('offline', 0, err instanceof Error ? err.message : String(err));
    }
  }

  /** Starts a cookie session (POST /_session). Throws CouchError 'auth' for a wrong user name or password. */
  async login(signal?: AbortSignal): Promise<{ name: string; roles: string[] }> {
    const res = await this.raw('POST', '_session', {
      body: { name: this.target.user, password: this.target.password },
      signal,
    });
    const body = await readJson(res);
    if (!res.ok) throw errorOf(res.status, body);
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0] ?? '';
    this.loggedIn = true;
    const b = body as { name?: unknown; roles?: unknown };
    return {
      name: typeof b.name === 'string' ? b.name : this.target.user,
      roles: Array.isArray(b.roles) ? b.roles.filter((r): r is string => typeof r === 'string') : [],
    };
  }

  /** Ends the session (DELETE /_session); errors are ignored, the credentials are forgotten anyway. */
  async logout(): Promise<void> {
    try {
      await this.raw('DELETE', '_session', {});
    } catch {
      // Offline: the cookie expires on its own.
    }
    this.cookie = '';
    this.loggedIn = false;
  }

  /** Forgets the session: the next request signs in again (the server restarted and no longer knows the cookie). */
  expireSession(): void {
    this.loggedIn = false;
    this.cookie = '';
  }

  /** One JSON request, logging in first (and once more when the session expired). */
  async request<T = unknown>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
    if (!this.loggedIn) await this.login(opts.signal);
    let res = await this.raw(method, path, opts);
    if (res.status === 401) {
      await this.login(opts.signal);
      res = await this.raw(method, path, opts);
    }
    await opts.beforeRead?.();
    const body = await readJson(res);
    // Signed in, yet unauthorised: the user is not a member of this database (pouchdb-server says 401 there).
    if (res.status === 401) throw new CouchError('forbidden', 403, errorOf(401, body).message);
    if (!res.ok) throw errorOf(res.status, body);
    return body as T;
  }
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    if (!res.ok) return { reason: text.slice(0, 200) };
    throw new CouchError('bad-response', res.status, 'The server did not answer with JSON: is this a CouchDB URL?');
  }
}

function errorOf(status: number, body: unknown): CouchError {
  const b = (body ?? {}) as { error?: unknown; reason?: unknown };
  const reason = typeof b.reason === 'string' ? b.reason : typeof b.error === 'string' ? b.error : `HTTP ${status}`;
  return new CouchError(kindOfStatus(status), status, reason);
}
