import { connect, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';
import { wordpressSite } from './wordpress';

/**
 * A loopback TCP relay in front of the real WordPress that cuts connections the way a server closing a kept-alive
 * connection does: the bytes of a request are read, then the connection is closed with no answer byte. It works
 * below HTTP, so keep-alive, pooling and reuse are the client's and the site's own.
 *
 * The Host header is rewritten to the site's (in the request's first chunk, where clients put the head).
 * Requests are counted by turn-taking (HTTP/1.1 without pipelining): client bytes after the site's answer began
 * start a new request on that connection.
 *
 * - `pass`: relayed both ways.
 * - `drop`: the request never reaches the site; the connection is closed (FIN) as soon as its bytes arrive.
 * - `reset`: the same with a TCP reset (ECONNRESET on the client).
 * - `dropAfterApply`: the whole request goes to the site; when the site's answer begins, both sides are closed
 *   before a byte of it reaches the client (the write was applied, its answer lost).
 * - `cutAnswer`: the request goes to the site; its answer's head and half of its first body bytes reach the
 *   client, then the connection is closed.
 * - `proxy503`: a reverse proxy whose backend is down: a 503 HTML page with Retry-After: 30, nothing forwarded.
 * - `portalRedirect`, `portalPage`: a public Wi-Fi that wants a login first: a 302 to /hotspot/login, and its
 *   login page (200, HTML) in place of any answer. Nothing forwarded.
 * - `moved`: a site moved to another address: a 301 to the same path and query on the real site.
 */
export type RelayFault =
  | 'pass'
  | 'drop'
  | 'reset'
  | 'dropAfterApply'
  | 'cutAnswer'
  | 'proxy503'
  | 'portalRedirect'
  | 'portalPage'
  | 'moved';

const PORTAL_PAGE =
  '<!DOCTYPE html><html><head><title>Hotel Wi-Fi</title></head><body><form action="/hotspot/login" ' +
  'method="post"><label>Room number <input name="room"></label><button>Connect</button></form></body></html>';

const PROXY_503_PAGE =
  '<html><head><title>503 Service Temporarily Unavailable</title></head><body><center><h1>503 Service ' +
  'Temporarily Unavailable</h1></center><hr><center>nginx</center></body></html>';

export interface RelayRequest {
  /** 1-based, over the relay's life. */
  connection: number;
  /** 1-based, on this connection. */
  request: number;
  /** The request line, e.g. "GET /wp-json/wp/v2/users/me?context=edit HTTP/1.1". */
  line: string;
}

export interface ConnectionRelay {
  url: string;
  log: (RelayRequest & { fault: RelayFault })[];
  connections: () => number;
  /** Connections the client or the relay has closed, in order. */
  closed: number[];
  close(): Promise<void>;
}

export function startConnectionRelay(
  target: string,
  choose: (req: RelayRequest) => RelayFault,
): Promise<ConnectionRelay> {
  const upstream = new URL(target);
  const log: ConnectionRelay['log'] = [];
  const closed: number[] = [];
  const sockets = new Set<Socket>();
  let connections = 0;

  const server = createServer((client) => {
    const connection = ++connections;
    let requests = 0;
    // True from the first byte of a request until the site's answer begins.
    let inRequest = false;
    let fault: RelayFault = 'pass';
    const site = connect(Number(upstream.port || 80), upstream.hostname);
    for (const s of [client, site]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    const closeBoth = (): void => {
      client.destroy();
      site.destroy();
    };
    client.on('data', (chunk: Buffer) => {
      if (!inRequest) {
        inRequest = true;
        requests++;
        const line = chunk.toString('latin1').split('\r\n', 1)[0] ?? '';
        fault = choose({ connection, request: requests, line });
        log.push({ connection, request: requests, line, fault });
        if (fault === 'drop') return closeBoth();
        if (fault === 'reset') {
          client.resetAndDestroy();
          site.destroy();
          return;
        }
        if (fault === 'portalRedirect' || fault === 'portalPage') {
          client.end(
            (fault === 'portalPage'
              ? 'HTTP/1.1 200 OK\r\n'
              : 'HTTP/1.1 302 Found\r\nLocation: /hotspot/login?continue=1\r\n') +
              `Content-Type: text/html\r\nContent-Length: ${PORTAL_PAGE.length}\r\nConnection: close\r\n\r\n` +
              PORTAL_PAGE,
          );
          site.destroy();
          return;
        }
        if (fault === 'moved') {
          const path = line.split(' ')[1] ?? '/';
          client.end(
            `HTTP/1.1 301 Moved Permanently\r\nLocation: ${upstream.origin}${path}\r\n` +
              'Content-Length: 0\r\nConnection: close\r\n\r\n',
          );
          site.destroy();
          return;
        }
        if (fault === 'proxy503') {
          client.end(
            'HTTP/1.1 503 Service Temporarily Unavailable\r\nContent-Type: text/html\r\nRetry-After: 30\r\n' +
              `Content-Length: ${PROXY_503_PAGE.length}\r\nConnection: close\r\n\r\n${PROXY_503_PAGE}`,
          );
          site.destroy();
          return;
        }
        // The site answers only to its own host name (Debian's per-host config), as behind a real proxy.
        chunk = Buffer.from(
          chunk.toString('latin1').replace(/\r\nhost:[^\r]*\r\n/i, `\r\nhost: ${upstream.host}\r\n`),
          'latin1',
        );
      }
      site.write(chunk);
    });
    let answer = Buffer.alloc(0);
    site.on('data', (chunk: Buffer) => {
      inRequest = false;
      if (fault === 'dropAfterApply') return closeBoth();
      if (fault === 'cutAnswer') {
        if (client.writableEnded || client.destroyed) return;
        answer = Buffer.concat([answer, chunk]);
        const head = answer.indexOf('\r\n\r\n') + 4;
        if (head < 4 || answer.length <= head) return;
        client.end(answer.subarray(0, head + Math.ceil((answer.length - head) / 2)), closeBoth);
        return;
      }
      client.write(chunk);
    });
    client.on('end', () => site.end());
    site.on('end', () => client.end());
    client.on('close', () => {
      closed.push(connection);
      site.destroy();
    });
    site.on('close', () => client.destroy());
  });

  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        log,
        connections: () => connections,
        closed,
        close: () =>
          new Promise((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

/**
 * For a vitest file: `relayed(choose)` starts a relay in front of the test site, closed after the test that
 * started it.
 */
export function useConnectionRelay(): (
  choose: (req: RelayRequest) => RelayFault,
) => Promise<ConnectionRelay> {
  let relay: ConnectionRelay | undefined;
  afterEach(async () => {
    await relay?.close();
    relay = undefined;
  });
  return async (choose) => {
    relay = await startConnectionRelay(wordpressSite().url, choose);
    return relay;
  };
}
