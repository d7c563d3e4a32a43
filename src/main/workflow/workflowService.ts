import { fieldsOf, type Article, type ArticleStatus, type Language } from '../../shared/domain/article';
import type { HistoryEntry, WorkflowView } from '../../shared/domain/desk';
import type { SyncAction } from '../../shared/domain/publication';
import type { Priority, WorkflowState } from '../../shared/domain/workflow';
import type { ArticleService, ArticleWriteHook } from '../articles/articleService';
import { AppError, notFound } from '../core/errors';
import type { EventBus } from '../core/eventBus';
import type { Db } from '../db/open';
import { withDurability } from '../db/durability';
import { peopleQueries } from './peopleRows';
import { personOf } from '../../shared/domain/people';
import type { ProfileService } from './profileService';
import { allowedTargets, judgeTransition, mayPushLive } from './transitionRules';
import { workflowQueries, type ArticleWorkflow } from './workflowRows';
import { timeOrderedId } from '../core/timeOrderedId';

export interface TransitionInput {
  articleId: string;
  to: ArticleStatus;
  baseRevision: number;
  note: string;
}

export interface AssignInput {
  articleId: string;
  assigneeId: string | null;
  deadline: number | null;
  priority: Priority;
}

const LABEL: Record<ArticleStatus, string> = {
  draft: '“draft”',
  submitted: '“submitted”',
  in_copy_edit: '“in copy edit”',
  approved: '“approved”',
  scheduled: '“scheduled”',
  published: '“published”',
  spiked: '“spiked”',
};

/**
 * The review loop's rules, enforced here and not only in the UI: who may move an article where (the role is
 * the stored profile's, never the caller's), and a record of every move. A status change is one transaction:
 * the status, a revision of kind 'status', the history event and the person, together or not at all.
 */
export function createWorkflowService(deps: {
  db: Db;
  bus: EventBus;
  articles: ArticleService;
  profiles: ProfileService;
  /** Work that must commit with a status written without a save (the search index's status facet). */
  hooks?: readonly ArticleWriteHook[];
  now?: () => number;
}) {
  const { db, bus, articles, profiles } = deps;
  const now = deps.now ?? Date.now;
  const q = workflowQueries(db);
  const people = peopleQueries(db);

  function current(articleId: string): ArticleWorkflow {
    const found = q.article(articleId);
    if (!found) throw notFound('The article');
    return found;
  }

  const transition = db.transaction((input: TransitionInput): Article => {
    const profile = profiles.require();
    const before = current(input.articleId);
    const verdict = judgeTransition(profile.role, before.status, input.to);
    if (verdict === 'impossible')
      throw new AppError(
        'conflict',
        `No one may move an article from ${LABEL[before.status]} to ${LABEL[input.to]}; nothing was changed.`,
      );
    if (verdict === 'forbidden')
      throw new AppError(
        'forbidden',
        `A ${profile.role.replace('_', ' ')} may not move an article from ${LABEL[before.status]} to ${LABEL[input.to]}; nothing was changed.`,
      );
    const at = now();
    if (
      before.revision !== input.baseRevision ||
      !q.setStatus(input.articleId, input.to, at, input.baseRevision)
    )
      throw new AppError(
        'conflict',
        `This article changed since (now at revision ${before.revision}, this was asked on ${input.baseRevision}); nothing was changed.`,
      );
    // The status change is a revision of its own, so "Changes since submitted" has a fixed point to diff from.
    const saved = articles.save({
      id: input.articleId,
      baseRevision: input.baseRevision,
      fields: fieldsOf(articles.get(input.articleId)),
      kind: 'status',
    });
    const by = personOf(profile);
    people.see(by, at);
    q.addEvent(input.articleId, {
      // Time-ordered: the history sorts by time, then id, and two events of one millisecond keep their order.
      id: timeOrderedId(at),
      from: before.status,
      to: input.to,
      by,
      at,
      note: input.note.trim(),
      revision: saved.revision,
    });
    return saved;
  });

  const assign = db.transaction((input: AssignInput): ArticleWorkflow => {
    const profile = profiles.require();
    const before = current(input.articleId);
    const assignee = input.assigneeId === null ? null : people.person(input.assigneeId);
    if (assignee === undefined)
      throw new AppError(
        'invalid_input',
        'That person is not known on this desk; pick someone from the list.',
      );
    const same =
      (before.assignment.assignee?.id ?? null) === input.assigneeId &&
      before.assignment.deadline === input.deadline &&
      before.assignment.priority === input.priority;
    if (same) return before;
    const at = now();
    q.setAssignment(input.articleId, input);
    const by = personOf(profile);
    people.see(by, at);
    q.addAssignment(input.articleId, {
      id: timeOrderedId(at),
      by,
      at,
      assignee,
      deadline: input.deadline,
      priority: input.priority,
    });
    return current(input.articleId);
  });

  const create = db.transaction((language: Language): Article => {
    const article = articles.create(language);
    const profile = profiles.get();
    if (profile) q.setCreator(article.id, profile.id);
    return article;
  });

  const apply = db.transaction((articleId: string, state: WorkflowState): void => {
    current(articleId);
    const at = now();
    for (const event of state.history) {
      people.see(event.by, event.at);
      q.addEvent(articleId, event);
    }
    for (const change of state.assignments) {
      people.see(change.by, change.at);
      if (change.assignee) people.see(change.assignee, change.at);
      q.addAssignment(articleId, change);
    }
    if (state.assignment.assignee) people.see(state.assignment.assignee, at);
    q.setAssignment(articleId, {
      assigneeId: state.assignment.assignee?.id ?? null,
      deadline: state.assignment.deadline,
      priority: state.assignment.priority,
    });
    // When the status last changed is the newest event that led to it, wherever it was made.
    const into = q
      .events(articleId)
      .filter((e) => e.to === state.status)
      .at(-1);
    q.forceStatus(articleId, state.status, into?.at ?? at);
    deps.hooks?.forEach((hook) => hook.afterWrite(articleId));
  });

  const changed = (articleId: string): void => {
    const row = q.article(articleId);
    if (row) bus.emit('articles:changed', { id: articleId, revision: row.revision });
  };

  return {
    /** Moves an article to another status, as the local profile; refused with 'forbidden' or 'conflict'. */
    transition(input: TransitionInput): Article {
      return withDurability(db, 'acknowledged', () => transition.immediate(input));
    },
    /** Sets or clears who has the article, by when and how urgently; recorded in its history. */
    assign(input: AssignInput): WorkflowView {
      withDurability(db, 'acknowledged', () => assign.immediate(input));
      changed(input.articleId);
      return this.view(input.articleId);
    },
    /** A new article, created by the local profile (My drafts finds it by its creator). */
    create(language: Language): Article {
      return withDurability(db, 'acknowledged', () => create.immediate(language));
    },
    view(articleId: string): WorkflowView {
      const row = current(articleId);
      const role = profiles.role();
      return {
        status: row.status,
        revision: row.revision,
        assignment: row.assignment,
        allowed: role ? allowedTargets(role, row.status) : [],
        submittedRevision: q.lastSubmittedRevision(articleId),
      };
    },
    history(articleId: string): HistoryEntry[] {
      current(articleId);
      return q.history(articleId);
    },
    /** Refuses a push that puts an article live (publish, schedule) unless the profile is a publisher's. */
    checkMayPush(action: SyncAction): void {
      if ((action === 'publish' || action === 'schedule') && !mayPushLive(profiles.role()))
        throw new AppError('forbidden', 'Only a publisher may publish or schedule an article on a site.');
    },
    /** What travels with the article to another desk. */
    workflowState(articleId: string): WorkflowState {
      const row = current(articleId);
      return {
        status: row.status,
        assignment: row.assignment,
        history: q.events(articleId),
        assignments: q.assignments(articleId),
      };
    },
    /**
     * Replaces this desk's status and assignment with another desk's and merges its history (status changes
     * and changes of assignment) by event id
     * (applying the same state twice changes nothing). Runs in the caller's transaction when there is one
     * (better-sqlite3 nests it as a savepoint).
     */
    applyWorkflowState(articleId: string, state: WorkflowState): void {
      if (db.inTransaction) apply(articleId, state);
      else apply.immediate(articleId, state);
      changed(articleId);
    },
  };
}

export type WorkflowService = ReturnType<typeof createWorkflowService>;
