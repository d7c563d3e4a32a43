import Database from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import {
  CHECKPOINTER_BUSY,
  CHECKPOINTER_IDLE,
  type CheckpointAnswer,
  type CheckpointInput,
} from './checkpointProtocol';

/*
 * Copies the WAL's pages into the store (a PASSIVE checkpoint: it never waits for, nor blocks, the app's
 * writer) on a connection of this thread's own, so that the checkpoint's writes and its two fsyncs never run
 * on the main thread (db/checkpoints.ts). The connection is opened for each checkpoint and closed after it:
 * between checkpoints the thread holds nothing open that would keep the file from being moved or replaced.
 */
const port = parentPort!;
const input = workerData as CheckpointInput;
const state = new Int32Array(input.state);

function checkpoint(): CheckpointAnswer {
  // Main closed the store: open nothing more (its connection must be the last one closed).
  if (Atomics.compareExchange(state, 0, CHECKPOINTER_IDLE, CHECKPOINTER_BUSY) !== CHECKPOINTER_IDLE)
    return { kind: 'stopped' };
  const started = performance.now();
  let db: Database.Database | undefined;
  try {
    db = new Database(input.store, {
      fileMustExist: true,
      ...(input.nativeBinding ? { nativeBinding: input.nativeBinding } : {}),
    });
    // As the app's own connection: the WAL synced before its pages are copied, the store synced after.
    db.pragma('synchronous = FULL');
    const [row] = db.pragma('wal_checkpoint(PASSIVE)') as {
      busy: number;
      log: number;
      checkpointed: number;
    }[];
    return {
      kind: 'done',
      walFrames: row?.log ?? 0,
      copiedFrames: row?.checkpointed ?? 0,
      ms: performance.now() - started,
    };
  } catch (error) {
    return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
  } finally {
    try {
      db?.close();
    } finally {
      Atomics.store(state, 0, CHECKPOINTER_IDLE);
      Atomics.notify(state, 0);
    }
  }
}

port.on('message', () => port.postMessage(checkpoint()));
