import { history, undo } from '@tiptap/pm/history';
import type { Node as PmNode } from '@tiptap/pm/model';
import { EditorState, TextSelection, type Command, type Transaction } from '@tiptap/pm/state';
import { expect } from 'vitest';
import type { PersonRef } from '../../../../src/shared/domain/people';
import { bodySchema } from '../../../../src/shared/editor/bodySchema';
import { decideSuggestions } from '../../../../src/shared/editor/suggestions/reviewSuggestions';
import { shouldSuggest, suggestTransaction } from '../../../../src/shared/editor/suggestions/trackChanges';

/** The people, schema and editor steps the suggestion-mode tests share: a state, a command run as the view would. */
export const NADIA: PersonRef = {
  id: '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a',
  name: 'Nadia',
  initials: 'N',
  colour: '#8250df',
};
export const KARIM: PersonRef = {
  id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  name: 'Karim',
  initials: 'K',
  colour: '#1a7f37',
};

let ids = 0;
export const uuid = () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`;

export const schema = bodySchema();
export const p = (text: string, attrs: Record<string, unknown> = {}) =>
  schema.node('paragraph', attrs, text ? [schema.text(text)] : []);
export const docOf = (...blocks: PmNode[]) => schema.node('doc', null, blocks);

export function start(doc: PmNode, at: number, to = at): EditorState {
  const state = EditorState.create({ schema, doc, plugins: [history()] });
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, at, to)));
}

/** Runs a ProseMirror command as suggestion mode would: the view's dispatch rewrites it first. */
export function suggest(state: EditorState, person: PersonRef, command: Command): EditorState {
  let next = state;
  const ran = command(state, (tr: Transaction) => {
    next = state.apply(
      shouldSuggest(tr) ? suggestTransaction(state, tr, { person, now: 1000, newId: uuid }) : tr,
    );
  });
  expect(ran).toBe(true);
  return next;
}

export const decide = (state: EditorState, decision: 'accept' | 'reject', who?: PersonRef) =>
  state.apply(decideSuggestions(state, decision, (a) => !who || a.authorId === who.id)!);

export function undone(state: EditorState): EditorState {
  let back = state;
  undo(state, (tr) => (back = state.apply(tr)));
  return back;
}
