import { afterEach, describe, expect, it, vi } from 'vitest';
import { emptyFields } from '../../../src/main/articles/articleService';
import { startCore } from '../../../src/main/core/startCore';
import type { ImportItem } from '../../../src/main/importing/importItem';
import { createImportWriter } from '../../../src/main/importing/importWriter';
import {
  compactIndex,
  COMPACT_SHARE,
  indexShape,
  MERGE_EVERY_MS,
} from '../../../src/main/search/indexMerging';
import { createSearchIndexer } from '../../../src/main/search/searchIndexer';
import type { BodyDoc } from '../../../src/shared/domain/article';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();

const body = (text: string): BodyDoc => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

/** A published wire story, the n-th minute after a fixed date. */
const wireItem = (sourceKey: string, headline: string, text: string, n: number): ImportItem => ({
  sourceKey,
  kicker: '',
  headline,
  standfirst: '',
  body: body(text),
  status: 'published',
  language: 'fr',
  slug: '',
  section: null,
  tags: [],
  authors: [],
  featuredImage: null,
  createdAt: 1_700_000_000_000 + n * 60_000,
  updatedAt: 1_700_000_000_000 + n * 60_000,
});

afterEach(() => {
  vi.useRealTimers();
});

describe('merging the search index outside the saves', () => {
  it('saves leave their segments unmerged; a quiet second merges them, and every article is still found', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const core = startCore({ dataDir: tempDir(), transport: 'host', version: 'test' });
    const { articles, search } = core.services;
    const automerge = core.db.prepare("SELECT v FROM search_fts_config WHERE k = 'automerge'").pluck();
    expect(automerge.get()).toBe(0);
    const ids: string[] = [];
    // Twelve commits: below FTS5's crisis merge (16 segments on a level).
    for (let i = 0; i < 6; i++) {
      const a = articles.create('fr');
      articles.save({
        id: a.id,
        baseRevision: 1,
        fields: { ...emptyFields('fr'), headline: `Dépêche ${i}`, body: body(`chantier numéro${i} du port`) },
      });
      ids.push(a.id);
    }
    // One index row per leaf page of every segment: each save's commit added segments of its own.
    const indexRows = core.db.prepare('SELECT count(*) FROM search_fts_data').pluck();
    const unmerged = indexRows.get() as number;
    for (let tick = 0; tick < 10; tick++) vi.advanceTimersByTime(MERGE_EVERY_MS);
    expect(indexRows.get() as number).toBeLessThan(unmerged);
    core.db.prepare("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 0)").run();
    const found = search.search({ query: 'chantier', sort: 'date', limit: 50 }).hits.map((h) => h.id);
    expect(found).toEqual([...ids].reverse());
    expect(search.search({ query: 'numero3', sort: 'relevance', limit: 5 }).hits.map((h) => h.id)).toEqual([
      ids[3],
    ]);
    core.close();
  });

  it('compacts the index into one segment in steps, and finds the same articles after', async () => {
    const core = startCore({ dataDir: tempDir(), transport: 'host', version: 'test' });
    const { articles, search } = core.services;
    for (let i = 0; i < 10; i++) {
      const a = articles.create('fr');
      articles.save({
        id: a.id,
        baseRevision: 1,
        fields: { ...emptyFields('fr'), headline: `Note ${i}`, body: body(`quai numéro${i % 3}`) },
      });
    }
    // FTS5 keys a segment's pages by segment id (the bits above 37): one id per segment.
    const segments = core.db
      .prepare('SELECT count(DISTINCT id >> 37) FROM search_fts_data WHERE id >= (1 << 37)')
      .pluck();
    expect(segments.get() as number).toBeGreaterThan(1);
    const before = search.search({ query: 'quai', sort: 'date', limit: 50 }).hits.map((h) => h.id);
    await compactIndex(core.db);
    expect(segments.get()).toBe(1);
    core.db.prepare("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 0)").run();
    expect(search.search({ query: 'quai', sort: 'date', limit: 50 }).hits.map((h) => h.id)).toEqual(before);
    expect(search.count({ query: 'numero1' })).toBe(3);
    core.close();
  });

  it('an import merges as it goes, so a long import is not left in a segment per batch', () => {
    const core = startCore({ dataDir: tempDir(), transport: 'host', version: 'test' });
    const writer = createImportWriter(core.db, core.services.terms, createSearchIndexer(core.db));
    const segments = core.db
      .prepare('SELECT count(DISTINCT id >> 37) FROM search_fts_data WHERE id >= (1 << 37)')
      .pluck();
    const item = (n: number) => wireItem(`wire-${n}`, `Dépêche ${n}`, `marché aux poissons numéro${n}`, n);
    const batches = 24;
    for (let b = 0; b < batches; b++) {
      const outcomes = writer.writeBatch(Array.from({ length: 20 }, (_, i) => item(b * 20 + i)));
      expect(outcomes.some((o) => o instanceof Error)).toBe(false);
    }
    // One segment per batch without merging; merged sixteen at a time (searchIndexer.ts IMPORT_MERGE_FAN_IN).
    expect(segments.get() as number).toBeLessThanOrEqual(10);
    expect(core.services.search.count({ query: 'poissons' })).toBe(batches * 20);
    core.db.prepare("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 0)").run();
    core.close();
  });

  describe('after an import', () => {
    const item = (n: number) =>
      wireItem(
        `agence-${n}`,
        `Brève ${n}`,
        `conseil municipal séance${n % 7} vote du budget ${'et des travaux '.repeat(n % 5)}`,
        n,
      );
    const setUp = () => {
      vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
      const core = startCore({ dataDir: tempDir(), transport: 'host', version: 'test' });
      const writer = createImportWriter(core.db, core.services.terms, createSearchIndexer(core.db));
      let next = 0;
      const importItems = (batches: number, size: number) => {
        for (let b = 0; b < batches; b++) {
          const outcomes = writer.writeBatch(Array.from({ length: size }, () => item(next++)));
          expect(outcomes.every((o) => o === 'created')).toBe(true);
        }
      };
      const quietSeconds = (n: number) => {
        for (let tick = 0; tick < n; tick++) vi.advanceTimersByTime(MERGE_EVERY_MS);
      };
      const segments = core.db
        .prepare('SELECT count(DISTINCT id >> 37) FROM search_fts_data WHERE id >= (1 << 37)')
        .pluck();
      const found = (query: string) =>
        core.services.search.search({ query, sort: 'date', limit: 10_000 }).hits.map((h) => h.id);
      const integrity = () =>
        core.db.prepare("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 0)").run();
      return { core, importItems, quietSeconds, segments, found, integrity, shape: indexShape(core.db) };
    };

    it('reads the segment count and sizes from the index structure, as counting its pages does', () => {
      const { core, importItems, segments, shape, quietSeconds } = setUp();
      expect(shape()).toEqual({ segments: 0, pages: 0, largestPages: 0 });
      importItems(7, 150);
      const leafPages = core.db
        .prepare('SELECT count(*) FROM search_fts_data WHERE id >= (1 << 37) AND (id >> 31) & 1 = 0')
        .pluck();
      const read = shape();
      expect(read.segments).toBe(segments.get());
      expect(read.segments).toBeGreaterThan(1);
      expect(read.pages).toBe(leafPages.get());
      expect(read.largestPages).toBeLessThan(read.pages);
      quietSeconds(30);
      expect(shape()).toEqual({ segments: 1, pages: leafPages.get(), largestPages: leafPages.get() });
      core.close();
    });

    it('an archive imported into an empty store is compacted into one segment in quiet seconds', () => {
      const { core, importItems, quietSeconds, segments, found, integrity } = setUp();
      importItems(12, 150);
      expect(segments.get() as number).toBeGreaterThan(1);
      const before = found('conseil');
      expect(before).toHaveLength(1800);
      const vote = found('seance3');
      quietSeconds(30);
      expect(segments.get()).toBe(1);
      integrity();
      expect(found('conseil')).toEqual(before);
      expect(found('seance3')).toEqual(vote);
      core.close();
    });

    it('waits for the import to stop writing before compacting', () => {
      const { core, importItems, quietSeconds, segments } = setUp();
      importItems(1, 150);
      // A batch committed in every second: no second is quiet, nothing is merged.
      for (let b = 0; b < 6; b++) {
        importItems(1, 150);
        quietSeconds(1);
      }
      const busy = segments.get() as number;
      expect(busy).toBeGreaterThan(1);
      quietSeconds(30);
      expect(segments.get()).toBe(1);
      core.close();
    });

    it('a small import into a large index is merged like saves, and compacted once it is a fair share', () => {
      const { core, importItems, quietSeconds, segments, found, integrity, shape } = setUp();
      importItems(4, 500);
      quietSeconds(30);
      expect(segments.get()).toBe(1);
      const large = shape().pages;
      // Two small batches: far below the share that pays for rewriting the whole index.
      importItems(2, 20);
      quietSeconds(30);
      const small = shape();
      expect(small.segments).toBe(3);
      expect(small.pages - small.largestPages).toBeLessThan(large * COMPACT_SHARE);
      // Enough batches that the new segments reach the share: compacted again.
      importItems(6, 150);
      quietSeconds(60);
      expect(segments.get()).toBe(1);
      integrity();
      expect(found('conseil')).toHaveLength(2000 + 40 + 900);
      core.close();
    });
  });
});
