/**
 * A thin client for the WordPress REST API (wp/v2) with Application Password (Basic) auth, over undici's fetch
 * (the package, not Node's bundled copy: a repeated request needs a dispatcher of its own, see fetchOnceMore).
 * Every failure becomes a WpError that says whether trying again later can help (network, timeout, 5xx, 429)
 * or not (the site refused: 4xx), with the site's own message when it sent one. Never logs the password.
 */
import { Agent, fetch, type Headers, type RequestInit, type Response } from 'undici';

export interface WpAuth {
  url: string;
  username: string;
  password: string;
}

export interface WpClientOptions {
  /** Per request; a site slower than this is treated as unreachable for this attempt. */
  timeoutMs?: number;
}

export class WpError extends Error {
  constructor(
    message: string,
    /** HTTP status, or undefined when no answer came (network, timeout). */
    readonly status: number | undefined,
    /** WordPress's error code (rest_cannot_create, term_exists...) or ours (network, timeout, not_json). */
    readonly code: string,
    /** Worth trying again later. */
    readonly transient: boolean,
    readonly data: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'WpError';
  }
}

type Query = Record<string, string | number | boolean | undefined>;

export interface WpRequest {
  query?: Query;
  json?: unknown;
  /** Raw bytes (media upload) with their headers. */
  bytes?: { data: Uint8Array; headers: Record<string, string> };
}

export interface WpResponse<T> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * Methods whose repetition has the effect of one (RFC 9110 9.2.2). The app's DELETEs (trash, a media item with
 * force) answer 410/404 when repeated, which their callers take as done. POST is never repeated here: a create
 * whose answer was lost is found again by the outbox's marker search, never sent twice.
 */
const REPEATABLE = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/**
 * Codes of a connection that was closed under the request before an answer came: typically a kept-alive
 * connection the server closed (its keep-alive timeout, a restart) just as it was reused.
 */
const CLOSED_BEFORE_ANSWER = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE', 'UND_ERR_CLOSED']);

const causeCode = (error: unknown): string | undefined =>
  (error as { cause?: { code?: string } }).cause?.code;

/** What a failed fetch (no answer at all) means for the user, and that it is worth retrying. */
function unreachable(error: unknown, timeoutMs: number): WpError {
  const name = (error as { name?: string }).name;
  if (name === 'TimeoutError' || name === 'AbortError')
    return new WpError(`The site did not answer within ${timeoutMs / 1000} s.`, undefined, 'timeout', true);
  const cause = causeCode(error);
  if (cause && CLOSED_BEFORE_ANSWER.has(cause))
    return new WpError(
      `The site closed the connection before answering (${cause}).`,
      undefined,
      'network',
      true,
    );
  return new WpError(
    `The site could not be reached${cause ? ` (${cause})` : ''}.`,
    undefined,
    'network',
    true,
  );
}

/** Kept-alive connections to the sites, shared by every client, as Node's own fetch shares its pool. */
const pool = new Agent();

/**
 * fetch, once more at once when a repeatable request's connection was closed before any answer came (fetch
 * rejects before a response only then; a failure while reading the body is not repeated: the answer had
 * begun). The repeat goes out on a new connection of its own: connections that went idle together are closed
 * together by a server's keep-alive timeout, and the pool's next idle one may be as dead as the first. Both
 * tries share one deadline: a timeout is never repeated here (the outbox's back-off handles a slow site).
 */
async function fetchOnceMore(url: URL, init: RequestInit, timeoutMs: number): Promise<Response> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    return await fetch(url, { ...init, signal, dispatcher: pool });
  } catch (error) {
    const code = causeCode(error);
    if (signal.aborted || !REPEATABLE.has(init.method ?? 'GET') || !code || !CLOSED_BEFORE_ANSWER.has(code))
      throw unreachable(error, timeoutMs);
  }
  const fresh = new Agent({ connections: 1 });
  try {
    return await fetch(url, { ...init, signal, dispatcher: fresh });
  } catch (error) {
    throw unreachable(error, timeoutMs);
  } finally {
    // Closes its connection once the answer has been read (or the request failed); nothing else uses it.
    fresh.close().catch(() => undefined);
  }
}

/** The site's address as the user typed it, reduced to its root: no trailing slash, no /wp-json. */
export function normalizeSiteUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new WpError(`"${input}" is not a web address.`, undefined, 'bad_url', false);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new WpError('A site address starts with https:// (or http://).', undefined, 'bad_url', false);
  url.search = '';
  url.hash = '';
  const path = url.pathname.replace(/\/+$/, '').replace(/\/wp-json$/, '');
  return `${url.origin}${path}`;
}

export function createWpClient(auth: WpAuth, options: WpClientOptions = {}) {
  const base = `${normalizeSiteUrl(auth.url)}/wp-json/`;
  const authorization = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
  const timeoutMs = options.timeoutMs ?? 30_000;

  async function request<T>(method: string, route: string, req: WpRequest = {}): Promise<WpResponse<T>> {
    const url = new URL(route.replace(/^\//, ''), base);
    for (const [key, value] of Object.entries(req.query ?? {}))
      if (value !== undefined) url.searchParams.set(key, String(value));
    const headers: Record<string, string> = { authorization, accept: 'application/json' };
    let body: string | Uint8Array<ArrayBuffer> | undefined;
    if (req.json !== undefined) {
      headers['content-type'] = 'application/json; charset=utf-8';
      body = JSON.stringify(req.json);
    } else if (req.bytes) {
      Object.assign(headers, req.bytes.headers);
      // A copy typed on a plain ArrayBuffer, which fetch's BodyInit wants once DOM typings are in scope.
      body = new Uint8Array(req.bytes.data);
    }
    const response = await fetchOnceMore(url, { method, headers, body }, timeoutMs);
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw unreachable(error, timeoutMs);
    }
    let parsed: unknown;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {
      const transient = response.status >= 500 || response.status === 429;
      throw new WpError(
        response.ok
          ? 'The address answered, but not with the WordPress REST API (is it a WordPress site?).'
          : `The site answered ${response.status} without a WordPress message.`,
        response.status,
        'not_json',
        transient,
      );
    }
    if (!response.ok) {
      const err = (parsed ?? {}) as { code?: string; message?: string; data?: Record<string, unknown> };
      const transient = response.status >= 500 || response.status === 429 || response.status === 408;
      throw new WpError(
        err.message ? stripTags(err.message) : `The site answered ${response.status}.`,
        response.status,
        err.code ?? `http_${response.status}`,
        transient,
        err.data ?? {},
      );
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  /**
   * A file from the site (an upload's address), at most maxBytes. The password goes only to the site's own
   * origin: an address on another host gets an anonymous request.
   */
  async function download(address: string, maxBytes: number): Promise<{ bytes: Uint8Array; type: string }> {
    let url: URL;
    try {
      url = new URL(address, base);
    } catch {
      throw new WpError(`"${address.slice(0, 200)}" is not a web address.`, undefined, 'bad_url', false);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new WpError(`"${address.slice(0, 200)}" is not a web address.`, undefined, 'bad_url', false);
    const headers: Record<string, string> = url.origin === new URL(base).origin ? { authorization } : {};
    const response = await fetchOnceMore(url, { headers }, timeoutMs);
    try {
      if (!response.ok)
        throw new WpError(
          `The site answered ${response.status} for ${url.pathname.slice(0, 200)}.`,
          response.status,
          `http_${response.status}`,
          response.status >= 500 || response.status === 429,
        );
      if (Number(response.headers.get('content-length') ?? '0') > maxBytes || !response.body)
        throw new WpError(
          `The file ${url.pathname.slice(0, 200)} is too large.`,
          response.status,
          'too_large',
          false,
        );
      const chunks: Uint8Array[] = [];
      let size = 0;
      const reader = response.body.getReader();
      for (let read = await reader.read(); !read.done; read = await reader.read()) {
        const chunk = read.value;
        size += chunk.length;
        // A missing or false content-length must not let a huge file fill the memory.
        if (size > maxBytes) {
          await reader.cancel();
          throw new WpError(
            `The file ${url.pathname.slice(0, 200)} is too large.`,
            response.status,
            'too_large',
            false,
          );
        }
        chunks.push(chunk);
      }
      return { bytes: Buffer.concat(chunks), type: response.headers.get('content-type') ?? '' };
    } catch (error) {
      if (error instanceof WpError) throw error;
      throw unreachable(error, timeoutMs);
    }
  }

  return {
    base,
    request,
    download,
    get: <T>(route: string, query?: Query) => request<T>('GET', route, { query }),
    post: <T>(route: string, json: unknown, query?: Query) => request<T>('POST', route, { json, query }),
    delete: <T>(route: string, query?: Query) => request<T>('DELETE', route, { query }),
  };
}

export type WpClient = ReturnType<typeof createWpClient>;

function stripTags(message: string): string {
  return message.replace(/<[^>]*>/g, '').trim();
}
