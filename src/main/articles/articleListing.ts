import type { ArticleSummary } from '../../shared/domain/article';
import type { ArticlePage, ListFilters } from '../../shared/domain/listing';
import { AppError } from '../core/errors';
import type { Db } from '../db/open';
import type { SearchService } from '../search/searchService';
import { countNow, createSlicedCounts, type CountSlice, type SliceCounter } from '../search/slicedCount';
import { toSummary, type ArticleSummaryRow } from './articleRows';

const SUMMARY = 'id, kicker, headline, status, language, updated_at, revision';

const hasFilters = (f: ListFilters): boolean => Object.values(f).some((v) => v !== undefined);

/**
 * The article list at archive scale: keyset pages (never OFFSET), newest first. Without filters it walks the
 * (updated_at DESC, id) index; with filters it walks the search index's facet words, whose document ids are
 * in date order too, so a rare tag among a million articles is found without scanning them.
 */
export function createArticleListing(db: Db, search: SearchService) {
  const first = db.prepare<[number], ArticleSummaryRow>(
    `SELECT ${SUMMARY} FROM articles ORDER BY updated_at DESC, id LIMIT ?`,
  );
  // The leading "updated_at <= ?" gives SQLite an index range to seek to; an OR alone would scan from the top.
  const after = db.prepare<[number, number, string, number], ArticleSummaryRow>(
    `SELECT ${SUMMARY} FROM articles
      WHERE updated_at <= ? AND (updated_at < ? OR id > ?)
      ORDER BY updated_at DESC, id LIMIT ?`,
  );
  const countSlice = db.prepare<[string, number], CountSlice<string>>(
    'SELECT count(*) AS n, max(id) AS last FROM (SELECT id FROM articles WHERE id > ? ORDER BY id LIMIT ?)',
  );
  const allSlices: SliceCounter<string> = (after, size) =>
    countSlice.get(after ?? '', size) ?? { n: 0, last: null };
  const counts = createSlicedCounts();
  const filteredSlices = (filters: ListFilters): SliceCounter<number> | undefined =>
    search.countSlices({ query: '', ...filters });

  function page(filters: ListFilters, limit: number, cursor: string | undefined): ArticlePage {
    if (hasFilters(filters)) {
      if (cursor !== undefined && !/^d\d+$/.test(cursor)) throw new AppError('invalid_input', 'Bad cursor.');
      const found = search.documents(
        { query: '', ...filters },
        limit,
        cursor === undefined ? undefined : Number(cursor.slice(1)),
      );
      return {
        items: found.rows.map(toSummary),
        nextCursor: found.lastDocId === null || found.rows.length < limit ? null : `d${found.lastDocId}`,
      };
    }
    let rows: ArticleSummaryRow[];
    if (cursor === undefined) rows = first.all(limit);
    else {
      const m = /^k(\d+):(.+)$/.exec(cursor);
      if (!m) throw new AppError('invalid_input', 'Bad cursor.');
      const at = Number(m[1]);
      rows = after.all(at, at, m[2]!, limit);
    }
    const last = rows[rows.length - 1];
    return {
      items: rows.map(toSummary),
      nextCursor: last && rows.length === limit ? `k${last.updated_at}:${last.id}` : null,
    };
  }

  return {
    page,
    /** Every article the filters keep, at once: for tests and callers off the UI's path. */
    count(filters: ListFilters): number {
      if (!hasFilters(filters)) return countNow(allSlices);
      const slices = filteredSlices(filters);
      return slices ? countNow(slices) : 0;
    },
    /** What the list asks: counted a slice at a time, the same count shared while it runs. */
    countInSlices(filters: ListFilters): Promise<number> {
      if (!hasFilters(filters)) return counts('all', allSlices);
      const slices = filteredSlices(filters);
      return slices ? counts(JSON.stringify(filters), slices) : Promise.resolve(0);
    },
  };
}

export type ArticleListing = ReturnType<typeof createArticleListing>;
export type { ArticleSummary };
