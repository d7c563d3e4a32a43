import type { Article } from '../../shared/domain/article';
import { publishableBody } from '../../shared/editor/reviewMarks';
import { bodyToHtml } from '../content/bodyHtml';

const escape = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** One article as an <article> element: kicker, headline, standfirst, byline and the body through the schema. */
export function articleToHtml(article: Article): string {
  const dir = article.language === 'ar' ? 'rtl' : 'ltr';
  const byline = article.authors.map((a) => escape(a.name)).join(', ');
  return [
    `<article lang="${article.language}" dir="${dir}" id="article-${article.id}">`,
    article.kicker ? `<p class="kicker">${escape(article.kicker)}</p>` : '',
    `<h1>${escape(article.headline)}</h1>`,
    article.standfirst ? `<p class="standfirst">${escape(article.standfirst)}</p>` : '',
    byline ? `<p class="byline">${byline}</p>` : '',
    `<time datetime="${new Date(article.updatedAt).toISOString()}">${new Date(article.updatedAt).toISOString().slice(0, 10)}</time>`,
    // Exports leave the newsroom: no comment anchors, no untaken suggestions (as on the site).
    bodyToHtml(publishableBody(article.body)),
    '</article>',
  ]
    .filter(Boolean)
    .join('\n');
}

/** A standalone HTML document holding the exported articles. */
export function articlesToHtmlDocument(articles: Article[]): string {
  return `<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n<title>Redac export</title>\n</head>\n<body>\n${articles.map(articleToHtml).join('\n')}\n</body>\n</html>\n`;
}
