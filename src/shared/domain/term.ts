import { z } from 'zod';

/** The three local lists an article points into. */
export const TERM_KINDS = ['sections', 'tags', 'authors'] as const;
export const TermKind = z.enum(TERM_KINDS);
export type TermKind = z.infer<typeof TermKind>;

export const TermId = z.number().int().positive();

/** A section, tag or author as the article shows it. */
export const Term = z.object({ id: TermId, name: z.string(), slug: z.string() });
export type Term = z.infer<typeof Term>;

/**
 * How far a merge or a rename is (terms:mergeProgress): articles moved (or re-indexed) so far of those the
 * term had when it started. `intoId` is the term itself for a rename.
 */
export const TermMergeProgress = z.object({
  action: z.enum(['merge', 'rename']),
  kind: TermKind,
  fromId: TermId,
  intoId: TermId,
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type TermMergeProgress = z.infer<typeof TermMergeProgress>;
