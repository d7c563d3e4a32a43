import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { m0011SiteZonesMediaMeta } from '../../../src/main/db/migrations/0011-site-zones-media-meta';
import { openDatabase } from '../../../src/main/db/open';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();

describe('the site zones and media captions migration', () => {
  it('keeps the uploaded media it knew and adds an empty time zone cache', () => {
    const file = join(tempDir(), 'store.sqlite3');
    const before = openDatabase(file, { migrateTo: m0011SiteZonesMediaMeta.version - 1 });
    before
      .prepare(
        `INSERT INTO sites (id, name, url, username, created_at) VALUES ('s', 'n', 'http://x', 'e', 1)`,
      )
      .run();
    before
      .prepare(
        `INSERT INTO remote_media (site_id, media_key, remote_id, source_url, created_at)
         VALUES ('s', 'k.png', 41, 'http://x/wp-content/uploads/k.png', 2)`,
      )
      .run();
    before.close();

    const db = openDatabase(file, { migrateTo: m0011SiteZonesMediaMeta.version });
    expect(db.prepare('SELECT * FROM remote_media').all()).toEqual([
      {
        site_id: 's',
        media_key: 'k.png',
        remote_id: 41,
        source_url: 'http://x/wp-content/uploads/k.png',
        created_at: 2,
        meta_hash: null,
      },
    ]);
    expect(db.prepare('SELECT count(*) AS n FROM site_zones').get()).toEqual({ n: 0 });
    expect(db.prepare("SELECT name FROM pragma_table_info('publications')").pluck().all()).toContain(
      'remote_date_gmt',
    );
    db.prepare(
      `INSERT INTO site_zones (site_id, timezone_string, gmt_offset, fetched_at) VALUES ('s', 'Europe/Paris', 1, 3)`,
    ).run();
    // Removing the site forgets its zone.
    db.prepare(`DELETE FROM sites WHERE id = 's'`).run();
    expect(db.prepare('SELECT count(*) AS n FROM site_zones').get()).toEqual({ n: 0 });
    db.close();
  });
});
