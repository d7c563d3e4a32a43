/**
 * Where the renderer lives under Electron: redac://app/ rather than file://, so that it has an origin of its own
 * and no file access. No electron import here, so the check below is tested under Node.
 */
export const APP_SCHEME = 'redac';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Whether a frame shows our renderer. Not URL.origin: Node gives custom schemes an opaque "null" origin. */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}
