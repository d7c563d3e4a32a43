import { mergeAttributes, Node } from '@tiptap/core';
import { EMBED_PROVIDER_NAMES, embedProviderOf } from '../embeds';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    bodyEmbed: {
      insertEmbed: (url: string) => ReturnType;
    };
  }
}

/**
 * A YouTube, X, Instagram or Facebook post, kept as provider + URL and shown as a card: no iframe, no remote
 * script, nothing is fetched. The site turns it into the provider's player when it publishes.
 */
export const BodyEmbed = Node.create({
  name: 'embed',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes() {
    return {
      provider: { default: null, rendered: false },
      url: { default: null, rendered: false },
    };
  },
  parseHTML() {
    return [
      {
        tag: 'figure[data-embed]',
        getAttrs: (element) => {
          const url = element.getAttribute('data-url');
          const provider = embedProviderOf(url);
          return provider ? { provider, url } : false;
        },
      },
    ];
  },
  renderHTML({ node, HTMLAttributes }) {
    const provider = embedProviderOf(node.attrs.url);
    const url = provider ? String(node.attrs.url) : '';
    return [
      'figure',
      mergeAttributes(HTMLAttributes, {
        class: 'embed-card',
        'data-embed': provider ?? '',
        'data-url': url,
      }),
      ['span', { class: 'embed-provider' }, provider ? EMBED_PROVIDER_NAMES[provider] : '?'],
      ['span', { class: 'embed-url', dir: 'ltr' }, url],
    ];
  },
  addCommands() {
    return {
      insertEmbed:
        (url) =>
        ({ commands }) => {
          const provider = embedProviderOf(url);
          return (
            !!provider && commands.insertContent({ type: this.name, attrs: { provider, url: url.trim() } })
          );
        },
    };
  },
});
