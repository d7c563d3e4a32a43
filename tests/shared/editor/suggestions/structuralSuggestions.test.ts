import { joinBackward, joinForward, lift, setBlockType, splitBlock, wrapIn } from '@tiptap/pm/commands';
import type { Node as PmNode } from '@tiptap/pm/model';
import { liftListItem, wrapInList } from '@tiptap/pm/schema-list';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import type { BodyDoc } from '../../../../src/shared/domain/article';
import { bodyProblem } from '../../../../src/shared/editor/bodySchema';
import { compactBlockJson } from '../../../../src/shared/editor/extensions/blockSuggestion';
import {
  hasSuggestions,
  publishableBody,
  suggestionAuthors,
} from '../../../../src/shared/editor/reviewMarks';
import { KARIM, NADIA, decide, docOf, p, schema, start, suggest, undone } from './support';

const h = (level: number, text: string) => schema.node('heading', { level }, [schema.text(text)]);
const ul = (...items: PmNode[][]) =>
  schema.node(
    'bulletList',
    null,
    items.map((content) => schema.node('listItem', null, content)),
  );
const quote = (...blocks: PmNode[]) => schema.node('blockquote', null, blocks);

const json = (state: EditorState) => state.doc.toJSON() as BodyDoc;
/** Where the text `needle` starts (inside its block). */
function at(doc: PmNode, needle: string): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found < 0 && node.isText && node.text!.includes(needle)) found = pos + node.text!.indexOf(needle);
    return found < 0;
  });
  if (found < 0) throw new Error(`no ${needle}`);
  return found;
}

/** Every suggestion facet on the document's text blocks, in order. */
function facets(state: EditorState): string[] {
  const out: string[] = [];
  state.doc.descendants((node) => {
    const s = node.attrs.suggestion as Record<string, unknown> | null | undefined;
    if (s)
      out.push(
        `${node.textContent}:${['split', 'join', 'was', 'inserted'].filter((k) => s[k]).join('+')}:${String(s.authorName)}`,
      );
    return true;
  });
  return out;
}

/** Checks the three outcomes of one structural suggestion: reject, accept, undo. */
function outcomes(original: EditorState, suggested: EditorState, accepted: PmNode): void {
  expect(bodyProblem(json(suggested))).toBeUndefined();
  expect(hasSuggestions(json(suggested))).toBe(true);
  const rejected = decide(suggested, 'reject');
  expect(rejected.doc.toJSON()).toEqual(original.doc.toJSON());
  const taken = decide(suggested, 'accept');
  expect(taken.doc.toJSON()).toEqual(accepted.toJSON());
  expect(hasSuggestions(json(taken))).toBe(false);
  expect(undone(suggested).doc.toJSON()).toEqual(original.doc.toJSON());
  // Undoing a decision brings the suggestion back as it was.
  expect(undone(rejected).doc.toJSON()).toEqual(suggested.doc.toJSON());
  expect(undone(taken).doc.toJSON()).toEqual(suggested.doc.toJSON());
  // The published body is the text as it was: the structural suggestion is not taken.
  expect(publishableBody(json(suggested))).toEqual(compactBlockJson(json(original)));
}

describe('structural suggestions', () => {
  it('Enter splits the paragraph as a suggestion: rejecting joins it back exactly, with no stray character', () => {
    const original = start(docOf(p('Le maire a parlé hier.', { dir: 'rtl' })), 10);
    const split = suggest(original, NADIA, splitBlock);
    expect(split.doc.childCount).toBe(2);
    expect(facets(split)).toEqual(['a parlé hier.:split:Nadia']);
    expect(split.selection.$head.parentOffset).toBe(0);
    // ProseMirror's own splitBlock copies the direction (the editor's keeps it on the first half only).
    outcomes(original, split, docOf(p('Le maire ', { dir: 'rtl' }), p('a parlé hier.', { dir: 'rtl' })));
    expect(decide(split, 'reject').doc.textContent).toBe('Le maire a parlé hier.');
  });

  it('Enter at the end of a heading suggests a new paragraph; text typed in it is an insertion of the same edit chain', () => {
    const original = start(docOf(h(2, 'Titre'), p('Texte.')), 6);
    let state = suggest(original, NADIA, splitBlock);
    expect(state.doc.child(1).type.name).toBe('paragraph');
    state = suggest(state, NADIA, (s, dispatch) => {
      dispatch?.(s.tr.insertText('Nouveau'));
      return true;
    });
    expect(facets(state)).toEqual(['Nouveau:split:Nadia']);
    expect(decide(state, 'reject').doc.toJSON()).toEqual(original.doc.toJSON());
    expect(decide(state, 'accept').doc.toJSON()).toEqual(
      docOf(h(2, 'Titre'), p('Nouveau'), p('Texte.')).toJSON(),
    );
  });

  it('Backspace at a paragraph’s start and Delete at its end suggest a join: nothing moves until it is accepted', () => {
    const original = start(docOf(p('Un.'), p('Deux.')), 6);
    const joined = suggest(original, KARIM, joinBackward);
    expect(joined.doc.childCount).toBe(2);
    expect(facets(joined)).toEqual(['Deux.:join:Karim']);
    // The caret goes to the end of the paragraph before, so the next Backspace deletes its text.
    expect(joined.selection.head).toBe(4);
    outcomes(original, joined, docOf(p('Un.Deux.')));

    const forward = suggest(start(docOf(p('Un.'), p('Deux.')), 4), KARIM, joinForward);
    expect(facets(forward)).toEqual(['Deux.:join:Karim']);
    expect(decide(forward, 'accept').doc.toJSON()).toEqual(docOf(p('Un.Deux.')).toJSON());
  });

  it('a deletion across two paragraphs suggests their join too: accepting leaves one paragraph', () => {
    const original = start(docOf(p('Un deux.'), p('Trois quatre.')), 4, 17);
    const deleted = suggest(original, KARIM, (s, dispatch) => {
      dispatch?.(s.tr.deleteSelection());
      return true;
    });
    expect(deleted.doc.textContent).toBe('Un deux.Trois quatre.');
    expect(facets(deleted)).toEqual(['Trois quatre.:join:Karim']);
    expect(decide(deleted, 'accept').doc.toJSON()).toEqual(docOf(p('Un quatre.')).toJSON());
    expect(decide(deleted, 'reject').doc.toJSON()).toEqual(original.doc.toJSON());
  });

  it('a paragraph made a heading keeps what it was: rejecting restores its type and attributes', () => {
    const original = start(docOf(p('Intertitre', { dir: 'rtl' }), p('Texte.')), 3);
    const heading = suggest(original, NADIA, setBlockType(schema.nodes.heading!, { level: 2 }));
    expect(heading.doc.firstChild!.type.name).toBe('heading');
    expect(facets(heading)).toEqual(['Intertitre:was:Nadia']);
    outcomes(original, heading, docOf(h(2, 'Intertitre'), p('Texte.')));
    // A second change keeps the first shape; changing it back clears the suggestion.
    const h3 = suggest(heading, NADIA, setBlockType(schema.nodes.heading!, { level: 3 }));
    expect(decide(h3, 'reject').doc.toJSON()).toEqual(original.doc.toJSON());
    const back = suggest(h3, NADIA, setBlockType(schema.nodes.paragraph!, { dir: 'rtl' }));
    expect(back.doc.toJSON()).toEqual(original.doc.toJSON());
    expect(hasSuggestions(json(back))).toBe(false);
  });

  it('wrapping paragraphs in a list is suggested; rejecting lifts them out exactly', () => {
    const original = start(docOf(p('Avant.'), p('Un'), p('Deux'), p('Après.')), 9, 13);
    const listed = suggest(original, NADIA, wrapInList(schema.nodes.bulletList!));
    expect(listed.doc.child(1).type.name).toBe('bulletList');
    expect(facets(listed)).toEqual(['Un:was:Nadia', 'Deux:was:Nadia']);
    outcomes(original, listed, docOf(p('Avant.'), ul([p('Un')], [p('Deux')]), p('Après.')));
  });

  it('lifting an item out of the middle of a list is suggested; rejecting puts it back in one list', () => {
    const original = start(
      docOf(ul([p('Un')], [p('Deux')], [p('Trois')])),
      at(docOf(ul([p('Un')], [p('Deux')], [p('Trois')])), 'Deux') + 1,
    );
    const lifted = suggest(original, KARIM, liftListItem(schema.nodes.listItem!));
    expect(lifted.doc.childCount).toBe(3);
    expect(facets(lifted)).toEqual(['Deux:was:Karim']);
    outcomes(original, lifted, docOf(ul([p('Un')]), p('Deux'), ul([p('Trois')])));
  });

  it('a list item of two paragraphs lifted out goes back whole; a second paragraph lifted alone goes back inside its item', () => {
    const doc = docOf(ul([p('Un'), p('suite')], [p('Deux')]));
    const original = start(doc, at(doc, 'suite') + 1);
    const lifted = suggest(original, KARIM, liftListItem(schema.nodes.listItem!));
    expect(facets(lifted)).toEqual(['Un:was:Karim', 'suite:was:Karim']);
    expect(decide(lifted, 'reject').doc.toJSON()).toEqual(original.doc.toJSON());

    const alone = suggest(original, KARIM, lift);
    expect(facets(alone)).toEqual(['suite:was:Karim']);
    expect(decide(alone, 'reject').doc.toJSON()).toEqual(original.doc.toJSON());
  });

  it('wrapping in a quote and lifting out of one are suggested and rejected exactly', () => {
    const original = start(docOf(p('Un.'), p('Cité.')), 6);
    const quoted = suggest(original, NADIA, wrapIn(schema.nodes.blockquote!));
    outcomes(original, quoted, docOf(p('Un.'), quote(p('Cité.'))));

    const doc = docOf(quote(p('Un.'), p('Deux.'), p('Trois.')));
    const inQuote = start(doc, at(doc, 'Deux') + 1);
    const out = suggest(inQuote, NADIA, lift);
    expect(facets(out)).toEqual(['Deux.:was:Nadia']);
    outcomes(inQuote, out, docOf(quote(p('Un.')), p('Deux.'), quote(p('Trois.'))));
  });

  it('a pull quote made from selected words is suggested: rejecting removes it and keeps the words', () => {
    const original = start(docOf(p('Il a dit : « Nous tiendrons. » Puis il est parti.')), 12, 31);
    const quoted = (text: string) =>
      schema.node('pullQuote', null, [
        schema.node('pullQuoteText', null, [schema.text(text)]),
        schema.node('pullQuoteAttribution'),
      ]);
    const suggested = suggest(original, NADIA, (s, dispatch) => {
      const { from, to } = s.selection;
      dispatch?.(s.tr.replaceRangeWith(from, to, quoted(s.doc.textBetween(from, to))));
      return true;
    });
    expect(suggested.doc.textContent).toContain('« Nous tiendrons. »« Nous tiendrons. »');
    expect(facets(suggested)).toEqual([
      '« Nous tiendrons. »:inserted:Nadia',
      ':inserted:Nadia',
      ' Puis il est parti.:split:Nadia',
    ]);
    expect(bodyProblem(json(suggested))).toBeUndefined();
    expect(decide(suggested, 'reject').doc.toJSON()).toEqual(original.doc.toJSON());
    const accepted = decide(suggested, 'accept');
    expect(hasSuggestions(json(accepted))).toBe(false);
    expect(accepted.doc.child(1).type.name).toBe('pullQuote');
    expect(accepted.doc.textContent).toBe('Il a dit : « Nous tiendrons. » Puis il est parti.');
  });

  it('decides one person’s structural suggestions apart from another’s', () => {
    const original = start(docOf(p('Un deux'), p('Trois')), 4);
    let state = suggest(original, NADIA, splitBlock);
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, at(state.doc, 'Trois') + 1)));
    state = suggest(state, KARIM, setBlockType(schema.nodes.heading!, { level: 3 }));
    expect(suggestionAuthors(json(state)).map((a) => a.authorName)).toEqual(['Nadia', 'Karim']);
    const karimRejected = decide(state, 'reject', KARIM);
    expect(facets(karimRejected)).toEqual(['deux:split:Nadia']);
    expect(karimRejected.doc.child(2).type.name).toBe('paragraph');
    const nadiaAccepted = decide(karimRejected, 'accept', NADIA);
    expect(nadiaAccepted.doc.toJSON()).toEqual(docOf(p('Un '), p('deux'), p('Trois')).toJSON());
  });

  it('a block with someone else’s structural suggestion is not reshaped again until that one is decided', () => {
    const original = start(docOf(p('Intertitre')), 3);
    const heading = suggest(original, NADIA, setBlockType(schema.nodes.heading!, { level: 2 }));
    const again = suggest(heading, KARIM, setBlockType(schema.nodes.heading!, { level: 4 }));
    expect(again.doc.toJSON()).toEqual(heading.doc.toJSON());
  });
});
