import { randomUUID } from 'node:crypto';
import { personOf, type PersonRef, type Profile, type Role } from '../../shared/domain/people';
import { AppError } from '../core/errors';
import type { Db } from '../db/open';
import { peopleQueries } from './peopleRows';

export type ProfileInput = Omit<Profile, 'id'>;

/**
 * Who uses this desk. The role every workflow check uses comes from here, never from what a caller sends.
 * The id is made once, on first save, and kept through every later change of name or role.
 */
export function createProfileService(db: Db, now: () => number = Date.now) {
  const q = peopleQueries(db);

  const save = db.transaction((input: ProfileInput): Profile => {
    const profile: Profile = { ...input, id: q.profile()?.id ?? randomUUID() };
    const at = now();
    q.saveProfile(profile, at);
    q.see(personOf(profile), at);
    return profile;
  });

  return {
    get: (): Profile | null => q.profile() ?? null,
    save: (input: ProfileInput): Profile => save.immediate(input),
    /** The profile, or a refusal that tells the person what to do. */
    require(): Profile {
      const profile = q.profile();
      if (!profile) throw new AppError('forbidden', 'Set up your profile (name and role) first.');
      return profile;
    },
    role: (): Role | undefined => q.profile()?.role,
    people: (limit: number): PersonRef[] => q.list(limit),
  };
}

export type ProfileService = ReturnType<typeof createProfileService>;
