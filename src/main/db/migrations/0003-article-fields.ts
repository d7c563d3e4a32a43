import type { Migration } from './index';

/**
 * The fields of a newspaper article beyond headline and body, and the local lists of sections, tags and authors
 * they point to. fold_key (case, accents and Arabic spellings folded) keeps out near-duplicates such as
 * "Élysée" and "elysee". Revisions keep the small fields as one JSON object beside headline and body.
 */
export const m0003ArticleFields: Migration = {
  version: 3,
  name: 'article-fields',
  up(db) {
    db.exec(`
      CREATE TABLE sections (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        slug TEXT NOT NULL UNIQUE,
        fold_key TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE tags (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        slug TEXT NOT NULL UNIQUE,
        fold_key TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE authors (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        slug TEXT NOT NULL UNIQUE,
        fold_key TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL
      );

      ALTER TABLE articles ADD COLUMN kicker TEXT NOT NULL DEFAULT '';
      ALTER TABLE articles ADD COLUMN standfirst TEXT NOT NULL DEFAULT '';
      ALTER TABLE articles ADD COLUMN slug TEXT NOT NULL DEFAULT '';
      ALTER TABLE articles ADD COLUMN seo_title TEXT NOT NULL DEFAULT '';
      ALTER TABLE articles ADD COLUMN seo_description TEXT NOT NULL DEFAULT '';
      ALTER TABLE articles ADD COLUMN section_id INTEGER REFERENCES sections (id) ON DELETE SET NULL;
      ALTER TABLE articles ADD COLUMN featured_image TEXT;
      CREATE INDEX articles_by_section ON articles (section_id) WHERE section_id IS NOT NULL;

      CREATE TABLE article_tags (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        tag_id INTEGER NOT NULL REFERENCES tags (id),
        position INTEGER NOT NULL,
        PRIMARY KEY (article_id, tag_id)
      ) WITHOUT ROWID;
      CREATE INDEX article_tags_by_tag ON article_tags (tag_id);

      CREATE TABLE article_authors (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        author_id INTEGER NOT NULL REFERENCES authors (id),
        position INTEGER NOT NULL,
        PRIMARY KEY (article_id, author_id)
      ) WITHOUT ROWID;
      CREATE INDEX article_authors_by_author ON article_authors (author_id);

      ALTER TABLE revisions ADD COLUMN fields TEXT NOT NULL DEFAULT '{}';
    `);
  },
};
