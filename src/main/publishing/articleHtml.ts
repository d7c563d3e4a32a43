import type { Article } from '../../shared/domain/article';
import { publishableBody } from '../../shared/editor/reviewMarks';
import { siteBodyHtml, type ImageSrc } from './siteHtml';

/**
 * What an article becomes on the site: the one generator both the preview and the push use, so the preview
 * shows exactly the HTML that publishing sends. The body goes through the shared editor schema (anything it
 * does not know never reaches the site); the other fields are plain text that WordPress stores as given.
 */
export interface ArticleHtml {
  title: string;
  excerpt: string;
  /** The post's content. */
  bodyHtml: string;
}

/**
 * imageSrc: where images load from (the preview's own copies by default; the site's for a push).
 * Review marks (comment anchors, suggestions) never reach the site: see publishableBody.
 */
export function articleHtml(
  article: Pick<Article, 'headline' | 'standfirst' | 'body' | 'language'>,
  imageSrc?: ImageSrc,
): ArticleHtml {
  return {
    title: article.headline,
    excerpt: article.standfirst,
    bodyHtml: siteBodyHtml(publishableBody(article.body), article.language, imageSrc),
  };
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text into HTML text or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}
