import { mergeAttributes, Node } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    pullQuote: {
      insertPullQuote: () => ReturnType;
    };
  }
}

/**
 * A pull quote: the quoted words (pullQuoteText) and who said them (pullQuoteAttribution), both typed in place.
 * Rendered as <figure class="pull-quote"><blockquote>…</blockquote><figcaption>…</figcaption></figure>.
 * Enter in the quote goes to the attribution; Enter in the attribution leaves the pull quote.
 */
export const BodyPullQuote = Node.create({
  name: 'pullQuote',
  group: 'block',
  content: 'pullQuoteText pullQuoteAttribution',
  defining: true,
  isolating: true,
  parseHTML() {
    return [{ tag: 'figure.pull-quote', priority: 60 }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['figure', mergeAttributes(HTMLAttributes, { class: 'pull-quote' }), 0];
  },
  addCommands() {
    return {
      insertPullQuote:
        () =>
        ({ state, chain }) => {
          const { from, to, empty } = state.selection;
          const text = empty ? '' : state.doc.textBetween(from, to, ' ');
          return chain()
            .insertContent({
              type: this.name,
              content: [
                { type: 'pullQuoteText', content: text ? [{ type: 'text', text }] : [] },
                { type: 'pullQuoteAttribution' },
              ],
            })
            .command(({ tr }) => {
              // The cursor goes to the end of the quoted words, not to the attribution.
              const $pos = tr.selection.$from;
              for (let depth = $pos.depth; depth > 0; depth--) {
                if ($pos.node(depth).type.name !== this.name) continue;
                const quote = $pos.node(depth).firstChild;
                const at = $pos.start(depth) + 1 + (quote?.content.size ?? 0);
                tr.setSelection(TextSelection.create(tr.doc, at));
                break;
              }
              return true;
            })
            .run();
        },
    };
  },
  addKeyboardShortcuts() {
    return {
      Enter: ({ editor }) => {
        const { state } = editor;
        const { $from, empty } = state.selection;
        if (!empty) return false;
        const parent = $from.parent.type.name;
        if (parent === 'pullQuoteText') {
          // To the start of the attribution.
          const after = $from.after();
          editor.view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, after + 1)));
          return true;
        }
        if (parent === 'pullQuoteAttribution') {
          const quoteEnd = $from.after($from.depth - 1);
          const paragraph = state.schema.nodes.paragraph;
          if (!paragraph) return false;
          const tr = state.tr.insert(quoteEnd, paragraph.create());
          tr.setSelection(TextSelection.create(tr.doc, quoteEnd + 1));
          editor.view.dispatch(tr.scrollIntoView());
          return true;
        }
        return false;
      },
    };
  },
});
