import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { m0013PublicationSlugs } from '../../../src/main/db/migrations/0013-publication-slugs';
import { openDatabase } from '../../../src/main/db/open';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();
const ID = '7d1f1d7e-5a57-4d38-9a7c-1c1f0e0b6a09';

describe('the publication slugs migration', () => {
  it('keeps what was known of each post and leaves its slug and text hash unknown until the next sync', () => {
    const file = join(tempDir(), 'store.sqlite3');
    const before = openDatabase(file, { migrateTo: m0013PublicationSlugs.version - 1 });
    before
      .prepare(
        `INSERT INTO articles (id, headline, body, body_schema_version, status, language, created_at, updated_at, revision)
         VALUES (?, 'مجلس المدينة', '{"type":"doc","content":[{"type":"paragraph"}]}', 1, 'approved', 'ar', 1, 2, 4)`,
      )
      .run(ID);
    before
      .prepare(`INSERT INTO sites (id, name, url, username, created_at) VALUES ('s', 'n', 'u', 'e', 1)`)
      .run();
    before
      .prepare(
        `INSERT INTO publications (article_id, site_id, remote_id, remote_status, last_pushed_revision,
           remote_modified_gmt, remote_hash, state, updated_at)
         VALUES (?, 's', 12, 'publish', 4, '2026-11-29T10:00:00', 'abc:def', 'on_site', 3)`,
      )
      .run(ID);
    before.close();

    const db = openDatabase(file, { migrateTo: m0013PublicationSlugs.version });
    expect(db.prepare('SELECT * FROM publications').get()).toMatchObject({
      article_id: ID,
      remote_id: 12,
      remote_status: 'publish',
      last_pushed_revision: 4,
      remote_modified_gmt: '2026-11-29T10:00:00',
      remote_hash: 'abc:def',
      state: 'on_site',
      remote_slug: null,
      slug_basis: null,
      content_hash: null,
    });
    db.close();
  });
});
