import type { Article, ArticleFields } from '../../shared/domain/article';
import type { PortableArticle } from '../../shared/domain/reviewPackage';
import type { TermService } from '../taxonomy/termService';
import { canonicalHash } from './hashing';

/** The article as it travels: its fields with term names instead of this store's ids. */
export function toPortable(article: Article): PortableArticle {
  return {
    id: article.id,
    bodySchemaVersion: article.bodySchemaVersion,
    language: article.language,
    kicker: article.kicker,
    headline: article.headline,
    standfirst: article.standfirst,
    body: article.body,
    slug: article.slug,
    seoTitle: article.seoTitle,
    seoDescription: article.seoDescription,
    section: article.section?.name ?? null,
    tags: article.tags.map((t) => t.name),
    authors: article.authors.map((a) => a.name),
    featuredImage: article.featuredImage,
  };
}

/** Fields as a revision stores them, made portable with the names their term ids have on this desk. */
export function portableOfFields(
  id: string,
  bodySchemaVersion: number,
  fields: ArticleFields,
  terms: TermService,
): PortableArticle {
  const name = (kind: 'sections' | 'tags' | 'authors', termId: number): string[] => {
    const term = terms.get(kind, termId);
    return term ? [term.name] : [];
  };
  return {
    id,
    bodySchemaVersion,
    language: fields.language,
    kicker: fields.kicker,
    headline: fields.headline,
    standfirst: fields.standfirst,
    body: fields.body,
    slug: fields.slug,
    seoTitle: fields.seoTitle,
    seoDescription: fields.seoDescription,
    section: fields.sectionId === null ? null : (name('sections', fields.sectionId)[0] ?? null),
    tags: fields.tagIds.flatMap((t) => name('tags', t)),
    authors: fields.authorIds.flatMap((a) => name('authors', a)),
    featuredImage: fields.featuredImage,
  };
}

/** The content hash every desk computes the same way (what base hashes compare). */
export const portableHash = (portable: PortableArticle): string => canonicalHash(portable);

/** This desk's fields for a travelling article: names resolved to local terms, made when missing. */
export function fieldsOfPortable(portable: PortableArticle, terms: TermService): ArticleFields {
  const ids = (kind: 'tags' | 'authors', names: readonly string[]): number[] => [
    ...new Set(names.map((n) => terms.ensure(kind, n).id)),
  ];
  return {
    kicker: portable.kicker,
    headline: portable.headline,
    standfirst: portable.standfirst,
    body: portable.body,
    language: portable.language,
    slug: portable.slug,
    seoTitle: portable.seoTitle,
    seoDescription: portable.seoDescription,
    sectionId: portable.section === null ? null : terms.ensure('sections', portable.section).id,
    tagIds: ids('tags', portable.tags),
    authorIds: ids('authors', portable.authors),
    featuredImage: portable.featuredImage,
  };
}
