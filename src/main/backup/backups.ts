import { mkdirSync, readdirSync, renameSync, rmSync, statSync, statfsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BackupFile, BackupNotice, BackupProgress } from '../../shared/domain/recovery';

export type { BackupFile };
import { AppError } from '../core/errors';
import type { Db } from '../db/open';
import { planSpace } from './spacePlan';
import { trackCopy } from './copyBoard';
import { CopyCancelled, copyInThread, type CopyStats, type RunningCopy } from './copyInThread';

export const BACKUPS_KEPT = 7;
export const BACKUP_EVERY_MS = 24 * 3600_000;
/** A daily or manual backup, or (with the schema it holds) the copy taken before a schema upgrade. */
const NAME = /^redac-(\d{8}T\d{9}Z)(?:-before-upgrade-schema(\d+))?\.sqlite3$/;
/**
 * A backup is written under this suffix and renamed to its listed name only once SQLite has committed and
 * synced it: a copy cut off by a crash, a full disk or a quit is never listed, so Restore never offers it.
 */
const PARTIAL = '.partial';

/**
 * Pages per copy step (4 MB at 4 KB pages). The steps run in the copy thread, so nothing in the app waits for
 * one; a stop waits for at most the current step.
 */
export const BACKUP_STEP_PAGES = 1024;
/**
 * Copied bytes between two fdatasyncs of the copy (in the copy thread, see copyThread.ts): one a step. A
 * save's own sync waits behind whatever the copy left in the disk's write-back. The kept 1M archive (6.9 GB)
 * backed up while saving every 100 ms, quiet machine, two alternating pairs: save p95 during the backup 7.0
 * and 12.0 ms at 4 MB against 22.0 and 276 ms at 32 MB (5.1-5.5 ms without a backup); the copy took 31 s
 * against 27-38 s.
 */
export const BACKUP_FLUSH_BYTES = 4 * 1024 * 1024;

export interface BackupOptions {
  now?: Date | undefined;
  /** Free bytes where backups are written (the file system's figure unless a test gives its own). */
  freeBytes?: ((dir: string) => number) | undefined;
  /** Told when the notice changes (the core forwards it to the windows as backups:changed). */
  onNotice?: ((notice: BackupNotice | null) => void) | undefined;
  /** Leave the disk alone after each flush for as long as it took (copyThread.ts; off unless asked). */
  yieldDisk?: boolean | undefined;
  /** Copied bytes between two flushes of the copy (BACKUP_FLUSH_BYTES unless a bench tries another). */
  flushBytes?: number | undefined;
  /** The Electron build of better-sqlite3 (app/nativeBinding.ts), loaded by the copy thread too. */
  nativeBinding?: string | undefined;
  /**
   * Told just before the copy thread takes its snapshot: every save acknowledged until now is in the backup
   * (the copy is the store as it was then; later saves are in the store, and in tomorrow's backup).
   */
  onStarted?: (() => void) | undefined;
  /** Told as the copy goes (at most ten times a second), in bytes of the store. */
  onProgress?: ((copiedBytes: number, totalBytes: number) => void) | undefined;
  /** The daily backup (the window shows its progress in the notice area), not one the user asked for. */
  automatic?: boolean | undefined;
  /** Told every copy running for this folder (copyBoard.ts) as this one starts, moves on and ends. */
  onRunning?: ((running: BackupProgress[]) => void) | undefined;
  /** Told as soon as the copy is complete (before the rename), with its figures. */
  onCopied?: ((stats: CopyStats & { ms: number }) => void) | undefined;
  /**
   * The copy taken before upgrading a store at this schema version: named so (the user can tell it from a
   * daily one), and never removed to make room or to keep seven until the app starts again.
   */
  beforeUpgradeFrom?: number | undefined;
  /** Test hook only (host command line `--test-backup slow`): the copy takes fifty steps this long apart. */
  stepPauseMs?: number | undefined;
}

const nameAt = (ms: number, beforeUpgradeFrom?: number): string =>
  `redac-${new Date(ms).toISOString().replace(/[-:.]/g, '')}${beforeUpgradeFrom === undefined ? '' : `-before-upgrade-schema${beforeUpgradeFrom}`}.sqlite3`;

/** Pre-upgrade copies taken since this process started, per data folder: no pruning removes them. */
const keptThisStart = new Map<string, Set<string>>();
const prunable = (dataDir: string, backups: BackupFile[]): BackupFile[] =>
  backups.filter((b) => !keptThisStart.get(dataDir)?.has(b.name));
/** A pre-upgrade copy this start relies on (one made now, or one kept from before: upgradeCopyManifest.ts). */
export const keepThisStart = (dataDir: string, name: string): void =>
  void keptThisStart.set(dataDir, (keptThisStart.get(dataDir) ?? new Set()).add(name));

export const backupDir = (dataDir: string): string => join(dataDir, 'backups');

/** Backups on disk, newest first. Names carry their time, so a copied folder keeps its order. */
export function listBackups(dataDir: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(backupDir(dataDir));
  } catch {
    return [];
  }
  return names
    .filter((name) => NAME.test(name))
    .map((name) => {
      const stat = statSync(join(backupDir(dataDir), name));
      const from = NAME.exec(name)?.[2];
      return {
        name,
        createdAt: stat.mtimeMs,
        bytes: stat.size,
        ...(from === undefined ? {} : { beforeUpgradeFrom: Number(from) }),
      };
    })
    .sort((a, b) => b.name.localeCompare(a.name));
}

/** Free bytes for an unprivileged writer on the disk holding `dir`. */
export const freeBytesOf = (dir: string): number => {
  const fs = statfsSync(dir);
  return fs.bavail * fs.bsize;
};

/**
 * A consistent copy made with SQLite's online backup API in its own thread (copyThread.ts: the store as it was
 * when the backup started, while the app keeps working and saving), written under a temporary name and
 * renamed once complete, then the oldest beyond BACKUPS_KEPT removed. Checks the disk first: see spacePlan.ts.
 */
export function createBackup(db: Db, dataDir: string, options: BackupOptions = {}): Promise<BackupFile> {
  // One backup at a time per folder: the daily one and a "Back up now" must not write the same file.
  const previous = running.get(dataDir) ?? Promise.resolve();
  inProgress.set(dataDir, (inProgress.get(dataDir) ?? 0) + 1);
  const next = previous
    .catch(() => undefined)
    .then(() => backupNow(db, dataDir, options))
    .finally(() => inProgress.set(dataDir, (inProgress.get(dataDir) ?? 1) - 1));
  running.set(dataDir, next);
  return next;
}

const running = new Map<string, Promise<unknown>>();
const copying = new Map<string, RunningCopy>();
const inProgress = new Map<string, number>();
const stopping = new Set<string>();
const notices = new Map<string, BackupNotice | null>();

/** Whether a backup of this folder's store is being written (closing the store would cut it off). */
export const backupInProgress = (dataDir: string): boolean => (inProgress.get(dataDir) ?? 0) > 0;

/** What the last backup of this folder could not do, while the app runs (null once one is made in full). */
export const backupNotice = (dataDir: string): BackupNotice | null => notices.get(dataDir) ?? null;

/** Resolves once the backups of this folder started so far are finished (whether they worked or not). */
export function backupsSettled(dataDir: string): Promise<void> {
  return (running.get(dataDir) ?? Promise.resolve()).then(
    () => undefined,
    () => undefined,
  );
}

/**
 * Stops the backups of this folder (the store is closing) and resolves once they have let go of it. A copy
 * of a 1M store takes a minute or more: quitting must not wait for it. The cut-off copy is removed and
 * today's backup is made at the next start, since the newest complete one is still more than a day old.
 */
export async function stopBackups(dataDir: string): Promise<void> {
  if (!backupInProgress(dataDir)) return;
  stopping.add(dataDir);
  copying.get(dataDir)?.stop();
  try {
    await backupsSettled(dataDir);
  } finally {
    stopping.delete(dataDir);
  }
}

/**
 * Stops the copy running now for this folder, at the user's request (its file is removed, no notice is set);
 * backups queued behind it still run. False when none was running.
 */
export function stopRunningBackup(dataDir: string): boolean {
  const copy = copying.get(dataDir);
  if (!copy) return false;
  copy.stop();
  return true;
}

export const isStoppedBackup = (error: unknown): boolean => error instanceof CopyCancelled;

function setNotice(dataDir: string, notice: BackupNotice | null, options: BackupOptions): void {
  if (notice === null && !notices.get(dataDir)) return;
  notices.set(dataDir, notice);
  options.onNotice?.(notice);
}

/** A rename is durable once the folder's entry is synced too (on libuv's pool: an fsync can take seconds). */
async function syncFolder(dir: string): Promise<void> {
  const folder = await open(dir, 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}

async function backupNow(db: Db, dataDir: string, options: BackupOptions): Promise<BackupFile> {
  if (stopping.has(dataDir)) throw new CopyCancelled();
  const dir = backupDir(dataDir);
  mkdirSync(dir, { recursive: true });
  // What a crash or a kill left of an earlier copy (never listed, never restorable).
  for (const name of readdirSync(dir)) if (name.includes(PARTIAL)) rmSync(join(dir, name), { force: true });
  const now = options.now ?? new Date();
  let at = Math.max(now.getTime(), Date.now());
  let name = nameAt(at, options.beforeUpgradeFrom);
  while (listBackups(dataDir).some((b) => b.name === name)) name = nameAt(++at, options.beforeUpgradeFrom);

  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const storeBytes = (db.pragma('page_count', { simple: true }) as number) * pageSize;
  const before = prunable(dataDir, listBackups(dataDir));
  const plan = planSpace(storeBytes, (options.freeBytes ?? freeBytesOf)(dir), before);
  const notice = (kind: BackupNotice['kind'], reason = ''): BackupNotice => ({
    kind,
    at: now.getTime(),
    neededBytes: plan.neededBytes,
    freeBytes: plan.freeBytes,
    kept: listBackups(dataDir).length,
    reason,
  });
  if (plan.kind === 'no_room') {
    setNotice(dataDir, notice('no_room'), options);
    throw new AppError(
      'storage',
      `There is not enough free disk space for a backup: it needs ${mb(plan.neededBytes)} MB, ${mb(plan.freeBytes)} MB are free. Nothing was removed.`,
    );
  }
  for (const old of plan.remove) rmSync(join(dir, old.name), { force: true });

  const partial = join(dir, name + PARTIAL);
  const t0 = performance.now();
  const board = trackCopy(
    dataDir,
    { kind: 'backup', automatic: options.automatic ?? false, name },
    options.onRunning,
  );
  try {
    options.onStarted?.();
    const copy = copyInThread({
      store: db.name,
      file: partial,
      nativeBinding: options.nativeBinding,
      stepPages: BACKUP_STEP_PAGES,
      flushBytes: options.flushBytes ?? BACKUP_FLUSH_BYTES,
      yieldDisk: options.yieldDisk,
      pauseMs: options.stepPauseMs,
      onProgress: (copied, total) => {
        board.update(copied, total);
        options.onProgress?.(copied, total);
      },
    });
    copying.set(dataDir, copy);
    const stats = await copy.done.finally(() => copying.delete(dataDir));
    options.onCopied?.({ ...stats, ms: performance.now() - t0 });
    renameSync(partial, join(dir, name));
    if (options.beforeUpgradeFrom !== undefined) keepThisStart(dataDir, name);
    await syncFolder(dir);
  } catch (error) {
    for (const leftover of [partial, `${partial}-journal`]) rmSync(leftover, { force: true });
    if (error instanceof CopyCancelled) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    setNotice(dataDir, notice('failed', reason), options);
    throw new AppError('storage', `The backup could not be written (${reason}). The store is untouched.`);
  } finally {
    board.end();
  }
  for (const old of prunable(dataDir, listBackups(dataDir)).slice(BACKUPS_KEPT))
    rmSync(join(dir, old.name), { force: true });
  setNotice(dataDir, plan.remove.length > 0 ? notice('pruned') : null, options);
  const made = listBackups(dataDir).find((b) => b.name === name);
  return made ?? { name, createdAt: now.getTime(), bytes: 0 };
}

const mb = (bytes: number): string => (bytes / 1048576).toFixed(0);

/** Makes today's backup when the newest is older than a day (called at start and every hour). */
export async function backupIfDue(
  db: Db,
  dataDir: string,
  options: BackupOptions = {},
): Promise<BackupFile | undefined> {
  const now = options.now ?? new Date();
  const newest = listBackups(dataDir)[0];
  if (newest && now.getTime() - newest.createdAt < BACKUP_EVERY_MS) return undefined;
  return createBackup(db, dataDir, options);
}

/** A backup's path, refusing any name that is not one of ours (no path tricks through the contract). */
export function backupPath(dataDir: string, name: string): string | undefined {
  return NAME.test(name) && listBackups(dataDir).some((b) => b.name === name)
    ? join(backupDir(dataDir), name)
    : undefined;
}
