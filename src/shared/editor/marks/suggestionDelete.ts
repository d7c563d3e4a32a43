import { Mark } from '@tiptap/core';
import { REVIEW_MARKS } from '../../domain/comments';
import { SUGGESTION_PARSE_PRIORITY, suggestionAttributes } from './suggestionAttrs';

/** Text suggested for deletion: kept in the document, struck through, until accepted or rejected. */
export const BodySuggestionDelete = Mark.create({
  name: REVIEW_MARKS.deletion,
  inclusive: false,
  excludes: REVIEW_MARKS.deletion,
  addAttributes: suggestionAttributes,
  parseHTML() {
    return [{ tag: 'del[data-suggestion-id]', priority: SUGGESTION_PARSE_PRIORITY }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['del', { ...HTMLAttributes, class: 'suggestion suggestion-delete' }, 0];
  },
});
