import type { Db } from '../db/open';

export interface SiteRow {
  id: string;
  name: string;
  url: string;
  username: string;
  created_at: number;
}

/** The sites table: no password column on purpose (see credentialStore.ts). */
export function siteQueries(db: Db) {
  const all = db.prepare<[], SiteRow>(
    // rowid breaks ties in the same millisecond in the order the sites were added (ids are random).
    'SELECT * FROM sites ORDER BY created_at, rowid',
  );
  const byId = db.prepare<[string], SiteRow>('SELECT * FROM sites WHERE id = ?');
  const byUrlUser = db.prepare<[string, string], SiteRow>(
    'SELECT * FROM sites WHERE url = ? AND username = ?',
  );
  const insert = db.prepare<[SiteRow]>(
    'INSERT INTO sites (id, name, url, username, created_at) VALUES (@id, @name, @url, @username, @created_at)',
  );
  const remove = db.prepare<[string]>('DELETE FROM sites WHERE id = ?');
  return {
    all: (): SiteRow[] => all.all(),
    get: (id: string): SiteRow | undefined => byId.get(id),
    byUrlUser: (url: string, username: string): SiteRow | undefined => byUrlUser.get(url, username),
    insert: (row: SiteRow): void => void insert.run(row),
    remove: (id: string): boolean => remove.run(id).changes === 1,
  };
}
