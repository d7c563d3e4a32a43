import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createArticleService, emptyFields } from '../../../src/main/articles/articleService';
import { createEventBus } from '../../../src/main/core/eventBus';
import { openDatabase } from '../../../src/main/db/open';
import { createMediaStore } from '../../../src/main/media/mediaStore';
import { createRevisionService } from '../../../src/main/revisions/revisionService';
import { PAUSE_MS } from '../../../src/main/revisions/revisionStore';
import { createTermService } from '../../../src/main/taxonomy/termService';
import type { ArticleFields, BodyDoc } from '../../../src/shared/domain/article';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();

const body = (...paragraphs: string[]): BodyDoc => ({
  type: 'doc',
  content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

function setup() {
  const dir = tempDir();
  const db = openDatabase(join(dir, 'store.sqlite3'));
  let clock = 1_700_000_000_000;
  const terms = createTermService(db);
  const articles = createArticleService(db, createEventBus(), terms, createMediaStore(dir), () => clock);
  const revisions = createRevisionService(db, articles, terms);
  return {
    db,
    articles,
    revisions,
    terms,
    tick: (ms: number) => (clock += ms),
  };
}

const fields = (overrides: Partial<ArticleFields>): ArticleFields => ({ ...emptyFields('fr'), ...overrides });

describe('revisions', () => {
  it('coalesces typing into one revision per burst, and starts a new one after a pause, an explicit save or a status change', () => {
    const { articles, revisions, tick, db } = setup();
    const a = articles.create('fr');
    let rev = a.revision;
    const type = (headline: string, kind?: 'explicit' | 'status' | 'sync') => {
      tick(1000);
      rev = articles.save({ id: a.id, baseRevision: rev, fields: fields({ headline }), kind }).revision;
    };
    type('L');
    type('Le');
    type('Le maire');
    expect(revisions.list(a.id, 100).map((r) => [r.revision, r.kind])).toEqual([
      [4, 'autosave'],
      [1, 'created'],
    ]);
    tick(PAUSE_MS + 1);
    type('Le maire démissionne');
    type('Le maire démissionne', 'explicit');
    type('Le maire démissionne !');
    type('Le maire démissionne', 'sync');
    expect(revisions.list(a.id, 100).map((r) => r.kind)).toEqual([
      'sync',
      'autosave',
      'explicit',
      'autosave',
      'autosave',
      'created',
    ]);
    // The conflict check still sees every save: the counter moves on each one.
    expect(articles.get(a.id).revision).toBe(8);
    expect(db.prepare('SELECT count(*) FROM revisions').pluck().get()).toBe(6);
  });

  it('counts words added and removed against the previous kept revision', () => {
    const { articles, revisions } = setup();
    const a = articles.create('fr');
    const one = articles.save({
      id: a.id,
      baseRevision: 1,
      kind: 'explicit',
      fields: fields({ headline: 'Grève', body: body('Les trains sont supprimés.') }),
    });
    articles.save({
      id: a.id,
      baseRevision: one.revision,
      kind: 'explicit',
      fields: fields({ headline: 'Grève', body: body('Les trains et les bus sont supprimés demain.') }),
    });
    expect(revisions.list(a.id, 10)[0]).toMatchObject({ wordsAdded: 4, wordsRemoved: 0 });
  });

  it('stores each distinct paragraph once however many revisions repeat it', () => {
    const { articles, db } = setup();
    const a = articles.create('fr');
    const paragraphs = Array.from({ length: 30 }, (_, i) => `Paragraphe ${i} ${'texte '.repeat(40)}`);
    let rev = a.revision;
    for (let i = 0; i < 10; i++) {
      const edited = paragraphs.map((p, k) => (k === i ? `${p} (retouche ${i})` : p));
      rev = articles.save({
        id: a.id,
        baseRevision: rev,
        kind: 'explicit',
        fields: fields({ body: body(...edited) }),
      }).revision;
    }
    const blocks = db.prepare('SELECT count(*) FROM revision_blocks').pluck().get() as number;
    // 30 paragraphs in the first revision, then about two new ones per revision (the edit, and the undone one).
    expect(blocks).toBeLessThanOrEqual(30 + 2 * 9 + 1);
    const stored = db.prepare('SELECT sum(length(json)) FROM revision_blocks').pluck().get() as number;
    const naive = 10 * JSON.stringify(body(...paragraphs)).length;
    expect(stored).toBeLessThan(naive / 4);
  });

  it('keeps blocks per article, and reuses blocks a store kept under its older keys instead of copying them', () => {
    const { articles, db } = setup();
    const shared = 'Un paragraphe que deux articles citent mot pour mot.';
    const a = articles.create('fr');
    const b = articles.create('fr');
    const blocks = () => db.prepare('SELECT count(*) FROM revision_blocks').pluck().get() as number;
    const empty = blocks();
    const saved = articles.save({
      id: a.id,
      baseRevision: 1,
      kind: 'explicit',
      fields: fields({ body: body(shared, 'Deuxième paragraphe.', 'Troisième paragraphe.') }),
    });
    articles.save({ id: b.id, baseRevision: 1, kind: 'explicit', fields: fields({ body: body(shared) }) });
    // The shared paragraph is stored once per article.
    expect(blocks()).toBe(empty + 4);
    // A store written before blocks were keyed by article: its keys were the first 16 bytes of the hash.
    for (const row of db.prepare('SELECT id, json FROM revision_blocks').all() as {
      id: number;
      json: string;
    }[])
      db.prepare('UPDATE OR IGNORE revision_blocks SET hash = ? WHERE id = ?').run(
        createHash('sha256').update(row.json).digest().subarray(0, 16),
        row.id,
      );
    const before = blocks();
    const next = articles.save({
      id: a.id,
      baseRevision: saved.revision,
      kind: 'explicit',
      fields: fields({ body: body(shared, 'Deuxième paragraphe, retouché.', 'Troisième paragraphe.') }),
    });
    expect(blocks()).toBe(before + 1);
    expect(articles.get(a.id).body).toEqual(
      body(shared, 'Deuxième paragraphe, retouché.', 'Troisième paragraphe.'),
    );
    expect(next.revision).toBe(saved.revision + 1);
  });

  it('compares any two revisions field by field, word by word', () => {
    const { articles, revisions, terms } = setup();
    const tag = terms.ensure('tags', 'Transports');
    const a = articles.create('fr');
    const one = articles.save({
      id: a.id,
      baseRevision: 1,
      kind: 'explicit',
      fields: fields({
        headline: 'Grève à la SNCF',
        kicker: 'Social',
        body: body('Les trains sont supprimés.'),
      }),
    });
    const two = articles.save({
      id: a.id,
      baseRevision: one.revision,
      kind: 'explicit',
      fields: fields({
        headline: 'Grève à la RATP',
        kicker: 'Social',
        tagIds: [tag.id],
        body: body('Les bus sont supprimés.'),
      }),
    });
    const diff = revisions.compare(a.id, one.revision, two.revision);
    const byField = Object.fromEntries(diff.map((d) => [d.field, d]));
    expect(byField.kicker).toMatchObject({ changed: false });
    expect(byField.headline!.runs).toEqual([
      { text: 'Grève à la ', kind: 'same' },
      { text: 'SNCF', kind: 'removed' },
      { text: 'RATP', kind: 'added' },
    ]);
    expect(byField.tags).toMatchObject({ before: '', after: 'Transports', changed: true });
    expect(byField.body!.runs.filter((r) => r.kind !== 'same').map((r) => r.text)).toEqual(['trains', 'bus']);
  });

  it('restores an old revision as a new revision, never rewriting history', () => {
    const { articles, revisions } = setup();
    const a = articles.create('fr');
    const one = articles.save({
      id: a.id,
      baseRevision: 1,
      kind: 'explicit',
      fields: fields({ headline: 'Version A', body: body('Texte A.') }),
    });
    const two = articles.save({
      id: a.id,
      baseRevision: one.revision,
      kind: 'explicit',
      fields: fields({ headline: 'Version B', body: body('Texte B.') }),
    });
    const restored = revisions.restore(a.id, one.revision, two.revision);
    expect(restored).toMatchObject({
      headline: 'Version A',
      body: body('Texte A.'),
      revision: two.revision + 1,
    });
    expect(revisions.list(a.id, 10).map((r) => r.kind)).toEqual([
      'restore',
      'explicit',
      'explicit',
      'created',
    ]);
    expect(() => revisions.restore(a.id, 1, two.revision)).toThrow(/saved elsewhere/);
  });
});
