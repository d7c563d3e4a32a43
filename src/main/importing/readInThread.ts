import { existsSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ReadEntry, ReaderInput, ReaderMessage } from './readerProtocol';

let sourceBundle: string | undefined;

/**
 * Run from source (tests, benches), the thread's script is bundled once per process with esbuild (a build
 * tool already installed) into the repository's .tmp/readerThread.cjs, packages left to Node. Loading
 * readerThread.ts through tsx instead took 2.5-3 s before the first item at load 8, against about 0.8 s.
 */
function bundledFromSource(source: string): string {
  if (sourceBundle) return sourceBundle;
  const root = join(dirname(source), '..', '..', '..');
  // Built under this process's name, then renamed into place: test files running side by side each build
  // the same bundle, and a rename replaces the file whole.
  const building = join(root, '.tmp', `readerThread-${process.pid}.cjs`);
  const out = join(root, '.tmp', 'readerThread.cjs');
  const esbuild = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
  esbuild.buildSync({
    entryPoints: [source],
    outfile: building,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'error',
    // The reader's modules load a few packages lazily from their own address (createRequire).
    banner: { js: "const __moduleUrl = require('node:url').pathToFileURL(__filename).href;" },
    define: { 'import.meta.url': '__moduleUrl' },
  });
  renameSync(building, out);
  sourceBundle = out;
  return out;
}

/**
 * The reading thread's script. Built, it is out/main/readerThread.js (an entry of its own in
 * electron.vite.config.ts) beside the entry or one folder above the chunk this code landed in.
 */
export function startReaderThread(input: ReaderInput): Worker {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) {
    return new Worker(bundledFromSource(join(dirname(here), 'readerThread.ts')), { workerData: input });
  }
  const script = [join(dirname(here), 'readerThread.js'), join(dirname(here), '..', 'readerThread.js')].find(
    (p) => existsSync(p),
  );
  if (!script) throw new Error('The import reader (readerThread.js) is missing from this build.');
  return new Worker(script, { workerData: input });
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
): AsyncGenerator<{ entries: ReadEntry[]; bytesRead: number }> {
  const worker = startReaderThread({ path, format, ahead: Math.max(1, ahead) });
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
