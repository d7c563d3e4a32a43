import { describe, expect, it } from 'vitest';
import { startCore } from '../../../src/main/core/startCore';
import type { ImportItem } from '../../../src/main/importing/importItem';
import { createImportWriter } from '../../../src/main/importing/importWriter';
import { indexShape } from '../../../src/main/search/indexMerging';
import { createSearchIndexer } from '../../../src/main/search/searchIndexer';
import { fieldsOf } from '../../../src/shared/domain/article';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();

const item = (n: number, overrides: Partial<ImportItem> = {}): ImportItem => ({
  sourceKey: `test:${n}`,
  kicker: '',
  headline: `Dépêche ${n}`,
  standfirst: '',
  body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Texte ${n}.` }] }] },
  status: 'published',
  language: 'fr',
  slug: '',
  section: 'Régions',
  tags: ['Agence'],
  authors: [],
  featuredImage: null,
  createdAt: Date.UTC(2024, 0, n),
  updatedAt: Date.UTC(2024, 0, n),
  ...overrides,
});

describe('the import writer', () => {
  it('refuses an article alone, whether its body is not valid or its row cannot be written, and keeps the rest', () => {
    const core = startCore({ dataDir: tempDir(), transport: 'host', version: 'test' });
    const writer = createImportWriter(core.db, core.services.terms, createSearchIndexer(core.db));
    const badBody = item(2, { body: { type: 'doc', content: [{ type: 'no-such-node' }] } });
    // Refused before anything is written: the batch needs no second pass.
    expect(writer.writeBatch([item(1), badBody, item(3, { slug: 'greve' })])).toEqual([
      'created',
      expect.objectContaining({ message: expect.stringMatching(/not a valid article body/) }),
      'created',
    ]);
    // A value SQLite cannot store (standing for any failure of a row): the batch is written again article by
    // article, and that one alone is refused.
    const unstorable = item(5, { standfirst: { not: 'text' } as unknown as string });
    const outcomes = writer.writeBatch([item(4, { tags: ['Nouveau'] }), unstorable, item(6)]);
    expect(outcomes[0]).toBe('created');
    expect(outcomes[1]).toBeInstanceOf(Error);
    expect(outcomes[2]).toBe('created');
    // Written again: the ones there are skipped, the refused ones refused again.
    expect(writer.writeBatch([item(1), badBody, item(4), item(6)])).toEqual([
      'skipped',
      expect.any(Error),
      'skipped',
      'skipped',
    ]);
    const { listing, search, articles } = core.services;
    expect(listing.count({})).toBe(4);
    const [tagged] = search.search({ query: 'tag:nouveau', sort: 'date', limit: 5 }).hits;
    expect(articles.get(tagged!.id)).toMatchObject({ headline: 'Dépêche 4', tags: [{ name: 'Nouveau' }] });
    expect(articles.get(tagged!.id).id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    core.close();
  });

  it('gives an imported article whose slug is taken the next free one, as WordPress does, instead of refusing it', () => {
    const core = startCore({ dataDir: tempDir(), transport: 'host', version: 'test' });
    const writer = createImportWriter(core.db, core.services.terms, createSearchIndexer(core.db));
    const { articles } = core.services;
    const written = articles.create('fr');
    articles.save({
      id: written.id,
      baseRevision: written.revision,
      fields: { ...fieldsOf(written), headline: 'Grève', slug: 'greve' },
      kind: 'explicit',
    });
    // The slug of the article written here, taken again by two sites' posts in one batch.
    const outcomes = writer.writeBatch([item(1, { slug: 'greve' }), item(2, { slug: 'greve' })]);
    expect(outcomes).toEqual(['created', 'created']);
    const slugs = core.db.prepare('SELECT headline, slug FROM articles ORDER BY slug').all() as {
      headline: string;
      slug: string;
    }[];
    expect(slugs).toEqual([
      { headline: 'Grève', slug: 'greve' },
      { headline: 'Dépêche 1', slug: 'greve-2' },
      { headline: 'Dépêche 2', slug: 'greve-3' },
    ]);
    core.close();
  });

  it('finds every row it checks through an index, so an import does not slow with the size of the archive', () => {
    const core = startCore({ dataDir: tempDir(), transport: 'host', version: 'test' });
    // Every statement the writer and its index prepare, as written.
    const prepared: string[] = [];
    const prepare = core.db.prepare.bind(core.db);
    core.db.prepare = ((sql: string) => {
      prepared.push(sql);
      return prepare(sql);
    }) as typeof core.db.prepare;
    createImportWriter(core.db, core.services.terms, createSearchIndexer(core.db));
    core.db.prepare = prepare;
    expect(prepared.length).toBeGreaterThan(10);
    // A table scan per imported item made the import quadratic: the slug check, with the index being partial
    // (slug <> ''), read the whole articles table for each item that had a slug.
    const scans = prepared.flatMap((sql) => {
      const names = [...new Set([...sql.matchAll(/@(\w+)/g)].map((m) => m[1]!))];
      const statement = prepare(`EXPLAIN QUERY PLAN ${sql}`);
      const plan = (
        names.length > 0
          ? statement.all(Object.fromEntries(names.map((n) => [n, null])))
          : statement.all(...Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => null))
      ) as { detail: string }[];
      // A walk along an index in its order, stopped by a LIMIT (a list page), reads only what it returns; a
      // virtual table (the search index, json_each over the ids given) is not a table read row by row.
      const bounded = (detail: string) => /\bLIMIT\b/.test(sql) && / USING (COVERING )?INDEX /.test(detail);
      return plan
        .filter((step) => /^SCAN /.test(step.detail) && !/ VIRTUAL TABLE /.test(step.detail))
        .filter((step) => !bounded(step.detail))
        .map((step) => `${step.detail}: ${sql}`);
    });
    expect(scans).toEqual([]);
    core.close();
  });

  it('merges its index segments sixteen at a time, and leaves the quiet merges their four', () => {
    const core = startCore({ dataDir: tempDir(), transport: 'host', version: 'test' });
    const writer = createImportWriter(core.db, core.services.terms, createSearchIndexer(core.db));
    const segments = () => indexShape(core.db)().segments;
    const config = core.db.prepare("SELECT v FROM search_fts_config WHERE k = 'usermerge'").pluck();
    // One segment per batch, none merged before sixteen are waiting (four at a time would have merged them).
    for (let n = 1; n <= 15; n++) writer.writeBatch([item(n)]);
    expect(segments()).toBe(15);
    for (let n = 16; n <= 20; n++) writer.writeBatch([item(n)]);
    expect(segments()).toBeLessThan(15);
    expect(config.get()).toBe(4);
    expect(core.services.search.search({ query: 'texte', sort: 'date', limit: 50 }).hits).toHaveLength(20);
    core.close();
  });
});
