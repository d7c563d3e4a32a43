import type { ArticleStatus, Language } from '../../shared/domain/article';
import type { SearchHit, SearchPage, SearchProgress, SearchQuery } from '../../shared/domain/search';
import { AppError } from '../core/errors';
import type { EventBus } from '../core/eventBus';
import type { ArticleSummaryRow } from '../articles/articleRows';
import type { Db } from '../db/open';
import { dateOfDocId, docIdCeil, docIdFloor, facet, IN_DOC_RANGE } from './facets';
import { highlightAll, matcherFor, snippet, type WordMatcher } from './highlight';
import { compactIndex } from './indexMerging';
import { parseQuery } from './parseQuery';
import { createRankedPlan, type RankedPlanOptions } from './rankedPlan';
import type { SearchIndexer } from './searchIndexer';
import { bodyTextOfJson } from './searchText';
import { countNow, createSlicedCounts, type CountSlice, type SliceCounter } from './slicedCount';

/** How deep relevance pages go (a cursor is an offset into the ranked results). */
export const CANDIDATES = 2000;

const MAX_DOC_ID = Number.MAX_SAFE_INTEGER;

interface HitRow {
  doc_id: number;
  id: string;
  kicker: string;
  headline: string;
  standfirst: string;
  body: string;
  status: string;
  language: string;
  updated_at: number;
}

export interface SearchRequest extends SearchQuery {
  sort: 'relevance' | 'date';
  limit: number;
  cursor?: string | undefined;
}

/** The MATCH expression for the words and the filters, or '' when nothing was asked. */
export function matchOf(query: SearchQuery): {
  match: string;
  terms: ReturnType<typeof parseQuery>['terms'];
} {
  const parsed = parseQuery(query.query);
  const facets: string[] = [];
  if (query.status) facets.push(facet.status(query.status));
  if (query.language) facets.push(facet.language(query.language));
  if (query.sectionId !== undefined) facets.push(facet.section(query.sectionId));
  if (query.tagId !== undefined) facets.push(facet.tag(query.tagId));
  if (query.authorId !== undefined) facets.push(facet.author(query.authorId));
  const dated = query.from !== undefined || query.to !== undefined;
  if (!parsed.match && facets.length === 0 && !dated) return { match: '', terms: [] };
  // Only when nothing else is asked: beside another filter, a word in every document is one more doclist
  // to walk (the whole index, a million entries) for each page.
  if (!parsed.match && facets.length === 0) facets.push(facet.all);
  const parts = [...(parsed.match ? [`(${parsed.match})`] : []), ...facets.map((f) => `facets : ${f}`)];
  return { match: parts.join(' AND '), terms: parsed.terms };
}

/** The document ids of the date range (ids follow dates). */
export function rangeOf(query: SearchQuery): [number, number] {
  return [
    query.from === undefined ? 0 : docIdFloor(query.from),
    query.to === undefined ? MAX_DOC_ID : docIdCeil(query.to),
  ];
}

/** Search over the archive: ranked or newest first, filtered, with highlighted snippets. */
export function createSearchService(
  db: Db,
  bus: EventBus,
  indexer: SearchIndexer,
  /** Tests lower the thresholds to reach the frequent-word plans with a small corpus. */
  options: RankedPlanOptions & { candidates?: number } = {},
) {
  const candidates = options.candidates ?? CANDIDATES;
  const plan = createRankedPlan(db, options);
  const byDate = db.prepare<[string, number, number, number], { doc_id: number }>(
    `SELECT rowid AS doc_id FROM search_fts
      WHERE search_fts MATCH ? AND ${IN_DOC_RANGE} ORDER BY rowid DESC LIMIT ?`,
  );
  const countSlice = db.prepare<[string, number, number, number], CountSlice<number>>(
    `SELECT count(*) AS n, min(rowid) AS last FROM (
       SELECT rowid FROM search_fts WHERE search_fts MATCH ? AND ${IN_DOC_RANGE} ORDER BY rowid DESC LIMIT ?)`,
  );
  const counts = createSlicedCounts();

  /** The count of a query in slices of document ids, newest first; undefined when nothing was asked. */
  function countSlices(query: SearchQuery): SliceCounter<number> | undefined {
    const { match } = matchOf(query);
    if (!match) return undefined;
    const [low, high] = rangeOf(query);
    return (after, size) =>
      run(() => countSlice.get(match, low, after === undefined ? high : after - 1, size)) ?? {
        n: 0,
        last: null,
      };
  }
  const hit = db.prepare<[number], HitRow>(
    `SELECT d.doc_id, a.id, a.kicker, a.headline, a.standfirst, a.body, a.status, a.language, a.updated_at
       FROM search_docs d JOIN articles a ON a.id = d.article_id WHERE d.doc_id = ?`,
  );

  function run<T>(fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      // Queries are built from quoted, folded words only; a failure here is the index, not the writer.
      throw new AppError('storage', `The search index could not answer: ${(error as Error).message}`);
    }
  }

  function toHit(row: HitRow, matcher: WordMatcher): SearchHit {
    const text = [row.standfirst, bodyTextOfJson(row.body)].filter(Boolean).join('\n');
    return {
      id: row.id,
      kicker: row.kicker,
      headline: highlightAll(row.headline, matcher),
      snippet: snippet(text, matcher),
      status: row.status as ArticleStatus,
      language: row.language as Language,
      updatedAt: row.updated_at,
    };
  }

  function search(request: SearchRequest): SearchPage {
    const { match, terms } = matchOf(request);
    if (!match) return { hits: [], nextCursor: null };
    const [low, rangeHigh] = rangeOf(request);
    let high = rangeHigh;
    let docIds: number[];
    let nextCursor: string | null;
    if (request.sort === 'date') {
      if (request.cursor) high = Math.min(high, Number(request.cursor) - 1);
      docIds = run(() => byDate.all(match, low, high, request.limit)).map((r) => r.doc_id);
      nextCursor = docIds.length === request.limit ? String(docIds[docIds.length - 1]) : null;
    } else {
      const offset = request.cursor ? Number(request.cursor) : 0;
      docIds = run(() => plan.rank({ terms, match, low, high, need: offset + request.limit })).slice(offset);
      const next = offset + docIds.length;
      nextCursor = docIds.length === request.limit && next < candidates ? String(next) : null;
    }
    const hits: SearchHit[] = [];
    const matcher = matcherFor(terms);
    for (const docId of docIds) {
      const row = hit.get(docId);
      if (row) hits.push(toHit(row, matcher));
    }
    return { hits, nextCursor };
  }

  const countArticles = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM articles');
  const page = db.prepare<[number, number], { rowid: number; id: string }>(
    'SELECT rowid, id FROM articles WHERE rowid > ? ORDER BY rowid LIMIT ?',
  );
  const checkIndex = db.prepare("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 0)");
  const emptyIndex = db.prepare("INSERT INTO search_fts (search_fts) VALUES ('delete-all')");
  const emptyDocs = db.prepare('DELETE FROM search_docs');
  // Index rows whose article is gone (search_docs rows go with their article, FTS rows do not).
  const sweepOrphans = db.prepare(
    `DELETE FROM search_fts WHERE rowid IN (
       SELECT rowid FROM search_fts WHERE search_fts MATCH 'facets : ${facet.all}'
       EXCEPT SELECT doc_id FROM search_docs)`,
  );
  let rebuilding: { cancelled: boolean } | undefined;

  /**
   * Re-indexes every article in batches, yielding between them so the app stays responsive, and reports
   * progress as events. In place: a cancelled rebuild leaves every article indexed, some of them old-style.
   */
  async function rebuild(): Promise<SearchProgress> {
    if (rebuilding) throw new AppError('conflict', 'The search index is already being rebuilt.');
    const job = { cancelled: false };
    rebuilding = job;
    const total = countArticles.get()?.n ?? 0;
    const started = Date.now();
    let done = 0;
    let after = 0;
    const report = (state: SearchProgress['state']): SearchProgress => {
      const elapsed = Date.now() - started;
      const progress: SearchProgress = {
        done,
        total,
        remainingMs: done > 0 && state === 'running' ? (elapsed / done) * Math.max(0, total - done) : null,
        state,
      };
      bus.emit('search:progress', progress);
      return progress;
    };
    try {
      db.transaction(() => {
        try {
          checkIndex.run();
        } catch {
          // A damaged index is emptied and rebuilt from the articles, which are the source of truth.
          emptyIndex.run();
          emptyDocs.run();
        }
      }).immediate();
      for (;;) {
        if (job.cancelled) return report('cancelled');
        const batch = page.all(after, 500);
        if (batch.length === 0) break;
        db.transaction(() => batch.forEach((row) => indexer.indexArticle(row.id))).immediate();
        done += batch.length;
        after = batch[batch.length - 1]!.rowid;
        report('running');
        await new Promise((resolve) => setImmediate(resolve));
      }
      sweepOrphans.run();
      // Re-indexing in batches leaves a segment per batch; searches walk fewer of them once merged.
      await compactIndex(db, () => job.cancelled);
      return report(job.cancelled ? 'cancelled' : 'done');
    } catch (error) {
      report('failed');
      throw error;
    } finally {
      rebuilding = undefined;
    }
  }

  const summaryOf = db.prepare<[number], ArticleSummaryRow>(
    `SELECT a.id, a.kicker, a.headline, a.status, a.language, a.updated_at, a.revision
       FROM search_docs d JOIN articles a ON a.id = d.article_id WHERE d.doc_id = ?`,
  );
  // A document id carries its article's date (facets.ts), and the list index is keyed by (date, id) and holds
  // the summary: two index seeks per row. Through the id, the summary columns sit after the body in the table
  // row, so each row cost its overflow pages (21.8 ms for a page of 100 at 50k under load).
  const listedSummaryOf = db.prepare<[number, number], ArticleSummaryRow>(
    `SELECT a.id, a.kicker, a.headline, a.status, a.language, a.updated_at, a.revision
       FROM search_docs d JOIN articles a INDEXED BY articles_list ON a.updated_at = ? AND a.id = d.article_id
      WHERE d.doc_id = ?`,
  );
  /** Falls back to the id when a row's date and document id disagree (an index behind a write it missed). */
  const summaryOfDoc = (docId: number): ArticleSummaryRow | undefined =>
    listedSummaryOf.get(dateOfDocId(docId), docId) ?? summaryOf.get(docId);

  /** Articles matching filters only, newest first, after a document id (the article list's filtered pages). */
  function documents(
    query: SearchQuery,
    limit: number,
    beforeDocId: number | undefined,
  ): { rows: ArticleSummaryRow[]; lastDocId: number | null } {
    const { match } = matchOf({ ...query, query: '' });
    if (!match) return { rows: [], lastDocId: null };
    const [low, high] = rangeOf(query);
    const top = beforeDocId === undefined ? high : Math.min(high, beforeDocId - 1);
    const ids = run(() => byDate.all(match, low, top, limit)).map((r) => r.doc_id);
    const rows = ids.map(summaryOfDoc).filter((r): r is ArticleSummaryRow => r !== undefined);
    return { rows, lastDocId: ids.length > 0 ? ids[ids.length - 1]! : null };
  }

  return {
    search,
    documents,
    countSlices,
    /** Every match at once: for tests and callers off the UI's path. */
    count(query: SearchQuery): number {
      const slices = countSlices(query);
      return slices ? countNow(slices) : 0;
    },
    /** What the search box asks: counted a slice at a time, the same count shared while it runs. */
    countInSlices(query: SearchQuery): Promise<number> {
      const slices = countSlices(query);
      return slices
        ? counts(JSON.stringify([matchOf(query).match, rangeOf(query)]), slices)
        : Promise.resolve(0);
    },
    rebuild,
    cancelRebuild(): boolean {
      if (!rebuilding) return false;
      rebuilding.cancelled = true;
      return true;
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
