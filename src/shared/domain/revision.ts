import { z } from 'zod';
import { ArticleFields } from './article';

/**
 * Why a revision was made. Typing ('autosave') coalesces into one revision per burst; every other kind
 * always starts a new one, so an explicit save, a status change, a sync overwrite or a restore is never
 * folded into the typing before it.
 */
export const REVISION_KINDS = [
  'created',
  'autosave',
  'explicit',
  'status',
  'sync',
  'restore',
  'import',
  /** A re-import added the photos an import could not find (importing/photoFill.ts). */
  'import-photos',
  'save',
] as const;
export const RevisionKind = z.enum(REVISION_KINDS);
export type RevisionKind = z.infer<typeof RevisionKind>;

export const RevisionSummary = z.object({
  revision: z.number().int().nonnegative(),
  kind: RevisionKind,
  createdAt: z.number().int(),
  savedBy: z.string(),
  wordsAdded: z.number().int().nonnegative(),
  wordsRemoved: z.number().int().nonnegative(),
});
export type RevisionSummary = z.infer<typeof RevisionSummary>;

export const RevisionSnapshot = RevisionSummary.extend({ fields: ArticleFields });
export type RevisionSnapshot = z.infer<typeof RevisionSnapshot>;

export const DiffRun = z.object({ text: z.string(), kind: z.enum(['same', 'added', 'removed']) });

/** One field of two revisions side by side, with its word diff. */
export const FieldDiff = z.object({
  field: z.string(),
  before: z.string(),
  after: z.string(),
  changed: z.boolean(),
  runs: z.array(DiffRun),
});
export type FieldDiff = z.infer<typeof FieldDiff>;
