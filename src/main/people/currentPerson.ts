import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { PersonRef } from '../../shared/domain/people';

/** Where this desk's person is kept until the workflow branch's profile (profile:get) replaces this file. */
export const PERSON_FILE = 'person.json';

const PALETTE = ['#1f6feb', '#b35900', '#8250df', '#1a7f37', '#cf222e', '#0a7ea4'];

function initialsOf(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => [...part][0]?.toUpperCase() ?? '')
    .join('');
  return letters.slice(0, 3) || '?';
}

/**
 * "Who is using this desk": the one function comments and suggestions ask. Read from the data folder on every
 * call (a tiny file) so a change of profile applies at once; made on first use with a fresh id and the
 * system user's name. Main never takes an author from the renderer.
 */
export function localPerson(dataDir: string): () => PersonRef {
  const file = join(dataDir, PERSON_FILE);
  return () => {
    try {
      const parsed = PersonRef.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (parsed.success) return parsed.data;
    } catch {
      // missing or unreadable: made below
    }
    let name = 'Redac';
    try {
      name = userInfo().username || name;
    } catch {
      // no user database (some containers)
    }
    const id = randomUUID();
    const person: PersonRef = {
      id,
      name,
      initials: initialsOf(name),
      colour: PALETTE[parseInt(id.slice(0, 2), 16) % PALETTE.length] ?? '#1f6feb',
    };
    writeFileSync(file, JSON.stringify(person), { mode: 0o600 });
    return person;
  };
}
