import type { Article, ArticleFields } from '../../shared/domain/article';
import { canonicalJson } from '../../shared/text/canonicalJson';
import type { WpPost } from '../publishing/mapping';
import type { ReviewReceiver } from './reviewReceiver';
import type { SyncAction } from '../../shared/domain/publication';
import { WpError, type WpClient } from '../publishing/wordpressClient';
import type { ReviewStateProvider } from './reviewState';
import {
  NO_PLUGIN_MESSAGE,
  rawReviewMeta,
  readReviewMeta,
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
export function createReviewCarrier(review: ReviewStateProvider, receiver: ReviewReceiver) {
  return {
    /**
     * Another desk's review state on the post differs from this desk's: even with the same text, pushing
     * would overwrite its comments and workflow, so the publisher treats it as a remote change.
     */
    remoteReviewDiffers(articleId: string, post: WpPost): boolean {
      const read = readReviewMeta(post);
      if (read.kind !== 'meta') return false;
      return canonicalJson(read.meta.reviewState) !== canonicalJson(review.stateOf(articleId));
    },

    /** A remote change coming in during a push: the fields to save, then the review state to apply. */
    receive(post: WpPost, siteFields: ArticleFields) {
      const got = receiver.receive(post, siteFields);
      return {
        fields: got.fields,
        kind: got.kind,
        notice: got.notice,
        applyTo(articleId: string): void {
          if (got.review) review.apply(articleId, got.review);
        },
      };
    },

    /** After a conflict is resolved: the other desk's comments and history are kept alongside this desk's. */
    keepRemoteReview(articleId: string, post: WpPost): void {
      const read = readReviewMeta(post);
      if (read.kind !== 'meta') return;
      const local = review.stateOf(articleId);
      // Threads and history merge by id; the status and assignment stay this desk's (it just chose).
      review.apply(articleId, {
        ...read.meta.reviewState,
        workflow: {
          ...read.meta.reviewState.workflow,
          status: local.workflow.status,
          assignment: local.workflow.assignment,
        },
      });
    },

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
