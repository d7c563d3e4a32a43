import type { Db } from '../db/open';

export interface IndexSourceRow {
  id: string;
  kicker: string;
  headline: string;
  standfirst: string;
  body: string;
  status: string;
  language: string;
  section_id: number | null;
  featured_image: string | null;
  updated_at: number;
}

export interface DocFields {
  rowid: number;
  kicker: string;
  headline: string;
  standfirst: string;
  body: string;
  captions: string;
  tags: string;
  byline: string;
  facets: string;
}

/** Statements of the search index (search_docs maps an article to its FTS5 row), prepared once. */
export function searchQueries(db: Db) {
  const source = db.prepare<[string], IndexSourceRow>(
    `SELECT id, kicker, headline, standfirst, body, status, language, section_id, featured_image, updated_at
       FROM articles WHERE id = ?`,
  );
  const tagNames = db.prepare<[string], { id: number; name: string }>(
    'SELECT t.id, t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = ?',
  );
  const authorNames = db.prepare<[string], { id: number; name: string }>(
    'SELECT a.id, a.name FROM article_authors aa JOIN authors a ON a.id = aa.author_id WHERE aa.article_id = ?',
  );
  const docOf = db.prepare<[string], { doc_id: number }>(
    'SELECT doc_id FROM search_docs WHERE article_id = ?',
  );
  const docTaken = db.prepare<[number], { doc_id: number }>(
    'SELECT doc_id FROM search_docs WHERE doc_id = ?',
  );
  const insertDoc = db.prepare<[number, string]>(
    'INSERT INTO search_docs (doc_id, article_id) VALUES (?, ?)',
  );
  const deleteDoc = db.prepare<[number]>('DELETE FROM search_docs WHERE doc_id = ?');
  const inDocOrder = db
    .prepare<[string], string>(
      'SELECT article_id FROM search_docs WHERE article_id IN (SELECT value FROM json_each(?)) ORDER BY doc_id',
    )
    .pluck();
  const insertFts = db.prepare<[DocFields]>(
    `INSERT INTO search_fts (rowid, kicker, headline, standfirst, body, captions, tags, byline, facets)
     VALUES (@rowid, @kicker, @headline, @standfirst, @body, @captions, @tags, @byline, @facets)`,
  );
  const deleteFts = db.prepare<[number]>('DELETE FROM search_fts WHERE rowid = ?');
  const mergeFts = db.prepare<[number]>("INSERT INTO search_fts (search_fts, rank) VALUES ('merge', ?)");
  const setUserMerge = db.prepare<[number]>(
    "INSERT INTO search_fts (search_fts, rank) VALUES ('usermerge', CAST(? AS INTEGER))",
  );
  return {
    source: (id: string) => source.get(id),
    tagNames: (id: string) => tagNames.all(id),
    authorNames: (id: string) => authorNames.all(id),
    docOf: (id: string) => docOf.get(id)?.doc_id,
    docTaken: (docId: number) => docTaken.get(docId) !== undefined,
    insertDoc: (docId: number, id: string) => void insertDoc.run(docId, id),
    deleteDoc: (docId: number) => void deleteDoc.run(docId),
    insertFts: (doc: DocFields) => void insertFts.run(doc),
    deleteFts: (docId: number) => void deleteFts.run(docId),
    /**
     * Up to `pages` leaf pages of FTS5 merging, on levels with at least `fanIn` segments, merged into one.
     * FTS5 keeps the minimum as a setting ('usermerge'); it is put back to its default, four, which the quiet
     * seconds' merges (indexMerging.ts) rely on.
     */
    mergeFts(pages: number, fanIn = 4): void {
      if (fanIn !== 4) setUserMerge.run(fanIn);
      try {
        mergeFts.run(pages);
      } finally {
        if (fanIn !== 4) setUserMerge.run(4);
      }
    },
    /** Of these articles, those indexed, in document-id order. */
    inDocOrder: (ids: readonly string[]) => inDocOrder.all(JSON.stringify(ids)),
  };
}
