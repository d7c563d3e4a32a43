import type { ArticleFields } from '../../shared/domain/article';
import type { ReviewState } from '../../shared/domain/review';
import { bodyMediaIds, bodyProblem } from '../../shared/editor/bodySchema';
import { renameBodyMedia } from '../publishing/mediaDownloader';
import type { MediaStore } from '../media/mediaStore';
import { withoutMarker, type WpPost } from '../publishing/mapping';
import { contentHash, readReviewMeta } from './siteCarriage';

/** What a pulled post brings: the fields to store, the review state to apply, and what to tell the user. */
export interface Received {
  fields: ArticleFields;
  review?: ReviewState | undefined;
  notice?: string | undefined;
  /** 'sync' when the article came with another desk's review state (it becomes the shared base). */
  kind?: 'sync' | undefined;
}

/**
 * Reads the review state a post carries (post meta from another desk). When the site's content is still the
 * HTML that was sent with it, the sender's body document comes back exactly, with its suggestions and comment
 * anchors; when someone edited the post on the site since, the site's text wins, the threads are kept (their
 * anchors may be detached) and the user is told.
 */
export function createReviewReceiver(deps: { media: Pick<MediaStore, 'has'> }) {
  return {
    /** renamed: images the pull stored under another id than the sender's (the site changed their bytes). */
    receive(
      post: WpPost,
      siteFields: ArticleFields,
      renamed: ReadonlyMap<string, string> = new Map(),
    ): Received {
      const read = readReviewMeta(post);
      if (read.kind === 'none') return { fields: siteFields };
      if (read.kind === 'malformed')
        return {
          fields: siteFields,
          notice: `The review state on the site could not be read (${read.why}); the text was taken from the site.`,
        };
      const meta = { ...read.meta, body: renameBodyMedia(read.meta.body, renamed) };
      if (contentHash(withoutMarker(post.content.raw)) !== meta.bodyHash)
        return {
          fields: siteFields,
          review: meta.reviewState,
          kind: 'sync',
          notice:
            'The text was edited on the site after it was sent for review: the site’s text was taken and every comment kept; comments on passages that changed may be detached.',
        };
      const missing = bodyMediaIds(meta.body).filter((id) => !deps.media.has(id));
      if (bodyProblem(meta.body) || missing.length)
        return {
          fields: siteFields,
          review: meta.reviewState,
          kind: 'sync',
          notice: missing.length
            ? 'The review copy uses images this desk does not have, so the text was taken from the site; comments were kept.'
            : 'The review copy of the body is not valid here, so the text was taken from the site; comments were kept.',
        };
      return { fields: { ...siteFields, body: meta.body }, review: meta.reviewState, kind: 'sync' };
    },
  };
}

export type ReviewReceiver = ReturnType<typeof createReviewReceiver>;
