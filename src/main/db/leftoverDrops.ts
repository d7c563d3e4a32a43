import { Worker } from 'node:worker_threads';
import { threadScript } from '../core/threadScript';
import { everyQuietCheck } from './everyQuietCheck';
import { LEFTOVER_EVERY_MS, LEFTOVER_TICK_MS, leftoverTables } from './leftoverTables';
import type { LeftoverInput, LeftoverMessage } from './leftoverProtocol';
import type { Db } from './open';

const running = new WeakMap<Db, () => Promise<void>>();

/**
 * Empties and drops the leftover tables a large upgrade left (db/leftoverTables.ts), when there are any (else
 * no timer and no thread): in each quiet second of this connection (no save in the last one), one step of at
 * most LEFTOVER_TICK_MS in the leftover thread (db/leftoverThread.ts), never two at once. The thread's writes
 * are not this connection's, so the checkpoint and index-merge timers still see the quiet seconds as quiet.
 */
export function scheduleLeftoverDrops(db: Db, nativeBinding?: string): void {
  if (leftoverTables(db).length === 0) return;
  let worker: Worker | undefined;
  let stepping = false;
  let done = false;
  const end = async (): Promise<void> => {
    done = true;
    const ending = worker;
    worker = undefined;
    await ending?.terminate();
  };
  running.set(db, end);
  const start = (): Worker => {
    const input: LeftoverInput = { file: db.name, nativeBinding };
    const thread = new Worker(threadScript(import.meta.url, 'db', 'leftoverThread'), { workerData: input });
    thread.on('message', (message: LeftoverMessage) => {
      stepping = false;
      if (message.kind === 'stepped' && !message.more) void end();
    });
    // A thread that died is started again at the next quiet second; the rows it committed are gone.
    const lost = (): void => {
      stepping = false;
      if (worker === thread) worker = undefined;
    };
    thread.on('error', lost);
    thread.on('exit', lost);
    thread.unref();
    return thread;
  };
  everyQuietCheck(db, LEFTOVER_EVERY_MS, (writing) => {
    if (writing || stepping || done) return;
    worker ??= start();
    stepping = true;
    worker.postMessage({ budgetMs: LEFTOVER_TICK_MS });
  });
}

/**
 * Ends the leftover work of this connection (the store is closing: the thread must let go of the file first);
 * undefined when there was none, so that closing stays synchronous in the usual case.
 */
export function stopLeftoverDrops(db: Db): Promise<void> | undefined {
  const end = running.get(db);
  running.delete(db);
  return end?.();
}
