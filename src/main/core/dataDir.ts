import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'Redac';

/**
 * The per-user folder Electron's app.getPath('userData') gives an app named Redac, computed without electron,
 * so that `npm run serve` and the desktop app open the same store by default.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  const home = homedir();
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_NAME);
}

/** REDAC_DATA_DIR overrides the default in both transports (tests and second desks use it). */
export function resolveDataDir(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return explicit || env.REDAC_DATA_DIR || defaultDataDir(env);
}
