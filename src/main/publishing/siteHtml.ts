import type { BodyDoc, Language, PmNode } from '../../shared/domain/article';
import { isMediaId, mediaUrl } from '../../shared/domain/media';
import { captionParts } from '../../shared/publishing/photoCredit';
import { bodyToHtml } from '../content/bodyHtml';

/**
 * The body as the site gets it, and as the preview shows it: one generator, whose only variable is where an
 * image is loaded from. The preview loads the app's own copy (/media/<id>, offline, under its CSP); the push
 * loads the copy uploaded to the site's media library. Every other byte is the same.
 */
export type ImageSrc = (mediaId: string) => string;

/** The preview's resolver: the media store's files on the app's own origin. */
export const localImageSrc: ImageSrc = mediaUrl;

export interface InlineImage {
  mediaId: string;
  alt: string;
  caption: string;
  credit: string;
}

/** The body's images, each media id once (its first use gives the media library its alt text and caption). */
export function inlineImages(body: BodyDoc): InlineImage[] {
  const seen = new Map<string, InlineImage>();
  const visit = (node: PmNode): void => {
    if (node.type === 'image') {
      const a = (node.attrs ?? {}) as Record<string, unknown>;
      const str = (v: unknown): string => (typeof v === 'string' ? v : '');
      if (isMediaId(a.mediaId) && !seen.has(a.mediaId))
        seen.set(a.mediaId, {
          mediaId: a.mediaId,
          alt: str(a.alt),
          caption: str(a.caption),
          credit: str(a.credit),
        });
    }
    for (const child of node.content ?? []) visit(child);
  };
  visit(body as PmNode);
  return [...seen.values()];
}

/**
 * The body HTML for the site: image sources from the resolver, and the credit joined to the caption with the
 * same words the media library's caption has ("Caption — Photo : Credit"), in a text node between the caption
 * and credit spans, so a theme without our styles reads well and a pull still reads caption and credit apart.
 */
export function siteBodyHtml(body: BodyDoc, language: Language, imageSrc: ImageSrc = localImageSrc): string {
  return bodyToHtml(body, (root) => {
    for (const figure of root.querySelectorAll('figure[data-media-id]')) {
      const mediaId = figure.getAttribute('data-media-id') ?? '';
      const img = figure.querySelector('img');
      if (img && isMediaId(mediaId)) img.setAttribute('src', imageSrc(mediaId));
      const credit = figure.querySelector('figcaption > .image-credit');
      if (credit) {
        const caption = figure.querySelector('figcaption > .image-caption')?.textContent ?? '';
        const { joiner } = captionParts(caption, credit.textContent ?? '', language);
        credit.before(joiner);
      }
    }
  });
}
