import { close, fsync, open } from 'node:fs';
import type { Db } from './open';

/**
 * How a write's commit reaches the disk. The connection's default is synchronous=FULL: the WAL is synced at
 * every commit, so a committed write survives a power cut. 'relaxed' commits with synchronous=NORMAL: the WAL
 * is written in order (a killed or crashed process loses nothing, the pages are in the OS's cache) and synced a
 * few milliseconds later on libuv's thread pool (`syncWalLater`), so the main thread never waits on the disk.
 * A power cut in that window can lose those last commits, never a later one (the WAL is one file written in
 * order) and never the database's integrity.
 *
 * Relaxed writes: typing autosaves (they come every second, and the renderer keeps its crash copy until the
 * store has the text), and the outbox's own bookkeeping (a row marked running, what the site answered, a row
 * finished: a row whose end is lost runs again and finds its post by marker). Under a loaded disk each fsync
 * costs 10-40 ms, up to 190 ms; a push made eight of them per article.
 */
export type Durability = 'durable' | 'relaxed';

export function withDurability<T>(db: Db, durability: Durability, write: () => T): T {
  // Inside a transaction the enclosing commit decides (and the level cannot be changed there).
  if (durability === 'durable' || db.inTransaction) return write();
  const level = db.pragma('synchronous', { simple: true }) as number;
  // 0 OFF, 1 NORMAL: already no fsync per commit.
  if (level <= 1) return write();
  db.pragma('synchronous = NORMAL');
  try {
    return write();
  } finally {
    db.pragma(`synchronous = ${level}`);
    syncWalLater(db);
  }
}

const walSyncs = new WeakMap<Db, { running: boolean; again: boolean }>();

/**
 * Makes the commits made so far durable without blocking the main thread: an fsync of the WAL file on libuv's
 * thread pool (fsync is per file, so any descriptor of it will do). Calls while one runs are folded into one
 * more run after it.
 */
export function syncWalLater(db: Db): void {
  if (!db.open || db.memory) return;
  let state = walSyncs.get(db);
  if (!state) {
    state = { running: false, again: false };
    walSyncs.set(db, state);
  }
  const s = state;
  if (s.running) {
    s.again = true;
    return;
  }
  s.running = true;
  const done = (): void => {
    if (s.again) {
      s.again = false;
      run();
    } else s.running = false;
  };
  const run = (): void => {
    open(`${db.name}-wal`, 'r', (error, fd) => {
      if (error) return done();
      fsync(fd, () => close(fd, done));
    });
  };
  run();
}
