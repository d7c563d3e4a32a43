import type { ArticleFields, BodyDoc, FeaturedImage, PmNode } from '../../shared/domain/article';
import { BODY_SCHEMA_VERSION } from '../../shared/editor/bodyExtensions';
import { migrateBody } from '../../shared/editor/bodyMigrations';
import { bodyMediaIds } from '../../shared/editor/bodySchema';
import { articleQueries, termIdQueries, type ArticleRow } from '../articles/articleRows';
import type { Db } from '../db/open';
import { createRevisionStore } from '../revisions/revisionStore';
import { bodyText, foldedWords } from '../search/searchText';
import type { SearchIndexer } from '../search/searchIndexer';

/**
 * What a re-import did with the photos of an article it already had:
 *  - 'same': it brings no photo the article lacks (nothing written);
 *  - 'filled': the photos were added (a new revision, the search entry updated);
 *  - 'edited': someone saved the article since its import, so it is left as they made it;
 *  - 'differs': the export's text is not the imported one, or it lacks a photo the article has: taking its
 *    body would change more than photos, so the article is left as it is.
 */
export type FillOutcome =
  | { kind: 'same' }
  | { kind: 'filled'; articleId: string; revision: number }
  | { kind: 'edited' | 'differs'; headline: string; photos: number };

/** The photos of an export item as the re-import read them (media ids already in the store). */
export interface PhotosRead {
  body: BodyDoc;
  featuredImage: FeaturedImage | null;
  /** Every media id the item uses (featured and in-text). */
  photos: readonly string[];
}

const GALLERY_SHORTCODE = /\[gallery\b[^\]]*\]/g;

/**
 * The body's words, captions aside: what must match for a fill to change nothing but photos. Words, not
 * blocks: a figure taken out of a paragraph's middle leaves one paragraph where the photo split it in two.
 */
function wordsOf(body: BodyDoc): string {
  // An import before galleries were read left their shortcode in the text; the fill puts the photos there.
  return foldedWords(bodyText(body as PmNode).replace(GALLERY_SHORTCODE, ' ')).join(' ');
}

const photosOf = (row: ArticleRow, body: BodyDoc): Set<string> => {
  const featured = row.featured_image ? (JSON.parse(row.featured_image) as FeaturedImage) : null;
  return new Set([...(featured ? [featured.mediaId] : []), ...bodyMediaIds(body)]);
};

/**
 * Fills in the photos of articles imported before their files were at hand (an export imported without its
 * uploads folder, then again with it). Only an article nobody has saved since its import is changed, and only
 * when the export's text is the one imported: its body becomes the export's (the same text with its figures)
 * and its featured photo the export's, as a new revision of its own kind, so History shows what the import
 * did and the imported revision stays. Runs in the import writer's transaction; the search entry is rewritten
 * as a save's would be (the featured photo's caption is indexed).
 */
export function createPhotoFill(db: Db, indexer: SearchIndexer, now: () => number = Date.now) {
  const q = articleQueries(db);
  const revisions = createRevisionStore(db);
  const { tagIdsOf, authorIdsOf } = termIdQueries(db);
  const kindAt = db
    .prepare<[string, number], string>('SELECT kind FROM revisions WHERE article_id = ? AND revision = ?')
    .pluck();

  /** Whether the article's current revision is still one an import made. */
  function untouched(row: ArticleRow): boolean {
    if (revisions.isImplied(row.id, row.revision)) return true;
    const kind = kindAt.get(row.id, row.revision);
    return kind === 'import' || kind === 'import-photos';
  }

  function fill(articleId: string, read: PhotosRead): FillOutcome {
    const row = q.get(articleId);
    if (!row) return { kind: 'same' };
    const body = migrateBody(JSON.parse(row.body) as BodyDoc, row.body_schema_version);
    const have = photosOf(row, body);
    const added = read.photos.filter((id) => !have.has(id));
    if (added.length === 0) return { kind: 'same' };
    const report = { headline: row.headline, photos: added.length };
    if (!untouched(row)) return { kind: 'edited', ...report };
    const readIds = new Set(read.photos);
    if ([...have].some((id) => !readIds.has(id)) || wordsOf(body) !== wordsOf(read.body))
      return { kind: 'differs', ...report };

    const at = now();
    const featuredImage =
      read.featuredImage ?? (row.featured_image ? (JSON.parse(row.featured_image) as FeaturedImage) : null);
    const tagIds = tagIdsOf.all(articleId);
    const authorIds = authorIdsOf.all(articleId);
    const fields: ArticleFields = {
      kicker: row.kicker,
      headline: row.headline,
      standfirst: row.standfirst,
      body: read.body,
      language: row.language as ArticleFields['language'],
      slug: row.slug,
      seoTitle: row.seo_title,
      seoDescription: row.seo_description,
      sectionId: row.section_id,
      tagIds,
      authorIds,
      featuredImage,
    };
    // The imported revision is written out first (it was the row itself), as a save does.
    revisions.materialize(articleId, row.revision);
    const written = q.updateContent(
      {
        id: articleId,
        kicker: row.kicker,
        headline: row.headline,
        standfirst: row.standfirst,
        body: JSON.stringify(read.body),
        body_schema_version: BODY_SCHEMA_VERSION,
        language: row.language,
        slug: row.slug,
        seo_title: row.seo_title,
        seo_description: row.seo_description,
        section_id: row.section_id,
        featured_image: featuredImage ? JSON.stringify(featuredImage) : null,
        updated_at: at,
      },
      row.revision,
    )!;
    revisions.record({
      articleId,
      revision: written.revision,
      fields,
      bodySchemaVersion: BODY_SCHEMA_VERSION,
      kind: 'import-photos',
      at,
    });
    indexer.indexWritten({
      id: articleId,
      kicker: row.kicker,
      headline: row.headline,
      standfirst: row.standfirst,
      body: read.body as PmNode,
      featuredImage,
      status: row.status,
      language: row.language,
      sectionId: row.section_id,
      tags: q.tagsOf(articleId),
      authors: q.authorsOf(articleId),
      updatedAt: at,
    });
    return { kind: 'filled', articleId, revision: written.revision };
  }

  return { fill };
}

export type PhotoFill = ReturnType<typeof createPhotoFill>;
