import { FIELD_MAX, type BodyDoc, type FeaturedImage, type Language } from '../../shared/domain/article';
import { MEDIA_MAX_BYTES } from '../../shared/domain/media';
import { bodyMediaIds } from '../../shared/editor/bodySchema';
import { splitPhotoCaption } from '../../shared/publishing/photoCredit';
import { htmlToBody } from '../content/bodyHtml';
import type { Db } from '../db/open';
import { withDurability } from '../db/durability';
import type { MediaStore } from '../media/mediaStore';
import { readReviewMeta } from '../review/siteCarriage';
import { withoutMarker, type WpPost } from './mapping';
import { mediaMarker } from './mediaUploader';
import { remoteMediaQueries } from './remoteMediaRows';
import type { WpClient } from './wordpressClient';

interface WpMediaItem {
  id: number;
  source_url: string;
  slug: string;
  alt_text?: string;
  caption?: { raw?: string };
}

/** What a post's images became in this desk's media store. */
export interface BroughtMedia {
  /** Site media id → id in this store, only where the bytes hash differently (WordPress changed the file). */
  renamed: Map<string, string>;
  /** The post's featured image as this desk stores it; undefined when the post has none. */
  featured?: FeaturedImage | undefined;
}

/** What one pull learnt about the site's media: items listed a page at a time, downloads under way or done. */
export interface PullMediaSession {
  items: Map<number, WpMediaItem>;
  downloads: Map<string, Promise<string>>;
}

const newSession = (): PullMediaSession => ({ items: new Map(), downloads: new Map() });

/** The image addresses a post's HTML gives each figure's media id. */
function imageSources(html: string): Map<string, string> {
  const found = new Map<string, string>();
  const figure = /<figure\b[^>]*\bdata-media-id="([^"]+)"[^>]*>[\s\S]*?<img\b[^>]*\bsrc="([^"]+)"/g;
  for (const m of html.matchAll(figure))
    if (m[1] && m[2] && !found.has(m[1])) found.set(m[1], m[2].replace(/&amp;/g, '&'));
  return found;
}

/** The same body with its image nodes pointing at the renamed files. */
export function renameBodyMedia(body: BodyDoc, renamed: ReadonlyMap<string, string>): BodyDoc {
  if (renamed.size === 0) return body;
  const walk = (node: unknown): unknown => {
    if (!node || typeof node !== 'object') return node;
    const n = node as { type?: unknown; attrs?: Record<string, unknown>; content?: unknown };
    const id = n.type === 'image' ? n.attrs?.mediaId : undefined;
    const to = typeof id === 'string' ? renamed.get(id) : undefined;
    return {
      ...n,
      ...(to ? { attrs: { ...n.attrs, mediaId: to } } : {}),
      ...(Array.isArray(n.content) ? { content: n.content.map(walk) } : {}),
    };
  };
  return walk(body) as BodyDoc;
}

/**
 * Brings a pulled post's images (inline and featured) into the media store before the post is stored, so that
 * an article pushed by another desk can be kept and edited here. Each file is downloaded from the site, stored
 * under the hash of its bytes, and remembered as already on this site, so pushing the article back from this
 * desk uploads nothing again. Throws an Error saying which image could not be brought.
 */
export function createMediaDownloader(deps: {
  db: Db;
  media: Pick<MediaStore, 'has' | 'put'>;
  now: () => number;
}) {
  const rows = remoteMediaQueries(deps.db);

  /** Stores a downloaded file and records it as the site's media item; returns its id here. */
  async function fetchInto(
    siteId: string,
    client: WpClient,
    address: string,
    remote: { id: number; source_url: string } | undefined,
  ): Promise<string> {
    const { bytes } = await client.download(address, MEDIA_MAX_BYTES);
    const stored = deps.media.put(bytes, '').mediaId;
    if (remote && !rows.get(siteId, stored))
      // Synced by the page's transaction that follows; lost to a power cut, the file is only downloaded again.
      withDurability(deps.db, 'relaxed', () =>
        rows.put({
          site_id: siteId,
          media_key: stored,
          remote_id: remote.id,
          source_url: remote.source_url,
          // Unknown: the first push from here sends the alt text and caption once, never the file.
          meta_hash: null,
          created_at: deps.now(),
        }),
      );
    return stored;
  }

  /**
   * One download per file and pull: posts brought side by side may share an image (a logo, an agency photo),
   * and a second request for it would only store the same bytes again.
   */
  function fetchOnce(
    session: PullMediaSession,
    siteId: string,
    client: WpClient,
    address: string,
    remote: { id: number; source_url: string } | undefined,
  ): Promise<string> {
    let pending = session.downloads.get(address);
    if (!pending) {
      pending = fetchInto(siteId, client, address, remote);
      // A failed download may succeed for the next post that needs it.
      pending.catch(() => session.downloads.delete(address));
      session.downloads.set(address, pending);
    }
    return pending;
  }

  /**
   * The media items of a page's featured images in one request (context=edit for the raw caption), instead of
   * one request per post. Items the site does not list (deleted, not visible) are asked for one by one later,
   * which says why.
   */
  async function prefetch(session: PullMediaSession, client: WpClient, ids: Iterable<number>) {
    const missing = [...new Set(ids)].filter((id) => id > 0 && !session.items.has(id));
    for (let i = 0; i < missing.length; i += 100) {
      const batch = missing.slice(i, i + 100);
      const found = await client.get<WpMediaItem[]>('wp/v2/media', {
        include: batch.join(','),
        per_page: 100,
        context: 'edit',
        _fields: 'id,source_url,slug,alt_text,caption',
      });
      for (const item of found.body) session.items.set(item.id, item);
    }
  }

  /** The media library item a desk uploaded for this media id (found by the marker in its file name). */
  async function itemFor(siteId: string, client: WpClient, mediaId: string) {
    const known = rows.get(siteId, mediaId);
    if (known) return { id: known.remote_id, source_url: known.source_url };
    const key = mediaMarker(mediaId);
    // Only what is read: WordPress then skips building the rest of each item (sizes, links, author).
    const found = await client.get<WpMediaItem[]>('wp/v2/media', {
      search: key,
      per_page: 5,
      _fields: 'id,source_url,slug',
    });
    return found.body.find((m) => m.slug.startsWith(key.toLowerCase()));
  }

  async function inline(
    session: PullMediaSession,
    siteId: string,
    client: WpClient,
    mediaId: string,
    src: string | undefined,
  ) {
    const item = await itemFor(siteId, client, mediaId);
    const address = item?.source_url ?? src;
    if (!address)
      throw new Error(`the image ${mediaId} is neither in this desk's media store nor on the site`);
    return fetchOnce(session, siteId, client, address, item);
  }

  async function featured(
    session: PullMediaSession,
    siteId: string,
    client: WpClient,
    remoteId: number,
    language: Language,
  ) {
    const item =
      session.items.get(remoteId) ??
      (await client.get<WpMediaItem>(`wp/v2/media/${remoteId}`, { context: 'edit' })).body;
    // A file this desk already holds for that media item is not downloaded again.
    const held = rows.byRemote(siteId, remoteId);
    const mediaId =
      held && deps.media.has(held.media_key)
        ? held.media_key
        : await fetchOnce(session, siteId, client, item.source_url, item);
    const { caption, credit } = splitPhotoCaption(item.caption?.raw ?? '', language);
    return {
      mediaId,
      caption: caption.slice(0, FIELD_MAX.caption),
      credit: credit.slice(0, 300),
      alt: (item.alt_text ?? '').slice(0, 1000),
    };
  }

  async function bring(
    siteId: string,
    client: WpClient,
    post: WpPost,
    language: Language,
    session: PullMediaSession = newSession(),
  ): Promise<BroughtMedia> {
    const html = withoutMarker(post.content.raw);
    const read = readReviewMeta(post);
    const ids = new Set(bodyMediaIds(htmlToBody(html)));
    if (read.kind === 'meta') for (const id of bodyMediaIds(read.meta.body)) ids.add(id);
    const sources = imageSources(html);
    const renamed = new Map<string, string>();
    for (const id of ids) {
      if (deps.media.has(id)) continue;
      try {
        const stored = await inline(session, siteId, client, id, sources.get(id));
        if (stored !== id) renamed.set(id, stored);
      } catch (error) {
        throw new Error(`its image ${id} could not be brought from the site (${(error as Error).message})`);
      }
    }
    let image: FeaturedImage | undefined;
    if (post.featured_media > 0)
      try {
        image = await featured(session, siteId, client, post.featured_media, language);
      } catch (error) {
        throw new Error(
          `its featured image could not be brought from the site (${(error as Error).message})`,
        );
      }
    return { renamed, featured: image };
  }

  return { bring, prefetch, session: newSession };
}

export type MediaDownloader = ReturnType<typeof createMediaDownloader>;
