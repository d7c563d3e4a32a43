import { Extension, type Attribute } from '@tiptap/core';
import { BLOCK_SUGGESTION_ATTR, BlockSuggestion } from '../../domain/comments';

/** The blocks that carry structural suggestions: every text block of the body. */
export const SUGGESTIBLE_BLOCKS = ['paragraph', 'heading', 'pullQuoteText', 'pullQuoteAttribution'] as const;

/** The block atoms (no text of their own) whose insertion or removal is suggested on their own attribute. */
export const SUGGESTIBLE_ATOMS: ReadonlySet<string> = new Set(['image', 'embed', 'horizontalRule']);

/** The facets of a block suggestion, as class names for the editor's styles. */
export function blockSuggestionClasses(value: BlockSuggestion): string {
  const classes = ['suggestion-block'];
  if (value.split) classes.push('suggestion-split');
  if (value.join) classes.push('suggestion-join');
  if (value.was) classes.push('suggestion-reshaped');
  if (value.inserted) classes.push('suggestion-inserted');
  if (value.deleted) classes.push('suggestion-deleted');
  return classes.join(' ');
}

function parse(raw: string | null): BlockSuggestion | null {
  if (!raw) return null;
  try {
    const parsed = BlockSuggestion.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * A structural suggestion (split, join, change of type or of the lists and quotes around a block) is an
 * attribute of the text block, not a mark: it has the author and time of the other suggestions and what the
 * block was, so rejecting restores it exactly. Never copied onto the new half of a split block. In HTML it
 * travels as data-block-suggestion (JSON); the published HTML never carries it (publishableBody).
 */
export const BodyBlockSuggestion = Extension.create({
  name: 'blockSuggestion',
  addGlobalAttributes() {
    const attribute: Attribute = {
      default: null,
      keepOnSplit: false,
      parseHTML: (element) => parse(element.getAttribute('data-block-suggestion')),
      renderHTML: (attributes) => {
        const value = attributes[BLOCK_SUGGESTION_ATTR] as BlockSuggestion | null;
        if (!value) return {};
        return {
          'data-block-suggestion': JSON.stringify(value),
          'data-suggestion-author-id': value.authorId,
          class: blockSuggestionClasses(value),
        };
      },
    };
    // The text blocks together, then one entry per atom, so the editor's views can say "image added".
    return [
      { types: [...SUGGESTIBLE_BLOCKS], attributes: { [BLOCK_SUGGESTION_ATTR]: attribute } },
      ...[...SUGGESTIBLE_ATOMS].map((type) => ({
        types: [type],
        attributes: { [BLOCK_SUGGESTION_ATTR]: attribute },
      })),
    ];
  },
});

type JsonNode = { attrs?: Record<string, unknown>; content?: JsonNode[] };

/**
 * A node's JSON without the empty suggestion attribute every text block has by default: bodies without
 * structural suggestions stay exactly as they were before the attribute existed (same bytes, same hashes),
 * and a missing attribute reads back as null. Returns the same object when there was nothing to drop.
 */
export function compactBlockJson<T>(json: T): T {
  const node = json as JsonNode;
  let attrs = node.attrs;
  if (attrs && BLOCK_SUGGESTION_ATTR in attrs && attrs[BLOCK_SUGGESTION_ATTR] === null) {
    const { [BLOCK_SUGGESTION_ATTR]: _empty, ...rest } = attrs;
    attrs = rest;
  }
  let content = node.content;
  if (content) {
    const compacted = content.map(compactBlockJson);
    if (compacted.some((child, i) => child !== content![i])) content = compacted;
  }
  if (attrs === node.attrs && content === node.content) return json;
  const out: JsonNode = { ...node, attrs };
  if (content) out.content = content;
  return out as T;
}
