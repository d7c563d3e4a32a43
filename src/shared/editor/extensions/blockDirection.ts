import { Extension } from '@tiptap/core';

export const BLOCK_DIRECTIONS = ['ltr', 'rtl'] as const;
export type BlockDirection = (typeof BLOCK_DIRECTIONS)[number];

/** The blocks that carry their own direction. */
export const DIRECTED_BLOCKS = [
  'paragraph',
  'heading',
  'blockquote',
  'bulletList',
  'orderedList',
  'pullQuote',
] as const;

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    blockDirection: {
      /** Sets (ltr, rtl) or clears (null: follow the text, dir="auto") the direction of the selected blocks. */
      setBlockDirection: (dir: BlockDirection | null) => ReturnType;
    };
  }
}

/**
 * Each block has its own direction: by default dir="auto", so an Arabic paragraph in a French article (or the
 * reverse) reads in its own direction; a writer can set one explicitly where the first letters mislead.
 */
export const BodyBlockDirection = Extension.create({
  name: 'blockDirection',
  addGlobalAttributes() {
    return [
      {
        types: [...DIRECTED_BLOCKS],
        attributes: {
          dir: {
            default: null,
            // A new block starts automatic again: an explicit direction belongs to the block it was set on.
            keepOnSplit: false,
            parseHTML: (element) => {
              const dir = element.getAttribute('dir')?.toLowerCase();
              return dir === 'ltr' || dir === 'rtl' ? dir : null;
            },
            renderHTML: (attributes) => ({
              dir: attributes.dir === 'ltr' || attributes.dir === 'rtl' ? attributes.dir : 'auto',
            }),
          },
        },
      },
    ];
  },
  addCommands() {
    return {
      setBlockDirection:
        (dir) =>
        ({ state, tr, dispatch }) => {
          const { from, to } = tr.selection;
          const types = new Set<string>(DIRECTED_BLOCKS);
          let changed = false;
          state.doc.nodesBetween(from, to, (node, pos) => {
            if (!node.isTextblock && node.type.name !== 'pullQuote') return true;
            const target = types.has(node.type.name) ? node : undefined;
            if (target && target.attrs.dir !== dir) {
              if (dispatch) tr.setNodeMarkup(pos, undefined, { ...target.attrs, dir });
              changed = true;
            }
            return node.type.name !== 'pullQuote';
          });
          return changed;
        },
    };
  },
});
