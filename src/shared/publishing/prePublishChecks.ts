import type { ArticleFields, PmNode } from '../domain/article';
import { hasSuggestions } from '../editor/reviewMarks';

/** One finding of the checklist; the renderer words it from the code (i18n), main enforces the level. */
export interface CheckFinding {
  code: CheckCode;
  level: 'error' | 'warning';
  /** The offending text, when pointing at it helps. */
  detail?: string;
}

export type CheckCode =
  | 'headline_missing'
  | 'headline_too_long'
  | 'section_missing'
  | 'body_empty'
  | 'featured_alt_missing'
  | 'featured_credit_missing'
  | 'inline_image_alt_missing'
  | 'link_malformed'
  | 'empty_paragraph'
  | 'fr_straight_apostrophe'
  | 'fr_space_before_punctuation'
  | 'fr_guillemet_spacing'
  | 'double_space'
  | 'suggestions_remain'
  | 'unresolved_comments';

/** Longer than this and search results and front pages cut the headline. */
export const HEADLINE_LIMIT = 110;

function walk(node: PmNode, visit: (node: PmNode) => void): void {
  visit(node);
  for (const child of node.content ?? []) walk(child, visit);
}

function wellFormedLink(href: unknown): boolean {
  if (typeof href !== 'string' || href.trim() !== href || href === '') return false;
  try {
    const url = new URL(href);
    return (
      (url.protocol === 'https:' || url.protocol === 'http:' || url.protocol === 'mailto:') &&
      !/\s/.test(href)
    );
  } catch {
    return false;
  }
}

/**
 * The checklist before any push: errors block it, warnings can be overridden with one click.
 * Pure, so the Sync panel shows exactly what main will enforce.
 */
export function prePublishChecks(
  article: ArticleFields,
  review: { unresolvedComments: number } = { unresolvedComments: 0 },
): CheckFinding[] {
  const found: CheckFinding[] = [];
  const add = (code: CheckCode, level: CheckFinding['level'], detail?: string): void => {
    if (!found.some((f) => f.code === code))
      found.push(detail === undefined ? { code, level } : { code, level, detail });
  };
  const headline = article.headline.trim();
  if (!headline) add('headline_missing', 'error');
  else if ([...headline].length > HEADLINE_LIMIT)
    add('headline_too_long', 'warning', String([...headline].length));
  if (article.sectionId === null) add('section_missing', 'error');
  if (article.featuredImage) {
    if (!article.featuredImage.alt.trim()) add('featured_alt_missing', 'error');
    if (!article.featuredImage.credit.trim()) add('featured_credit_missing', 'error');
  }

  const texts: string[] = [headline, article.standfirst];
  let hasText = false;
  for (const block of article.body.content ?? []) {
    walk(block, (node) => {
      if (node.type === 'text' && node.text) {
        texts.push(node.text);
        if (node.text.trim()) hasText = true;
      }
      if (node.type === 'image' && !String(node.attrs?.alt ?? '').trim())
        add('inline_image_alt_missing', 'error');
      for (const mark of node.marks ?? [])
        if (mark.type === 'link' && !wellFormedLink(mark.attrs?.href))
          add('link_malformed', 'error', String(mark.attrs?.href ?? ''));
    });
    if (block.type === 'paragraph' && !(block.content ?? []).some((c) => c.type !== 'text' || c.text?.trim()))
      add('empty_paragraph', 'warning');
  }
  if (!hasText) add('body_empty', 'error');
  // The review is not over: what would go out is not what the desk agreed on.
  if (hasSuggestions(article.body)) add('suggestions_remain', 'error');
  if (review.unresolvedComments > 0) add('unresolved_comments', 'error', String(review.unresolvedComments));

  const all = texts.join('\n');
  if (/ {2,}/.test(all)) add('double_space', 'warning');
  if (article.language === 'fr') {
    const apostrophe = /[\p{L}\p{N}]'[\p{L}\p{N}]/u.exec(all);
    if (apostrophe) add('fr_straight_apostrophe', 'warning', apostrophe[0]);
    // French sets ; : ! ? apart with a (narrow) no-break space, never an ordinary one or none.
    const before = /(\S(?:[;!?]|:(?!\/\/))|[ ][;:!?])/u.exec(all.replace(/https?:\/\/\S+/g, ''));
    if (before) add('fr_space_before_punctuation', 'warning', before[0]);
    if (/«(?![\u00a0\u202f])|(?<![\u00a0\u202f])»/u.test(all)) add('fr_guillemet_spacing', 'warning');
  }
  return found;
}

export const blocking = (findings: readonly CheckFinding[]): CheckFinding[] =>
  findings.filter((f) => f.level === 'error');
