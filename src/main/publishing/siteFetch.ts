import { Agent, fetch, type RequestInit, type Response } from 'undici';
import { WpError } from './wpError';

/**
 * How requests reach a site, and what a failure on the way means: undici's fetch (the package, not Node's
 * bundled copy: a repeated request needs a dispatcher of its own) over one shared pool of kept-alive
 * connections.
 */

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

const isTimeout = (error: unknown): boolean => {
  const name = (error as { name?: string }).name;
  return name === 'TimeoutError' || name === 'AbortError';
};

const timedOut = (timeoutMs: number): WpError =>
  new WpError(`The site did not answer within ${timeoutMs / 1000} s.`, undefined, 'timeout', true);

/** The usual reasons in words, for a journalist who has no use for ENOTFOUND. */
const NOT_REACHED: Record<string, string> = {
  ECONNREFUSED: 'nothing answers at this address (is the site down, or the port wrong?).',
  ENOTFOUND: 'no server has this name (check the address, or the network).',
  EAI_AGAIN: 'its name could not be looked up (is this computer offline?).',
  ENETUNREACH: 'this computer has no network route to it (is it offline?).',
  EHOSTUNREACH: 'this computer has no network route to it (is it offline?).',
};

/** What a failed fetch (no answer at all) means for the user, and that it is worth retrying. */
export function unreachable(error: unknown, timeoutMs: number): WpError {
  if (isTimeout(error)) return timedOut(timeoutMs);
  const cause = causeCode(error);
  if (cause && CLOSED_BEFORE_ANSWER.has(cause))
    return new WpError(
      `The site could not be reached (${cause}): it closed the connection before answering.`,
      undefined,
      'network',
      true,
    );
  const why = cause ? NOT_REACHED[cause] : undefined;
  return new WpError(
    `The site could not be reached${cause ? ` (${cause})` : ''}${why ? `: ${why}` : '.'}`,
    undefined,
    'network',
    true,
  );
}

/**
 * A failure while the answer was coming in: the site had begun to answer (a write may have been applied), so it
 * is neither "unreachable" nor repeated here; the outbox tries again later and finds what was applied.
 */
export function cutOff(error: unknown, status: number, timeoutMs: number): WpError {
  if (isTimeout(error)) return timedOut(timeoutMs);
  const cause = causeCode(error);
  return new WpError(
    `The connection to the site was cut while it was answering${cause ? ` (${cause})` : ''}.`,
    status,
    'network',
    true,
  );
}

/** Retry-After (seconds or an HTTP date) in ms from now, when it names a wait. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = /^\s*(\d+)\s*$/.exec(header);
  const ms = seconds ? Number(seconds[1]) * 1000 : Date.parse(header) - now;
  return Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

const waitInWords = (ms: number): string =>
  ms < 90_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 60_000)} min`;

/**
 * An answer that is not WordPress's JSON. A 502/503/504 or 429 of that kind comes from a proxy, a host's error
 * page or WordPress's own maintenance page: the site is there but cannot serve now, which the user should
 * read as such (not as "not a WordPress site"), with the wait it asks for.
 */
export function notWordPress(response: Response, now: number): WpError {
  const { status } = response;
  const wait = retryAfterMs(response.headers.get('retry-after'), now);
  const asks = wait ? `; it asks to wait ${waitInWords(wait)}` : '';
  if (status === 502 || status === 503 || status === 504)
    return new WpError(
      `The site is temporarily unavailable (${status}${asks}).`,
      status,
      'unavailable',
      true,
      {},
      wait,
    );
  if (status === 429)
    return new WpError(
      `The site is receiving too many requests (429${asks}).`,
      status,
      'rate_limited',
      true,
      {},
      wait,
    );
  // A public Wi-Fi's login page answers in place of every address; a wrong address answers with its own page.
  // Both can be mended (log in, correct the address): kept transient, an operation waits with this message.
  if (response.ok)
    return new WpError(
      `The address answered with a web page, not the WordPress REST API: ${ELSEWHERE}`,
      status,
      'not_json',
      true,
    );
  return new WpError(
    `The site answered ${status} without a WordPress message.`,
    status,
    'not_json',
    status >= 500,
  );
}

const ELSEWHERE =
  "on a public Wi-Fi, log in to the network first (open any web page); otherwise check the site's address.";

/**
 * A REST request is never followed to another address: fetch would turn a POST into a GET, drop the password
 * on another origin, and hand back whatever answers there. A permanent redirect of the same route is a site
 * that moved (http to https, a new name): its new address, to correct. Anything else is most often a public
 * Wi-Fi sending every request to its login page.
 */
export function redirected(response: Response, url: URL, base: string): WpError {
  const { status } = response;
  let to: URL | undefined;
  try {
    to = new URL(response.headers.get('location') ?? '', url);
  } catch {
    to = undefined;
  }
  const route = url.href.slice(base.length);
  if (to && (status === 301 || status === 308) && to.href.endsWith(route)) {
    const root = to.href.slice(0, to.href.length - route.length).replace(/\/?(wp-json\/?)?$/, '');
    return new WpError(
      `The site has moved to ${root.slice(0, 200)}: correct its address in the site's settings.`,
      status,
      'moved',
      false,
    );
  }
  const where = to ? `${to.origin}${to.pathname}`.slice(0, 200) : 'another address';
  return new WpError(
    `The request was sent on to ${where} instead of being answered by the site: ${ELSEWHERE}`,
    status,
    'redirected',
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
export async function fetchOnceMore(url: URL, init: RequestInit, timeoutMs: number): Promise<Response> {
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
