import { markerOf, type WpPost } from './mapping';
import { mediaMarker } from './mediaUploader';
import { WpError, type WpClient } from './wordpressClient';

const LIVE_STATUSES = 'draft,pending,future,publish,private';

/** Every post on the site (trash aside) that carries this article's marker, oldest first. */
export async function postsWithMarker(client: WpClient, articleId: string): Promise<WpPost[]> {
  const marker = markerOf(articleId);
  const found = await client.get<WpPost[]>('wp/v2/posts', {
    search: marker,
    status: LIVE_STATUSES,
    context: 'edit',
    per_page: 20,
  });
  return found.body.filter((p) => p.content.raw.includes(marker)).sort((a, b) => a.id - b.id);
}

export interface SweepResult {
  /** The post kept for the article: `keepId` when given and found, else the oldest. */
  kept: WpPost | undefined;
  trashed: number[];
  /** For the outbox item's log, when something was trashed. */
  notice: string | undefined;
}

/**
 * WordPress has no idempotency key, so a create delayed in transit (sent, timed out on our side, applied by the
 * site later) can land next to the one a retry made. Each create carries the article's marker; this finds
 * every post with it, keeps one and moves the others to the trash (recoverable there, never deleted).
 */
export async function sweepDuplicates(
  client: WpClient,
  articleId: string,
  keepId?: number,
): Promise<SweepResult> {
  const posts = await postsWithMarker(client, articleId);
  const kept = posts.find((p) => p.id === keepId) ?? posts[0];
  const trashed: number[] = [];
  for (const extra of posts) {
    if (extra === kept) continue;
    try {
      await client.delete(`wp/v2/posts/${extra.id}`);
    } catch (error) {
      // 410: already in the trash (someone, or an earlier sweep whose answer was lost, did it).
      if (!(error instanceof WpError && error.status === 410)) throw error;
    }
    trashed.push(extra.id);
  }
  const notice = trashed.length
    ? `A create delayed in transit made a second post on the site: post ${trashed.join(', ')} moved to the trash, post ${kept?.id} kept.`
    : undefined;
  return { kept, trashed, notice };
}

/**
 * The same for a file of the media store: an upload held in transit can land after the retry uploaded it again.
 * Files nobody points at (ours is `keepId`) are deleted for good (the media library has no trash over REST).
 */
export async function sweepMediaDuplicates(
  client: WpClient,
  mediaId: string,
  keepId: number,
): Promise<string | undefined> {
  const marker = mediaMarker(mediaId);
  const found = await client.get<{ id: number; slug: string }[]>('wp/v2/media', {
    search: marker,
    per_page: 20,
  });
  const extra = found.body.filter((m) => m.slug.startsWith(marker.toLowerCase()) && m.id !== keepId);
  for (const m of extra) {
    try {
      await client.delete(`wp/v2/media/${m.id}`, { force: true });
    } catch (error) {
      if (!(error instanceof WpError && (error.status === 404 || error.status === 410))) throw error;
    }
  }
  return extra.length
    ? `An upload delayed in transit made a second copy of an image: media ${extra.map((m) => m.id).join(', ')} deleted, media ${keepId} kept.`
    : undefined;
}
