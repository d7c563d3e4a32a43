import { expect, it } from 'vitest';
import { startCore } from '../../../src/main/core/startCore';
import { invokeChannel } from '../../../src/main/ipc/dispatch';
import { fieldsOf, type BodyDoc } from '../../../src/shared/domain/article';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();
const quiet = { error: () => {}, warn: () => {}, info: () => {} };

const body = (...paragraphs: string[]): BodyDoc => ({
  type: 'doc',
  content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

it('articles:save answers with the stored article less the body it was sent; the store has that body', async () => {
  const core = startCore({ dataDir: tempDir(), transport: 'host', version: 'test' });
  const taken = core.services.articles.create('fr');
  core.services.articles.save({
    id: taken.id,
    baseRevision: 1,
    fields: { ...fieldsOf(taken), headline: 'Météo', slug: 'meteo' },
  });
  const created = core.services.articles.create('fr');
  const sent = body('Il pleut sur Lyon.', 'Demain, du soleil.');

  const result = await invokeChannel(
    core.handlers,
    'articles:save',
    {
      id: created.id,
      baseRevision: created.revision,
      fields: { ...fieldsOf(created), headline: 'Météo', slug: 'meteo', body: sent },
    },
    quiet,
  );

  expect(result.ok).toBe(true);
  if (!result.ok) return;
  expect(result.value).not.toHaveProperty('body');
  // What the editor needs from the answer: the new revision and what main decided (the unique slug).
  expect(result.value).toMatchObject({ id: created.id, revision: 2, headline: 'Météo', slug: 'meteo-2' });
  expect(core.services.articles.get(created.id).body).toEqual(sent);
});
