import type { BackupFile } from '../../shared/domain/recovery';

const MB = 1024 * 1024;

/**
 * Room the store keeps after a backup is written: a day's work must still fit (an import of 100,000 articles
 * adds about 0.7 GB to a 1M store, and its WAL needs room too). 10% of the store, at least 512 MB.
 */
export const headroomFor = (storeBytes: number): number => Math.max(512 * MB, Math.ceil(storeBytes / 10));

export type SpacePlan =
  | { kind: 'fits'; remove: BackupFile[]; neededBytes: number; freeBytes: number }
  | { kind: 'no_room'; neededBytes: number; freeBytes: number };

/**
 * Whether a backup of `storeBytes` can be written with `freeBytes` free, and which older backups must go first.
 *
 * Seven daily backups of a 1M store are 51 GB; a desk's disk may not hold them. Older backups are removed,
 * oldest first, only when that makes the new one fit; the newest one is never removed to make room (if the new
 * one then fails there is still one good backup). When even that would not make room, nothing is removed and
 * the backup is skipped: the caller tells the user.
 *
 * Older backups are not compressed instead. Measured on the 1M store: gzip -1 keeps 39% of the bytes for
 * about 330 s of a core a day (level 6: 35% for about 600 s), and a Restore would first have to inflate 7 GB
 * into as much free space. Fewer backups when the disk is short, said to the user, cost neither.
 *
 * `backups` is newest first, as listBackups returns them.
 */
export function planSpace(storeBytes: number, freeBytes: number, backups: BackupFile[]): SpacePlan {
  const neededBytes = storeBytes + headroomFor(storeBytes);
  const spare = backups.slice(1).reverse();
  const remove: BackupFile[] = [];
  let free = freeBytes;
  for (const old of spare) {
    if (free >= neededBytes) break;
    remove.push(old);
    free += old.bytes;
  }
  if (free < neededBytes) return { kind: 'no_room', neededBytes, freeBytes };
  return { kind: 'fits', remove, neededBytes, freeBytes };
}
