import Database from 'better-sqlite3';
import {
  PRE_UPGRADE_BACKUP_STEP,
  type BackupNotice,
  type UpgradeBackupProblem,
  type UpgradeProgress,
} from '../../shared/domain/recovery';
import { backupNotice, createBackup, isStoppedBackup, keepThisStart, stopBackups } from '../backup/backups';
import {
  fingerprintStore,
  removeManifest,
  reusableCopy,
  sameFingerprint,
  settleStore,
  writeManifest,
} from '../backup/upgradeCopyManifest';
import { migrations } from '../db/migrations/index';
import { upgradeInThread, UpgradeFailedError, type RunningUpgrade } from '../db/upgradeInThread';
import type { UpgradeTestHook } from '../db/upgradeProtocol';

export interface StartupUpgradeOptions {
  storeFile: string;
  dataDir: string;
  /** The schema version the store file holds. */
  from: number;
  /** Copy the store into the backups folder first (not when it has just been restored from a backup). */
  backupFirst: boolean;
  nativeBinding?: string | undefined;
  testHook?: UpgradeTestHook | undefined;
  /** Free bytes where the copy goes (tests); the file system's figure otherwise. */
  freeBytes?: ((dir: string) => number) | undefined;
  onNotice?: ((notice: BackupNotice | null) => void) | undefined;
  /** Test hook only (host `--test-backup slow`, CoreOptions.backupPauseMs): the copy in fifty paced steps. */
  backupPauseMs?: number | undefined;
}

export interface StartupUpgrade {
  /** Resolves once the upgrade is committed; rejects with UpgradeFailedError (also when stopped). */
  readonly finished: Promise<void>;
  progress(): UpgradeProgress;
  /** The user chose to upgrade without the copy that could not be made; false when nothing was waiting. */
  goOnWithoutBackup(): boolean;
  /** The app is quitting: the copy is cut off and removed, the thread ended; the store stays as it was. */
  stop(): Promise<void>;
}

/**
 * An older store's upgrade at start-up: first a copy of it into the backups folder (named for the schema it
 * holds: backup/backups.ts), then the migrations in their thread (db/upgradeInThread.ts). The migrations
 * roll back on failure, yet they run on the only copy of a journalist's archive: a bug in one, a disk error
 * mid-way or a power cut on a file system that lies about syncs must leave something to go back to. When the
 * copy cannot be made (no room, a write error) the upgrade waits for the user: go on without it, or quit.
 */
export function startUpgrade(options: StartupUpgradeOptions): StartupUpgrade {
  const startedAt = Date.now();
  const migrationSteps =
    migrations.filter((m) => m.version > options.from).length + (options.testHook ? 1 : 0);
  const offset = options.backupFirst ? 1 : 0;
  let copied: { done: number; total: number | null } = { done: 0, total: null };
  let problem: UpgradeBackupProblem | undefined;
  let goOn: (() => void) | undefined;
  let run: RunningUpgrade | undefined;
  let stopped = false;
  let reused: { name: string; madeAt: number } | undefined;

  async function copyFirst(): Promise<void> {
    try {
      // Its own connection, without migrating: the copy holds the store exactly as the last version left it.
      const db = new Database(options.storeFile, {
        fileMustExist: true,
        ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      });
      try {
        db.pragma('busy_timeout = 5000');
        // A start after a quit (or a kill) during the upgrade: the copy made then still stands when the
        // store has not changed since (backup/upgradeCopyManifest.ts says how that is known).
        const { settled, committedFrames } = settleStore(db);
        const before = settled ? fingerprintStore(options.storeFile) : undefined;
        const kept =
          before && committedFrames === 0 ? reusableCopy(options.dataDir, before, options.from) : undefined;
        if (kept) {
          keepThisStart(options.dataDir, kept.name);
          reused = { name: kept.name, madeAt: kept.madeAt };
          return;
        }
        // Whatever an older manifest vouched for no longer stands for this store.
        removeManifest(options.dataDir);
        const madeAt = Date.now();
        const copy = await createBackup(db, options.dataDir, {
          beforeUpgradeFrom: options.from,
          freeBytes: options.freeBytes,
          onNotice: options.onNotice,
          onProgress: (done, total) => (copied = { done, total }),
          // The copy thread loads better-sqlite3 too: the Electron build in the app.
          nativeBinding: options.nativeBinding,
          stepPauseMs: options.backupPauseMs,
        });
        // The file did not move while it was copied (nothing writes it during the copy; this makes sure).
        const after = fingerprintStore(options.storeFile);
        if (before && after && sameFingerprint(before, after))
          await writeManifest(options.dataDir, copy, options.from, madeAt, before);
      } finally {
        db.close();
      }
    } catch (error) {
      if (stopped || isStoppedBackup(error)) return;
      const notice = backupNotice(options.dataDir);
      problem = {
        kind: notice?.kind === 'no_room' ? 'no_room' : 'failed',
        neededBytes: notice?.neededBytes ?? 0,
        freeBytes: notice?.freeBytes ?? 0,
        reason: notice?.reason || (error instanceof Error ? error.message : String(error)),
      };
      await new Promise<void>((resolve) => (goOn = resolve));
      goOn = undefined;
      problem = undefined;
    }
  }

  const finished = (async () => {
    if (options.backupFirst) await copyFirst();
    if (stopped) throw new UpgradeFailedError('The upgrade was stopped before it started.', false);
    run = upgradeInThread({
      file: options.storeFile,
      nativeBinding: options.nativeBinding,
      testHook: options.testHook,
    });
    await run.finished;
    // The store is at the new schema: no copy stands in for it any more.
    removeManifest(options.dataDir);
  })();

  return {
    finished,
    progress(): UpgradeProgress {
      if (!run)
        return {
          step: offset,
          steps: migrationSteps + offset,
          name: options.backupFirst ? PRE_UPGRADE_BACKUP_STEP : '',
          // Nothing to count before the copy knows the store's size (nor when it could not start).
          done: copied.total === null ? null : copied.done,
          total: copied.total,
          startedAt,
          ...(problem ? { backupProblem: problem } : {}),
          ...(reused ? { reusedCopy: reused } : {}),
        };
      const now = run.status();
      return {
        step: now ? now.step + offset : 0,
        steps: (now?.steps ?? migrationSteps) + offset,
        name: now?.name ?? '',
        done: now?.done ?? null,
        total: now?.total ?? null,
        startedAt,
        ...(reused ? { reusedCopy: reused } : {}),
      };
    },
    goOnWithoutBackup() {
      if (!goOn) return false;
      goOn();
      return true;
    },
    async stop() {
      stopped = true;
      goOn?.();
      await stopBackups(options.dataDir);
      await run?.stop();
      await finished.catch(() => undefined);
    },
  };
}
