import type { PmNode } from '../domain/article';

/** The plain text of a body: blocks separated by a blank line, hard breaks as line breaks. */
export function bodyText(doc: PmNode): string {
  const blocks: string[] = [];
  const inline = (node: PmNode): string =>
    node.type === 'text'
      ? (node.text ?? '')
      : node.type === 'hardBreak'
        ? '\n'
        : (node.content ?? []).map(inline).join('');
  for (const block of doc.content ?? []) blocks.push(inline(block));
  return blocks.join('\n\n');
}
