import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaVersion } from '../../../src/main/db/migrate';
import { m0004SearchIndex } from '../../../src/main/db/migrations/0004-search-index';
import { openDatabase } from '../../../src/main/db/open';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();

describe('the search index migration', () => {
  it('indexes the articles a store already has, and keeps them', () => {
    const file = join(tempDir(), 'store.sqlite3');
    const before = openDatabase(file, { migrateTo: m0004SearchIndex.version - 1 });
    before.exec(`
      INSERT INTO tags (id, name, slug, fold_key, created_at) VALUES (1, 'Société', 'societe', 'societe', 1);
      INSERT INTO articles (id, kicker, headline, body, body_schema_version, status, language, created_at, updated_at, revision)
      VALUES ('7d1f1d7e-5a57-4d38-9a7c-1c1f0e0b6a01', 'Transports', 'Grève à la SNCF',
              '{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"Trains supprimés."}]}]}',
              1, 'published', 'fr', 10, 20, 3);
      INSERT INTO article_tags (article_id, tag_id, position) VALUES ('7d1f1d7e-5a57-4d38-9a7c-1c1f0e0b6a01', 1, 0);
    `);
    before.close();

    const db = openDatabase(file, { migrateTo: m0004SearchIndex.version });
    expect(schemaVersion(db)).toBe(m0004SearchIndex.version);
    expect(db.prepare('SELECT headline, revision FROM articles').get()).toEqual({
      headline: 'Grève à la SNCF',
      revision: 3,
    });
    const find = (match: string): string[] =>
      db
        .prepare<[string], string>(
          'SELECT d.article_id FROM search_fts JOIN search_docs d ON d.doc_id = search_fts.rowid WHERE search_fts MATCH ?',
        )
        .pluck()
        .all(match);
    for (const match of ['supprimes', 'greve', 'tags : societe', 'facets : xstpublished']) {
      expect(find(match), match).toEqual(['7d1f1d7e-5a57-4d38-9a7c-1c1f0e0b6a01']);
    }
    db.close();
  });
});
