import { existsSync, renameSync, rmSync, statSync, statfsSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { channelNames, type ChannelName } from '../../shared/ipc/contract';
import type { BackupNotice, RecoveryStatus } from '../../shared/domain/recovery';
import { backupIfDue, backupNotice, backupPath, isStoppedBackup, listBackups } from '../backup/backups';
import { DatabaseCorruptError } from '../db/open';
import type { Handlers } from '../ipc/handlers';
import { AppError } from './errors';
import { createEventBus } from './eventBus';
import { startCore, STORE_FILE, type Core, type CoreOptions } from './startCore';

const HOUR = 3600_000;

/**
 * The core as the transports see it, able to survive a damaged store and to swap stores (restore a backup)
 * without a restart. When the store file is damaged it starts in recovery mode: every channel answers
 * 'unavailable' except the recovery ones, which move the file aside or restore a backup and then open the
 * real store. Also takes the daily backup (keeping seven).
 */
export function startResilientCore(options: CoreOptions): Core & { mode(): 'ok' | 'damaged' } {
  const bus = createEventBus();
  const storeFile = join(options.dataDir, STORE_FILE);
  let inner: Core | undefined;
  let damage: string | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;

  function open(): void {
    inner = startCore({ ...options, bus });
    damage = undefined;
    const db = inner.db;
    const onNotice = (notice: BackupNotice | null): void => bus.emit('backups:changed', { notice });
    // A backup cut off by closing the store is not a failure: the next start makes it.
    const due = (): void =>
      void backupIfDue(db, options.dataDir, { onNotice }).catch(
        (e: unknown) => isStoppedBackup(e) || console.warn(`[backup] ${String(e)}`),
      );
    due();
    clearInterval(timer);
    timer = setInterval(due, HOUR);
    timer.unref();
  }

  // A restore's copy cut off by a crash: the store it was to replace is still in place.
  rmSync(`${storeFile}.restoring`, { force: true });
  try {
    open();
  } catch (error) {
    if (!(error instanceof DatabaseCorruptError)) throw error;
    damage = error.message;
  }

  const status = (): RecoveryStatus => ({
    state: damage ? 'damaged' : 'ok',
    message: damage ?? '',
    storeFile,
    backups: listBackups(options.dataDir),
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
      if (!damage) throw new AppError('conflict', 'The article store is not damaged; nothing was moved.');
      await setAside('damaged');
      open();
      return status();
    },
    'backups:notice': () => backupNotice(options.dataDir),
    'backups:restore': async ({ name }) => {
      const file = backupPath(options.dataDir, name);
      if (!file) throw new AppError('not_found', `There is no backup named ${name}.`);
      // The copy is made beside the store while it still works, then renamed into place: a full disk or a
      // failed read leaves the current store as it was (a 7 GB copy takes half a minute, off the main thread).
      const incoming = `${storeFile}.restoring`;
      const bytes = statSync(file).size;
      const free = statfsSync(options.dataDir);
      if (free.bavail * free.bsize < bytes)
        throw new AppError(
          'storage',
          `Restoring needs ${(bytes / 1048576).toFixed(0)} MB of free disk space; ${((free.bavail * free.bsize) / 1048576).toFixed(0)} MB are free. Nothing was changed.`,
        );
      try {
        await copyFile(file, incoming);
      } catch (error) {
        rmSync(incoming, { force: true });
        throw new AppError(
          'storage',
          `The backup could not be copied (${String(error)}). Nothing was changed.`,
        );
      }
      await setAside(damage ? 'damaged' : 'before-restore');
      renameSync(incoming, storeFile);
      open();
      return status();
    },
  };

  const unavailable = (): never => {
    throw new AppError(
      'unavailable',
      `The article store could not be opened: ${damage ?? 'it is being replaced'}`,
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
    mode: () => (damage ? 'damaged' : 'ok'),
    close() {
      clearInterval(timer);
      return inner?.close() ?? Promise.resolve();
    },
  };
}
