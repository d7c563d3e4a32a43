import { fieldsOf, type Article, type ArticleFields, type BodyDoc } from '../../shared/domain/article';
import type { ConflictChoice, ConflictView } from '../../shared/domain/conflict';
import { bodyText } from '../../shared/text/bodyText';
import { wordDiff } from '../../shared/text/wordDiff';

/**
 * The other copy of an article in a conflict, wherever it comes from: the post on a site, or a review package
 * from another desk. The conflict view and the per-field merge only ever see this.
 */
export interface RemoteSide {
  source: 'site' | 'package';
  headline: string;
  standfirst: string;
  body: BodyDoc;
  /** When the remote copy was last changed, as the source states it (the site's modified_gmt, the export time). */
  changedAt: string;
}

/** Both copies side by side, field by field, with a word diff of the body. */
export function compareSides(article: Article, remote: RemoteSide): ConflictView {
  const local = { headline: article.headline, standfirst: article.standfirst, body: bodyText(article.body) };
  const other = { headline: remote.headline, standfirst: remote.standfirst, body: bodyText(remote.body) };
  return {
    fields: (['headline', 'standfirst', 'body'] as const).map((field) => ({
      field,
      local: local[field],
      remote: other[field],
      same: local[field] === other[field],
    })),
    bodyDiff: wordDiff(local.body, other.body),
    remoteModifiedGmt: remote.changedAt,
    source: remote.source,
  };
}

/** The article's fields with each conflicting field taken from the chosen side. */
export function mergeSides(article: Article, remote: RemoteSide, take: ConflictChoice): ArticleFields {
  return {
    ...fieldsOf(article),
    headline: take.headline === 'remote' ? remote.headline : article.headline,
    standfirst: take.standfirst === 'remote' ? remote.standfirst : article.standfirst,
    body: take.body === 'remote' ? remote.body : article.body,
  };
}
