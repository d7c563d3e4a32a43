import { request as httpRequest } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../../src/main/core/startCore';
import { startHost, type RunningHost } from '../../../src/main/host/hostServer';
import { imageFixture } from '../../support/images';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();
const quiet = { error: () => {}, warn: () => {}, info: () => {} };
let running: { host: RunningHost; core: Core } | undefined;

afterEach(async () => {
  await running?.host.close();
  running?.core.close();
  running = undefined;
});

async function start(): Promise<RunningHost> {
  const rendererDir = tempDir();
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Redac</title>');
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  const core = startCore({ dataDir: tempDir(), transport: 'host', version: 'test' });
  const host = await startHost({ core, rendererDir, log: quiet });
  running = { host, core };
  return host;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** node:http rather than fetch, which cannot set a Host header. */
function send(
  host: RunningHost,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: host.port,
        path,
        method: options.method ?? 'GET',
        headers: { host: `127.0.0.1:${host.port}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const ipc = (host: RunningHost, channel: string, body: string, headers: Record<string, string> = {}) =>
  send(host, `/ipc/${channel}`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', 'x-redac-token': host.token, ...headers },
  });

describe('the web host', () => {
  it('listens on 127.0.0.1 only', async () => {
    const host = await start();
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('answers 401 without the token, for pages and calls alike', async () => {
    const host = await start();
    expect((await send(host, '/')).status).toBe(401);
    expect((await send(host, '/ipc/articles:list', { method: 'POST', body: '{}' })).status).toBe(401);
    expect((await send(host, '/', { headers: { 'x-redac-token': 'guess' } })).status).toBe(401);
    expect((await send(host, `/?token=wrong${host.token}`)).status).toBe(401);
  });

  it('refuses a foreign Host header even with the token (DNS rebinding)', async () => {
    const host = await start();
    const answer = await send(host, '/', {
      headers: { host: `evil.example:${host.port}`, 'x-redac-token': host.token },
    });
    expect(answer.status).toBe(403);
    const call = await ipc(host, 'articles:list', '{}', { host: 'evil.example' });
    expect(call.status).toBe(403);
  });

  it('trades the printed token for an HttpOnly cookie and drops it from the address', async () => {
    const host = await start();
    const answer = await send(host, `/?token=${host.token}`);
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe('/');
    const cookie = String(answer.headers['set-cookie']);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const page = await send(host, '/', { headers: { cookie: cookie.split(';')[0] ?? '' } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.body).toContain('<title>Redac</title>');
  });

  it('runs contract calls and returns typed errors for bad ones', async () => {
    const host = await start();
    const created = JSON.parse((await ipc(host, 'articles:create', '{"language":"ar"}')).body) as {
      ok: boolean;
      value: { language: string };
    };
    expect(created).toMatchObject({ ok: true, value: { language: 'ar' } });
    expect(JSON.parse((await ipc(host, 'articles:list', '{"limit":0}')).body)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    const malformed = await ipc(host, 'articles:list', '{"limit":');
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const unknown = await ipc(host, 'articles:nuke', '{}');
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('refuses calls from a page of another origin', async () => {
    const host = await start();
    const answer = await ipc(host, 'articles:create', '{}', { origin: 'https://attacker.example' });
    expect(answer.status).toBe(403);
    expect(JSON.parse((await ipc(host, 'articles:list', '{}')).body)).toEqual({ ok: true, value: [] });
  });

  it('never serves a file outside the renderer folder', async () => {
    const host = await start();
    for (const path of [
      '/../../../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/assets/..%2f..%2f..%2fetc%2fpasswd',
    ]) {
      const answer = await send(host, path, { headers: { 'x-redac-token': host.token } });
      expect(answer.body, path).not.toContain('root:');
    }
  });

  it('serves stored images under /media/ to the token holder only, with their type and the CSP', async () => {
    const host = await start();
    const png = imageFixture('red.png');
    const { mediaId } = running!.core.services.media.put(png, 'image/png');
    const token = { 'x-redac-token': host.token };
    const answer = await send(host, `/media/${mediaId}`, { headers: token });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('image/png');
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['content-security-policy']).toContain("img-src 'self'");
    expect(Number(answer.headers['content-length'])).toBe(png.length);
    expect((await send(host, `/media/${mediaId}`)).status).toBe(401);
    for (const path of ['/media/%2e%2e%2fredac.sqlite3', `/media/${'0'.repeat(64)}.png`, '/media/x'])
      expect((await send(host, path, { headers: token })).status, path).toBe(404);
    // A dot-dot path is resolved by the URL parser before routing: it lands on the app page, never the store.
    const escaped = await send(host, '/media/../redac.sqlite3', { headers: token });
    expect(escaped.body).not.toContain('SQLite format');
  });

  it('streams change events to the page', async () => {
    const host = await start();
    // The server registers the stream before it answers with headers: created after that, the change is sent
    // to it (a 50 ms pause could lose that race on a loaded machine: timers run before pending sockets).
    let subscribed!: () => void;
    const streaming = new Promise<void>((resolve) => (subscribed = resolve));
    const received = new Promise<string>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: host.port,
          path: '/events',
          headers: { host: `127.0.0.1:${host.port}`, 'x-redac-token': host.token },
        },
        (res) => {
          subscribed();
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            text += chunk;
            if (text.includes('event: articles:changed')) {
              resolve(text);
              req.destroy();
            }
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
    await streaming;
    await ipc(host, 'articles:create', '{}');
    expect(await received).toMatch(/event: articles:changed\ndata: \{"id":"[0-9a-f-]{36}","revision":1\}/);
  });
});
