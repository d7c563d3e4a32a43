import type { TermKind } from '../../shared/domain/term';
import type { Db } from '../db/open';

export interface TermRow {
  id: number;
  name: string;
  slug: string;
  fold_key: string;
  created_at: number;
}

/** Statements for one of the three lists (sections, tags, authors), which share their shape. */
export function termQueries(db: Db, table: TermKind) {
  const all = db.prepare<[number], TermRow>(`SELECT * FROM ${table} ORDER BY fold_key LIMIT ?`);
  // Prefix match on the folded key: "ely" finds "Élysée". The range form uses the UNIQUE index.
  const byPrefix = db.prepare<[string, string, number], TermRow>(
    `SELECT * FROM ${table} WHERE fold_key >= ? AND fold_key < ? ORDER BY fold_key LIMIT ?`,
  );
  const byFold = db.prepare<[string], TermRow>(`SELECT * FROM ${table} WHERE fold_key = ?`);
  const bySlug = db.prepare<[string], TermRow>(`SELECT * FROM ${table} WHERE slug = ?`);
  const byId = db.prepare<[number], TermRow>(`SELECT * FROM ${table} WHERE id = ?`);
  // Ids are never reused: revisions keep the ids of terms merged away since (merged_terms), and SQLite would
  // give the largest id's number again once that term is gone.
  const insert = db.prepare<[string, string, string, number]>(
    `INSERT INTO ${table} (id, name, slug, fold_key, created_at)
     VALUES (max(coalesce((SELECT max(id) FROM ${table}), 0),
                 coalesce((SELECT max(id) FROM merged_terms WHERE kind = '${table}'), 0)) + 1, ?, ?, ?, ?)`,
  );
  const merged = db.prepare<[number], { name: string; into_id: number }>(
    `SELECT name, into_id FROM merged_terms WHERE kind = '${table}' AND id = ?`,
  );
  const recordMerge = db.prepare<[number, string, number, number]>(
    `INSERT OR REPLACE INTO merged_terms (kind, id, name, into_id, merged_at) VALUES ('${table}', ?, ?, ?, ?)`,
  );
  return {
    all: (limit: number) => all.all(limit),
    byPrefix: (prefix: string, limit: number) => byPrefix.all(prefix, `${prefix}\u{10FFFF}`, limit),
    byFold: (key: string) => byFold.get(key),
    bySlug: (slug: string) => bySlug.get(slug),
    byId: (id: number) => byId.get(id),
    insert: (name: string, slug: string, foldKey: string, at: number): number =>
      Number(insert.run(name, slug, foldKey, at).lastInsertRowid),
    /** A term merged away: its name then, and the term it was merged into (which may be merged since). */
    merged: (id: number) => merged.get(id),
    recordMerge: (id: number, name: string, intoId: number, at: number) =>
      recordMerge.run(id, name, intoId, at),
  };
}
