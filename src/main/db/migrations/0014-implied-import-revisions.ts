import type { Migration } from './index';

/**
 * An imported article's first revision is its own row until its first save (revisions/revisionStore.ts,
 * implied): the import revisions of articles never saved since, and the blocks only they used, are dropped.
 * They copied each body a second time (about a quarter of an imported archive), and with time-ordered ids they
 * packed the revision trees full, so the first save of any archived article split a page in each of them.
 *
 * Both tables are rebuilt from the rows kept rather than deleted from: in an imported archive nearly every
 * row goes, and copying the few kept is far cheaper than a million deletes from two b-trees. Freed pages stay
 * in the file for the next writes to reuse. Revisions are copied in key order and blocks in id order, so the
 * new trees are written sequentially.
 */
export const m0014ImpliedImportRevisions: Migration = {
  version: 14,
  name: 'implied-import-revisions',
  up(db, progress) {
    // Counts the revisions read, for the start-up screen (db/upgradeInThread.ts): on a cold 1M store this
    // step read for 11 minutes. Added after 0014 shipped: it returns 1, so the rows kept are exactly those of
    // the condition, as before. No total: counting the revisions first would read the table twice.
    let read = 0;
    db.function('m0014_read', { deterministic: false }, () => {
      if (++read % 8192 === 0) progress(read, null);
      return 1;
    });
    db.exec(`
      CREATE TABLE revisions_kept (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        revision INTEGER NOT NULL,
        headline TEXT NOT NULL,
        body TEXT NOT NULL,
        body_schema_version INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        fields TEXT NOT NULL DEFAULT '{}',
        body_blocks TEXT,
        kind TEXT NOT NULL DEFAULT 'save',
        saved_by TEXT NOT NULL DEFAULT '',
        words_added INTEGER NOT NULL DEFAULT 0,
        words_removed INTEGER NOT NULL DEFAULT 0,
        started_at INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (article_id, revision)
      ) WITHOUT ROWID;
      INSERT INTO revisions_kept (article_id, revision, headline, body, body_schema_version, created_at, fields,
                                  body_blocks, kind, saved_by, words_added, words_removed, started_at)
        SELECT r.article_id, r.revision, r.headline, r.body, r.body_schema_version, r.created_at, r.fields,
               r.body_blocks, r.kind, r.saved_by, r.words_added, r.words_removed, r.started_at
          FROM revisions r
         WHERE m0014_read() AND NOT (r.kind = 'import' AND r.revision = 1
                    AND (SELECT a.revision FROM articles a WHERE a.id = r.article_id) = 1)
         ORDER BY r.article_id, r.revision;
      DROP TABLE revisions;
      ALTER TABLE revisions_kept RENAME TO revisions;

      CREATE TABLE revision_blocks_kept (
        id INTEGER PRIMARY KEY,
        hash BLOB NOT NULL UNIQUE,
        json TEXT NOT NULL
      );
      INSERT INTO revision_blocks_kept (id, hash, json)
        SELECT b.id, b.hash, b.json FROM revision_blocks b
         WHERE b.id IN (SELECT j.value FROM revisions r, json_each(r.body_blocks) j WHERE r.body_blocks IS NOT NULL)
         ORDER BY b.id;
      DROP TABLE revision_blocks;
      ALTER TABLE revision_blocks_kept RENAME TO revision_blocks;
    `);
  },
};
