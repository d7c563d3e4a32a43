import type { OutboxItem, Publication, SiteState, SyncAction } from '../../shared/domain/publication';
import { prePublishChecks, type CheckFinding } from '../../shared/publishing/prePublishChecks';
import { goesLive, REVIEW_FINDINGS } from '../../shared/publishing/reviewFindings';
import { AppError } from '../core/errors';
import type { ArticleService } from '../articles/articleService';
import type { Outbox } from './outbox';
import { fromWpDateGmt } from './mapping';
import type { PublicationRow } from './publicationRows';
import type { Publisher } from './publisher';
import type { SiteService } from './siteService';
import type { ReviewCarrier } from '../review/reviewCarrier';

const BY_STATUS: Record<string, SiteState> = {
  draft: 'draft',
  pending: 'pending',
  future: 'scheduled',
  publish: 'live',
  private: 'live',
  trash: 'trashed',
};

/** The state a publisher sees: the site's status, unless the article moved on since, or the sync stopped. */
export function siteState(row: PublicationRow | undefined, revision: number): SiteState {
  if (!row) return 'not_on_site';
  if (row.state === 'conflict' || row.state === 'failed') return row.state;
  if (row.state === 'not_on_site' || row.remote_id === null || row.remote_status === null)
    return 'not_on_site';
  const status = BY_STATUS[row.remote_status] ?? 'draft';
  if (status !== 'trashed' && row.last_pushed_revision !== null && revision > row.last_pushed_revision)
    return 'changed';
  return status;
}

/** Per article: where it is on every site, and its operations. */
export function createSyncService(deps: {
  articles: ArticleService;
  sites: SiteService;
  publisher: Publisher;
  outbox: Outbox;
  /** Open comment threads block publishing (issue 6). */
  threads?: { unresolvedCount(articleId: string): number };
  review?: ReviewCarrier | undefined;
}) {
  /**
   * The checklist as it applies to this operation: what readers would see is held back by open comments and
   * suggestions, a draft or a post pending review is not (it carries them to the other desk as post meta, and
   * its content is clean HTML anyway). Taking an article off the site is never held back by its content.
   */
  function findings(articleId: string, siteId: string, action: SyncAction): CheckFinding[] {
    // Sent for review, a spiked article goes to the trash: not held back by its content either.
    const concrete = deps.review?.concreteAction(articleId, action) ?? action;
    if (concrete === 'unpublish' || concrete === 'trash') return [];
    const live = goesLive(concrete, deps.publisher.publications.get(articleId, siteId)?.remote_status);
    return prePublishChecks(deps.articles.get(articleId), {
      unresolvedComments: deps.threads?.unresolvedCount(articleId) ?? 0,
    }).filter((f) => live || !REVIEW_FINDINGS.has(f.code));
  }

  return {
    findings,
    /** Open comments and pending suggestions: what holds back publishing an article even on no site. */
    reviewFindings(articleId: string): CheckFinding[] {
      return prePublishChecks(deps.articles.get(articleId), {
        unresolvedComments: deps.threads?.unresolvedCount(articleId) ?? 0,
      }).filter((f) => REVIEW_FINDINGS.has(f.code));
    },
    /** Queues an operation after the pre-publish checklist: errors block it, warnings only once accepted. */
    enqueue(
      articleId: string,
      siteId: string,
      action: SyncAction,
      options: { scheduledAt?: number | undefined; acceptWarnings?: boolean | undefined } = {},
    ): OutboxItem[] {
      const found = findings(articleId, siteId, action);
      const errors = found.filter((f) => f.level === 'error');
      if (errors.length)
        throw new AppError(
          'invalid_input',
          `Not sent: the checklist has errors (${errors.map((f) => f.code).join(', ')}).`,
        );
      if (found.length && !options.acceptWarnings)
        throw new AppError(
          'invalid_input',
          `Not sent: accept the checklist's warnings first (${found.map((f) => f.code).join(', ')}).`,
        );
      return deps.outbox.enqueue(articleId, siteId, action, options.scheduledAt);
    },
    /**
     * The article's posts as the sites hold them now (status and date), then its publications. A site that does
     * not answer keeps its last known state: the panel shows that until the next sync.
     */
    async refresh(articleId: string): Promise<Publication[]> {
      await Promise.all(
        deps.publisher.publications
          .ofArticle(articleId)
          .map((row) => deps.publisher.refreshStatus(articleId, row.site_id).catch(() => undefined)),
      );
      return this.publications(articleId);
    },
    publications(articleId: string): Publication[] {
      const article = deps.articles.get(articleId);
      const rows = new Map(deps.publisher.publications.ofArticle(articleId).map((r) => [r.site_id, r]));
      return deps.sites.list().map((site) => {
        const row = rows.get(site.id);
        return {
          articleId,
          siteId: site.id,
          siteName: site.name,
          state: siteState(row, article.revision),
          remoteId: row?.remote_id ?? null,
          remoteStatus: row?.remote_status ?? null,
          lastPushedRevision: row?.last_pushed_revision ?? null,
          message: row?.last_error ?? null,
          scheduledAt:
            row?.remote_status === 'future' && row.remote_date_gmt
              ? fromWpDateGmt(row.remote_date_gmt)
              : null,
          timeZone: site.timeZone,
        };
      });
    },
  };
}

export type SyncService = ReturnType<typeof createSyncService>;
