import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

/** The class the body's top-level block holding the caret carries (see app.css). */
export const CARET_BLOCK_CLASS = 'caret-block';

interface CaretBlock {
  from: number;
  to: number;
  decorations: DecorationSet;
}

/** The top-level block the selection's head is in, or next to when it sits between blocks (gap cursor, atom). */
function blockAt(state: EditorState): { from: number; to: number } | undefined {
  const { $head } = state.selection;
  if ($head.depth >= 1) {
    const from = $head.before(1);
    return { from, to: from + $head.node(1).nodeSize };
  }
  const after = $head.nodeAfter;
  if (after) return { from: $head.pos, to: $head.pos + after.nodeSize };
  const before = $head.nodeBefore;
  if (before) return { from: $head.pos - before.nodeSize, to: $head.pos };
  return undefined;
}

function caretBlock(state: EditorState): CaretBlock {
  const block = blockAt(state);
  if (!block) return { from: -1, to: -1, decorations: DecorationSet.empty };
  const decoration = Decoration.node(block.from, block.to, { class: CARET_BLOCK_CLASS });
  return { ...block, decorations: DecorationSet.create(state.doc, [decoration]) };
}

const key = new PluginKey<CaretBlock>('caretBlock');

/**
 * Blocks off screen skip layout (`content-visibility: auto`, app.css), but a block Chromium has not yet
 * drawn once starts out skipped until the next frame decides it is on screen. A key handled before that frame
 * (a block just made by Enter, a heading shortcut or a wrap, and the writer already typing the next letter
 * while the page is busy) is inserted by Chromium with its caret left behind, so the following letters go
 * before it and ProseMirror files the stray one elsewhere. The caret's block is therefore always laid out:
 * it carries this class from the moment ProseMirror draws it, and app.css exempts it.
 */
export const CaretBlock = Extension.create({
  name: 'caretBlock',
  addProseMirrorPlugins() {
    return [
      new Plugin<CaretBlock>({
        key,
        state: {
          init: (_config, state) => caretBlock(state),
          apply(tr, previous, _old, state) {
            if (!tr.docChanged && !tr.selectionSet) return previous;
            const block = blockAt(state);
            if (!tr.docChanged && block?.from === previous.from && block.to === previous.to) return previous;
            if (tr.docChanged && block) {
              // Typing inside the same block: map the one decoration rather than rebuild the set.
              const decorations = previous.decorations.map(tr.mapping, tr.doc);
              const [kept] = decorations.find();
              if (kept && kept.from === block.from && kept.to === block.to)
                return { from: block.from, to: block.to, decorations };
            }
            return caretBlock(state);
          },
        },
        props: {
          decorations: (state) => key.getState(state)?.decorations,
        },
      }),
    ];
  },
});
