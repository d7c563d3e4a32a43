import type { FeaturedImage } from '../../shared/domain/article';
import type { Db } from '../db/open';
import { DOC_ID_SLOTS, docIdFloor, facet } from './facets';
import { searchQueries, type DocFields, type IndexSourceRow } from './searchRows';
import { bodyTextOfJson, foldForIndex } from './searchText';

function captionOf(featuredImage: string | null): string {
  if (!featuredImage) return '';
  try {
    const image = JSON.parse(featuredImage) as Partial<FeaturedImage>;
    return [image.caption, image.credit, image.alt].filter(Boolean).join(' ');
  } catch {
    return '';
  }
}

/**
 * Keeps the FTS5 index in step with the articles. `indexArticle` runs inside the caller's transaction (the
 * article service calls it from its save), so the index is never behind a committed save.
 */
export function createSearchIndexer(db: Db) {
  const q = searchQueries(db);

  function fields(row: IndexSourceRow, rowid: number): DocFields {
    const tags = q.tagNames(row.id);
    const authors = q.authorNames(row.id);
    const facets = [
      facet.all,
      facet.status(row.status),
      facet.language(row.language),
      ...(row.section_id === null ? [] : [facet.section(row.section_id)]),
      ...tags.map((t) => facet.tag(t.id)),
      ...authors.map((a) => facet.author(a.id)),
    ];
    return {
      rowid,
      kicker: foldForIndex(row.kicker),
      headline: foldForIndex(row.headline),
      standfirst: foldForIndex(row.standfirst),
      body: foldForIndex(bodyTextOfJson(row.body)),
      captions: foldForIndex(captionOf(row.featured_image)),
      tags: foldForIndex(tags.map((t) => t.name).join(' ; ')),
      byline: foldForIndex(authors.map((a) => a.name).join(' ; ')),
      facets: facets.join(' '),
    };
  }

  /** A free document id at the article's date (see facets.ts for why ids follow dates). */
  function freeDocId(at: number): number {
    const base = docIdFloor(at);
    for (let n = 0; n < DOC_ID_SLOTS; n++) if (!q.docTaken(base + n)) return base + n;
    // A thousand articles in one millisecond: borrow the next millisecond's slots.
    return freeDocId(at + 1);
  }

  function removeArticle(id: string): void {
    const docId = q.docOf(id);
    if (docId === undefined) return;
    q.deleteFts(docId);
    q.deleteDoc(docId);
  }

  function indexArticle(id: string): void {
    removeArticle(id);
    const row = q.source(id);
    if (!row) return;
    const docId = freeDocId(row.updated_at);
    q.insertDoc(docId, id);
    q.insertFts(fields(row, docId));
  }

  return { indexArticle, removeArticle };
}

export type SearchIndexer = ReturnType<typeof createSearchIndexer>;
