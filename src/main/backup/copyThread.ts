import Database from 'better-sqlite3';
import { closeSync, fdatasyncSync, openSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import type { CopyInput, CopyMessage, CopyStats } from './copyProtocol';

/*
 * Copies the store with SQLite's online backup API in its own thread, on its own read-only connection, so
 * that no step, read or sync of a 7 GB copy ever runs on the main thread (backup/copyInThread.ts).
 *
 * The connection opens one read transaction before the first step and holds it to the end: in WAL mode a
 * reader never blocks the writer, and sqlite3_backup_step, finding a transaction already open, copies that
 * one snapshot. Saves made meanwhile by the app's connection go to the WAL past the snapshot; they neither
 * reach the copy nor restart it (a backup that opened a read transaction per step would start over after
 * every save). The copy is the store as it was when the backup started, the way a file-system snapshot is.
 * Meanwhile the WAL cannot be reset past the snapshot: it grows by whatever is written during the copy.
 */
const port = parentPort!;
const input = workerData as CopyInput;
const stop = new Int32Array(input.stop);
const post = (message: CopyMessage): void => port.postMessage(message);

class Stopped extends Error {}

async function copy(): Promise<CopyStats> {
  const db = new Database(input.store, {
    readonly: true,
    fileMustExist: true,
    ...(input.nativeBinding ? { nativeBinding: input.nativeBinding } : {}),
  });
  let written: number | undefined;
  try {
    db.pragma('busy_timeout = 5000');
    db.exec('BEGIN');
    // The first read fixes the snapshot every step below copies.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const stats: CopyStats = {
      pages: 0,
      pageSize,
      steps: 0,
      longestStepMs: 0,
      flushes: 0,
      flushWaitMs: 0,
      slowSteps: 0,
      stepMs: 0,
      restarts: 0,
    };
    let sinceFlush = 0;
    let lastCopied = 0;
    let lastPost = 0;
    let stepStart = performance.now();
    const done = await db.backup(input.file, {
      progress({ totalPages, remainingPages }) {
        const took = performance.now() - stepStart;
        stats.steps++;
        stats.stepMs += took;
        stats.longestStepMs = Math.max(stats.longestStepMs, took);
        if (took > 32) stats.slowSteps++;
        const copied = totalPages - remainingPages;
        if (copied < lastCopied) stats.restarts++;
        sinceFlush += Math.max(0, copied - lastCopied) * pageSize;
        lastCopied = copied;
        stats.pages = copied;
        const now = performance.now();
        if (now - lastPost >= 100) {
          lastPost = now;
          post({ kind: 'progress', copiedPages: copied, totalPages, pageSize });
        }
        // Flushed as it goes, so that the final commit has little to sync and the disk's write-back never
        // holds a store-sized backlog in front of the app's own saves.
        if (sinceFlush >= input.flushBytes) {
          written ??= openSync(input.file, 'r+');
          const f0 = performance.now();
          fdatasyncSync(written);
          const waited = performance.now() - f0;
          stats.flushes++;
          stats.flushWaitMs += waited;
          sinceFlush = 0;
          if (input.yieldDisk) Atomics.wait(stop, 0, 0, waited);
        }
        if (input.pauseMs) Atomics.wait(stop, 0, 0, input.pauseMs);
        // Thrown here, better-sqlite3 closes the copy unfinished and removes its file.
        if (Atomics.load(stop, 0) !== 0) throw new Stopped();
        stepStart = performance.now();
        return input.pauseMs ? Math.max(1, Math.ceil(totalPages / 50)) : input.stepPages;
      },
    });
    // The last step (which commits and syncs the copy) is not told to progress(): counted here.
    const took = performance.now() - stepStart;
    stats.steps++;
    stats.stepMs += took;
    stats.longestStepMs = Math.max(stats.longestStepMs, took);
    if (took > 32) stats.slowSteps++;
    stats.pages = done.totalPages;
    return stats;
  } finally {
    if (written !== undefined) closeSync(written);
    db.close();
  }
}

copy().then(
  (stats) => {
    // The last step's figures: the copy is complete, committed and synced by SQLite.
    post({ kind: 'progress', copiedPages: stats.pages, totalPages: stats.pages, pageSize: stats.pageSize });
    post({ kind: 'done', stats });
  },
  (error: unknown) =>
    post(
      error instanceof Stopped
        ? { kind: 'cancelled' }
        : { kind: 'failed', message: error instanceof Error ? error.message : String(error) },
    ),
);
