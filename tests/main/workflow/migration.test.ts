import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { m0009Workflow } from '../../../src/main/db/migrations/0009-workflow';
import { openDatabase } from '../../../src/main/db/open';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();
const ID = '7d1f1d7e-5a57-4d38-9a7c-1c1f0e0b6a02';
const BODY =
  '{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"Trains supprimés."}]}]}';

describe('the workflow migration (0009)', () => {
  it('keeps existing articles and their status, with no assignment and normal priority', () => {
    const file = join(tempDir(), 'store.sqlite3');
    const before = openDatabase(file, { migrateTo: m0009Workflow.version - 1 });
    before
      .prepare(
        `INSERT INTO articles (id, headline, body, body_schema_version, status, language, created_at, updated_at, revision)
         VALUES (?, 'Grève', ?, 1, 'approved', 'fr', 10, 20, 3)`,
      )
      .run(ID, BODY);
    const beforeRow = before.prepare('SELECT * FROM articles WHERE id = ?').get(ID) as Record<
      string,
      unknown
    >;
    before.close();

    const db = openDatabase(file, { migrateTo: m0009Workflow.version });
    const row = db.prepare('SELECT * FROM articles WHERE id = ?').get(ID) as Record<string, unknown>;
    expect(row).toEqual({
      ...beforeRow,
      created_by: null,
      assignee_id: null,
      deadline: null,
      priority: 'normal',
      status_changed_at: null,
    });
    expect(db.prepare('SELECT count(*) FROM workflow_events').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM profile').pluck().get()).toBe(0);
    // The profile is one row, and its role one of three.
    const put = db.prepare(
      "INSERT INTO profile (singleton, person_id, name, initials, colour, role, updated_at) VALUES (?, 'p', 'N', 'N', '#000000', ?, 1)",
    );
    expect(() => put.run(1, 'editor_in_chief')).toThrow(/CHECK/);
    put.run(1, 'reporter');
    expect(() => put.run(2, 'reporter')).toThrow(/CHECK/);
    db.close();
  });
});
