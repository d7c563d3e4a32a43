import {
  closeSync,
  openSync,
  readSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Db } from '../db/open';
import { backupDir, listBackups, type BackupFile } from './backups';

/*
 * Whether the copy taken before an upgrade (backups.ts, `-before-upgrade-schemaN`) may stand in for a new one
 * at the next start: after a quit, a crash or a kill during the upgrade, the store is as it was, and copying
 * 7 GB again adds a minute or more. A copy is trusted only through a manifest written once the copy was
 * complete, synced and renamed, describing the store file as it was copied; a copy cut off by a kill has no
 * manifest (and its `.partial` file is never listed), so it is never trusted.
 *
 * How "the store has not changed" is known. The store is settled first (settleStore): WAL mode, every committed
 * frame checkpointed into the file and the WAL truncated, so that the file alone holds the store. From then on
 * SQLite changes the file only by checkpointing frames that were committed to the WAL; an upgrade cut off
 * before its commit wrote only uncommitted frames, which no reader ever applies, and the next settle finds
 * no frame to checkpoint. So the store is unchanged when, at the next start, (1) the WAL holds no committed
 * frame (a PASSIVE checkpoint counts them before the file is touched), and (2) the file is the same file with
 * the same size, header (change counter, page count, freelist, schema cookie, user_version), modification and
 * status-change times to the nanosecond. Any write to the file changes the last two (the status-change time
 * cannot be set back by any program), a replaced file has another inode. Anything that differs (or a
 * manifest that cannot be read) means a new copy, as when there is none.
 */

/** The one manifest of the backups folder: it names the copy it vouches for. */
export const MANIFEST = 'before-upgrade-copy.json';
const HEADER_BYTES = 100;

const Fingerprint = z.object({
  dev: z.string(),
  ino: z.string(),
  size: z.string(),
  mtimeNs: z.string(),
  ctimeNs: z.string(),
  /** The file's first 100 bytes (SQLite's header), in hex. */
  header: z.string(),
});
export type StoreFingerprint = z.infer<typeof Fingerprint>;

const Manifest = z.object({
  format: z.literal(1),
  /** The copy's name in the backups folder and what it was once renamed there. */
  copy: z.string(),
  copyBytes: z.number().int().positive(),
  copyIno: z.string(),
  copyMtimeNs: z.string(),
  /** The schema version the store (and so the copy) holds. */
  schema: z.number().int().positive(),
  /** When the copy's snapshot was taken (what the upgrade screen says). */
  madeAt: z.number(),
  store: Fingerprint,
});
export type UpgradeCopyManifest = z.infer<typeof Manifest>;

/**
 * Brings the whole store into its file (see above), on a connection that may write. False when another
 * connection kept the checkpoint from finishing: the file alone is then not the store, and no copy is vouched
 * for. `committedFrames`: frames the WAL held that a reader would apply, i.e. writes since the last settle.
 */
export function settleStore(db: Db): { settled: boolean; committedFrames: number } {
  db.pragma('journal_mode = WAL');
  const [passive] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number }[];
  const [truncate] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  return {
    settled: passive?.busy === 0 && truncate?.busy === 0,
    committedFrames: Math.max(0, passive?.log ?? 0),
  };
}

/** The store file as it is now; undefined when its WAL is not empty (the file alone is not the store). */
export function fingerprintStore(storeFile: string): StoreFingerprint | undefined {
  try {
    if (statSync(`${storeFile}-wal`).size > 0) return undefined;
  } catch {
    // No WAL file at all: every committed write is in the store file.
  }
  const stat = statSync(storeFile, { bigint: true });
  return {
    dev: String(stat.dev),
    ino: String(stat.ino),
    size: String(stat.size),
    mtimeNs: String(stat.mtimeNs),
    ctimeNs: String(stat.ctimeNs),
    header: readHead(storeFile).toString('hex'),
  };
}

export const sameFingerprint = (a: StoreFingerprint, b: StoreFingerprint): boolean =>
  (Object.keys(a) as (keyof StoreFingerprint)[]).every((k) => a[k] === b[k]);

function readHead(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(HEADER_BYTES);
    const read = readSync(fd, head, 0, HEADER_BYTES, 0);
    return head.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** The manifest of the backups folder, if there is one and it can be read whole. */
export function readManifest(dataDir: string): UpgradeCopyManifest | undefined {
  try {
    return Manifest.parse(JSON.parse(readFileSync(join(backupDir(dataDir), MANIFEST), 'utf8')));
  } catch {
    return undefined;
  }
}

/**
 * Tidying only: a manifest left behind (the backups folder unwritable, say) describes a store that has moved
 * on since, whose status-change time cannot come back, so it never vouches for anything again.
 */
export function removeManifest(dataDir: string): void {
  try {
    rmSync(join(backupDir(dataDir), MANIFEST), { force: true });
  } catch {
    // See above.
  }
}

/**
 * Vouches for a copy just made (backups.ts has renamed and synced it): written under a temporary name,
 * synced, renamed, and the folder synced, so that a manifest, once there, is whole and names a whole copy.
 */
export async function writeManifest(
  dataDir: string,
  copy: BackupFile,
  schema: number,
  madeAt: number,
  store: StoreFingerprint,
): Promise<void> {
  const dir = backupDir(dataDir);
  const stat = statSync(join(dir, copy.name), { bigint: true });
  const manifest: UpgradeCopyManifest = {
    format: 1,
    copy: copy.name,
    copyBytes: Number(stat.size),
    copyIno: String(stat.ino),
    copyMtimeNs: String(stat.mtimeNs),
    schema,
    madeAt,
    store,
  };
  const temporary = join(dir, `${MANIFEST}.partial`);
  writeFileSync(temporary, JSON.stringify(manifest));
  await syncFile(temporary, 'r+');
  renameSync(temporary, join(dir, MANIFEST));
  await syncFile(dir, 'r');
}

async function syncFile(path: string, flags: string): Promise<void> {
  const handle = await open(path, flags);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * The copy the manifest vouches for, when it still stands for this store at this schema: the store's
 * fingerprint is the one taken when it was copied, and the copy is the file that was renamed into the folder,
 * whole (its size and inode, its own header's page count and schema).
 */
export function reusableCopy(
  dataDir: string,
  store: StoreFingerprint,
  schema: number,
): (BackupFile & { madeAt: number }) | undefined {
  const manifest = readManifest(dataDir);
  if (!manifest || manifest.schema !== schema || !sameFingerprint(manifest.store, store)) return undefined;
  const copy = listBackups(dataDir).find((b) => b.name === manifest.copy);
  if (!copy || copy.beforeUpgradeFrom !== schema) return undefined;
  const file = join(backupDir(dataDir), copy.name);
  try {
    const stat = statSync(file, { bigint: true });
    if (
      Number(stat.size) !== manifest.copyBytes ||
      String(stat.ino) !== manifest.copyIno ||
      String(stat.mtimeNs) !== manifest.copyMtimeNs
    )
      return undefined;
    if (!wholeSqliteFile(readHead(file), manifest.copyBytes, schema)) return undefined;
  } catch {
    return undefined;
  }
  return { ...copy, madeAt: manifest.madeAt };
}

/** A SQLite header whose page count (when valid) fills the file exactly, at this user_version. */
function wholeSqliteFile(head: Buffer, bytes: number, schema: number): boolean {
  if (head.length < HEADER_BYTES || head.toString('latin1', 0, 16) !== 'SQLite format 3\0') return false;
  const raw = head.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  const pages = head.readUInt32BE(28);
  // The page count is valid only when written by a version that keeps it (offset 92 equals the counter).
  const countValid = head.readUInt32BE(92) === head.readUInt32BE(24);
  return (
    (!countValid || pages * pageSize === bytes) && bytes % pageSize === 0 && head.readInt32BE(60) === schema
  );
}
