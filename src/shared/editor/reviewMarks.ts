import type { BodyDoc, PmNode } from '../domain/article';
import { REVIEW_MARKS, SuggestionAttrs } from '../domain/comments';

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

/** Whether the body still carries suggested insertions, deletions or formatting changes. */
export function hasSuggestions(body: BodyDoc): boolean {
  let found = false;
  for (const block of body.content ?? [])
    walk(block, (node) => {
      if (node.marks?.some((m) => SUGGESTION_NAMES.has(m.type))) found = true;
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
      for (const mark of node.marks ?? [])
        if (SUGGESTION_NAMES.has(mark.type)) {
          const attrs = SuggestionAttrs.safeParse(mark.attrs);
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
 * The body as a reader may see it: no comment anchors, and suggestions not taken (the text as it was before
 * them). Publishing is refused while suggestions remain (pre-publish check); this makes sure that even then no
 * review markup and no unaccepted change can reach the site's HTML.
 */
export function publishableBody(body: BodyDoc): BodyDoc {
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

/**
 * The review marks of a body, gathered in one walk: each suggestion as `type:id` with the signatures it
 * carries (more than one only in a forged body), and the comment threads anchored in it.
 */
export interface ReviewMarkIndex {
  suggestions: Map<string, Set<string>>;
  threads: Set<string>;
}

export function reviewMarkIndex(body: BodyDoc): ReviewMarkIndex {
  const index: ReviewMarkIndex = { suggestions: new Map(), threads: new Set() };
  const visit = (node: PmNode): void => {
    if (node.marks)
      for (const mark of node.marks) {
        if (mark.type === REVIEW_MARKS.comment) {
          if (typeof mark.attrs?.threadId === 'string') index.threads.add(mark.attrs.threadId);
        } else if (SUGGESTION_NAMES.has(mark.type)) {
          const key = `${mark.type}:${String(mark.attrs?.id)}`;
          const signatures = index.suggestions.get(key) ?? new Set<string>();
          signatures.add(suggestionSignature(mark.attrs));
          index.suggestions.set(key, signatures);
        }
      }
    if (node.content) for (const child of node.content) visit(child);
  };
  for (const block of body.content ?? []) visit(block);
  return index;
}
