import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { backupInProgress, stopBackups } from '../backup/backups';
import { stopLeftoverDrops } from '../db/leftoverDrops';
import { openDatabase, type Db } from '../db/open';
import { createHandlers, type Handlers } from '../ipc/handlers';
import { replyWhenDurable } from '../ipc/replyWhenDurable';
import { createCheckpointer } from '../db/checkpointInThread';
import type { CredentialStore } from '../publishing/credentialStore';
import { createEventBus, type EventBus } from './eventBus';
import { createServices, type Platform, type Services } from './services';

export const STORE_FILE = 'redac.sqlite3';

export interface CoreOptions {
  dataDir: string;
  transport: 'electron' | 'host';
  version: string;
  nativeBinding?: string | undefined;
  platform?: Platform | undefined;
  /** Builds the site credential store for the data folder (Electron: safeStorage); a 0600 file otherwise. */
  credentials?: ((dataDir: string) => CredentialStore) | undefined;
  /** Reuse a bus (the resilient core keeps one across store swaps, so transports stay subscribed). */
  bus?: EventBus | undefined;
  /**
   * Test hook only (the loopback host's `--test-backup slow`, never the desktop app): every backup and Restore
   * copies in about fifty steps this many ms apart, so that a test sees its progress bar move on a small store.
   */
  backupPauseMs?: number | undefined;
}

export interface Core {
  db: Db;
  bus: EventBus;
  services: Services;
  handlers: Handlers;
  /**
   * Closes the store: at once when nothing is in flight, else once the outbox's current row has finished and
   * any backup in progress has stopped (it is cut off and removed: the next start makes it again).
   */
  close(): Promise<void>;
}

/** Opens the store in dataDir and builds the services and handlers over it. No transport, no electron. */
export function startCore(options: CoreOptions): Core {
  mkdirSync(options.dataDir, { recursive: true });
  const db = openDatabase(join(options.dataDir, STORE_FILE), {
    nativeBinding: options.nativeBinding,
    checkpointer: (store) => createCheckpointer(store, options.nativeBinding),
  });
  const bus = options.bus ?? createEventBus();
  const services = createServices({
    db,
    bus,
    dataDir: options.dataDir,
    transport: options.transport,
    version: options.version,
    platform: options.platform,
    credentials: options.credentials?.(options.dataDir),
    nativeBinding: options.nativeBinding,
    backupPauseMs: options.backupPauseMs,
  });
  // Whatever was queued before a restart goes out as soon as the site answers.
  services.outbox.start();
  // A rename's re-index cut short by a quit goes on (taxonomy/termEditing.ts); a store closed meanwhile ends it.
  void services.termEditing.resumePending().catch((error: unknown) => {
    if (db.open) console.warn(`[terms] ${String(error)}`);
  });
  return {
    db,
    bus,
    services,
    handlers: replyWhenDurable(createHandlers(services), db),
    close: () => {
      const busy = services.outbox.isDraining() || backupInProgress(options.dataDir);
      const stopped = services.outbox.stop();
      // The leftover thread holds a connection of its own: ended before the file may be replaced (Restore).
      const leftovers = stopLeftoverDrops(db);
      if (!busy && !leftovers) {
        db.close();
        return Promise.resolve();
      }
      return Promise.all([stopped, stopBackups(options.dataDir), leftovers]).then(() => {
        if (db.open) db.close();
      });
    },
  };
}
