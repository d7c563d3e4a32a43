import { Mark } from '@tiptap/core';
import { REVIEW_MARKS } from '../../domain/comments';
import { SUGGESTION_PARSE_PRIORITY, suggestionAttributes } from './suggestionAttrs';

/** Text suggested for insertion: in the document, not yet accepted. */
export const BodySuggestionInsert = Mark.create({
  name: REVIEW_MARKS.insertion,
  inclusive: false,
  excludes: REVIEW_MARKS.insertion,
  addAttributes: suggestionAttributes,
  parseHTML() {
    return [{ tag: 'ins[data-suggestion-id]', priority: SUGGESTION_PARSE_PRIORITY }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['ins', { ...HTMLAttributes, class: 'suggestion suggestion-insert' }, 0];
  },
});
