/**
 * Filters are words in a hidden "facets" column, so that FTS5 intersects them with the text query in its own
 * posting lists (fast for a rare tag within a common word) instead of SQLite filtering row by row.
 * Facet words are letters and digits only, as the tokenizer keeps them whole.
 */
const clean = (value: string): string => value.toLowerCase().replace(/[^a-z0-9]/g, '');

export const facet = {
  status: (status: string) => `xst${clean(status)}`,
  language: (language: string) => `xlang${clean(language)}`,
  section: (id: number) => `xsec${id}`,
  tag: (id: number) => `xtag${id}`,
  author: (id: number) => `xaut${id}`,
  /** Every document has it: lets a search with filters only and no words run through the index. */
  all: 'xall',
};

/**
 * Document ids follow the article's date (updated_at, ms) so that "newest first" is the index's own order
 * (FTS5 walks rowids backwards without sorting) and a date range is a rowid range.
 * The low bits separate articles saved in the same millisecond.
 */
export const DOC_ID_SLOTS = 1024;
export const docIdFloor = (at: number): number => at * DOC_ID_SLOTS;
export const docIdCeil = (at: number): number => at * DOC_ID_SLOTS + DOC_ID_SLOTS - 1;
/** The date (updated_at, ms) a document id was given for. */
export const dateOfDocId = (docId: number): number => Math.floor(docId / DOC_ID_SLOTS);
