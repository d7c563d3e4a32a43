import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { readInThread, startReaderThread } from '../../../src/main/importing/readInThread';
import type { PreparedItem } from '../../../src/main/importing/preparedItem';
import type { ReadEntry, ReaderMessage } from '../../../src/main/importing/readerProtocol';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();

/** About 2 MB of posts: eight of the reader's 256 KB chunks, each holding items. */
function exportFile(): string {
  const item = (i: number) =>
    `<item><title>Article ${i}</title><guid>g${i}</guid><content:encoded><![CDATA[<p>${'Texte '.repeat(100)}<span style="font-weight: bold">${i}</span></p>]]></content:encoded><wp:post_id>${i}</wp:post_id><wp:post_date_gmt>2024-01-01 00:00:00</wp:post_date_gmt><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>\n`;
  const file = join(tempDir(), 'export.xml');
  writeFileSync(
    file,
    `<rss><channel>${Array.from({ length: 2500 }, (_, i) => item(i)).join('')}</channel></rss>`,
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

it('prepares articles for the writer while the writer is behind, and only then', async () => {
  // Nothing is taken: the first half of `ahead` goes as read, the rest prepared (body as JSON, texts folded).
  const worker = startReaderThread({ path: exportFile(), format: 'wxr', ahead: 1000 });
  const entries: ReadEntry[] = [];
  worker.on('message', (message: ReaderMessage) => {
    if (message.kind === 'items') entries.push(...message.entries);
  });
  try {
    // It stops once `ahead` items wait.
    while (entries.length < 1000) await new Promise((resolve) => setTimeout(resolve, 50));
    const items = entries.map((e) => (e.outcome.kind === 'item' ? e.outcome.item : undefined));
    const plain = items.filter((item) => item && 'body' in item).length;
    const prepared = items.filter((item) => item && 'prepared' in item);
    expect(plain).toBeGreaterThan(0);
    expect(plain).toBeLessThan(1000);
    expect(prepared.length).toBeGreaterThan(0);
    expect(plain + prepared.length).toBe(entries.length);
    // File order: as read first, then prepared.
    expect(items.findIndex((item) => item && 'prepared' in item)).toBe(plain);
    const { prepared: record } = prepared[0] as PreparedItem;
    expect(record.problem).toBeUndefined();
    expect(record.index).toMatchObject({
      headline: `article ${plain}`,
      body: expect.stringMatching(/^texte texte/),
    });
    expect(JSON.parse(record.json)).toMatchObject({
      content: [
        {
          content: [
            { text: expect.stringMatching(/^Texte/) },
            { marks: [{ type: 'bold' }], text: `${plain}` },
          ],
        },
      ],
    });
  } finally {
    await worker.terminate();
  }
}, 30_000);
