import { z } from 'zod';

export const BackupFile = z.object({
  name: z.string(),
  createdAt: z.number(),
  bytes: z.number().int().nonnegative(),
  /** Set on the copy taken before an upgrade: the schema version it holds (restoring it upgrades it again). */
  beforeUpgradeFrom: z.number().int().positive().optional(),
});
export type BackupFile = z.infer<typeof BackupFile>;

/** The step name of the copy taken before an upgrade (step 1 when there is one; done/total in bytes). */
export const PRE_UPGRADE_BACKUP_STEP = 'pre-upgrade-backup';

/**
 * The copy before an upgrade could not be made (not room enough on the disk, or it failed): the upgrade waits
 * until the user chooses to go on without it, or quits.
 */
export const UpgradeBackupProblem = z.object({
  kind: z.enum(['no_room', 'failed']),
  neededBytes: z.number().nonnegative(),
  freeBytes: z.number().nonnegative(),
  /** The system's words, when it failed. */
  reason: z.string(),
});
export type UpgradeBackupProblem = z.infer<typeof UpgradeBackupProblem>;

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

/**
 * A backup or a Restore being copied (a minute or more on a large archive): how far it is. `automatic` is the
 * daily backup, shown in the notice area; the others show where the user started them.
 */
export const BackupProgress = z.object({
  kind: z.enum(['backup', 'restore']),
  automatic: z.boolean(),
  /** The backup's file name (backups:list). */
  name: z.string(),
  copiedBytes: z.number().nonnegative(),
  /** 0 until the copy knows. */
  totalBytes: z.number().nonnegative(),
  startedAt: z.number(),
});
export type BackupProgress = z.infer<typeof BackupProgress>;

/** An upgrade of the store's schema at start-up: which step runs, and how far it is when it can count. */
export const UpgradeProgress = z.object({
  /** 1-based, of `steps`. */
  step: z.number().int().nonnegative(),
  steps: z.number().int().nonnegative(),
  /** The migration's name (db/migrations), which the screen words; '' before the first step starts. */
  name: z.string(),
  done: z.number().nonnegative().nullable(),
  total: z.number().nonnegative().nullable(),
  startedAt: z.number(),
  /** Set while the upgrade waits for the user's choice (no backup could be made first). */
  backupProblem: UpgradeBackupProblem.optional(),
  /**
   * Set when no copy is made because the one taken before an earlier, unfinished attempt at this upgrade still
   * stands for the store (unchanged since): its backup's name and when it was taken.
   */
  reusedCopy: z.object({ name: z.string(), madeAt: z.number() }).optional(),
});
export type UpgradeProgress = z.infer<typeof UpgradeProgress>;

/**
 * Whether the store opened; when it did not, why, and what can be done (move it aside, restore a backup).
 * 'upgrading': an older store's schema is being brought up to date (`upgrade` says how far; also after the
 * Restore of a backup of an older schema); the app opens when it is done. 'upgradeFailed': it could not be; the file is as it was and `message` says why.
 */
export const RecoveryStatus = z.object({
  state: z.enum(['ok', 'damaged', 'upgrading', 'upgradeFailed']),
  message: z.string(),
  storeFile: z.string(),
  backups: z.array(BackupFile),
  upgrade: UpgradeProgress.optional(),
});
export type RecoveryStatus = z.infer<typeof RecoveryStatus>;
