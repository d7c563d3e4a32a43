import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'redac_token';
export const TOKEN_HEADER = 'x-redac-token';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

function readCookie(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function sameToken(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export type Refusal = { status: 401 | 403; reason: string };

/**
 * Who may talk to the host: a loopback peer, addressing us by our own loopback name (a foreign Host header is
 * how DNS rebinding reaches loopback servers), holding this run's token (as the cookie set from the printed
 * URL, or a header). Returns why a request is refused, or undefined.
 */
export function createHostGuard(options: { token: string; allowedHosts: () => readonly string[] }) {
  return {
    checkPeer(req: IncomingMessage): Refusal | undefined {
      if (!isLoopbackAddress(req.socket.remoteAddress)) return { status: 403, reason: 'not a loopback peer' };
      const host = req.headers.host?.toLowerCase();
      if (!host || !options.allowedHosts().includes(host))
        return { status: 403, reason: `foreign Host header "${host ?? ''}"` };
      return undefined;
    },
    checkToken(req: IncomingMessage): Refusal | undefined {
      const header = req.headers[TOKEN_HEADER];
      const given = (typeof header === 'string' ? header : undefined) ?? readCookie(req, TOKEN_COOKIE);
      return sameToken(given, options.token) ? undefined : { status: 401, reason: 'missing or wrong token' };
    },
    check(req: IncomingMessage): Refusal | undefined {
      return this.checkPeer(req) ?? this.checkToken(req);
    },
  };
}

export type HostGuard = ReturnType<typeof createHostGuard>;
