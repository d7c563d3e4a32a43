import { close, fsync, open } from 'node:fs';
import type { Db } from './open';

/**
 * Runs writes whose fsync may wait for the next synchronous=FULL commit. In WAL mode a commit made under
 * synchronous=NORMAL is appended to the WAL without an fsync; the next FULL commit's fsync then makes it durable
 * together with its own (the WAL is one file written in order: no later commit can survive a power cut without
 * the earlier ones). A crash of the process loses nothing (the pages are in the OS's cache); a power cut before
 * that next FULL commit can lose these writes, never a later one.
 *
 * Only for facts that can be found again and that a FULL commit follows: the outbox marks a row running and
 * records what the site answered, then finishes the row with a FULL commit. Under a loaded disk each fsync
 * costs 10-40 ms, and a push made four of them per article that the finish makes again anyway.
 */
export function withDeferredSync<T>(db: Db, write: () => T): T {
  // Inside a transaction the enclosing commit decides (and the level cannot be changed there).
  if (db.inTransaction) return write();
  const level = db.pragma('synchronous', { simple: true }) as number;
  // 0 OFF, 1 NORMAL: already no fsync per commit.
  if (level <= 1) return write();
  db.pragma('synchronous = NORMAL');
  try {
    return write();
  } finally {
    db.pragma(`synchronous = ${level}`);
  }
}

const walSyncs = new WeakMap<Db, { running: boolean; again: boolean }>();

/**
 * Makes the commits made so far durable without blocking the main thread: an fsync of the WAL file on libuv's
 * thread pool (fsync is per file, so any descriptor of it will do). Calls while one runs are folded into one
 * more run after it. For the outbox: a finished row is durable a few milliseconds later instead of holding the
 * next row's requests for an fsync that, on a loaded disk, took 35-190 ms. A crash of the process loses nothing
 * meanwhile (the pages are in the OS's cache); a power cut in that window can lose the row's end, which then
 * runs again and finds its post by marker.
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
