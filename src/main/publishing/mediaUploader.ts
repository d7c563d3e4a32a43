import { createHash } from 'node:crypto';
import type { MediaSource } from './mediaSource';
import { remoteMediaQueries } from './remoteMediaRows';
import type { Db } from '../db/open';
import { withDurability } from '../db/durability';
import { WpError, type WpClient } from './wordpressClient';

/** What the site's media library should say about a file: its alt text and caption (credit included). */
export interface MediaMeta {
  alt: string;
  caption: string;
}

export interface UploadedMedia {
  id: number;
  url: string;
}

interface WpMedia {
  id: number;
  source_url: string;
  slug: string;
}

/** The marker a file carries in its name on the site (WordPress makes the title and slug from it). */
export const mediaMarker = (mediaId: string): string =>
  `redac-${mediaId.replace(/[^A-Za-z0-9]/g, '').slice(0, 40)}`;

const metaHash = (meta: MediaMeta): string =>
  createHash('sha256')
    .update(JSON.stringify([meta.alt, meta.caption]))
    .digest('hex');

/**
 * Uploads files of the media store to a site's media library, once per file and site. An upload whose answer
 * was lost is found again by the marker in its file name instead of being uploaded twice; a changed alt text or
 * caption is sent again without the file. What the site holds is remembered in remote_media.
 */
export function createMediaUploader(deps: {
  db: Db;
  media: MediaSource;
  client: (siteId: string) => Promise<WpClient>;
  now: () => number;
}) {
  const rows = remoteMediaQueries(deps.db);

  /** Throws a permanent WpError when the file is not in the media store (it cannot be sent). */
  async function ensure(siteId: string, mediaId: string, meta: MediaMeta): Promise<UploadedMedia> {
    const hash = metaHash(meta);
    const known = rows.get(siteId, mediaId);
    if (known && known.meta_hash === hash) return { id: known.remote_id, url: known.source_url };
    const client = await deps.client(siteId);
    let media: WpMedia | undefined = known
      ? { id: known.remote_id, source_url: known.source_url, slug: '' }
      : undefined;
    if (!media) {
      const file = deps.media.read(mediaId);
      if (!file)
        throw new WpError(
          `The image ${mediaId} is not in this computer's media store, so it cannot be sent. Put the image in the article again.`,
          undefined,
          'media_missing',
          false,
        );
      const key = mediaMarker(mediaId);
      const previous = await client.get<WpMedia[]>('wp/v2/media', { search: key, per_page: 5 });
      media = previous.body.find((m) => m.slug.startsWith(key.toLowerCase()));
      if (!media) {
        const filename = `${key}-${file.filename.replace(/[^A-Za-z0-9._-]/g, '_')}`;
        media = (
          await client.request<WpMedia>('POST', 'wp/v2/media', {
            bytes: {
              data: file.bytes,
              headers: {
                'content-type': file.mime,
                'content-disposition': `attachment; filename="${filename}"`,
              },
            },
          })
        ).body;
      }
    }
    try {
      await client.post(`wp/v2/media/${media.id}`, { alt_text: meta.alt, caption: meta.caption });
    } catch (error) {
      // Deleted from the site's library since: upload it again rather than point at nothing.
      if (known && error instanceof WpError && (error.status === 404 || error.status === 410)) {
        rows.forget(siteId, mediaId);
        return ensure(siteId, mediaId, meta);
      }
      throw error;
    }
    // Synced with the outbox row's end (off the main thread); lost to a power cut, found again by its marker.
    withDurability(deps.db, 'relaxed', () =>
      rows.put({
        site_id: siteId,
        media_key: mediaId,
        remote_id: media.id,
        source_url: media.source_url,
        meta_hash: hash,
        created_at: known?.created_at ?? deps.now(),
      }),
    );
    return { id: media.id, url: media.source_url };
  }

  return { ensure, known: (siteId: string, mediaId: string) => rows.get(siteId, mediaId) };
}

export type MediaUploader = ReturnType<typeof createMediaUploader>;
