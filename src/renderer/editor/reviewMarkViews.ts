import type { Extensions } from '@tiptap/core';
import { BodySuggestionDelete } from '../../shared/editor/marks/suggestionDelete';
import { BodySuggestionFormat } from '../../shared/editor/marks/suggestionFormat';
import { BodySuggestionInsert } from '../../shared/editor/marks/suggestionInsert';
import i18next from 'i18next';
import { formatDateTime } from '../i18n/i18n';

let sheet: CSSStyleSheet | undefined;
const coloured = new Set<string>();

/**
 * Each author's suggestions in their colour. The CSP forbids style attributes, so the colour goes into one
 * constructed stylesheet, a rule per author (CSSOM is not inline style).
 */
function colourFor(authorId: unknown, colour: unknown): void {
  if (typeof authorId !== 'string' || typeof colour !== 'string' || coloured.has(authorId)) return;
  if (!/^[0-9a-f-]{36}$/i.test(authorId) || !/^#[0-9a-f]{6}$/i.test(colour)) return;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  coloured.add(authorId);
  sheet.insertRule(`[data-suggestion-author-id="${authorId}"] { --author-colour: ${colour}; }`);
}

function label(attrs: Record<string, unknown>): string {
  const at = Number(attrs.at);
  const when = Number.isFinite(at) && at > 0 ? formatDateTime(at) : '';
  return i18next.t('suggestions.byline', { name: String(attrs.authorName ?? ''), when });
}

/** The shared suggestion marks, shown in the editor with "Author, time" and the author's colour. */
export function reviewMarkViews(): Extensions {
  return [BodySuggestionDelete, BodySuggestionInsert, BodySuggestionFormat].map((mark) =>
    mark.extend({
      renderHTML({ mark: m, HTMLAttributes }) {
        colourFor(m.attrs.authorId, m.attrs.authorColour);
        const [tag, attrs, hole] = this.parent?.({ mark: m, HTMLAttributes }) as [
          string,
          Record<string, unknown>,
          0,
        ];
        return [tag, { ...attrs, title: label(m.attrs) }, hole];
      },
    }),
  );
}
