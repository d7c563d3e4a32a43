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
  const insert = db.prepare<[string, string, string, number]>(
    `INSERT INTO ${table} (name, slug, fold_key, created_at) VALUES (?, ?, ?, ?)`,
  );
  return {
    all: (limit: number) => all.all(limit),
    byPrefix: (prefix: string, limit: number) => byPrefix.all(prefix, `${prefix}\u{10FFFF}`, limit),
    byFold: (key: string) => byFold.get(key),
    bySlug: (slug: string) => bySlug.get(slug),
    byId: (id: number) => byId.get(id),
    insert: (name: string, slug: string, foldKey: string, at: number): number =>
      Number(insert.run(name, slug, foldKey, at).lastInsertRowid),
  };
}
