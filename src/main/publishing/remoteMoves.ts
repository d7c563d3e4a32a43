import { createHash } from 'node:crypto';
import { rawReviewMeta } from '../review/siteCarriage';
import { remoteHash, termsMoved, type WpPost } from './mapping';
import type { PublicationRow } from './publicationRows';

/** The post's text alone (and the review state it carries): not its status, slug, date or terms. */
export function contentHash(post: WpPost): string {
  return createHash('sha256')
    .update(JSON.stringify([post.title.raw, post.excerpt.raw, post.content.raw, rawReviewMeta(post) ?? null]))
    .digest('hex');
}

/** The slug as an article stores it: WordPress answers non-Latin slugs percent-encoded (and cuts them at 200). */
export function slugText(slug: string): string {
  try {
    return decodeURIComponent(bareSlug(slug)).slice(0, 200);
  } catch {
    return bareSlug(slug).slice(0, 200);
  }
}

/** WordPress suffixes the slug of a post in the trash (and restores it when the post leaves the trash). */
const bareSlug = (slug: string): string => slug.replace(/__trashed$/, '');

/**
 * Whether someone changed the post's slug on the site since it was last seen. WordPress's own doings are not
 * edits: the `__trashed` suffix, and the slug it makes from the title when a post that had none (a draft this
 * desk gave no slug) is published. A row synced before slugs were kept knows nothing: not a move.
 */
export function slugMoved(row: Pick<PublicationRow, 'remote_slug' | 'slug_basis'>, post: WpPost): boolean {
  if (row.remote_slug === null || row.remote_slug === undefined) return false;
  const before = bareSlug(row.remote_slug);
  const now = bareSlug(post.slug);
  if (before === now) return false;
  return !(before === '' && !row.slug_basis);
}

/** What moved on the site since the row was taken, field group by field group. */
export interface RemoteMoves {
  text: boolean;
  terms: boolean;
  slug: boolean;
  /** Published by cron, unpublished, trashed on the site: the site state follows, nothing of the article moves. */
  status: boolean;
}

/**
 * `textDiffers` compares the post with the article here (true when the caller cannot): a text or slug the site
 * holds that is exactly the article's is no edit to take in, whatever the hashes say (a write of ours whose answer
 * was lost and is retried). It also answers alone for rows synced before the text had a hash of its own.
 */
export function remoteMoves(
  row: Pick<PublicationRow, 'remote_hash' | 'remote_status' | 'remote_slug' | 'slug_basis' | 'content_hash'>,
  post: WpPost,
  /** `slug`: the article's, when the caller has it. */
  here: { textDiffers: () => boolean; slug?: string | undefined },
): RemoteMoves {
  return {
    text: (!row.content_hash || row.content_hash !== contentHash(post)) && here.textDiffers(),
    terms: termsMoved(row.remote_hash, post),
    // An article with no slug of its own leaves the address to the site: the push sends none, so nothing of a
    // slug changed there can be lost, and it is no reason to stop.
    slug: slugMoved(row, post) && here.slug !== '' && slugText(post.slug) !== here.slug,
    status: row.remote_status !== post.status,
  };
}

/** The row's fields that say what the site held when last seen. */
export function seenFields(post: WpPost, slugBasis: string | null) {
  return {
    remote_hash: remoteHash(post),
    remote_modified_gmt: post.modified_gmt,
    remote_status: post.status,
    remote_date_gmt: post.date_gmt,
    remote_slug: post.slug,
    slug_basis: slugBasis,
    content_hash: contentHash(post),
  };
}
