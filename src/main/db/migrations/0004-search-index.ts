import { createSearchIndexer } from '../../search/searchIndexer';
import type { Migration } from './index';

/**
 * The full-text index. Contentless (content=''): it keeps only the posting lists, not a second copy of every
 * body; snippets are cut from the article row. search_docs maps an article to its index row, whose id follows
 * the article's date (see search/facets.ts). Existing articles are indexed here, in the migration's
 * transaction.
 */
export const m0004SearchIndex: Migration = {
  version: 4,
  name: 'search-index',
  up(db) {
    db.exec(`
      CREATE TABLE search_docs (
        doc_id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL UNIQUE REFERENCES articles (id) ON DELETE CASCADE
      );
      CREATE VIRTUAL TABLE search_fts USING fts5 (
        kicker, headline, standfirst, body, captions, tags, byline, facets,
        content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
      );
    `);
    const indexer = createSearchIndexer(db);
    for (const { id } of db.prepare<[], { id: string }>('SELECT id FROM articles').all()) {
      indexer.indexArticle(id);
    }
  },
};
