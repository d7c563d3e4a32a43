import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback HTTP proxy in front of the real WordPress that misbehaves on demand, the way networks and sites do:
 * answers 500 without forwarding, resets the connection, holds the answer past the client's timeout (the site
 * has applied the write by then), forwards and then drops the answer (write applied, response lost), or holds
 * the request itself past the client's timeout and only then hands it to the site (a write still in transit
 * when the client gives up, applied later: the client's retry races it).
 */
export type Fault = 'pass' | 'error500' | 'reset' | 'slow' | 'dropAfterApply' | 'delayThenApply';

export interface FaultProxy {
  url: string;
  /** Every request seen, with the fault applied to it. */
  log: { method: string; path: string; fault: Fault }[];
  close(): Promise<void>;
}

export function startFaultProxy(
  target: string,
  choose: (req: { method: string; path: string; n: number }) => Fault,
  slowMs = 3000,
): Promise<FaultProxy> {
  const upstream = new URL(target);
  const log: FaultProxy['log'] = [];
  const sockets = new Set<import('node:net').Socket>();

  function forward(
    req: IncomingMessage,
    body: Buffer,
    done: (res: IncomingMessage, data: Buffer) => void,
  ): void {
    const out = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host },
        // A connection per request: Apache closes an idle kept-alive connection after 5 s, and a request sent
        // on it just then failed with "socket hang up" (a fault the test did not ask for).
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(res, Buffer.concat(chunks)));
      },
    );
    // The site itself failing: the client sees the connection dropped, and the test its own assertions fail.
    out.on('error', () => req.socket.destroy());
    out.end(body);
  }

  const reply = (res: ServerResponse, up: IncomingMessage, data: Buffer): void => {
    if (res.destroyed) return;
    const headers = { ...up.headers };
    delete headers['transfer-encoding'];
    headers['content-length'] = String(data.length);
    res.writeHead(up.statusCode ?? 502, headers);
    res.end(data);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const fault = choose({ method: req.method ?? 'GET', path: req.url ?? '/', n: log.length });
      log.push({ method: req.method ?? 'GET', path: req.url ?? '/', fault });
      switch (fault) {
        case 'error500':
          res.writeHead(500, { 'content-type': 'text/html' });
          res.end('<h1>Internal Server Error</h1>');
          return;
        case 'reset':
          req.socket.destroy();
          return;
        case 'slow':
          forward(req, body, (up, data) => setTimeout(() => reply(res, up, data), slowMs));
          return;
        case 'dropAfterApply':
          forward(req, body, () => req.socket.destroy());
          return;
        case 'delayThenApply':
          setTimeout(() => forward(req, body, (up, data) => reply(res, up, data)), slowMs);
          return;
        default:
          forward(req, body, (up, data) => reply(res, up, data));
      }
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        log,
        close: () =>
          new Promise((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
