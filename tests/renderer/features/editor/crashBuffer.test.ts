import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { Article, BodyDoc, PmNode } from '../../../../src/shared/domain/article';
import type { Draft } from '../../../../src/renderer/features/editor/autosaver';
import { crashBuffer } from '../../../../src/renderer/features/editor/crashBuffer';

/** The renderer's storage as the browser keeps it: strings by key (what survives the process). */
const kept = new Map<string, string>();
const localStorage = {
  getItem: (key: string) => kept.get(key) ?? null,
  setItem: (key: string, value: string) => void kept.set(key, value),
  removeItem: (key: string) => void kept.delete(key),
  get length() {
    return kept.size;
  },
  key: (i: number) => [...kept.keys()][i] ?? null,
};

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('window', { localStorage });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  kept.clear();
});

const para = (text: string): PmNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const doc = (...texts: string[]): BodyDoc => ({ type: 'doc', content: texts.map(para) });
const draftOf = (body: BodyDoc, headline = 'Titre'): Draft => ({ headline, body }) as unknown as Draft;
/** The article as the store answers after a restart: parsed again, other objects than the ones typed. */
const storeHas = (revision: number, body: BodyDoc): Article =>
  ({ revision, body: JSON.parse(JSON.stringify(body)) }) as Article;
const texts = (body: BodyDoc | undefined): string[] =>
  (body?.content ?? []).map((block) => (block.content ?? []).map((n) => n.text ?? '').join(''));

/** Types `body` as the editor store does: each change kept, written at most every 200 ms. */
function typeBody(id: string, revision: number, body: BodyDoc, at = Date.now()): void {
  crashBuffer.keep({ id, baseRevision: revision, draft: draftOf(body), at });
  vi.advanceTimersByTime(250);
}

/** This article's copies written while typing: one key per window (`redac:unsaved:<id>:<window>`). */
const copyKeys = (id: string): string[] => [...kept.keys()].filter((k) => k.startsWith(`redac:unsaved:${id}:`));
const wholeKeys = (id: string): string[] =>
  [...kept.keys()].filter((k) => k.startsWith(`redac:unsaved-whole:${id}:`));

it('writes the whole copy only once typing pauses, never per change', () => {
  const id = 'pause';
  crashBuffer.setBase(id, 3, doc('Un', 'Deux'));
  for (let i = 0; i < 8; i++) typeBody(id, 3, doc('Un', `Deux ${'x'.repeat(i)}`));
  // Eight changes 250 ms apart: no pause, so only the difference copy exists.
  expect(wholeKeys(id)).toHaveLength(0);
  expect(copyKeys(id)).toHaveLength(1);
  vi.advanceTimersByTime(1000);
  expect(wholeKeys(id)).toHaveLength(1);
});

it('rebuilds on the whole copy when another window saved over the body the copy was written on', () => {
  const id = 'race';
  crashBuffer.setBase(id, 3, doc('Un', 'Deux'));
  typeBody(id, 3, doc('Un', 'Deux, tapé'));
  vi.advanceTimersByTime(1000); // a pause: the whole copy
  // Saved and acknowledged as revision 4; the whole copy stays, the difference copy goes.
  crashBuffer.setBase(id, 4, doc('Un', 'Deux, tapé'));
  crashBuffer.forget(id);
  typeBody(id, 4, doc('Un', 'Deux, tapé', 'Trois, tapé ensuite'));
  // Another tab saved revision 5 over it (its own body), then this process died before noticing.
  const recovered = crashBuffer.read(id, storeHas(5, doc('Un', 'Deux, par B')));
  expect(recovered?.partial).toBeUndefined();
  expect(recovered?.baseRevision).toBe(4);
  expect(texts(recovered?.draft.body)).toEqual(['Un', 'Deux, tapé', 'Trois, tapé ensuite']);
});

it('still rebuilds on the store when it holds the body, and prefers that newest copy to the whole one', () => {
  const id = 'plain';
  crashBuffer.setBase(id, 7, doc('Un'));
  typeBody(id, 7, doc('Un', 'Deux'), 1000);
  vi.advanceTimersByTime(1000);
  typeBody(id, 7, doc('Un', 'Deux', 'Trois'), 2000);
  const recovered = crashBuffer.read(id, storeHas(7, doc('Un')));
  expect(recovered?.at).toBe(2000);
  expect(texts(recovered?.draft.body)).toEqual(['Un', 'Deux', 'Trois']);
});

it('offers what a copy holds when nothing rebuilds it, after the store body, never dropping it', () => {
  const id = 'lost';
  crashBuffer.setBase(id, 2, doc('Un', 'Deux'));
  typeBody(id, 2, doc('Un', 'Deux, tapé sans pause'));
  // No pause, so no whole copy; the store moved on.
  const recovered = crashBuffer.read(id, storeHas(3, doc('Un', 'Deux, par B')));
  expect(recovered?.partial).toBe(true);
  expect(recovered?.draft.headline).toBe('Titre');
  expect(texts(recovered?.draft.body)).toEqual(['Un', 'Deux, par B', 'Deux, tapé sans pause']);
});

it('finds nothing to recover when only the whole copy is left (the store has the draft)', () => {
  const id = 'clean';
  crashBuffer.setBase(id, 1, doc('Un'));
  typeBody(id, 1, doc('Un', 'Deux'));
  vi.advanceTimersByTime(1000);
  crashBuffer.forget(id);
  expect(wholeKeys(id)).toHaveLength(1);
  expect(crashBuffer.read(id, storeHas(2, doc('Un', 'Deux')))).toBeUndefined();
  // Leaving the article with nothing unsaved takes its whole copy away too.
  crashBuffer.release(id);
  expect(wholeKeys(id)).toHaveLength(0);
});

it('on starting, takes away whole copies of windows gone for a day that no copy rests on', async () => {
  const dayAgo = (Date.now() - 25 * 60 * 60 * 1000).toString(36);
  const minuteAgo = (Date.now() - 60 * 1000).toString(36);
  kept.set(`redac:unsaved-whole:a1:${dayAgo}.old`, '{}');
  kept.set(`redac:unsaved-whole:a2:${dayAgo}.old`, '{}');
  kept.set('redac:unsaved:a2', '{}');
  kept.set(`redac:unsaved-whole:a3:${minuteAgo}.live`, '{}');
  vi.resetModules();
  await import('../../../../src/renderer/features/editor/crashBuffer');
  expect([...kept.keys()].sort()).toEqual(
    [
      'redac:unsaved:a2',
      `redac:unsaved-whole:a2:${dayAgo}.old`,
      `redac:unsaved-whole:a3:${minuteAgo}.live`,
    ].sort(),
  );
});

/** Another tab or window: the same storage, its own module state and window id. */
async function anotherWindow(): Promise<typeof crashBuffer> {
  vi.resetModules();
  return (await import('../../../../src/renderer/features/editor/crashBuffer')).crashBuffer;
}

it("another window's save or typing never removes nor overwrites this window's copy", async () => {
  const id = 'tabs';
  const a = await anotherWindow();
  const b = await anotherWindow();
  a.setBase(id, 3, doc('Un'));
  b.setBase(id, 3, doc('Un'));
  // A types and pauses (its whole copy and its copy are written); its save stalls.
  a.keep({ id, baseRevision: 3, draft: draftOf(doc('Un', 'Deux, par A'), 'Titre A'), at: 1000 });
  vi.advanceTimersByTime(1500);
  // B types, its save lands: B forgets its own copy only.
  b.keep({ id, baseRevision: 3, draft: draftOf(doc('Un'), 'Titre B'), at: 2000 });
  vi.advanceTimersByTime(250);
  expect(copyKeys(id)).toHaveLength(2);
  b.setBase(id, 4, doc('Un'));
  b.forget(id);
  expect(copyKeys(id)).toHaveLength(1);
  // A's host dies; a new window opens the article as B saved it and finds A's text.
  const reopened = await anotherWindow();
  const recovered = reopened.read(id, storeHas(4, doc('Un')));
  expect(recovered?.partial).toBeUndefined();
  expect(recovered?.draft.headline).toBe('Titre A');
  expect(texts(recovered?.draft.body)).toEqual(['Un', 'Deux, par A']);
  // Once saved (or given up), A's copy and the whole copy it rested on go; nothing is offered again.
  reopened.forget(id);
  expect(copyKeys(id)).toHaveLength(0);
  expect(wholeKeys(id)).toHaveLength(0);
  expect(reopened.read(id, storeHas(5, doc('Un', 'Deux, par A')))).toBeUndefined();
});

it('offers the newest of the copies two dead windows left, then the other', async () => {
  const id = 'two-dead';
  const a = await anotherWindow();
  a.setBase(id, 2, doc('Un'));
  a.keep({ id, baseRevision: 2, draft: draftOf(doc('Un', 'Ancien'), 'A'), at: 1000 });
  vi.advanceTimersByTime(250);
  const b = await anotherWindow();
  b.setBase(id, 2, doc('Un'));
  b.keep({ id, baseRevision: 2, draft: draftOf(doc('Un', 'Récent'), 'B'), at: 5000 });
  vi.advanceTimersByTime(250);
  const reopened = await anotherWindow();
  const recovered = reopened.read(id, storeHas(2, doc('Un')));
  expect(recovered?.draft.headline).toBe('B');
  expect(texts(recovered?.draft.body)).toEqual(['Un', 'Récent']);
  // Once that one is saved, the older one is offered next, never dropped unseen; then nothing is left.
  reopened.forget(id);
  const next = reopened.read(id, storeHas(3, doc('Un', 'Récent')));
  // Written against a body the store no longer holds, with no pause: offered as part, after the store's.
  expect(next?.partial).toBe(true);
  expect(texts(next?.draft.body)).toEqual(['Un', 'Récent', 'Ancien']);
  reopened.forget(id);
  expect(copyKeys(id)).toHaveLength(0);
});

it("reads the previous version's shared copy once, then takes it away with the whole copy it rested on", async () => {
  const id = 'upgrade';
  const old = await anotherWindow();
  old.setBase(id, 6, doc('Un'));
  old.keep({ id, baseRevision: 6, draft: draftOf(doc('Un', 'Avant la mise à jour')), at: 1000 });
  vi.advanceTimersByTime(1500);
  // What the previous version left: the same copy, under the key shared by every window.
  const [mine] = copyKeys(id);
  kept.set(`redac:unsaved:${id}`, kept.get(mine!)!);
  kept.delete(mine!);
  const upgraded = await anotherWindow();
  const recovered = upgraded.read(id, storeHas(7, doc('Un', 'Par un autre')));
  expect(recovered?.partial).toBeUndefined();
  expect(texts(recovered?.draft.body)).toEqual(['Un', 'Avant la mise à jour']);
  upgraded.forget(id);
  expect(kept.has(`redac:unsaved:${id}`)).toBe(false);
  expect(wholeKeys(id)).toHaveLength(0);
});

it("on starting, keeps a gone window's whole copy while that window's copy rests on it", async () => {
  const dayAgo = (Date.now() - 25 * 60 * 60 * 1000).toString(36);
  kept.set(`redac:unsaved-whole:b1:${dayAgo}.dead`, '{}');
  kept.set(`redac:unsaved:b1:${dayAgo}.dead`, '{}');
  // Another window's copy of the same article does not rest on it.
  kept.set(`redac:unsaved-whole:b2:${dayAgo}.dead`, '{}');
  kept.set(`redac:unsaved:b2:${dayAgo}.other`, '{}');
  await anotherWindow();
  expect([...kept.keys()].sort()).toEqual(
    [
      `redac:unsaved-whole:b1:${dayAgo}.dead`,
      `redac:unsaved:b1:${dayAgo}.dead`,
      `redac:unsaved:b2:${dayAgo}.other`,
    ].sort(),
  );
});

it("leaves a live window's copy alone when recovery here did not take it", async () => {
  const id = 'live';
  const b = await anotherWindow();
  b.setBase(id, 1, doc('Un'));
  b.keep({ id, baseRevision: 1, draft: draftOf(doc('Un', 'Par B, en attente')), at: 1000 });
  vi.advanceTimersByTime(1500);
  // This window opens the article: it reads B's copy, learns B holds the draft, and leaves it.
  const here = await anotherWindow();
  expect(here.read(id, storeHas(1, doc('Un')))).toBeDefined();
  here.leave(id);
  // This window types and saves its own text: B's copy (and its whole copy) stay.
  here.setBase(id, 1, doc('Un'));
  here.keep({ id, baseRevision: 1, draft: draftOf(doc('Un', 'Ici')), at: 2000 });
  vi.advanceTimersByTime(250);
  here.setBase(id, 2, doc('Un', 'Ici'));
  here.forget(id);
  expect(copyKeys(id)).toHaveLength(1);
  expect(texts((await anotherWindow()).read(id, storeHas(2, doc('Un', 'Ici')))?.draft.body)).toEqual([
    'Un',
    'Par B, en attente',
  ]);
});
