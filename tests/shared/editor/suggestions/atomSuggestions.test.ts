import { deleteSelection } from '@tiptap/pm/commands';
import type { Node as PmNode } from '@tiptap/pm/model';
import { EditorState, NodeSelection, TextSelection, type Command } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import type { BodyDoc } from '../../../../src/shared/domain/article';
import { compactBlockJson } from '../../../../src/shared/editor/extensions/blockSuggestion';
import { siteBodyHtml } from '../../../../src/main/publishing/siteHtml';
import { hasSuggestions, publishableBody } from '../../../../src/shared/editor/reviewMarks';
import { blockSuggestionAt } from '../../../../src/shared/editor/suggestions/reviewSuggestions';
import {
  SUGGESTION_CONFLICT,
  suggestTransaction,
} from '../../../../src/shared/editor/suggestions/trackChanges';
import { KARIM, NADIA, decide, docOf, p, schema, start, suggest, undone, uuid } from './support';

const MEDIA = '0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9';

/** One of each atom, as the editor's commands would make it. */
const ATOMS: Record<string, () => PmNode> = {
  image: () =>
    schema.nodes.image!.create({
      mediaId: MEDIA,
      alt: 'Le port',
      caption: 'Le port au matin',
      credit: 'AFP',
    }),
  embed: () =>
    schema.nodes.embed!.create({ provider: 'youtube', url: 'https://www.youtube.com/watch?v=abc123' }),
  horizontalRule: () => schema.nodes.horizontalRule!.create(),
};

const insert =
  (node: PmNode): Command =>
  (state, dispatch) => {
    dispatch?.(state.tr.replaceSelectionWith(node));
    return true;
  };

const json = (state: EditorState | PmNode) =>
  compactBlockJson(('doc' in state ? state.doc : state).toJSON() as BodyDoc);

/** Each top-level block as "type" or "type:facet (author)". */
function blocks(state: EditorState): string[] {
  const out: string[] = [];
  state.doc.forEach((node) => {
    const s = node.attrs.suggestion as {
      inserted?: boolean;
      deleted?: boolean;
      join?: boolean;
      authorName: string;
    } | null;
    const what = s?.inserted ? 'inserted' : s?.deleted ? 'deleted' : s?.join ? 'join' : '?';
    const facet = s ? `:${what} (${s.authorName})` : '';
    out.push(`${node.type.name}${facet}`);
  });
  return out;
}

describe.each(Object.keys(ATOMS))('suggestion mode and a %s', (kind) => {
  const make = ATOMS[kind]!;

  it('suggests inserting it: shown as inserted, accept keeps it, reject removes it, one undo', () => {
    const original = docOf(p('Avant'), p('Après'));
    const state = start(original, 6);
    const suggested = suggest(state, NADIA, insert(make()));
    expect(blocks(suggested)).toEqual(['paragraph', `${kind}:inserted (Nadia)`, 'paragraph']);
    expect(blockSuggestionAt(suggested.doc, 7)?.authorName).toBe('Nadia');
    expect(hasSuggestions(json(suggested))).toBe(true);

    // Not yet taken: the published body and the site HTML do not have it, nor any marker.
    const published = publishableBody(json(suggested));
    expect(published).toEqual(json(original));
    expect(siteBodyHtml(published, 'fr')).toEqual(siteBodyHtml(json(original), 'fr'));

    const accepted = decide(suggested, 'accept');
    expect(blocks(accepted)).toEqual(['paragraph', kind, 'paragraph']);
    expect(JSON.stringify(json(accepted))).not.toContain('suggestion');
    expect(json(undone(accepted))).toEqual(json(suggested));

    const rejected = decide(suggested, 'reject');
    expect(json(rejected)).toEqual(json(original));
    expect(json(undone(rejected))).toEqual(json(suggested));

    expect(json(undone(suggested))).toEqual(json(original));
  });

  it('suggests deleting it: it stays, struck; accept removes it, reject keeps it, one undo', () => {
    const original = docOf(p('Avant'), make(), p('Après'));
    const selected = start(original, 1);
    const state = selected.apply(selected.tr.setSelection(NodeSelection.create(selected.doc, 7)));
    const suggested = suggest(state, KARIM, deleteSelection);
    expect(blocks(suggested)).toEqual(['paragraph', `${kind}:deleted (Karim)`, 'paragraph']);
    expect(blockSuggestionAt(suggested.doc, 7)?.deleted).toBe(true);

    // Still there on the site until the deletion is accepted, and without any marker.
    const published = publishableBody(json(suggested));
    expect(published).toEqual(json(original));
    expect(siteBodyHtml(published, 'fr')).toEqual(siteBodyHtml(json(original), 'fr'));
    expect(siteBodyHtml(published, 'fr')).not.toContain('suggestion');

    const accepted = decide(suggested, 'accept');
    expect(json(accepted)).toEqual(json(docOf(p('Avant'), p('Après'))));
    expect(json(undone(accepted))).toEqual(json(suggested));

    const rejected = decide(suggested, 'reject');
    expect(json(rejected)).toEqual(json(original));

    // Deleting it again changes nothing: it is already suggested deleted.
    const again = suggested.apply(suggested.tr.setSelection(NodeSelection.create(suggested.doc, 7)));
    expect(json(suggest(again, KARIM, deleteSelection))).toEqual(json(suggested));

    expect(json(undone(suggested))).toEqual(json(original));
  });

  it('deleting one you suggested inserting takes it out for real; decisions go by person', () => {
    const state = start(docOf(p('Avant'), p('Après')), 6);
    const inserted = suggest(state, NADIA, insert(make()));
    const selected = inserted.apply(inserted.tr.setSelection(NodeSelection.create(inserted.doc, 7)));
    expect(json(suggest(selected, NADIA, deleteSelection))).toEqual(json(docOf(p('Avant'), p('Après'))));

    // Karim deletes a rule Nadia did not touch; Nadia's insertion and Karim's deletion are decided apart.
    const both = docOf(p('Avant'), schema.nodes.horizontalRule!.create(), p('Après'));
    let mixed = start(both, 6);
    mixed = suggest(mixed, NADIA, insert(make()));
    const rulePos = mixed.doc.child(0).nodeSize + mixed.doc.child(1).nodeSize;
    mixed = mixed.apply(mixed.tr.setSelection(NodeSelection.create(mixed.doc, rulePos)));
    mixed = suggest(mixed, KARIM, deleteSelection);
    expect(blocks(mixed)).toEqual([
      'paragraph',
      `${kind}:inserted (Nadia)`,
      'horizontalRule:deleted (Karim)',
      'paragraph',
    ]);
    const nadiaRejected = decide(mixed, 'reject', NADIA);
    expect(blocks(nadiaRejected)).toEqual(['paragraph', 'horizontalRule:deleted (Karim)', 'paragraph']);
    expect(blocks(decide(nadiaRejected, 'accept', KARIM))).toEqual(['paragraph', 'paragraph']);
  });
});

describe('a second structural edit on someone else’s block suggestion', () => {
  it('is not made and says whose suggestion is in the way', () => {
    const state = start(docOf(p('Premier paragraphe du texte.')), 11);
    let split = state;
    split = suggest(split, NADIA, (s, dispatch) => {
      dispatch?.(s.tr.split(s.selection.from));
      return true;
    });
    const second = split.doc.child(1);
    expect(second.attrs.suggestion?.split).toBe(true);
    // Karim makes the new paragraph a heading: refused, with Nadia named.
    const pos = split.doc.child(0).nodeSize;
    const tr = split.tr.setBlockType(pos + 1, pos + 1, schema.nodes.heading!, { level: 2 });
    const refused = suggestTransaction(split, tr, { person: KARIM, now: 2000, newId: uuid });
    expect(refused.docChanged).toBe(false);
    expect(refused.getMeta(SUGGESTION_CONFLICT)).toEqual({ authorName: 'Nadia' });
  });
});

describe('a deletion across text and an image', () => {
  it('marks the text and the image deleted; accepting all removes both, rejecting all gives back the original', () => {
    const image = ATOMS.image!();
    const original = docOf(p('Avant le port'), image, p('Après le port'));
    const from = 1 + 'Avant '.length;
    const to = original.child(0).nodeSize + image.nodeSize + 1 + 'Après'.length;
    const state = start(original, from);
    const selected = state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, to)));
    const suggested = suggest(selected, KARIM, deleteSelection);
    // The paragraph after it is suggested joined: accepting all makes one paragraph of what is left.
    expect(blocks(suggested)).toEqual(['paragraph', 'image:deleted (Karim)', 'paragraph:join (Karim)']);
    // (publishableBody strips the deletion marks without merging the text nodes: compare what the site gets.)
    expect(siteBodyHtml(publishableBody(json(suggested)), 'fr')).toEqual(siteBodyHtml(json(original), 'fr'));
    expect(json(decide(suggested, 'reject'))).toEqual(json(original));
    const accepted = decide(suggested, 'accept');
    expect(accepted.doc.textContent).toBe('Avant  le port');
    expect(blocks(accepted)).toEqual(['paragraph']);
  });
});
