import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

/**
 * Why the desktop app cannot be launched here, or undefined when it can: it needs the Electron binary and the
 * Electron-ABI SQLite build that `npm start` prepares.
 */
export function electronUnavailable(): string | undefined {
  const electronDir = dirname(require.resolve('electron/package.json'));
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile) || !existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8')))) {
    return 'the Electron binary is not installed on this machine (it cannot be downloaded here); run `npm start` once where it can';
  }
  const version = (JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')) as { version: string })
    .version;
  if (!existsSync(join(ROOT, 'native', `electron-${version}`, 'better_sqlite3.node'))) {
    return 'better-sqlite3 has no Electron build yet; `npm start` makes it';
  }
  return undefined;
}

export const APP_ROOT = ROOT;
