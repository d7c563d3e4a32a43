import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { m0010CommentThreads } from '../../../src/main/db/migrations/0010-comment-threads';
import { openDatabase } from '../../../src/main/db/open';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();
const ID = '7d1f1d7e-5a57-4d38-9a7c-1c1f0e0b6a09';

describe('the comment threads migration', () => {
  it('keeps articles and adds empty threads and comments that go with their article', () => {
    const file = join(tempDir(), 'store.sqlite3');
    // Built on whatever comes just before (0008 here, workflow's 0009 once merged).
    const before = openDatabase(file, { migrateTo: m0010CommentThreads.version - 1 });
    before
      .prepare(
        `INSERT INTO articles (id, headline, body, body_schema_version, status, language, created_at, updated_at, revision)
         VALUES (?, 'Crue de la Seine', '{"type":"doc","content":[{"type":"paragraph"}]}', 2, 'draft', 'fr', 1, 2, 3)`,
      )
      .run(ID);
    before.close();

    const db = openDatabase(file, { migrateTo: m0010CommentThreads.version });
    expect(db.prepare('SELECT headline, revision FROM articles').get()).toEqual({
      headline: 'Crue de la Seine',
      revision: 3,
    });
    for (const table of ['comment_threads', 'comments'])
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
    db.prepare(
      `INSERT INTO comment_threads (id, article_id, anchor, created_at) VALUES ('t', ?, '{"kind":"body"}', 1)`,
    ).run(ID);
    db.prepare(
      `INSERT INTO comments (id, thread_id, author, at, text) VALUES ('c', 't', '{}', 1, 'Source ?')`,
    ).run();
    db.prepare('DELETE FROM articles WHERE id = ?').run(ID);
    expect(db.prepare('SELECT count(*) AS n FROM comments').get()).toEqual({ n: 0 });
    db.close();
  });
});
