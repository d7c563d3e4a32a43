import { describe, expect, it, vi } from 'vitest';
import { emptyFields } from '../../../src/main/articles/articleService';
import { startCore } from '../../../src/main/core/startCore';
import type { ImportItem } from '../../../src/main/importing/importItem';
import { createImportWriter } from '../../../src/main/importing/importWriter';
import { createSearchIndexer } from '../../../src/main/search/searchIndexer';
import { MERGE_STEP } from '../../../src/main/taxonomy/termEditing';
import type { Article, BodyDoc } from '../../../src/shared/domain/article';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();

const body = (text: string): BodyDoc => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

const item = (overrides: Partial<ImportItem> = {}): ImportItem => ({
  sourceKey: 'wxr:1',
  kicker: 'Social',
  headline: 'Grève à la SNCF',
  standfirst: 'Le trafic reste perturbé.',
  body: body('La grève des cheminots entre dans sa deuxième semaine.'),
  status: 'published',
  language: 'fr',
  slug: 'greve-sncf',
  section: 'Business',
  tags: ['Transports', 'Syndicats'],
  authors: ['N. Benali'],
  featuredImage: null,
  createdAt: Date.UTC(2024, 0, 5),
  updatedAt: Date.UTC(2024, 0, 6),
  ...overrides,
});

/** A store with one article imported (never saved since) and one written and saved on this desk, same terms. */
function setup() {
  const core = startCore({ dataDir: tempDir(), transport: 'host', version: 'test' });
  const { articles, terms } = core.services;
  const writer = createImportWriter(core.db, terms, createSearchIndexer(core.db));
  expect(writer.writeBatch([item()])).toEqual(['created']);
  const importedId = core.db
    .prepare('SELECT article_id FROM article_sources WHERE source_key = ?')
    .pluck()
    .get('wxr:1') as string;
  const imported = articles.get(importedId);
  const draft = articles.create('fr');
  const saved = articles.save({
    id: draft.id,
    baseRevision: draft.revision,
    kind: 'explicit',
    fields: {
      ...emptyFields('fr'),
      headline: 'Grève à la RATP',
      body: body('Le métro est à l’arrêt.'),
      sectionId: imported.sectionId,
      tagIds: imported.tagIds,
      authorIds: imported.authorIds,
    },
  });
  /** What History's compare shows for one revision, field by field. */
  const shown = (a: Article, revision: number) =>
    Object.fromEntries(
      core.services.revisions.compare(a.id, revision, revision).map((d) => [d.field, d.after]),
    );
  const id = (kind: 'sections' | 'tags' | 'authors', name: string) => terms.ensure(kind, name).id;
  return { core, imported, saved, shown, id };
}

describe('a term merge and an article’s history', () => {
  it('leaves an untouched import’s revision 1 showing the tag it was imported with, as a saved article’s does', async () => {
    const { core, imported, saved, shown, id } = setup();
    const { articles, revisions, termEditing } = core.services;
    const union = id('tags', 'Syndicalisme');
    await termEditing.merge('tags', id('tags', 'Syndicats'), union);

    // The articles themselves now carry the surviving tag...
    expect(articles.get(imported.id).tags.map((t) => t.name)).toEqual(['Transports', 'Syndicalisme']);
    expect(articles.get(saved.id).tags.map((t) => t.name)).toEqual(['Transports', 'Syndicalisme']);
    // ...but their history is what was imported or saved then, under the merged tag's own name.
    expect(shown(imported, 1).tags).toBe('Transports, Syndicats');
    expect(shown(saved, saved.revision).tags).toBe('Transports, Syndicats');
    // A merge is not an edit of the article: no revision is added.
    expect(revisions.list(imported.id, 10).map((r) => [r.revision, r.kind])).toEqual([[1, 'import']]);
    expect(articles.revisionCount(imported.id)).toBe(1);
  });

  it('keeps revision 1 as imported through the first save, and a restore brings the surviving tag back', async () => {
    const { core, imported, shown, id } = setup();
    const { articles, revisions, termEditing } = core.services;
    const union = id('tags', 'Syndicalisme');
    await termEditing.merge('tags', id('tags', 'Syndicats'), union);
    const current = articles.get(imported.id);
    const edited = articles.save({
      id: imported.id,
      baseRevision: current.revision,
      kind: 'explicit',
      fields: { ...emptyFields('fr'), ...current, headline: 'Grève à la SNCF : accord' },
    });
    expect(shown(imported, 1).tags).toBe('Transports, Syndicats');
    const diff = Object.fromEntries(revisions.compare(imported.id, 1, 2).map((d) => [d.field, d]));
    expect(diff.tags).toMatchObject({
      changed: true,
      before: 'Transports, Syndicats',
      after: 'Transports, Syndicalisme',
    });
    expect(diff.headline).toMatchObject({ changed: true, after: 'Grève à la SNCF : accord' });
    // Restoring revision 1 links the tag the merged one became rather than dropping it.
    const restored = revisions.restore(imported.id, 1, edited.revision);
    expect(restored.tags.map((t) => t.name)).toEqual(['Transports', 'Syndicalisme']);
    expect(restored.headline).toBe('Grève à la SNCF');
  });

  it('does the same for sections and authors, through two merges in a row', async () => {
    const { core, imported, saved, shown, id } = setup();
    const { termEditing } = core.services;
    await termEditing.merge('sections', id('sections', 'Business'), id('sections', 'Entreprises'));
    await termEditing.merge('sections', id('sections', 'Entreprises'), id('sections', 'Économie'));
    await termEditing.merge('authors', id('authors', 'N. Benali'), id('authors', 'Nadia Benali'));
    for (const [a, revision] of [
      [imported, 1],
      [saved, saved.revision],
    ] as const) {
      expect(shown(a, revision)).toMatchObject({ section: 'Business', authors: 'N. Benali' });
      expect(core.services.articles.get(a.id)).toMatchObject({
        section: { name: 'Économie' },
        authors: [{ name: 'Nadia Benali' }],
      });
    }
  });

  it('shows a renamed term under its new name in every revision, imported or saved: a rename corrects a label', async () => {
    const { core, imported, saved, shown, id } = setup();
    await core.services.termEditing.rename('tags', id('tags', 'Syndicats'), 'Syndicats de salariés');
    expect(shown(imported, 1).tags).toBe('Transports, Syndicats de salariés');
    expect(shown(saved, saved.revision).tags).toBe('Transports, Syndicats de salariés');
  });

  it('never gives a merged term’s id to a new term, which would put an unrelated tag in old revisions', async () => {
    const { core, saved, shown, id } = setup();
    const { articles, termEditing } = core.services;
    // The newest tag is merged away: SQLite would hand its id to the next tag made.
    const newest = id('tags', 'Cheminots');
    const next = articles.save({
      id: saved.id,
      baseRevision: saved.revision,
      kind: 'explicit',
      fields: { ...emptyFields('fr'), ...articles.get(saved.id), tagIds: [newest] },
    });
    await termEditing.merge('tags', newest, id('tags', 'Transports'));
    expect(id('tags', 'Football')).toBeGreaterThan(newest);
    expect(shown(saved, next.revision).tags).toBe('Cheminots');
  });
});

describe('a merge of many articles', () => {
  it('goes in steps: the store answers between them, progress is reported, and an interrupted merge finishes when run again', async () => {
    const dataDir = tempDir();
    const core = startCore({ dataDir, transport: 'host', version: 'test' });
    const writer = createImportWriter(core.db, core.services.terms, createSearchIndexer(core.db));
    const total = 3 * MERGE_STEP + 17;
    const items = Array.from({ length: total }, (_, i) =>
      item({ sourceKey: `wxr:${i}`, slug: `greve-${i}`, tags: ['Syndicats'] }),
    );
    for (let i = 0; i < total; i += 100) writer.writeBatch(items.slice(i, i + 100));
    const from = core.services.terms.ensure('tags', 'Syndicats');
    const into = core.services.terms.ensure('tags', 'Syndicalisme');
    const onFrom = (db: typeof core.db) =>
      db.prepare('SELECT count(*) FROM article_tags WHERE tag_id = ?').pluck().get(from.id) as number;
    const progress: number[] = [];
    core.bus.subscribe((event, payload) => {
      if (event === 'terms:mergeProgress') progress.push((payload as { done: number }).done);
    });

    const running = core.services.termEditing.merge('tags', from.id, into.id);
    // Between two steps the store serves other calls, with the merge part done.
    await new Promise((resolve) => setImmediate(resolve));
    expect(progress.length).toBeGreaterThan(0);
    expect(onFrom(core.db)).toBeGreaterThan(0);
    expect(onFrom(core.db)).toBeLessThan(total);
    // The app quits in the middle: the step under way is whole, the rest waits.
    await core.close();
    await expect(running).rejects.toThrow();

    const again = startCore({ dataDir, transport: 'host', version: 'test' });
    const left = onFrom(again.db);
    expect(left).toBeGreaterThan(0);
    expect(left % MERGE_STEP).toBe(17);
    expect(again.services.terms.get('tags', from.id)).toBeDefined();
    expect(await again.services.termEditing.merge('tags', from.id, into.id)).toEqual({ moved: left });
    expect(again.services.terms.get('tags', from.id)).toBeUndefined();
    expect(again.db.prepare('SELECT count(*) FROM article_tags WHERE tag_id = ?').pluck().get(into.id)).toBe(
      total,
    );
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    // Moved in the first run or the second, every untouched import keeps its tag as imported in History.
    const ids = again.db.prepare('SELECT id FROM articles').pluck().all() as string[];
    for (const id of [ids[0]!, ids[ids.length - 1]!]) {
      const shown = again.services.revisions.compare(id, 1, 1).find((d) => d.field === 'tags');
      expect(shown?.after).toBe('Syndicats');
    }
    await again.close();
  });
});

describe('a rename of a term on many articles', () => {
  it('re-indexes them in steps, and a re-index cut short by a quit goes on at the next start', async () => {
    const dataDir = tempDir();
    const core = startCore({ dataDir, transport: 'host', version: 'test' });
    const writer = createImportWriter(core.db, core.services.terms, createSearchIndexer(core.db));
    const total = 3 * MERGE_STEP + 17;
    const items = Array.from({ length: total }, (_, i) =>
      item({ sourceKey: `wxr:${i}`, slug: `greve-${i}`, tags: ['Cybercriminalite'] }),
    );
    for (let i = 0; i < total; i += 100) writer.writeBatch(items.slice(i, i + 100));
    const tag = core.services.terms.ensure('tags', 'Cybercriminalite');
    const found = (c: typeof core, q: string) => c.services.search.count({ query: q });
    expect(found(core, 'tag:cybercriminalite')).toBe(total);

    const running = core.services.termEditing.rename('tags', tag.id, 'Cyberattaques');
    await new Promise((resolve) => setImmediate(resolve));
    // Renamed at once; the index follows step by step.
    expect(core.services.terms.get('tags', tag.id)?.name).toBe('Cyberattaques');
    const partly = found(core, 'tag:cyberattaques');
    expect(partly).toBeGreaterThan(0);
    expect(partly).toBeLessThan(total);
    await core.close();
    await expect(running).rejects.toThrow();

    const again = startCore({ dataDir, transport: 'host', version: 'test' });
    // The resumed re-index is over once its marker is gone: that is removed by the step after the last one
    // that wrote, a turn after the index is whole (waiting on the index alone raced it under load).
    const pending = () => again.db.prepare('SELECT count(*) FROM term_reindex').pluck().get();
    await vi.waitFor(() => expect(pending()).toBe(0), { timeout: 20_000 });
    expect(found(again, 'tag:cyberattaques')).toBe(total);
    expect(found(again, 'tag:cybercriminalite')).toBe(0);
    await again.close();
  });
});
