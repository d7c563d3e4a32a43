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

const wholeKeys = (id: string): string[] =>
  [...kept.keys()].filter((k) => k.startsWith(`redac:unsaved-whole:${id}:`));

it('writes the whole copy only once typing pauses, never per change', () => {
  const id = 'pause';
  crashBuffer.setBase(id, 3, doc('Un', 'Deux'));
  for (let i = 0; i < 8; i++) typeBody(id, 3, doc('Un', `Deux ${'x'.repeat(i)}`));
  // Eight changes 250 ms apart: no pause, so only the difference copy exists.
  expect(wholeKeys(id)).toHaveLength(0);
  expect(kept.get(`redac:unsaved:${id}`)).toBeDefined();
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
