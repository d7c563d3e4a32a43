import { mergeAttributes, Node } from '@tiptap/core';

/** The quoted words of a pull quote. */
export const BodyPullQuoteText = Node.create({
  name: 'pullQuoteText',
  content: 'inline*',
  defining: true,
  parseHTML() {
    return [{ tag: 'blockquote', context: 'pullQuote/', priority: 60 }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['blockquote', mergeAttributes(HTMLAttributes, { class: 'pull-quote-text' }), 0];
  },
});
