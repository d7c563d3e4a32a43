import { describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../../src/main/core/startCore';
import { invokeChannel } from '../../../src/main/ipc/dispatch';
import { fieldsOf, type BodyDoc } from '../../../src/shared/domain/article';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();
const quiet = { error: () => {}, warn: () => {}, info: () => {} };

const OTHER = {
  authorId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  authorName: 'Karim',
  authorColour: '#1a7f37',
};
const S1 = '00000000-0000-4000-8000-000000000001';
const S2 = '00000000-0000-4000-8000-000000000002';
/** When the other desk made its suggestions. */
const THEN = Date.now() - 3_600_000;

function desk(): Core {
  const core = startCore({ dataDir: tempDir(), transport: 'host', version: 'test' });
  core.services.profiles.save({ name: 'Nadia Ait', initials: 'NA', colour: '#aa3300', role: 'copy_editor' });
  return core;
}

function me(core: Core) {
  const p = core.services.profiles.require();
  return { authorId: p.id, authorName: p.name, authorColour: p.colour };
}

type Mark = { type: string; attrs: Record<string, unknown> };
const suggestion = (type: string, id: string, by: object, at = Date.now() - 1000): Mark => ({
  type,
  attrs: { id, ...by, at },
});

/** "Le maire a parlé" with `marks` on "a parlé". */
function body(...marks: Mark[]): BodyDoc {
  return {
    type: 'doc',
    content: [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Le maire ' },
          { type: 'text', text: 'a parlé', ...(marks.length ? { marks } : {}) },
        ],
      },
    ],
  } as BodyDoc;
}

/** A save as the editor sends it, over the real dispatch. */
async function save(core: Core, id: string, doc: BodyDoc) {
  const current = core.services.articles.get(id);
  return invokeChannel(
    core.handlers,
    'articles:save',
    { id, baseRevision: current.revision, fields: { ...fieldsOf(current), body: doc } },
    quiet,
  );
}

/** What the store holds about an article: to prove a refusal wrote nothing. */
const stored = (core: Core, id: string) => ({
  article: core.db.prepare('SELECT * FROM articles WHERE id = ?').get(id),
  revisions: core.db.prepare('SELECT revision, kind FROM revisions WHERE article_id = ?').all(id),
});

function refused(result: Awaited<ReturnType<typeof save>>, message: RegExp): void {
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.error.code).toBe('forbidden');
    expect(result.error.message).toMatch(message);
  }
}

describe('main refuses forged review marks in what the editor saves', () => {
  it('a new suggestion signed by another person is refused and nothing is stored; signed by this desk it is saved', async () => {
    const core = desk();
    const a = core.services.articles.create('fr');
    const before = stored(core, a.id);
    refused(
      await save(core, a.id, body(suggestion('suggestionInsert', S1, OTHER))),
      /signed by this desk's profile \(Nadia Ait\), not by Karim/,
    );
    expect(stored(core, a.id)).toEqual(before);

    const ok = await save(core, a.id, body(suggestion('suggestionInsert', S1, me(core))));
    expect(ok.ok).toBe(true);
    expect(JSON.stringify(core.services.articles.get(a.id).body)).toContain(S1);
    core.close();
  });

  it('a rename is the same person: a suggestion signed under the name and colour from before it is saved; the id decides', async () => {
    const core = desk();
    const a = core.services.articles.create('fr');
    const before = me(core);
    // Settings renames the desk's person while an editor still signs with the old name.
    core.services.profiles.save({
      name: 'Nadia Ait-Ouali',
      initials: 'NAO',
      colour: '#0055aa',
      role: 'copy_editor',
    });
    expect(me(core)).toMatchObject({ authorId: before.authorId, authorName: 'Nadia Ait-Ouali' });
    const stale = await save(core, a.id, body(suggestion('suggestionInsert', S1, before)));
    expect(stale.ok).toBe(true);
    expect(JSON.stringify(core.services.articles.get(a.id).body)).toContain(S1);

    // Another person, even under this desk's current name and colour, is still refused.
    const impostor = { ...me(core), authorId: OTHER.authorId };
    const b = core.services.articles.create('fr');
    refused(
      await save(core, b.id, body(suggestion('suggestionInsert', S2, impostor))),
      /signed by this desk's profile \(Nadia Ait-Ouali\)/,
    );
    // Someone else taking the desk (a new person): the previous person's id no longer signs new suggestions.
    core.services.profiles.save({
      name: 'Karim',
      initials: 'K',
      colour: '#1a7f37',
      role: 'copy_editor',
      newPerson: true,
    });
    refused(
      await save(core, b.id, body(suggestion('suggestionInsert', S2, before))),
      /signed by this desk's profile \(Karim\), not by Nadia Ait/,
    );
    core.close();
  });

  it('a new suggestion dated in the future is refused; a small clock drift is allowed', async () => {
    const core = desk();
    const a = core.services.articles.create('fr');
    const before = stored(core, a.id);
    const later = Date.now() + 60 * 60_000;
    refused(
      await save(core, a.id, body(suggestion('suggestionDelete', S1, me(core), later))),
      /dated in the future/,
    );
    expect(stored(core, a.id)).toEqual(before);
    expect(
      (await save(core, a.id, body(suggestion('suggestionDelete', S1, me(core), Date.now() + 60_000)))).ok,
    ).toBe(true);
    core.close();
  });

  it('an edit cannot re-attribute an existing suggestion, nor reuse its id for another kind of change', async () => {
    const core = desk();
    const a = core.services.articles.create('fr');
    const at = Date.now() - 5000;
    expect((await save(core, a.id, body(suggestion('suggestionInsert', S1, me(core), at)))).ok).toBe(true);
    const before = stored(core, a.id);
    refused(
      await save(core, a.id, body(suggestion('suggestionInsert', S1, me(core), at + 1))),
      /changes who made an existing suggestion/,
    );
    refused(
      await save(
        core,
        a.id,
        body(suggestion('suggestionInsert', S1, { ...me(core), authorName: 'Quelqu’un' }, at)),
      ),
      /existing suggestion/,
    );
    // The same id as a deletion signed by someone else: a new suggestion forged under an old id.
    refused(
      await save(
        core,
        a.id,
        body(suggestion('suggestionInsert', S1, me(core), at), suggestion('suggestionDelete', S1, OTHER, at)),
      ),
      /signed by this desk's profile/,
    );
    expect(stored(core, a.id)).toEqual(before);
    core.close();
  });

  it('another desk’s suggestions arrive through a sync save; accepting or rejecting them (removing marks) is allowed, and an undo may bring one back', async () => {
    const core = desk();
    const a = core.services.articles.create('fr');
    const theirs = body(
      suggestion('suggestionInsert', S1, OTHER, THEN),
      suggestion('suggestionFormat', S2, OTHER, THEN),
    );
    const received = core.services.articles.save({
      id: a.id,
      baseRevision: a.revision,
      fields: { ...fieldsOf(a), body: theirs },
      kind: 'sync',
    });
    expect(JSON.stringify(received.body)).toContain(OTHER.authorId);
    // Editing around them keeps them as they are.
    const edited = structuredClone(theirs) as { content: { content: { text: string }[] }[] };
    edited.content[0]!.content[0]!.text = 'Le maire de Lyon ';
    expect((await save(core, a.id, edited as unknown as BodyDoc)).ok).toBe(true);
    // Accepting one, then the other.
    expect((await save(core, a.id, body(suggestion('suggestionFormat', S2, OTHER, THEN)))).ok).toBe(true);
    expect((await save(core, a.id, body())).ok).toBe(true);
    expect(JSON.stringify(core.services.articles.get(a.id).body)).not.toContain(OTHER.authorId);
    // Undo after the autosave: the suggestion comes back exactly as it was received.
    const undone = await save(core, a.id, body(suggestion('suggestionFormat', S2, OTHER, THEN)));
    expect(undone.ok).toBe(true);
    core.close();
  });

  describe('someone else’s suggestions may shrink or go, never stretch or change', () => {
    const S3 = '00000000-0000-4000-8000-000000000003';
    const bold = (by: object, added = ['bold']): Mark => ({
      type: 'suggestionFormat',
      attrs: { ...suggestion('', S2, by, THEN).attrs, added, removed: [] },
    });
    const reshaped = (by: object, was = { type: 'heading', attrs: { level: 2, dir: null }, path: [] }) => ({
      ...suggestion('', S3, by, THEN).attrs,
      was,
    });
    /** "Le maire " + `inserted` (an insertion by `by`) + " hier", a bold suggestion, and a reshaped block. */
    function reviewed(
      by: object,
      opts: { inserted?: string; before?: string; format?: Mark; block?: object; blocks?: number } = {},
    ): BodyDoc {
      const insertion = suggestion('suggestionInsert', S1, by, THEN);
      const para = (text: string, attrs?: object) => ({
        type: 'paragraph',
        ...(attrs ? { attrs: { suggestion: attrs } } : {}),
        content: [{ type: 'text', text }],
      });
      return {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: opts.before ?? 'Le maire ' },
              ...(opts.inserted === ''
                ? []
                : [{ type: 'text', text: opts.inserted ?? 'a parlé', marks: [insertion] }]),
              { type: 'text', text: ' hier', marks: [opts.format ?? bold(by)] },
            ],
          },
          ...Array.from({ length: opts.blocks ?? 1 }, () => para('Intertitre', opts.block ?? reshaped(by))),
        ],
      } as BodyDoc;
    }

    async function received(core: Core) {
      const a = core.services.articles.create('fr');
      core.services.articles.save({
        id: a.id,
        baseRevision: a.revision,
        fields: { ...fieldsOf(a), body: reviewed(OTHER) },
        kind: 'sync',
      });
      return a.id;
    }

    it('stretching an insertion over more text, or changing its text, is refused and nothing is stored', async () => {
      const core = desk();
      const id = await received(core);
      const before = stored(core, id);
      refused(
        await save(core, id, reviewed(OTHER, { before: 'Le ', inserted: 'maire a parlé' })),
        /stretches or changes a suggestion by Karim/,
      );
      refused(await save(core, id, reviewed(OTHER, { inserted: 'a menti' })), /stretches or changes/);
      expect(stored(core, id)).toEqual(before);
      // Shrinking (part of it deleted) and going (accepted) are fine; an undo may bring back what it covered.
      expect((await save(core, id, reviewed(OTHER, { inserted: 'a parl' }))).ok).toBe(true);
      expect((await save(core, id, reviewed(OTHER, { inserted: 'a parlé' }))).ok).toBe(true);
      expect((await save(core, id, reviewed(OTHER, { before: 'Le maire a parlé', inserted: '' }))).ok).toBe(
        true,
      );
      core.close();
    });

    it('a formatting or structural suggestion cannot say something else, nor spread to more blocks', async () => {
      const core = desk();
      const id = await received(core);
      const before = stored(core, id);
      refused(
        await save(core, id, reviewed(OTHER, { format: bold(OTHER, ['italic']) })),
        /stretches or changes/,
      );
      refused(
        await save(
          core,
          id,
          reviewed(OTHER, {
            block: reshaped(OTHER, { type: 'heading', attrs: { level: 3, dir: null }, path: [] }),
          }),
        ),
        /stretches or changes/,
      );
      refused(await save(core, id, reviewed(OTHER, { blocks: 2 })), /stretches or changes/);
      // Re-attributing a structural suggestion is refused like a mark's.
      refused(
        await save(core, id, reviewed(OTHER, { block: reshaped(me(core)) })),
        /signed by this desk|existing suggestion/,
      );
      expect(stored(core, id)).toEqual(before);
      // Deciding it (the block loses its suggestion) is fine.
      expect((await save(core, id, reviewed(OTHER, { blocks: 0 }))).ok).toBe(true);
      core.close();
    });

    it('a new structural suggestion must be signed by this desk; this desk’s own suggestions grow as it types', async () => {
      const core = desk();
      const a = core.services.articles.create('fr');
      const before = stored(core, a.id);
      refused(await save(core, a.id, reviewed(OTHER)), /signed by this desk's profile/);
      const split = { ...suggestion('', S3, OTHER).attrs, split: true };
      refused(
        await save(core, a.id, reviewed(me(core), { block: split })),
        /signed by this desk's profile \(Nadia Ait\), not by Karim/,
      );
      expect(stored(core, a.id)).toEqual(before);
      const mine = { ...suggestion('', S3, me(core), THEN).attrs, split: true };
      expect((await save(core, a.id, reviewed(me(core), { inserted: 'a', block: mine }))).ok).toBe(true);
      expect(
        (await save(core, a.id, reviewed(me(core), { inserted: 'a parlé mardi', block: mine }))).ok,
      ).toBe(true);
      core.close();
    });
  });

  it('an embed or rule suggested inserted or deleted must be signed by this desk, and keeps its author', async () => {
    const core = desk();
    const a = core.services.articles.create('fr');
    const atoms = (by: object, kind: 'inserted' | 'deleted', at = Date.now() - 1000): BodyDoc =>
      ({
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'Le maire a parlé' }] },
          {
            type: 'embed',
            attrs: {
              provider: 'youtube',
              url: 'https://www.youtube.com/watch?v=abc123',
              suggestion: { id: S1, ...by, at, [kind]: true },
            },
          },
          { type: 'horizontalRule', attrs: { suggestion: { id: S2, ...by, at, [kind]: true } } },
        ],
      }) as BodyDoc;
    const before = stored(core, a.id);
    refused(
      await save(core, a.id, atoms(OTHER, 'inserted')),
      /signed by this desk's profile \(Nadia Ait\), not by Karim/,
    );
    refused(await save(core, a.id, atoms(OTHER, 'deleted')), /signed by this desk's profile/);
    expect(stored(core, a.id)).toEqual(before);

    const at = Date.now() - 5000;
    expect((await save(core, a.id, atoms(me(core), 'deleted', at))).ok).toBe(true);
    expect(JSON.stringify(core.services.articles.get(a.id).body)).toContain('"deleted":true');
    const saved = stored(core, a.id);
    // Re-attributing it, or turning the suggested deletion into an insertion, is refused.
    refused(await save(core, a.id, atoms(OTHER, 'deleted', at)), /signed by this desk|existing suggestion/);
    refused(
      await save(core, a.id, atoms(me(core), 'deleted', at + 1)),
      /changes who made an existing suggestion/,
    );
    expect(stored(core, a.id)).toEqual(saved);
    core.close();
  });

  it('the editor cannot claim a sync save to slip marks past the check', async () => {
    const core = desk();
    const a = core.services.articles.create('fr');
    const result = await invokeChannel(
      core.handlers,
      'articles:save',
      {
        id: a.id,
        baseRevision: a.revision,
        fields: { ...fieldsOf(a), body: body(suggestion('suggestionInsert', S1, OTHER)) },
        kind: 'sync',
      },
      quiet,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('invalid_input');
    expect(JSON.stringify(core.services.articles.get(a.id).body)).not.toContain(S1);
    core.close();
  });

  it('a new comment anchor must name a body thread of this article', async () => {
    const core = desk();
    const a = core.services.articles.create('fr');
    const b = core.services.articles.create('fr');
    const before = stored(core, a.id);
    const anchor = (threadId: string): Mark => ({ type: 'comment', attrs: { threadId } });
    refused(
      await save(core, a.id, body(anchor('7d6c5b4a-0000-4000-8000-000000000009'))),
      /thread this article does not have/,
    );
    const elsewhere = core.services.threads.create(b.id, { kind: 'body' }, 'a parlé', 'Sur l’autre article.');
    refused(await save(core, a.id, body(anchor(elsewhere.id))), /thread this article does not have/);
    const field = core.services.threads.create(
      a.id,
      { kind: 'field', field: 'headline' },
      'Titre',
      'Trop long.',
    );
    refused(await save(core, a.id, body(anchor(field.id))), /thread this article does not have/);
    expect(stored(core, a.id)).toEqual(before);

    const thread = core.services.threads.create(a.id, { kind: 'body' }, 'a parlé', 'Quand exactement ?');
    expect((await save(core, a.id, body(anchor(thread.id)))).ok).toBe(true);
    expect(core.services.threads.list(a.id).find((t) => t.id === thread.id)).toMatchObject({
      detached: false,
    });
    core.close();
  });

  it('plain editing needs no profile', async () => {
    const core = startCore({ dataDir: tempDir(), transport: 'host', version: 'test' });
    const a = core.services.articles.create('fr');
    expect((await save(core, a.id, body())).ok).toBe(true);
    core.close();
  });
});
