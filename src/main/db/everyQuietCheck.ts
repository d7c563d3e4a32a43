import type Database from 'better-sqlite3';

/**
 * Calls `tick` every `everyMs` while the connection is open, never inside a transaction, telling it whether
 * this connection wrote anything since the previous tick. Background upkeep (WAL checkpoints, index merges)
 * uses it to run in a quiet second instead of inside a save. total_changes() counts this connection's writes:
 * a cheap way to tell a quiet second from a busy one; the tick's own writes do not count as the next one's.
 * A tick that throws (busy, or failing) is simply tried again at the next. The timer stops itself once the
 * connection is closed and never keeps the process alive.
 */
export function everyQuietCheck(
  db: Database.Database,
  everyMs: number,
  tick: (writtenSince: boolean) => void,
): void {
  const changes = db.prepare<[], number>('SELECT total_changes()').pluck();
  let seen = changes.get() ?? 0;
  const timer = setInterval(() => {
    if (!db.open) {
      clearInterval(timer);
      return;
    }
    if (db.inTransaction) return;
    try {
      const now = changes.get() ?? 0;
      tick(now !== seen);
    } catch {
      // Busy or failing: the next tick tries again.
    } finally {
      if (db.open) seen = changes.get() ?? 0;
    }
  }, everyMs);
  timer.unref();
}
