import type { BodyDoc, PmNode } from '../domain/article';
import { BLOCK_SUGGESTION_ATTR, REVIEW_MARKS, SuggestionAttrs } from '../domain/comments';
import { bodySchema } from './bodySchema';
import { compactBlockJson } from './extensions/blockSuggestion';
import { withoutBlockSuggestions } from './suggestions/reviewSuggestions';

type PmMark = NonNullable<PmNode['marks']>[number];

const SUGGESTION_NAMES: ReadonlySet<string> = new Set([
  REVIEW_MARKS.insertion,
  REVIEW_MARKS.deletion,
  REVIEW_MARKS.format,
]);

function walk(node: PmNode, visit: (node: PmNode) => void): void {
  visit(node);
  for (const child of node.content ?? []) walk(child, visit);
}

/** A block's structural suggestion (split, join, reshaped), if it has one. */
const blockSuggestion = (node: PmNode): Record<string, unknown> | undefined => {
  const value = node.attrs?.[BLOCK_SUGGESTION_ATTR];
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
};

/** Whether the body still carries structural suggestions (a split, a join, a block reshaped). */
export function hasBlockSuggestions(body: BodyDoc): boolean {
  let found = false;
  for (const block of body.content ?? [])
    walk(block, (node) => {
      if (blockSuggestion(node)) found = true;
    });
  return found;
}

/** Whether the body still carries suggested insertions, deletions, formatting, link or structural changes. */
export function hasSuggestions(body: BodyDoc): boolean {
  let found = false;
  for (const block of body.content ?? [])
    walk(block, (node) => {
      if (node.marks?.some((m) => SUGGESTION_NAMES.has(m.type)) || blockSuggestion(node)) found = true;
    });
  return found;
}

/** Each body thread's text, in document order: the first appearance of its mark decides its place. */
export function commentAnchors(body: BodyDoc): Map<string, string> {
  const anchors = new Map<string, string>();
  for (const block of body.content ?? [])
    walk(block, (node) => {
      for (const mark of node.marks ?? []) {
        if (mark.type !== REVIEW_MARKS.comment) continue;
        const id = mark.attrs?.threadId;
        if (typeof id === 'string') anchors.set(id, (anchors.get(id) ?? '') + (node.text ?? ''));
      }
    });
  return anchors;
}

/** Who suggested what in a body: one entry per author, for "accept all by this person". */
export function suggestionAuthors(
  body: BodyDoc,
): { authorId: string; authorName: string; authorColour: string }[] {
  const authors = new Map<string, { authorId: string; authorName: string; authorColour: string }>();
  for (const block of body.content ?? [])
    walk(block, (node) => {
      const signed = [
        ...(node.marks ?? []).filter((m) => SUGGESTION_NAMES.has(m.type)).map((m) => m.attrs),
        blockSuggestion(node),
      ];
      for (const signature of signed)
        if (signature) {
          const attrs = SuggestionAttrs.safeParse(signature);
          if (attrs.success && !authors.has(attrs.data.authorId))
            authors.set(attrs.data.authorId, {
              authorId: attrs.data.authorId,
              authorName: attrs.data.authorName,
              authorColour: attrs.data.authorColour,
            });
        }
    });
  return [...authors.values()];
}

/** A text node as it stood before its suggestions: insertions gone, deletions kept, formatting put back. */
function original(node: PmNode): PmNode | null {
  const marks = node.marks ?? [];
  if (marks.some((m) => m.type === REVIEW_MARKS.insertion)) return null;
  let kept: PmMark[] = marks.filter(
    (m) => m.type !== REVIEW_MARKS.comment && m.type !== REVIEW_MARKS.deletion,
  );
  const format = kept.find((m) => m.type === REVIEW_MARKS.format);
  if (format) {
    const added = new Set(Array.isArray(format.attrs?.added) ? (format.attrs.added as string[]) : []);
    const removed = Array.isArray(format.attrs?.removed) ? (format.attrs.removed as string[]) : [];
    kept = kept.filter((m) => m !== format && !added.has(m.type));
    for (const name of removed) if (!kept.some((m) => m.type === name)) kept.push({ type: name });
    const link = format.attrs?.link as { before?: Record<string, unknown> | null } | null | undefined;
    if (link) {
      kept = kept.filter((m) => m.type !== 'link');
      if (link.before) kept.unshift({ type: 'link', attrs: link.before });
    }
  }
  const { marks: _marks, ...rest } = node;
  return kept.length ? { ...rest, marks: kept } : rest;
}

function clean(node: PmNode): PmNode | null {
  if (node.type === 'text') return original(node);
  if (!node.content) return node;
  const content = node.content.map(clean).filter((n): n is PmNode => n !== null);
  return { ...node, content };
}

/**
 * The body as a reader may see it: no comment anchors, and suggestions not taken (the text and blocks as they
 * were before them). Publishing is refused while suggestions remain (pre-publish check); this makes sure that even then no
 * review markup and no unaccepted change can reach the site's HTML.
 */
export function publishableBody(body: BodyDoc): BodyDoc {
  // Structural suggestions are undone by the editor's own reject, so the reader gets the blocks as they were.
  if (hasBlockSuggestions(body))
    body = compactBlockJson(withoutBlockSuggestions(bodySchema().nodeFromJSON(body)).toJSON() as BodyDoc);
  const content = (body.content ?? []).map(clean).filter((n): n is PmNode => n !== null);
  return { ...body, content };
}

/**
 * Where body anchors sit, in document order: `thread:<id>` at a comment mark's first text, `image:<mediaId>`
 * at an inline image (whose caption threads hang on it).
 */
export function anchorOrder(body: BodyDoc): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  const note = (key: string): void => {
    if (!seen.has(key)) {
      seen.add(key);
      order.push(key);
    }
  };
  for (const block of body.content ?? [])
    walk(block, (node) => {
      if (node.type === 'image' && typeof node.attrs?.mediaId === 'string')
        note(`image:${node.attrs.mediaId}`);
      for (const mark of node.marks ?? [])
        if (mark.type === REVIEW_MARKS.comment && typeof mark.attrs?.threadId === 'string')
          note(`thread:${mark.attrs.threadId}`);
    });
  return order;
}

/** Who signed a suggestion and when, as one comparable string. */
export function suggestionSignature(attrs: Record<string, unknown> | undefined): string {
  const a = attrs ?? {};
  return JSON.stringify([a.authorId ?? null, a.authorName ?? null, a.authorColour ?? null, a.at ?? 0]);
}

/** One suggestion as a body carries it, for the guard's comparison with the stored body. */
export interface SuggestionEntry {
  /** Who and when (more than one only in a forged body). */
  signatures: Set<string>;
  /** What it changes beyond its text: a format change's marks and link, a block suggestion's facets. */
  details: Set<string>;
  /** The text a mark covers, in document order; for a block suggestion, one character per block. */
  text: string;
}

/**
 * The review marks of a body, gathered in one walk: each suggestion as `type:id` (`block:id` for structural
 * ones) with its signatures, details and coverage, and the comment threads anchored in it.
 */
export interface ReviewMarkIndex {
  suggestions: Map<string, SuggestionEntry>;
  threads: Set<string>;
}

const SIGNATURE_FIELDS = new Set(['id', 'authorId', 'authorName', 'authorColour', 'at']);

/** A suggestion's attributes other than who and when, as one comparable string. */
function detailsOf(attrs: Record<string, unknown> | undefined): string {
  const rest: Record<string, unknown> = {};
  for (const key of Object.keys(attrs ?? {}).sort()) {
    const value = attrs?.[key];
    if (!SIGNATURE_FIELDS.has(key) && value !== null && value !== undefined) rest[key] = value;
  }
  return JSON.stringify(rest);
}

export function reviewMarkIndex(body: BodyDoc): ReviewMarkIndex {
  const index: ReviewMarkIndex = { suggestions: new Map(), threads: new Set() };
  const note = (
    key: string,
    attrs: Record<string, unknown> | undefined,
    text: string,
    plain: boolean,
  ): void => {
    let entry = index.suggestions.get(key);
    if (!entry) {
      entry = { signatures: new Set(), details: new Set(), text: '' };
      index.suggestions.set(key, entry);
    }
    entry.signatures.add(suggestionSignature(attrs));
    // Insertions and deletions say nothing beyond who, when and their text: no need to serialise them.
    entry.details.add(plain ? '{}' : detailsOf(attrs));
    entry.text += text;
  };
  const visit = (node: PmNode): void => {
    if (node.marks)
      for (const mark of node.marks) {
        if (mark.type === REVIEW_MARKS.comment) {
          if (typeof mark.attrs?.threadId === 'string') index.threads.add(mark.attrs.threadId);
        } else if (SUGGESTION_NAMES.has(mark.type))
          note(
            `${mark.type}:${String(mark.attrs?.id)}`,
            mark.attrs,
            node.text ?? '\ufffc',
            mark.type !== REVIEW_MARKS.format,
          );
      }
    const structural = node.attrs && blockSuggestion(node);
    if (structural) note(`block:${String(structural.id)}`, structural, '\u00b6', false);
    if (node.content) for (const child of node.content) visit(child);
  };
  for (const block of body.content ?? []) visit(block);
  return index;
}
