import { z } from 'zod';
import { ArticleStatus, ArticleSummary } from './article';
import { PersonRef } from './people';
import { Assignment, AssignmentEvent, Priority, WorkflowEvent } from './workflow';

/** The copy desk's queues, in the order the sidebar shows them. */
export const DESK_VIEWS = [
  'my_drafts',
  'to_review',
  'approved',
  'scheduled',
  'published_today',
  'spiked',
] as const;
export const DeskView = z.enum(DESK_VIEWS);
export type DeskView = z.infer<typeof DeskView>;

/** The person's local day, from the renderer (it knows the person's time zone; main may not). */
export const LocalDay = z.object({
  dayStart: z.number().int(),
  dayEnd: z.number().int(),
});
export type LocalDay = z.infer<typeof LocalDay>;

/** A row of a desk view: the list's summary plus who has it, by when, how urgent. */
export const DeskItem = ArticleSummary.extend({
  assignee: PersonRef.nullable(),
  deadline: z.number().int().nullable(),
  priority: Priority,
  statusChangedAt: z.number().int().nullable(),
});
export type DeskItem = z.infer<typeof DeskItem>;

export const DeskPage = z.object({
  items: z.array(DeskItem),
  /** Opaque; pass back for the next page. null at the end. */
  nextCursor: z.string().nullable(),
});
export type DeskPage = z.infer<typeof DeskPage>;

export const DeskCounts = z.record(DeskView, z.number().int().nonnegative());
export type DeskCounts = z.infer<typeof DeskCounts>;

/** One line of an article's workflow history: a status change or a change of assignment. */
export const HistoryEntry = z.discriminatedUnion('kind', [
  WorkflowEvent.extend({ kind: z.literal('transition') }),
  AssignmentEvent.extend({ kind: z.literal('assignment') }),
]);
export type HistoryEntry = z.infer<typeof HistoryEntry>;

/** What the editor's workflow panel shows for the open article and the local profile. */
export const WorkflowView = z.object({
  status: ArticleStatus,
  revision: z.number().int().nonnegative(),
  assignment: Assignment,
  /** The statuses the local profile may move this article to, in the order the buttons show them. */
  allowed: z.array(ArticleStatus),
  /** The revision made by the last transition to 'submitted', for "Changes since submitted". */
  submittedRevision: z.number().int().nonnegative().nullable(),
});
export type WorkflowView = z.infer<typeof WorkflowView>;
