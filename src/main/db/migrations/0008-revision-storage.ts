import type { Migration } from './index';

/**
 * Revisions that cost what changed, not a copy of the article each time. A body is stored as the list of its
 * top-level blocks (paragraphs, headings...), each block once per distinct content (content-addressed by a
 * hash): ten revisions of a 30-paragraph article that differ by one paragraph each store 30 + 9 blocks, not
 * 300. Older rows keep their whole body in `body` (body_blocks NULL) and read as before.
 * kind/started_at let typing coalesce into one revision per burst; saved_by and the word counts feed the
 * History panel without recomputing diffs.
 */
export const m0008RevisionStorage: Migration = {
  version: 8,
  name: 'revision-storage',
  up(db) {
    db.exec(`
      CREATE TABLE revision_blocks (
        id INTEGER PRIMARY KEY,
        hash BLOB NOT NULL UNIQUE,
        json TEXT NOT NULL
      );
      ALTER TABLE revisions ADD COLUMN body_blocks TEXT;
      ALTER TABLE revisions ADD COLUMN kind TEXT NOT NULL DEFAULT 'save';
      ALTER TABLE revisions ADD COLUMN saved_by TEXT NOT NULL DEFAULT '';
      ALTER TABLE revisions ADD COLUMN words_added INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE revisions ADD COLUMN words_removed INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE revisions ADD COLUMN started_at INTEGER NOT NULL DEFAULT 0;
      UPDATE revisions SET started_at = created_at;
    `);
  },
};
