import type Database from 'better-sqlite3';

/** How often written pages are copied from the WAL into the database file, between saves. */
export const CHECKPOINT_EVERY_MS = 1000;
/** SQLite's own checkpoint inside a commit stays as a backstop, for long runs of writes with no pause. */
export const WAL_BACKSTOP_PAGES = 16_384;

/**
 * Moves WAL checkpoints out of the saves. By default SQLite checkpoints inside the commit that brings the
 * WAL past 1,000 pages: one save in every thirty or so paid for copying the pages of all the others (and an
 * fsync of the database file), which made the slowest saves several times slower than the median. Here a
 * timer copies what was written in the last second (PASSIVE: it never waits for, nor blocks, a writer) while
 * the app is between saves. Durability is unchanged: a commit is durable once it is in the WAL (synced with
 * synchronous=FULL); a checkpoint only moves pages. The timer stops itself when the connection is closed.
 */
export function scheduleCheckpoints(db: Database.Database): void {
  db.pragma(`wal_autocheckpoint = ${WAL_BACKSTOP_PAGES}`);
  const timer = setInterval(() => {
    if (!db.open) {
      clearInterval(timer);
      return;
    }
    try {
      if (!db.inTransaction) db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // Busy or failing: the next tick, or the backstop, will do it.
    }
  }, CHECKPOINT_EVERY_MS);
  timer.unref();
}
