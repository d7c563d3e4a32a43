/**
 * The renderer's Content Security Policy, one definition for every place that states it: the index.html
 * meta tag (injected at build), the web host's response header and the Electron session's header.
 * No inline script or style, no eval, no remote origin: the renderer talks only to its own origin.
 */
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self' blob:",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Only meaningful as a header (browsers ignore it in a meta tag). */
export const HEADER_ONLY_CSP = "frame-ancestors 'none'";

/**
 * The preview frame's own policy (a sandboxed srcdoc document, which also inherits the renderer's). It runs no
 * script at all, and loads images only from the app's own origin, where /media/ serves the media store: no
 * remote image (a tracking pixel would tell a third party the article exists before it is out), no data: or
 * blob: image, nothing the preview's generator did not point at the store.
 */
export const PREVIEW_CSP = [
  "default-src 'none'",
  "script-src 'none'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
