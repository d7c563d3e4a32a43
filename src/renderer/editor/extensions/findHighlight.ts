import { Extension } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, TextSelection, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { findMatches, type FindOptions, type TextRange } from '../../../shared/text/findText';

interface FindState {
  query: string;
  options: FindOptions;
  matches: TextRange[];
  current: number;
  decorations: DecorationSet;
}

export const findKey = new PluginKey<FindState>('findHighlight');

/** Every match of query in the document's textblocks, as document positions. */
export function documentMatches(doc: PmNode, query: string, options: FindOptions): TextRange[] {
  if (!query) return [];
  const out: TextRange[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    let text = '';
    node.forEach((child) => (text += child.isText ? (child.text ?? '') : '\ufffc'));
    for (const m of findMatches(text, query, options))
      out.push({ from: pos + 1 + m.from, to: pos + 1 + m.to });
    return false;
  });
  return out;
}

function build(doc: PmNode, query: string, options: FindOptions, current: number): FindState {
  const matches = documentMatches(doc, query, options);
  // -1: nothing chosen yet (the first "next" goes to the first match).
  const index = matches.length === 0 || current < 0 ? -1 : Math.min(current, matches.length - 1);
  const decorations = DecorationSet.create(
    doc,
    matches.map((m, i) =>
      Decoration.inline(m.from, m.to, { class: i === index ? 'find-match find-current' : 'find-match' }),
    ),
  );
  return { query, options, matches, current: index, decorations };
}

const EMPTY: FindState = {
  query: '',
  options: { matchCase: false, matchAccents: false },
  matches: [],
  current: -1,
  decorations: DecorationSet.empty,
};

type FindMeta = { query: string; options: FindOptions; current?: number } | { current: number };

/** Sets what to find (or moves to another match); the highlights follow the document as it changes. */
export function setFind(state: EditorState, meta: FindMeta) {
  return state.tr.setMeta(findKey, meta);
}

export function findState(state: EditorState): FindState {
  return findKey.getState(state) ?? EMPTY;
}

/** Selects and reveals the current match. */
export function selectCurrent(state: EditorState) {
  const find = findState(state);
  const match = find.matches[find.current];
  if (!match) return undefined;
  return state.tr.setSelection(TextSelection.create(state.doc, match.from, match.to)).scrollIntoView();
}

/**
 * Find and replace's highlights. Costs nothing while nothing is searched; while a search is open the matches
 * are recomputed on each change of the document.
 */
export const FindHighlight = Extension.create({
  name: 'findHighlight',
  addProseMirrorPlugins() {
    return [
      new Plugin<FindState>({
        key: findKey,
        state: {
          init: () => EMPTY,
          apply(tr, previous, _old, next) {
            const meta = tr.getMeta(findKey) as FindMeta | undefined;
            if (meta && 'query' in meta) return build(next.doc, meta.query, meta.options, meta.current ?? -1);
            if (meta) return build(next.doc, previous.query, previous.options, meta.current);
            if (!previous.query || !tr.docChanged) return previous;
            return build(next.doc, previous.query, previous.options, previous.current);
          },
        },
        props: {
          decorations: (state) => findKey.getState(state)?.decorations,
        },
      }),
    ];
  },
});
