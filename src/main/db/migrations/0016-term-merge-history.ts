import type { Migration } from './index';

/**
 * What a term merge must keep for history (taxonomy/termEditing.ts):
 * - merged_terms: a merged-away section, tag or author's name and what it became. Revisions keep term ids, and
 *   the term's row is deleted by the merge: History shows the name from here, a restore links the survivor,
 *   and a new term never takes the id (which would show an unrelated term in old revisions).
 * - implied_revision_fields: the small fields (terms included) of an untouched import's first revision, when a
 *   merge changed its row's links. That revision is read from the row until the first save
 *   (revisions/revisionStore.ts, implied); without this, a merge would rewrite it.
 * - term_reindex: a renamed term whose articles are still being re-indexed (in steps, by article id after
 *   `after`), so that a re-index cut short by a quit resumes at the next start.
 */
export const m0016TermMergeHistory: Migration = {
  version: 16,
  name: 'term-merge-history',
  up(db) {
    db.exec(`
      CREATE TABLE merged_terms (
        kind TEXT NOT NULL,
        id INTEGER NOT NULL,
        name TEXT NOT NULL,
        into_id INTEGER NOT NULL,
        merged_at INTEGER NOT NULL,
        PRIMARY KEY (kind, id)
      ) WITHOUT ROWID;
      CREATE TABLE term_reindex (
        kind TEXT NOT NULL,
        id INTEGER NOT NULL,
        after TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (kind, id)
      ) WITHOUT ROWID;
      CREATE TABLE implied_revision_fields (
        article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        fields TEXT NOT NULL
      ) WITHOUT ROWID;
    `);
  },
};
