import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { HEADER_ONLY_CSP, RENDERER_CSP } from '../../shared/security/csp';
import type { MediaStore } from '../media/mediaStore';
import { resolveStaticFile } from '../host/staticFiles';
import { APP_HOST, APP_SCHEME } from './appOrigin';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** The built renderer, and the media store's images under /media/ (same origin: the CSP's img-src 'self'). */
export function serveRenderer(rendererDir: string, media: MediaStore): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host === APP_HOST && url.pathname.startsWith('/media/')) {
      const found = media.resolve(url.pathname.slice('/media/'.length));
      if (!found) return new Response('Not found', { status: 404 });
      return net.fetch(pathToFileURL(found.file).toString()).then(
        (response) =>
          new Response(response.body, {
            status: 200,
            headers: { 'content-type': found.type, 'x-content-type-options': 'nosniff' },
          }),
      );
    }
    const file =
      url.host === APP_HOST
        ? (resolveStaticFile(rendererDir, url.pathname) ?? resolveStaticFile(rendererDir, '/index.html'))
        : undefined;
    if (!file) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    // The CSP as a header too (webRequest hooks do not see custom protocols), and no MIME sniffing.
    const headers = new Headers(response.headers);
    headers.set('content-security-policy', `${RENDERER_CSP}; ${HEADER_ONLY_CSP}`);
    headers.set('x-content-type-options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
