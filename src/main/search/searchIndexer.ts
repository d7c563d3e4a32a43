import type { FeaturedImage } from '../../shared/domain/article';
import type { NamedTerm, WrittenArticle } from '../articles/writtenArticle';
import type { Db } from '../db/open';
import { DOC_ID_SLOTS, docIdFloor, facet } from './facets';
import { searchQueries, type DocFields, type IndexSourceRow } from './searchRows';
import { captionOf, foldIndexText, indexTextOf, type IndexText } from './indexText';
import { bodyText, bodyTextOfJson, foldForIndex } from './searchText';

function captionOfJson(featuredImage: string | null): string {
  if (!featuredImage) return '';
  try {
    return captionOf(JSON.parse(featuredImage) as Partial<FeaturedImage>);
  } catch {
    return '';
  }
}

/** What the index holds of one article, from a stored row or from values a writer has in hand. */
export interface IndexSource {
  kicker: string;
  headline: string;
  standfirst: string;
  bodyText: string;
  captions: string;
  status: string;
  language: string;
  sectionId: number | null;
  tags: readonly NamedTerm[];
  authors: readonly NamedTerm[];
  updatedAt: number;
}

/** What of an index row needs the store's ids: the facets (term ids) and the names as stored. */
type IndexFacts = Pick<IndexSource, 'status' | 'language' | 'sectionId' | 'tags' | 'authors'>;

function docFields(source: IndexSource, rowid: number): DocFields {
  const text = foldIndexText({ ...source, body: source.bodyText });
  return docFieldsOf(text, source, rowid);
}

function docFieldsOf(text: IndexText, source: IndexFacts, rowid: number): DocFields {
  const facets = [
    facet.all,
    facet.status(source.status),
    facet.language(source.language),
    ...(source.sectionId === null ? [] : [facet.section(source.sectionId)]),
    ...source.tags.map((t) => facet.tag(t.id)),
    ...source.authors.map((a) => facet.author(a.id)),
  ];
  return {
    rowid,
    kicker: text.kicker,
    headline: text.headline,
    standfirst: text.standfirst,
    body: text.body,
    captions: text.captions,
    tags: foldForIndex(source.tags.map((t) => t.name).join(' ; ')),
    byline: foldForIndex(source.authors.map((a) => a.name).join(' ; ')),
    facets: facets.join(' '),
  };
}

/**
 * Merge work per imported article, in leaf pages: about what FTS5's automerge=4 did for an import batch (an
 * article is about 0.6 leaf pages of index, 61k pages for 100k articles, and automerge merges 64 pages per
 * level of the index for every 64 pages written).
 */
export const IMPORT_MERGE_PAGES_PER_DOC = 2;
/**
 * An import merges its batches' segments sixteen at a time, not four: each article's postings are then
 * rewritten about half as often on the way to one segment (log16 against log4 of the batches). At 200k
 * articles in date order, the writer's CPU per article fell from 514 to 404 µs. The index holds more
 * segments while the import runs (at most fifteen per level); the quiet seconds after it compact them
 * (indexMerging.ts).
 */
export const IMPORT_MERGE_FAN_IN = 16;

/**
 * Keeps the FTS5 index in step with the articles. `indexArticle` runs inside the caller's transaction (the
 * article service calls it from its save), so the index is never behind a committed save.
 */
export function createSearchIndexer(db: Db) {
  const q = searchQueries(db);

  function sourceOfRow(row: IndexSourceRow): IndexSource {
    return {
      kicker: row.kicker,
      headline: row.headline,
      standfirst: row.standfirst,
      bodyText: bodyTextOfJson(row.body),
      captions: captionOfJson(row.featured_image),
      status: row.status,
      language: row.language,
      sectionId: row.section_id,
      tags: q.tagNames(row.id),
      authors: q.authorNames(row.id),
      updatedAt: row.updated_at,
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
    q.insertFts(docFields(sourceOfRow(row), docId));
  }

  /**
   * Re-indexes many articles in one transaction (a step of a term merge). In document-id order: each keeps its
   * id, and FTS5 flushes its pending postings to a new segment whenever a rowid is smaller than the last, so in
   * the order they came (random dates) nearly every article made a segment of its own, and a merge of 10k
   * articles set off FTS5's crisis merges (one step of 200 took 7.4 s; the whole merge 17.7 s wall, 10.7 s
   * CPU; sorted: 10.5 s, 5.6 s). No merge share here, unlike an import batch: measured, it doubled the wall
   * time (19.8 s) for the same CPU. The quiet seconds' upkeep merges the segments after (indexMerging.ts).
   */
  function indexArticles(ids: readonly string[]): void {
    const ordered = q.inDocOrder(ids);
    const indexed = new Set(ordered);
    for (const id of [...ordered, ...ids.filter((id) => !indexed.has(id))]) indexArticle(id);
  }

  /**
   * A save's path: the article as just written, from the values the save has in hand (its body as a tree,
   * its terms as read back in the same transaction), so the row is not read again nor its body parsed twice.
   */
  function indexWritten(values: WrittenArticle): void {
    removeArticle(values.id);
    const docId = freeDocId(values.updatedAt);
    q.insertDoc(docId, values.id);
    q.insertFts(docFields(sourceOfValues(values), docId));
  }

  function sourceOfValues(values: WrittenArticle): IndexSource {
    return { ...values, bodyText: bodyText(values.body), captions: captionOf(values.featuredImage) };
  }

  /**
   * The import path: a new article (nothing to remove) is indexed from the values the writer has in hand,
   * without reading its row back or parsing its body again. Its document id is claimed now; its FTS5 row is
   * returned for `insertDocs`, which the writer calls once per batch, in the same transaction.
   */
  function prepareNew(values: WrittenArticle): DocFields {
    return prepareFolded(values, indexTextOf(values));
  }

  /** As `prepareNew`, with the texts already folded (by the import's reading thread, indexText.ts). */
  function prepareFolded(values: IndexFacts & { id: string; updatedAt: number }, text: IndexText): DocFields {
    const docId = freeDocId(values.updatedAt);
    q.insertDoc(docId, values.id);
    return docFieldsOf(text, values, docId);
  }

  /**
   * Writes FTS5 rows in ascending rowid order. FTS5 keeps a batch of postings in memory only while rowids
   * grow; a smaller rowid flushes it to a new segment, so an archive written in date-random order would make
   * one segment per article (and merge them all again). Sorted, a batch of thousands is one segment.
   */
  function insertDocs(docs: DocFields[]): void {
    docs.sort((a, b) => a.rowid - b.rowid);
    for (const doc of docs) q.insertFts(doc);
    // Saves leave FTS5's merging to quiet seconds (indexMerging.ts: automerge is 0). An import batch does its
    // share here, as automerge would have at its commit (one batch behind: this batch is flushed at commit),
    // so an archive imported in one run is not left in many more segments, which every search would walk.
    if (docs.length > 0) q.mergeFts(docs.length * IMPORT_MERGE_PAGES_PER_DOC, IMPORT_MERGE_FAN_IN);
  }

  return { indexArticle, indexArticles, indexWritten, removeArticle, prepareNew, prepareFolded, insertDocs };
}

export type SearchIndexer = ReturnType<typeof createSearchIndexer>;
