import type { Node as PmNode, ResolvedPos } from '@tiptap/pm/model';
import { Selection, type Transaction } from '@tiptap/pm/state';
import { canJoin, liftTarget } from '@tiptap/pm/transform';
import {
  BLOCK_SUGGESTION_ATTR,
  type BlockShape,
  type BlockSuggestion,
  type BlockWrapper,
} from '../../domain/comments';

/** A block's own attributes, without its suggestion: what "the same block" compares. */
export function ownAttrs(node: PmNode): Record<string, unknown> {
  const { [BLOCK_SUGGESTION_ATTR]: _suggestion, ...rest } = node.attrs;
  return rest;
}

export const blockSuggestionOf = (node: PmNode): BlockSuggestion | null =>
  (node.attrs[BLOCK_SUGGESTION_ATTR] as BlockSuggestion | null | undefined) ?? null;

/**
 * The shape of the text block whose content starts at `$in` (a position inside it): its type and attributes
 * and the wrappers around it, outermost first. A wrapper's `before`/`after` say whether it held anything
 * before/after this block (at any depth), which is where a lifted block's wrappers were cut and must be joined
 * again to put it back.
 */
export function shapeAt($in: ResolvedPos): BlockShape {
  const depth = $in.depth;
  const block = $in.parent;
  const path: BlockWrapper[] = [];
  let before = false;
  let after = false;
  for (let d = depth - 1; d >= 1; d--) {
    const wrapper = $in.node(d);
    const index = $in.index(d);
    before ||= index > 0;
    after ||= index < wrapper.childCount - 1;
    path.unshift({ type: wrapper.type.name, attrs: { ...wrapper.attrs }, before, after });
  }
  return { type: block.type.name, attrs: ownAttrs(block), path };
}

const sameAttrs = (a: Record<string, unknown>, b: Record<string, unknown>): boolean =>
  JSON.stringify(a, Object.keys(a).sort()) === JSON.stringify(b, Object.keys(b).sort());

/** Whether two shapes are the same block in the same wrappers (where the wrappers were cut does not count). */
export function sameShape(a: BlockShape, b: BlockShape): boolean {
  return (
    a.type === b.type &&
    sameAttrs(a.attrs, b.attrs) &&
    a.path.length === b.path.length &&
    a.path.every((w, i) => w.type === b.path[i]!.type && sameAttrs(w.attrs, b.path[i]!.attrs))
  );
}

/** Whether only block boundaries lie between two positions: no text, no image, no whole empty block. */
function onlyBoundaries(doc: PmNode, from: number, to: number): boolean {
  if (from >= to) return false;
  let clean = true;
  doc.nodesBetween(from, to, (node, pos) => {
    if (!clean) return false;
    if (node.isInline || node.isLeaf) clean = false;
    else if (node.isTextblock && pos >= from && pos + node.nodeSize <= to) clean = false;
    return clean;
  });
  return clean;
}

/**
 * Joins the text block at `pos` onto the text block before it (its text goes to the end of that one, and
 * wrappers it leaves empty go), as Backspace at its start would. False when something other than block
 * boundaries separates them (an image, a rule), which is then left alone.
 */
export function joinToPrevious(tr: Transaction, pos: number): boolean {
  const start = pos + 1;
  const previous = Selection.findFrom(tr.doc.resolve(pos), -1, true);
  if (!previous || previous.$head.pos >= start) return false;
  const end = previous.$head.end();
  if (!previous.$head.parent.isTextblock || !onlyBoundaries(tr.doc, end, start)) return false;
  tr.delete(end, start);
  return true;
}

/** Lifts the text block at `pos` out of every list and quote around it; returns where it now starts. */
function liftOut(tr: Transaction, pos: number): number {
  for (let guard = 0; guard < 20; guard++) {
    const node = tr.doc.nodeAt(pos);
    if (!node) return pos;
    const $start = tr.doc.resolve(pos + 1);
    if ($start.depth <= 1) return pos;
    const range = tr.doc.resolve(pos).blockRange(tr.doc.resolve(pos + node.nodeSize));
    const target = range && liftTarget(range);
    if (!range || target === null || target === undefined) return pos;
    const mark = tr.steps.length;
    tr.lift(range, target);
    pos = tr.mapping.slice(mark).map(pos + 1) - 1;
  }
  return pos;
}

/**
 * Puts the text block at `pos` back in `shape`: its type and attributes, and the wrappers it was in, joined
 * to the neighbours it had been cut from. The block keeps its text and inline marks.
 */
export function restoreShape(tr: Transaction, pos: number, shape: BlockShape): void {
  const { schema } = tr.doc.type;
  const type = schema.nodes[shape.type];
  const node = tr.doc.nodeAt(pos);
  if (!type || !node) return;
  const current = shapeAt(tr.doc.resolve(pos + 1)).path;
  const samePath =
    current.length === shape.path.length &&
    current.every((w, i) => w.type === shape.path[i]!.type && sameAttrs(w.attrs, shape.path[i]!.attrs));
  if (!samePath) pos = liftOut(tr, pos);
  try {
    tr.setNodeMarkup(pos, type, {
      ...shape.attrs,
      [BLOCK_SUGGESTION_ATTR]: node.attrs[BLOCK_SUGGESTION_ATTR],
    });
  } catch {
    return; // Its old type cannot stand where it is now: the block keeps its current type.
  }
  if (samePath) return;
  if (shape.path.length === 0) return;
  const wrappers = shape.path.map((w) => ({ type: schema.nodes[w.type]!, attrs: w.attrs }));
  if (wrappers.some((w) => !w.type)) return;
  const size = tr.doc.nodeAt(pos)!.nodeSize;
  const range = tr.doc.resolve(pos).blockRange(tr.doc.resolve(pos + size));
  if (!range) return;
  try {
    tr.wrap(range, wrappers);
  } catch {
    return; // The wrappers no longer fit where the block is: it stays lifted rather than break the document.
  }
  let inner = pos + shape.path.length + 1;
  // Outermost first: a list item can only join its neighbour once the two lists are one.
  shape.path.forEach((wrapper, level) => {
    for (const side of ['before', 'after'] as const) {
      if (!wrapper[side]) continue;
      const $in = tr.doc.resolve(inner);
      const at = side === 'before' ? $in.before(level + 1) : $in.after(level + 1);
      if (!canJoin(tr.doc, at)) continue;
      const mark = tr.steps.length;
      tr.join(at);
      inner = tr.mapping.slice(mark).map(inner);
    }
  });
}
