/** Social and video posts a body may embed. Stored as provider + URL; the site turns them into players. */
export const EMBED_PROVIDERS = ['youtube', 'x', 'instagram', 'facebook'] as const;
export type EmbedProvider = (typeof EMBED_PROVIDERS)[number];

export const EMBED_PROVIDER_NAMES: Record<EmbedProvider, string> = {
  youtube: 'YouTube',
  x: 'X',
  instagram: 'Instagram',
  facebook: 'Facebook',
};

const HOSTS: Record<EmbedProvider, readonly string[]> = {
  youtube: ['youtube.com', 'www.youtube.com', 'm.youtube.com', 'youtu.be', 'www.youtube-nocookie.com'],
  x: ['x.com', 'www.x.com', 'twitter.com', 'www.twitter.com', 'mobile.twitter.com'],
  instagram: ['instagram.com', 'www.instagram.com'],
  facebook: ['facebook.com', 'www.facebook.com', 'm.facebook.com', 'fb.watch'],
};

/** The provider of an https URL from one of the supported sites, or undefined. */
export function embedProviderOf(raw: unknown): EmbedProvider | undefined {
  if (typeof raw !== 'string' || raw.length > 2048) return undefined;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return undefined;
  const host = url.hostname.toLowerCase();
  const provider = EMBED_PROVIDERS.find((p) => HOSTS[p].includes(host));
  if (!provider) return undefined;
  // A bare home page is not a post.
  return url.pathname.length > 1 ? provider : undefined;
}
