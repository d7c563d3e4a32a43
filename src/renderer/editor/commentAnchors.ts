import type { Editor } from '@tiptap/core';
import { REVIEW_MARKS } from '../../shared/domain/comments';
import { useCommentsStore } from '../features/comments/commentsStore';
import { SKIP_SUGGESTION } from '../../shared/editor/suggestions/trackChanges';

/** Opens the composer on the body's selection; false when nothing is selected. */
export function startBodyComment(editor: Editor): boolean {
  const { from, to, empty } = editor.state.selection;
  if (empty) return false;
  const quote = editor.state.doc.textBetween(from, to, ' ', ' ').trim();
  if (!quote) return false;
  useCommentsStore.getState().compose({ anchor: { kind: 'body' }, quote, range: { from, to } });
  return true;
}

/**
 * Marks the commented text with its new thread. Not an undo step of its own and never a suggestion: undoing
 * the writer's last edit must not silently detach a thread.
 */
export function anchorThread(editor: Editor, threadId: string, range: { from: number; to: number }): void {
  const type = editor.schema.marks[REVIEW_MARKS.comment];
  const size = editor.state.doc.content.size;
  if (!type || range.to > size || range.from >= range.to) return;
  const tr = editor.state.tr.addMark(range.from, range.to, type.create({ threadId }));
  tr.setMeta('addToHistory', false).setMeta(SKIP_SUGGESTION, true);
  editor.view.dispatch(tr);
}

/** Where a thread's text is in the body, first character to last, or undefined when it is gone. */
export function threadRange(editor: Editor, threadId: string): { from: number; to: number } | undefined {
  let from = -1;
  let to = -1;
  editor.state.doc.descendants((node, pos) => {
    if (
      node.isText &&
      node.marks.some((m) => m.type.name === REVIEW_MARKS.comment && m.attrs.threadId === threadId)
    ) {
      if (from < 0) from = pos;
      to = pos + node.nodeSize;
    }
  });
  return from < 0 ? undefined : { from, to };
}

/** Selects a thread's text in the body and brings it into view. */
export function selectThread(editor: Editor, threadId: string): boolean {
  const range = threadRange(editor, threadId);
  if (!range) return false;
  editor.chain().focus().setTextSelection(range).scrollIntoView().run();
  return true;
}
