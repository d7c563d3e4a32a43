import { z } from 'zod';
import { Term, TermId } from './term';

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

/** Bounds on what a client may send; generous, they only stop a bad client, not a writer. */
export const FIELD_MAX = {
  kicker: 300,
  standfirst: 4000,
  slug: 200,
  seoTitle: 300,
  seoDescription: 1000,
  caption: 2000,
} as const;

export const FeaturedImage = z.object({
  /** Id of the file in the app's media store (the image is copied there, never referenced in place). */
  mediaId: z.string().min(1).max(100),
  caption: z.string().max(FIELD_MAX.caption),
  credit: z.string().max(300),
  alt: z.string().max(1000),
});
export type FeaturedImage = z.infer<typeof FeaturedImage>;

/** Everything a writer edits: what a save sends, whole, and what a revision keeps. */
export const ArticleFields = z.object({
  kicker: z.string().max(FIELD_MAX.kicker),
  headline: z.string().max(HEADLINE_MAX),
  standfirst: z.string().max(FIELD_MAX.standfirst),
  body: BodyDoc,
  language: Language,
  slug: z.string().max(FIELD_MAX.slug),
  seoTitle: z.string().max(FIELD_MAX.seoTitle),
  seoDescription: z.string().max(FIELD_MAX.seoDescription),
  sectionId: TermId.nullable(),
  tagIds: z.array(TermId).max(100),
  authorIds: z.array(TermId).max(20),
  featuredImage: FeaturedImage.nullable(),
});
export type ArticleFields = z.infer<typeof ArticleFields>;

export const Article = ArticleFields.extend({
  id: ArticleId,
  bodySchemaVersion: z.number().int().positive(),
  status: ArticleStatus,
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  revision: z.number().int().nonnegative(),
  /** Names of the section, tags and authors the ids point to, in the article's order, for display. */
  section: Term.nullable(),
  tags: z.array(Term),
  authors: z.array(Term),
});
export type Article = z.infer<typeof Article>;

/**
 * What a save from the editor answers: the article as stored, less the body the editor has just sent. A long
 * body sent back after every autosave cost its parse, check and copy on both sides while the writer typed.
 */
export const SavedArticle = Article.omit({ body: true });
export type SavedArticle = z.infer<typeof SavedArticle>;

const FIELD_KEYS = Object.keys(ArticleFields.shape) as (keyof ArticleFields)[];

/** The fields a writer edits, without the article's ids, times and display labels (what a save sends). */
export function fieldsOf(article: Article): ArticleFields {
  const fields = {} as Record<string, unknown>;
  for (const key of FIELD_KEYS) fields[key] = article[key];
  return fields as ArticleFields;
}

/** What the article list needs: no body, so a long list stays cheap to send. */
export const ArticleSummary = Article.pick({
  id: true,
  kicker: true,
  headline: true,
  status: true,
  language: true,
  updatedAt: true,
  revision: true,
});
export type ArticleSummary = z.infer<typeof ArticleSummary>;
