import type { Migration } from './index';

export const m0001Articles: Migration = {
  version: 1,
  name: 'articles',
  up(db) {
    db.exec(`
      CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        headline TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL,
        body_schema_version INTEGER NOT NULL,
        status TEXT NOT NULL DEFAULT 'draft',
        language TEXT NOT NULL DEFAULT 'fr',
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        revision INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX articles_by_updated ON articles (updated_at DESC, id);
    `);
  },
};
