import { expect, it } from 'vitest';
import { startCore } from '../../../src/main/core/startCore';
import { walDisk } from '../../../src/main/db/durability';
import { invokeChannel } from '../../../src/main/ipc/dispatch';
import { fieldsOf } from '../../../src/shared/domain/article';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();
const quiet = { error: () => {}, warn: () => {}, info: () => {} };
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('answers a Ctrl+S only once the disk has the save, and serves other calls meanwhile', async () => {
  const core = startCore({ dataDir: tempDir(), transport: 'host', version: 'test' });
  core.services.profiles.save({
    name: 'Leïla Benali',
    initials: 'LB',
    colour: '#1f6feb',
    role: 'copy_editor',
  });
  const article = core.services.articles.create('fr');
  await pause(100); // the creation's own fsync is done: only the calls below are held
  const real = walDisk.fsync;
  const held: (() => void)[] = [];
  walDisk.fsync = ((fd: number, done: (error: NodeJS.ErrnoException | null) => void) => {
    held.push(() => real(fd, done));
  }) as typeof walDisk.fsync;
  try {
    let answered = false;
    const save = invokeChannel(
      core.handlers,
      'articles:save',
      {
        id: article.id,
        baseRevision: article.revision,
        kind: 'explicit',
        fields: { ...fieldsOf(article), headline: 'Inondations à Nîmes' },
      },
      quiet,
    ).then((result) => {
      answered = true;
      return result;
    });
    await pause(100);
    // The disk has not confirmed: no "Saved" yet, but the list and the article answer, with the new text.
    expect(answered).toBe(false);
    expect(held.length).toBeGreaterThan(0);
    const list = await invokeChannel(core.handlers, 'articles:list', { limit: 10 }, quiet);
    expect(list).toMatchObject({ ok: true, value: [{ id: article.id, headline: 'Inondations à Nîmes' }] });
    // Typing from the editor does not wait for the disk (its crash copy stays in the renderer until then).
    const typed = await invokeChannel(
      core.handlers,
      'articles:save',
      {
        id: article.id,
        baseRevision: article.revision + 1,
        kind: 'autosave',
        fields: { ...fieldsOf(article), headline: 'Inondations à Nîmes et Alès' },
      },
      quiet,
    );
    expect(typed).toMatchObject({ ok: true, value: { revision: article.revision + 2 } });
    expect(answered).toBe(false);
    held.splice(0).forEach((go) => go());
    expect(await save).toMatchObject({ ok: true, value: { revision: article.revision + 1 } });
    // A copy editor's comment is a write they wait on too.
    let commented = false;
    const comment = invokeChannel(
      core.handlers,
      'comments:create',
      { articleId: article.id, anchor: { kind: 'field', field: 'headline' }, quote: '', text: 'Source ?' },
      quiet,
    ).then((result) => {
      commented = true;
      return result;
    });
    await pause(100);
    expect(commented ? await comment : 'waiting').toBe('waiting');
    // The fsync under way began before the comment: the one after it is the comment's.
    while (!commented) {
      held.splice(0).forEach((go) => go());
      await pause(20);
    }
    expect(await comment).toMatchObject({ ok: true, value: { comments: [{ text: 'Source ?' }] } });
  } finally {
    walDisk.fsync = real;
    held.splice(0).forEach((go) => go());
    await core.close();
  }
});

it('tells the journalist when the disk did not confirm a save', async () => {
  const core = startCore({ dataDir: tempDir(), transport: 'host', version: 'test' });
  const article = core.services.articles.create('fr');
  await pause(100);
  const real = walDisk.fsync;
  walDisk.fsync = ((_fd: number, done: (error: NodeJS.ErrnoException | null) => void) =>
    done(Object.assign(new Error('i/o error'), { code: 'EIO' }))) as typeof walDisk.fsync;
  try {
    const result = await invokeChannel(
      core.handlers,
      'articles:save',
      {
        id: article.id,
        baseRevision: article.revision,
        kind: 'explicit',
        fields: { ...fieldsOf(article), headline: 'Titre' },
      },
      quiet,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'storage' } });
    if (!result.ok) expect(result.error.message).toMatch(/disk did not confirm/);
  } finally {
    walDisk.fsync = real;
    await core.close();
  }
});
