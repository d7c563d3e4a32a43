import { close, fsync, open } from 'node:fs';
import { AppError } from '../core/errors';
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
 *
 * 'acknowledged' commits as 'relaxed' does, and the reply to the journalist waits for the fsync
 * (`writesAcknowledged`, awaited by every IPC handler): a saved article is on the disk when the editor says
 * "Saved", as with 'durable', but the main thread goes on serving searches, lists and typing meanwhile. With
 * 'durable' the fsync ran inside the commit on the main thread: during a backup or after a large import a
 * save stalled every other call for up to 2 s (the bench's worst event-loop stall, README).
 */
export type Durability = 'durable' | 'acknowledged' | 'relaxed';

export function withDurability<T>(db: Db, durability: Durability, write: () => T): T {
  // Inside a transaction the enclosing commit decides (and the level cannot be changed there).
  if (durability === 'durable' || db.inTransaction) return write();
  const level = db.pragma('synchronous', { simple: true }) as number;
  // 0 OFF, 1 NORMAL: no fsync in the commit either way.
  if (level > 1) db.pragma('synchronous = NORMAL');
  let wrote = false;
  try {
    const value = write();
    wrote = true;
    return value;
  } finally {
    if (level > 1) db.pragma(`synchronous = ${level}`);
    const sync = syncStateOf(db);
    sync.committed++;
    if (wrote && durability === 'acknowledged') sync.owed = sync.committed;
    syncWalLater(db);
  }
}

/**
 * Resolves once every 'acknowledged' commit made so far on `db` is on the disk (its WAL fsynced on libuv's
 * thread pool): the reply to the journalist waits here, the main thread does not. Rejects when the disk
 * refused the fsync (the write may not survive a power cut, and the journalist must be told).
 */
export function writesAcknowledged(db: Db): Promise<void> {
  const sync = walSyncs.get(db);
  if (!sync || sync.owed <= sync.synced) return Promise.resolve();
  const upTo = sync.owed;
  return new Promise((resolve, reject) => sync.waiters.push({ upTo, resolve, reject }));
}

/** A mark that moves with every 'acknowledged' commit: a call that did not move it has nothing to wait for. */
export function acknowledgedMark(db: Db): number {
  return walSyncs.get(db)?.owed ?? 0;
}

interface WalSync {
  running: boolean;
  again: boolean;
  /** Unsynced commits counted as they are made, and how many of them the last finished fsync covered. */
  committed: number;
  synced: number;
  /** The count of commits an 'acknowledged' write waits to see synced. */
  owed: number;
  waiters: { upTo: number; resolve: () => void; reject: (error: Error) => void }[];
}

const walSyncs = new WeakMap<Db, WalSync>();

/** The file calls the WAL's sync makes; a test holds or fails the fsync here to play a slow or failing disk. */
export const walDisk = { open, fsync, close };

function syncStateOf(db: Db): WalSync {
  let state = walSyncs.get(db);
  if (!state) {
    state = { running: false, again: false, committed: 0, synced: 0, owed: 0, waiters: [] };
    walSyncs.set(db, state);
  }
  return state;
}

/**
 * Makes the commits made so far durable without blocking the main thread: an fsync of the WAL file on libuv's
 * thread pool (fsync is per file, so any descriptor of it will do). Calls while one runs are folded into one
 * more run after it.
 */
export function syncWalLater(db: Db): void {
  const s = syncStateOf(db);
  if (db.memory) {
    // Nothing to sync: no one waits for a disk that is not there.
    s.synced = s.committed;
    for (const w of s.waiters.splice(0)) w.resolve();
    return;
  }
  if (s.running) {
    s.again = true;
    return;
  }
  s.running = true;
  const finished = (upTo: number, error: Error | undefined): void => {
    if (!error) s.synced = Math.max(s.synced, upTo);
    const covered = s.waiters.filter((w) => w.upTo <= upTo);
    s.waiters = s.waiters.filter((w) => w.upTo > upTo);
    for (const w of covered) {
      if (error) w.reject(error);
      else w.resolve();
    }
    if (s.again) {
      s.again = false;
      run();
    } else s.running = false;
  };
  const run = (): void => {
    // What this fsync covers: the commits made before it starts.
    const upTo = s.committed;
    walDisk.open(`${db.name}-wal`, 'r', (openError, fd) => {
      // No WAL file: the store was closed, and closing checkpointed and synced every commit.
      if (openError) return finished(upTo, undefined);
      walDisk.fsync(fd, (syncError) =>
        walDisk.close(fd, () =>
          finished(
            upTo,
            syncError
              ? new AppError(
                  'storage',
                  `The disk did not confirm the write (${syncError.code ?? syncError.message}).`,
                )
              : undefined,
          ),
        ),
      );
    });
  };
  run();
}
