import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { m0014ImpliedImportRevisions } from '../../../src/main/db/migrations/0014-implied-import-revisions';
import { migrate } from '../../../src/main/db/migrate';
import { openDatabase } from '../../../src/main/db/open';
import { createRevisionStore } from '../../../src/main/revisions/revisionStore';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const doc = (...texts: string[]) => ({ type: 'doc', content: texts.map(paragraph) });
const key = (json: string) => createHash('sha256').update(json).digest().subarray(0, 16);

describe('the implied import revisions migration', () => {
  it('drops the copy an untouched imported article kept of its body, and keeps every other revision readable', () => {
    const file = join(tempDir(), 'store.sqlite3');
    const before = openDatabase(file, { migrateTo: m0014ImpliedImportRevisions.version - 1 });
    const addArticle = before.prepare(
      `INSERT INTO articles (id, kicker, headline, body, body_schema_version, status, language, created_at, updated_at, revision)
       VALUES (?, 'Social', ?, ?, 5, 'published', 'fr', 10, 20, ?)`,
    );
    const addRevision = before.prepare(
      `INSERT INTO revisions (article_id, revision, headline, body, body_blocks, body_schema_version, fields, kind,
                              created_at, started_at)
       VALUES (?, ?, ?, ?, ?, 5, '{"kicker":"Social"}', ?, 20, 20)`,
    );
    const blocks = ['Importé, jamais retouché.', 'Importé puis retouché.', 'Retouche.'].map((text) => {
      const json = JSON.stringify(paragraph(text));
      return Number(
        before.prepare('INSERT INTO revision_blocks (hash, json) VALUES (?, ?)').run(key(json), json)
          .lastInsertRowid,
      );
    });
    // Imported, never saved since: its revision 1 is the row itself.
    addArticle.run('a-untouched', 'Grève', JSON.stringify(doc('Importé, jamais retouché.')), 1);
    addRevision.run('a-untouched', 1, 'Grève', '', JSON.stringify([blocks[0]]), 'import');
    // Imported, then saved: both revisions stay.
    addArticle.run('b-saved', 'Grève 2', JSON.stringify(doc('Importé puis retouché.', 'Retouche.')), 2);
    addRevision.run('b-saved', 1, 'Grève', '', JSON.stringify([blocks[1]]), 'import');
    addRevision.run('b-saved', 2, 'Grève 2', '', JSON.stringify([blocks[1], blocks[2]]), 'explicit');
    // Made here, and a revision kept whole from before blocks: both stay.
    addArticle.run('c-created', 'Brouillon', JSON.stringify(doc('Brouillon.')), 1);
    addRevision.run('c-created', 1, 'Brouillon', JSON.stringify(doc('Brouillon.')), null, 'created');
    before.close();

    const db = openDatabase(file, { migrateTo: m0014ImpliedImportRevisions.version });
    const rows = db
      .prepare('SELECT article_id, revision, kind FROM revisions ORDER BY article_id, revision')
      .all();
    expect(rows).toEqual([
      { article_id: 'b-saved', revision: 1, kind: 'import' },
      { article_id: 'b-saved', revision: 2, kind: 'explicit' },
      { article_id: 'c-created', revision: 1, kind: 'created' },
    ]);
    // The untouched article's block is gone; the blocks still used keep their ids.
    expect(db.prepare('SELECT id FROM revision_blocks ORDER BY id').pluck().all()).toEqual([
      blocks[1],
      blocks[2],
    ]);

    // Read as the app reads it: today's code, once every later migration has run too.
    migrate(db);
    const store = createRevisionStore(db, 'test');
    expect(store.list('a-untouched', 10)).toEqual([expect.objectContaining({ revision: 1, kind: 'import' })]);
    expect(store.get('a-untouched', 1)).toMatchObject({
      headline: 'Grève',
      body: doc('Importé, jamais retouché.'),
      rest: { kicker: 'Social' },
    });
    expect(store.get('b-saved', 1)?.body).toEqual(doc('Importé puis retouché.'));
    expect(store.get('b-saved', 2)?.body).toEqual(doc('Importé puis retouché.', 'Retouche.'));
    expect(store.get('c-created', 1)?.body).toEqual(doc('Brouillon.'));
    // The rebuilt tables are the ones the store writes to, with their constraints.
    expect(() =>
      db
        .prepare(
          "INSERT INTO revisions (article_id, revision, headline, body, body_schema_version, created_at) VALUES ('nobody', 1, '', '', 5, 1)",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      db
        .prepare('INSERT INTO revision_blocks (hash, json) VALUES (?, ?)')
        .run(key(JSON.stringify(paragraph('Retouche.'))), '{}'),
    ).toThrow(/UNIQUE/);
    db.close();
  });

  it('counts the revisions it reads for the start-up screen, and keeps the same rows', () => {
    const file = join(tempDir(), 'store.sqlite3');
    const before = openDatabase(file, { migrateTo: m0014ImpliedImportRevisions.version - 1 });
    const addArticle = before.prepare(
      `INSERT INTO articles (id, headline, body, body_schema_version, status, language, created_at, updated_at, revision)
       VALUES (?, 'Grève', '{"type":"doc"}', 5, 'published', 'fr', 10, 20, ?)`,
    );
    const addRevision = before.prepare(
      `INSERT INTO revisions (article_id, revision, headline, body, body_schema_version, kind, created_at, started_at)
       VALUES (?, ?, 'Grève', '{"type":"doc"}', 5, ?, 20, 20)`,
    );
    // 9,000 untouched imports (dropped) and one article saved 300 times (kept).
    before.transaction(() => {
      for (let i = 0; i < 9000; i++) {
        addArticle.run(`imported-${i}`, 1);
        addRevision.run(`imported-${i}`, 1, 'import');
      }
      addArticle.run('saved', 300);
      for (let r = 1; r <= 300; r++) addRevision.run('saved', r, r === 1 ? 'import' : 'explicit');
    })();
    before.close();
    const db = openDatabase(file, { migrateTo: m0014ImpliedImportRevisions.version - 1 });
    const seen: (number | null)[] = [];
    migrate(db, m0014ImpliedImportRevisions.version, undefined, (status) => {
      if (status.name === 'implied-import-revisions' && status.done !== null)
        seen.push(status.done, status.total);
    });
    expect(seen).toEqual([8192, null]);
    expect(db.prepare('SELECT count(*) FROM revisions').pluck().get()).toBe(300);
    db.close();
  });
});
