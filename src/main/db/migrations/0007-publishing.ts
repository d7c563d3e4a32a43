import type { Migration } from './index';

/**
 * WordPress sites, what each article is on each site, and the durable outbox of operations to send.
 * Passwords are not here: they live behind the credential store (safeStorage or a 0600 file).
 * publications keeps, per article and site, the remote id, the revision last pushed and the remote
 * modified_gmt and content hash seen then: timestamps have one-second resolution, the hash catches the rest.
 * outbox rows are drained in id order per article; a row blocks later rows of its article until it is done,
 * failed for good or cancelled.
 */
export const m0007Publishing: Migration = {
  version: 7,
  name: 'publishing',
  up(db) {
    db.exec(`
      CREATE TABLE sites (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        url TEXT NOT NULL,
        username TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        UNIQUE (url, username)
      );

      CREATE TABLE publications (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        site_id TEXT NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
        remote_id INTEGER,
        remote_status TEXT,
        last_pushed_revision INTEGER,
        remote_modified_gmt TEXT,
        remote_hash TEXT,
        state TEXT NOT NULL DEFAULT 'not_on_site',
        last_error TEXT,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (article_id, site_id)
      ) WITHOUT ROWID;
      CREATE UNIQUE INDEX publications_by_remote ON publications (site_id, remote_id) WHERE remote_id IS NOT NULL;

      -- Files of the app's media store uploaded to a site: uploaded once per site, found again by key.
      CREATE TABLE remote_media (
        site_id TEXT NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
        media_key TEXT NOT NULL,
        remote_id INTEGER NOT NULL,
        source_url TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (site_id, media_key)
      ) WITHOUT ROWID;

      -- Where a pull from a site got to: the last post fully stored, by (modified_gmt, id).
      CREATE TABLE pull_cursors (
        site_id TEXT NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
        scope TEXT NOT NULL,
        modified_gmt TEXT NOT NULL,
        remote_id INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (site_id, scope)
      ) WITHOUT ROWID;

      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        site_id TEXT NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
        article_id TEXT REFERENCES articles (id) ON DELETE CASCADE,
        operation TEXT NOT NULL,
        payload TEXT NOT NULL DEFAULT '{}',
        idempotency_key TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL DEFAULT 'pending',
        attempts INTEGER NOT NULL DEFAULT 0,
        next_try_at INTEGER NOT NULL,
        last_error TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX outbox_pending ON outbox (status, next_try_at) WHERE status IN ('pending', 'running');
      CREATE INDEX outbox_by_article ON outbox (article_id, id);
    `);
  },
};
