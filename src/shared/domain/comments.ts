import { z } from 'zod';
import { PersonRef } from './people';

/** Fields that take whole-field comments (the body takes comments on a range of its text instead). */
export const COMMENTABLE_FIELDS = ['kicker', 'headline', 'standfirst', 'featuredCaption'] as const;
export const CommentableField = z.enum(COMMENTABLE_FIELDS);
export type CommentableField = z.infer<typeof CommentableField>;

/**
 * Where a thread hangs. A body thread is anchored by a `comment` mark carrying the thread id in the body
 * document itself, so the anchor follows the text through every edit, undo and sync; when no text carries the
 * mark any more the thread is detached (shown as such, never dropped). An inline image's caption is anchored
 * by the image's media id.
 */
export const CommentAnchor = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('body') }),
  z.object({ kind: z.literal('field'), field: CommentableField }),
  z.object({ kind: z.literal('imageCaption'), mediaId: z.string().min(1).max(100) }),
]);
export type CommentAnchor = z.infer<typeof CommentAnchor>;

export const ThreadId = z.uuid();
export type ThreadId = z.infer<typeof ThreadId>;

export const Comment = z.object({
  id: z.uuid(),
  author: PersonRef,
  at: z.number().int(),
  text: z.string().min(1).max(10_000),
});
export type Comment = z.infer<typeof Comment>;

export const Thread = z.object({
  id: ThreadId,
  anchor: CommentAnchor,
  /** The text the thread was opened on, kept so a detached thread still says what it was about. */
  quote: z.string().max(2000),
  resolved: z.boolean(),
  resolvedBy: PersonRef.nullable(),
  resolvedAt: z.number().int().nullable(),
  comments: z.array(Comment).min(1),
});
export type Thread = z.infer<typeof Thread>;

/**
 * Names of the marks the body uses for review. Kept here, not only in the editor schema, so main can tell
 * whether a document still carries suggestions or anchors without loading the editor.
 */
export const REVIEW_MARKS = {
  comment: 'comment',
  insertion: 'suggestionInsert',
  deletion: 'suggestionDelete',
  format: 'suggestionFormat',
} as const;

/** Attributes every suggestion mark carries, so accept/reject by person and the inline label work anywhere. */
export const SuggestionAttrs = z.object({
  id: z.uuid(),
  authorId: z.uuid(),
  authorName: z.string().min(1).max(200),
  authorColour: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  at: z.number().int(),
});
export type SuggestionAttrs = z.infer<typeof SuggestionAttrs>;

/** Name of the block attribute that carries a structural suggestion (see BlockSuggestion). */
export const BLOCK_SUGGESTION_ATTR = 'suggestion';

/** One wrapper a block sat in (outermost first), and whether that wrapper held content before or after it. */
export const BlockWrapper = z.object({
  type: z.string().min(1).max(40),
  attrs: z.record(z.string(), z.unknown()),
  before: z.boolean(),
  after: z.boolean(),
});
export type BlockWrapper = z.infer<typeof BlockWrapper>;

/** What a block was before a suggested change of its type or wrappers: enough to put it back exactly. */
export const BlockShape = z.object({
  type: z.string().min(1).max(40),
  attrs: z.record(z.string(), z.unknown()),
  path: z.array(BlockWrapper).max(20),
});
export type BlockShape = z.infer<typeof BlockShape>;

/**
 * A structural suggestion, kept on the text block it concerns (paragraph, heading, pull-quote parts) with the
 * same author and time as the marks: `split` (this block was split off the one before it: rejecting joins them
 * again), `join` (joining this block onto the one before is suggested: accepting joins them), `was` (its type
 * or the lists and quotes around it changed from this shape), `inserted` (a new pull quote's part, or a new
 * image, embed or rule), `deleted` (removing this image, embed or rule is suggested: it stays until accepted).
 */
export const BlockSuggestion = SuggestionAttrs.extend({
  split: z.boolean().optional(),
  join: z.boolean().optional(),
  inserted: z.boolean().optional(),
  deleted: z.boolean().optional(),
  was: BlockShape.optional(),
});
export type BlockSuggestion = z.infer<typeof BlockSuggestion>;

/** The link a suggested link change replaces (`before`) and puts (`after`); null where there was or is none. */
export const LinkChange = z.object({
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type LinkChange = z.infer<typeof LinkChange>;
