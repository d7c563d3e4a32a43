import { z } from 'zod';

export const BackupFile = z.object({
  name: z.string(),
  createdAt: z.number(),
  bytes: z.number().int().nonnegative(),
});
export type BackupFile = z.infer<typeof BackupFile>;

/**
 * What the last backup could not do, for the user to see: skipped for lack of disk space, failed (a full
 * disk, a write error), or made after removing older backups because the disk could not hold seven.
 */
export const BackupNotice = z.object({
  kind: z.enum(['no_room', 'failed', 'pruned']),
  at: z.number(),
  neededBytes: z.number().nonnegative(),
  freeBytes: z.number().nonnegative(),
  /** Backups on disk afterwards. */
  kept: z.number().int().nonnegative(),
  /** The system's words, when it failed. */
  reason: z.string(),
});
export type BackupNotice = z.infer<typeof BackupNotice>;

/** Whether the store opened; when it did not, why, and what can be done (move it aside, restore a backup). */
export const RecoveryStatus = z.object({
  state: z.enum(['ok', 'damaged']),
  message: z.string(),
  storeFile: z.string(),
  backups: z.array(BackupFile),
});
export type RecoveryStatus = z.infer<typeof RecoveryStatus>;
