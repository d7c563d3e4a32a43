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
