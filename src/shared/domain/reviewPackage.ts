import { z } from 'zod';
import { ArticleId, BodyDoc, FeaturedImage, FIELD_MAX, HEADLINE_MAX, Language } from './article';
import { PersonRef } from './people';

/**
 * An article as it travels to another desk: every field a writer edits, with sections, tags and authors by
 * name (ids are local to one store). Its canonical JSON (sorted keys) is what packages carry and what the
 * base hashes are computed over, so the same content has the same bytes on every desk.
 */
export const PortableArticle = z
  .object({
    id: ArticleId,
    bodySchemaVersion: z.number().int().positive(),
    language: Language,
    kicker: z.string().max(FIELD_MAX.kicker),
    headline: z.string().max(HEADLINE_MAX),
    standfirst: z.string().max(FIELD_MAX.standfirst),
    body: BodyDoc,
    slug: z.string().max(FIELD_MAX.slug),
    seoTitle: z.string().max(FIELD_MAX.seoTitle),
    seoDescription: z.string().max(FIELD_MAX.seoDescription),
    section: z.string().min(1).max(200).nullable(),
    tags: z.array(z.string().min(1).max(200)).max(100),
    authors: z.array(z.string().min(1).max(200)).max(20),
    featuredImage: FeaturedImage.nullable(),
  })
  .strict();
export type PortableArticle = z.infer<typeof PortableArticle>;

export const PACKAGE_FORMAT = 'redac-review-package';
export const PACKAGE_FORMAT_VERSION = 1;
/** The file extension Redac gives review packages (a zip). */
export const PACKAGE_EXTENSION = '.redac-review.zip';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
/** Paths inside a package: the two JSON files and media/<media id>; nothing else is ever read. */
export const PackagePath = z
  .string()
  .regex(/^(article\.json|review\.json|media\/[0-9a-f]{64}\.(jpg|png|gif|webp))$/);

export const PackageManifest = z
  .object({
    format: z.literal(PACKAGE_FORMAT),
    formatVersion: z.number().int().positive(),
    articleId: ArticleId,
    /**
     * The revision the review started from on the exporting desk (the last content it received, or the
     * exported revision when it never received any) and the SHA-256 of that revision's canonical
     * portable JSON: an importing desk whose copy still hashes to it has not changed since.
     */
    baseRevision: z.number().int().nonnegative(),
    baseRevisionHash: Sha256,
    exportedAt: z.number().int(),
    exportedBy: PersonRef,
    files: z.record(PackagePath, Sha256),
  })
  .strict();
export type PackageManifest = z.infer<typeof PackageManifest>;

/** What an import did: made the article, applied it as a new revision, found nothing new, or held a conflict. */
export const PackageImportResult = z.object({
  articleId: ArticleId,
  outcome: z.enum(['created', 'updated', 'unchanged', 'conflict']),
  revision: z.number().int().nonnegative(),
  headline: z.string(),
  threads: z.number().int().nonnegative(),
  message: z.string(),
});
export type PackageImportResult = z.infer<typeof PackageImportResult>;

export const PackageExportResult = z.object({
  filename: z.string(),
  /** Where it was written, when a path was given. */
  path: z.string().nullable(),
  /** The package itself (base64) when no path was given: the renderer hands it over as a download. */
  data: z.string().nullable(),
  bytes: z.number().int().nonnegative(),
});
export type PackageExportResult = z.infer<typeof PackageExportResult>;
