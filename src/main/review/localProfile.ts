import { createHash } from 'node:crypto';
import { userInfo } from 'node:os';
import type { PersonRef } from '../../shared/domain/people';
import type { ProfileSource } from './reviewState';

/**
 * Who this desk is when it has no profile yet: the system user, with an id derived from the data folder so
 * it stays the same across restarts. The workflow's profile replaces it where there is one.
 */
export function systemProfile(dataDir: string): ProfileSource {
  let name = 'Redac';
  try {
    name = userInfo().username || name;
  } catch {
    // no user database (some containers): keep the default
  }
  const hex = createHash('sha256').update(`redac-desk:${dataDir}`).digest('hex');
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  const person: PersonRef = {
    id,
    name: name.slice(0, 200),
    initials: name.slice(0, 2).toUpperCase(),
    colour: `#${hex.slice(32, 38)}`,
  };
  return { me: () => person };
}
