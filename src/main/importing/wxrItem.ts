import {
  FIELD_MAX,
  type ArticleStatus,
  type BodyDoc,
  type FeaturedImage,
  type Language,
} from '../../shared/domain/article';
import type { ImportItem } from './importItem';
import { withWxrImages } from './wxrImages';
import type { WxrPhotos } from './wxrPhotos';
import type { WxrItem } from './wxrReader';

const STATUSES: Record<string, ArticleStatus> = {
  publish: 'published',
  draft: 'draft',
  'auto-draft': 'draft',
  pending: 'submitted',
  future: 'scheduled',
  private: 'published',
  trash: 'spiked',
};

/** "2024-03-05 14:07:00" (WordPress's GMT columns) to ms; undefined for the zero date or garbage. */
export function wpDate(text: string | undefined): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec((text ?? '').trim());
  if (!m || m[1] === '0000') return undefined;
  const ms = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Classic-editor posts keep paragraphs as blank lines (WordPress adds <p> when it displays them). */
export function autop(html: string): string {
  if (/<(p|h[1-6]|ul|ol|blockquote|figure|div)[\s>]/i.test(html)) return html;
  return html
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${p.replace(/\n/g, '<br>')}</p>`)
    .join('');
}

const LETTER = /^\p{L}$/u;
/** Whether each UTF-16 unit is a letter (Unicode L*), learnt as met: 1 yes, 0 no, -1 not yet known. */
const letterUnits = new Int8Array(0x10000).fill(-1);
function isLetterUnit(code: number): number {
  let known = letterUnits[code]!;
  if (known < 0) known = letterUnits[code] = LETTER.test(String.fromCharCode(code)) ? 1 : 0;
  return known;
}

/**
 * Arabic when more than three in ten of the letters are in the Arabic block, French otherwise. Counted
 * character by character: the two regular expressions this replaced (strip every non-letter, then list
 * every Arabic character) took ~200 µs of the reading thread's CPU per WordPress post.
 */
export function guessLanguage(text: string): Language {
  let letters = 0;
  let arabic = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x600 && code <= 0x6ff) arabic++;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < n) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        // A character beyond the first plane (a letter of an old script, an emoji) counts as its two units.
        if (LETTER.test(text.slice(i, i + 2))) letters += 2;
        i++;
        continue;
      }
    }
    // A lone surrogate is no letter (the table learns so).
    letters += isLetterUnit(code);
  }
  return letters > 0 && arabic / letters > 0.3 ? 'ar' : 'fr';
}

const stripTags = (html: string): string =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export type WxrOutcome =
  | { kind: 'item'; item: ImportItem; photoProblems?: string[] }
  | { kind: 'ignored' }
  | { kind: 'malformed'; reason: string };

/**
 * An export item as an article, or why it cannot be one. Pages, attachments and menus are ignored. With
 * `photos` (the export's attachments and uploads folder), the featured photo and the images of the content
 * come with it; a photo that cannot be had leaves the article without it and is named in `photoProblems`.
 */
export function wxrToImport(
  wxr: WxrItem,
  authors: Map<string, string>,
  toBody: (html: string) => BodyDoc,
  photos?: WxrPhotos,
): WxrOutcome {
  const f = wxr.fields;
  if (wxr.errors.length > 0) return { kind: 'malformed', reason: `XML error: ${wxr.errors.join('; ')}` };
  const type = (f['wp:post_type'] ?? 'post').trim();
  if (type !== 'post') return { kind: 'ignored' };
  const id = (f['wp:post_id'] ?? '').trim();
  const guid = (f['guid'] ?? '').trim();
  if (!id && !guid) return { kind: 'malformed', reason: 'The item has neither a post id nor a guid.' };
  const rawStatus = (f['wp:status'] ?? '').trim();
  const status = STATUSES[rawStatus];
  if (!status) return { kind: 'malformed', reason: `Unknown status “${rawStatus}”.` };
  const createdAt = wpDate(f['wp:post_date_gmt']) ?? wpDate(f['wp:post_date']);
  if (createdAt === undefined) {
    return { kind: 'malformed', reason: `The date “${f['wp:post_date'] ?? ''}” is not a date.` };
  }
  const headline = (f['title'] ?? '').trim();
  const html = f['content:encoded'] ?? '';
  if (!headline && !html.trim())
    return { kind: 'malformed', reason: 'The item has neither a title nor content.' };
  const photoProblems: string[] = [];
  const photoIds = new Set<string>();
  let bodyHtml = autop(html);
  if (photos) {
    const images = withWxrImages(bodyHtml, photos, id);
    bodyHtml = images.html;
    photoProblems.push(...images.problems);
    images.mediaIds.forEach((id) => photoIds.add(id));
  }
  let featuredImage: FeaturedImage | null = null;
  const thumbnail = (wxr.meta['_thumbnail_id'] ?? '').trim();
  if (photos && thumbnail && thumbnail !== '0') {
    const photo = photos.featured(thumbnail);
    if ('problem' in photo) photoProblems.push(photo.problem);
    else {
      photoIds.add(photo.mediaId);
      featuredImage = {
        mediaId: photo.mediaId,
        caption: photo.caption.slice(0, FIELD_MAX.caption),
        // WordPress has no credit field of its own: the IPTC or Media Credit one (wxrAttachments.ts), if any.
        credit: photo.credit,
        alt: photo.alt.slice(0, 1000),
      };
    }
  }
  let body: BodyDoc;
  try {
    body = toBody(bodyHtml);
  } catch (error) {
    return { kind: 'malformed', reason: `The content could not be converted: ${(error as Error).message}` };
  }
  const creator = (f['dc:creator'] ?? '').trim();
  let slug = (f['wp:post_name'] ?? '').trim();
  try {
    slug = decodeURIComponent(slug);
  } catch {
    // Keep the slug as WordPress wrote it.
  }
  return {
    kind: 'item',
    item: {
      sourceKey: `wxr:${guid || id}`,
      kicker: '',
      headline,
      standfirst: stripTags(f['excerpt:encoded'] ?? ''),
      body,
      status,
      language: guessLanguage(`${headline} ${html}`),
      slug: slug.slice(0, 200),
      section: wxr.categories.find((c) => c.domain === 'category')?.name || null,
      tags: wxr.categories
        .filter((c) => c.domain === 'post_tag')
        .map((c) => c.name)
        .filter(Boolean),
      authors: creator ? [authors.get(creator) ?? creator] : [],
      featuredImage,
      createdAt,
      updatedAt: wpDate(f['wp:post_modified_gmt']) ?? createdAt,
      ...(photoIds.size > 0 ? { photos: [...photoIds] } : {}),
    },
    ...(photoProblems.length > 0 ? { photoProblems } : {}),
  };
}
