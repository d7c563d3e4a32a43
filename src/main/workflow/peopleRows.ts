import type { PersonRef, Profile, Role } from '../../shared/domain/people';
import type { Db } from '../db/open';

interface ProfileRow {
  person_id: string;
  name: string;
  initials: string;
  colour: string;
  role: string;
}

/** The profile row and the people this desk has seen, prepared once per connection. */
export function peopleQueries(db: Db) {
  const getProfile = db.prepare<[], ProfileRow>(
    'SELECT person_id, name, initials, colour, role FROM profile WHERE singleton = 1',
  );
  const putProfile = db.prepare<[ProfileRow & { at: number }]>(
    `INSERT INTO profile (singleton, person_id, name, initials, colour, role, updated_at)
     VALUES (1, @person_id, @name, @initials, @colour, @role, @at)
     ON CONFLICT (singleton) DO UPDATE SET person_id = excluded.person_id, name = excluded.name,
       initials = excluded.initials, colour = excluded.colour, role = excluded.role, updated_at = excluded.updated_at`,
  );
  // The newest sighting wins: a person renamed on one desk shows under the new name once it reaches this one.
  const seePerson = db.prepare<[PersonRef & { at: number }]>(
    `INSERT INTO people (id, name, initials, colour, seen_at) VALUES (@id, @name, @initials, @colour, @at)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, initials = excluded.initials, colour = excluded.colour,
       seen_at = excluded.seen_at WHERE excluded.seen_at >= people.seen_at`,
  );
  const getPerson = db.prepare<[string], PersonRef>(
    'SELECT id, name, initials, colour FROM people WHERE id = ?',
  );
  const listPeople = db.prepare<[number], PersonRef>(
    'SELECT id, name, initials, colour FROM people ORDER BY name COLLATE NOCASE, id LIMIT ?',
  );

  return {
    profile(): Profile | undefined {
      const row = getProfile.get();
      if (!row) return undefined;
      return {
        id: row.person_id,
        name: row.name,
        initials: row.initials,
        colour: row.colour,
        role: row.role as Role,
      };
    },
    saveProfile(profile: Profile, at: number): void {
      putProfile.run({
        person_id: profile.id,
        name: profile.name,
        initials: profile.initials,
        colour: profile.colour,
        role: profile.role,
        at,
      });
    },
    /** Records a person seen at `at` (profile, history, assignment, import). */
    see(person: PersonRef, at: number): void {
      seePerson.run({
        id: person.id,
        name: person.name,
        initials: person.initials,
        colour: person.colour,
        at,
      });
    },
    person: (id: string): PersonRef | undefined => getPerson.get(id),
    list: (limit: number): PersonRef[] => listPeople.all(limit),
  };
}

export type PeopleQueries = ReturnType<typeof peopleQueries>;
