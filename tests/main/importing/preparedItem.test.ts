import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { htmlToBody } from '../../../src/main/content/bodyHtml';
import { startCore } from '../../../src/main/core/startCore';
import type { Db } from '../../../src/main/db/open';
import type { ImportItem } from '../../../src/main/importing/importItem';
import { createImportWriter, type BatchOutcome } from '../../../src/main/importing/importWriter';
import { prepareImportItem, type WritableItem } from '../../../src/main/importing/preparedItem';
import { wxrToImport } from '../../../src/main/importing/wxrItem';
import { readWxr } from '../../../src/main/importing/wxrReader';
import { createSearchIndexer } from '../../../src/main/search/searchIndexer';
import type { BodyDoc } from '../../../src/shared/domain/article';
import { createArchive, importItemOf } from '../../bench/support/archive';
import { MALFORMED_HTML } from '../content/support/htmlCorpus';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();
const FIXTURES = resolve(__dirname, '../../fixtures');

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

/** Real-shaped items: a generated archive (a fifth Arabic), the WXR fixture, odd HTML, bodies no schema holds. */
async function corpus(): Promise<ImportItem[]> {
  const archive = createArchive(3);
  const items: ImportItem[] = Array.from({ length: 400 }, (_, i) => {
    return {
      ...importItemOf(archive.article(i)),
      featuredImage:
        i % 7 === 0
          ? { mediaId: 'media-1', alt: 'Vue', caption: `Légende ${i} Élysée`, credit: 'AFP' }
          : null,
    } as ImportItem;
  });
  for await (const chunk of readWxr(resolve(FIXTURES, 'wxr/archive.xml')))
    for (const wxr of chunk.items) {
      const outcome = wxrToImport(wxr, chunk.authors, htmlToBody);
      if (outcome.kind === 'item') items.push(outcome.item);
    }
  const base = items[0]!;
  const odd = (n: number, body: unknown, overrides: Partial<ImportItem> = {}): ImportItem => ({
    ...base,
    sourceKey: `odd:${n}`,
    slug: '',
    updatedAt: base.updatedAt + n,
    body: body as BodyDoc,
    ...overrides,
  });
  MALFORMED_HTML.forEach((html, n) => items.push(odd(n, htmlToBody(html))));
  items.push(
    odd(1000, { type: 'doc', content: [{ type: 'no-such-node' }] }),
    odd(1001, { type: 'doc', content: [{ type: 'text', text: 'du texte hors paragraphe' }] }),
    odd(1002, { type: 'doc', content: [paragraph('x')], extra: { nested: [1, 2] } }),
    odd(1003, 'not a body'),
    odd(1004, null),
    odd(
      1005,
      { type: 'doc', content: [paragraph('أَحْمَدُ يكتبُ عن الإِصلاحِ ﻻ')] },
      {
        language: 'ar',
        headline: 'الإِصْلَاحُ الاقتصادي',
        kicker: 'اقتصاد',
        tags: ['إصلاح', 'اصلاح', 'Économie'],
        authors: ['أحمد', 'Leïla Benali'],
        featuredImage: { mediaId: 'media-2', alt: 'صورة', caption: 'الوزيرُ', credit: 'وكالة' },
      },
    ),
    // The same key twice in one batch: the second is there already.
    odd(1005, { type: 'doc', content: [paragraph('copie')] }),
  );
  return items;
}

/**
 * Everything the store holds, with each article's random id replaced by its source key (the two stores draw
 * different ids) and the rows of every table sorted, FTS5's own tables (segments, sizes) byte for byte.
 */
function snapshot(db: Db): Record<string, string[]> {
  const keys = db
    .prepare<[], { source_key: string; article_id: string }>('SELECT * FROM article_sources')
    .all();
  const tables = db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
    )
    .pluck()
    .all() as unknown as string[];
  const out: Record<string, string[]> = {};
  for (const table of tables) {
    out[table] = db
      .prepare(`SELECT * FROM "${table}"`)
      .all()
      .map((row) => {
        let text = JSON.stringify(row, (_, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v));
        for (const { source_key, article_id } of keys) text = text.replaceAll(article_id, `<${source_key}>`);
        return text;
      })
      .sort();
  }
  return out;
}

function writeAll(
  dataDir: string,
  batches: WritableItem[][],
): { outcomes: BatchOutcome[]; store: Record<string, string[]> } {
  // Terms keep when they were created: the same clock for both stores.
  vi.useFakeTimers({ toFake: ['Date'], now: Date.UTC(2026, 10, 30) });
  const core = startCore({ dataDir, transport: 'host', version: 'test' });
  const writer = createImportWriter(core.db, core.services.terms, createSearchIndexer(core.db));
  const outcomes = batches.flatMap((batch) => writer.writeBatch(batch));
  // Written again: nothing new.
  const again = batches.flatMap((batch) => writer.writeBatch(batch));
  expect(again.filter((o) => o === 'created')).toEqual([]);
  const store = snapshot(core.db);
  core.close();
  vi.useRealTimers();
  return { outcomes, store };
}

const inBatches = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, k) => items.slice(k * size, (k + 1) * size));

describe('an import item prepared by the reading thread', () => {
  it('is written exactly as the same item prepared by the writer: rows, terms, index segments', async () => {
    const items = await corpus();
    const plain = writeAll(tempDir(), inBatches(items, 100));
    // As the thread hands them over: prepared there, then copied between the threads.
    const prepared = writeAll(
      tempDir(),
      inBatches(
        items.map((item) => structuredClone(prepareImportItem(item))),
        100,
      ),
    );
    expect(prepared.outcomes.map(String)).toEqual(plain.outcomes.map(String));
    const refused = plain.outcomes.filter((o) => o instanceof Error);
    // Review marks an HTML source carried without their thread, and the hand-made bodies no schema holds.
    expect(refused.map((e) => e.message.replace(/^The body is not a valid article body: /, ''))).toEqual([
      'a comment anchor without a thread id',
      'a suggestion without its author and time',
      'Unknown node type: no-such-node',
      'Invalid content for node doc: <"du texte hors paragraphe">',
      'Unknown node type: undefined',
      'Invalid input for Node.fromJSON',
    ]);
    expect(plain.outcomes.filter((o) => o === 'skipped')).toHaveLength(1);
    expect(plain.store.articles!.some((row) => row.includes('الإِصْلَاحُ'))).toBe(true);
    expect(plain.store.search_fts_data!.length).toBeGreaterThan(10);
    expect(prepared.store).toEqual(plain.store);
  }, 60_000);

  it('carries the body as JSON and refuses one no schema holds with the reason', () => {
    const item = {
      sourceKey: 'k',
      kicker: '',
      headline: 'Élysée',
      standfirst: '',
      body: { type: 'doc', content: [{ type: 'no-such-node' }] },
      status: 'published',
      language: 'fr',
      slug: '',
      section: null,
      tags: [],
      authors: [],
      featuredImage: null,
      createdAt: 1,
      updatedAt: 1,
    } as unknown as ImportItem;
    const prepared = prepareImportItem(item);
    expect(prepared).not.toHaveProperty('body');
    expect(prepared).toMatchObject({
      prepared: { problem: expect.stringMatching(/no-such-node/), index: null },
    });
  });
});
