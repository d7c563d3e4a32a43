import { fieldsOf, type ArticleFields } from '../../shared/domain/article';
import type { ConflictChoice, ConflictView } from '../../shared/domain/conflict';
import { bodyText } from '../../shared/text/bodyText';
import { wordDiff } from '../../shared/text/wordDiff';
import type { ArticleService } from '../articles/articleService';
import { htmlToBody } from '../content/bodyHtml';
import { AppError, notFound } from '../core/errors';
import { remoteHash, withoutMarker, type WpPost } from './mapping';
import type { Outbox } from './outbox';
import type { Publisher } from './publisher';
import { explainWpError } from './siteService';
import { WpError } from './wordpressClient';

/**
 * An article changed both here and on the site: show both side by side, then let the user take either side
 * per field. Resolving saves the merged article locally and records the remote copy as seen, so the queued
 * push goes out as an ordinary update (and stops again if the site moved once more meanwhile).
 */
export function createConflictService(deps: {
  articles: ArticleService;
  publisher: Publisher;
  outbox: Outbox;
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

  return {
    async show(articleId: string, siteId: string): Promise<ConflictView> {
      const article = deps.articles.get(articleId);
      const post = await remoteOf(articleId, siteId);
      const local = {
        headline: article.headline,
        standfirst: article.standfirst,
        body: bodyText(article.body),
      };
      const remote = {
        headline: post.title.raw,
        standfirst: post.excerpt.raw,
        body: bodyText(htmlToBody(withoutMarker(post.content.raw))),
      };
      return {
        fields: (['headline', 'standfirst', 'body'] as const).map((field) => ({
          field,
          local: local[field],
          remote: remote[field],
          same: local[field] === remote[field],
        })),
        bodyDiff: wordDiff(local.body, remote.body),
        remoteModifiedGmt: post.modified_gmt,
      };
    },

    async resolve(articleId: string, siteId: string, take: ConflictChoice): Promise<void> {
      const article = deps.articles.get(articleId);
      const post = await remoteOf(articleId, siteId);
      const fields = fieldsOf(article);
      const revision = article.revision;
      const merged: ArticleFields = {
        ...fields,
        headline: take.headline === 'remote' ? post.title.raw : article.headline,
        standfirst: take.standfirst === 'remote' ? post.excerpt.raw : article.standfirst,
        body: take.body === 'remote' ? htmlToBody(withoutMarker(post.content.raw)) : article.body,
      };
      deps.articles.save({ id: articleId, baseRevision: revision, fields: merged });
      deps.publisher.markSeen(articleId, siteId, post.modified_gmt, remoteHash(post));
      deps.outbox.retryConflicts(articleId, siteId);
    },
  };
}

export type ConflictService = ReturnType<typeof createConflictService>;
