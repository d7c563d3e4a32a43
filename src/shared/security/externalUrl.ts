const ALLOWED_EXTERNAL_PROTOCOLS = new Set(['https:', 'mailto:']);

/** Whether a link may be handed to the operating system: https and mailto only, never file:, javascript: or custom schemes. */
export function isAllowedExternalUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return (
      ALLOWED_EXTERNAL_PROTOCOLS.has(url.protocol) && (url.protocol === 'mailto:' || url.hostname !== '')
    );
  } catch {
    return false;
  }
}
