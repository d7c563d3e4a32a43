import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * better-sqlite3 in node_modules is built for Node (tests use it); Electron needs its own ABI build, which
 * `npm start` puts in native/electron-<version>/. Loading it by path means nobody toggles rebuilds.
 */
export function electronSqliteBinding(appRoot: string): string | undefined {
  const file = join(appRoot, 'native', `electron-${process.versions.electron}`, 'better_sqlite3.node');
  return existsSync(file) ? file : undefined;
}
