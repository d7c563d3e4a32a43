import { closeHistory } from '@tiptap/pm/history';
import { Fragment, Slice, type Mark, type MarkType, type Node as PmNode } from '@tiptap/pm/model';
import { TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import {
  AddMarkStep,
  AttrStep,
  Mapping,
  RemoveMarkStep,
  ReplaceAroundStep,
  ReplaceStep,
  type Step,
} from '@tiptap/pm/transform';
import {
  BLOCK_SUGGESTION_ATTR,
  REVIEW_MARKS,
  type BlockSuggestion,
  type LinkChange,
  type SuggestionAttrs,
} from '../../domain/comments';
import type { PersonRef } from '../../domain/people';
import { SUGGESTIBLE_ATOMS } from '../extensions/blockSuggestion';
import { blockSuggestionOf, joinToPrevious, sameShape, shapeAt } from './blockShapes';

/** Meta key: this transaction is review work (accept, reject, anchoring a comment), never a suggestion. */
export const SKIP_SUGGESTION = 'redacSkipSuggestion';

/**
 * Meta key on the empty transaction that replaces an edit refused because a block it would reshape carries
 * someone else's structural suggestion: `{ authorName }`, so the editor can say why nothing happened.
 */
export const SUGGESTION_CONFLICT = 'redacSuggestionConflict';

export interface SuggestionConflict {
  authorName: string;
}

/** An image, embed or rule: a block with no text whose insertion or removal is its own block suggestion. */
export const isSuggestibleAtom = (node: PmNode): boolean => SUGGESTIBLE_ATOMS.has(node.type.name);

/** Formatting that suggestion mode records as a suggested change; other marks (comment anchors) apply as is. */
export const FORMAT_MARKS: ReadonlySet<string> = new Set([
  'bold',
  'italic',
  'underline',
  'strike',
  'superscript',
  'link',
]);

export interface SuggestionContext {
  person: PersonRef;
  now: number;
  newId(): string;
}

interface Types {
  insertion: MarkType;
  deletion: MarkType;
  format: MarkType;
}

function typesOf(state: EditorState): Types {
  const { marks } = state.schema;
  const insertion = marks[REVIEW_MARKS.insertion];
  const deletion = marks[REVIEW_MARKS.deletion];
  const format = marks[REVIEW_MARKS.format];
  if (!insertion || !deletion || !format) throw new Error('The schema has no suggestion marks.');
  return { insertion, deletion, format };
}

const isAuthor = (mark: Mark | undefined, person: PersonRef): boolean =>
  mark !== undefined && mark.attrs.authorId === person.id;

/**
 * Adds `mark` to every inline node of a fragment, dropping other suggestion marks it carried (a paste); an
 * image, embed or rule is marked inserted on its own attribute, with the same signature.
 */
function markFragment(fragment: Fragment, mark: Mark, drop: readonly MarkType[]): Fragment {
  const nodes: PmNode[] = [];
  fragment.forEach((node) => {
    if (node.isInline) nodes.push(node.mark(mark.addToSet(node.marks.filter((m) => !drop.includes(m.type)))));
    else if (isSuggestibleAtom(node))
      nodes.push(
        node.type.create(
          { ...node.attrs, [BLOCK_SUGGESTION_ATTR]: { ...(mark.attrs as SuggestionAttrs), inserted: true } },
          null,
          node.marks,
        ),
      );
    else nodes.push(node.copy(markFragment(node.content, mark, drop)));
  });
  return Fragment.from(nodes);
}

/** Reuses the attributes of a neighbouring suggestion of the same kind and person: typing makes one suggestion. */
function neighbourAttrs(
  doc: PmNode,
  pos: number,
  type: MarkType,
  person: PersonRef,
): SuggestionAttrs | undefined {
  const $pos = doc.resolve(pos);
  for (const node of [$pos.nodeBefore, $pos.nodeAfter]) {
    const mark = node?.marks.find((m) => m.type === type);
    if (isAuthor(mark, person)) return mark!.attrs as SuggestionAttrs;
  }
  return undefined;
}

function freshAttrs(ctx: SuggestionContext, id: string): SuggestionAttrs {
  return {
    id,
    authorId: ctx.person.id,
    authorName: ctx.person.name,
    authorColour: ctx.person.colour,
    at: ctx.now,
  };
}

/**
 * A deletion becomes a suggestion: the text stays, marked deleted; text that this person had suggested
 * inserting goes for real (there is nothing to suggest about it). An image, embed or rule wholly inside the
 * range stays, marked deleted on its own attribute (or goes, if it was this person's suggested insertion).
 * Block boundaries are kept: a deletion across paragraphs marks the text of both and joins nothing.
 */
function suggestDelete(
  tr: Transaction,
  from: number,
  to: number,
  t: Types,
  ctx: SuggestionContext,
  id: string,
): void {
  const ranges: { from: number; to: number; own: boolean; atom?: BlockSuggestion | null }[] = [];
  tr.doc.nodesBetween(from, to, (node, pos) => {
    if (isSuggestibleAtom(node)) {
      const current = blockSuggestionOf(node);
      if (pos >= from && pos + node.nodeSize <= to && !current?.deleted)
        ranges.push({
          from: pos,
          to: pos + node.nodeSize,
          own: mine(current, ctx.person) && current!.inserted === true,
          atom: current,
        });
      return false;
    }
    if (!node.isInline) return true;
    const start = Math.max(pos, from);
    const end = Math.min(pos + node.nodeSize, to);
    if (start >= end) return false;
    if (t.deletion.isInSet(node.marks)) return false;
    ranges.push({
      from: start,
      to: end,
      own: isAuthor(t.insertion.isInSet(node.marks) ?? undefined, ctx.person),
    });
    return false;
  });
  const attrs =
    neighbourAttrs(tr.doc, to, t.deletion, ctx.person) ??
    neighbourAttrs(tr.doc, from, t.deletion, ctx.person) ??
    freshAttrs(ctx, id);
  for (const range of ranges.reverse()) {
    if (range.own) tr.delete(range.from, range.to);
    else if (range.atom !== undefined) {
      // Someone else's pending insertion of it is theirs to keep or drop: it is decided first.
      if (range.atom === null || mine(range.atom, ctx.person))
        tr.setNodeAttribute(range.from, BLOCK_SUGGESTION_ATTR, { ...attrs, deleted: true });
    } else tr.addMark(range.from, range.to, t.deletion.create(attrs));
  }
}

function suggestInsert(
  tr: Transaction,
  at: number,
  slice: Slice,
  t: Types,
  ctx: SuggestionContext,
  id: string,
): void {
  const attrs = neighbourAttrs(tr.doc, at, t.insertion, ctx.person) ?? freshAttrs(ctx, id);
  const content = markFragment(slice.content, t.insertion.create(attrs), [t.insertion, t.deletion, t.format]);
  tr.replace(at, at, new Slice(content, slice.openStart, slice.openEnd));
}

const sameLink = (a: Record<string, unknown> | null, b: Record<string, unknown> | null): boolean =>
  a === b || (a !== null && b !== null && JSON.stringify(a) === JSON.stringify(b));

/**
 * A formatting change is applied and recorded per text run, so rejecting it puts back what each run had. A
 * link added, edited or removed is recorded the same way with the link before and after it.
 */
function suggestFormat(
  tr: Transaction,
  step: AddMarkStep | RemoveMarkStep,
  t: Types,
  ctx: SuggestionContext,
  id: string,
): void {
  const before: { from: number; to: number; node: PmNode }[] = [];
  tr.doc.nodesBetween(step.from, step.to, (node, pos) => {
    if (!node.isInline) return true;
    before.push({ from: Math.max(pos, step.from), to: Math.min(pos + node.nodeSize, step.to), node });
    return false;
  });
  tr.step(step);
  const name = step.mark.type.name;
  const adding = step instanceof AddMarkStep;
  for (const { from, to, node } of before) {
    if (from >= to) continue;
    // Text this person suggested inserting is new anyway: its formatting is part of that suggestion.
    if (isAuthor(t.insertion.isInSet(node.marks) ?? undefined, ctx.person)) continue;
    const existing = t.format.isInSet(node.marks);
    const added = new Set<string>((existing?.attrs.added as string[] | undefined) ?? []);
    const removed = new Set<string>((existing?.attrs.removed as string[] | undefined) ?? []);
    let link = (existing?.attrs.link as LinkChange | null | undefined) ?? null;
    if (name === 'link') {
      const had = (node.marks.find((m) => m.type === step.mark.type)?.attrs ?? null) as Record<
        string,
        unknown
      > | null;
      const now = adding ? (step.mark.attrs as Record<string, unknown>) : null;
      if (sameLink(had, now)) continue;
      const origin = link ? link.before : had;
      link = sameLink(origin, now) ? null : { before: origin, after: now };
    } else {
      const had = node.marks.some((m) => m.type === step.mark.type);
      if (had === adding) continue;
      if (adding) {
        if (removed.has(name)) removed.delete(name);
        else added.add(name);
      } else if (added.has(name)) added.delete(name);
      else removed.add(name);
    }
    if (added.size === 0 && removed.size === 0 && !link) tr.removeMark(from, to, t.format);
    else
      tr.addMark(
        from,
        to,
        t.format.create({
          ...(existing && isAuthor(existing, ctx.person) ? existing.attrs : freshAttrs(ctx, id)),
          added: [...added],
          removed: [...removed],
          link,
        }),
      );
  }
}

const mine = (suggestion: BlockSuggestion | null, person: PersonRef): boolean =>
  suggestion !== null && suggestion.authorId === person.id;

/** Whether a range holds any text or leaf node (an image, a rule), rather than only block boundaries. */
function holdsContent(doc: PmNode, from: number, to: number): boolean {
  let found = false;
  doc.nodesBetween(from, to, (node) => {
    if (found) return false;
    if (node.isInline || node.isLeaf) found = true;
    return !found;
  });
  return found;
}

/** The text blocks whose start a deletion from `from` to `to` crosses: each would be joined to the one before. */
function crossedBlocks(doc: PmNode, from: number, to: number): { pos: number; node: PmNode }[] {
  const blocks: { pos: number; node: PmNode }[] = [];
  doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isTextblock) return true;
    if (pos + 1 > from && pos + 1 <= to) blocks.push({ pos, node });
    return false;
  });
  return blocks;
}

/**
 * A join (Backspace at a block's start, Delete at its end, a deletion across blocks) becomes a suggestion to
 * join: the block after each crossed boundary is marked, nothing moves. Joining a block this person had
 * suggested splitting off simply undoes that split. A block with someone else's structural suggestion keeps
 * it: that one is decided first.
 */
function suggestJoins(
  tr: Transaction,
  from: number,
  to: number,
  ctx: SuggestionContext,
  id: string,
  conflicts: string[],
): void {
  for (const { pos, node } of crossedBlocks(tr.doc, from, to).reverse()) {
    const current = blockSuggestionOf(node);
    if (current && !mine(current, ctx.person)) {
      conflicts.push(current.authorName);
      continue;
    }
    if (current?.join) continue;
    if (current?.split && !current.was) {
      tr.setNodeAttribute(pos, BLOCK_SUGGESTION_ATTR, null);
      joinToPrevious(tr, pos);
      continue;
    }
    tr.setNodeAttribute(pos, BLOCK_SUGGESTION_ATTR, { ...(current ?? freshAttrs(ctx, id)), join: true });
  }
}

/**
 * After a structural edit (split, list or quote wrapped or lifted, type changed) has been applied: each text
 * block that changed shape records what it was (once: a second change keeps the first shape, and changing it
 * back clears the suggestion); each new text block (the second half of a split, a pasted paragraph, a pull
 * quote's parts) is marked as such. Returns the author's name when the edit would change a block that carries
 * someone else's structural suggestion: that one must be decided first, and the edit is not made.
 */
function recordShapes(
  before: PmNode,
  tr: Transaction,
  ctx: SuggestionContext,
  id: string,
): string | undefined {
  const images = new Map<number, number>();
  before.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    const mapped = tr.mapping.mapResult(pos + 1, -1);
    if (!mapped.deletedAcross) images.set(mapped.pos, pos + 1);
    return false;
  });
  const updates: { pos: number; value: BlockSuggestion | null }[] = [];
  let conflict: string | undefined;
  tr.doc.descendants((node, pos) => {
    if (conflict) return false;
    if (!node.isTextblock) return true;
    const oldStart = images.get(pos + 1);
    const current = blockSuggestionOf(node);
    if (oldStart === undefined) {
      const inserted = tr.doc.resolve(pos).parent.type.name === 'pullQuote';
      updates.push({
        pos,
        value: { ...freshAttrs(ctx, id), ...(inserted ? { inserted: true } : { split: true }) },
      });
      return false;
    }
    const $old = before.resolve(oldStart);
    const had = blockSuggestionOf($old.parent);
    const was = shapeAt($old);
    const now = shapeAt(tr.doc.resolve(pos + 1));
    let value = had;
    if (!sameShape(was, now)) {
      if (had && !mine(had, ctx.person)) {
        conflict = had.authorName;
        return false;
      }
      const original = had?.was ?? was;
      const { was: _was, ...rest }: BlockSuggestion = had ?? freshAttrs(ctx, id);
      value = sameShape(original, now) ? rest : { ...rest, was: original };
      if (!value.split && !value.join && !value.inserted && !value.was) value = null;
    }
    if (JSON.stringify(value) !== JSON.stringify(current)) updates.push({ pos, value });
    return false;
  });
  if (conflict !== undefined) return conflict;
  for (const { pos, value } of updates) tr.setNodeAttribute(pos, BLOCK_SUGGESTION_ATTR, value);
  return undefined;
}

/**
 * Turns an ordinary editing transaction into the same edit suggested: insertions marked, deletions kept and
 * marked, formatting recorded. Each step is rebased onto what was already rewritten (the original steps
 * assumed their deletions happened). Joins are only marked; other structural steps (split, wrapping in a
 * list, changing a block's type) are applied and the blocks they reshaped record what they were.
 */
export function suggestTransaction(
  state: EditorState,
  original: Transaction,
  ctx: SuggestionContext,
): Transaction {
  const t = typesOf(state);
  const tracked = state.tr;
  const id = ctx.newId();
  let cursor: number | undefined;
  const single = original.steps.length === 1;
  let structural = false;
  // Set for edits that are one suggestion each (a join, a format or link change, a structural change), so the
  // history does not group them with the edit before, however quickly they follow it.
  let ownStep = false;
  // Authors of structural suggestions that kept part of this edit from being made (a join onto their block).
  const conflicts: string[] = [];
  original.steps.forEach((step: Step, i) => {
    const back = new Mapping();
    for (let j = i - 1; j >= 0; j--) back.appendMap(original.steps[j]!.getMap().invert());
    back.appendMapping(tracked.mapping);
    const rebased = step.map(back);
    if (!rebased) return;
    if (rebased instanceof ReplaceStep) {
      const { from, to, slice } = rebased;
      const { selection } = state;
      // Backspace walks left over what it marks; Delete and a deleted selection leave the cursor after it.
      const backspace = single && selection.empty && selection.head === to;
      if (to > from && slice.size === 0 && !holdsContent(tracked.doc, from, to)) {
        if (crossedBlocks(tracked.doc, from, to).length === 0) {
          // Two lists or quotes merged (as wrapping next to one does): no text block moves.
          tracked.step(rebased);
          return;
        }
        const start = tracked.steps.length;
        suggestJoins(tracked, from, to, ctx, id, conflicts);
        const after = tracked.mapping.slice(start);
        cursor = backspace ? after.map(from, -1) : after.map(to, 1);
        ownStep = true;
        return;
      }
      const start = tracked.steps.length;
      if (to > from) {
        suggestJoins(tracked, from, to, ctx, id, conflicts);
        const joined = tracked.mapping.slice(start);
        suggestDelete(tracked, joined.map(from, 1), joined.map(to, -1), t, ctx, id);
      }
      const after = tracked.mapping.slice(start);
      const at = after.map(to, 1);
      if (slice.openStart > 0 || slice.openEnd > 0 || !slice.content.firstChild?.isInline)
        structural ||= slice.size > 0;
      if (slice.size > 0) {
        const insertStart = tracked.steps.length;
        suggestInsert(tracked, at, slice, t, ctx, id);
        cursor = tracked.mapping.slice(insertStart).map(at, 1);
      } else {
        cursor = backspace ? after.map(from, -1) : at;
      }
    } else if (
      (rebased instanceof AddMarkStep || rebased instanceof RemoveMarkStep) &&
      FORMAT_MARKS.has(rebased.mark.type.name)
    ) {
      suggestFormat(tracked, rebased, t, ctx, id);
      ownStep = true;
    } else if (tracked.maybeStep(rebased).doc) {
      structural ||= rebased instanceof ReplaceAroundStep || rebased instanceof AttrStep;
    }
  });
  const blocked = structural ? recordShapes(state.doc, tracked, ctx, id) : undefined;
  if (blocked !== undefined) {
    // Someone else's structural suggestion is on a block this edit would reshape: nothing is changed.
    const conflict: SuggestionConflict = { authorName: blocked };
    return state.tr.setMeta(SKIP_SUGGESTION, true).setMeta(SUGGESTION_CONFLICT, conflict);
  }
  if (conflicts.length > 0 && tracked.steps.length === 0) {
    const conflict: SuggestionConflict = { authorName: conflicts[0]! };
    return state.tr.setMeta(SKIP_SUGGESTION, true).setMeta(SUGGESTION_CONFLICT, conflict);
  }
  if (structural || ownStep) closeHistory(tracked);

  if (single && cursor !== undefined && original.selection.empty) {
    tracked.setSelection(TextSelection.near(tracked.doc.resolve(Math.min(cursor, tracked.doc.content.size))));
  } else if (original.selectionSet) {
    const base = original.selection.map(original.docs[0] ?? original.doc, original.mapping.invert());
    tracked.setSelection(base.map(tracked.doc, tracked.mapping));
  }
  if (original.storedMarksSet) tracked.setStoredMarks(original.storedMarks);
  if (original.scrolledIntoView) tracked.scrollIntoView();
  // Keep every meta of the original (paste, input type, history grouping): the rewrite is the same user act.
  const meta = (original as unknown as { meta: Record<string, unknown> }).meta;
  Object.assign((tracked as unknown as { meta: Record<string, unknown> }).meta, meta);
  tracked.setTime(original.time);
  return tracked;
}

/** Whether an incoming transaction is an edit to rewrite as a suggestion. */
export function shouldSuggest(tr: Transaction): boolean {
  return tr.docChanged && !tr.getMeta(SKIP_SUGGESTION) && !tr.getMeta('history$');
}

/**
 * With suggestion mode off, text typed or pasted is plain text: it does not take on the suggestion marks
 * around it (typing inside someone's suggested insertion would otherwise stretch their suggestion, which main
 * refuses). Called on ordinary edits only, never on undo or review work.
 */
export function plainInsertions(tr: Transaction): Transaction {
  const { marks } = tr.doc.type.schema;
  const types = [REVIEW_MARKS.insertion, REVIEW_MARKS.deletion, REVIEW_MARKS.format]
    .map((name) => marks[name])
    .filter((type): type is MarkType => type !== undefined);
  const ranges: { from: number; to: number }[] = [];
  tr.steps.forEach((step, i) => {
    if (!(step instanceof ReplaceStep) || step.slice.size === 0) return;
    const rest = tr.mapping.slice(i + 1);
    ranges.push({ from: rest.map(step.from, -1), to: rest.map(step.from + step.slice.size, 1) });
  });
  for (const { from, to } of ranges) {
    let marked = false;
    tr.doc.nodesBetween(from, to, (node) => {
      if (node.isInline && types.some((type) => type.isInSet(node.marks))) marked = true;
      return !marked;
    });
    if (marked) for (const type of types) tr.removeMark(from, to, type);
  }
  return tr;
}
