import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eventNames, type ChannelName } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import { HEADER_ONLY_CSP, RENDERER_CSP } from '../../shared/security/csp';
import type { Core } from '../core/startCore';
import { registerHandlers, type Logger, type TransportAdapter } from '../ipc/dispatch';
import { TOKEN_COOKIE, createHostGuard, newToken, sameToken } from './hostAuth';
import { serveStatic } from './staticFiles';

export interface HostOptions {
  core: Core;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
  log?: Logger;
}

export interface RunningHost {
  url: string;
  /** The address to open: it carries this run's token once, then the browser keeps it as a cookie. */
  openUrl: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 32 * 1024 * 1024;

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': `${RENDERER_CSP}; ${HEADER_ONLY_CSP}`,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * The second transport: serves the built renderer and the same IPC handlers over HTTP on 127.0.0.1, for
 * browsers (tests, machines without Electron). POST /ipc/<channel> carries a call, GET /events streams events.
 */
export function startHost(options: HostOptions): Promise<RunningHost> {
  const log = options.log ?? console;
  const token = options.token ?? newToken();
  let port = options.port ?? 0;
  const guard = createHostGuard({ token, allowedHosts: () => [`127.0.0.1:${port}`, `localhost:${port}`] });
  const calls = new Map<ChannelName, (req: IncomingMessage, input: unknown) => Promise<Result<unknown>>>();
  const adapter: TransportAdapter<IncomingMessage> = {
    name: 'host',
    rejectSender: (req) => guard.check(req)?.reason,
    handle: (channel, run) => calls.set(channel, run),
  };
  registerHandlers(adapter, options.core.handlers, log);

  const streams = new Set<ServerResponse>();
  const unsubscribe = options.core.bus.subscribe((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const res of streams) res.write(frame);
  });

  async function handleIpc(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    if (req.method !== 'POST') return sendText(res, 405, 'Use POST.');
    // A page from elsewhere cannot read the cookie, but could still send it along: refuse foreign origins.
    const origin = req.headers.origin;
    if (origin && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
      return sendJson(res, 403, { ok: false, error: { code: 'forbidden', message: 'Foreign origin.' } });
    }
    const run = calls.get(channel as ChannelName);
    if (!run) {
      return sendJson(res, 404, {
        ok: false,
        error: { code: 'unknown_channel', message: `There is no channel named "${channel}".` },
      });
    }
    let input: unknown;
    try {
      const text = await readBody(req);
      input = text === '' ? undefined : JSON.parse(text);
    } catch {
      return sendJson(res, 400, {
        ok: false,
        error: { code: 'invalid_input', message: 'The request body is not valid JSON.' },
      });
    }
    sendJson(res, 200, await run(req, input));
  }

  /** A stored image, by its content-addressed id: same origin, so the CSP's img-src 'self' lets it in. */
  function handleMedia(req: IncomingMessage, res: ServerResponse, mediaId: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed.');
    const found = options.core.services.media.resolve(mediaId);
    if (!found) return sendText(res, 404, 'No such image.');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': found.type,
      'content-length': String(found.size),
      // The id is the content's hash: it never changes.
      'cache-control': 'private, max-age=31536000, immutable',
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(found.file).pipe(res);
  }

  function handleEvents(res: ServerResponse): void {
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write(`: redac events (${eventNames.join(', ')})\n\n`);
    streams.add(res);
    res.on('close', () => streams.delete(res));
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://host.invalid');
    const peer = guard.checkPeer(req);
    if (peer) return sendText(res, peer.status, `Refused: ${peer.reason}.`);

    // The printed address carries the token once; trade it for a cookie scripts cannot read, and drop it from the URL.
    const offered = url.searchParams.get('token');
    if (offered !== null && req.method === 'GET') {
      if (!sameToken(offered, token))
        return sendText(
          res,
          401,
          'This address holds an old or wrong key. Open the address Redac printed when it started.',
        );
      url.searchParams.delete('token');
      res.writeHead(303, {
        ...SECURITY_HEADERS,
        'set-cookie': `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        location: url.pathname + url.search,
      });
      res.end();
      return;
    }
    const refused = guard.checkToken(req);
    if (refused)
      return sendText(
        res,
        refused.status,
        'Open the address Redac printed when it started: it carries the key for this run.',
      );

    if (url.pathname.startsWith('/ipc/')) {
      handleIpc(req, res, url.pathname.slice('/ipc/'.length)).catch((error: unknown) => {
        log.error('[host] request failed', error);
        if (!res.headersSent)
          sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'Internal error.' } });
      });
      return;
    }
    if (url.pathname === '/events') return handleEvents(res);
    if (url.pathname.startsWith('/media/'))
      return handleMedia(req, res, url.pathname.slice('/media/'.length));
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed.');
    serveStatic(options.rendererDir, url.pathname, res, SECURITY_HEADERS);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      const url = `http://127.0.0.1:${port}/`;
      resolve({
        url,
        openUrl: `${url}?token=${token}`,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            unsubscribe();
            for (const res of streams) res.end();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
