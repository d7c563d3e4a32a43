import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { channelNames, type ChannelName } from '../../shared/ipc/contract';
import type { BackupNotice, BackupProgress, RecoveryStatus } from '../../shared/domain/recovery';
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
import { schemaToUpgrade, UpgradeFailedError } from '../db/upgradeInThread';
import type { UpgradeTestHook } from '../db/upgradeProtocol';
import type { Handlers } from '../ipc/handlers';
import { AppError } from './errors';
import { createEventBus } from './eventBus';
import { startCore, STORE_FILE, type Core, type CoreOptions } from './startCore';
import { startUpgrade, type StartupUpgrade } from './startupUpgrade';

const HOUR = 3600_000;

export type CoreMode = RecoveryStatus['state'];

export interface ResilientCoreOptions extends CoreOptions {
  /**
   * Upgrade an older store's schema in a worker thread, the core answering meanwhile (state 'upgrading',
   * with progress), instead of blocking in the open. The transports set it; tests of services need not.
   */
  upgradeInBackground?: boolean | undefined;
  /** Only the loopback host's command line sets it (see UpgradeTestHook); the start's upgrade only. */
  upgradeTestHook?: UpgradeTestHook | undefined;
  /**
   * Free bytes on the disk holding `dir` (the file system's figure unless a test, or the host's test hook,
   * gives its own): what the daily backup, a Restore and the copy taken before an upgrade check before they
   * write a store-sized file.
   */
  freeBytes?: ((dir: string) => number) | undefined;
  /** How the transport quits (app:quit): Electron's app.quit, the host's shutdown. */
  onQuit?: (() => void) | undefined;
}

/**
 * The core as the transports see it, able to survive a damaged store and to swap stores (restore a backup)
 * without a restart. When the store file is damaged it starts in recovery mode: every channel answers
 * 'unavailable' except the recovery ones, which move the file aside or restore a backup and then open the
 * real store. An older store's upgrade runs in the background (upgradeInBackground): the window shows its
 * progress, then the app; a copy of the store goes to the backups folder first (core/startupUpgrade.ts). An
 * upgrade that fails offers what the damaged store's screen offers: restore a backup, or start fresh. Also
 * takes the daily backup (keeping seven).
 */
export function startResilientCore(
  options: ResilientCoreOptions,
): Core & { mode(): CoreMode; readonly ready: Promise<void> } {
  const bus = createEventBus();
  const storeFile = join(options.dataDir, STORE_FILE);
  let inner: Core | undefined;
  let damage: string | undefined;
  let upgrading: StartupUpgrade | undefined;
  let upgradeFailure: string | undefined;
  let closed = false;
  let timer: ReturnType<typeof setInterval> | undefined;

  const onNotice = (notice: BackupNotice | null): void => bus.emit('backups:changed', { notice });
  function open(): void {
    inner = startCore({ ...options, bus });
    damage = undefined;
    upgradeFailure = undefined;
    const db = inner.db;
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
  /**
   * Opens the store in place, upgrading it first in the background when it is older (and the transport asked
   * for that). `backupFirst`: copy it to the backups folder before the upgrade (not for a store that has
   * just been restored from a backup: that backup is still there).
   */
  function openOrUpgrade(backupFirst: boolean, testHook?: UpgradeTestHook): void {
    const from = options.upgradeInBackground ? schemaToUpgrade(storeFile, options.nativeBinding) : undefined;
    if (from === undefined) {
      openOrRecover();
      return;
    }
    const run = startUpgrade({
      storeFile,
      dataDir: options.dataDir,
      from,
      backupFirst,
      nativeBinding: options.nativeBinding,
      testHook,
      freeBytes: options.freeBytes,
      onNotice,
      backupPauseMs: options.backupPauseMs,
    });
    upgrading = run;
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
  }
  openOrUpgrade(true, options.upgradeTestHook);

  const mode = (): CoreMode =>
    upgrading ? 'upgrading' : upgradeFailure !== undefined ? 'upgradeFailed' : damage ? 'damaged' : 'ok';

  const status = (): RecoveryStatus => ({
    state: mode(),
    message: damage ?? upgradeFailure ?? '',
    storeFile,
    backups: listBackups(options.dataDir),
    ...(upgrading ? { upgrade: upgrading.progress() } : {}),
  });

  /** Keeps the old file (renamed), never deletes it: a damaged store may still be rescued by hand. */
  async function setAside(reason: string): Promise<void> {
    const closing = inner;
    inner = undefined;
    // The hourly backup check holds the closing store; the next open (after an upgrade, maybe) sets its own.
    clearInterval(timer);
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
      if ((!damage && upgradeFailure === undefined) || upgrading)
        throw new AppError('conflict', 'The article store is not damaged; nothing was moved.');
      await setAside(damage ? 'damaged' : 'upgrade-failed');
      open();
      return status();
    },
    'recovery:upgradeWithoutBackup': () => {
      if (!upgrading?.goOnWithoutBackup()) throw new AppError('conflict', 'No upgrade is waiting.');
      return status();
    },
    'app:quit': () => {
      const quit = options.onQuit;
      if (!quit) throw new AppError('unavailable', 'This transport cannot quit the app.');
      // After this answer has gone out: the transport's shutdown closes every connection.
      setTimeout(quit, 100);
      return { quitting: true as const };
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
        await setAside(
          damage ? 'damaged' : upgradeFailure !== undefined ? 'upgrade-failed' : 'before-restore',
        );
        renameSync(incoming, storeFile);
        damage = undefined;
        upgradeFailure = undefined;
        // A backup of an older schema (the copy taken before an upgrade, say) is upgraded as at start-up.
        openOrUpgrade(false);
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
      if (upgrading) return upgrading.stop();
      return inner?.close() ?? Promise.resolve();
    },
  };
}
