import { Mark } from '@tiptap/core';
import { LinkChange, REVIEW_MARKS } from '../../domain/comments';
import { SUGGESTION_PARSE_PRIORITY, suggestionAttributes } from './suggestionAttrs';

const names = (value: string | null): string[] => {
  try {
    const parsed: unknown = JSON.parse(value ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((n): n is string => typeof n === 'string') : [];
  } catch {
    return [];
  }
};

const linkChange = (value: string | null): LinkChange | null => {
  try {
    const parsed = LinkChange.safeParse(JSON.parse(value ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};

/**
 * A formatting change (bold, italic...) suggested on this text: the new formatting is applied, and `added` /
 * `removed` name the marks that changed, so rejecting puts the text's formatting back as it was. A link added,
 * edited or removed is one too: `link` holds the link before and after (null where there was or is none).
 */
export const BodySuggestionFormat = Mark.create({
  name: REVIEW_MARKS.format,
  inclusive: false,
  excludes: REVIEW_MARKS.format,
  addAttributes() {
    return {
      ...suggestionAttributes(),
      added: {
        default: [],
        parseHTML: (element) => names(element.getAttribute('data-suggestion-added')),
        renderHTML: (attrs) => ({ 'data-suggestion-added': JSON.stringify(attrs.added ?? []) }),
      },
      removed: {
        default: [],
        parseHTML: (element) => names(element.getAttribute('data-suggestion-removed')),
        renderHTML: (attrs) => ({ 'data-suggestion-removed': JSON.stringify(attrs.removed ?? []) }),
      },
      link: {
        default: null,
        parseHTML: (element) => linkChange(element.getAttribute('data-suggestion-link')),
        renderHTML: (attrs) => (attrs.link ? { 'data-suggestion-link': JSON.stringify(attrs.link) } : {}),
      },
    };
  },
  parseHTML() {
    return [{ tag: 'span[data-suggestion-format]', priority: SUGGESTION_PARSE_PRIORITY }];
  },
  renderHTML({ HTMLAttributes }) {
    return [
      'span',
      { ...HTMLAttributes, 'data-suggestion-format': '', class: 'suggestion suggestion-format' },
      0,
    ];
  },
});
