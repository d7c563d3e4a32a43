import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/main/core/errors';
import { startCore, type Core } from '../../../src/main/core/startCore';
import type { BodyDoc } from '../../../src/shared/domain/article';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();

const body = (...paragraphs: string[]): BodyDoc => ({
  type: 'doc',
  content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

function open(dir = tempDir()): Core {
  return startCore({ dataDir: dir, transport: 'host', version: 'test' });
}

describe('saving articles', () => {
  it('keeps each save as a revision and bumps the counter', () => {
    const core = open();
    const { articles } = core.services;
    const created = articles.create('fr');
    expect(created.revision).toBe(1);
    const first = articles.save({
      id: created.id,
      baseRevision: 1,
      headline: 'Inondations dans le Gard',
      body: body('Premier jet.'),
    });
    const second = articles.save({
      id: created.id,
      baseRevision: first.revision,
      headline: 'Inondations dans le Gard : l’alerte rouge levée',
      body: body('Premier jet.', 'Mise à jour à 18 h.'),
    });
    expect(second.revision).toBe(3);
    expect(articles.get(created.id)).toMatchObject({
      headline: 'Inondations dans le Gard : l’alerte rouge levée',
      body: body('Premier jet.', 'Mise à jour à 18 h.'),
    });
    expect(articles.revisionCount(created.id)).toBe(3);
    core.close();
  });

  it('refuses a save made on an older revision instead of overwriting the newer text', () => {
    const core = open();
    const { articles } = core.services;
    const a = articles.create('fr');
    articles.save({ id: a.id, baseRevision: 1, headline: 'Version du desk', body: body('Texte du desk.') });
    expect(() =>
      articles.save({
        id: a.id,
        baseRevision: 1,
        headline: 'Version de la fenêtre 2',
        body: body('Autre texte.'),
      }),
    ).toThrow(expect.objectContaining({ code: 'conflict' }) as unknown as Error);
    expect(articles.get(a.id).headline).toBe('Version du desk');
    core.close();
  });

  it('refuses a body the editor schema cannot hold, and stores nothing', () => {
    const core = open();
    const { articles } = core.services;
    const a = articles.create('fr');
    const bad: BodyDoc = {
      type: 'doc',
      content: [{ type: 'script', content: [{ type: 'text', text: 'alert(1)' }] }],
    };
    expect(() => articles.save({ id: a.id, baseRevision: 1, headline: 'x', body: bad })).toThrow(AppError);
    expect(articles.get(a.id).revision).toBe(1);
    core.close();
  });

  it('writes the article and its revision together or not at all', () => {
    const core = open();
    const { articles } = core.services;
    const a = articles.create('fr');
    // A revision row already sitting where the next one goes makes the second insert of the save fail.
    core.db.prepare("INSERT INTO revisions VALUES (?, 2, 'squatter', '{}', 1, 0)").run(a.id);
    expect(() =>
      articles.save({ id: a.id, baseRevision: 1, headline: 'Ne doit pas rester', body: body('x') }),
    ).toThrow();
    expect(articles.get(a.id)).toMatchObject({ headline: '', revision: 1 });
    core.close();
  });

  it('says not_found for an article that does not exist', () => {
    const core = open();
    expect(() => core.services.articles.get('5b0ed1d8-4a4e-4c1e-9a57-0d5f5a1c2b3e')).toThrow(
      expect.objectContaining({ code: 'not_found' }) as unknown as Error,
    );
    core.close();
  });

  it('announces each change so other windows can follow', () => {
    const core = open();
    const seen: unknown[] = [];
    core.bus.subscribe((event, payload) => seen.push({ event, payload }));
    const a = core.services.articles.create('ar');
    core.services.articles.save({ id: a.id, baseRevision: 1, headline: 'عنوان', body: body('نص.') });
    expect(seen).toEqual([
      { event: 'articles:changed', payload: { id: a.id, revision: 1 } },
      { event: 'articles:changed', payload: { id: a.id, revision: 2 } },
    ]);
    core.close();
  });

  it('finds everything again after the store is closed and reopened', () => {
    const dir = tempDir();
    const first = open(dir);
    const a = first.services.articles.create('fr');
    first.services.articles.save({
      id: a.id,
      baseRevision: 1,
      headline: '« Guillemets » et accents : éèêëàç',
      body: body('قال المتحدث. Puis en français.'),
    });
    first.close();
    const second = open(dir);
    expect(second.services.articles.list(10).map((x) => x.headline)).toEqual([
      '« Guillemets » et accents : éèêëàç',
    ]);
    expect(second.services.articles.get(a.id).body).toEqual(body('قال المتحدث. Puis en français.'));
    second.close();
  });
});
