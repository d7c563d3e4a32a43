import { LEFTOVER_PREFIX } from '../leftoverTables';
import type { Migration } from './index';

/** Old revisions from which the old trees are left to the quiet seconds rather than dropped in the upgrade. */
export const LEAVE_FROM_REVISIONS = 20_000;

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
    // Each article's revision is read once, in order, from the list index (migration 0012: it holds id and
    // revision), rather than looked up per revision in the articles table, where reaching the revision column
    // reads the whole body before it (overflow pages): on the session-4 1M store that lookup read 7.3 GB in
    // 295 s of this step's 341 s (cold, load 8). The same value for the same id: the rows kept are unchanged.
    // \`+id\`: sorted apart, so that the planner scans the covering index rather than the table in id order.
    // Counts the revisions read, for the start-up screen (db/upgradeInThread.ts): on a cold 1M store this
    // step read for 11 minutes. Added after 0014 shipped: it returns 1, so the rows kept are exactly those of
    // the condition, as before. No total: counting the revisions first would read the table twice.
    let read = 0;
    db.function('m0014_read', { deterministic: false }, () => {
      if (++read % 8192 === 0) progress(read, null);
      return 1;
    });
    db.exec(`
      CREATE TEMP TABLE m0014_article_revisions (
        id TEXT PRIMARY KEY,
        revision INTEGER NOT NULL
      ) WITHOUT ROWID;
      INSERT INTO m0014_article_revisions (id, revision) SELECT id, revision FROM articles ORDER BY +id;
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
                    AND (SELECT a.revision FROM m0014_article_revisions a WHERE a.id = r.article_id) = 1)
         ORDER BY r.article_id, r.revision;
      DROP TABLE m0014_article_revisions;
    `);
    // A large archive's old trees are left for the app to empty in quiet seconds (db/leftoverTables.ts):
    // DROP TABLE reads every page it frees, and on the session-4 1M store the two drops read 2.3 GB (46.7 s of
    // the upgrade, cold, load 8; 450 s in session 6 when the pages read before had left the cache). A small
    // one's drop is a blink, done here as it always was.
    const leave = read >= LEAVE_FROM_REVISIONS;
    db.exec(`
      ${leave ? `ALTER TABLE revisions RENAME TO ${LEFTOVER_PREFIX}0014_revisions` : 'DROP TABLE revisions'};
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
      ${leave ? `ALTER TABLE revision_blocks RENAME TO ${LEFTOVER_PREFIX}0014_revision_blocks` : 'DROP TABLE revision_blocks'};
      ALTER TABLE revision_blocks_kept RENAME TO revision_blocks;
    `);
  },
};
