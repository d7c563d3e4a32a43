/**
 * A thin client for the WordPress REST API (wp/v2) with Application Password (Basic) auth (siteFetch.ts carries
 * the requests). Every failure becomes a WpError that says whether trying again later can help (network,
 * timeout, 5xx, 429) or not (the site refused: 4xx), with the site's own message when it sent one. Never logs
 * the password.
 */
import type { Headers } from 'undici';
import { cutOff, fetchOnceMore, notWordPress, redirected, retryAfterMs } from './siteFetch';
import { WpError } from './wpError';

export { WpError };

export interface WpAuth {
  url: string;
  username: string;
  password: string;
}

export interface WpClientOptions {
  /** Per request; a site slower than this is treated as unreachable for this attempt. */
  timeoutMs?: number;
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
    const response = await fetchOnceMore(url, { method, headers, body, redirect: 'manual' }, timeoutMs);
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel();
      throw redirected(response, url, base);
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw cutOff(error, response.status, timeoutMs);
    }
    let parsed: unknown;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {
      throw notWordPress(response, Date.now());
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
        retryAfterMs(response.headers.get('retry-after'), Date.now()),
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
      if (!response.ok) {
        // Unread, the answer would hold its connection.
        await response.body?.cancel();
        throw new WpError(
          `The site answered ${response.status} for ${url.pathname.slice(0, 200)}.`,
          response.status,
          `http_${response.status}`,
          response.status >= 500 || response.status === 429,
        );
      }
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
      throw cutOff(error, response.status, timeoutMs);
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
