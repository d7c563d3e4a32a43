import { z } from 'zod';
import { ArticleStatus, ArticleSummary, Language } from './article';
import { TermId } from './term';

/** Filters of the article list; every one optional. */
export const ListFilters = z
  .object({
    status: ArticleStatus.optional(),
    language: Language.optional(),
    sectionId: TermId.optional(),
    tagId: TermId.optional(),
    authorId: TermId.optional(),
  })
  .strict();
export type ListFilters = z.infer<typeof ListFilters>;

export const ArticlePage = z.object({
  items: z.array(ArticleSummary),
  /** Opaque; pass back for the next page. null at the end. */
  nextCursor: z.string().nullable(),
});
export type ArticlePage = z.infer<typeof ArticlePage>;
