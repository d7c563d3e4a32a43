import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { channelNames, type ChannelName } from '../../shared/ipc/contract';
import type {
  BackupNotice,
  BackupProgress,
  RecoveryStatus,
  UpgradeProgress,
} from '../../shared/domain/recovery';
import {
  backupIfDue,
  backupNotice,
  backupPath,
  freeBytesOf,
  isStoppedBackup,
  listBackups,
} from '../backup/backups';
import { runningCopies, trackCopy } from '../backup/copyBoard';
import { copyFileWithProgress } from '../backup/copyFileWithProgress';
import { DatabaseCorruptError } from '../db/open';
import {
  needsUpgrade,
  upgradeInThread,
  UpgradeFailedError,
  type RunningUpgrade,
} from '../db/upgradeInThread';
import type { UpgradeTestHook } from '../db/upgradeProtocol';
import type { Handlers } from '../ipc/handlers';
import { AppError } from './errors';
import { createEventBus } from './eventBus';
import { startCore, STORE_FILE, type Core, type CoreOptions } from './startCore';

const HOUR = 3600_000;

export type CoreMode = RecoveryStatus['state'];

export interface ResilientCoreOptions extends CoreOptions {
  /**
   * Upgrade an older store's schema in a worker thread, the core answering meanwhile (state 'upgrading',
   * with progress), instead of blocking in the open. The transports set it; tests of services need not.
   */
  upgradeInBackground?: boolean | undefined;
  /** Only the loopback host's command line sets it (see UpgradeTestHook). */
  upgradeTestHook?: UpgradeTestHook | undefined;
  /**
   * Free bytes on the disk holding `dir` (the file system's figure unless a test gives its own): what the
   * daily backup and a Restore check before they write a store-sized file.
   */
  freeBytes?: ((dir: string) => number) | undefined;
}

/**
 * The core as the transports see it, able to survive a damaged store and to swap stores (restore a backup)
 * without a restart. When the store file is damaged it starts in recovery mode: every channel answers
 * 'unavailable' except the recovery ones, which move the file aside or restore a backup and then open the
 * real store. An older store's upgrade runs in the background (upgradeInBackground): the window shows its
 * progress, then the app. Also takes the daily backup (keeping seven).
 */
export function startResilientCore(
  options: ResilientCoreOptions,
): Core & { mode(): CoreMode; readonly ready: Promise<void> } {
  const bus = createEventBus();
  const storeFile = join(options.dataDir, STORE_FILE);
  let inner: Core | undefined;
  let damage: string | undefined;
  let upgrading: { run: RunningUpgrade; startedAt: number } | undefined;
  let upgradeFailure: string | undefined;
  let closed = false;
  let timer: ReturnType<typeof setInterval> | undefined;

  function open(): void {
    inner = startCore({ ...options, bus });
    damage = undefined;
    const db = inner.db;
    const onNotice = (notice: BackupNotice | null): void => bus.emit('backups:changed', { notice });
    const onRunning = (running: BackupProgress[]): void => bus.emit('backups:progress', { running });
    // A backup cut off by closing the store is not a failure: the next start makes it.
    const due = (): void =>
      void backupIfDue(db, options.dataDir, {
        onNotice,
        onRunning,
        automatic: true,
        freeBytes: options.freeBytes,
        nativeBinding: options.nativeBinding,
        stepPauseMs: options.backupPauseMs,
      }).catch((e: unknown) => isStoppedBackup(e) || console.warn(`[backup] ${String(e)}`));
    due();
    clearInterval(timer);
    timer = setInterval(due, HOUR);
    timer.unref();
  }

  // A restore's copy cut off by a crash: the store it was to replace is still in place.
  rmSync(`${storeFile}.restoring`, { force: true });
  function openOrRecover(): void {
    try {
      open();
    } catch (error) {
      if (!(error instanceof DatabaseCorruptError)) throw error;
      damage = error.message;
    }
  }

  let ready: Promise<void> = Promise.resolve();
  if (options.upgradeInBackground && needsUpgrade(storeFile, options.nativeBinding)) {
    const run = upgradeInThread({
      file: storeFile,
      nativeBinding: options.nativeBinding,
      testHook: options.upgradeTestHook,
    });
    upgrading = { run, startedAt: Date.now() };
    ready = run.finished.then(
      () => {
        upgrading = undefined;
        if (closed) return;
        // Upgraded, yet the open failed for another reason: said on the failure screen, not thrown into the void.
        try {
          openOrRecover();
        } catch (error) {
          upgradeFailure = error instanceof Error ? error.message : String(error);
        }
      },
      (error: unknown) => {
        upgrading = undefined;
        // A file found unreadable on the way is the recovery screen's case; the normal open says so.
        if (closed) return;
        if (error instanceof UpgradeFailedError && error.corrupt) openOrRecover();
        else upgradeFailure = error instanceof Error ? error.message : String(error);
      },
    );
  } else openOrRecover();

  const mode = (): CoreMode =>
    upgrading ? 'upgrading' : upgradeFailure !== undefined ? 'upgradeFailed' : damage ? 'damaged' : 'ok';

  function upgradeProgress(): UpgradeProgress | undefined {
    if (!upgrading) return undefined;
    const now = upgrading.run.status();
    return {
      step: now?.step ?? 0,
      steps: now?.steps ?? 0,
      name: now?.name ?? '',
      done: now?.done ?? null,
      total: now?.total ?? null,
      startedAt: upgrading.startedAt,
    };
  }

  const status = (): RecoveryStatus => ({
    state: mode(),
    message: damage ?? upgradeFailure ?? '',
    storeFile,
    backups: listBackups(options.dataDir),
    ...(upgrading ? { upgrade: upgradeProgress() } : {}),
  });

  /** Keeps the old file (renamed), never deletes it: a damaged store may still be rescued by hand. */
  async function setAside(reason: string): Promise<void> {
    const closing = inner;
    inner = undefined;
    // Whatever was being sent or backed up finishes first: the file is renamed only once nothing writes to it.
    await closing?.close();
    const stamp = new Date().toISOString().replace(/[-:.]/g, '');
    if (existsSync(storeFile)) renameSync(storeFile, `${storeFile}.${reason}-${stamp}`);
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(storeFile + suffix))
        renameSync(storeFile + suffix, `${storeFile}.${reason}-${stamp}${suffix}`);
    }
  }

  const own: Partial<Handlers> = {
    'recovery:status': () => status(),
    'recovery:moveAside': async () => {
      if (!damage || upgrading)
        throw new AppError('conflict', 'The article store is not damaged; nothing was moved.');
      await setAside('damaged');
      open();
      return status();
    },
    'backups:notice': () => backupNotice(options.dataDir),
    // Answered here, not by the store's core: a Restore runs while no store is open.
    'backups:progress': () => runningCopies(options.dataDir),
    'backups:restore': async ({ name }) => {
      const file = backupPath(options.dataDir, name);
      if (!file) throw new AppError('not_found', `There is no backup named ${name}.`);
      if (upgrading)
        throw new AppError('conflict', 'The article store is being upgraded; try again when it is done.');
      // The copy is made beside the store while it still works, then renamed into place: a full disk or a
      // failed read leaves the current store as it was (a 7 GB copy takes half a minute, off the main thread).
      const incoming = `${storeFile}.restoring`;
      const bytes = statSync(file).size;
      const free = (options.freeBytes ?? freeBytesOf)(options.dataDir);
      if (free < bytes)
        throw new AppError(
          'storage',
          `Restoring needs ${(bytes / 1048576).toFixed(0)} MB of free disk space; ${(free / 1048576).toFixed(0)} MB are free. Nothing was changed.`,
        );
      const board = trackCopy(options.dataDir, { kind: 'restore', automatic: false, name }, (running) =>
        bus.emit('backups:progress', { running }),
      );
      try {
        try {
          rmSync(incoming, { force: true });
          await copyFileWithProgress(file, incoming, {
            onProgress: (copied, total) => board.update(copied, total),
            pauseMs: options.backupPauseMs,
          });
        } catch (error) {
          rmSync(incoming, { force: true });
          throw new AppError(
            'storage',
            `The backup could not be copied (${error instanceof Error ? error.message : String(error)}). Nothing was changed.`,
          );
        }
        await setAside(damage ? 'damaged' : 'before-restore');
        renameSync(incoming, storeFile);
        open();
      } finally {
        board.end();
      }
      return status();
    },
  };

  const unavailable = (): never => {
    throw new AppError(
      'unavailable',
      upgrading
        ? 'The article store is being upgraded; it opens when the upgrade is done.'
        : `The article store could not be opened: ${damage ?? upgradeFailure ?? 'it is being replaced'}`,
    );
  };
  const handlers = Object.fromEntries(
    channelNames.map((channel: ChannelName) => [
      channel,
      (input: never) => {
        const mine = own[channel] as ((input: never) => unknown) | undefined;
        if (mine) return mine(input);
        const target = inner?.handlers[channel] as ((input: never) => unknown) | undefined;
        return target ? target(input) : unavailable();
      },
    ]),
  ) as unknown as Handlers;

  return {
    get db() {
      if (!inner) throw new AppError('unavailable', 'The article store is not open.');
      return inner.db;
    },
    get services() {
      if (!inner) throw new AppError('unavailable', 'The article store is not open.');
      return inner.services;
    },
    bus,
    handlers,
    mode,
    get ready() {
      return ready;
    },
    close() {
      closed = true;
      clearInterval(timer);
      // Quitting during an upgrade ends its thread: nothing is committed, the next start upgrades again.
      if (upgrading) return upgrading.run.stop();
      return inner?.close() ?? Promise.resolve();
    },
  };
}
