import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { m0016TermMergeHistory } from '../../../src/main/db/migrations/0016-term-merge-history';
import { migrate } from '../../../src/main/db/migrate';
import { openDatabase } from '../../../src/main/db/open';
import { createRevisionStore } from '../../../src/main/revisions/revisionStore';
import { createTermService } from '../../../src/main/taxonomy/termService';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();
const ID = '7d1f1d7e-5a57-4d38-9a7c-1c1f0e0b6a16';

describe('the term merge history migration', () => {
  it('keeps an untouched import’s first revision and its terms as they were, with no merge recorded yet', () => {
    const file = join(tempDir(), 'store.sqlite3');
    const before = openDatabase(file, { migrateTo: 14 });
    before
      .prepare(
        `INSERT INTO articles (id, headline, body, body_schema_version, status, language, created_at, updated_at, revision)
         VALUES (?, 'Grève', '{"type":"doc","content":[{"type":"paragraph"}]}', 1, 'published', 'fr', 1, 2, 1)`,
      )
      .run(ID);
    before
      .prepare(
        `INSERT INTO tags (id, name, slug, fold_key, created_at) VALUES (7, 'Rail', 'rail', 'rail', 1)`,
      )
      .run();
    before.prepare('INSERT INTO article_tags (article_id, tag_id, position) VALUES (?, 7, 0)').run(ID);
    before.close();

    const db = openDatabase(file, { migrateTo: m0016TermMergeHistory.version });
    expect(db.prepare('SELECT count(*) FROM merged_terms').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM implied_revision_fields').pluck().get()).toBe(0);
    migrate(db);
    expect(createRevisionStore(db, 'test').get(ID, 1)).toMatchObject({
      kind: 'import',
      rest: { tagIds: [7] },
    });
    // A new tag is numbered after the existing ones, as before.
    expect(createTermService(db).ensure('tags', 'Métro').id).toBe(8);
    db.close();
  });
});
