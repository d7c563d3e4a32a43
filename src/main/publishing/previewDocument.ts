import type { Article, FeaturedImage, Language } from '../../shared/domain/article';
import { isMediaId } from '../../shared/domain/media';
import { PREVIEW_CSP } from '../../shared/security/csp';
import { captionParts } from '../../shared/publishing/photoCredit';
import type { ArticlePreview } from '../../shared/domain/preview';
import { ARTICLE_TEMPLATE as template } from '../../../resources/preview/articleTemplate';
import { articleHtml, escapeHtml } from './articleHtml';
import { localImageSrc } from './siteHtml';

export interface PreviewOptions {
  /** Same-origin path of the template's stylesheet (the renderer knows where its build put it). */
  stylesheet: string;
  siteName: string;
  /** The site's address, for the search-result snippet; undefined when no site is configured. */
  siteUrl: string | undefined;
  /** When the article is dated: its publication date once scheduled or live, else now. */
  date: number;
  /** Whether the media store holds a file; without it the photo shows as missing rather than as a broken image. */
  hasMedia?: (mediaId: string) => boolean;
}

/** The caption the site's media library holds (credit included), with the credit marked for the template. */
function featuredCaption(image: { caption: string; credit: string }, language: Language): string {
  const p = captionParts(image.caption, image.credit, language);
  if (!p.caption && !p.credit) return '';
  const credit = p.credit ? `<span class="credit">${escapeHtml(p.credit)}</span>` : '';
  return `<figcaption>${escapeHtml(p.caption)}${escapeHtml(p.joiner)}${credit}</figcaption>`;
}

/**
 * The featured photo from the app's own media store (/media/<id>: same origin, the one place the frame's CSP
 * lets an image come from). An id that is not a stored file's shows as a marked gap with the alt text, so the
 * publisher sees the photo is missing instead of a broken image.
 */
function featuredFigure(image: FeaturedImage, language: Language, available: boolean): string {
  const alt = escapeHtml(image.alt);
  const photo = available
    ? `<img src="${escapeHtml(localImageSrc(image.mediaId))}" alt="${alt}" />`
    : `<div class="photo-missing" role="img" aria-label="${alt}">${alt}</div>`;
  return `<figure class="featured">${photo}${featuredCaption(image, language)}</figure>`;
}

const LOCALES = { fr: 'fr-FR', ar: 'ar', en: 'en-GB' } as const;

/** Fills {{name}} (escaped text) and {{{name}}} (HTML we built) slots; an unknown slot is a bug, not blank. */
function fill(html: string, text: Record<string, string>, markup: Record<string, string>): string {
  return html.replace(/\{\{\{(\w+)\}\}\}|\{\{(\w+)\}\}/g, (_, raw?: string, plain?: string) => {
    const value = raw !== undefined ? markup[raw] : plain !== undefined ? text[plain] : undefined;
    if (value === undefined) throw new Error(`The preview template has an unknown slot ${raw ?? plain}.`);
    return raw !== undefined ? value : escapeHtml(value);
  });
}

const truncate = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;

/** The article as the site will show it: a whole document for a sandboxed frame, and its search/social cards. */
export function renderPreview(article: Article, options: PreviewOptions): ArticlePreview {
  const { title, excerpt, bodyHtml } = articleHtml(article);
  const lang = article.language;
  const dir = lang === 'ar' ? 'rtl' : 'ltr';
  const date = new Date(options.date);
  const dateText = new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeStyle: 'short' }).format(
    date,
  );
  const image = article.featuredImage;
  const stored =
    !!image && isMediaId(image.mediaId) && (options.hasMedia?.(image.mediaId) ?? true) ? image.mediaId : null;
  const featured = image ? featuredFigure(image, lang, stored !== null) : '';
  const authors = article.authors.map((a) => a.name).join(', ');
  const document = fill(
    template,
    {
      lang,
      dir,
      title: title || article.kicker,
      stylesheet: options.stylesheet,
      siteName: options.siteName,
      headline: title,
      dateIso: date.toISOString(),
      date: dateText,
    },
    {
      csp: PREVIEW_CSP,
      kicker: article.kicker ? `<p class="kicker">${escapeHtml(article.kicker)}</p>` : '',
      standfirst: excerpt ? `<p class="standfirst">${escapeHtml(excerpt)}</p>` : '',
      byline: authors ? `<span class="authors">${escapeHtml(authors)}</span>` : '',
      featured,
      body: bodyHtml,
      tags: article.tags.length
        ? `<ul class="tags">${article.tags.map((t) => `<li>${escapeHtml(t.name)}</li>`).join('')}</ul>`
        : '',
    },
  );
  const slug = article.slug || '';
  const url = options.siteUrl
    ? `${options.siteUrl}/${slug ? `${encodeURIComponent(slug)}/` : ''}`
    : `/${slug}`;
  const description = article.seoDescription || excerpt;
  return {
    document,
    bodyHtml,
    direction: dir,
    language: lang,
    snippet: {
      title: truncate(article.seoTitle || title, 60),
      url,
      description: truncate(description, 160),
    },
    card: {
      siteName: options.siteName,
      title: truncate(article.seoTitle || title, 90),
      description: truncate(description, 200),
      imageAlt: image ? image.alt : null,
      imageMediaId: stored,
    },
  };
}
