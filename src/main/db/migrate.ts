import type { Db } from './open';
import { LATEST_SCHEMA_VERSION, migrations, type Migration } from './migrations/index';

/** Raised when the file was written by a newer Redac: opening it here could damage it. */
export class DatabaseTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `This article store was written by a newer version of Redac (schema ${found}; this version reads up to ${supported}). ` +
        'Update Redac to open it; nothing was changed.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Runs every pending migration in one transaction: a failure leaves the file exactly as it was.
 * `upTo` exists for migration tests, which build a database at an older version.
 */
export function migrate(
  db: Db,
  upTo: number = LATEST_SCHEMA_VERSION,
  list: readonly Migration[] = migrations,
): void {
  const current = schemaVersion(db);
  if (current > LATEST_SCHEMA_VERSION) throw new DatabaseTooNewError(current, LATEST_SCHEMA_VERSION);
  const pending = list.filter((m) => m.version > current && m.version <= upTo);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const step of pending) {
      step.up(db);
      db.pragma(`user_version = ${step.version}`);
    }
  }).immediate();
}
