import { z } from 'zod';
import { ArticleId, ArticleStatus, Language } from './article';
import { TermId } from './term';

export const SEARCH_SORTS = ['relevance', 'date'] as const;

/** What the search view asks: words (with "phrases", prefix*, field:word, -word) and filters. */
export const SearchQuery = z
  .object({
    query: z.string().max(1000).default(''),
    status: ArticleStatus.optional(),
    sectionId: TermId.optional(),
    tagId: TermId.optional(),
    authorId: TermId.optional(),
    language: Language.optional(),
    /** Inclusive range on the article's date, ms since the epoch. */
    from: z.number().int().nonnegative().optional(),
    to: z.number().int().nonnegative().optional(),
  })
  .strict();
export type SearchQuery = z.infer<typeof SearchQuery>;

/** A run of text, highlighted when it matched the query (the renderer shows it with <mark>, never as HTML). */
export const TextRun = z.object({ text: z.string(), hit: z.boolean() });
export type TextRun = z.infer<typeof TextRun>;

export const SearchHit = z.object({
  id: ArticleId,
  kicker: z.string(),
  headline: z.array(TextRun),
  snippet: z.array(TextRun),
  status: ArticleStatus,
  language: Language,
  updatedAt: z.number().int(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchPage = z.object({
  hits: z.array(SearchHit),
  /** Pass back to get the next page; null when there is none. */
  nextCursor: z.string().nullable(),
});
export type SearchPage = z.infer<typeof SearchPage>;

export const SearchProgress = z.object({
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** Estimated milliseconds left, null until there is enough to estimate. */
  remainingMs: z.number().nonnegative().nullable(),
  state: z.enum(['running', 'done', 'cancelled', 'failed']),
});
export type SearchProgress = z.infer<typeof SearchProgress>;
