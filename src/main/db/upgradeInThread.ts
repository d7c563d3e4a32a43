import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { threadScript } from '../core/threadScript';
import { schemaVersion, type MigrationStatus } from './migrate';
import { LATEST_SCHEMA_VERSION } from './migrations/index';
import type { UpgradeInput, UpgradeMessage } from './upgradeProtocol';

/**
 * The schema version of a store file that opening it would upgrade, else undefined. A new store (no file, or
 * version 0) migrates in a blink; a file that cannot be read, or is too new, is left to the normal open,
 * which says why.
 */
export function schemaToUpgrade(file: string, nativeBinding?: string): number | undefined {
  if (!existsSync(file)) return undefined;
  let db: Database.Database | undefined;
  try {
    db = new Database(file, {
      readonly: true,
      fileMustExist: true,
      ...(nativeBinding ? { nativeBinding } : {}),
    });
    const version = schemaVersion(db);
    return version > 0 && version < LATEST_SCHEMA_VERSION ? version : undefined;
  } catch {
    return undefined;
  } finally {
    db?.close();
  }
}

/** The upgrade did not finish; the file is as it was (the migrations' transaction rolled back). */
export class UpgradeFailedError extends Error {
  constructor(
    message: string,
    /** The file turned out not to be a readable database: the recovery screen's case, not this one's. */
    readonly corrupt: boolean,
  ) {
    super(message);
    this.name = 'UpgradeFailedError';
  }
}

export interface RunningUpgrade {
  /** Resolves once the upgrade is committed; rejects with UpgradeFailedError. */
  readonly finished: Promise<void>;
  /** The step running now and its progress, once the thread has said. */
  status(): MigrationStatus | undefined;
  /** Ends the thread (the app is quitting): the transaction is never committed, the file stays as it was. */
  stop(): Promise<void>;
}

/**
 * Runs the pending migrations in a worker thread (db/upgradeThread.ts): on a large archive they take seconds
 * (migration 0014: 10.4 s on a million articles), during which the main thread must keep the window answered.
 */
export function upgradeInThread(input: UpgradeInput): RunningUpgrade {
  const worker = new Worker(threadScript(import.meta.url, 'db', 'upgradeThread'), { workerData: input });
  let current: MigrationStatus | undefined;
  let settled = false;
  const finished = new Promise<void>((resolve, reject) => {
    const fail = (error: UpgradeFailedError): void => {
      settled = true;
      reject(error);
    };
    worker.on('message', (message: UpgradeMessage) => {
      if (message.kind === 'status') current = message.status;
      else if (message.kind === 'done') {
        settled = true;
        resolve();
      } else fail(new UpgradeFailedError(message.message, message.corrupt));
    });
    worker.on('error', (error) => fail(new UpgradeFailedError(error.message, false)));
    worker.on('exit', () => {
      if (!settled) fail(new UpgradeFailedError('The upgrade stopped before it finished.', false));
    });
  });
  // Once settled the thread has closed its connection: it is ended at once rather than left to idle.
  void finished.then(
    () => worker.terminate(),
    () => worker.terminate(),
  );
  return {
    finished,
    status: () => current,
    stop: async () => {
      await worker.terminate();
    },
  };
}
