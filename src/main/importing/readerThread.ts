import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parentPort, workerData } from 'node:worker_threads';
import { htmlToBody } from '../content/bodyHtml';
import { jsonLineToImport } from './jsonLinesItem';
import { prepareImportItem } from './preparedItem';
import type { ReadEntry, ReadOutcome, ReaderInput, ReaderMessage } from './readerProtocol';
import { readWxr } from './wxrReader';
import { wxrToImport } from './wxrItem';

/*
 * The reading half of an import, in its own thread: the file streamed (WXR's XML or JSON Lines), each item
 * checked and its HTML made into a body, prepared for the writer while it is behind (see `prepared`). The
 * main thread writes. Items go out in file order with their position and outcome (an article, ignored, or
 * malformed with the reason), and the reader waits whenever `ahead` items are sent but not yet taken, so a
 * file of any size never sits in memory: at most one batch is read ahead. Everything this thread allocates (text, parse trees) goes with it when the import ends.
 */
const port = parentPort!;
const { path, format, ahead } = workerData as ReaderInput;
let unanswered = 0;
let wake: (() => void) | undefined;

port.on('message', (taken: number) => {
  unanswered -= taken;
  wake?.();
});

/**
 * An article goes out prepared (preparedItem.ts: body checked and as JSON, index texts folded) while the
 * writer is behind, with at least half of `ahead` sent and not yet taken; otherwise as read, and the writer
 * prepares it. Which thread is the longer one depends on the file and the machine. At 20k, preparing every
 * article here took the writer from about 410 to 255 µs of CPU per WXR item, but made this thread the
 * longer one (about 545 against 410). For JSON Lines it left the two even (about 235 each). So the work goes
 * to whichever thread is waiting.
 */
function prepared(outcome: ReadOutcome): ReadOutcome {
  if (outcome.kind !== 'item' || 'prepared' in outcome.item || unanswered * 2 < ahead) return outcome;
  return { kind: 'item', item: prepareImportItem(outcome.item) };
}

async function send(entries: ReadEntry[], bytesRead: number): Promise<void> {
  port.postMessage({ kind: 'items', entries, bytesRead } satisfies ReaderMessage);
  unanswered += entries.length;
  while (unanswered >= ahead) await new Promise<void>((resolve) => (wake = resolve));
  wake = undefined;
}

async function readWxrFile(): Promise<number> {
  let bytesRead = 0;
  for await (const chunk of readWxr(path)) {
    bytesRead = chunk.bytesRead;
    const entries = chunk.items.map((wxr) => ({
      position: `item ${wxr.index + 1} (line ${wxr.line})`,
      outcome: prepared(wxrToImport(wxr, chunk.authors, htmlToBody)),
    }));
    await send(entries, bytesRead);
  }
  return bytesRead;
}

/** Lines go out in groups of this many: one message per line would cost more than reading it. */
const LINES_PER_MESSAGE = 100;

async function readJsonLines(): Promise<number> {
  const stream = createReadStream(path, { encoding: 'utf8' });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let number = 0;
  let entries: ReadEntry[] = [];
  for await (const line of lines) {
    number++;
    if (!line.trim()) continue;
    const read = jsonLineToImport(line, htmlToBody);
    entries.push({
      position: `line ${number}`,
      outcome:
        'item' in read
          ? prepared({ kind: 'item', item: read.item })
          : { kind: 'malformed', reason: read.reason },
    });
    if (entries.length >= LINES_PER_MESSAGE) {
      await send(entries, stream.bytesRead);
      entries = [];
    }
  }
  await send(entries, stream.bytesRead);
  return stream.bytesRead;
}

void (format === 'wxr' ? readWxrFile() : readJsonLines()).then(
  (bytesRead) => port.postMessage({ kind: 'end', bytesRead } satisfies ReaderMessage),
  (error: unknown) =>
    port.postMessage({ kind: 'failed', message: (error as Error).message } satisfies ReaderMessage),
);
