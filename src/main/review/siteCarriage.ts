import { z } from 'zod';
import { BodyDoc, type Article, type ArticleStatus } from '../../shared/domain/article';
import { ReviewState } from '../../shared/domain/review';
import { canonicalHash, sha256 } from './hashing';
import { toPortable } from './portableArticle';

/** The post meta the companion plugin (resources/wordpress/redac-review.php) registers. */
export const REVIEW_META_KEY = 'redac_review';
export const REVIEW_META_VERSION = 1;

/** Where each workflow status puts the post on the site. */
export const SITE_STATUS_OF: Record<ArticleStatus, 'draft' | 'pending' | 'future' | 'publish' | 'trash'> = {
  draft: 'draft',
  submitted: 'pending',
  in_copy_edit: 'pending',
  approved: 'pending',
  scheduled: 'future',
  published: 'publish',
  spiked: 'trash',
};

/**
 * What the meta holds: the review state, the body as the editor has it (with its suggestion and comment
 * marks, which the post's clean HTML never carries), and hashes so the receiver can tell whether the site's
 * content is still what was sent alongside it.
 */
export const ReviewMeta = z.object({
  version: z.literal(REVIEW_META_VERSION),
  reviewState: ReviewState,
  body: BodyDoc,
  /** SHA-256 of the post content (HTML, without Redac's marker) sent with this meta. */
  bodyHash: z.string().regex(/^[0-9a-f]{64}$/),
  /** SHA-256 of the article's canonical portable JSON when it was sent. */
  fieldsHash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ReviewMeta = z.infer<typeof ReviewMeta>;

export const contentHash = (contentHtml: string): string => sha256(contentHtml);

export function reviewMetaFor(article: Article, reviewState: ReviewState, contentHtml: string): string {
  const meta: ReviewMeta = {
    version: REVIEW_META_VERSION,
    reviewState,
    body: article.body,
    bodyHash: contentHash(contentHtml),
    fieldsHash: canonicalHash(toPortable(article)),
  };
  return JSON.stringify(meta);
}

/** The raw meta value on a post read with context=edit; undefined when the site has no such meta (no plugin). */
export function rawReviewMeta(post: { meta?: unknown }): string | undefined {
  const meta = post.meta;
  // WordPress answers `meta: []` when no meta is registered for posts.
  if (!meta || typeof meta !== 'object' || Array.isArray(meta)) return undefined;
  const value = (meta as Record<string, unknown>)[REVIEW_META_KEY];
  return typeof value === 'string' ? value : undefined;
}

export type ReadMeta =
  { kind: 'none' } | { kind: 'malformed'; why: string } | { kind: 'meta'; meta: ReviewMeta };

/** The review state a post carries, checked; an empty value means none (cleared when published). */
export function readReviewMeta(post: { meta?: unknown }): ReadMeta {
  const raw = rawReviewMeta(post);
  if (!raw) return { kind: 'none' };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { kind: 'malformed', why: 'it is not JSON' };
  }
  const parsed = ReviewMeta.safeParse(json);
  if (!parsed.success) return { kind: 'malformed', why: parsed.error.issues[0]?.message ?? 'malformed' };
  return { kind: 'meta', meta: parsed.data };
}

export const NO_PLUGIN_MESSAGE =
  'This site cannot carry the review state (comments, suggestions, workflow): the Redac review plugin is not installed. ' +
  'Copy resources/wordpress/redac-review.php into the site’s wp-content/mu-plugins/, or send the article as a review package.';
