import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { m0008RevisionStorage } from '../../../src/main/db/migrations/0008-revision-storage';
import { migrate } from '../../../src/main/db/migrate';
import { openDatabase } from '../../../src/main/db/open';
import { createRevisionStore } from '../../../src/main/revisions/revisionStore';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();
const ID = '7d1f1d7e-5a57-4d38-9a7c-1c1f0e0b6a01';
const BODY =
  '{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"Trains supprimés."}]}]}';

describe('the revision storage migration', () => {
  it('keeps older revisions whole and readable, as kept saves', () => {
    const file = join(tempDir(), 'store.sqlite3');
    const before = openDatabase(file, { migrateTo: m0008RevisionStorage.version - 1 });
    before
      .prepare(
        `INSERT INTO articles (id, headline, body, body_schema_version, status, language, created_at, updated_at, revision)
         VALUES (?, 'Grève', ?, 1, 'draft', 'fr', 10, 20, 2)`,
      )
      .run(ID, BODY);
    before
      .prepare(
        `INSERT INTO revisions (article_id, revision, headline, body, body_schema_version, fields, created_at)
         VALUES (?, 2, 'Grève', ?, 1, '{"kicker":"Social"}', 20)`,
      )
      .run(ID, BODY);
    before.close();

    const db = openDatabase(file, { migrateTo: m0008RevisionStorage.version });
    // Read as the app reads it: today's code, once every later migration has run too.
    migrate(db);
    const revision = createRevisionStore(db, 'test').get(ID, 2);
    expect(revision).toMatchObject({
      headline: 'Grève',
      body: JSON.parse(BODY),
      rest: { kicker: 'Social' },
      kind: 'save',
      createdAt: 20,
    });
    db.close();
  });
});
