import { closeHistory } from '@tiptap/pm/history';
import type { Mark, Node as PmNode } from '@tiptap/pm/model';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import {
  BLOCK_SUGGESTION_ATTR,
  REVIEW_MARKS,
  type BlockSuggestion,
  type LinkChange,
  type SuggestionAttrs,
} from '../../domain/comments';
import { blockSuggestionOf, joinToPrevious, restoreShape } from './blockShapes';
import { SKIP_SUGGESTION, isSuggestibleAtom } from './trackChanges';

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

export interface BlockSuggestionAt {
  pos: number;
  node: PmNode;
  suggestion: BlockSuggestion;
}

/** Every text block, image, embed or rule carrying a structural suggestion, in order. */
export function blockSuggestions(doc: PmNode): BlockSuggestionAt[] {
  const found: BlockSuggestionAt[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock && !isSuggestibleAtom(node)) return true;
    const suggestion = blockSuggestionOf(node);
    if (suggestion) found.push({ pos, node, suggestion });
    return false;
  });
  return found;
}

/** The suggestion at a position (the cursor's), if any: the one a click or the caret is on. */
export function suggestionAt(doc: PmNode, pos: number): Mark | undefined {
  const $pos = doc.resolve(pos);
  const marks = [...($pos.nodeAfter?.marks ?? []), ...($pos.nodeBefore?.marks ?? [])];
  return marks.find((m) => SUGGESTION_MARKS.has(m.type.name));
}

/**
 * The structural suggestion of the text block a position is in, or of the image, embed or rule right after it
 * (a selected one starts there), if any.
 */
export function blockSuggestionAt(doc: PmNode, pos: number): BlockSuggestion | undefined {
  const $pos = doc.resolve(pos);
  if ($pos.parent.isTextblock) return blockSuggestionOf($pos.parent) ?? undefined;
  const after = $pos.nodeAfter;
  return (after && isSuggestibleAtom(after) && blockSuggestionOf(after)) || undefined;
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

function decideBlock(tr: Transaction, pos: number, id: string, decision: Decision): void {
  const node = tr.doc.nodeAt(pos);
  const suggestion = node && blockSuggestionOf(node);
  // The block went with a decision taken just before (its text was all an insertion, now rejected).
  if (!node || !suggestion || suggestion.id !== id) return;
  if (isSuggestibleAtom(node)) {
    // An image, embed or rule: accepting its removal or rejecting its insertion takes it out; else it stays.
    if ((decision === 'accept') === (suggestion.deleted === true)) tr.delete(pos, pos + node.nodeSize);
    else tr.setNodeAttribute(pos, BLOCK_SUGGESTION_ATTR, null);
    return;
  }
  tr.setNodeAttribute(pos, BLOCK_SUGGESTION_ATTR, null);
  if (decision === 'accept') {
    if (suggestion.join) joinToPrevious(tr, pos);
    return;
  }
  if (suggestion.inserted) return; // Its pull quote was removed first (decideSuggestions).
  const start = tr.steps.length;
  if (suggestion.was) restoreShape(tr, pos, suggestion.was);
  if (suggestion.split) joinToPrevious(tr, tr.mapping.slice(start).map(pos + 1) - 1);
}

/** Puts back the link a rejected link change replaced (or none), on one run. */
function rejectLink(tr: Transaction, from: number, to: number, change: LinkChange | null): void {
  const type = tr.doc.type.schema.marks.link;
  if (!change || !type) return;
  tr.removeMark(from, to, type);
  if (change.before) tr.addMark(from, to, type.create(change.before));
}

/**
 * Accepts or rejects the suggestions `which` picks (one id, one person, all): an accepted insertion stays as
 * plain text, an accepted deletion goes, an accepted formatting or link change stays, an accepted join joins;
 * rejecting does the opposite (a split block joins back, a reshaped block gets its type and its lists or
 * quotes back). One transaction, so one undo brings them back; never itself turned into a suggestion.
 */
export function decideSuggestions(
  state: EditorState,
  decision: Decision,
  which: (attrs: SuggestionAttrs) => boolean,
  scope: 'all' | 'blocks' = 'all',
): Transaction | undefined {
  const spans =
    scope === 'all' ? suggestionSpans(state.doc).filter((s) => which(s.mark.attrs as SuggestionAttrs)) : [];
  const blocks = blockSuggestions(state.doc).filter((b) => which(b.suggestion));
  if (spans.length === 0 && blocks.length === 0) return undefined;
  const tr = state.tr;
  const { schema } = state;
  // A rejected pull quote, and an image, embed or rule that the decision takes out, go first, so that a split
  // or join across them meets only block boundaries and joins the text on either side.
  for (const { pos, node, suggestion } of [...blocks].reverse()) {
    if (isSuggestibleAtom(node)) {
      if ((decision === 'accept') !== (suggestion.deleted === true)) continue;
      const from = tr.mapping.map(pos);
      tr.delete(from, from + node.nodeSize);
      continue;
    }
    if (decision !== 'reject' || !suggestion.inserted) continue;
    const $pos = tr.doc.resolve(tr.mapping.map(pos));
    if ($pos.parent.type.name === 'pullQuote') tr.delete($pos.before(), $pos.after());
  }
  const removed = tr.steps.length;
  const at = (pos: number, assoc = 1): number | null => {
    const mapped = tr.mapping.slice(0, removed).mapResult(pos, assoc);
    return mapped.deleted ? null : mapped.pos;
  };
  type Item = { at: number; run: () => void };
  const items: Item[] = [];
  for (const { pos, suggestion } of blocks) {
    const here = at(pos);
    if (here !== null) items.push({ at: here, run: () => decideBlock(tr, here, suggestion.id, decision) });
  }
  for (const span of spans) {
    const [from, to] = [at(span.from), at(span.to, -1)];
    if (from === null || to === null || to <= from) continue;
    const { mark } = span;
    items.push({
      at: from,
      run: () => {
        const name = mark.type.name;
        const remove = (name === REVIEW_MARKS.insertion) === (decision === 'reject');
        if (name !== REVIEW_MARKS.format && remove) {
          tr.delete(from, to);
          dropEmptied(tr, from);
          return;
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
          rejectLink(tr, from, to, (mark.attrs.link as LinkChange | null) ?? null);
        }
        tr.removeMark(from, to, mark);
      },
    });
  }
  // From the end: each change moves only what comes after it. A block's own text (after its start) first.
  for (const item of items.sort((a, b) => b.at - a.at)) item.run();
  // Its own undo step, even right after the suggestion it decides (removing a just-inserted image is adjacent
  // to inserting it, and the history would otherwise fold the two into one).
  return closeHistory(tr).setMeta(SKIP_SUGGESTION, true);
}

/** A document with every structural suggestion rejected (its text suggestions left for the caller). */
export function withoutBlockSuggestions(doc: PmNode): PmNode {
  const state = EditorState.create({ doc });
  return decideSuggestions(state, 'reject', () => true, 'blocks')?.doc ?? doc;
}
