import type { ArticleStatus } from '../../shared/domain/article';
import type { MoveFinding, MovePush, WorkflowMove } from '../../shared/domain/desk';
import { AppError } from '../core/errors';
import type { Db } from '../db/open';
import type { TransitionInput, WorkflowService } from '../workflow/workflowService';
import type { PublicationQueries } from './publicationRows';
import type { SiteService } from './siteService';
import type { SyncService } from './syncService';

/** The push each move that puts an article in front of readers means on a site. */
const PUSH_FOR: Partial<Record<ArticleStatus, MovePush['action']>> = {
  published: 'publish',
  scheduled: 'schedule',
};

export interface MoveInput extends TransitionInput {
  scheduledAt?: number | undefined;
  acceptWarnings?: boolean | undefined;
}

/**
 * A workflow move as a publisher means it: Publish or Schedule on an article linked to a site (one it was
 * sent to or pulled from) also queues that push through the outbox. The move and the queued pushes are one
 * transaction: if the checklist holds a push back (errors, suggestions or open comments, warnings not
 * accepted), the status does not move either. On an article linked to no site, suggestions and open
 * comments still hold Publish and Schedule back. Every other move only changes the status.
 */
export function createWorkflowPush(deps: {
  db: Db;
  workflow: WorkflowService;
  sync: SyncService;
  sites: SiteService;
  publications: Pick<PublicationQueries, 'ofArticle'>;
  now?: () => number;
}) {
  const now = deps.now ?? Date.now;

  /** The sites this article is linked to, in the order the Sync panel lists them. */
  function linkedSites(articleId: string) {
    const linked = new Set(deps.publications.ofArticle(articleId).map((row) => row.site_id));
    return deps.sites.list().filter((site) => linked.has(site.id));
  }

  /** Thrown inside the transaction so the move is rolled back, caught outside it. */
  class Held extends Error {
    constructor(readonly findings: MoveFinding[]) {
      super('held by the checklist');
    }
  }

  const move = deps.db.transaction((input: MoveInput): WorkflowMove => {
    // The role and the revision are judged first: a reporter's forged Publish is 'forbidden', not 'held'.
    const article = deps.workflow.transition(input);
    const action = PUSH_FOR[input.to];
    if (!action) return { outcome: 'moved', article, pushes: [], unlinked: false };
    const sites = linkedSites(input.articleId);
    if (action === 'schedule' && sites.length) {
      if (input.scheduledAt === undefined)
        throw new AppError('invalid_input', 'Choose when the article goes live; nothing was changed.');
      if (input.scheduledAt <= now())
        throw new AppError(
          'invalid_input',
          'The time chosen for it to go live has passed; choose a later one. Nothing was changed.',
        );
    }
    // On no site, only the review rule applies: nothing is published while suggestions or open comments remain.
    const findings = sites.length
      ? sites.flatMap((site) => deps.sync.findings(article.id, site.id, action))
      : deps.sync.reviewFindings(article.id);
    const unique = [...new Map(findings.map((f) => [f.code, f])).values()];
    if (unique.some((f) => f.level === 'error') || (unique.length && !input.acceptWarnings))
      throw new Held(unique);
    const pushes: MovePush[] = [];
    for (const site of sites) {
      deps.sync.enqueue(article.id, site.id, action, {
        scheduledAt: input.scheduledAt,
        acceptWarnings: input.acceptWarnings,
      });
      pushes.push({ siteId: site.id, siteName: site.name, action });
    }
    return { outcome: 'moved', article, pushes, unlinked: sites.length === 0 };
  });

  return {
    move(input: MoveInput): WorkflowMove {
      try {
        return move.immediate(input);
      } catch (error) {
        if (error instanceof Held) return { outcome: 'held', findings: error.findings };
        throw error;
      }
    },
  };
}

export type WorkflowPush = ReturnType<typeof createWorkflowPush>;
