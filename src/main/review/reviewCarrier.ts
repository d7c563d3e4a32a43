import type { Article } from '../../shared/domain/article';
import type { SyncAction } from '../../shared/domain/publication';
import { WpError, type WpClient } from '../publishing/wordpressClient';
import type { ReviewStateProvider } from './reviewState';
import {
  NO_PLUGIN_MESSAGE,
  rawReviewMeta,
  REVIEW_META_KEY,
  reviewMetaFor,
  SITE_STATUS_OF,
} from './siteCarriage';

/** A push's operation once 'review' is resolved to where the workflow status puts the post. */
export type ConcreteAction = Exclude<SyncAction, 'review'>;

const ACTION_FOR_STATUS = {
  draft: 'draft',
  pending: 'pending',
  future: 'schedule',
  publish: 'publish',
  trash: 'trash',
} as const satisfies Record<string, ConcreteAction>;

/** Statuses whose page readers can see: the review state is cleared there, never carried. */
const PUBLIC_STATUSES = new Set(['publish', 'future', 'private']);

/**
 * What the publisher asks about the review state on each push: which operation 'Send for review' means for
 * the article's workflow status, and the post meta to write with the post (the review state for a draft or
 * pending post, an empty value for one readers can see).
 */
export function createReviewCarrier(review: ReviewStateProvider) {
  return {
    concreteAction(articleId: string, action: SyncAction): ConcreteAction {
      if (action !== 'review') return action;
      return ACTION_FOR_STATUS[SITE_STATUS_OF[review.stateOf(articleId).workflow.status]];
    },

    /** Whether the site registered the review meta for posts (the companion plugin), from its schema. */
    async siteCarriesReview(client: WpClient): Promise<boolean> {
      const schema = await client.request<{
        schema?: { properties?: { meta?: { properties?: Record<string, unknown> } } };
      }>('OPTIONS', 'wp/v2/posts');
      return !!schema.body.schema?.properties?.meta?.properties?.[REVIEW_META_KEY];
    },

    /**
     * The meta fields for a post about to be written with this status and content. Throws (permanent, before
     * anything is written) when the user asked to send for review and the site cannot carry it.
     */
    metaFields(
      article: Article,
      status: string,
      contentHtml: string,
      options: { siteCarriesReview: boolean; forReview: boolean },
    ): { fields: Record<string, unknown>; notice?: string | undefined } {
      if (!options.siteCarriesReview) {
        if (options.forReview) throw new WpError(NO_PLUGIN_MESSAGE, undefined, 'redac_review_missing', false);
        const state = review.stateOf(article.id);
        const dropped = state.threads.length > 0 || state.workflow.history.length > 0;
        return {
          fields: {},
          notice: dropped && !PUBLIC_STATUSES.has(status) ? NO_PLUGIN_MESSAGE : undefined,
        };
      }
      if (PUBLIC_STATUSES.has(status)) return { fields: { meta: { [REVIEW_META_KEY]: '' } } };
      const value = reviewMetaFor(article, review.stateOf(article.id), contentHtml);
      return { fields: { meta: { [REVIEW_META_KEY]: value } } };
    },

    /** After the write: the site must have kept what was sent (a plugin removed meanwhile would drop it). */
    checkWritten(post: { meta?: unknown }, sent: Record<string, unknown>): string | undefined {
      const meta = sent.meta as Record<string, string> | undefined;
      if (!meta) return undefined;
      if (rawReviewMeta(post) !== meta[REVIEW_META_KEY]) return NO_PLUGIN_MESSAGE;
      return undefined;
    },
  };
}

export type ReviewCarrier = ReturnType<typeof createReviewCarrier>;
