import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseTooNewError, migrate, schemaVersion } from '../../../src/main/db/migrate';
import { LATEST_SCHEMA_VERSION, migrations, type Migration } from '../../../src/main/db/migrations/index';
import { DatabaseCorruptError, openDatabase } from '../../../src/main/db/open';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();
const storeFile = (): string => join(tempDir(), 'store.sqlite3');

describe('opening the store', () => {
  it('creates a fresh database at the latest schema with durable settings', () => {
    const db = openDatabase(storeFile());
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual(expect.arrayContaining(['articles', 'revisions']));
    db.close();
  });

  it('numbers migrations in increasing order, one per version', () => {
    // Branches number their own migrations, so a branch may have a gap until the others are merged.
    const versions = migrations.map((m) => m.version);
    expect(versions[0]).toBe(1);
    for (let i = 1; i < versions.length; i++) expect(versions[i]).toBeGreaterThan(versions[i - 1]!);
    expect(LATEST_SCHEMA_VERSION).toBe(versions[versions.length - 1]);
  });

  it('upgrades a version 1 store and keeps its articles, giving each its first revision', () => {
    const file = storeFile();
    const v1 = openDatabase(file, { migrateTo: 1 });
    expect(schemaVersion(v1)).toBe(1);
    v1.prepare(
      `INSERT INTO articles (id, headline, body, body_schema_version, status, language, created_at, updated_at, revision)
       VALUES ('7d1f1d7e-5a57-4d38-9a7c-1c1f0e0b6a01', 'Grève à la SNCF', '{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"Trains supprimés."}]}]}', 1, 'draft', 'fr', 10, 20, 3)`,
    ).run();
    v1.close();

    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare('SELECT headline, revision FROM articles').get()).toEqual({
      headline: 'Grève à la SNCF',
      revision: 3,
    });
    expect(db.prepare('SELECT article_id, revision, headline, created_at FROM revisions').all()).toEqual([
      {
        article_id: '7d1f1d7e-5a57-4d38-9a7c-1c1f0e0b6a01',
        revision: 3,
        headline: 'Grève à la SNCF',
        created_at: 20,
      },
    ]);
    db.close();
  });

  it('upgrades a version 2 store: articles get empty new fields, revisions keep their text', () => {
    const file = storeFile();
    const v2 = openDatabase(file, { migrateTo: 2 });
    v2.prepare(
      `INSERT INTO articles (id, headline, body, body_schema_version, status, language, created_at, updated_at, revision)
       VALUES ('7d1f1d7e-5a57-4d38-9a7c-1c1f0e0b6a02', 'مؤتمر صحفي', '{"type":"doc","content":[{"type":"paragraph"}]}', 1, 'draft', 'ar', 1, 2, 1)`,
    ).run();
    v2.prepare(
      `INSERT INTO revisions (article_id, revision, headline, body, body_schema_version, created_at)
       VALUES ('7d1f1d7e-5a57-4d38-9a7c-1c1f0e0b6a02', 1, 'مؤتمر صحفي', '{}', 1, 2)`,
    ).run();
    v2.close();

    const db = openDatabase(file);
    expect(
      db.prepare('SELECT headline, kicker, standfirst, slug, section_id, featured_image FROM articles').get(),
    ).toEqual({
      headline: 'مؤتمر صحفي',
      kicker: '',
      standfirst: '',
      slug: '',
      section_id: null,
      featured_image: null,
    });
    expect(db.prepare('SELECT headline, fields FROM revisions').get()).toEqual({
      headline: 'مؤتمر صحفي',
      fields: '{}',
    });
    db.close();
  });

  it('upgrades a version 5 store: duplicate slugs get -2, -3 and slugs are unique from then on', () => {
    const file = storeFile();
    const v5 = openDatabase(file, { migrateTo: 5 });
    const insert = v5.prepare(
      `INSERT INTO articles (id, headline, body, body_schema_version, created_at, updated_at, revision, slug)
       VALUES (?, '', '{}', 1, ?, ?, 1, ?)`,
    );
    insert.run('a', 1, 1, 'greve');
    insert.run('b', 2, 2, 'greve');
    insert.run('c', 3, 3, '');
    insert.run('d', 4, 4, '');
    insert.run('e', 5, 5, 'greve');
    v5.close();
    const db = openDatabase(file);
    expect(db.prepare('SELECT id, slug FROM articles ORDER BY id').all()).toEqual([
      { id: 'a', slug: 'greve' },
      { id: 'b', slug: 'greve-2' },
      { id: 'c', slug: '' },
      { id: 'd', slug: '' },
      { id: 'e', slug: 'greve-3' },
    ]);
    expect(() => db.prepare("UPDATE articles SET slug = 'greve' WHERE id = 'b'").run()).toThrow(/UNIQUE/);
    db.close();
  });

  it('upgrades from every earlier version to the latest', () => {
    for (let from = 0; from < LATEST_SCHEMA_VERSION; from++) {
      const file = storeFile();
      openDatabase(file, { migrateTo: from }).close();
      const db = openDatabase(file);
      expect(schemaVersion(db), `from version ${from}`).toBe(LATEST_SCHEMA_VERSION);
      db.close();
    }
  });

  it('refuses a store written by a newer Redac, with a clear message, and leaves it untouched', () => {
    const file = storeFile();
    openDatabase(file).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    raw.close();
    const before = readFileSync(file);

    expect(() => openDatabase(file)).toThrow(DatabaseTooNewError);
    expect(() => openDatabase(file)).toThrow(/newer version of Redac/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('rolls a failed migration back whole: the store stays at its old version with its rows', () => {
    const file = storeFile();
    const db = openDatabase(file, { migrateTo: 1 });
    db.prepare(
      `INSERT INTO articles (id, body, body_schema_version, created_at, updated_at) VALUES ('a', '{}', 1, 1, 1)`,
    ).run();
    const failing: Migration = {
      version: 2,
      name: 'half-done',
      up(d) {
        d.exec('CREATE TABLE half_done (x)');
        throw new Error('disk on fire');
      },
    };
    expect(() => migrate(db, 2, [...migrations.slice(0, 1), failing])).toThrow('disk on fire');
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(1);
    db.close();
  });

  it('reports a damaged file as such instead of crashing', () => {
    const file = storeFile();
    writeFileSync(file, 'this is not a database, it is a shopping list: bread, milk, ' + 'x'.repeat(5000));
    expect(() => openDatabase(file)).toThrow(DatabaseCorruptError);
    expect(() => openDatabase(file)).toThrow(/damaged or is not a Redac database/);
  });
});
