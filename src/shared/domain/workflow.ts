import { z } from 'zod';
import { ArticleStatus } from './article';
import { PersonRef } from './people';

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const Priority = z.enum(PRIORITIES);
export type Priority = z.infer<typeof Priority>;

/** Who should act on an article next, by when, and how urgently. */
export const Assignment = z.object({
  assignee: PersonRef.nullable(),
  /** Epoch milliseconds; past it, desk views show the article as overdue. */
  deadline: z.number().int().nullable(),
  priority: Priority,
});
export type Assignment = z.infer<typeof Assignment>;

/** One status change: who moved the article, when, from what to what, why, and on which revision. */
export const WorkflowEvent = z.object({
  id: z.uuid(),
  from: ArticleStatus,
  to: ArticleStatus,
  by: PersonRef,
  at: z.number().int(),
  note: z.string().max(4000),
  revision: z.number().int().nonnegative(),
});
export type WorkflowEvent = z.infer<typeof WorkflowEvent>;

/** One change of assignment: who gave the article to whom (null: cleared), by when, how urgently, and when. */
export const AssignmentEvent = z.object({
  id: z.uuid(),
  by: PersonRef,
  at: z.number().int(),
  assignee: PersonRef.nullable(),
  deadline: z.number().int().nullable(),
  priority: Priority,
});
export type AssignmentEvent = z.infer<typeof AssignmentEvent>;

/**
 * An article's whole workflow state: what travels with it to another desk. `assignments` is every change of
 * assignment, oldest first, so the other desk's history shows who assigned whom when, not only the outcome.
 */
export const WorkflowState = z.object({
  status: ArticleStatus,
  assignment: Assignment,
  history: z.array(WorkflowEvent),
  assignments: z.array(AssignmentEvent),
});
export type WorkflowState = z.infer<typeof WorkflowState>;
