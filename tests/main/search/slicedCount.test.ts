import { describe, expect, it } from 'vitest';
import { emptyFields } from '../../../src/main/articles/articleService';
import { startCore } from '../../../src/main/core/startCore';
import { countNow, createSlicedCounts } from '../../../src/main/search/slicedCount';
import type { BodyDoc } from '../../../src/shared/domain/article';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();

const body = (text: string): BodyDoc => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

describe('counting matches a slice at a time', () => {
  it('gives the exact count whatever the slice size, with filters and dates, and shares a count asked twice', async () => {
    const core = startCore({ dataDir: tempDir(), transport: 'host', version: 'test' });
    const { articles, search, listing } = core.services;
    // Seventeen articles: every third mentions the port, Arabic ones every fourth.
    const made: { id: string; at: number; port: boolean; ar: boolean }[] = [];
    for (let i = 0; i < 17; i++) {
      const ar = i % 4 === 0;
      const a = articles.create(ar ? 'ar' : 'fr');
      const saved = articles.save({
        id: a.id,
        baseRevision: 1,
        fields: {
          ...emptyFields(ar ? 'ar' : 'fr'),
          headline: `Dépêche ${i}`,
          body: body(i % 3 === 0 ? 'Le port de Tanger rouvre.' : 'Séance du conseil.'),
        },
      });
      made.push({ id: a.id, at: saved.updatedAt, port: i % 3 === 0, ar });
    }
    const middle = made[8]!.at;
    const cases = [
      { query: { query: 'port' }, expected: made.filter((m) => m.port).length },
      { query: { query: '', language: 'ar' as const }, expected: made.filter((m) => m.ar).length },
      { query: { query: 'depeche', to: middle }, expected: made.filter((m) => m.at <= middle).length },
      { query: { query: 'depeche' }, expected: 17 },
      { query: { query: 'absent' }, expected: 0 },
    ];
    const counts = createSlicedCounts();
    for (const { query, expected } of cases) {
      const slices = search.countSlices(query);
      for (const size of [1, 2, 3, 5, 100]) {
        expect(slices ? countNow(slices, size) : 0, `${JSON.stringify(query)} by ${size}`).toBe(expected);
        expect(slices ? await counts('test', slices, size) : 0).toBe(expected);
      }
      expect(search.count(query)).toBe(expected);
      expect(await search.countInSlices(query)).toBe(expected);
    }
    expect(await listing.countInSlices({})).toBe(17);
    expect(await listing.countInSlices({ language: 'ar' })).toBe(made.filter((m) => m.ar).length);
    expect(await listing.countInSlices({ language: 'fr', status: 'published' })).toBe(0);

    // The same count asked twice while it runs is one count; a different one runs beside it, untouched.
    const slices = search.countSlices({ query: 'depeche' })!;
    const first = counts('box', slices, 2);
    const again = counts('box', slices, 2);
    const other = counts('list', search.countSlices({ query: 'port' })!, 2);
    expect(again).toBe(first);
    expect(await first).toBe(17);
    expect(await other).toBe(made.filter((m) => m.port).length);
    // Once finished, asking again counts again (a save may have changed it).
    const later = counts('box', slices, 2);
    expect(later).not.toBe(first);
    expect(await later).toBe(17);
    core.close();
  });
});
