import type { Article, Language } from '../../shared/domain/article';
import { captionParts } from '../../shared/publishing/photoCredit';
import type { ArticlePreview } from '../../shared/domain/preview';
import { ARTICLE_TEMPLATE as template } from '../../../resources/preview/articleTemplate';
import { articleHtml, escapeHtml } from './articleHtml';

export interface PreviewOptions {
  /** Same-origin path of the template's stylesheet (the renderer knows where its build put it). */
  stylesheet: string;
  siteName: string;
  /** The site's address, for the search-result snippet; undefined when no site is configured. */
  siteUrl: string | undefined;
  /** When the article is dated: its publication date once scheduled or live, else now. */
  date: number;
}

/** The caption the site's media library holds (credit included), with the credit marked for the template. */
function featuredCaption(image: { caption: string; credit: string }, language: Language): string {
  const p = captionParts(image.caption, image.credit, language);
  return `${escapeHtml(p.caption)}${escapeHtml(p.joiner)}<span class="credit">${escapeHtml(p.credit)}</span>`;
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
  const featured = image
    ? `<figure class="featured"><div class="photo-missing" role="img" aria-label="${escapeHtml(image.alt)}">${escapeHtml(image.alt)}</div>` +
      `<figcaption>${featuredCaption(image, lang)}</figcaption></figure>`
    : '';
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
    },
  };
}
