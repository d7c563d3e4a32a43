import type { Attributes } from '@tiptap/core';

/** SuggestionAttrs field -> the data attribute that carries it in HTML. */
const DATA: Record<string, string> = {
  id: 'data-suggestion-id',
  authorId: 'data-suggestion-author-id',
  authorName: 'data-suggestion-author-name',
  authorColour: 'data-suggestion-author-colour',
  at: 'data-suggestion-at',
};

/**
 * SuggestionAttrs (shared/domain/comments) as mark attributes, kept in data-* attributes so a suggestion goes
 * through HTML (a pending post, a package) with its author and time, and the parse rules can require them.
 */
export function suggestionAttributes(): Attributes {
  const attributes: Attributes = {};
  for (const [name, data] of Object.entries(DATA))
    attributes[name] = {
      default: name === 'at' ? 0 : null,
      parseHTML: (element) => {
        const value = element.getAttribute(data);
        return name === 'at' ? Number(value ?? 0) : value;
      },
      renderHTML: (attrs: Record<string, unknown>) => ({ [data]: String(attrs[name] ?? '') }),
    };
  return attributes;
}

/** Suggestion marks win over Strike/Underline for their own elements: theirs are plain ins/del/s/u. */
export const SUGGESTION_PARSE_PRIORITY = 100;
