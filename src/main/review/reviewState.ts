import type { ArticleStatus } from '../../shared/domain/article';
import type { Thread } from '../../shared/domain/comments';
import type { PersonRef } from '../../shared/domain/people';
import { REVIEW_STATE_VERSION, ReviewState } from '../../shared/domain/review';
import type { WorkflowState } from '../../shared/domain/workflow';
import { AppError } from '../core/errors';
import type { Db } from '../db/open';

/** Where an article's workflow (status, assignment, history) is kept on this desk. */
export interface WorkflowSource {
  workflowState(articleId: string): WorkflowState;
  /** Replaces the article's workflow state with one from another desk (inside the caller's transaction). */
  applyWorkflowState(articleId: string, state: WorkflowState): void;
}

/** Where an article's comment threads are kept on this desk. */
export interface ThreadsSource {
  threadsOf(articleId: string): Thread[];
  /** Replaces the article's threads with another desk's (inside the caller's transaction). */
  applyThreads(articleId: string, threads: Thread[]): void;
}

/** Who is using this desk, as other desks will see them. */
export interface ProfileSource {
  me(): PersonRef;
}

/**
 * The review state that travels with an article (to the site as post meta, or in a review package): gathered
 * from the workflow and the comment threads, and applied back to both at once on the receiving desk.
 */
export function createReviewStateProvider(sources: { workflow: WorkflowSource; threads: ThreadsSource }) {
  return {
    stateOf(articleId: string): ReviewState {
      return {
        version: REVIEW_STATE_VERSION,
        workflow: sources.workflow.workflowState(articleId),
        threads: sources.threads.threadsOf(articleId),
      };
    },
    /** Applies a state received from elsewhere; refuses one this version cannot read, before writing anything. */
    apply(articleId: string, state: unknown): ReviewState {
      const parsed = ReviewState.safeParse(state);
      if (!parsed.success)
        throw new AppError(
          'invalid_input',
          `The review state is not one this version of Redac can read: ${parsed.error.issues[0]?.message ?? 'malformed'}.`,
        );
      sources.workflow.applyWorkflowState(articleId, parsed.data.workflow);
      sources.threads.applyThreads(articleId, parsed.data.threads);
      return parsed.data;
    },
  };
}

export type ReviewStateProvider = ReturnType<typeof createReviewStateProvider>;

/**
 * The workflow as the store kept it before the review loop: the article's status column only (no assignment,
 * no history). Used until a desk has the workflow service.
 */
export function statusColumnWorkflow(db: Db): WorkflowSource {
  const read = db.prepare<[string], { status: string }>('SELECT status FROM articles WHERE id = ?');
  const write = db.prepare<[string, string]>('UPDATE articles SET status = ? WHERE id = ?');
  return {
    workflowState(articleId) {
      const row = read.get(articleId);
      if (!row) throw new AppError('not_found', 'The article was not found.');
      return {
        status: row.status as ArticleStatus,
        assignment: { assignee: null, deadline: null, priority: 'normal' },
        history: [],
        assignments: [],
      };
    },
    applyWorkflowState(articleId, state) {
      write.run(state.status, articleId);
    },
  };
}

/** A desk without comment threads: it has none to send, and refuses to drop ones it receives. */
export const noThreads: ThreadsSource = {
  threadsOf: () => [],
  applyThreads(_articleId, threads) {
    if (threads.length)
      throw new AppError(
        'unavailable',
        'This desk cannot keep comment threads yet, so nothing was imported.',
      );
  },
};
