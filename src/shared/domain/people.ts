import { z } from 'zod';

/** What a person does on the desk; the workflow's transition rules are written in these terms. */
export const ROLES = ['reporter', 'copy_editor', 'publisher'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const PersonId = z.uuid();
export type PersonId = z.infer<typeof PersonId>;

/**
 * A person as other desks see them: carried inside comments, suggestions, assignments and workflow history so
 * that a desk that never met this person (another machine, another data folder) still shows who did what.
 */
export const PersonRef = z.object({
  id: PersonId,
  name: z.string().min(1).max(200),
  initials: z.string().min(1).max(4),
  /** #rrggbb: the colour of this person's comments and suggestions. */
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/),
});
export type PersonRef = z.infer<typeof PersonRef>;

/** The local profile: who is using this desk, set on first run and in Settings. */
export const Profile = PersonRef.extend({ role: Role });
export type Profile = z.infer<typeof Profile>;

/** A profile as it signs things: who, without what they may do here. */
export const personOf = (profile: Profile): PersonRef => ({
  id: profile.id,
  name: profile.name,
  initials: profile.initials,
  colour: profile.colour,
});
