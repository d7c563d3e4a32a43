import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { everyQuietCheck } from '../../../src/main/db/everyQuietCheck';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();

afterEach(() => {
  vi.useRealTimers();
});

describe('background upkeep runs in a quiet second, never inside a write', () => {
  it('tells each tick whether the connection wrote since the last, not counting the tick’s own writes', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const db = new Database(join(tempDir(), 'quiet.sqlite3'));
    db.exec('CREATE TABLE notes (text TEXT)');
    const insert = db.prepare('INSERT INTO notes (text) VALUES (?)');
    const seen: boolean[] = [];
    everyQuietCheck(db, 1000, (writing) => {
      seen.push(writing);
      // Upkeep that writes (an index merge does) must not make the next second look busy.
      if (seen.length === 2) insert.run('upkeep');
    });

    insert.run('save 1');
    vi.advanceTimersByTime(1000);
    vi.advanceTimersByTime(1000);
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual([true, false, false]);

    // Inside a transaction (a save in progress) no tick runs; the write is seen once it has committed.
    db.exec('BEGIN');
    insert.run('save 2');
    vi.advanceTimersByTime(1000);
    expect(seen).toHaveLength(3);
    db.exec('COMMIT');
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual([true, false, false, true]);

    // A closed connection stops the timer.
    db.close();
    vi.advanceTimersByTime(5000);
    expect(seen).toHaveLength(4);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a tick that throws (the database busy) is tried again a second later', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const db = new Database(join(tempDir(), 'busy.sqlite3'));
    let calls = 0;
    everyQuietCheck(db, 1000, () => {
      calls++;
      if (calls === 1) throw new Error('database is locked');
    });
    vi.advanceTimersByTime(2000);
    expect(calls).toBe(2);
    db.close();
  });
});
