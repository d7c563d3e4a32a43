import type { ConflictChoice, ConflictView } from '../../shared/domain/conflict';
import type { ArticleService } from '../articles/articleService';
import type { TermService } from '../taxonomy/termService';
import { htmlToBody } from '../content/bodyHtml';
import { AppError, notFound } from '../core/errors';
import { compareSides, mergeSides, type RemoteSide } from './conflictSides';
import { withoutMarker, type WpPost } from './mapping';
import type { PublicationRow } from './publicationRows';
import { slugMoved, slugText } from './remoteMoves';
import type { Outbox } from './outbox';
import type { Publisher } from './publisher';
import { explainWpError } from './siteService';
import { WpError } from './wordpressClient';

/**
 * The post as the conflict view compares it. Its slug, unless moved on the site since the last sync, is what
 * WordPress made of the article's slug then (`slug_basis`): that pair is no conflict, whatever WordPress did to it.
 */
const siteSide = (post: WpPost, filing: RemoteSide['filing'], pub: PublicationRow): RemoteSide => ({
  source: 'site',
  headline: post.title.raw,
  standfirst: post.excerpt.raw,
  body: htmlToBody(withoutMarker(post.content.raw)),
  changedAt: post.modified_gmt,
  filing,
  slug: slugText(post.slug),
  slugBasis:
    pub.remote_slug != null && pub.slug_basis != null && !slugMoved(pub, post) ? pub.slug_basis : undefined,
});

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
  async function remoteOf(articleId: string, siteId: string): Promise<{ post: WpPost; pub: PublicationRow }> {
    const pub = deps.publisher.publications.get(articleId, siteId);
    if (!pub?.remote_id) throw notFound('This article on that site');
    let post: WpPost | undefined;
    try {
      post = await deps.publisher.readPost(siteId, pub.remote_id);
    } catch (error) {
      throw error instanceof WpError ? explainWpError(error) : error;
    }
    if (!post) throw new AppError('not_found', 'The post is no longer on the site.');
    return { post, pub };
  }

  /** Without this desk's terms there is nothing to map the site's filing onto: no section and tags rows. */
  async function sideOf(
    siteId: string,
    { post, pub }: { post: WpPost; pub: PublicationRow },
  ): Promise<RemoteSide> {
    return siteSide(post, deps.terms ? await deps.publisher.filingNames(siteId, post) : undefined, pub);
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
      const seen = await remoteOf(articleId, siteId);
      const { post } = seen;
      const revision = article.revision;
      const terms = deps.terms;
      const ensure = terms
        ? (kind: 'sections' | 'tags', name: string) => terms.ensure(kind, name)
        : undefined;
      const side = await sideOf(siteId, seen);
      const merged = mergeSides(article, side, take, ensure);
      deps.articles.save({ id: articleId, baseRevision: revision, fields: merged });
      deps.review?.keepRemoteReview(articleId, post);
      // The slug the site holds stands for the merged one when it was taken from there (or is what WordPress made
      // of it); otherwise the held push sends the article's.
      const slugBasis = merged.slug === side.slugBasis ? merged.slug : (side.slug ?? '');
      deps.publisher.markSeen(articleId, siteId, post, slugBasis);
      deps.outbox.retryConflicts(articleId, siteId);
    },
  };
}

export type ConflictService = ReturnType<typeof createConflictService>;
