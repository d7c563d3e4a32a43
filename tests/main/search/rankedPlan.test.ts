import { describe, expect, it } from 'vitest';
import { emptyFields } from '../../../src/main/articles/articleService';
import { startCore, type Core } from '../../../src/main/core/startCore';
import { createImportWriter } from '../../../src/main/importing/importWriter';
import { WEIGHTS } from '../../../src/main/search/rankedPlan';
import { createSearchIndexer } from '../../../src/main/search/searchIndexer';
import {
  createSearchService,
  matchOf,
  rangeOf,
  type SearchRequest,
} from '../../../src/main/search/searchService';
import type { ArticleFields, BodyDoc } from '../../../src/shared/domain/article';
import type { SearchQuery } from '../../../src/shared/domain/search';
import { createArchive, prng } from '../../bench/support/archive';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();

/** A small archive made by the bench's generator (Zipf-distributed French and Arabic words), imported. */
function archiveCore(size: number): { core: Core; archive: ReturnType<typeof createArchive> } {
  const core = startCore({ dataDir: tempDir(), transport: 'host', version: 'test' });
  const writer = createImportWriter(core.db, core.services.terms, createSearchIndexer(core.db));
  const archive = createArchive(11);
  const items = Array.from({ length: size }, (_, i) => {
    const a = archive.article(i);
    return { ...a, sourceKey: a.key, slug: '', featuredImage: null };
  });
  for (const outcome of writer.writeBatch(items)) if (outcome instanceof Error) throw outcome;
  return { core, archive };
}

/** What ranking every match with bm25 gives: the plan the ranked plan must equal where it claims to be exact. */
function exhaustive(core: Core, query: SearchQuery, limit: number): string[] {
  const { match } = matchOf(query);
  const [low, high] = rangeOf(query);
  return core.db
    .prepare<[string, number, number, number], string>(
      `SELECT d.article_id FROM search_fts f JOIN search_docs d ON d.doc_id = f.rowid
        WHERE search_fts MATCH ? AND f.rowid BETWEEN ? AND ?
        ORDER BY bm25(search_fts, ${WEIGHTS}), f.rowid DESC LIMIT ?`,
    )
    .pluck()
    .all(match, low, high, limit);
}

describe('the ranked plan', () => {
  it('gives exactly the exhaustive bm25 top results when every word is rare, with filters, exclusions and dates', () => {
    const { core, archive } = archiveCore(1000);
    const search = createSearchService(core.db, core.bus, createSearchIndexer(core.db));
    const random = prng(5);
    const pick = (words: string[], from: number, to: number) =>
      words[from + Math.floor(random() * (to - from))]!;
    const fr = archive.fr.words;
    const tagId = core.db
      .prepare('SELECT tag_id FROM article_tags GROUP BY tag_id ORDER BY count(*) DESC LIMIT 1')
      .pluck()
      .get() as number;
    const dates = core.db
      .prepare('SELECT min(updated_at) AS lo, max(updated_at) AS hi FROM articles')
      .get() as { lo: number; hi: number };
    const middle = Math.floor((dates.lo + dates.hi) / 2);
    const queries: SearchQuery[] = [];
    for (let i = 0; i < 12; i++) {
      queries.push({ query: pick(fr, 0, 300) });
      queries.push({ query: `${pick(fr, 20, 400)} ${pick(fr, 20, 400)}` });
      queries.push({ query: `${pick(fr, 0, 100)} -${pick(fr, 100, 300)}` });
      queries.push({ query: pick(fr, 30, 300), status: 'published', language: 'fr' });
      queries.push({ query: pick(fr, 30, 300), from: middle });
      queries.push({ query: `${pick(fr, 30, 300)}*`, to: middle });
    }
    queries.push({ query: '"hausse des prix"' }, { query: 'رئيس' }, { query: pick(fr, 60, 300), tagId });
    let compared = 0;
    for (const query of queries) {
      const expected = exhaustive(core, query, 15);
      const request: SearchRequest = { ...query, sort: 'relevance', limit: 15 };
      expect(
        search.search(request).hits.map((h) => h.id),
        JSON.stringify(query),
      ).toEqual(expected);
      compared += expected.length;
    }
    expect(compared).toBeGreaterThan(500);
    void core.close();
  }, 120_000);

  it('pages through the exact ranking without repeating or skipping a result', () => {
    const { core, archive } = archiveCore(600);
    const search = createSearchService(core.db, core.bus, createSearchIndexer(core.db));
    const query = archive.fr.words[40]!;
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = search.search({ query, sort: 'relevance', limit: 7, cursor });
      seen.push(...page.hits.map((h) => h.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(exhaustive(core, { query }, 10_000));
    void core.close();
  }, 60_000);
});

const body = (...paragraphs: string[]): BodyDoc => ({
  type: 'doc',
  content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

function write(core: Core, at: number, overrides: Partial<ArticleFields>): string {
  const a = core.services.articles.create(overrides.language ?? 'fr');
  core.services.articles.save({ id: a.id, baseRevision: 1, fields: { ...emptyFields('fr'), ...overrides } });
  // Dates decide the order within a tier: give each article its own.
  core.db.prepare('UPDATE articles SET updated_at = ? WHERE id = ?').run(at, a.id);
  return a.id;
}

describe('ranking a frequent word', () => {
  it('takes the best field the word is in (headline, tags, kicker/standfirst/byline, body), newest first in each', async () => {
    const core = startCore({ dataDir: tempDir(), transport: 'host', version: 'test' });
    const tag = core.services.terms.ensure('tags', 'Grève');
    const at = Date.UTC(2025, 0, 1);
    const day = 86_400_000;
    const bodyNew = write(core, at + 9 * day, { headline: 'Un', body: body('La grève continue.') });
    const headlineOld = write(core, at + 1 * day, { headline: 'Grève des cheminots', body: body('Rien.') });
    const headlineNew = write(core, at + 2 * day, { headline: 'Nouvelle grève', body: body('Rien.') });
    const tagged = write(core, at + 8 * day, { headline: 'Deux', tagIds: [tag.id], body: body('Texte.') });
    const kicker = write(core, at + 7 * day, { kicker: 'Grève', headline: 'Trois', body: body('Texte.') });
    const standfirst = write(core, at + 6 * day, { headline: 'Quatre', standfirst: 'Une grève.' });
    const bodyOld = write(core, at + 3 * day, { headline: 'Cinq', body: body('Encore la grève.') });
    write(core, at + 5 * day, { headline: 'Six', body: body('Rien à voir.') });
    // Re-index with the dates set above (document ids follow dates).
    await core.services.search.rebuild();
    // Every word counts as frequent here.
    const search = createSearchService(core.db, core.bus, createSearchIndexer(core.db), { rareDocs: 1 });
    const ids = (extra: Partial<SearchRequest> = {}) =>
      search.search({ query: 'greve', sort: 'relevance', limit: 10, ...extra }).hits.map((h) => h.id);
    expect(ids()).toEqual([headlineNew, headlineOld, tagged, kicker, standfirst, bodyNew, bodyOld]);
    // Pages follow the same order.
    const first = search.search({ query: 'greve', sort: 'relevance', limit: 4 });
    const second = search.search({ query: 'greve', sort: 'relevance', limit: 4, cursor: first.nextCursor! });
    expect([...first.hits, ...second.hits].map((h) => h.id)).toEqual(ids());
    // Filters and exclusions still apply.
    expect(ids({ tagId: tag.id })).toEqual([tagged]);
    expect(ids({ query: 'greve -cheminots' })).toEqual([
      headlineNew,
      tagged,
      kicker,
      standfirst,
      bodyNew,
      bodyOld,
    ]);
    expect(ids({ to: at + 3 * day + 1 })).toEqual([headlineNew, headlineOld, bodyOld]);
    void core.close();
  });
});
