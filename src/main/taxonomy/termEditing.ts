import type { Term, TermKind } from '../../shared/domain/term';
import { foldText } from '../../shared/text/fold';
import type { ArticleWriteHook } from '../articles/articleService';
import { AppError, notFound } from '../core/errors';
import type { Db } from '../db/open';
import { createRevisionStore } from '../revisions/revisionStore';
import type { TermService } from './termService';

/** Which link table (or column) ties articles to each kind of term. */
const LINKS = {
  tags: { table: 'article_tags', column: 'tag_id' },
  authors: { table: 'article_authors', column: 'author_id' },
} as const;

/**
 * Renaming and merging sections, tags and authors. Ids and slugs stay stable on rename; the fold key stays
 * unique (a rename onto another term's spelling is refused and points to merge). A merge moves every
 * article to the surviving term and re-indexes those articles, in one transaction.
 *
 * A merge is not an edit of the articles: it adds no revision, and their history keeps what was saved or
 * imported then. A copy desk reading History wants to see what the article carried when it was written (the
 * merged tag's own name), not today's taxonomy projected backwards; and History must never be rewritten. A
 * saved revision keeps its term ids, and the merged term's name stays in merged_terms for it. An untouched
 * import's first revision is read from its row, whose links the merge changes: its fields are pinned first.
 * A rename keeps the id, so every revision shows the new name: a rename corrects a label, the term is the same.
 */
export function createTermEditing(db: Db, terms: TermService, hooks: readonly ArticleWriteHook[]) {
  const revisions = createRevisionStore(db);
  function statementsFor(kind: TermKind) {
    const link = kind === 'sections' ? undefined : LINKS[kind];
    return {
      byFold: db.prepare<[string], { id: number }>(`SELECT id FROM ${kind} WHERE fold_key = ?`),
      rename: db.prepare<[string, string, number]>(`UPDATE ${kind} SET name = ?, fold_key = ? WHERE id = ?`),
      remove: db.prepare<[number]>(`DELETE FROM ${kind} WHERE id = ?`),
      articles: link
        ? db
            .prepare<[number], string>(`SELECT article_id FROM ${link.table} WHERE ${link.column} = ?`)
            .pluck()
        : db.prepare<[number], string>('SELECT id FROM articles WHERE section_id = ?').pluck(),
      // An article that had both keeps the surviving term once, at its earlier position.
      moveLinks: link
        ? db.prepare<[number, number]>(
            `INSERT OR IGNORE INTO ${link.table} (article_id, ${link.column}, position)
             SELECT article_id, ?, position FROM ${link.table} WHERE ${link.column} = ?`,
          )
        : db.prepare<[number, number]>('UPDATE articles SET section_id = ? WHERE section_id = ?'),
      dropLinks: link
        ? db.prepare<[number]>(`DELETE FROM ${link.table} WHERE ${link.column} = ?`)
        : undefined,
    };
  }
  const stmts = {
    sections: statementsFor('sections'),
    tags: statementsFor('tags'),
    authors: statementsFor('authors'),
  };

  const reindex = (ids: readonly string[]): void =>
    ids.forEach((id) => hooks.forEach((h) => h.afterWrite(id)));

  const rename = db.transaction((kind: TermKind, id: number, name: string): Term => {
    const current = terms.get(kind, id);
    if (!current) throw notFound(`The ${kind.slice(0, -1)}`);
    const clean = name.replace(/\s+/g, ' ').trim();
    const key = foldText(clean);
    if (!key) throw new AppError('invalid_input', 'A name cannot be empty.');
    const other = stmts[kind].byFold.get(key);
    if (other && other.id !== id) {
      throw new AppError('conflict', `“${clean}” already exists; merge the two instead of renaming.`);
    }
    stmts[kind].rename.run(clean, key, id);
    reindex(stmts[kind].articles.all(id));
    return { ...current, name: clean };
  });

  const merge = db.transaction((kind: TermKind, fromId: number, intoId: number): { moved: number } => {
    if (fromId === intoId) throw new AppError('invalid_input', 'A term cannot be merged into itself.');
    if (!terms.get(kind, fromId) || !terms.get(kind, intoId)) throw notFound(`The ${kind.slice(0, -1)}`);
    const affected = stmts[kind].articles.all(fromId);
    revisions.pinImpliedFields(affected);
    terms.recordMerge(kind, terms.get(kind, fromId)!, intoId);
    stmts[kind].moveLinks.run(intoId, fromId);
    stmts[kind].dropLinks?.run(fromId);
    stmts[kind].remove.run(fromId);
    reindex(affected);
    return { moved: affected.length };
  });

  return {
    rename: (kind: TermKind, id: number, name: string): Term => rename.immediate(kind, id, name),
    merge: (kind: TermKind, fromId: number, intoId: number) => merge.immediate(kind, fromId, intoId),
  };
}

export type TermEditing = ReturnType<typeof createTermEditing>;
