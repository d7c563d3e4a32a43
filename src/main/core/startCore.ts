import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type Db } from '../db/open';
import { createHandlers, type Handlers } from '../ipc/handlers';
import { createEventBus, type EventBus } from './eventBus';
import { createServices, type Services } from './services';

export const STORE_FILE = 'redac.sqlite3';

export interface CoreOptions {
  dataDir: string;
  transport: 'electron' | 'host';
  version: string;
  nativeBinding?: string | undefined;
  /** Reuse a bus (the resilient core keeps one across store swaps, so transports stay subscribed). */
  bus?: EventBus | undefined;
}

export interface Core {
  db: Db;
  bus: EventBus;
  services: Services;
  handlers: Handlers;
  close(): void;
}

/** Opens the store in dataDir and builds the services and handlers over it. No transport, no electron. */
export function startCore(options: CoreOptions): Core {
  mkdirSync(options.dataDir, { recursive: true });
  const db = openDatabase(join(options.dataDir, STORE_FILE), { nativeBinding: options.nativeBinding });
  const bus = options.bus ?? createEventBus();
  const services = createServices({
    db,
    bus,
    dataDir: options.dataDir,
    transport: options.transport,
    version: options.version,
  });
  return {
    db,
    bus,
    services,
    handlers: createHandlers(services),
    close: () => db.close(),
  };
}
