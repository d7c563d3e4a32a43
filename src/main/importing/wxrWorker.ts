import { parentPort, workerData } from 'node:worker_threads';
import { htmlToBody } from '../content/bodyHtml';
import { readWxr } from './wxrReader';
import { wxrToImport } from './wxrItem';
import type { WxrWorkerInput, WxrWorkerMessage } from './wxrWorkerProtocol';

/*
 * The reading half of a WXR import, in its own thread: the XML stream, each item's fields and its HTML made
 * into a body. The main thread only writes. Items go out in file order with their position, each with its
 * outcome (an article, ignored, or malformed with the reason), and the reader waits whenever `ahead` items
 * are sent but not yet taken, so a file of any size never sits in memory: at most one batch is read ahead.
 * Everything this thread allocates (XML text, parse trees) goes with it when the import ends.
 */
const port = parentPort!;
const { path, ahead } = workerData as WxrWorkerInput;
let unanswered = 0;
let wake: (() => void) | undefined;

port.on('message', (taken: number) => {
  unanswered -= taken;
  wake?.();
});

async function run(): Promise<void> {
  let bytesRead = 0;
  for await (const chunk of readWxr(path)) {
    bytesRead = chunk.bytesRead;
    const entries = chunk.items.map((wxr) => ({
      position: `item ${wxr.index + 1} (line ${wxr.line})`,
      outcome: wxrToImport(wxr, chunk.authors, htmlToBody),
    }));
    port.postMessage({ kind: 'items', entries, bytesRead } satisfies WxrWorkerMessage);
    unanswered += entries.length;
    while (unanswered >= ahead) await new Promise<void>((resolve) => (wake = resolve));
    wake = undefined;
  }
  port.postMessage({ kind: 'end', bytesRead } satisfies WxrWorkerMessage);
}

void run().catch((error: unknown) => {
  port.postMessage({ kind: 'failed', message: (error as Error).message } satisfies WxrWorkerMessage);
});
