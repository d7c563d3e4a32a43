import { parentPort, workerData } from 'node:worker_threads';
import { DatabaseCorruptError, openDatabase } from './open';
import { LATEST_SCHEMA_VERSION, migrations, type Migration } from './migrations/index';
import type { UpgradeInput, UpgradeMessage, UpgradeTestHook } from './upgradeProtocol';

/*
 * Upgrades the store's schema in its own thread, on its own connection, so that the main thread stays free to
 * show the window and answer it meanwhile (host/cli.ts, app/main.ts, core/resilientCore.ts). The migrations
 * run exactly as at any open (db/migrate.ts: one transaction; a failure or a killed process leaves the file as
 * it was), with their progress posted to the main thread.
 */
const port = parentPort!;
const input = workerData as UpgradeInput;
const post = (message: UpgradeMessage): void => port.postMessage(message);

const UNITS = 50;
const pause = new Int32Array(new SharedArrayBuffer(4));

/** See UpgradeTestHook. A step of the latest version, so that it runs last and changes nothing itself. */
function testStep(hook: UpgradeTestHook): Migration {
  return {
    version: LATEST_SCHEMA_VERSION,
    name: 'test-slow-step',
    up(_db, progress) {
      for (let done = 0; done <= UNITS; done++) {
        progress(done, UNITS);
        if (hook === 'fail' && done === 20) throw new Error('The test hook failed this upgrade on purpose.');
        Atomics.wait(pause, 0, 0, 100);
      }
    },
  };
}

let last = 0;
try {
  const db = openDatabase(input.file, {
    nativeBinding: input.nativeBinding,
    migrations: input.testHook ? [...migrations, testStep(input.testHook)] : migrations,
    onMigration(status) {
      // A step's start and end always go out; the counts in between at most ten times a second.
      const now = Date.now();
      if (status.done !== null && status.done !== status.total && now - last < 100) return;
      last = now;
      post({ kind: 'status', status });
    },
  });
  db.close();
  post({ kind: 'done' });
} catch (error) {
  post({
    kind: 'failed',
    corrupt: error instanceof DatabaseCorruptError,
    message: error instanceof Error ? error.message : String(error),
  });
}
