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

/** An article's whole workflow state: what travels with it to another desk. */
export const WorkflowState = z.object({
  status: ArticleStatus,
  assignment: Assignment,
  history: z.array(WorkflowEvent),
});
export type WorkflowState = z.infer<typeof WorkflowState>;
