import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { readInThread, startReaderThread } from '../../../src/main/importing/readInThread';
import type { PreparedItem } from '../../../src/main/importing/preparedItem';
import type { ReadEntry, ReaderMessage } from '../../../src/main/importing/readerProtocol';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();

/** About 2 MB of posts (2,500): eight of the reader's 256 KB chunks, each holding items. */
function exportFile(count = 2500): string {
  const item = (i: number) =>
    `<item><title>Article ${i}</title><guid>g${i}</guid><content:encoded><![CDATA[<p>${'Texte '.repeat(100)}<span style="font-weight: bold">${i}</span></p>]]></content:encoded><wp:post_id>${i}</wp:post_id><wp:post_date_gmt>2024-01-01 00:00:00</wp:post_date_gmt><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>\n`;
  const file = join(tempDir(), 'export.xml');
  writeFileSync(
    file,
    `<rss><channel>${Array.from({ length: count }, (_, i) => item(i)).join('')}</channel></rss>`,
  );
  return file;
}

it('reads no further ahead than it was allowed until the writer takes what was sent', async () => {
  const worker = startReaderThread({ path: exportFile(), format: 'wxr', ahead: 1 });
  const received: ReaderMessage[] = [];
  let arrived: (() => void) | undefined;
  worker.on('message', (message: ReaderMessage) => {
    received.push(message);
    arrived?.();
  });
  const nextMessage = () => new Promise<void>((resolve) => (arrived = resolve));
  const settle = () => new Promise((resolve) => setTimeout(resolve, 1000));
  try {
    if (received.length === 0) await nextMessage();
    await settle();
    // One chunk's items, then it waits: the other seven chunks are not read.
    expect(received).toHaveLength(1);
    const first = received[0]!;
    expect(first.kind).toBe('items');
    const second = nextMessage();
    worker.postMessage(first.kind === 'items' ? first.entries.length : 0);
    await second;
    await settle();
    expect(received).toHaveLength(2);
  } finally {
    await worker.terminate();
  }
}, 30_000);

it('hands over every item in file order, and can be left part way', async () => {
  const file = exportFile();
  const positions: string[] = [];
  for await (const chunk of readInThread(file, 'wxr', 100))
    positions.push(...chunk.entries.map((e) => e.position));
  expect(positions).toHaveLength(2500);
  // Bodies are read in the thread as in the main one, inline styles included.
  const reader = readInThread(file, 'wxr', 100);
  const [first] = (await reader.next()).value!.entries;
  await reader.return(undefined);
  // The writer was waiting: it comes as read, for the writer to prepare.
  expect(first!.outcome).toMatchObject({
    kind: 'item',
    item: {
      body: {
        content: [
          { content: [{ text: expect.stringMatching(/^Texte/) }, { marks: [{ type: 'bold' }], text: '0' }] },
        ],
      },
    },
  });
  expect(positions.map((p) => Number(/^item (\d+)/.exec(p)![1]))).toEqual(
    Array.from({ length: 2500 }, (_, i) => i + 1),
  );
  let taken = 0;
  for await (const chunk of readInThread(file, 'wxr', 100)) {
    taken += chunk.entries.length;
    if (taken > 0) break;
  }
  expect(taken).toBeGreaterThan(0);
}, 30_000);

it('prepares more of the articles while the writer is the slower side, and none once it keeps up', async () => {
  const worker = startReaderThread({ path: exportFile(8000), format: 'wxr', ahead: 1000 });
  const entries: ReadEntry[] = [];
  let answering = false;
  let ended = false;
  worker.on('message', (message: ReaderMessage) => {
    if (message.kind === 'end') ended = true;
    if (message.kind !== 'items') return;
    entries.push(...message.entries);
    if (answering) worker.postMessage(message.entries.length);
  });
  const items = (from: number, to = entries.length) =>
    entries.slice(from, to).map((e) => (e.outcome.kind === 'item' ? e.outcome.item : undefined));
  const preparedShare = (from: number, to?: number) => {
    const some = items(from, to);
    return some.filter((item) => item && 'prepared' in item).length / some.length;
  };
  const waitFor = async (done: () => boolean) => {
    while (!done()) await new Promise((resolve) => setTimeout(resolve, 20));
  };
  const settled = async () => {
    let seen = -1;
    while (seen !== entries.length) {
      seen = entries.length;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  };
  try {
    // Nothing taken: it sends `ahead` and waits, half of them prepared, every other one, the first as read.
    await waitFor(() => entries.length >= 1000);
    await settled();
    const first = entries.length;
    expect(preparedShare(0, first)).toBeCloseTo(0.5, 1);
    expect(items(0, 2).map((item) => item && 'prepared' in item)).toEqual([false, true]);
    // The writer left it waiting: more of the next ones come prepared.
    worker.postMessage(first);
    await waitFor(() => entries.length >= first + 1000);
    await settled();
    const second = entries.length;
    expect(preparedShare(first, second)).toBeGreaterThan(0.6);
    // A writer that takes everything at once: the reader is the slower side, and ends preparing none.
    answering = true;
    worker.postMessage(second - first);
    await waitFor(() => ended);
    expect(entries).toHaveLength(8000);
    expect(preparedShare(7500)).toBe(0);
    const prepared = items(0).find((item) => item && 'prepared' in item) as PreparedItem;
    const index = items(0).indexOf(prepared);
    expect(prepared.prepared.problem).toBeUndefined();
    expect(prepared.prepared.index).toMatchObject({
      headline: `article ${index}`,
      body: expect.stringMatching(/^texte texte/),
    });
    expect(JSON.parse(prepared.prepared.json)).toMatchObject({
      content: [
        {
          content: [
            { text: expect.stringMatching(/^Texte/) },
            { marks: [{ type: 'bold' }], text: `${index}` },
          ],
        },
      ],
    });
  } finally {
    await worker.terminate();
  }
}, 60_000);
