import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { APP_VERSION } from '../core/appVersion';
import { resolveDataDir } from '../core/dataDir';
import { startResilientCore } from '../core/resilientCore';
import { describeStartupFailure } from '../core/startupFailure';
import { startHost } from './hostServer';

const USAGE = `Usage: npm run serve -- [--data-dir DIR] [--port N]
  --data-dir DIR  where the article store lives (default: REDAC_DATA_DIR, else the desktop app's data folder)
  --port N        port on 127.0.0.1 (default: a free one)`;

/** `npm run serve`: the app for any browser, on loopback only. */
async function main(): Promise<void> {
  let values: {
    'data-dir'?: string | undefined;
    port?: string | undefined;
    'renderer-dir'?: string | undefined;
    'test-upgrade'?: string | undefined;
    'test-backup'?: string | undefined;
    help?: boolean | undefined;
  };
  try {
    ({ values } = parseArgs({
      options: {
        'data-dir': { type: 'string' },
        port: { type: 'string' },
        'renderer-dir': { type: 'string' },
        // Test hook (db/upgradeProtocol.ts): a slow or failing last upgrade step, or no disk room for the copy
        // taken before it (no-room), for the start-up screen's spec. Not in USAGE; the desktop app
        // (app/main.ts) has no way to set it.
        'test-upgrade': { type: 'string' },
        // Test hook (core/startCore.ts backupPauseMs): backups and Restores copy in fifty steps 200 ms apart,
        // for the progress bars' spec. Not in USAGE; the desktop app has no way to set it.
        'test-backup': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a whole number from 0 to 65535.\n${USAGE}`);
    process.exit(2);
  }
  const testUpgrade = values['test-upgrade'];
  if (
    testUpgrade !== undefined &&
    testUpgrade !== 'slow' &&
    testUpgrade !== 'fail' &&
    testUpgrade !== 'no-room'
  ) {
    console.error('--test-upgrade must be slow, fail or no-room.');
    process.exit(2);
  }
  const testBackup = values['test-backup'];
  if (testBackup !== undefined && testBackup !== 'slow') {
    console.error('--test-backup must be slow.');
    process.exit(2);
  }
  const dataDir = resolve(resolveDataDir(values['data-dir']));
  let core;
  let shutdown = (): void => process.exit(0);
  try {
    // A damaged store opens in recovery mode (the page offers to move it aside or restore a backup); an older
    // one is upgraded while the page shows how far it is.
    core = startResilientCore({
      dataDir,
      transport: 'host',
      version: APP_VERSION,
      upgradeInBackground: true,
      ...(testUpgrade === 'no-room' ? { freeBytes: () => 0 } : { upgradeTestHook: testUpgrade }),
      backupPauseMs: testBackup === 'slow' ? 200 : undefined,
      // The page's Quit (for instance rather than upgrade without a backup) stops this process.
      onQuit: () => shutdown(),
    });
    if (core.mode() === 'damaged') {
      console.log(
        `The article store in ${dataDir} is damaged. Open the address below to move it aside or restore a backup.`,
      );
    }
    if (core.mode() === 'upgrading') {
      const started = Date.now();
      const upgraded = core;
      console.log(`Upgrading the article store in ${dataDir} to this version; the page shows how far it is.`);
      void upgraded.ready.then(() =>
        console.log(
          upgraded.mode() === 'upgradeFailed'
            ? `The upgrade failed; the article store is as it was.`
            : `Upgrade done in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
        ),
      );
    }
  } catch (error) {
    console.error(describeStartupFailure(error, dataDir));
    process.exit(3);
  }
  const host = await startHost({
    core,
    port,
    rendererDir: resolve(values['renderer-dir'] ?? join(__dirname, '../renderer')),
  });
  console.log(`Redac ${APP_VERSION} is serving the article store in ${dataDir}`);
  console.log(`Open ${host.openUrl}`);

  let closing = false;
  shutdown = (): void => {
    if (closing) return;
    closing = true;
    void host
      .close()
      .then(() => core.close())
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

void main();
