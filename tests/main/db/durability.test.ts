import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  acknowledgedMark,
  walDisk,
  withDurability,
  writesAcknowledged,
} from '../../../src/main/db/durability';
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

describe("'acknowledged' writes: committed without an fsync, confirmed once the WAL is synced", () => {
  /** Holds every WAL fsync until released: a slow disk. */
  function holdFsyncs() {
    const real = walDisk.fsync;
    const held: (() => void)[] = [];
    walDisk.fsync = ((fd: number, done: (error: NodeJS.ErrnoException | null) => void) => {
      held.push(() => real(fd, done));
    }) as typeof walDisk.fsync;
    return {
      held,
      release: () => held.splice(0).forEach((go) => go()),
      restore: () => void (walDisk.fsync = real),
    };
  }

  it('confirms only after the fsync, while the row is already readable and nothing else waits', async () => {
    const db = openDatabase(join(tempDir(), 'store.sqlite3'));
    db.exec('CREATE TABLE notes (text TEXT)');
    // The earlier tests' syncs end first: only this store's fsyncs are held.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const disk = holdFsyncs();
    try {
      await writesAcknowledged(db); // nothing owed: at once
      withDurability(db, 'acknowledged', () => db.prepare("INSERT INTO notes VALUES ('a')").run());
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      let confirmed = false;
      const confirmation = writesAcknowledged(db).then(() => void (confirmed = true));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(disk.held).toHaveLength(1);
      expect(confirmed).toBe(false);
      expect(db.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(1);
      // A second write while the first fsync runs is covered by the next fsync, not by the one under way.
      withDurability(db, 'acknowledged', () => db.prepare("INSERT INTO notes VALUES ('b')").run());
      let second = false;
      const secondConfirmation = writesAcknowledged(db).then(() => void (second = true));
      disk.release();
      await confirmation;
      expect(second).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 50));
      disk.release();
      await secondConfirmation;
      // Relaxed writes owe nobody a confirmation.
      const mark = acknowledgedMark(db);
      withDurability(db, 'relaxed', () => db.prepare("INSERT INTO notes VALUES ('c')").run());
      expect(acknowledgedMark(db)).toBe(mark);
    } finally {
      disk.restore();
      db.close();
    }
  });

  it('says so when the disk refuses the fsync', async () => {
    const db = openDatabase(join(tempDir(), 'store.sqlite3'));
    db.exec('CREATE TABLE notes (text TEXT)');
    const real = walDisk.fsync;
    walDisk.fsync = ((_fd: number, done: (error: NodeJS.ErrnoException | null) => void) => {
      done(Object.assign(new Error('i/o error'), { code: 'EIO' }));
    }) as typeof walDisk.fsync;
    try {
      withDurability(db, 'acknowledged', () => db.prepare("INSERT INTO notes VALUES ('a')").run());
      await expect(writesAcknowledged(db)).rejects.toThrow(/disk did not confirm.*EIO/);
    } finally {
      walDisk.fsync = real;
      db.close();
    }
  });
});
