import type Database from 'better-sqlite3';
import type { Checkpointer } from './checkpointInThread';
import { everyQuietCheck } from './everyQuietCheck';

/** How often the timer looks whether written pages should be copied from the WAL into the database file. */
export const CHECKPOINT_EVERY_MS = 1000;
/** While writes keep coming, a checkpoint still runs at least this often. */
export const CHECKPOINT_BUSY_MAX_MS = 30_000;
/** SQLite's own checkpoint inside a commit stays as a backstop, for long runs of writes with no pause. */
export const WAL_BACKSTOP_PAGES = 16_384;

/**
 * Moves WAL checkpoints out of the saves. By default SQLite checkpoints inside the commit that brings the
 * WAL past 1,000 pages: one save in every thirty or so paid for copying the pages of all the others (and an
 * fsync of the database file), which made the slowest saves several times slower than the median. Here a
 * timer copies what was written (PASSIVE: it never waits for, nor blocks, a writer) in the first quiet second
 * after writes, or every 30 s while writes keep coming (a bulk push, an import), in a thread of its own on its
 * own connection (db/checkpointThread.ts): on the main thread a checkpoint blocked every call for its writes
 * and fsyncs (77 ms each under a loaded disk; 114 ms after a 20k import, the whole of the bench's worst stall
 * without a backup), and one a second during a 200-article push cost more than the push's own commits.
 * Durability is unchanged: a commit is durable once it is in the WAL (synced with synchronous=FULL, or before
 * the reply for 'acknowledged' writes); a checkpoint only moves pages. The timer stops itself when the
 * connection is closed.
 */
export function scheduleCheckpoints(db: Database.Database, checkpointer?: Checkpointer): void {
  db.pragma(`wal_autocheckpoint = ${WAL_BACKSTOP_PAGES}`);
  let dirty = false;
  let running = false;
  let lastCheckpoint = Date.now();
  everyQuietCheck(db, CHECKPOINT_EVERY_MS, (writing) => {
    if (writing) dirty = true;
    if (running || !dirty || (writing && Date.now() - lastCheckpoint < CHECKPOINT_BUSY_MAX_MS)) return;
    lastCheckpoint = Date.now();
    const done = checkpointer?.checkpoint();
    if (!done) {
      if (checkpointer) return;
      // Busy or failing throws: the next tick, or the backstop, will do it.
      db.pragma('wal_checkpoint(PASSIVE)');
      dirty = false;
      return;
    }
    running = true;
    // Writes made meanwhile mark it dirty again at the next tick; a failed one is tried again.
    dirty = false;
    void done.then((result) => {
      running = false;
      if (result.kind === 'failed') dirty = true;
    });
  });
  if (checkpointer) {
    // Closing the store ends the thread first (waiting for a checkpoint under way), so that the app's
    // connection is the last one closed, whoever closes it (core, upgrade, tests).
    const close = db.close.bind(db);
    db.close = () => {
      checkpointer.stop();
      return close();
    };
  }
}
