import type Database from 'better-sqlite3';
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
 * after writes, or every 30 s while writes keep coming (a bulk push, an import): a checkpoint blocks the main
 * thread for its fsyncs (77 ms each, measured under a loaded disk), and one a second during a 200-article push
 * cost more than the push's own commits. Durability is unchanged: a commit is durable once it is in the WAL
 * (synced with synchronous=FULL); a checkpoint only moves pages. The timer stops itself when the connection is
 * closed.
 */
export function scheduleCheckpoints(db: Database.Database): void {
  db.pragma(`wal_autocheckpoint = ${WAL_BACKSTOP_PAGES}`);
  let dirty = false;
  let lastCheckpoint = Date.now();
  everyQuietCheck(db, CHECKPOINT_EVERY_MS, (writing) => {
    if (writing) dirty = true;
    if (!dirty || (writing && Date.now() - lastCheckpoint < CHECKPOINT_BUSY_MAX_MS)) return;
    // Busy or failing throws: the next tick, or the backstop, will do it.
    db.pragma('wal_checkpoint(PASSIVE)');
    dirty = false;
    lastCheckpoint = Date.now();
  });
}
