import type { Migration } from './index';

/**
 * Where an imported article came from (a WordPress export's guid, a JSON Lines item's id): importing the
 * same file again finds its articles here instead of making copies.
 */
export const m0005ArticleSources: Migration = {
  version: 5,
  name: 'article-sources',
  up(db) {
    db.exec(`
      CREATE TABLE article_sources (
        source_key TEXT PRIMARY KEY,
        article_id TEXT NOT NULL UNIQUE REFERENCES articles (id) ON DELETE CASCADE
      ) WITHOUT ROWID;
    `);
  },
};
