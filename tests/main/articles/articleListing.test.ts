import { describe, expect, it } from 'vitest';
import { emptyFields } from '../../../src/main/articles/articleService';
import { startCore } from '../../../src/main/core/startCore';
import type { ListFilters } from '../../../src/shared/domain/listing';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();

describe('the article list at scale', () => {
  it('pages newest first with a keyset cursor, every article once, ties included', () => {
    const core = startCore({ dataDir: tempDir(), transport: 'host', version: 'test' });
    const made = Array.from({ length: 25 }, () => core.services.articles.create('fr').id);
    // Many articles in the same millisecond: the cursor must break ties by id.
    core.db.prepare('UPDATE articles SET updated_at = 1000 WHERE rowid % 2 = 0').run();
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = core.services.listing.page({}, 10, cursor);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(25);
    expect(new Set(seen)).toEqual(new Set(made));
    const expected = core.db
      .prepare('SELECT id FROM articles ORDER BY updated_at DESC, id')
      .pluck()
      .all() as string[];
    expect(seen).toEqual(expected);
    expect(core.services.listing.count({})).toBe(25);
    core.close();
  });

  it('filters by language, status, tag, section and author, paging through the index', () => {
    const core = startCore({ dataDir: tempDir(), transport: 'host', version: 'test' });
    const { articles, terms, listing } = core.services;
    const tag = terms.ensure('tags', 'Élections');
    const section = terms.ensure('sections', 'Monde');
    const author = terms.ensure('authors', 'Nadia Ait');
    const arabic: string[] = [];
    for (let i = 0; i < 12; i++) {
      const a = articles.create(i % 3 === 0 ? 'ar' : 'fr');
      const fields = {
        ...emptyFields(a.language),
        headline: `Article ${i}`,
        ...(i % 4 === 0 ? { tagIds: [tag.id], sectionId: section.id, authorIds: [author.id] } : {}),
      };
      articles.save({ id: a.id, baseRevision: 1, fields });
      if (a.language === 'ar') arabic.push(a.id);
    }
    const all = (filters: ListFilters): string[] => {
      const out: string[] = [];
      let cursor: string | undefined;
      do {
        const page = listing.page(filters, 2, cursor);
        out.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return out;
    };
    expect(new Set(all({ language: 'ar' }))).toEqual(new Set(arabic));
    expect(all({ tagId: tag.id })).toHaveLength(3);
    expect(all({ sectionId: section.id, authorId: author.id })).toHaveLength(3);
    expect(all({ status: 'draft' })).toHaveLength(12);
    expect(all({ status: 'published' })).toEqual([]);
    expect(listing.count({ tagId: tag.id })).toBe(3);
    expect(listing.count({ language: 'ar' })).toBe(4);
    core.close();
  });

  it('shows the current summary on a filtered page, also for a row whose date moved after it was indexed', () => {
    const core = startCore({ dataDir: tempDir(), transport: 'host', version: 'test' });
    const { articles, listing } = core.services;
    const ids = [0, 1, 2].map((i) => {
      const a = articles.create('fr');
      articles.save({ id: a.id, baseRevision: 1, fields: { ...emptyFields('fr'), headline: `Titre ${i}` } });
      return a.id;
    });
    // A write that did not go through the indexer: the summary is found by id instead of by its date.
    core.db
      .prepare("UPDATE articles SET headline = 'Titre corrigé', updated_at = updated_at + 7 WHERE id = ?")
      .run(ids[1]);
    const page = listing.page({ language: 'fr' }, 10, undefined);
    expect(page.items.map((i) => [i.id, i.headline, i.revision])).toEqual([
      [ids[2], 'Titre 2', 2],
      [ids[1], 'Titre corrigé', 2],
      [ids[0], 'Titre 0', 2],
    ]);
    core.close();
  });

  it('refuses a cursor it did not make', () => {
    const core = startCore({ dataDir: tempDir(), transport: 'host', version: 'test' });
    expect(() => core.services.listing.page({}, 10, 'garbage')).toThrow(/cursor/);
    expect(() => core.services.listing.page({ language: 'fr' }, 10, 'k1:x')).toThrow(/cursor/);
    core.close();
  });
});
