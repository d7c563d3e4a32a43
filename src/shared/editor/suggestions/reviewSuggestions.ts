import type { Mark, Node as PmNode } from '@tiptap/pm/model';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import { REVIEW_MARKS, type SuggestionAttrs } from '../../domain/comments';
import { SKIP_SUGGESTION } from './trackChanges';

export type Decision = 'accept' | 'reject';

const SUGGESTION_MARKS: ReadonlySet<string> = new Set([
  REVIEW_MARKS.insertion,
  REVIEW_MARKS.deletion,
  REVIEW_MARKS.format,
]);

export interface SuggestionSpan {
  from: number;
  to: number;
  mark: Mark;
}

/** Every run of suggested text in the document, in order, with its mark. */
export function suggestionSpans(doc: PmNode): SuggestionSpan[] {
  const spans: SuggestionSpan[] = [];
  doc.descendants((node, pos) => {
    if (!node.isInline) return true;
    for (const mark of node.marks)
      if (SUGGESTION_MARKS.has(mark.type.name)) spans.push({ from: pos, to: pos + node.nodeSize, mark });
    return false;
  });
  return spans;
}

/** The suggestion at a position (the cursor's), if any: the one a click or the caret is on. */
export function suggestionAt(doc: PmNode, pos: number): Mark | undefined {
  const $pos = doc.resolve(pos);
  const marks = [...($pos.nodeAfter?.marks ?? []), ...($pos.nodeBefore?.marks ?? [])];
  return marks.find((m) => SUGGESTION_MARKS.has(m.type.name));
}

/**
 * Removes the block a decision has just emptied (a whole paragraph deleted, or a suggested paragraph
 * rejected), with the wrappers it was alone in (a list item), unless it is the document's only block or the
 * removal would leave its parent invalid.
 */
function dropEmptied(tr: Transaction, pos: number): void {
  const $pos = tr.doc.resolve(pos);
  if (!$pos.parent.isTextblock || $pos.parent.content.size > 0) return;
  let depth = $pos.depth;
  while (depth > 1 && $pos.node(depth - 1).childCount === 1) depth--;
  if (depth === 1 && tr.doc.childCount === 1) return;
  const parent = $pos.node(depth - 1);
  const index = $pos.index(depth - 1);
  if (!parent.canReplace(index, index + 1)) return;
  tr.delete($pos.before(depth), $pos.after(depth));
}

/**
 * Accepts or rejects the suggestions `which` picks (one id, one person, all): an accepted insertion stays as
 * plain text, an accepted deletion goes, an accepted formatting change stays; rejecting does the opposite.
 * One transaction, so one undo brings them back; never itself turned into a suggestion.
 */
export function decideSuggestions(
  state: EditorState,
  decision: Decision,
  which: (attrs: SuggestionAttrs) => boolean,
): Transaction | undefined {
  const spans = suggestionSpans(state.doc).filter((s) => which(s.mark.attrs as SuggestionAttrs));
  if (spans.length === 0) return undefined;
  const tr = state.tr;
  const { schema } = state;
  // From the end: a removed run never moves the positions of the runs before it.
  for (const { from, to, mark } of spans.sort((a, b) => b.from - a.from)) {
    const name = mark.type.name;
    const remove = (name === REVIEW_MARKS.insertion) === (decision === 'reject');
    if (name !== REVIEW_MARKS.format && remove) {
      tr.delete(from, to);
      dropEmptied(tr, from);
      continue;
    }
    if (name === REVIEW_MARKS.format && decision === 'reject') {
      for (const added of (mark.attrs.added as string[]) ?? []) {
        const type = schema.marks[added];
        if (type) tr.removeMark(from, to, type);
      }
      for (const removed of (mark.attrs.removed as string[]) ?? []) {
        const type = schema.marks[removed];
        if (type) tr.addMark(from, to, type.create());
      }
    }
    tr.removeMark(from, to, mark);
  }
  return tr.setMeta(SKIP_SUGGESTION, true);
}
