import { Worker } from 'node:worker_threads';
import { threadScript } from '../core/threadScript';
import type { ReadEntry, ReaderInput, ReaderMessage } from './readerProtocol';

/**
 * The reading thread's script. Built, it is out/main/readerThread.js (an entry of its own in
 * electron.vite.config.ts); from source, a bundle of readerThread.ts (core/threadScript.ts).
 */
export function startReaderThread(input: ReaderInput): Worker {
  return new Worker(threadScript(import.meta.url, 'importing', 'readerThread'), { workerData: input });
}

/**
 * A WXR or JSON Lines file's items with their outcomes, read and converted in a worker thread while the caller writes:
 * in file order, in the groups the reader made, with the bytes read so far. At most `ahead` items wait
 * between the threads. Stopping the iteration (or the signal) ends the thread; its failure is thrown here.
 */
export async function* readInThread(
  path: string,
  format: ReaderInput['format'],
  ahead: number,
  signal?: AbortSignal,
  photos?: Pick<ReaderInput, 'uploadsDir' | 'dataDir' | 'stagingDir'>,
): AsyncGenerator<{ entries: ReadEntry[]; bytesRead: number; photoListBytes?: number }> {
  const worker = startReaderThread({ path, format, ahead: Math.max(1, ahead), ...photos });
  const queue: ReaderMessage[] = [];
  let failure: Error | undefined;
  let exited = false;
  let notify: (() => void) | undefined;
  const wake = (): void => {
    notify?.();
    notify = undefined;
  };
  worker.on('message', (message: ReaderMessage) => {
    queue.push(message);
    wake();
  });
  worker.on('error', (error) => {
    failure = error;
    wake();
  });
  worker.on('exit', () => {
    exited = true;
    wake();
  });
  const stop = (): void => void worker.terminate();
  signal?.addEventListener('abort', stop);
  try {
    for (;;) {
      const message = queue.shift();
      if (!message) {
        // A cancelled import ends the thread: its exit is no failure.
        if (signal?.aborted) return;
        if (failure) throw failure;
        if (exited) throw new Error('The import reader stopped before the end of the file.');
        await new Promise<void>((resolve) => (notify = resolve));
        continue;
      }
      if (message.kind === 'failed') throw new Error(message.message);
      if (message.kind === 'photoList') {
        yield { entries: [], bytesRead: 0, photoListBytes: message.bytesRead };
        continue;
      }
      if (message.kind === 'end') {
        yield { entries: [], bytesRead: message.bytesRead };
        return;
      }
      worker.postMessage(message.entries.length);
      yield { entries: message.entries, bytesRead: message.bytesRead };
    }
  } finally {
    signal?.removeEventListener('abort', stop);
    await worker.terminate();
  }
}
