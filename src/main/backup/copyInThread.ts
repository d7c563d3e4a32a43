import { Worker } from 'node:worker_threads';
import { threadScript } from '../core/threadScript';
import type { CopyInput, CopyMessage, CopyStats } from './copyProtocol';

export type { CopyStats };

export class CopyCancelled extends Error {
  constructor() {
    super('The backup was stopped before it finished.');
    this.name = 'CopyCancelled';
  }
}

export interface RunningCopy {
  /** Resolves with the copy's figures once it is complete, committed and synced; rejects with CopyCancelled or the failure. */
  readonly done: Promise<CopyStats>;
  /** Stops the copy after its current step; `done` then rejects with CopyCancelled and the file is removed. */
  stop(): void;
}

export interface CopyOptions extends Omit<CopyInput, 'stop'> {
  onProgress?: ((copiedBytes: number, totalBytes: number) => void) | undefined;
}

/**
 * Starts the copy of a store in its own thread (backup/copyThread.ts), which takes its snapshot as it starts:
 * every save acknowledged before this call is in the copy. The main thread only hears progress and the end.
 */
export function copyInThread(options: CopyOptions): RunningCopy {
  const { onProgress, ...rest } = options;
  const stop = new SharedArrayBuffer(4);
  const input: CopyInput = { ...rest, stop };
  const worker = new Worker(threadScript(import.meta.url, 'backup', 'copyThread'), { workerData: input });
  const done = new Promise<CopyStats>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      outcome();
    };
    worker.on('message', (message: CopyMessage) => {
      if (message.kind === 'progress')
        onProgress?.(message.copiedPages * message.pageSize, message.totalPages * message.pageSize);
      else if (message.kind === 'done') settle(() => resolve(message.stats));
      else if (message.kind === 'cancelled') settle(() => reject(new CopyCancelled()));
      else settle(() => reject(new Error(message.message)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', () =>
      settle(() => reject(new Error('The backup thread stopped before the copy ended.'))),
    );
  });
  // The thread has closed its connections once it has answered: ended at once rather than left to idle.
  void done.then(
    () => worker.terminate(),
    () => worker.terminate(),
  );
  return {
    done,
    stop() {
      const flag = new Int32Array(stop);
      Atomics.store(flag, 0, 1);
      // Wakes a thread pausing between steps (yieldDisk, the test hook).
      Atomics.notify(flag, 0);
    },
  };
}
