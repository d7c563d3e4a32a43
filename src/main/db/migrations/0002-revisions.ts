import type { Migration } from './index';

/** Keeps every saved state; articles that existed before get their current state as their first revision. */
export const m0002Revisions: Migration = {
  version: 2,
  name: 'revisions',
  up(db) {
    db.exec(`
      CREATE TABLE revisions (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        revision INTEGER NOT NULL,
        headline TEXT NOT NULL,
        body TEXT NOT NULL,
        body_schema_version INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (article_id, revision)
      ) WITHOUT ROWID;
      INSERT INTO revisions (article_id, revision, headline, body, body_schema_version, created_at)
        SELECT id, revision, headline, body, body_schema_version, updated_at FROM articles;
    `);
  },
};
