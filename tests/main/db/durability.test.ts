import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withDurability } from '../../../src/main/db/durability';
import { openDatabase } from '../../../src/main/db/open';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();

describe('writes whose fsync waits for the next full commit', () => {
  it('keeps the write, and every later commit is synced again (synchronous=FULL restored)', () => {
    const file = join(tempDir(), 'store.sqlite3');
    const db = openDatabase(file);
    db.exec('CREATE TABLE notes (text TEXT)');
    withDurability(db, 'relaxed', () => db.prepare("INSERT INTO notes VALUES ('deferred')").run());
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    // A throwing write restores the level too.
    expect(() =>
      withDurability(db, 'relaxed', () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    db.prepare("INSERT INTO notes VALUES ('full')").run();
    db.close();
    const again = openDatabase(file);
    expect(again.prepare('SELECT text FROM notes ORDER BY rowid').pluck().all()).toEqual([
      'deferred',
      'full',
    ]);
    again.close();
  });

  it('leaves a transaction to its own commit', () => {
    const db = openDatabase(join(tempDir(), 'store.sqlite3'));
    db.exec('CREATE TABLE notes (text TEXT)');
    db.transaction(() =>
      withDurability(db, 'relaxed', () => {
        expect(db.pragma('synchronous', { simple: true })).toBe(2);
        db.prepare("INSERT INTO notes VALUES ('x')").run();
      }),
    )();
    expect(db.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(1);
    db.close();
  });
});
