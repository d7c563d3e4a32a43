import Database from 'better-sqlite3';
import type { Checkpointer } from './checkpointInThread';
import { scheduleCheckpoints } from './checkpoints';
import { migrate, type MigrationStatus } from './migrate';
import type { Migration } from './migrations/index';

export type Db = Database.Database;

export interface OpenOptions {
  /** Absolute path of a better-sqlite3 build for another ABI (Electron's); Node's build is used otherwise. */
  nativeBinding?: string | undefined;
  /** Stop migrating at this schema version (migration tests build older databases with it). */
  migrateTo?: number | undefined;
  /** The migrations to run (the upgrade thread's test hook appends a step); all of them by default. */
  migrations?: readonly Migration[] | undefined;
  /**
   * Runs the WAL checkpoints in a thread (db/checkpointInThread.ts's createCheckpointer; the app's store, from
   * startCore). Without it they run on the calling thread (an upgrade thread, a test building a store).
   */
  checkpointer?: ((store: string) => Checkpointer) | undefined;
  /** Hears each migration step start and report its progress. */
  onMigration?: ((status: MigrationStatus) => void) | undefined;
}

/** Raised when the file is not a readable SQLite database (truncated, overwritten, damaged). */
export class DatabaseCorruptError extends Error {
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    super(`The article store at ${file} is damaged or is not a Redac database, so it was not opened.`, {
      cause,
    });
    this.name = 'DatabaseCorruptError';
  }
}

const CORRUPTION_CODES = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT']);

/**
 * Opens the article store and brings its schema up to date.
 *
 * synchronous=FULL: with WAL, NORMAL can lose the last commits on power loss (not on a crash). A journalist's
 * last sentence is worth the fsync: every commit is synced unless its writer asks otherwise (typing autosaves and
 * the outbox's bookkeeping, see durability.ts).
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db, options.migrateTo, options.migrations, options.onMigration);
    scheduleCheckpoints(db, options.checkpointer?.(file));
    return db;
  } catch (error) {
    db.close();
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && CORRUPTION_CODES.has(code)) throw new DatabaseCorruptError(file, error);
    throw error;
  }
}
