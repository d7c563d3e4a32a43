import { describe, expect, it } from 'vitest';
import { emptyFields } from '../../../src/main/articles/articleService';
import { startCore } from '../../../src/main/core/startCore';
import type { ImportItem } from '../../../src/main/importing/importItem';
import { createImportWriter } from '../../../src/main/importing/importWriter';
import { createRevisionStore } from '../../../src/main/revisions/revisionStore';
import { createSearchIndexer } from '../../../src/main/search/searchIndexer';
import type { Article, ArticleFields, BodyDoc } from '../../../src/shared/domain/article';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();

const body = (...paragraphs: string[]): BodyDoc => ({
  type: 'doc',
  content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

const PARAGRAPHS = [
  'La grève des cheminots entre dans sa deuxième semaine.',
  'Les syndicats réclament une hausse des salaires.',
  'La direction propose une prime exceptionnelle.',
];

const item = (overrides: Partial<ImportItem> = {}): ImportItem => ({
  sourceKey: 'wxr:1',
  kicker: 'Social',
  headline: 'Grève à la SNCF',
  standfirst: 'Le trafic reste perturbé.',
  body: body(...PARAGRAPHS),
  status: 'published',
  language: 'fr',
  slug: 'greve-sncf',
  section: 'Économie',
  tags: ['Transports', 'Syndicats'],
  authors: ['Nadia Benali'],
  featuredImage: null,
  createdAt: Date.UTC(2024, 0, 5),
  updatedAt: Date.UTC(2024, 0, 6),
  ...overrides,
});

function setup() {
  const core = startCore({ dataDir: tempDir(), transport: 'host', version: 'test' });
  const writer = createImportWriter(core.db, core.services.terms, createSearchIndexer(core.db));
  const count = (table: string) => core.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  const importOne = (overrides: Partial<ImportItem> = {}): Article => {
    expect(writer.writeBatch([item(overrides)])).toEqual(['created']);
    const id = core.db
      .prepare('SELECT article_id FROM article_sources WHERE source_key = ?')
      .pluck()
      .get(overrides.sourceKey ?? 'wxr:1') as string;
    return core.services.articles.get(id);
  };
  const fieldsOf = (a: Article, overrides: Partial<ArticleFields> = {}): ArticleFields => ({
    ...emptyFields(a.language),
    kicker: a.kicker,
    headline: a.headline,
    standfirst: a.standfirst,
    body: a.body,
    slug: a.slug,
    sectionId: a.sectionId,
    tagIds: a.tagIds,
    authorIds: a.authorIds,
    ...overrides,
  });
  return { core, count, importOne, fieldsOf };
}

describe('an imported article’s first revision', () => {
  it('is its own row until it is saved: no second copy of the body, yet History lists, shows and compares it', () => {
    const { core, count, importOne } = setup();
    const a = importOne();
    // The body is stored once, in the article's row.
    expect(count('revisions')).toBe(0);
    expect(count('revision_blocks')).toBe(0);
    expect(core.services.articles.revisionCount(a.id)).toBe(1);
    const { revisions } = core.services;
    expect(revisions.list(a.id, 10)).toEqual([
      expect.objectContaining({
        revision: 1,
        kind: 'import',
        createdAt: Date.UTC(2024, 0, 6),
        wordsRemoved: 0,
      }),
    ]);
    expect(revisions.list(a.id, 10)[0]!.wordsAdded).toBeGreaterThan(20);
    const same = revisions.compare(a.id, 1, 1);
    expect(Object.fromEntries(same.map((d) => [d.field, d.after]))).toMatchObject({
      kicker: 'Social',
      headline: 'Grève à la SNCF',
      standfirst: 'Le trafic reste perturbé.',
      section: 'Économie',
      tags: 'Transports, Syndicats',
      authors: 'Nadia Benali',
      slug: 'greve-sncf',
    });
    expect(same.every((d) => !d.changed)).toBe(true);
  });

  it('is written as a revision by the first save, so the diff, the word counts and a restore give the imported text back', () => {
    const { core, count, importOne, fieldsOf } = setup();
    const a = importOne();
    const { articles, revisions } = core.services;
    const edited = body(
      PARAGRAPHS[0]!,
      'Les syndicats réclament une hausse des salaires de cinq pour cent.',
      PARAGRAPHS[2]!,
    );
    const saved = articles.save({
      id: a.id,
      baseRevision: 1,
      kind: 'explicit',
      fields: fieldsOf(a, { body: edited }),
    });
    expect(saved.revision).toBe(2);
    expect(revisions.list(a.id, 10).map((r) => [r.revision, r.kind])).toEqual([
      [2, 'explicit'],
      [1, 'import'],
    ]);
    expect(revisions.list(a.id, 10)[0]).toMatchObject({ wordsAdded: 4, wordsRemoved: 0 });
    // Three imported paragraphs, then only the edited one.
    expect(count('revision_blocks')).toBe(4);
    const diff = Object.fromEntries(revisions.compare(a.id, 1, 2).map((d) => [d.field, d]));
    expect(diff.body!.runs.filter((r) => r.kind !== 'same').map((r) => [r.kind, r.text.trim()])).toEqual([
      ['added', 'de cinq pour cent'],
    ]);
    expect(diff.tags).toMatchObject({ changed: false, after: 'Transports, Syndicats' });
    const restored = revisions.restore(a.id, 1, saved.revision);
    expect(restored).toMatchObject({ revision: 3, body: body(...PARAGRAPHS), kicker: 'Social' });
    expect(restored.tagIds).toEqual(a.tagIds);
  });

  it('is kept when the site’s copy overwrites the article (a sync save), so the imported text can be restored', () => {
    const { core, importOne, fieldsOf } = setup();
    const a = importOne();
    const { articles, revisions } = core.services;
    // What the publisher does when it takes the site's text over an unchanged local copy.
    const synced = articles.save({
      id: a.id,
      baseRevision: 1,
      kind: 'sync',
      fields: fieldsOf(a, { headline: 'Grève à la SNCF : accord', body: body('Un accord a été trouvé.') }),
    });
    expect(revisions.list(a.id, 10).map((r) => [r.revision, r.kind])).toEqual([
      [2, 'sync'],
      [1, 'import'],
    ]);
    const diff = Object.fromEntries(revisions.compare(a.id, 1, 2).map((d) => [d.field, d]));
    expect(diff.headline).toMatchObject({ before: 'Grève à la SNCF', after: 'Grève à la SNCF : accord' });
    expect(diff.body!.before).toContain('deuxième semaine');
    expect(revisions.restore(a.id, 1, synced.revision)).toMatchObject({ body: body(...PARAGRAPHS) });
  });

  it('is looked through by blocksMentioning before and after the first save', () => {
    const { core, importOne, fieldsOf } = setup();
    const a = importOne({ body: body('Un passage marqué mark-7f3a à retrouver.', 'Autre chose.') });
    const store = createRevisionStore(core.db, 'test');
    const found = () => store.blocksMentioning(a.id, ['mark-7f3a']);
    expect(found()).toEqual(body('Un passage marqué mark-7f3a à retrouver.').content);
    core.services.articles.save({
      id: a.id,
      baseRevision: 1,
      kind: 'explicit',
      fields: fieldsOf(a, { body: body('Autre chose.') }),
    });
    expect(found()).toEqual(body('Un passage marqué mark-7f3a à retrouver.').content);
  });

  it('is not written twice, and a stale save still fails as a conflict with nothing written', () => {
    const { core, count, importOne, fieldsOf } = setup();
    const a = importOne();
    const { articles } = core.services;
    articles.save({ id: a.id, baseRevision: 1, kind: 'explicit', fields: fieldsOf(a, { headline: 'Deux' }) });
    const rows = count('revisions');
    expect(() =>
      articles.save({
        id: a.id,
        baseRevision: 1,
        kind: 'explicit',
        fields: fieldsOf(a, { headline: 'Trois' }),
      }),
    ).toThrow(/saved elsewhere/);
    expect(count('revisions')).toBe(rows);
    expect(core.services.revisions.list(a.id, 10).map((r) => r.kind)).toEqual(['explicit', 'import']);
  });
});

/** The turn after the current one, where main prepares what an open asked for. */
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('an imported article opened in the editor', () => {
  it('has its first revision written just after the open, identical to what History showed before', async () => {
    const { core, count, importOne } = setup();
    const a = importOne();
    const { revisions } = core.services;
    const listed = revisions.list(a.id, 10);
    const shown = revisions.compare(a.id, 1, 1);
    // The editor's open (articles:get): nothing is written while it answers...
    const opened = await core.handlers['articles:get']({ id: a.id });
    expect(opened).toMatchObject({ id: a.id, revision: 1, body: body(...PARAGRAPHS) });
    expect(count('revisions')).toBe(0);
    // ...and in the next turn the first revision is stored, its three paragraphs as blocks.
    await nextTurn();
    expect(count('revisions')).toBe(1);
    expect(count('revision_blocks')).toBe(3);
    expect(revisions.list(a.id, 10)).toEqual(listed);
    expect(revisions.compare(a.id, 1, 1)).toEqual(shown);
    expect(core.services.articles.revisionCount(a.id)).toBe(1);
    // Opening it again writes nothing more.
    core.services.articles.open(a.id);
    await nextTurn();
    expect([count('revisions'), count('revision_blocks')]).toEqual([1, 3]);
  });

  it('keeps the imported text as revision 1 through the first save: History, compare and restore give it back', async () => {
    const { core, count, importOne, fieldsOf } = setup();
    const a = importOne();
    const { articles, revisions } = core.services;
    const wordsImported = revisions.list(a.id, 10)[0]!.wordsAdded;
    articles.open(a.id);
    await nextTurn();
    const edited = body(
      PARAGRAPHS[0]!,
      'Les syndicats réclament une hausse des salaires de cinq pour cent.',
      PARAGRAPHS[2]!,
    );
    const saved = articles.save({
      id: a.id,
      baseRevision: 1,
      kind: 'explicit',
      fields: fieldsOf(a, { body: edited, tagIds: [a.tagIds[0]!] }),
    });
    // The save wrote revision 2 only: the first was already there.
    expect(count('revisions')).toBe(2);
    expect(count('revision_blocks')).toBe(4);
    expect(revisions.list(a.id, 10).map((r) => [r.revision, r.kind, r.wordsAdded, r.wordsRemoved])).toEqual([
      [2, 'explicit', 4, 0],
      [1, 'import', wordsImported, 0],
    ]);
    const diff = Object.fromEntries(revisions.compare(a.id, 1, 2).map((d) => [d.field, d]));
    expect(diff.body!.runs.filter((r) => r.kind !== 'same').map((r) => [r.kind, r.text.trim()])).toEqual([
      ['added', 'de cinq pour cent'],
    ]);
    expect(diff.tags).toMatchObject({ before: 'Transports, Syndicats', after: 'Transports' });
    expect(diff.kicker).toMatchObject({ changed: false, before: 'Social' });
    const restored = revisions.restore(a.id, 1, saved.revision);
    expect(restored).toMatchObject({
      revision: 3,
      body: body(...PARAGRAPHS),
      kicker: 'Social',
      headline: 'Grève à la SNCF',
      standfirst: 'Le trafic reste perturbé.',
      sectionId: a.sectionId,
    });
    expect(restored.tagIds).toEqual(a.tagIds);
  });

  it('is saved correctly when the save comes before the quiet turn, and the late preparation writes nothing', async () => {
    const { core, count, importOne, fieldsOf } = setup();
    const a = importOne();
    const { articles, revisions } = core.services;
    articles.open(a.id);
    // Saved in the same turn as the open: the save writes the first revision itself.
    articles.save({ id: a.id, baseRevision: 1, kind: 'explicit', fields: fieldsOf(a, { headline: 'Deux' }) });
    expect(count('revisions')).toBe(2);
    await nextTurn();
    expect(count('revisions')).toBe(2);
    expect(revisions.list(a.id, 10).map((r) => [r.revision, r.kind])).toEqual([
      [2, 'explicit'],
      [1, 'import'],
    ]);
    const diff = Object.fromEntries(revisions.compare(a.id, 1, 2).map((d) => [d.field, d]));
    expect(diff.headline).toMatchObject({ before: 'Grève à la SNCF', after: 'Deux' });
    expect(diff.body).toMatchObject({ changed: false });
  });

  it('writes nothing for an article that has its revisions, or that disappeared before the turn', async () => {
    const { core, count, importOne } = setup();
    const made = core.services.articles.create('fr');
    core.services.articles.open(made.id);
    await nextTurn();
    expect(count('revisions')).toBe(1);
    const a = importOne();
    core.services.articles.open(a.id);
    core.db.prepare('DELETE FROM articles WHERE id = ?').run(a.id);
    await nextTurn();
    expect(count('revisions')).toBe(1);
  });
});

describe('the headline and small fields of a revision', () => {
  it('are stored only when they change, and every revision still reads its own', () => {
    const { core, importOne, fieldsOf } = setup();
    const a = importOne();
    const { articles, revisions } = core.services;
    let rev = a.revision;
    const save = (overrides: Partial<ArticleFields>, kind: 'explicit' | 'autosave' = 'explicit') =>
      (rev = articles.save({ id: a.id, baseRevision: rev, kind, fields: fieldsOf(a, overrides) }).revision);
    const lead = (text: string) => body(text, ...PARAGRAPHS.slice(1));
    save({ body: lead('Deux.') });
    save({ body: lead('Trois.') });
    save({ body: lead('Trois.'), kicker: 'Grève' });
    save({ body: lead('Trois.'), kicker: 'Grève', headline: 'Quatre' });
    save({ body: lead('Cinq.'), kicker: 'Grève', headline: 'Quatre' });
    // Typing: the second autosave replaces the first (a row that held fields) and must hold them itself.
    save({ body: lead('Cinq.'), kicker: 'Grève', headline: 'Quatre', standfirst: 'Nouveau' }, 'autosave');
    save({ body: lead('Six.'), kicker: 'Grève', headline: 'Quatre', standfirst: 'Nouveau' }, 'autosave');
    const stored = core.db
      .prepare("SELECT revision, fields <> '' AS own FROM revisions WHERE article_id = ? ORDER BY revision")
      .all(a.id);
    expect(stored).toEqual([
      { revision: 1, own: 1 },
      { revision: 2, own: 0 },
      { revision: 3, own: 0 },
      { revision: 4, own: 1 },
      { revision: 5, own: 1 },
      { revision: 6, own: 0 },
      { revision: 8, own: 1 },
    ]);
    const read = (revision: number) => {
      const f = Object.fromEntries(
        revisions.compare(a.id, revision, revision).map((d) => [d.field, d.after]),
      );
      return [f.headline, f.kicker, f.standfirst, f.body!.split('\n')[0], f.tags];
    };
    const imported = ['Grève à la SNCF', 'Social', 'Le trafic reste perturbé.'];
    expect([1, 2, 3, 4, 5, 6, 8].map(read)).toEqual([
      [...imported, PARAGRAPHS[0], 'Transports, Syndicats'],
      [...imported, 'Deux.', 'Transports, Syndicats'],
      [...imported, 'Trois.', 'Transports, Syndicats'],
      ['Grève à la SNCF', 'Grève', 'Le trafic reste perturbé.', 'Trois.', 'Transports, Syndicats'],
      ['Quatre', 'Grève', 'Le trafic reste perturbé.', 'Trois.', 'Transports, Syndicats'],
      ['Quatre', 'Grève', 'Le trafic reste perturbé.', 'Cinq.', 'Transports, Syndicats'],
      ['Quatre', 'Grève', 'Nouveau', 'Six.', 'Transports, Syndicats'],
    ]);
    // Word counts see the headline of the revision before, even when that one did not store it.
    expect(revisions.list(a.id, 10).find((r) => r.revision === 5)).toMatchObject({
      wordsAdded: 1,
      wordsRemoved: 4,
    });
    const restored = revisions.restore(a.id, 3, rev);
    expect(restored).toMatchObject({ headline: 'Grève à la SNCF', kicker: 'Social', body: lead('Trois.') });
  });
});
