import Database from 'better-sqlite3';
import { existsSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCheckpointer } from '../../../src/main/db/checkpointInThread';
import { openDatabase } from '../../../src/main/db/open';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const text = 'Le conseil municipal a voté le budget. '.repeat(50);

/** As startCore opens the app's store. */
const inThread = { checkpointer: (store: string) => createCheckpointer(store) };
const walSize = (file: string) => (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);

describe('WAL checkpoints in their own thread', () => {
  it('copies what was written into the store in the first quiet second, off the main thread', async () => {
    const file = join(tempDir(), 'store.sqlite3');
    const db = openDatabase(file, inThread);
    db.exec('CREATE TABLE notes (text TEXT)');
    // The app's connection never runs a checkpoint itself.
    const onMain: string[] = [];
    const pragma = db.pragma.bind(db);
    db.pragma = ((source: string, options?: Database.PragmaOptions) => {
      if (/checkpoint/i.test(source)) onMain.push(source);
      return pragma(source, options);
    }) as typeof db.pragma;
    const before = statSync(file).size;
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) db.prepare('INSERT INTO notes VALUES (?)').run(text);
    })();
    // Written to the WAL only: the store file has not grown yet.
    expect(statSync(file).size).toBe(before);
    expect(walSize(file)).toBeGreaterThan(2000 * 1000);
    const deadline = Date.now() + 15_000;
    while (statSync(file).size === before && Date.now() < deadline) await pause(100);
    expect(statSync(file).size).toBeGreaterThan(2000 * 1000);
    expect(onMain).toEqual([]);
    // Copied, the next write starts the WAL over: it does not keep growing.
    await pause(300);
    db.prepare('INSERT INTO notes VALUES (?)').run('après');
    expect(statSync(`${file}-wal`).size).toBeLessThanOrEqual(walSize(file));
    db.close();
    const again = new Database(file, { readonly: true });
    expect(again.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(2001);
    again.close();
  });

  it("closing the store waits for a checkpoint under way, so the app's connection closes last and removes the WAL", async () => {
    const file = join(tempDir(), 'store.sqlite3');
    const db = openDatabase(file, inThread);
    db.exec('CREATE TABLE notes (text TEXT)');
    db.transaction(() => {
      for (let i = 0; i < 20_000; i++) db.prepare('INSERT INTO notes VALUES (?)').run(text);
    })();
    // Close just as the timer hands the checkpoint to the thread (the first quiet second).
    const deadline = Date.now() + 15_000;
    const size = statSync(file).size;
    while (statSync(file).size === size && Date.now() < deadline) await new Promise((r) => setImmediate(r));
    db.close();
    // The last connection closed checkpoints everything and removes the WAL: the file can now be replaced
    // (a Restore renames a backup over it) without a thread's late close removing the new store's WAL.
    expect(existsSync(`${file}-wal`)).toBe(false);
    renameSync(file, `${file}.aside`);
    const moved = new Database(`${file}.aside`, { readonly: true });
    expect(moved.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(20_000);
    moved.close();
  });

  it('answers a checkpoint with what it copied, and nothing once stopped', async () => {
    const file = join(tempDir(), 'store.sqlite3');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE notes (text TEXT)');
    db.prepare('INSERT INTO notes VALUES (?)').run(text);
    const checkpointer = createCheckpointer(file);
    const first = checkpointer.checkpoint();
    // One at a time.
    expect(checkpointer.checkpoint()).toBeUndefined();
    const answer = await first;
    expect(answer).toMatchObject({ kind: 'done' });
    if (answer?.kind === 'done') {
      expect(answer.walFrames).toBeGreaterThan(0);
      expect(answer.copiedFrames).toBe(answer.walFrames);
    }
    checkpointer.stop();
    expect(checkpointer.checkpoint()).toBeUndefined();
    db.close();
  });
});
