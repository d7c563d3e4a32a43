import { randomUUID } from 'node:crypto';
import { personOf, type PersonRef, type Profile, type Role } from '../../shared/domain/people';
import { AppError } from '../core/errors';
import type { Db } from '../db/open';
import { peopleQueries } from './peopleRows';

export type ProfileInput = Omit<Profile, 'id'> & { newPerson?: boolean | undefined };

/**
 * Who uses this desk. The role every workflow check uses comes from here, never from what a caller sends.
 * The id is made on first save and kept through every later change of name or role (a rename is the same
 * person: their comments and history stay theirs), unless the save says someone else now uses the desk.
 * Everyone who ever used it stays in the people list.
 */
export function createProfileService(db: Db, now: () => number = Date.now) {
  const q = peopleQueries(db);

  const save = db.transaction((input: ProfileInput): Profile => {
    const { newPerson, ...fields } = input;
    const profile: Profile = { ...fields, id: (!newPerson && q.profile()?.id) || randomUUID() };
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
