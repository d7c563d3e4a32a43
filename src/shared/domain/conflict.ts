import { z } from 'zod';

/**
 * Section, tags and slug are rows only when the other copy is a site's post (its categories and tags by name,
 * its slug): a push sends them and a pull reads them, so either side may have moved them.
 */
export const CONFLICT_FIELDS = ['headline', 'standfirst', 'body', 'section', 'tags', 'slug'] as const;
export const ConflictField = z.enum(CONFLICT_FIELDS);
export type ConflictField = z.infer<typeof ConflictField>;

export const Side = z.enum(['local', 'remote']);
export type Side = z.infer<typeof Side>;

/**
 * Both copies of an article in conflict, field by field, as text (section and tags by name, tags one per
 * entry joined with ", "), with a word diff of the body.
 */
export const ConflictView = z.object({
  fields: z.array(
    z.object({ field: ConflictField, local: z.string(), remote: z.string(), same: z.boolean() }),
  ),
  bodyDiff: z.array(z.object({ kind: z.enum(['same', 'added', 'removed']), text: z.string() })),
  remoteModifiedGmt: z.string(),
  /** Where the other copy comes from: the site (the default) or a review package from another desk. */
  source: z.enum(['site', 'package']).optional(),
});
export type ConflictView = z.infer<typeof ConflictView>;

/** Section, tags and slug default to this desk's (a review package carries no rival ones). */
export const ConflictChoice = z
  .object({
    headline: Side,
    standfirst: Side,
    body: Side,
    section: Side.optional(),
    tags: Side.optional(),
    slug: Side.optional(),
  })
  .strict();
export type ConflictChoice = z.infer<typeof ConflictChoice>;
