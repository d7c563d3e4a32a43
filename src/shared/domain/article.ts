import { z } from 'zod';

/** Languages the newsroom publishes in; the editing direction follows from it. */
export const LANGUAGES = ['fr', 'ar', 'en'] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

/** The workflow statuses an article moves through (the review loop fills in the transitions). */
export const ARTICLE_STATUSES = [
  'draft',
  'submitted',
  'in_copy_edit',
  'approved',
  'scheduled',
  'published',
  'spiked',
] as const;
export const ArticleStatus = z.enum(ARTICLE_STATUSES);
export type ArticleStatus = z.infer<typeof ArticleStatus>;

export const ArticleId = z.uuid();
export type ArticleId = z.infer<typeof ArticleId>;

/** Longest headline we store; far beyond any sane headline, it only bounds what a bad client can send. */
export const HEADLINE_MAX = 1000;

/** A ProseMirror mark as JSON. Shape only: the editor schema decides which marks exist. */
export const PmMark = z.object({
  type: z.string().min(1),
  attrs: z.record(z.string(), z.unknown()).optional(),
});

export type PmNode = {
  type: string;
  attrs?: Record<string, unknown> | undefined;
  content?: PmNode[] | undefined;
  marks?: z.infer<typeof PmMark>[] | undefined;
  text?: string | undefined;
};

/** A ProseMirror node as JSON; main checks it against the editor schema before storing it. */
export const PmNode: z.ZodType<PmNode> = z.lazy(() =>
  z.object({
    type: z.string().min(1),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(PmNode).optional(),
    marks: z.array(PmMark).optional(),
    text: z.string().optional(),
  }),
);

export const BodyDoc = z.object({
  type: z.literal('doc'),
  content: z.array(PmNode).optional(),
});
export type BodyDoc = z.infer<typeof BodyDoc>;

export const Article = z.object({
  id: ArticleId,
  headline: z.string(),
  body: BodyDoc,
  bodySchemaVersion: z.number().int().positive(),
  status: ArticleStatus,
  language: Language,
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  revision: z.number().int().nonnegative(),
});
export type Article = z.infer<typeof Article>;

/** What the article list needs: no body, so a long list stays cheap to send. */
export const ArticleSummary = Article.pick({
  id: true,
  headline: true,
  status: true,
  language: true,
  updatedAt: true,
  revision: true,
});
export type ArticleSummary = z.infer<typeof ArticleSummary>;
