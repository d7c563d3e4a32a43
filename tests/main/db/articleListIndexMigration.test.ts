import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { m0012ArticleListIndex } from '../../../src/main/db/migrations/0012-article-list-index';
import { openDatabase } from '../../../src/main/db/open';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();

describe('the article list index migration', () => {
  it('keeps every article and answers list pages from the summary index alone', () => {
    const file = join(tempDir(), 'store.sqlite3');
    const before = openDatabase(file, { migrateTo: m0012ArticleListIndex.version - 1 });
    const insert = before.prepare(
      `INSERT INTO articles (id, kicker, headline, body, body_schema_version, status, language, created_at, updated_at, revision)
       VALUES (?, 'Brève', ?, '{"type":"doc"}', 1, 'draft', 'fr', 1, ?, 3)`,
    );
    for (let i = 0; i < 5; i++) insert.run(`a${i}`, `Titre ${i}`, 1000 + (i % 3));
    before.close();

    const db = openDatabase(file, { migrateTo: m0012ArticleListIndex.version });
    const page = db.prepare(
      `SELECT id, kicker, headline, status, language, updated_at, revision FROM articles
        WHERE updated_at <= ? AND (updated_at < ? OR id > ?) ORDER BY updated_at DESC, id LIMIT ?`,
    );
    expect(page.all(1002, 1002, 'a2', 10)).toEqual(
      ['a1', 'a4', 'a0', 'a3'].map((id) => ({
        id,
        kicker: 'Brève',
        headline: `Titre ${id.slice(1)}`,
        status: 'draft',
        language: 'fr',
        updated_at: id === 'a1' || id === 'a4' ? 1001 : 1000,
        revision: 3,
      })),
    );
    // The plan reads the index only: the rows (and their bodies) are not visited.
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN ${page.source}`)
      .all(1002, 1002, 'a2', 10)
      .map((r) => (r as { detail: string }).detail)
      .join('\n');
    expect(plan).toMatch(/COVERING INDEX articles_list/);
    expect(
      db.prepare("SELECT name FROM sqlite_master WHERE name = 'articles_by_updated'").get(),
    ).toBeUndefined();
    db.close();
  });
});
