import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import type { MediaStore } from '../media/mediaStore';
import { resolveStaticFile } from '../host/staticFiles';

/** The renderer is served from redac://app/ rather than file://, so that it has a real origin and no file access. */
export const APP_SCHEME = 'redac';
export const APP_ORIGIN = `${APP_SCHEME}://app`;

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** The built renderer, and the media store's images under /media/ (same origin: the CSP's img-src 'self'). */
export function serveRenderer(rendererDir: string, media: MediaStore): void {
  protocol.handle(APP_SCHEME, (request) => {
    const url = new URL(request.url);
    if (url.host === 'app' && url.pathname.startsWith('/media/')) {
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
      url.host === 'app'
        ? (resolveStaticFile(rendererDir, url.pathname) ?? resolveStaticFile(rendererDir, '/index.html'))
        : undefined;
    if (!file) return new Response('Not found', { status: 404 });
    return net.fetch(pathToFileURL(file).toString());
  });
}
