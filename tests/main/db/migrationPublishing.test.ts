import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { m0007Publishing } from '../../../src/main/db/migrations/0007-publishing';
import { openDatabase } from '../../../src/main/db/open';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();
const ID = '7d1f1d7e-5a57-4d38-9a7c-1c1f0e0b6a09';

describe('the publishing migration', () => {
  it('keeps articles and revisions and adds empty sites, publications and outbox tables', () => {
    const file = join(tempDir(), 'store.sqlite3');
    // The lead may renumber migrations at merge: build whatever version comes just before this one.
    const before = openDatabase(file, { migrateTo: m0007Publishing.version - 1 });
    before
      .prepare(
        `INSERT INTO articles (id, headline, body, body_schema_version, status, language, created_at, updated_at, revision)
         VALUES (?, 'Législatives : le second tour', '{"type":"doc","content":[{"type":"paragraph"}]}', 1, 'approved', 'fr', 1, 2, 4)`,
      )
      .run(ID);
    before.close();

    const db = openDatabase(file, { migrateTo: m0007Publishing.version });
    expect(db.prepare('SELECT headline, status, revision FROM articles').get()).toEqual({
      headline: 'Législatives : le second tour',
      status: 'approved',
      revision: 4,
    });
    for (const table of ['sites', 'publications', 'outbox'])
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
    // Passwords have no column anywhere in the store.
    const columns = db.prepare("SELECT name FROM pragma_table_info('sites')").pluck().all();
    expect(columns).not.toContain('password');
    db.prepare(
      `INSERT INTO sites (id, name, url, username, created_at) VALUES ('s', 'n', 'u', 'e', 1)`,
    ).run();
    db.prepare(
      `INSERT INTO publications (article_id, site_id, remote_id, updated_at) VALUES (?, 's', 12, 3)`,
    ).run(ID);
    // Deleting an article drops what was known of it on sites (the post stays on the site).
    db.prepare('DELETE FROM articles WHERE id = ?').run(ID);
    expect(db.prepare('SELECT count(*) AS n FROM publications').get()).toEqual({ n: 0 });
    db.close();
  });
});
