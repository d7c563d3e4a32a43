import { decodeHTML, decodeHTMLAttribute } from 'entities';
import type { WxrPhotos } from './wxrPhotos';

/*
 * A post's images as the body's image figures (nodes/image.ts reads `figure[data-media-id]`), before the HTML
 * becomes a body: without this the conversion drops every <img>, since the body keeps media-store ids, never
 * addresses. WordPress writes its images three ways, all handled here:
 *   - the block editor: <figure class="wp-block-image"><img class="wp-image-12" …><figcaption>…</figcaption></figure>
 *   - the classic editor's caption shortcode: [caption id="attachment_12" …]<img …> The caption[/caption]
 *   - a bare <img class="wp-image-12" …>, often inside a link to the full-size file.
 * An image whose file cannot be had is left out and named in `problems`; the article keeps its text.
 */

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

export function withWxrImages(
  html: string,
  photos: WxrPhotos,
): { html: string; problems: string[]; mediaIds: string[] } {
  const problems: string[] = [];
  const mediaIds = new Set<string>();

  /** One image as the body's figure, or nothing when its photo cannot be had. */
  function figure(imgTag: string, caption: string): string {
    const src = attribute(imgTag, 'src');
    const attachmentId = /\bwp-image-(\d+)\b/.exec(attribute(imgTag, 'class'))?.[1];
    if (!src && !attachmentId) return '';
    const photo = photos.inline({ attachmentId, src });
    if ('problem' in photo) {
      problems.push(photo.problem);
      return '';
    }
    mediaIds.add(photo.mediaId);
    const alt = attribute(imgTag, 'alt').trim() || photo.alt;
    const parts = [
      caption ? `<span class="image-caption">${escapeText(caption.slice(0, 2000))}</span>` : '',
      photo.credit ? `<span class="image-credit">${escapeText(photo.credit)}</span>` : '',
    ].join('');
    const captionHtml = parts ? `<figcaption>${parts}</figcaption>` : '';
    return `<figure data-media-id="${photo.mediaId}"><img ${MADE} alt="${escapeAttribute(alt.slice(0, 1000))}">${captionHtml}</figure>`;
  }

  if (!/<img\b/i.test(html)) return { html, problems, mediaIds: [] };
  const out = html
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
    .replace(/<p>\s*(<figure data-media-id="[^"]*">[\s\S]*?<\/figure>)\s*<\/p>/g, '$1')
    .replace(/<p>(\s|<br\s*\/?>)*<\/p>/g, '');
  return { html: out, problems, mediaIds: [...mediaIds] };
}
