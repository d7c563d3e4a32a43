import { z } from 'zod';
import { Article, ArticleStatus, ArticleSummary } from './article';
import { PersonRef } from './people';
import { SiteId } from './site';
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

/** A checklist finding, as main judged it for a move that would put the article live. */
export const MoveFinding = z.object({
  code: z.string(),
  level: z.enum(['error', 'warning']),
  detail: z.string().optional(),
});
export type MoveFinding = z.infer<typeof MoveFinding>;

/** A push a workflow move queued: Publish or Schedule on an article linked to a site. */
export const MovePush = z.object({
  siteId: SiteId,
  siteName: z.string(),
  action: z.enum(['publish', 'schedule']),
});
export type MovePush = z.infer<typeof MovePush>;

/**
 * What a workflow move did. 'moved': the status changed, and for Publish or Schedule the matching push was
 * queued on every site the article is linked to (`unlinked`: there was none, so nothing goes to a site).
 * 'held': the checklist holds the push back, so nothing changed; with warnings only, the move can be asked
 * again accepting them.
 */
export const WorkflowMove = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('moved'),
    article: Article,
    pushes: z.array(MovePush),
    unlinked: z.boolean(),
  }),
  z.object({ outcome: z.literal('held'), findings: z.array(MoveFinding) }),
]);
export type WorkflowMove = z.infer<typeof WorkflowMove>;
