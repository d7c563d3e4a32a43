import { describe, expect, it } from 'vitest';
import { emptyFields } from '../../../src/main/articles/articleService';
import { startCore, type Core } from '../../../src/main/core/startCore';
import type { BodyDoc } from '../../../src/shared/domain/article';
import type { Thread } from '../../../src/shared/domain/comments';
import { personOf, type PersonRef } from '../../../src/shared/domain/people';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();

const KARIM: PersonRef = {
  id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  name: 'Karim',
  initials: 'K',
  colour: '#8250df',
};

/** This desk's profile: main signs every comment made here with it. */
const NADIA_PROFILE = {
  name: 'Nadia Ouali',
  initials: 'NO',
  colour: '#8250df',
};

function open(): { core: Core; dir: string; me: PersonRef } {
  const dir = tempDir();
  const core = startCore({ dataDir: dir, transport: 'host', version: 'test' });
  const me = personOf(core.services.profiles.save({ ...NADIA_PROFILE, role: 'copy_editor' }));
  return { core, dir, me };
}

const anchored = (threadId: string, before: string, quote: string, after: string): BodyDoc => ({
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: before },
        { type: 'text', text: quote, marks: [{ type: 'comment', attrs: { threadId } }] },
        { type: 'text', text: after },
      ].filter((node) => node.text !== ''),
    },
  ],
});

function saveBody(core: Core, id: string, body: BodyDoc): void {
  const article = core.services.articles.get(id);
  core.services.articles.save({
    id,
    baseRevision: article.revision,
    kind: 'explicit',
    fields: { ...emptyFields('fr'), headline: article.headline, body },
  });
}

describe('comment threads', () => {
  it('opens, answers, resolves and reopens a thread, with this desk as author', () => {
    const { core, me } = open();
    const { articles, threads } = core.services;
    const article = articles.create('fr');
    const events: string[] = [];
    core.bus.subscribe((event) => events.push(event));

    const thread = threads.create(article.id, { kind: 'body' }, 'le maire', 'Quel maire ?');
    expect(thread.comments).toEqual([expect.objectContaining({ author: me, text: 'Quel maire ?' })]);
    saveBody(core, article.id, anchored(thread.id, 'Selon ', 'le maire', ', tout va bien.'));

    const replied = threads.reply(thread.id, 'Celui de Lyon.');
    expect(replied.comments.map((c) => c.text)).toEqual(['Quel maire ?', 'Celui de Lyon.']);
    const resolved = threads.resolve(thread.id);
    expect(resolved).toMatchObject({ resolved: true, resolvedBy: me });
    expect(threads.unresolvedCount(article.id)).toBe(0);
    expect(() => threads.resolve(thread.id)).toThrow(/already resolved/);
    expect(threads.reopen(thread.id)).toMatchObject({ resolved: false, resolvedBy: null, resolvedAt: null });
    expect(threads.unresolvedCount(article.id)).toBe(1);
    expect(events.filter((e) => e === 'comments:changed')).toHaveLength(4);

    // Reopening the store finds all of it.
    core.close();
  });

  it('lists field threads first, then body threads in document order, and detached ones last', () => {
    const { core } = open();
    const { articles, threads } = core.services;
    const article = articles.create('fr');
    const late = threads.create(article.id, { kind: 'body' }, 'fin', 'Vérifier la fin');
    const early = threads.create(article.id, { kind: 'body' }, 'Début', 'Vérifier le début');
    const gone = threads.create(article.id, { kind: 'body' }, 'phrase supprimée', 'À couper');
    const headline = threads.create(article.id, { kind: 'field', field: 'headline' }, 'Titre', 'Trop long');
    const kicker = threads.create(article.id, { kind: 'field', field: 'kicker' }, 'Sur', 'Surtitre ?');
    saveBody(core, article.id, {
      type: 'doc',
      content: [
        anchored(early.id, '', 'Début', ' du texte.').content![0]!,
        anchored(late.id, 'Et la ', 'fin', '.').content![0]!,
      ],
    });
    const listed = threads.list(article.id);
    expect(listed.map((t) => t.id)).toEqual([kicker.id, headline.id, early.id, late.id, gone.id]);
    expect(listed.map((t) => t.detached)).toEqual([false, false, false, false, true]);
    // The detached thread keeps what it was about.
    expect(listed[4]?.quote).toBe('phrase supprimée');

    // Deleting the commented text detaches the thread; the thread and its comments stay.
    saveBody(core, article.id, anchored(early.id, '', 'Début', ' du texte.'));
    const after = threads.list(article.id);
    expect(after.find((t) => t.id === late.id)).toMatchObject({ detached: true, quote: 'fin' });
    expect(after.find((t) => t.id === late.id)?.comments[0]?.text).toBe('Vérifier la fin');
    core.close();
  });

  it('applies threads from another desk by id, idempotently, keeping replies made here', () => {
    const { core, me } = open();
    const { articles, threads } = core.services;
    const article = articles.create('fr');
    const local = threads.create(article.id, { kind: 'body' }, 'texte', 'Première remarque');
    const fromAfar: Thread = {
      id: '2d9e5f3c-4b6a-4c1d-9e2f-7a8b9c0d1e2f',
      anchor: { kind: 'imageCaption', mediaId: `${'ab'.repeat(32)}.jpg` },
      quote: 'Légende',
      resolved: true,
      resolvedBy: KARIM,
      resolvedAt: 5,
      comments: [
        {
          id: '3e0f6a4d-5c7b-4d2e-8f3a-8b9c0d1e2f3a',
          author: KARIM,
          at: 3,
          text: 'Crédit manquant',
        },
      ],
    };
    const sentLocal: Thread = {
      ...threads.threadsOf(article.id)[0]!,
      resolved: true,
      resolvedBy: me,
      resolvedAt: 9,
    };
    threads.applyThreads(article.id, [fromAfar, sentLocal]);
    const once = threads.threadsOf(article.id);
    threads.applyThreads(article.id, [fromAfar, sentLocal]);
    expect(threads.threadsOf(article.id)).toEqual(once);
    expect(once).toHaveLength(2);
    expect(once.find((t) => t.id === fromAfar.id)).toEqual(fromAfar);
    expect(once.find((t) => t.id === local.id)).toMatchObject({ resolved: true, resolvedAt: 9 });

    // A reply made here since is kept when the same threads arrive again.
    threads.reply(local.id, 'Réponse locale');
    threads.applyThreads(article.id, [sentLocal]);
    expect(threads.threadsOf(article.id).find((t) => t.id === local.id)?.comments).toHaveLength(2);
    // The image is not in the body: its caption thread is listed, detached.
    expect(threads.list(article.id).find((t) => t.id === fromAfar.id)?.detached).toBe(true);
    // Malformed threads change nothing.
    expect(() => threads.applyThreads(article.id, [{ ...fromAfar, comments: [] }])).toThrow();
    expect(threads.threadsOf(article.id)).toHaveLength(2);
    core.close();
  });

  it('keeps threads across a restart and never takes the author from the caller', async () => {
    const { core, dir, me } = open();
    const article = core.services.articles.create('fr');
    const thread = await core.handlers['comments:create']({
      articleId: article.id,
      anchor: { kind: 'field', field: 'standfirst' },
      quote: 'Chapô',
      text: 'À raccourcir',
    });
    core.close();
    const again = startCore({ dataDir: dir, transport: 'host', version: 'test' });
    expect(again.services.threads.list(article.id)).toEqual([{ ...thread, detached: false }]);
    expect(thread.comments[0]?.author).toEqual(me);
    again.close();
  });
});
