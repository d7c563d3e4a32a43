import { createHash } from 'node:crypto';
import type { Article } from '../../shared/domain/article';
import { rawReviewMeta } from '../review/siteCarriage';
import { articleHtml } from './articleHtml';
import type { ImageSrc } from './siteHtml';
import { WpError, type WpClient } from './wordpressClient';

/**
 * Redac's article as a WordPress post, and back. The content carries a hidden marker naming the article so
 * that a create whose answer was lost can find the post it made before creating again (WordPress has no
 * idempotency keys and, without a plugin, no searchable meta; search does read post_content).
 */
export const markerOf = (articleId: string): string => `redac-article-${articleId}`;
const markerComment = (articleId: string): string => `<!-- ${markerOf(articleId)} -->`;

export function contentFor(
  article: Pick<Article, 'id' | 'headline' | 'standfirst' | 'body' | 'language'>,
  imageSrc?: ImageSrc,
): string {
  return `${articleHtml(article, imageSrc).bodyHtml}\n${markerComment(article.id)}`;
}

/** The body HTML of a post's raw content, without our marker. */
export function withoutMarker(content: string): string {
  return content.replace(/\n?<!-- redac-article-[0-9a-f-]{36} -->\s*$/, '');
}

/** The fields of a post as WordPress answers them with context=edit. */
export interface WpPost {
  id: number;
  status: string;
  slug: string;
  link: string;
  date_gmt: string | null;
  modified_gmt: string;
  author: number;
  title: { raw: string };
  excerpt: { raw: string };
  content: { raw: string };
  categories: number[];
  tags: number[];
  featured_media: number;
  /** Registered post meta (Redac's review plugin adds redac_review); `[]` when a site registers none. */
  meta?: unknown;
}

/** The post's text (and review state) part of its hash. */
function textHash(post: WpPost): string {
  const fields = [post.title.raw, post.excerpt.raw, post.content.raw, post.slug, post.status];
  // A review state sent back by another desk (comments only, same text) is a change to pull too. Without
  // one the hash is what it always was, so hashes stored before the review loop stay valid.
  const review = rawReviewMeta(post);
  return createHash('sha256')
    .update(JSON.stringify(review ? [...fields, review] : fields))
    .digest('hex');
}

/** The post's categories and tags part: a desk that only re-files a post on the site changed it too. */
function termsHash(post: WpPost): string {
  const ids = (list: readonly number[] | undefined) => [...(list ?? [])].sort((a, b) => a - b);
  return createHash('sha256')
    .update(JSON.stringify([ids(post.categories), ids(post.tags)]))
    .digest('hex')
    .slice(0, 16);
}

/**
 * What we compare to know whether a post moved since we saw it (modified_gmt has one-second resolution):
 * "<text hash>:<terms hash>". Hashes stored before terms were part of it are the text hash alone.
 */
export function remoteHash(post: WpPost): string {
  return `${textHash(post)}:${termsHash(post)}`;
}

/**
 * Whether the post is as it was when `stored` was taken. A hash from before terms were compared says nothing
 * about them: the post counts as unchanged when its text is, rather than every known post looking changed once.
 */
export function sameRemote(stored: string | null | undefined, post: WpPost): boolean {
  if (!stored) return false;
  const [text, terms] = stored.split(':');
  return text === textHash(post) && (terms === undefined || terms === termsHash(post));
}

/** The post's categories or tags differ from those seen when `stored` was taken (unknown for old hashes). */
export function termsMoved(stored: string | null | undefined, post: WpPost): boolean {
  const terms = stored?.split(':')[1];
  return terms !== undefined && terms !== termsHash(post);
}

/** WordPress's date_gmt format: no zone suffix, seconds precision. */
export const wpDateGmt = (epochMs: number): string => new Date(epochMs).toISOString().slice(0, 19);
export const fromWpDateGmt = (text: string): number => Date.parse(`${text}Z`);

/** Per site: the ids of categories, tags and users matched by name, so each is asked for once. */
export function createTermResolver(client: WpClient) {
  const cache = new Map<string, number | null>();

  /**
   * The site's term of this name, made when missing. Only the name is sent: given a slug too, WordPress makes a
   * second term of the same name whenever the site's has another slug (one renamed on the site keeps its old slug,
   * one made there may have any), instead of answering term_exists.
   */
  async function ensureTerm(taxonomy: 'categories' | 'tags', name: string): Promise<number> {
    const key = `${taxonomy}:${name}`;
    const known = cache.get(key);
    if (typeof known === 'number') return known;
    try {
      const made = await client.post<{ id: number }>(`wp/v2/${taxonomy}`, { name });
      cache.set(key, made.body.id);
      return made.body.id;
    } catch (error) {
      // WordPress answers an existing term with 400 term_exists and its id.
      if (error instanceof WpError && error.code === 'term_exists') {
        const id = Number((error.data as { term_id?: unknown }).term_id);
        if (Number.isInteger(id)) {
          cache.set(key, id);
          return id;
        }
      }
      if (error instanceof WpError && error.status === 403)
        throw new WpError(
          `The site does not let this user create the ${taxonomy === 'categories' ? 'category' : 'tag'} “${name}”: ${error.message}`,
          403,
          error.code,
          false,
        );
      throw error;
    }
  }

  /** The site user whose display name is exactly this byline, if any. */
  async function userByName(name: string): Promise<number | undefined> {
    const key = `user:${name}`;
    if (cache.has(key)) return cache.get(key) ?? undefined;
    const found = await client.get<{ id: number; name: string }[]>('wp/v2/users', {
      search: name,
      per_page: 20,
    });
    const match = found.body.find((u) => u.name.normalize('NFC') === name.normalize('NFC'));
    cache.set(key, match?.id ?? null);
    return match?.id;
  }

  return { ensureTerm, userByName };
}

export type TermResolver = ReturnType<typeof createTermResolver>;

/** The post fields for an article (status and date are the operation's, added by the caller). */
export async function postFields(
  article: Article,
  terms: TermResolver,
  options: {
    canSetAuthor: boolean;
    featuredMedia: number | undefined;
    imageSrc?: ImageSrc | undefined;
    /** Off when the site already holds what it made of this slug (or the article has none: the site's stands). */
    sendSlug?: boolean;
  },
): Promise<Record<string, unknown>> {
  const fields: Record<string, unknown> = {
    title: article.headline,
    excerpt: article.standfirst,
    content: contentFor(article, options.imageSrc),
    slug: (options.sendSlug ?? true) && article.slug ? article.slug : undefined,
  };
  if (article.section) fields.categories = [await terms.ensureTerm('categories', article.section.name)];
  const tagIds: number[] = [];
  for (const tag of article.tags) tagIds.push(await terms.ensureTerm('tags', tag.name));
  fields.tags = tagIds;
  if (options.canSetAuthor && article.authors[0]) {
    const author = await terms.userByName(article.authors[0].name);
    if (author !== undefined) fields.author = author;
  }
  if (options.featuredMedia !== undefined) fields.featured_media = options.featuredMedia;
  return fields;
}
