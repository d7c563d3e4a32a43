import { decodeHTML, decodeHTMLAttribute } from 'entities';
import type { PhotoLookup, WxrPhotos } from './wxrPhotos';

/*
 * A post's images as the body's image figures (nodes/image.ts reads `figure[data-media-id]`), before the HTML
 * becomes a body: without this the conversion drops every <img>, since the body keeps media-store ids, never
 * addresses. WordPress writes its images three ways, all handled here:
 *   - the block editor: <figure class="wp-block-image"><img class="wp-image-12" …><figcaption>…</figcaption></figure>
 *   - the classic editor's caption shortcode: [caption id="attachment_12" …]<img …> The caption[/caption]
 *   - a bare <img class="wp-image-12" …>, often inside a link to the full-size file.
 * Galleries come as their images' figures, in order (the body has no gallery node; a figure each is what the
 * editor offers), each with its caption:
 *   - the classic editor's [gallery ids="12,13"] (or include="…"; without either, the images uploaded to the
 *     post, as WordPress shows them), captioned with each attachment's caption as WordPress shows them;
 *   - the block editor's <!-- wp:gallery -->, with its images as image blocks (WordPress 5.9 and later) or as
 *     <li class="blocks-gallery-item"> (before); the gallery's own caption follows its figures as a paragraph.
 * An image whose file cannot be had is left out and named in `problems`; the article keeps its text.
 */

const GALLERY_SHORTCODE = /\[gallery\b([^\]]*)\]/gi;
const GALLERY_BLOCK = /<!--\s*wp:gallery\b[\s\S]*?-->([\s\S]*?)<!--\s*\/wp:gallery\s*-->/gi;
/** One image of a block gallery: an image block's figure (5.9+) or a list item's (before). */
const GALLERY_IMAGE =
  /<figure\b[^>]*\bwp-block-image\b[^>]*>([\s\S]*?)<\/figure>|<li\b[^>]*\bblocks-gallery-item\b[^>]*>([\s\S]*?)<\/li>/gi;
const GALLERY_CAPTION = /<figcaption\b[^>]*\bblocks-gallery-caption\b[^>]*>([\s\S]*?)<\/figcaption>/i;
const FIGCAPTION = /<figcaption\b[^>]*>([\s\S]*?)<\/figcaption>/i;
const BLOCK_FIGURE = /<figure\b[^>]*\bwp-block-image\b[^>]*>([\s\S]*?)<\/figure>/gi;
const CAPTION_SHORTCODE = /\[caption\b[^\]]*\]([\s\S]*?)\[\/caption\]/gi;
/** An <img>, with the link around it if there is one (the link to the full-size file goes with the image). */
const IMAGE = /(?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?/gi;
const IMG_TAG = /<img\b[^>]*>/i;
/** Marks the <img> of a figure made here, so the pass for bare images leaves it alone. */
const MADE = 'data-imported';

function attribute(tag: string, name: string): string {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(tag);
  return m ? decodeHTMLAttribute(m[1] ?? m[2] ?? m[3] ?? '') : '';
}

/** A caption's text: inline tags (<em>, <a>) go without a space, line breaks become one. */
const textOf = (html: string): string =>
  decodeHTML(html.replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();

const escapeAttribute = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const escapeText = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The attachment ids a [gallery] shortcode shows, in its order. */
function galleryIds(attributes: string, postId: string | undefined, photos: WxrPhotos): string[] {
  const listed = attribute(attributes, 'ids') || attribute(attributes, 'include');
  const ids = listed
    ? listed.split(',').map((id) => id.trim())
    : postId
      ? photos.attachedTo(attribute(attributes, 'id') || postId)
      : [];
  const excluded = new Set(
    attribute(attributes, 'exclude')
      .split(',')
      .map((id) => id.trim()),
  );
  return ids.filter((id) => /^\d+$/.test(id) && !excluded.has(id));
}

/**
 * `postId`: the post's WordPress id, for a [gallery] that names no images (it shows the post's own).
 */
export function withWxrImages(
  html: string,
  photos: WxrPhotos,
  postId?: string,
): { html: string; problems: string[]; mediaIds: string[] } {
  const problems: string[] = [];
  const mediaIds = new Set<string>();

  /** A photo found as the body's figure, or nothing (and its problem said) when it cannot be had. */
  function figureOf(photo: PhotoLookup, alt: string, caption: string): string {
    if ('problem' in photo) {
      problems.push(photo.problem);
      return '';
    }
    mediaIds.add(photo.mediaId);
    const parts = [
      caption ? `<span class="image-caption">${escapeText(caption.slice(0, 2000))}</span>` : '',
      photo.credit ? `<span class="image-credit">${escapeText(photo.credit)}</span>` : '',
    ].join('');
    const captionHtml = parts ? `<figcaption>${parts}</figcaption>` : '';
    return `<figure data-media-id="${photo.mediaId}"><img ${MADE} alt="${escapeAttribute(alt.slice(0, 1000))}">${captionHtml}</figure>`;
  }

  /** One <img> as the body's figure, or nothing when its photo cannot be had. */
  function figure(imgTag: string, caption: string): string {
    const src = attribute(imgTag, 'src');
    const attachmentId = /\bwp-image-(\d+)\b/.exec(attribute(imgTag, 'class'))?.[1];
    if (!src && !attachmentId) return '';
    const photo = photos.inline({ attachmentId, src });
    return figureOf(photo, attribute(imgTag, 'alt').trim() || ('alt' in photo ? photo.alt : ''), caption);
  }

  if (!/<img\b|\[gallery\b/i.test(html)) return { html, problems, mediaIds: [] };
  const out = html
    .replace(GALLERY_BLOCK, (whole, inner: string) => {
      const figures = [...inner.matchAll(GALLERY_IMAGE)].map((m) => {
        const item = m[1] ?? m[2] ?? '';
        const img = IMG_TAG.exec(item)?.[0];
        return img ? figure(img, textOf(FIGCAPTION.exec(item)?.[1] ?? '')) : '';
      });
      if (figures.length === 0) return whole;
      const caption = textOf(GALLERY_CAPTION.exec(inner)?.[1] ?? '');
      return `${figures.join('')}${caption ? `<p>${escapeText(caption)}</p>` : ''}`;
    })
    .replace(GALLERY_SHORTCODE, (_whole, attributes: string) =>
      galleryIds(attributes, postId, photos)
        .map((id) => {
          const photo = photos.attachment(id);
          return 'problem' in photo ? figureOf(photo, '', '') : figureOf(photo, photo.alt, photo.caption);
        })
        .join(''),
    )
    .replace(BLOCK_FIGURE, (whole, inner: string) => {
      const img = IMG_TAG.exec(inner)?.[0];
      if (!img) return whole;
      return figure(img, textOf(/<figcaption\b[^>]*>([\s\S]*?)<\/figcaption>/i.exec(inner)?.[1] ?? ''));
    })
    .replace(CAPTION_SHORTCODE, (whole, inner: string) => {
      const img = IMG_TAG.exec(inner)?.[0];
      if (!img) return whole;
      return figure(img, textOf(inner.replace(IMAGE, '')));
    })
    .replace(IMAGE, (whole) => {
      const img = IMG_TAG.exec(whole)![0];
      return img.startsWith(`<img ${MADE} `) ? whole : figure(img, '');
    })
    // A figure is a block: out of the paragraph a classic post's blank lines put it in (autop), and no empty
    // paragraph where an image was left out.
    .replace(/<p>\s*((?:<figure data-media-id="[^"]*">(?:(?!<\/figure>)[\s\S])*<\/figure>\s*)+)<\/p>/g, '$1')
    .replace(/<p>(\s|<br\s*\/?>)*<\/p>/g, '');
  return { html: out, problems, mediaIds: [...mediaIds] };
}
