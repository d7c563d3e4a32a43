import { describe, expect, it } from 'vitest';
import { emptyFields } from '../../../src/main/articles/articleService';
import { startCore, type Core } from '../../../src/main/core/startCore';
import { matchOf } from '../../../src/main/search/searchService';
import type { ArticleFields, BodyDoc } from '../../../src/shared/domain/article';
import type { SearchHit } from '../../../src/shared/domain/search';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();

const body = (...paragraphs: string[]): BodyDoc => ({
  type: 'doc',
  content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

function open(dir = tempDir()): Core {
  return startCore({ dataDir: dir, transport: 'host', version: 'test' });
}

function write(core: Core, overrides: Partial<ArticleFields>): string {
  const a = core.services.articles.create(overrides.language ?? 'fr');
  core.services.articles.save({ id: a.id, baseRevision: 1, fields: { ...emptyFields('fr'), ...overrides } });
  return a.id;
}

const headlines = (hits: SearchHit[]): string[] => hits.map((h) => h.headline.map((r) => r.text).join(''));

function search(core: Core, query: string, extra: Record<string, unknown> = {}): SearchHit[] {
  return core.services.search.search({ query, sort: 'relevance', limit: 20, ...extra }).hits;
}

describe('searching the archive', () => {
  it('folds French accents and case at index and query time alike', () => {
    const core = open();
    write(core, { headline: 'La cybercriminalité explose', body: body('Les attaques se multiplient.') });
    write(core, { headline: 'Météo du jour', body: body('Soleil.') });
    expect(headlines(search(core, 'cybercriminalite'))).toEqual(['La cybercriminalité explose']);
    expect(headlines(search(core, 'CYBERCRIMINALITÉ'))).toEqual(['La cybercriminalité explose']);
    expect(headlines(search(core, 'meteo'))).toEqual(['Météo du jour']);
    core.close();
  });

  it('normalizes Arabic alef forms, taa marbuta, alef maqsura, tashkeel and tatweel', () => {
    const core = open();
    write(core, { language: 'ar', headline: 'أحمد في المدرسة', body: body('ذهب إلى المكتبة العامة') });
    for (const q of ['احمد', 'إحمد', 'أَحْمَد', 'المدرسه', 'الى', 'المكـتبة', 'العامه']) {
      expect(headlines(search(core, q)), q).toEqual(['أحمد في المدرسة']);
    }
    core.close();
  });

  it('matches phrases only in order, prefixes, fields and exclusions', () => {
    const core = open();
    const climat = write(core, {
      headline: 'Le réchauffement climatique inquiète',
      body: body('Le conseil municipal a voté le budget.'),
    });
    write(core, { headline: 'Budget : le conseil vote', body: body('Municipal et climatique.') });
    expect(search(core, '"conseil municipal"').map((h) => h.id)).toEqual([climat]);
    expect(search(core, 'climat*')).toHaveLength(2);
    expect(headlines(search(core, 'headline:budget'))).toEqual(['Budget : le conseil vote']);
    expect(search(core, 'budget -climatique')).toHaveLength(0);
    expect(headlines(search(core, 'conseil -réchauffement'))).toEqual(['Budget : le conseil vote']);
    // Stray FTS syntax is just text, never an error.
    expect(search(core, 'AND OR NOT ( " * :')).toEqual([]);
    core.close();
  });

  it('ranks a headline match above a passing mention in the body', () => {
    const core = open();
    write(core, { headline: 'Les vendanges commencent', body: body('Une incendie a eu lieu loin de là.') });
    write(core, { headline: 'Incendie dans les Landes', body: body('Un incendie ravage la forêt.') });
    write(core, { headline: 'Rien à voir', body: body('Pas de feu ici.') });
    expect(headlines(search(core, 'incendie'))).toEqual([
      'Incendie dans les Landes',
      'Les vendanges commencent',
    ]);
    core.close();
  });

  it('filters by status, section, tag, author, language and date, and searches tags and bylines', () => {
    const dir = tempDir();
    const core = open(dir);
    const { terms } = core.services;
    const eco = terms.ensure('sections', 'Économie');
    const tag = terms.ensure('tags', 'Proche-Orient');
    const author = terms.ensure('authors', 'Leïla Benali');
    const tagged = write(core, {
      headline: 'Pétrole en hausse',
      sectionId: eco.id,
      tagIds: [tag.id],
      authorIds: [author.id],
    });
    const other = write(core, { language: 'ar', headline: 'Pétrole : la baisse' });
    const ids = (extra: Record<string, unknown>, q = 'petrole') => search(core, q, extra).map((h) => h.id);
    expect(ids({ sectionId: eco.id })).toEqual([tagged]);
    expect(ids({ tagId: tag.id })).toEqual([tagged]);
    expect(ids({ authorId: author.id })).toEqual([tagged]);
    expect(ids({ language: 'ar' })).toEqual([other]);
    expect(ids({ status: 'draft' })).toHaveLength(2);
    expect(ids({ status: 'published' })).toEqual([]);
    expect(ids({}, 'tag:"proche orient"')).toEqual([tagged]);
    expect(ids({}, 'author:leila')).toEqual([tagged]);
    expect(ids({ tagId: tag.id }, '')).toEqual([tagged]);
    const now = Date.now();
    expect(ids({ from: now - 60_000, to: now + 60_000 })).toHaveLength(2);
    expect(ids({ to: now - 60_000 })).toEqual([]);
    expect(core.services.search.count({ query: 'petrole' })).toBe(2);
    core.close();
  });

  it('finds by filters or a date range alone, reading the every-document word only when nothing else narrows', () => {
    const core = open();
    const fr = write(core, { headline: 'Conseil municipal' });
    const ar = write(core, { language: 'ar', headline: 'مجلس البلدية' });
    const now = Date.now();
    // Beside a filter, the word in every document would be a whole-archive posting list to walk per page.
    expect(matchOf({ query: '', language: 'ar' }).match).toBe('facets : xlangar');
    expect(matchOf({ query: '', from: now - 60_000 }).match).toBe('facets : xall');
    const ids = (extra: Record<string, unknown>) =>
      core.services.search.search({ query: '', sort: 'date', limit: 20, ...extra }).hits.map((h) => h.id);
    expect(ids({ language: 'ar' })).toEqual([ar]);
    expect(ids({ from: now - 60_000, to: now + 60_000 })).toEqual([ar, fr]);
    expect(ids({ language: 'fr', from: now - 60_000 })).toEqual([fr]);
    expect(ids({ from: now + 60_000 })).toEqual([]);
    expect(core.services.search.count({ query: '', language: 'ar' })).toBe(1);
    expect(core.services.search.count({ query: '', to: now + 60_000 })).toBe(2);
    core.close();
  });

  it('sorts by date newest first, pages with a cursor, and marks hits in headline and snippet', () => {
    const core = open();
    const made: string[] = [];
    for (let i = 0; i < 5; i++)
      made.push(write(core, { headline: `Grève numéro ${i}`, body: body(`La grève continue, jour ${i}.`) }));
    const first = core.services.search.search({ query: 'greve', sort: 'date', limit: 3 });
    const second = core.services.search.search({
      query: 'greve',
      sort: 'date',
      limit: 3,
      cursor: first.nextCursor!,
    });
    expect([...first.hits, ...second.hits].map((h) => h.id)).toEqual([...made].reverse());
    expect(second.nextCursor).toBeNull();
    expect(first.hits[0]!.headline).toEqual([
      { text: 'Grève', hit: true },
      { text: ' numéro 4', hit: false },
    ]);
    expect(first.hits[0]!.snippet).toContainEqual({ text: 'grève', hit: true });
    core.close();
  });

  it('indexes in the save transaction: a save that fails leaves the index as it was', () => {
    const core = open();
    const id = write(core, { headline: 'Ancien titre' });
    core.db
      .prepare(
        "INSERT INTO revisions (article_id, revision, headline, body, body_schema_version, created_at) VALUES (?, 3, 'x', '{}', 1, 0)",
      )
      .run(id);
    expect(() =>
      core.services.articles.save({
        id,
        baseRevision: 2,
        fields: { ...emptyFields('fr'), headline: 'Nouveau titre' },
      }),
    ).toThrow();
    expect(search(core, 'nouveau')).toEqual([]);
    expect(search(core, 'ancien').map((h) => h.id)).toEqual([id]);
    core.close();
  });

  it('rebuilds the index from the articles, reporting progress', async () => {
    const core = open();
    const id = write(core, { headline: 'Reconstruction' });
    core.db.prepare("INSERT INTO search_fts (search_fts) VALUES ('delete-all')").run();
    core.db.prepare('DELETE FROM search_docs').run();
    expect(search(core, 'reconstruction')).toEqual([]);
    const events: string[] = [];
    core.bus.subscribe((event, payload) => {
      if (event === 'search:progress') events.push((payload as { state: string }).state);
    });
    const result = await core.services.search.rebuild();
    expect(result).toMatchObject({ done: 1, total: 1, state: 'done' });
    expect(events).toContain('done');
    expect(search(core, 'reconstruction').map((h) => h.id)).toEqual([id]);
    core.close();
  });
});
