import type { ContentMatch, MarkType, NodeType, Schema } from '@tiptap/pm/model';
import { BLOCK_SUGGESTION_ATTR, REVIEW_MARKS } from '../domain/comments';
import { isAllowedLinkHref } from './links';

/** Nodes and marks whose checks go beyond the schema's shape (bodySchema.ts, contentProblem): left to it. */
const LEFT_TO_THE_FULL_CHECK = {
  nodes: new Set(['image', 'embed']),
  marks: new Set<string>(Object.values(REVIEW_MARKS)),
};

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Whether a body in JSON is one the schema holds, read from the JSON alone: the common body (paragraphs,
 * headings, lists, quotes, text with bold, italic and allowed links) without building a ProseMirror tree,
 * which cost ~50 µs of CPU per imported article. It only ever answers yes for a body the full check
 * (bodyProblem) accepts, following what `nodeFromJSON` and `check` do: known types, attributes that have
 * defaults, content in the order the schema allows, marks the parent allows, no two marks of a type, no
 * empty text. Anything it does not know (images, embeds, review marks, a suggestion on a block, a value it
 * cannot vouch for) answers no, and the full check decides and words the problem.
 */
export function isSoundBody(json: unknown, schema: Schema): boolean {
  return isObject(json) && json.type === 'doc' && soundNode(json, schema.nodes.doc!, schema);
}

function soundAttrs(attrs: unknown): boolean {
  if (attrs === undefined) return true;
  if (!isObject(attrs)) return false;
  const dir = attrs.dir;
  const suggestion = attrs[BLOCK_SUGGESTION_ATTR];
  return (
    (dir === undefined || dir === null || dir === 'ltr' || dir === 'rtl') &&
    (suggestion === undefined || suggestion === null)
  );
}

function soundMarks(marks: unknown, parent: NodeType, schema: Schema): boolean {
  if (marks === undefined) return true;
  if (!Array.isArray(marks)) return false;
  const seen: MarkType[] = [];
  for (const mark of marks) {
    if (!isObject(mark) || typeof mark.type !== 'string') return false;
    const type = Object.hasOwn(schema.marks, mark.type) ? schema.marks[mark.type] : undefined;
    if (!type || LEFT_TO_THE_FULL_CHECK.marks.has(mark.type) || !parent.allowsMarkType(type)) return false;
    if (mark.attrs !== undefined && !isObject(mark.attrs)) return false;
    if (type.name === 'link' && !isAllowedLinkHref(mark.attrs?.href)) return false;
    // A second mark of a type, or one another excludes, makes an invalid set.
    if (seen.some((other) => other === type || other.excludes(type) || type.excludes(other))) return false;
    seen.push(type);
  }
  return true;
}

function soundNode(json: Json, type: NodeType, schema: Schema): boolean {
  if (json.marks !== undefined || !soundAttrs(json.attrs)) return false;
  let match: ContentMatch = type.contentMatch;
  const content = json.content;
  if (content !== undefined) {
    if (!Array.isArray(content)) return false;
    let afterText = false;
    for (const child of content) {
      if (!isObject(child) || typeof child.type !== 'string') return false;
      const childType = Object.hasOwn(schema.nodes, child.type) ? schema.nodes[child.type] : undefined;
      if (!childType || LEFT_TO_THE_FULL_CHECK.nodes.has(child.type)) return false;
      const next = match.matchType(childType);
      if (!next) return false;
      if (childType.isText) {
        if (typeof child.text !== 'string' || child.text === '') return false;
        if (!soundMarks(child.marks, type, schema)) return false;
        // ProseMirror joins neighbouring texts with the same marks: the same state either way, or no answer.
        if (afterText && next !== match) return false;
        afterText = true;
      } else {
        if (!soundNode(child, childType, schema)) return false;
        afterText = false;
      }
      match = next;
    }
  }
  return match.validEnd;
}
