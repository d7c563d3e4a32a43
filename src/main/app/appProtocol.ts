import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { HEADER_ONLY_CSP, RENDERER_CSP } from '../../shared/security/csp';
import { resolveStaticFile } from '../host/staticFiles';
import { APP_HOST, APP_SCHEME } from './appOrigin';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
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
