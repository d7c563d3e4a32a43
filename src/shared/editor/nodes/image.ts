import { mergeAttributes, Node } from '@tiptap/core';
import type { DOMOutputSpec } from '@tiptap/pm/model';
import { isMediaId, mediaUrl } from '../../domain/media';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    bodyImage: {
      insertImage: (attrs: {
        mediaId: string;
        alt?: string;
        caption?: string;
        credit?: string;
      }) => ReturnType;
      updateImage: (attrs: { alt?: string; caption?: string; credit?: string }) => ReturnType;
    };
  }
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * An image from the media store, with its caption, credit and alt text. The body keeps the store's id, never a
 * path or a remote address; the figure reads back into the same attributes.
 */
export const BodyImage = Node.create({
  name: 'image',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes() {
    return {
      mediaId: { default: null, rendered: false },
      alt: { default: '', rendered: false },
      caption: { default: '', rendered: false },
      credit: { default: '', rendered: false },
    };
  },
  parseHTML() {
    return [
      {
        tag: 'figure[data-media-id]',
        getAttrs: (element) => {
          const mediaId = element.getAttribute('data-media-id');
          if (!isMediaId(mediaId)) return false;
          return {
            mediaId,
            alt: element.querySelector('img')?.getAttribute('alt') ?? '',
            caption: element.querySelector('.image-caption')?.textContent ?? '',
            credit: element.querySelector('.image-credit')?.textContent ?? '',
          };
        },
      },
    ];
  },
  renderHTML({ node, HTMLAttributes }) {
    const { mediaId, alt, caption, credit } = node.attrs;
    const parts: DOMOutputSpec[] = [];
    if (text(caption)) parts.push(['span', { class: 'image-caption' }, text(caption)]);
    if (text(credit)) parts.push(['span', { class: 'image-credit' }, text(credit)]);
    const figure: DOMOutputSpec = [
      'figure',
      mergeAttributes(HTMLAttributes, { class: 'body-image', 'data-media-id': text(mediaId) }),
      ['img', { src: isMediaId(mediaId) ? mediaUrl(mediaId) : '', alt: text(alt) }],
      ...(parts.length ? [['figcaption', {}, ...parts] as DOMOutputSpec] : []),
    ];
    return figure;
  },
  addCommands() {
    return {
      insertImage:
        (attrs) =>
        ({ commands }) =>
          isMediaId(attrs.mediaId) &&
          commands.insertContent({
            type: this.name,
            attrs: { alt: '', caption: '', credit: '', ...attrs },
          }),
      updateImage:
        (attrs) =>
        ({ commands }) =>
          commands.updateAttributes(this.name, attrs),
    };
  },
});
