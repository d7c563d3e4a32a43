import { z } from 'zod';

export const BackupFile = z.object({
  name: z.string(),
  createdAt: z.number(),
  bytes: z.number().int().nonnegative(),
});
export type BackupFile = z.infer<typeof BackupFile>;

/** Whether the store opened; when it did not, why, and what can be done (move it aside, restore a backup). */
export const RecoveryStatus = z.object({
  state: z.enum(['ok', 'damaged']),
  message: z.string(),
  storeFile: z.string(),
  backups: z.array(BackupFile),
});
export type RecoveryStatus = z.infer<typeof RecoveryStatus>;
