import { Mark } from '@tiptap/core';
import { REVIEW_MARKS } from '../../domain/comments';

/**
 * The anchor of a body comment thread: the thread id carried by the commented text itself, so the anchor
 * follows the text through every edit, undo and sync. Two threads may cover the same words (excludes ''),
 * and typing at either edge does not grow the anchor (inclusive false).
 */
export const BodyComment = Mark.create({
  name: REVIEW_MARKS.comment,
  inclusive: false,
  excludes: '',
  spanning: true,
  addAttributes() {
    return {
      threadId: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-thread-id'),
        renderHTML: (attributes) => ({ 'data-thread-id': attributes.threadId as string }),
      },
    };
  },
  parseHTML() {
    return [{ tag: 'span[data-thread-id]', priority: 60 }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['span', { ...HTMLAttributes, class: 'comment-anchor' }, 0];
  },
});
