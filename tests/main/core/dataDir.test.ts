import { homedir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { defaultDataDir, resolveDataDir } from '../../../src/main/core/dataDir';

it('defaults to the folder Electron gives an app named Redac on each system', () => {
  expect(defaultDataDir({}, 'linux')).toBe(join(homedir(), '.config', 'Redac'));
  expect(defaultDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux')).toBe(join('/cfg', 'Redac'));
  expect(defaultDataDir({}, 'darwin')).toBe(join(homedir(), 'Library', 'Application Support', 'Redac'));
  expect(defaultDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toBe(
    join('C:\\Users\\a\\AppData\\Roaming', 'Redac'),
  );
});

it('prefers --data-dir, then REDAC_DATA_DIR', () => {
  expect(resolveDataDir('/explicit', { REDAC_DATA_DIR: '/env' })).toBe('/explicit');
  expect(resolveDataDir(undefined, { REDAC_DATA_DIR: '/env' })).toBe('/env');
});
