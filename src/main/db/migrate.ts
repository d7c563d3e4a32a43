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

/** What the start-up screen shows of a running upgrade: which step, and how far it is when it can count. */
export interface MigrationStatus {
  /** 1-based, among `steps` pending. */
  step: number;
  steps: number;
  version: number;
  name: string;
  done: number | null;
  total: number | null;
}

/** Whether opening this database would run migrations (and which versions), or refuse it. */
export function pendingMigrations(
  db: Db,
  upTo: number = LATEST_SCHEMA_VERSION,
  list: readonly Migration[] = migrations,
): Migration[] {
  const current = schemaVersion(db);
  if (current > LATEST_SCHEMA_VERSION) throw new DatabaseTooNewError(current, LATEST_SCHEMA_VERSION);
  return list.filter((m) => m.version > current && m.version <= upTo);
}

/**
 * Runs every pending migration in one transaction: a failure leaves the file exactly as it was.
 * `upTo` exists for migration tests, which build a database at an older version. `onStatus` hears each step
 * start and each progress report (the start-up screen, see db/upgradeInThread.ts).
 */
export function migrate(
  db: Db,
  upTo: number = LATEST_SCHEMA_VERSION,
  list: readonly Migration[] = migrations,
  onStatus?: (status: MigrationStatus) => void,
): void {
  const pending = pendingMigrations(db, upTo, list);
  if (pending.length === 0) return;
  db.transaction(() => {
    pending.forEach((step, i) => {
      const status = { step: i + 1, steps: pending.length, version: step.version, name: step.name };
      onStatus?.({ ...status, done: null, total: null });
      step.up(db, (done, total) => onStatus?.({ ...status, done, total }));
      db.pragma(`user_version = ${step.version}`);
    });
  }).immediate();
}
