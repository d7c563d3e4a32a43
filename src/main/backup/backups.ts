import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/open';

export const BACKUPS_KEPT = 7;
export const BACKUP_EVERY_MS = 24 * 3600_000;
const NAME = /^redac-(\d{8}T\d{9}Z)\.sqlite3$/;

export interface BackupFile {
  name: string;
  createdAt: number;
  bytes: number;
}

const nameAt = (ms: number): string => `redac-${new Date(ms).toISOString().replace(/[-:.]/g, '')}.sqlite3`;

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
    .map((name) => ({
      name,
      createdAt: statSync(join(backupDir(dataDir), name)).mtimeMs,
      bytes: statSync(join(backupDir(dataDir), name)).size,
    }))
    .sort((a, b) => b.name.localeCompare(a.name));
}

/**
 * A consistent copy made with SQLite's online backup API (pages copied while the app keeps working), then
 * the oldest beyond BACKUPS_KEPT removed.
 */
export function createBackup(db: Db, dataDir: string, now = new Date()): Promise<BackupFile> {
  // One backup at a time per folder: the daily one and a "Back up now" must not write the same file.
  const previous = running.get(dataDir) ?? Promise.resolve();
  inProgress.set(dataDir, (inProgress.get(dataDir) ?? 0) + 1);
  const next = previous
    .catch(() => undefined)
    .then(() => backupNow(db, dataDir, now))
    .finally(() => inProgress.set(dataDir, (inProgress.get(dataDir) ?? 1) - 1));
  running.set(dataDir, next);
  return next;
}

const running = new Map<string, Promise<unknown>>();
const inProgress = new Map<string, number>();

/** Whether a backup of this folder's store is being written (closing the store would cut it off). */
export const backupInProgress = (dataDir: string): boolean => (inProgress.get(dataDir) ?? 0) > 0;

/** Resolves once the backups of this folder started so far are finished (whether they worked or not). */
export function backupsSettled(dataDir: string): Promise<void> {
  return (running.get(dataDir) ?? Promise.resolve()).then(
    () => undefined,
    () => undefined,
  );
}

async function backupNow(db: Db, dataDir: string, now: Date): Promise<BackupFile> {
  mkdirSync(backupDir(dataDir), { recursive: true });
  let at = Math.max(now.getTime(), Date.now());
  let name = nameAt(at);
  while (listBackups(dataDir).some((b) => b.name === name)) name = nameAt(++at);
  await db.backup(join(backupDir(dataDir), name));
  for (const old of listBackups(dataDir).slice(BACKUPS_KEPT))
    rmSync(join(backupDir(dataDir), old.name), { force: true });
  const made = listBackups(dataDir).find((b) => b.name === name);
  return made ?? { name, createdAt: now.getTime(), bytes: 0 };
}

/** Makes today's backup when the newest is older than a day (called at start and every hour). */
export async function backupIfDue(
  db: Db,
  dataDir: string,
  now = new Date(),
): Promise<BackupFile | undefined> {
  const newest = listBackups(dataDir)[0];
  if (newest && now.getTime() - newest.createdAt < BACKUP_EVERY_MS) return undefined;
  return createBackup(db, dataDir, now);
}

/** A backup's path, refusing any name that is not one of ours (no path tricks through the contract). */
export function backupPath(dataDir: string, name: string): string | undefined {
  return NAME.test(name) && listBackups(dataDir).some((b) => b.name === name)
    ? join(backupDir(dataDir), name)
    : undefined;
}
