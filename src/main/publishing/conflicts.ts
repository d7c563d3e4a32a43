import type { ConflictChoice, ConflictView } from '../../shared/domain/conflict';
import type { ArticleService } from '../articles/articleService';
import type { TermService } from '../taxonomy/termService';
import { htmlToBody } from '../content/bodyHtml';
import { AppError, notFound } from '../core/errors';
import { compareSides, mergeSides, type RemoteSide } from './conflictSides';
import { remoteHash, withoutMarker, type WpPost } from './mapping';
import type { Outbox } from './outbox';
import type { Publisher } from './publisher';
import { explainWpError } from './siteService';
import { WpError } from './wordpressClient';

const siteSide = (post: WpPost, filing: RemoteSide['filing']): RemoteSide => ({
  source: 'site',
  headline: post.title.raw,
  standfirst: post.excerpt.raw,
  body: htmlToBody(withoutMarker(post.content.raw)),
  changedAt: post.modified_gmt,
  filing,
  slug: slugText(post.slug),
});

/** The slug as a pull stores it: WordPress answers non-Latin slugs percent-encoded. */
function slugText(slug: string): string {
  try {
    return decodeURIComponent(slug).slice(0, 200);
  } catch {
    return slug.slice(0, 200);
  }
}

/**
 * An article changed both here and on the site: show both side by side, then let the user take either side
 * per field. Resolving saves the merged article locally and records the remote copy as seen, so the queued
 * push goes out as an ordinary update (and stops again if the site moved once more meanwhile). The section and
 * tags are fields like the others: the site's re-filing is kept only when taken, and the push then sends it back.
 */
export function createConflictService(deps: {
  articles: ArticleService;
  publisher: Publisher;
  outbox: Outbox;
  /** This desk's sections and tags: the site's, when taken, are made here when missing (as a pull does). */
  terms?: Pick<TermService, 'ensure'> | undefined;
  /** Keeps the other desk's review state (post meta) when a conflict is resolved. */
  review?: { keepRemoteReview(articleId: string, post: WpPost): void } | undefined;
}) {
  async function remoteOf(articleId: string, siteId: string): Promise<WpPost> {
    const pub = deps.publisher.publications.get(articleId, siteId);
    if (!pub?.remote_id) throw notFound('This article on that site');
    let post: WpPost | undefined;
    try {
      post = await deps.publisher.readPost(siteId, pub.remote_id);
    } catch (error) {
      throw error instanceof WpError ? explainWpError(error) : error;
    }
    if (!post) throw new AppError('not_found', 'The post is no longer on the site.');
    return post;
  }

  /** Without this desk's terms there is nothing to map the site's filing onto: no section and tags rows. */
  async function sideOf(siteId: string, post: WpPost): Promise<RemoteSide> {
    return siteSide(post, deps.terms ? await deps.publisher.filingNames(siteId, post) : undefined);
  }

  return {
    async show(articleId: string, siteId: string): Promise<ConflictView> {
      return compareSides(
        deps.articles.get(articleId),
        await sideOf(siteId, await remoteOf(articleId, siteId)),
      );
    },

    async resolve(articleId: string, siteId: string, take: ConflictChoice): Promise<void> {
      const article = deps.articles.get(articleId);
      const post = await remoteOf(articleId, siteId);
      const revision = article.revision;
      const terms = deps.terms;
      const ensure = terms
        ? (kind: 'sections' | 'tags', name: string) => terms.ensure(kind, name)
        : undefined;
      const merged = mergeSides(article, await sideOf(siteId, post), take, ensure);
      deps.articles.save({ id: articleId, baseRevision: revision, fields: merged });
      deps.review?.keepRemoteReview(articleId, post);
      deps.publisher.markSeen(articleId, siteId, post.modified_gmt, remoteHash(post));
      deps.outbox.retryConflicts(articleId, siteId);
    },
  };
}

export type ConflictService = ReturnType<typeof createConflictService>;
