import type { BodyDoc, PmNode } from '../domain/article';
import { REVIEW_MARKS } from '../domain/comments';

const REVIEW_MARK_NAMES = new Set<string>(Object.values(REVIEW_MARKS));

/**
 * The body as a reader may see it: comment anchors dropped, pending suggestions as if rejected (suggested
 * insertions left out, suggested deletions kept as plain text, formatting suggestions unmarked). What goes to
 * the site's post content and the preview; the review itself travels separately.
 */
export function withoutReview(body: BodyDoc): BodyDoc {
  if (!hasReviewMarks(body)) return body;
  const clean = (node: PmNode): PmNode | undefined => {
    if (node.marks?.some((m) => m.type === REVIEW_MARKS.insertion)) return undefined;
    const marks = node.marks?.filter((m) => !REVIEW_MARK_NAMES.has(m.type));
    const out: PmNode = { ...node };
    if (node.marks) {
      if (marks?.length) out.marks = marks;
      else delete out.marks;
    }
    if (node.content) out.content = node.content.map(clean).filter((n): n is PmNode => n !== undefined);
    return out;
  };
  return { ...body, content: body.content?.map(clean).filter((n): n is PmNode => n !== undefined) };
}

/** Whether any comment anchor or suggestion is left in the body. */
export function hasReviewMarks(body: { content?: PmNode[] | undefined }): boolean {
  const walk = (node: PmNode): boolean =>
    !!node.marks?.some((m) => REVIEW_MARK_NAMES.has(m.type)) || !!node.content?.some(walk);
  return !!body.content?.some(walk);
}
