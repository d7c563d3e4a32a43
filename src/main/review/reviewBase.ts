import { BODY_SCHEMA_VERSION } from '../../shared/editor/bodyExtensions';
import { emptyFields, type ArticleService } from '../articles/articleService';
import type { Db } from '../db/open';
import { createRevisionStore } from '../revisions/revisionStore';
import type { TermService } from '../taxonomy/termService';
import { portableHash, portableOfFields, toPortable } from './portableArticle';

/** How far back to look for the last content received from another desk. */
const HISTORY_LOOKBACK = 2000;

/**
 * Where a review stands between two desks, read from the revision history: content received from another
 * desk (a package, or the site's review copy) is saved as a revision of kind 'sync'. The last one is the base
 * both desks share; before anything was received, the article's current revision is.
 */
export function createReviewBase(db: Db, articles: ArticleService, terms: TermService) {
  const revisions = createRevisionStore(db);

  function hashOfRevision(articleId: string, revision: number): string | undefined {
    const loaded = revisions.get(articleId, revision);
    if (!loaded) return undefined;
    const language = loaded.rest.language ?? articles.get(articleId).language;
    const fields = { ...emptyFields(language), ...loaded.rest, headline: loaded.headline, body: loaded.body };
    return portableHash(portableOfFields(articleId, BODY_SCHEMA_VERSION, fields, terms));
  }

  /** The last revision received from another desk, if any. */
  function lastReceived(articleId: string): { revision: number; hash: string } | undefined {
    const received = revisions.list(articleId, HISTORY_LOOKBACK).find((r) => r.kind === 'sync');
    if (!received) return undefined;
    const hash = hashOfRevision(articleId, received.revision);
    return hash === undefined ? undefined : { revision: received.revision, hash };
  }

  return {
    lastReceived,
    currentHash: (articleId: string): string => portableHash(toPortable(articles.get(articleId))),
    /** The base a package exported now declares. */
    baseOf(articleId: string): { revision: number; hash: string } {
      const received = lastReceived(articleId);
      if (received) return received;
      const article = articles.get(articleId);
      return { revision: article.revision, hash: portableHash(toPortable(article)) };
    },
  };
}

export type ReviewBase = ReturnType<typeof createReviewBase>;
