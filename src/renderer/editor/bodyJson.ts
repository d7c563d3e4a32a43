import type { Node as PmNode } from '@tiptap/pm/model';
import type { BodyDoc } from '../../shared/domain/article';
import { compactBlockJson } from '../../shared/editor/extensions/blockSuggestion';

/**
 * JSON of each top-level block, remembered by block: ProseMirror keeps the node objects of blocks a change
 * did not touch, so the body's JSON after a keystroke costs one block's conversion, not the document's.
 * The JSON objects are shared between successive drafts and must never be mutated (nothing does: drafts are
 * replaced, not edited, and the transports serialize them).
 */
const perBlock = new WeakMap<PmNode, unknown>();

/**
 * The same JSON as `doc.toJSON()` (TipTap's getJSON) less empty block suggestions (compactBlockJson), reusing
 * the JSON of unchanged blocks.
 */
export function bodyJson(doc: PmNode): BodyDoc {
  const content: unknown[] = [];
  doc.forEach((block) => {
    let json = perBlock.get(block);
    if (json === undefined) {
      json = compactBlockJson(block.toJSON() as unknown);
      perBlock.set(block, json);
    }
    content.push(json);
  });
  const json: Record<string, unknown> = { type: doc.type.name };
  if (Object.keys(doc.attrs).length > 0) json.attrs = doc.attrs;
  if (content.length > 0) json.content = content;
  return json as unknown as BodyDoc;
}
