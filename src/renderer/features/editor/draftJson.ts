import type { BodyDoc } from '../../../shared/domain/article';

/**
 * JSON text of each body block, remembered by block object: the editor reuses the JSON objects of blocks a
 * change did not touch (editor/bodyJson.ts), so a draft's text costs the changed blocks, not the article.
 */
const blockText = new WeakMap<object, string>();

function bodyText(body: BodyDoc): string {
  const parts = Object.entries(body).flatMap(([key, value]) => {
    if (value === undefined) return [];
    if (key !== 'content' || !Array.isArray(value))
      return [`${JSON.stringify(key)}:${JSON.stringify(value)}`];
    const blocks = value.map((block: object) => {
      let text = blockText.get(block);
      if (text === undefined) {
        text = JSON.stringify(block);
        blockText.set(block, text);
      }
      return text;
    });
    return [`"content":[${blocks.join(',')}]`];
  });
  return `{${parts.join(',')}}`;
}

const BODY_VALUE = '\u0000body\u0000';
const BODY_SLOT = JSON.stringify(BODY_VALUE);

/** JSON.stringify of a value whose `draft.body` is an article body, with the body's blocks cached. */
export function stringifyWithBody<T extends { draft: { body: BodyDoc } }>(value: T): string {
  const text = JSON.stringify({ ...value, draft: { ...value.draft, body: BODY_VALUE } });
  const at = text.indexOf(BODY_SLOT);
  // A field holding the placeholder itself (never typed, but possible): no shortcut.
  if (at < 0 || text.indexOf(BODY_SLOT, at + 1) >= 0) return JSON.stringify(value);
  return text.slice(0, at) + bodyText(value.draft.body) + text.slice(at + BODY_SLOT.length);
}
