import { closeSync, fdatasync, openSync, read } from 'node:fs';
import { promisify } from 'node:util';
import { performance } from 'node:perf_hooks';
import type { Db } from '../db/open';

/** The native backup handle better-sqlite3's own backup() drives (sqlite3_backup_step / _finish). */
interface NativeBackup {
  transfer(pages: number): { totalPages: number; remainingPages: number };
  close(): void;
}
interface NativeDatabase {
  backup(db: Db, attached: string, file: string, removeIfUnfinished: boolean): NativeBackup;
}

/**
 * better-sqlite3's native handle of a Database: the one symbol-keyed property of the instance (lib/util.js's
 * `cppdb`, stable since v7). Its public backup() runs the steps on its own schedule; this module needs the
 * handle's transfer() to wait between steps (see below). Any change there fails every backup test.
 */
function nativeOf(db: Db): NativeDatabase {
  const keys = Object.getOwnPropertySymbols(db);
  const native = keys.length === 1 ? (db as unknown as Record<symbol, NativeDatabase>)[keys[0]!] : undefined;
  if (typeof native?.backup !== 'function')
    throw new Error('This better-sqlite3 has no native backup handle.');
  return native;
}

export interface CopyOptions {
  /** Main-thread time per step: saves and IPC calls wait at most this long for a step to end. */
  stepMs: number;
  /** Bytes copied between two flushes of the copy to disk. */
  flushBytes: number;
  /** Read between steps; when true the copy stops and its file is removed. */
  cancelled?: (() => boolean) | undefined;
  /** After each flush, leave the disk alone for as long as the flush took. */
  yieldDisk?: boolean | undefined;
  onProgress?: ((copiedPages: number, totalPages: number) => void) | undefined;
}

export interface CopyStats {
  pages: number;
  pageSize: number;
  steps: number;
  /** The longest single step: what a save arriving mid-step waited for at most. */
  longestStepMs: number;
  flushes: number;
  /** Wall time waiting for the flushes (the main thread is free meanwhile). */
  flushWaitMs: number;
  /** Steps that took more than four times stepMs (a cold read or a write held up by the disk). */
  slowSteps: number;
  /** Main-thread CPU time of the steps themselves. */
  stepMs: number;
}

export class CopyCancelled extends Error {
  constructor() {
    super('The backup was stopped before it finished.');
    this.name = 'CopyCancelled';
  }
}

const MIN_PAGES = 16;
// 4 MB: a step that grew on cached pages must not meet a cold stretch of the file with a huge page count.
const MAX_PAGES = 1024;

/**
 * Copies the store into `file` with SQLite's online backup API on the app's own connection, so saves made
 * meanwhile through it are written into the copy too (a save through another connection would restart it).
 *
 * better-sqlite3's db.backup() runs its steps back to back (100 pages, 400 KB each) and cannot wait between
 * them; every disk wait of a step is the main thread's. Measured on the 1M store (7.3 GB, a shared disk at
 * 30-80% I/O pressure), the time between two of its steps reached 0.75 s, and the finishing commit syncs
 * whatever of the 7 GB the kernel has not written yet, on the main thread. Here:
 * - each step is sized to take about `stepMs` (at most 4 MB);
 * - its pages are read first on libuv's thread pool, so the step finds them in the OS cache (without that,
 *   one 4 MB step waited 3.6 s for the disk);
 * - every `flushBytes` the copy is fdatasynced on the pool, awaited: the event loop stays free meanwhile, and
 *   the commit at the end has at most that much left to sync.
 * What remains is the disk itself: a save's own fsync waits behind whatever the disk is writing (the copy's
 * and everyone else's). Its worst case during a 1M backup was seconds on that shared disk, with and without
 * this; `yieldDisk` halves the copy's share of the disk when that matters more than the backup's duration.
 */
export async function steppedCopy(db: Db, file: string, options: CopyOptions): Promise<CopyStats> {
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const native = nativeOf(db);
  // Plain descriptors closed synchronously: once the last step is done, nothing here waits again, so no save
  // can slip in between the copy's end and the caller learning of it.
  const source = openSync(db.name, 'r');
  // true: better-sqlite3 removes the file when the copy is closed unfinished (failure, full disk, cancel).
  const handle = native.backup(db, 'main', file, true);
  const ahead = Buffer.alloc(MAX_PAGES * pageSize);
  const stats: CopyStats = {
    pages: 0,
    pageSize,
    steps: 0,
    longestStepMs: 0,
    flushes: 0,
    flushWaitMs: 0,
    slowSteps: 0,
    stepMs: 0,
  };
  let written: number | undefined;
  try {
    let pages = MIN_PAGES;
    let sinceFlush = 0;
    let progress = handle.transfer(0);
    while (progress.remainingPages > 0) {
      const before = progress.remainingPages;
      // The pages this step copies, read first on libuv's thread pool: the step then finds them in the OS
      // cache instead of waiting for the disk on the main thread (cold reads made single steps take seconds).
      const next = progress.totalPages - progress.remainingPages;
      await readAt(source, ahead, Math.min(pages, before) * pageSize, next * pageSize);
      if (options.cancelled?.()) throw new CopyCancelled();
      // The last step commits the copy and SQLite syncs it on this thread: flush what is pending first, off it.
      if (before <= pages && sinceFlush > 0) {
        written ??= openSync(file, 'r+');
        await datasync(written);
        sinceFlush = 0;
      }
      const t0 = performance.now();
      progress = handle.transfer(pages);
      const took = performance.now() - t0;
      stats.steps++;
      stats.stepMs += took;
      stats.longestStepMs = Math.max(stats.longestStepMs, took);
      if (took > 4 * options.stepMs) stats.slowSteps++;
      // A save through this connection can grow the store mid-copy: count what was copied, not the change.
      const copied = Math.max(0, Math.min(pages, before - progress.remainingPages));
      stats.pages += copied;
      sinceFlush += copied * pageSize;
      options.onProgress?.(progress.totalPages - progress.remainingPages, progress.totalPages);
      // Aim the next step at stepMs, growing at most twofold (one fast step on cached pages is no promise).
      pages = Math.max(
        MIN_PAGES,
        Math.min(MAX_PAGES, pages * 2, Math.round((pages * options.stepMs) / Math.max(took, 0.01))),
      );
      if (progress.remainingPages > 0 && sinceFlush >= options.flushBytes) {
        written ??= openSync(file, 'r+');
        const f0 = performance.now();
        await datasync(written);
        const waited = performance.now() - f0;
        stats.flushes++;
        stats.flushWaitMs += waited;
        sinceFlush = 0;
        // As long again with the disk left to others: a save's fsync queues behind the copy's writes otherwise.
        if (options.yieldDisk) await new Promise((resolve) => setTimeout(resolve, waited));
      }
    }
  } finally {
    closeSync(source);
    if (written !== undefined) closeSync(written);
    // After the last step SQLite has committed and synced the copy; before it, this removes the file.
    handle.close();
  }
  return stats;
}

const readAt = promisify(
  (fd: number, buffer: Buffer, length: number, position: number, done: (error: Error | null) => void) =>
    read(fd, buffer, 0, length, position, (error) => done(error)),
);
const datasync = promisify(fdatasync);
