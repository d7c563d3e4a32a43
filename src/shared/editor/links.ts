/** The only link targets a body may hold: web pages and e-mail addresses. */
export const LINK_PROTOCOLS = ['http', 'https', 'mailto'] as const;

/**
 * Whether an href may be stored in a body: an absolute http(s) URL with a host, or a mailto: with an address.
 * javascript:, data:, file:, relative and protocol-relative links are refused. Used by the editor (link
 * dialog, paste, parsing) and by main before anything is stored.
 */
export function isAllowedLinkHref(href: unknown): href is string {
  if (typeof href !== 'string' || href.length === 0 || href.length > 2048) return false;
  // Control characters and spaces are how "java\tscript:" style tricks slip past naive checks.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (/[\u0000-\u0020\u007f-\u009f]/.test(href)) return false;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  if (url.protocol === 'mailto:') return /^[^@\s]+@[^@\s]+$/.test(decodeSafely(url.pathname));
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  return url.hostname !== '' && href.toLowerCase().startsWith(url.protocol);
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * What a writer typed in the link dialog, made into an href: "lemonde.fr/x" gets https://, an address gets
 * mailto:. Returns undefined when the result is still not an allowed link.
 */
export function normalizeLinkInput(raw: string): string | undefined {
  const text = raw.trim();
  if (!text) return undefined;
  let href = text;
  if (/^[^@\s/:]+@[^@\s/]+\.[^@\s/]+$/.test(text)) href = `mailto:${text}`;
  else if (!/^[a-z][a-z0-9+.-]*:/i.test(text)) href = `https://${text.replace(/^\/\//, '')}`;
  return isAllowedLinkHref(href) ? href : undefined;
}
