import { EditorState } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import type { BodyDoc } from '../../../src/shared/domain/article';
import { bodySchema } from '../../../src/shared/editor/bodySchema';
import { commentAnchors } from '../../../src/shared/editor/reviewMarks';

const T1 = '0b7e3c1a-2d4f-4e8a-9b1c-5d6e7f8a9b0c';
const T2 = '1c8f4d2b-3e5a-4f9b-8c2d-6e7f8a9b0c1d';

// "Le maire de Lyon a parlé." with T1 on "maire de Lyon" (positions 4..17) and T2 on "Lyon a" (13..19).
function start(): EditorState {
  const schema = bodySchema();
  const comment = schema.marks.comment!;
  const doc = schema.node('doc', null, [
    schema.node('paragraph', null, [schema.text('Le maire de Lyon a parlé.')]),
  ]);
  let state = EditorState.create({ schema, doc });
  state = state.apply(state.tr.addMark(4, 17, comment.create({ threadId: T1 })));
  state = state.apply(state.tr.addMark(13, 19, comment.create({ threadId: T2 })));
  return state;
}

const anchors = (state: EditorState) => Object.fromEntries(commentAnchors(state.doc.toJSON() as BodyDoc));

describe('comment anchors follow the text', () => {
  it('lets two threads cover the same words', () => {
    expect(anchors(start())).toEqual({ [T1]: 'maire de Lyon', [T2]: 'Lyon a' });
  });

  it('moves with an edit before the range', () => {
    const state = start();
    const next = state.apply(state.tr.insertText('Hier, ', 1));
    expect(anchors(next)).toEqual({ [T1]: 'maire de Lyon', [T2]: 'Lyon a' });
  });

  it('grows with text typed inside it, not with text typed at its edges', () => {
    let state = start();
    state = state.apply(state.tr.insertText('la ville de ', 13)); // inside T1, before T2
    expect(anchors(state)[T1]).toBe('maire de la ville de Lyon');
    const end = 4 + 'maire de la ville de Lyon'.length;
    state = state.apply(state.tr.insertText('!', end)); // at T1's end edge, inside T2
    state = state.apply(state.tr.insertText('M. ', 4)); // at T1's start edge
    expect(state.doc.textContent).toBe('Le M. maire de la ville de Lyon! a parlé.');
    expect(anchors(state)).toEqual({ [T1]: 'maire de la ville de Lyon', [T2]: 'Lyon! a' });
  });

  it('keeps what is left after a deletion across its edge, and is gone when all of it is deleted', () => {
    let state = start();
    state = state.apply(state.tr.delete(1, 10)); // "Le maire " gone: T1 keeps "de Lyon"
    expect(anchors(state)).toEqual({ [T1]: 'de Lyon', [T2]: 'Lyon a' });
    state = state.apply(state.tr.delete(1, 9)); // "de Lyon " gone
    expect(anchors(state)).toEqual({ [T2]: 'a' });
    state = state.apply(state.tr.delete(1, 3));
    expect(anchors(state)).toEqual({});
  });

  it('comes back with undo-like re-insertion of the same marked content', () => {
    const state = start();
    const slice = state.doc.slice(4, 17);
    const cut = state.apply(state.tr.delete(4, 17));
    expect(anchors(cut)[T1]).toBeUndefined();
    const pasted = cut.apply(cut.tr.replace(4, 4, slice));
    expect(anchors(pasted)[T1]).toBe('maire de Lyon');
  });
});
