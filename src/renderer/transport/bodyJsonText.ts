/**
 * JSON text of each body block, remembered by block object: the editor reuses the JSON objects of blocks a
 * change did not touch (editor/bodyJson.ts), so the text of a draft, for the crash copy or for an autosave,
 * costs the changed blocks, not the article.
 */
const blockText = new WeakMap<object, string>();

/** JSON.stringify(block), computed once per block object. */
export function blockJsonText(block: object): string {
  let text = blockText.get(block);
  if (text === undefined) {
    text = JSON.stringify(block);
    blockText.set(block, text);
  }
  return text;
}

interface BodyLike {
  type: 'doc';
  content: object[];
}

const isBody = (value: unknown): value is BodyLike =>
  typeof value === 'object' &&
  value !== null &&
  (value as { type?: unknown }).type === 'doc' &&
  Array.isArray((value as { content?: unknown }).content);

function bodyText(body: BodyLike): string {
  const parts = Object.entries(body).flatMap(([key, value]) => {
    if (value === undefined) return [];
    if (key !== 'content') return [`${JSON.stringify(key)}:${JSON.stringify(value)}`];
    const blocks = body.content.map(blockJsonText);
    return [`"content":[${blocks.join(',')}]`];
  });
  return `{${parts.join(',')}}`;
}

const SLOT = '\u0000body\u0000';
const SLOT_JSON = JSON.stringify(SLOT);

/** Exactly JSON.stringify(value), with every article body found under a `body` key written from the cache. */
export function stringifyWithBodies(value: unknown): string {
  const bodies: BodyLike[] = [];
  const text = JSON.stringify(value, (key, inner: unknown) => {
    if (key !== 'body' || !isBody(inner)) return inner;
    bodies.push(inner);
    return SLOT;
  });
  if (bodies.length === 0) return text;
  const parts = text.split(SLOT_JSON);
  // A field holding the placeholder itself (never typed, but possible): no shortcut.
  if (parts.length !== bodies.length + 1) return JSON.stringify(value);
  let out = parts[0] ?? '';
  bodies.forEach((body, i) => {
    out += bodyText(body) + (parts[i + 1] ?? '');
  });
  return out;
}
