import { history, undo } from '@tiptap/pm/history';
import type { Node as PmNode } from '@tiptap/pm/model';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { bodyToHtml } from '../../../../src/main/content/bodyHtml';
import { articleHtml } from '../../../../src/main/publishing/articleHtml';
import type { BodyDoc } from '../../../../src/shared/domain/article';
import type { PersonRef } from '../../../../src/shared/domain/people';
import { bodyProblem, bodySchema } from '../../../../src/shared/editor/bodySchema';
import { hasSuggestions } from '../../../../src/shared/editor/reviewMarks';
import { decideSuggestions } from '../../../../src/shared/editor/suggestions/reviewSuggestions';
import { shouldSuggest, suggestTransaction } from '../../../../src/shared/editor/suggestions/trackChanges';

const NADIA: PersonRef = {
  id: '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a',
  name: 'Nadia',
  initials: 'N',
  colour: '#8250df',
};

let ids = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`;
const schema = bodySchema();
const link = (href: string) => schema.marks.link!.create({ href });

/** "Lire le rapport du maire." with "le rapport" (4..14) linked to `href` when given. */
function start(href?: string): EditorState {
  const text = href
    ? [schema.text('Lire '), schema.text('le rapport', [link(href)]), schema.text(' du maire.')]
    : [schema.text('Lire le rapport du maire.')];
  const doc = schema.node('doc', null, [schema.node('paragraph', null, text)]);
  return EditorState.create({ schema, doc, plugins: [history()] });
}

function suggest(state: EditorState, edit: (tr: Transaction) => Transaction): EditorState {
  const tr = edit(state.tr);
  return state.apply(
    shouldSuggest(tr) ? suggestTransaction(state, tr, { person: NADIA, now: 1000, newId: uuid }) : tr,
  );
}

const decide = (state: EditorState, decision: 'accept' | 'reject') =>
  state.apply(decideSuggestions(state, decision, () => true)!);

function undone(state: EditorState): EditorState {
  let back = state;
  undo(state, (tr) => (back = state.apply(tr)));
  return back;
}

/** The href on "le rapport", and the suggested link change there. */
function linkOn(doc: PmNode): { href: unknown; change: unknown } {
  const node = doc.nodeAt(7)!;
  return {
    href: node.marks.find((m) => m.type.name === 'link')?.attrs.href ?? null,
    change: node.marks.find((m) => m.type.name === 'suggestionFormat')?.attrs.link ?? null,
  };
}

function outcomes(original: EditorState, suggested: EditorState, acceptedHref: string | null): void {
  const body = suggested.doc.toJSON() as BodyDoc;
  expect(bodyProblem(body)).toBeUndefined();
  expect(hasSuggestions(body)).toBe(true);
  expect(decide(suggested, 'reject').doc.toJSON()).toEqual(original.doc.toJSON());
  const accepted = decide(suggested, 'accept');
  expect(linkOn(accepted.doc)).toEqual({ href: acceptedHref, change: null });
  expect(hasSuggestions(accepted.doc.toJSON() as BodyDoc)).toBe(false);
  expect(undone(suggested).doc.toJSON()).toEqual(original.doc.toJSON());
  // The site gets the link as it was before the suggestion, and no trace of it.
  const { bodyHtml } = articleHtml({ headline: 'T', standfirst: '', body, language: 'fr' });
  expect(bodyHtml).toBe(bodyToHtml(original.doc.toJSON() as BodyDoc).replace('<p>', '<p dir="auto">'));
  expect(bodyHtml).not.toMatch(/data-suggestion|suggestion/);
}

describe('link suggestions', () => {
  it('adding a link is a suggested change carrying the new address', () => {
    const original = start();
    const linked = suggest(original, (tr) => tr.addMark(6, 16, link('https://example.org/rapport')));
    expect(linkOn(linked.doc)).toEqual({
      href: 'https://example.org/rapport',
      change: { before: null, after: expect.objectContaining({ href: 'https://example.org/rapport' }) },
    });
    outcomes(original, linked, 'https://example.org/rapport');
  });

  it('editing a link’s address keeps the old one, which rejecting puts back', () => {
    const original = start('https://example.org/old');
    const first = suggest(original, (tr) => tr.addMark(6, 16, link('https://example.org/new')));
    expect(linkOn(first.doc).change).toEqual({
      before: expect.objectContaining({ href: 'https://example.org/old' }),
      after: expect.objectContaining({ href: 'https://example.org/new' }),
    });
    outcomes(original, first, 'https://example.org/new');
    // Edited twice: still one suggestion from the first address; one undo takes back the second edit only.
    const twice = suggest(first, (tr) => tr.addMark(6, 16, link('https://example.org/newer')));
    expect(decide(twice, 'reject').doc.toJSON()).toEqual(original.doc.toJSON());
    expect(linkOn(decide(twice, 'accept').doc).href).toBe('https://example.org/newer');
    expect(undone(twice).doc.toJSON()).toEqual(first.doc.toJSON());
    // Put back as it was: no suggestion left.
    const back = suggest(twice, (tr) => tr.addMark(6, 16, link('https://example.org/old')));
    expect(back.doc.toJSON()).toEqual(original.doc.toJSON());
  });

  it('removing a link is a suggestion that rejecting undoes', () => {
    const original = start('https://example.org/old');
    const removed = suggest(original, (tr) => tr.removeMark(6, 16, schema.marks.link!));
    expect(linkOn(removed.doc)).toEqual({
      href: null,
      change: { before: expect.objectContaining({ href: 'https://example.org/old' }), after: null },
    });
    outcomes(original, removed, null);
  });

  it('a suggested link change to a forbidden address is not a valid body', () => {
    const original = start();
    const linked = suggest(original, (tr) => tr.addMark(6, 16, link('https://example.org/')));
    const body = JSON.parse(
      JSON.stringify(linked.doc.toJSON()).replace('"before":null', '"before":{"href":"javascript:alert(1)"}'),
    ) as BodyDoc;
    expect(bodyProblem(body)).toMatch(/link/);
  });
});
