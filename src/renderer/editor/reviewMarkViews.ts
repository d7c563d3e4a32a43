import type { Extensions, GlobalAttributes } from '@tiptap/core';
import type { BlockSuggestion } from '../../shared/domain/comments';
import { BodyBlockSuggestion, SUGGESTIBLE_ATOMS } from '../../shared/editor/extensions/blockSuggestion';
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
export function colourFor(authorId: unknown, colour: unknown): void {
  if (typeof authorId !== 'string' || typeof colour !== 'string' || coloured.has(authorId)) return;
  if (!/^[0-9a-f-]{36}$/i.test(authorId) || !/^#[0-9a-f]{6}$/i.test(colour)) return;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  coloured.add(authorId);
  sheet.insertRule(`[data-suggestion-author-id="${authorId}"] { --author-colour: ${colour}; }`);
}

export function suggestionLabel(attrs: Record<string, unknown>): string {
  const at = Number(attrs.at);
  const when = Number.isFinite(at) && at > 0 ? formatDateTime(at) : '';
  return i18next.t('suggestions.byline', { name: String(attrs.authorName ?? ''), when });
}

/** What a structural suggestion does, in words: "Split", "Join with the previous block", "Heading 2 (was…)". */
export function blockSuggestionWhat(value: BlockSuggestion, atom?: string): string {
  if (atom) {
    const what = i18next.t(`suggestions.atom.${atom}`, { defaultValue: atom });
    return i18next.t(value.deleted ? 'suggestions.block.atomDeleted' : 'suggestions.block.atomInserted', {
      what,
    });
  }
  const parts: string[] = [];
  if (value.inserted) parts.push(i18next.t('suggestions.block.inserted'));
  if (value.split) parts.push(i18next.t('suggestions.block.split'));
  if (value.join) parts.push(i18next.t('suggestions.block.join'));
  if (value.was) parts.push(i18next.t('suggestions.block.reshaped', { was: shapeName(value.was) }));
  return parts.join(' · ');
}

/** A former shape in words: "paragraph", "heading 3 in a bulleted list". */
function shapeName(shape: NonNullable<BlockSuggestion['was']>): string {
  const block =
    shape.type === 'heading'
      ? i18next.t('suggestions.shape.heading', { level: Number(shape.attrs.level) })
      : i18next.t(`suggestions.shape.${shape.type}`, { defaultValue: shape.type });
  const around = shape.path
    .filter((w) => w.type !== 'listItem')
    .map((w) => i18next.t(`suggestions.shape.${w.type}`, { defaultValue: w.type }));
  return around.length ? i18next.t('suggestions.shape.inside', { block, around: around.join(', ') }) : block;
}

/** The structural suggestion attribute, shown with "Author, time: what" and the author's colour. */
const BlockSuggestionView = BodyBlockSuggestion.extend({
  addGlobalAttributes() {
    const parent = (this.parent?.() ?? []) as GlobalAttributes;
    return parent.map((entry) => {
      // An atom's entry (image, embed, rule) says what is added or removed; the text blocks', what changed.
      const atom =
        entry.types.length === 1 && SUGGESTIBLE_ATOMS.has(entry.types[0]!) ? entry.types[0] : undefined;
      return {
        ...entry,
        attributes: Object.fromEntries(
          Object.entries(entry.attributes).map(([name, spec]) => [
            name,
            {
              ...spec,
              renderHTML: (attributes: Record<string, unknown>) => {
                const rendered = spec?.renderHTML?.(attributes) ?? {};
                const value = attributes[name] as BlockSuggestion | null;
                if (!value) return rendered;
                colourFor(value.authorId, value.authorColour);
                return {
                  ...rendered,
                  title: `${suggestionLabel(value)}: ${blockSuggestionWhat(value, atom)}`,
                };
              },
            },
          ]),
        ),
      };
    });
  },
});

/** The shared suggestion marks, shown in the editor with "Author, time" and the author's colour. */
export function reviewMarkViews(): Extensions {
  const marks = [BodySuggestionDelete, BodySuggestionInsert, BodySuggestionFormat].map((mark) =>
    mark.extend({
      renderHTML({ mark: m, HTMLAttributes }) {
        colourFor(m.attrs.authorId, m.attrs.authorColour);
        const [tag, attrs, hole] = this.parent?.({ mark: m, HTMLAttributes }) as [
          string,
          Record<string, unknown>,
          0,
        ];
        const link = m.attrs.link as { after?: { href?: unknown } | null } | null;
        const what = link
          ? `: ${link.after ? i18next.t('suggestions.link.to', { href: String(link.after.href) }) : i18next.t('suggestions.link.removed')}`
          : '';
        return [tag, { ...attrs, title: `${suggestionLabel(m.attrs)}${what}` }, hole];
      },
    }),
  );
  return [...marks, BlockSuggestionView];
}
