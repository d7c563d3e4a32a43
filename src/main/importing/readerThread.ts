import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parentPort, workerData } from 'node:worker_threads';
import { htmlToBody } from '../content/bodyHtml';
import { jsonLineToImport } from './jsonLinesItem';
import { prepareImportItem } from './preparedItem';
import type { ReadEntry, ReadOutcome, ReaderInput, ReaderMessage } from './readerProtocol';
import { createMediaStore } from '../media/mediaStore';
import { stagedPhotoStore } from './photoStaging';
import { readWxrAttachments } from './wxrAttachments';
import { readWxr } from './wxrReader';
import { wxrToImport } from './wxrItem';
import { createWxrPhotos, type WxrPhotos } from './wxrPhotos';

/*
 * The reading half of an import, in its own thread: the file streamed (WXR's XML or JSON Lines), each item
 * checked and its HTML made into a body, and prepared for the writer when this thread has time (see
 * `prepared`). The main thread writes. Items go out in file order with their position and outcome (an
 * article, ignored, or malformed with the reason), and the reader waits whenever `ahead` items are sent but
 * not yet taken, so a file of any size never sits in memory: at most one batch is read ahead. Everything this
 * thread allocates (text, parse trees) goes with it when the import ends.
 */
const port = parentPort!;
const { path, format, ahead, uploadsDir, dataDir, stagingDir } = workerData as ReaderInput;
let unanswered = 0;
let wake: (() => void) | undefined;

port.on('message', (taken: number) => {
  unanswered -= taken;
  wake?.();
});

/**
 * An article goes out prepared (preparedItem.ts: body checked and as JSON, index texts folded) or as read,
 * for the writer to prepare: the work goes to whichever thread has time for it. Which one that is depends on
 * the file and the machine: at 20k, preparing every article here took the writer from about 410 to 255 µs
 * of CPU per WXR item but made this thread the longer one (about 545 against 410), while for JSON Lines,
 * whose reading is light, it left the two even (about 235 each). Deciding by how full the queue was at
 * each item (the rule before) prepared only about half of a JSON Lines import, leaving the writer, the
 * slower side, its share of the rest. So the share prepared here follows what this thread sees: it rises
 * each time the writer leaves `ahead` items waiting (the writer is the slower side) and falls when a whole
 * `ahead` went out without waiting (this thread is).
 */
const SHARE_STEP = 0.25;
let share = 0.5;
let credit = 0;
let sentSinceWait = 0;

function prepared(outcome: ReadOutcome): ReadOutcome {
  if (outcome.kind !== 'item' || 'prepared' in outcome.item) return outcome;
  // Spread evenly: one article in 1/share.
  credit += share;
  if (credit < 1) return outcome;
  credit -= 1;
  return { ...outcome, item: prepareImportItem(outcome.item) };
}

async function send(entries: ReadEntry[], bytesRead: number): Promise<void> {
  port.postMessage({ kind: 'items', entries, bytesRead } satisfies ReaderMessage);
  unanswered += entries.length;
  sentSinceWait += entries.length;
  if (unanswered >= ahead) {
    share = Math.min(1, share + SHARE_STEP);
    sentSinceWait = 0;
    while (unanswered >= ahead) await new Promise<void>((resolve) => (wake = resolve));
  } else if (sentSinceWait >= ahead) {
    share = Math.max(0, share - SHARE_STEP);
    sentSinceWait = 0;
  }
  wake = undefined;
}

/**
 * The photos of the export's posts: its attachments (a first pass over the file, since they may come after
 * the posts that show them) and the files of its uploads folder, copied into the media store from this thread.
 */
async function wxrPhotos(): Promise<WxrPhotos | undefined> {
  if (!dataDir) return undefined;
  // Without an uploads folder no photo can be had: the file is not read twice (the first pass costs about as
  // much CPU as streaming the XML), and the featured photos are named by attachment id.
  const table = uploadsDir
    ? await readWxrAttachments(path, (bytesRead) =>
        port.postMessage({ kind: 'photoList', bytesRead } satisfies ReaderMessage),
      )
    : null;
  const media = createMediaStore(dataDir);
  return createWxrPhotos(table, uploadsDir ?? null, stagingDir ? stagedPhotoStore(media, stagingDir) : media);
}

async function readWxrFile(): Promise<number> {
  const photos = await wxrPhotos();
  let bytesRead = 0;
  for await (const chunk of readWxr(path)) {
    bytesRead = chunk.bytesRead;
    const entries = chunk.items.map((wxr) => ({
      position: `item ${wxr.index + 1} (line ${wxr.line})`,
      outcome: prepared(wxrToImport(wxr, chunk.authors, htmlToBody, photos)),
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
