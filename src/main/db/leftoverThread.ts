import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { leftoverDropStep } from './leftoverTables';
import type { LeftoverInput, LeftoverMessage, LeftoverRequest } from './leftoverProtocol';

/*
 * Empties the leftover tables (db/leftoverTables.ts) on a connection of its own, one step each time the main
 * thread finds a quiet second (db/leftoverDrops.ts). The main thread never waits for a step: a save waits
 * only for the write lock, for the batch running then. synchronous=NORMAL: a batch lost to a power cut is
 * deleted again. This connection's own automatic checkpoints move its pages, in this thread.
 */
const port = parentPort!;
const input = workerData as LeftoverInput;
const post = (message: LeftoverMessage): void => port.postMessage(message);

const db = new Database(input.file, {
  fileMustExist: true,
  ...(input.nativeBinding ? { nativeBinding: input.nativeBinding } : {}),
});
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = NORMAL');
const step = leftoverDropStep(db);

port.on('message', (request: LeftoverRequest) => {
  try {
    const more = step(request.budgetMs);
    if (!more) db.close();
    post({ kind: 'stepped', more });
  } catch (error) {
    // Busy past the timeout, or failing: the next quiet second asks again.
    post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
});
