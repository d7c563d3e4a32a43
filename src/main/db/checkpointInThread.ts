import { Worker } from 'node:worker_threads';
import { threadScript } from '../core/threadScript';
import {
  CHECKPOINTER_BUSY,
  CHECKPOINTER_IDLE,
  CHECKPOINTER_STOPPED,
  type CheckpointAnswer,
  type CheckpointInput,
} from './checkpointProtocol';

/** Longest wait, when the store closes, for a checkpoint under way in the thread to finish. */
const STOP_WAIT_MS = 30_000;

export interface Checkpointer {
  /** Runs one checkpoint in the thread (started on first use); undefined while one is under way or once stopped. */
  checkpoint(): Promise<CheckpointAnswer> | undefined;
  /**
   * Called as the store closes: waits (blocking, at most STOP_WAIT_MS) for a checkpoint under way to close
   * its connection, then ends the thread. The app's connection is then the last one closed, so it is the one
   * that checkpoints and removes the WAL, not a thread racing with a Restore that replaces the files.
   */
  stop(): void;
}

export function createCheckpointer(store: string, nativeBinding?: string): Checkpointer {
  const shared = new SharedArrayBuffer(4);
  const state = new Int32Array(shared);
  let worker: Worker | undefined;
  let answer: ((result: CheckpointAnswer) => void) | undefined;
  const settle = (result: CheckpointAnswer): void => {
    const waiting = answer;
    answer = undefined;
    waiting?.(result);
  };

  function start(): Worker {
    const input: CheckpointInput = { store, nativeBinding, state: shared };
    const thread = new Worker(threadScript(import.meta.url, 'db', 'checkpointThread'), { workerData: input });
    // An idle checkpointer never keeps the process alive.
    thread.unref();
    thread.on('message', (result: CheckpointAnswer) => settle(result));
    const lost = (message: string): void => {
      if (worker === thread) worker = undefined;
      settle({ kind: 'failed', message });
    };
    thread.on('error', (error) => lost(error.message));
    thread.on('exit', () => lost('The checkpoint thread stopped.'));
    return thread;
  }

  return {
    checkpoint() {
      if (answer || Atomics.load(state, 0) === CHECKPOINTER_STOPPED) return undefined;
      worker ??= start();
      const running = worker;
      return new Promise<CheckpointAnswer>((resolve) => {
        answer = resolve;
        running.postMessage('checkpoint');
      });
    },
    stop() {
      const deadline = Date.now() + STOP_WAIT_MS;
      for (;;) {
        const was = Atomics.compareExchange(state, 0, CHECKPOINTER_IDLE, CHECKPOINTER_STOPPED);
        if (was !== CHECKPOINTER_BUSY) break;
        const left = deadline - Date.now();
        if (left <= 0) break;
        Atomics.wait(state, 0, CHECKPOINTER_BUSY, left);
      }
      const thread = worker;
      worker = undefined;
      settle({ kind: 'stopped' });
      void thread?.terminate();
    },
  };
}
