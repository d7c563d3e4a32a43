import { app, session, shell, type WebContents } from 'electron';
import { HEADER_ONLY_CSP, RENDERER_CSP } from '../../shared/security/csp';
import { isAllowedExternalUrl } from '../../shared/security/externalUrl';

/** The one way a link leaves the app: https and mailto only, handed to the operating system. */
export function openExternalSafely(url: string): void {
  if (isAllowedExternalUrl(url)) void shell.openExternal(url);
  else console.warn(`[security] refused to open ${url.slice(0, 200)}`);
}

/**
 * The Electron security checklist, applied to every web contents the app ever creates: no navigation away,
 * no new windows (links go to the system browser through the allowlist), no webviews, no permissions, and the
 * CSP as a header as well as the meta tag.
 */
export function applySecurityPolicy(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [`${RENDERER_CSP}; ${HEADER_ONLY_CSP}`],
      },
    });
  });

  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      openExternalSafely(url);
      return { action: 'deny' };
    });
  });
}
