import { EditorState, TextSelection, type Transaction } from '@tiptap/pm/state';
import { undo, history } from '@tiptap/pm/history';
import { describe, expect, it } from 'vitest';
import type { BodyDoc } from '../../../src/shared/domain/article';
import type { PersonRef } from '../../../src/shared/domain/people';
import { bodySchema } from '../../../src/shared/editor/bodySchema';
import { bodyProblem } from '../../../src/shared/editor/bodySchema';
import { hasSuggestions, suggestionAuthors } from '../../../src/shared/editor/reviewMarks';
import { decideSuggestions } from '../../../src/shared/editor/suggestions/reviewSuggestions';
import {
  plainInsertions,
  suggestTransaction,
  shouldSuggest,
} from '../../../src/shared/editor/suggestions/trackChanges';

const NADIA: PersonRef = {
  id: '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a',
  name: 'Nadia',
  initials: 'N',
  colour: '#8250df',
};
const KARIM: PersonRef = {
  id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  name: 'Karim',
  initials: 'K',
  colour: '#1a7f37',
};

let ids = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`;

function initial(text = 'Le maire a parlé hier.'): EditorState {
  const schema = bodySchema();
  const doc = schema.node('doc', null, [schema.node('paragraph', null, [schema.text(text)])]);
  return EditorState.create({ schema, doc, plugins: [history()] });
}

/** Applies an edit as suggestion mode would: the view's dispatch rewrites it first. */
function suggest(state: EditorState, person: PersonRef, edit: (tr: Transaction) => Transaction): EditorState {
  const tr = edit(state.tr);
  return state.apply(
    shouldSuggest(tr) ? suggestTransaction(state, tr, { person, now: 1000, newId: uuid }) : tr,
  );
}

/** The paragraph as runs: text and the names of its review marks. */
function runs(state: EditorState): string[] {
  const out: string[] = [];
  state.doc.firstChild!.forEach((node) => {
    const marks = node.marks.map((m) => m.type.name).filter((n) => n !== 'bold');
    const bold = node.marks.some((m) => m.type.name === 'bold') ? '*' : '';
    out.push(`${bold}${node.text}${bold}${marks.length ? `[${marks.join(',')}]` : ''}`);
  });
  return out;
}

const json = (state: EditorState) => state.doc.toJSON() as BodyDoc;

describe('suggestion mode', () => {
  it('marks typed text as an insertion by its author, one suggestion per run of typing', () => {
    let state = initial();
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 10)));
    for (const ch of 'de Lyon ') state = suggest(state, NADIA, (tr) => tr.insertText(ch));
    expect(runs(state)).toEqual(['Le maire ', 'de Lyon [suggestionInsert]', 'a parlé hier.']);
    expect(state.selection.head).toBe(18);
    const mark = state.doc.firstChild!.child(1).marks[0]!;
    expect(mark.attrs).toMatchObject({
      authorId: NADIA.id,
      authorName: 'Nadia',
      authorColour: '#8250df',
      at: 1000,
    });
    expect(bodyProblem(json(state))).toBeUndefined();
  });

  it('keeps deleted text, struck, and walks left with Backspace; deleting your own insertion removes it', () => {
    let state = initial();
    // Backspace twice at the end of "hier".
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 22)));
    for (let i = 0; i < 4; i++)
      state = suggest(state, NADIA, (tr) => tr.delete(state.selection.head - 1, state.selection.head));
    expect(runs(state)).toEqual(['Le maire a parlé ', 'hier[suggestionDelete]', '.']);
    expect(state.selection.head).toBe(18);
    state = suggest(state, NADIA, (tr) => tr.insertText('mardi'));
    expect(runs(state)).toEqual([
      'Le maire a parlé ',
      'mardi[suggestionInsert]',
      'hier[suggestionDelete]',
      '.',
    ]);
    // Deleting one's own suggested text removes it for real.
    state = suggest(state, NADIA, (tr) => tr.delete(state.selection.head - 2, state.selection.head));
    expect(runs(state)).toEqual([
      'Le maire a parlé ',
      'mar[suggestionInsert]',
      'hier[suggestionDelete]',
      '.',
    ]);
    // Someone else's insertion is not removed: it is marked deleted too.
    state = suggest(state, KARIM, (tr) => tr.delete(18, 21));
    expect(runs(state)).toEqual([
      'Le maire a parlé ',
      'mar[suggestionDelete,suggestionInsert]',
      'hier[suggestionDelete]',
      '.',
    ]);
  });

  it('replaces a selection as a deletion followed by an insertion, and keeps paragraphs when deleting across them', () => {
    let state = initial();
    state = suggest(state, NADIA, (tr) =>
      tr.setSelection(TextSelection.create(tr.doc, 4, 9)).insertText('préfet'),
    );
    expect(runs(state)).toEqual([
      'Le ',
      'maire[suggestionDelete]',
      'préfet[suggestionInsert]',
      ' a parlé hier.',
    ]);
    const schema = state.schema;
    let two = EditorState.create({
      schema,
      doc: schema.node('doc', null, [
        schema.node('paragraph', null, [schema.text('Un.')]),
        schema.node('paragraph', null, [schema.text('Deux.')]),
      ]),
    });
    two = suggest(two, NADIA, (tr) => tr.delete(3, 7));
    expect(two.doc.childCount).toBe(2);
    expect(two.doc.textContent).toBe('Un.Deux.');
    expect(hasSuggestions(json(two))).toBe(true);
  });

  it('records bold as a formatting suggestion that rejecting takes back', () => {
    let state = initial();
    state = suggest(state, NADIA, (tr) => tr.addMark(4, 9, state.schema.marks.bold!.create()));
    expect(runs(state)).toEqual(['Le ', '*maire*[suggestionFormat]', ' a parlé hier.']);
    expect(
      state.doc.firstChild!.child(1).marks.find((m) => m.type.name === 'suggestionFormat')?.attrs.added,
    ).toEqual(['bold']);
    const rejected = state.apply(decideSuggestions(state, 'reject', () => true)!);
    expect(runs(rejected)).toEqual(['Le maire a parlé hier.']);
    const accepted = state.apply(decideSuggestions(state, 'accept', () => true)!);
    expect(runs(accepted)).toEqual(['Le ', '*maire*', ' a parlé hier.']);
    // Un-bolding again cancels the suggestion.
    const back = suggest(state, NADIA, (tr) => tr.removeMark(4, 9, state.schema.marks.bold!));
    expect(runs(back)).toEqual(['Le maire a parlé hier.']);
  });

  it('accepts or rejects one suggestion, one person’s, or all', () => {
    let state = initial();
    state = suggest(state, NADIA, (tr) => tr.insertText('Lyon: ', 1));
    state = suggest(state, KARIM, (tr) => tr.delete(18, 24)); // "parlé " -> marked
    state = suggest(state, KARIM, (tr) => tr.insertText('!', state.doc.content.size - 2));
    expect(suggestionAuthors(json(state)).map((a) => a.authorName)).toEqual(['Nadia', 'Karim']);
    const byKarim = state.apply(decideSuggestions(state, 'accept', (a) => a.authorId === KARIM.id)!);
    expect(runs(byKarim)).toEqual(['Lyon: [suggestionInsert]', 'Le maire a hier!.']);
    const nadiaId = state.doc.firstChild!.child(0).marks[0]!.attrs.id as string;
    const oneRejected = state.apply(decideSuggestions(state, 'reject', (a) => a.id === nadiaId)!);
    expect(oneRejected.doc.textContent).toBe('Le maire a parlé hier!.');
    const allRejected = state.apply(decideSuggestions(state, 'reject', () => true)!);
    expect(runs(allRejected)).toEqual(['Le maire a parlé hier.']);
    expect(hasSuggestions(json(allRejected))).toBe(false);
  });

  it('accepting the deletion of a whole paragraph removes the paragraph, unless it is the only one', () => {
    const schema = bodySchema();
    const para = (text: string) => schema.node('paragraph', null, [schema.text(text)]);
    let state = EditorState.create({
      schema,
      doc: schema.node('doc', null, [para('Un.'), para('Deux, en gras.'), para('Trois.')]),
    });
    state = state.apply(state.tr.addMark(12, 16, schema.marks.bold!.create()));
    // "Deux, en gras." wholly deleted (two runs: plain and bold), and the start of "Trois." too.
    state = suggest(state, KARIM, (tr) => tr.delete(6, 20));
    state = suggest(state, KARIM, (tr) => tr.delete(22, 24));
    expect(state.doc.childCount).toBe(3);
    const accepted = state.apply(decideSuggestions(state, 'accept', () => true)!);
    expect(accepted.doc.childCount).toBe(2);
    expect(accepted.doc.textContent).toBe('Un.ois.');
    expect(bodyProblem(json(accepted))).toBeUndefined();

    let only = EditorState.create({ schema, doc: schema.node('doc', null, [para('Seul.')]) });
    only = suggest(only, KARIM, (tr) => tr.delete(1, 6));
    const kept = only.apply(decideSuggestions(only, 'accept', () => true)!);
    expect(kept.doc.childCount).toBe(1);
    expect(kept.doc.textContent).toBe('');
  });

  it('a list item whose whole text was deleted goes with its paragraph when the deletion is accepted', () => {
    const schema = bodySchema();
    const item = (text: string) =>
      schema.node('listItem', null, [schema.node('paragraph', null, [schema.text(text)])]);
    let state = EditorState.create({
      schema,
      doc: schema.node('doc', null, [
        schema.node('bulletList', null, [item('Un'), item('Deux')]),
        schema.node('paragraph', null, [schema.text('Fin.')]),
      ]),
    });
    // "Deux": the second item opens at 7, its paragraph at 8, its text runs 9..13.
    state = suggest(state, KARIM, (tr) => tr.delete(9, 13));
    const accepted = state.apply(decideSuggestions(state, 'accept', () => true)!);
    expect(accepted.doc.firstChild!.childCount).toBe(1);
    expect(accepted.doc.textContent).toBe('UnFin.');
    expect(bodyProblem(json(accepted))).toBeUndefined();
  });

  it('undoes one suggested edit at a time', () => {
    let state = initial();
    state = suggest(state, NADIA, (tr) => tr.insertText('Lyon ', 1));
    state = suggest(state, NADIA, (tr) => tr.delete(9, 14));
    expect(runs(state)).toEqual([
      'Lyon [suggestionInsert]',
      'Le ',
      'maire[suggestionDelete]',
      ' a parlé hier.',
    ]);
    let undone: EditorState = state;
    undo(state, (tr) => (undone = state.apply(tr)));
    expect(runs(undone)).toEqual(['Lyon [suggestionInsert]', 'Le maire a parlé hier.']);
  });

  it('splits a paragraph with Enter without losing text, and Backspace at the start of one’s own split joins it back', () => {
    let state = initial();
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 10)));
    state = suggest(state, NADIA, (tr) => tr.split(10));
    expect(state.doc.childCount).toBe(2);
    expect(state.doc.textContent).toBe('Le maire a parlé hier.');
    expect(state.selection.$head.parentOffset).toBe(0);
    const start = state.selection.head;
    state = suggest(state, NADIA, (tr) => tr.delete(start - 2, start));
    expect(state.doc.childCount).toBe(1);
    expect(state.doc.toJSON()).toEqual(initial().doc.toJSON());
    expect(state.selection.head).toBe(start - 2);
  });

  it('with suggestion mode off, text typed inside someone’s suggestion is plain: it never stretches theirs', () => {
    let state = initial();
    state = suggest(state, NADIA, (tr) => tr.insertText('Lyon ', 1));
    state = state.apply(plainInsertions(state.tr.insertText('X', 3)));
    expect(runs(state)).toEqual([
      'Ly[suggestionInsert]',
      'X',
      'on [suggestionInsert]',
      'Le maire a parlé hier.',
    ]);
  });

  it('leaves editing alone when suggestion mode is off', () => {
    const state = initial();
    const next = state.apply(state.tr.delete(4, 10));
    expect(runs(next)).toEqual(['Le a parlé hier.']);
  });
});
