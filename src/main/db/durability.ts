import type { Db } from './open';

/**
 * How a write's commit reaches the disk. The connection's default is synchronous=FULL: the WAL is synced
 * at every commit, so a committed write survives a power cut. 'relaxed' commits with synchronous=NORMAL: the
 * WAL is written (a killed or crashed process loses nothing) but synced only by the next checkpoint, which
 * the checkpoint timer runs within a second (see checkpoints.ts). A power cut can then lose that last
 * second of commits, never the database's integrity. Only typing autosaves are relaxed: they come every
 * second anyway, and the renderer keeps its crash copy until the store has the text.
 */
export type Durability = 'durable' | 'relaxed';

export function withDurability<T>(db: Db, durability: Durability, write: () => T): T {
  if (durability === 'durable') return write();
  db.pragma('synchronous = NORMAL');
  try {
    return write();
  } finally {
    db.pragma('synchronous = FULL');
  }
}
