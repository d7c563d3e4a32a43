import { mergeAttributes, Node } from '@tiptap/core';

/** Who said the words of a pull quote: plain text, no marks. */
export const BodyPullQuoteAttribution = Node.create({
  name: 'pullQuoteAttribution',
  content: 'text*',
  marks: '',
  defining: true,
  parseHTML() {
    return [{ tag: 'figcaption', context: 'pullQuote/', priority: 60 }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['figcaption', mergeAttributes(HTMLAttributes, { class: 'pull-quote-attribution' }), 0];
  },
});
