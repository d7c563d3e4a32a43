import type { ArticleStatus } from '../../shared/domain/article';
import type { HistoryEntry } from '../../shared/domain/desk';
import type { PersonRef } from '../../shared/domain/people';
import type { Assignment, AssignmentEvent, Priority, WorkflowEvent } from '../../shared/domain/workflow';
import type { Db } from '../db/open';

interface EventRow {
  id: string;
  from_status: string;
  to_status: string;
  by_person: string;
  at: number;
  note: string;
  revision: number;
}

interface AssignmentEventRow {
  id: string;
  by_person: string;
  at: number;
  assignee: string | null;
  deadline: number | null;
  priority: string;
}

interface ArticleWorkflowRow {
  status: string;
  revision: number;
  created_by: string | null;
  assignee_id: string | null;
  deadline: number | null;
  priority: string;
  a_name: string | null;
  a_initials: string | null;
  a_colour: string | null;
}

export interface ArticleWorkflow {
  status: ArticleStatus;
  revision: number;
  createdBy: string | null;
  assignment: Assignment;
}

const toAssignment = (row: AssignmentEventRow): AssignmentEvent => ({
  id: row.id,
  by: JSON.parse(row.by_person) as PersonRef,
  at: row.at,
  assignee: row.assignee === null ? null : (JSON.parse(row.assignee) as PersonRef),
  deadline: row.deadline,
  priority: row.priority as Priority,
});

const toEvent = (row: EventRow): WorkflowEvent => ({
  id: row.id,
  from: row.from_status as ArticleStatus,
  to: row.to_status as ArticleStatus,
  by: JSON.parse(row.by_person) as PersonRef,
  at: row.at,
  note: row.note,
  revision: row.revision,
});

/** Workflow columns of articles and the two history tables, prepared once per connection. */
export function workflowQueries(db: Db) {
  const article = db.prepare<[string], ArticleWorkflowRow>(
    `SELECT a.status, a.revision, a.created_by, a.assignee_id, a.deadline, a.priority,
            p.name AS a_name, p.initials AS a_initials, p.colour AS a_colour
       FROM articles a LEFT JOIN people p ON p.id = a.assignee_id WHERE a.id = ?`,
  );
  const setStatus = db.prepare<[string, number, string, number]>(
    'UPDATE articles SET status = ?, status_changed_at = ? WHERE id = ? AND revision = ?',
  );
  const forceStatus = db.prepare<[string, number | null, string]>(
    'UPDATE articles SET status = ?, status_changed_at = ? WHERE id = ?',
  );
  const setCreator = db.prepare<[string, string]>('UPDATE articles SET created_by = ? WHERE id = ?');
  const setAssignment = db.prepare<[string | null, number | null, string, string]>(
    'UPDATE articles SET assignee_id = ?, deadline = ?, priority = ? WHERE id = ?',
  );
  const insertEvent = db.prepare<[EventRow & { article_id: string }]>(
    `INSERT OR IGNORE INTO workflow_events (id, article_id, from_status, to_status, by_person, at, note, revision)
     VALUES (@id, @article_id, @from_status, @to_status, @by_person, @at, @note, @revision)`,
  );
  const events = db.prepare<[string], EventRow>(
    `SELECT id, from_status, to_status, by_person, at, note, revision
       FROM workflow_events WHERE article_id = ? ORDER BY at, rowid`,
  );
  const lastSubmitted = db.prepare<[string], { revision: number }>(
    `SELECT revision FROM workflow_events WHERE article_id = ? AND to_status = 'submitted'
      ORDER BY at DESC, rowid DESC LIMIT 1`,
  );
  const insertAssignment = db.prepare<[AssignmentEventRow & { article_id: string }]>(
    `INSERT OR IGNORE INTO assignment_events (id, article_id, by_person, at, assignee, deadline, priority)
     VALUES (@id, @article_id, @by_person, @at, @assignee, @deadline, @priority)`,
  );
  const assignments = db.prepare<[string], AssignmentEventRow>(
    `SELECT id, by_person, at, assignee, deadline, priority FROM assignment_events
      WHERE article_id = ? ORDER BY at, rowid`,
  );

  return {
    article(id: string): ArticleWorkflow | undefined {
      const row = article.get(id);
      if (!row) return undefined;
      const assignee: PersonRef | null =
        row.assignee_id === null
          ? null
          : {
              id: row.assignee_id,
              // A person id without a people row cannot happen through the services; show it plainly if it does.
              name: row.a_name ?? row.assignee_id,
              initials: row.a_initials ?? '?',
              colour: row.a_colour ?? '#777777',
            };
      return {
        status: row.status as ArticleStatus,
        revision: row.revision,
        createdBy: row.created_by,
        assignment: { assignee, deadline: row.deadline, priority: row.priority as Priority },
      };
    },
    /** Only when the article is still at baseRevision; returns whether it was. */
    setStatus: (id: string, status: ArticleStatus, at: number, baseRevision: number): boolean =>
      setStatus.run(status, at, id, baseRevision).changes === 1,
    forceStatus: (id: string, status: ArticleStatus, at: number | null): void =>
      void forceStatus.run(status, at, id),
    setCreator: (id: string, personId: string): void => void setCreator.run(personId, id),
    setAssignment: (
      id: string,
      a: { assigneeId: string | null; deadline: number | null; priority: Priority },
    ) => void setAssignment.run(a.assigneeId, a.deadline, a.priority, id),
    /** Adds an event unless one with its id is already here (history merges by event id). */
    addEvent: (articleId: string, e: WorkflowEvent): void =>
      void insertEvent.run({
        article_id: articleId,
        id: e.id,
        from_status: e.from,
        to_status: e.to,
        by_person: JSON.stringify(e.by),
        at: e.at,
        note: e.note,
        revision: e.revision,
      }),
    events: (articleId: string): WorkflowEvent[] => events.all(articleId).map(toEvent),
    lastSubmittedRevision: (articleId: string): number | null =>
      lastSubmitted.get(articleId)?.revision ?? null,
    /** Adds a change of assignment unless one with its id is already here (merged by id, like events). */
    addAssignment(articleId: string, e: AssignmentEvent): void {
      insertAssignment.run({
        article_id: articleId,
        id: e.id,
        by_person: JSON.stringify(e.by),
        at: e.at,
        assignee: e.assignee ? JSON.stringify(e.assignee) : null,
        deadline: e.deadline,
        priority: e.priority,
      });
    },
    assignments: (articleId: string): AssignmentEvent[] => assignments.all(articleId).map(toAssignment),
    /** Status changes and assignments, oldest first. */
    history(articleId: string): HistoryEntry[] {
      const entries: HistoryEntry[] = [
        ...events.all(articleId).map((row) => ({ kind: 'transition' as const, ...toEvent(row) })),
        ...assignments.all(articleId).map((row) => ({ kind: 'assignment' as const, ...toAssignment(row) })),
      ];
      return entries.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
    },
  };
}

export type WorkflowQueries = ReturnType<typeof workflowQueries>;
