import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
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

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => {
    const url = new URL(request.url);
    const file =
      url.host === 'app'
        ? (resolveStaticFile(rendererDir, url.pathname) ?? resolveStaticFile(rendererDir, '/index.html'))
        : undefined;
    if (!file) return new Response('Not found', { status: 404 });
    return net.fetch(pathToFileURL(file).toString());
  });
}
