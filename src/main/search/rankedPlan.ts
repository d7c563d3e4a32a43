import type { Db } from '../db/open';
import { IN_DOC_RANGE } from './facets';
import { termExpr, phraseOf, type QueryTerm } from './parseQuery';

/**
 * Relevance at archive scale, in bounded work whatever the words.
 *
 * FTS5's bm25 costs a pass over every document of every phrase in the expression (it counts them for the
 * IDF) plus a score per match, and a filter is a phrase too (of the hidden facets column; "published" is in
 * 90% of articles). Measured at 100k: 78 ms for a word in 79% of the articles, 16 ms for one in 19%, and a
 * "published" filter adds 8 ms to any of them; the cost grows with the archive. So:
 *
 * - Exact: a word found in at most `rareDocs` articles is "rare", and so is a phrase with a rare word. When
 *   every positive term is rare, the top k are exactly bm25's: bm25 runs on the words alone (filters weigh 0, so dropping them from the
 *   scored expression changes no score but saves their pass), over the date range, and the full expression
 *   (words, exclusions, filters) decides which scored rows are results.
 * - Frequent words beside rare ones only filter: they are scored as stop words are, with nothing. Their IDF is
 *   small anyway (log(N/df) with df > rareDocs) beside a rare word's.
 * - Frequent words alone: the matches are taken in tiers by the best field a word is in, in the order of
 *   their bm25 weights (headline 8, tags 4, kicker/standfirst/byline 3, body/captions 1), newest first within
 *   a tier, each tier read in the index's own order (ids follow dates) and only as far as the page needs.
 *   It is bm25 quantized to its field weights: a repeated word in a long body, and document length, do not
 *   count. The approximation is documented in README (search).
 *
 * Which words are rare is learnt with a capped count (at most rareDocs + 1 rows read) and remembered.
 */
export const RARE_DOCS = 5000;
const RECOUNT_MS = 10 * 60_000;

/** bm25 weights per column: kicker, headline, standfirst, body, captions, tags, byline, facets (never scored). */
export const WEIGHTS = '3.0, 8.0, 3.0, 1.0, 1.0, 4.0, 3.0, 0.0';

/** The columns in the order of their bm25 weights, grouped by weight: one tier each. */
const TIERS = [['headline'], ['tags'], ['kicker', 'standfirst', 'byline'], ['body', 'captions']];

export interface RankInput {
  terms: readonly QueryTerm[];
  /** The whole MATCH expression: words, exclusions and filters. */
  match: string;
  low: number;
  high: number;
  /** How many results from the top. */
  need: number;
}

export interface RankedPlanOptions {
  rareDocs?: number;
}

const cols = (names: string[]): string => `{${names.join(' ')}}`;

export function createRankedPlan(db: Db, options: RankedPlanOptions = {}) {
  const rareDocs = options.rareDocs ?? RARE_DOCS;
  const capped = db
    .prepare<[string, number], number>(
      'SELECT count(*) FROM (SELECT rowid FROM search_fts WHERE search_fts MATCH ? LIMIT ?)',
    )
    .pluck();
  const scored = db
    .prepare<[string, number, number], number>(
      `SELECT rowid FROM search_fts WHERE search_fts MATCH ? AND ${IN_DOC_RANGE}
        ORDER BY bm25(search_fts, ${WEIGHTS}), rowid DESC`,
    )
    .pluck();
  const topScored = db
    .prepare<[string, number, number, number], number>(
      `SELECT rowid FROM search_fts WHERE search_fts MATCH ? AND ${IN_DOC_RANGE}
        ORDER BY bm25(search_fts, ${WEIGHTS}), rowid DESC LIMIT ?`,
    )
    .pluck();
  const matching = db
    .prepare<[string, number, number], number>(
      `SELECT rowid FROM search_fts WHERE search_fts MATCH ? AND ${IN_DOC_RANGE}`,
    )
    .pluck();
  const newest = db
    .prepare<[string, number, number, number], number>(
      `SELECT rowid FROM search_fts WHERE search_fts MATCH ? AND ${IN_DOC_RANGE}
        ORDER BY rowid DESC LIMIT ?`,
    )
    .pluck();

  // A word's class changes slowly (it crosses rareDocs once in its life): remembered for a while, so an
  // archive that grows is re-counted now and then.
  const rareness = new Map<string, { rare: boolean; at: number }>();
  function isRare(expr: string): boolean {
    const now = Date.now();
    let known = rareness.get(expr);
    if (known === undefined || now - known.at > RECOUNT_MS) {
      known = { rare: capped.get(expr, rareDocs + 1)! <= rareDocs, at: now };
      if (rareness.size >= 5000) rareness.clear();
      rareness.set(expr, known);
    }
    return known.rare;
  }

  /**
   * A phrase costs bm25 a walk over its words' postings, not over its own matches: a rare "hausse des prix"
   * still walks "des" (in nearly every article) wherever "hausse" is. So a term counts as rare when one of
   * its words is, and single words are what gets counted (cheaply: a phrase match costs positions).
   */
  function hasRareWord(term: QueryTerm): boolean {
    // Counted in every column: a column filter is checked on each row's positions, after the same walk.
    return term.words.some((word, i) =>
      isRare(phraseOf({ ...term, words: [word], prefix: term.prefix && i === term.words.length - 1 })),
    );
  }

  /** Exact bm25 order over the rare terms, keeping the rows the whole expression matches. */
  function byScore(rare: string, input: RankInput): number[] {
    const { match, low, high, need } = input;
    if (rare === match) return topScored.all(match, low, high, need);
    const allowed = new Set(matching.all(match, low, high));
    const out: number[] = [];
    if (allowed.size === 0) return out;
    // SQLite sorts the scored rows; only the ones read are brought into JavaScript.
    for (const id of scored.iterate(rare, low, high)) {
      if (!allowed.has(id)) continue;
      out.push(id);
      if (out.length === need || out.length === allowed.size) break;
    }
    return out;
  }

  /** Newest first within tiers of the best field a word is in (frequent words only). */
  function byTier(positive: readonly QueryTerm[], input: RankInput): number[] {
    const { match, low, high, need } = input;
    const unfielded = positive.filter((t) => t.field === undefined).map(phraseOf);
    if (unfielded.length === 0) return newest.all(match, low, high, need);
    const words = `(${unfielded.join(' OR ')})`;
    const out: number[] = [];
    for (let i = 0; i < TIERS.length && out.length < need; i++) {
      const above = TIERS.slice(0, i).flat();
      const expr =
        i === TIERS.length - 1
          ? `(${match}) NOT ${cols(above)} : ${words}`
          : `(${match}) AND ${cols(TIERS[i]!)} : ${words}` +
            (above.length > 0 ? ` NOT ${cols(above)} : ${words}` : '');
      out.push(...newest.all(expr, low, high, need - out.length));
    }
    return out;
  }

  return {
    /** Document ids of the first `need` results by relevance. */
    rank(input: RankInput): number[] {
      const positive = input.terms.filter((t) => !t.negated);
      const rare = positive.filter(hasRareWord).map(termExpr);
      if (rare.length === 0) return byTier(positive, input);
      const rareMatch = rare.length === 1 ? rare[0]! : `(${rare.join(' AND ')})`;
      return byScore(rareMatch, input);
    },
  };
}

export type RankedPlan = ReturnType<typeof createRankedPlan>;
