import { NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import type { BlockSuggestion } from '../../shared/domain/comments';
import { mediaUrl } from '../../shared/domain/media';
import { blockSuggestionClasses } from '../../shared/editor/extensions/blockSuggestion';
import { FieldCommentButton } from '../features/comments/FieldCommentButton';
import { blockSuggestionWhat, colourFor, suggestionLabel } from './reviewMarkViews';

/** An inline image in the editor: the picture, and its caption, credit and alt text edited in place. */
export function ImageView({ node, updateAttributes, selected }: ReactNodeViewProps) {
  const { t } = useTranslation();
  const attrs = node.attrs as { mediaId: string; alt: string; caption: string; credit: string };
  const field = (name: 'caption' | 'credit' | 'alt') => ({
    value: attrs[name],
    onChange: (e: { target: { value: string } }) => updateAttributes({ [name]: e.target.value }),
    dir: 'auto' as const,
    spellCheck: true,
  });
  // A suggested insertion or removal of the image, shown like the other block suggestions.
  const suggestion = (node.attrs.suggestion ?? null) as BlockSuggestion | null;
  if (suggestion) colourFor(suggestion.authorId, suggestion.authorColour);
  const suggested = suggestion
    ? {
        'data-suggestion-author-id': suggestion.authorId,
        title: `${suggestionLabel(suggestion)}: ${blockSuggestionWhat(suggestion, 'image')}`,
      }
    : {};
  return (
    <NodeViewWrapper
      as="figure"
      className={`body-image${selected ? ' is-selected' : ''}${suggestion ? ` ${blockSuggestionClasses(suggestion)}` : ''}`}
      data-media-id={attrs.mediaId}
      data-drag-handle=""
      {...suggested}
    >
      <img src={mediaUrl(attrs.mediaId)} alt={attrs.alt} draggable={false} />
      <figcaption contentEditable={false} suppressContentEditableWarning>
        <input aria-label={t('image.caption')} placeholder={t('image.caption')} {...field('caption')} />
        <FieldCommentButton anchor={{ kind: 'imageCaption', mediaId: attrs.mediaId }} quote={attrs.caption} />
        <input aria-label={t('image.credit')} placeholder={t('image.credit')} {...field('credit')} />
        <input aria-label={t('image.alt')} placeholder={t('image.alt')} {...field('alt')} />
      </figcaption>
    </NodeViewWrapper>
  );
}
