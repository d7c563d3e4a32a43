import type { Term, TermKind } from '../../shared/domain/term';
import { foldText } from '../../shared/text/fold';
import type { ArticleWriteHook } from '../articles/articleService';
import { AppError, notFound } from '../core/errors';
import type { EventBus } from '../core/eventBus';
import type { Db } from '../db/open';
import { createRevisionStore } from '../revisions/revisionStore';
import type { TermService } from './termService';

/** Which link table (or column) ties articles to each kind of term. */
/**
 * Articles moved per transaction of a merge: the window waits at most one step. Measured on the 100k archive
 * at load 5-6, a step of 200 took 0.55-0.8 s wall (0.11 s CPU), most of it reading the articles' pages.
 */
export const MERGE_STEP = 100;

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
export function createTermEditing(
  db: Db,
  terms: TermService,
  hooks: readonly ArticleWriteHook[],
  bus?: EventBus,
  /** Run between two steps of a merge, in its own commits: the search index's bounded merging. */
  betweenSteps?: () => void,
) {
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
      count: link
        ? db.prepare<[number], number>(`SELECT count(*) FROM ${link.table} WHERE ${link.column} = ?`).pluck()
        : db.prepare<[number], number>('SELECT count(*) FROM articles WHERE section_id = ?').pluck(),
      someArticles: link
        ? db
            .prepare<[number, number], string>(
              `SELECT article_id FROM ${link.table} WHERE ${link.column} = ? LIMIT ?`,
            )
            .pluck()
        : db
            .prepare<[number, number], string>('SELECT id FROM articles WHERE section_id = ? LIMIT ?')
            .pluck(),
      articlesAfter: link
        ? db
            .prepare<[number, string, number], string>(
              `SELECT article_id FROM ${link.table} WHERE ${link.column} = ? AND article_id > ? ORDER BY article_id LIMIT ?`,
            )
            .pluck()
        : db
            .prepare<[number, string, number], string>(
              'SELECT id FROM articles WHERE section_id = ? AND id > ? ORDER BY id LIMIT ?',
            )
            .pluck(),
      // An article that had both keeps the surviving term once, at its earlier position. `ids` is a JSON array.
      moveLinks: link
        ? db.prepare<[number, number, string]>(
            `INSERT OR IGNORE INTO ${link.table} (article_id, ${link.column}, position)
             SELECT article_id, ?, position FROM ${link.table}
              WHERE ${link.column} = ? AND article_id IN (SELECT value FROM json_each(?))`,
          )
        : db.prepare<[number, number, string]>(
            'UPDATE articles SET section_id = ? WHERE section_id = ? AND id IN (SELECT value FROM json_each(?))',
          ),
      dropLinks: link
        ? db.prepare<[number, string]>(
            `DELETE FROM ${link.table} WHERE ${link.column} = ? AND article_id IN (SELECT value FROM json_each(?))`,
          )
        : undefined,
    };
  }
  const stmts = {
    sections: statementsFor('sections'),
    tags: statementsFor('tags'),
    authors: statementsFor('authors'),
  };

  const reindex = (ids: readonly string[]): void =>
    hooks.forEach((h) => (h.afterWriteMany ? h.afterWriteMany(ids) : ids.forEach((id) => h.afterWrite(id))));

  /** Merges and re-indexes under way, by term: the same one is not run twice at once. */
  const merging = new Set<string>();

  const pending = {
    mark: db.prepare<[string, number]>(
      "INSERT OR REPLACE INTO term_reindex (kind, id, after) VALUES (?, ?, '')",
    ),
    advance: db.prepare<[string, string, number]>(
      'UPDATE term_reindex SET after = ? WHERE kind = ? AND id = ?',
    ),
    done: db.prepare<[string, number]>('DELETE FROM term_reindex WHERE kind = ? AND id = ?'),
    cursor: db
      .prepare<[string, number], string>('SELECT after FROM term_reindex WHERE kind = ? AND id = ?')
      .pluck(),
    all: db.prepare<[], { kind: TermKind; id: number }>('SELECT kind, id FROM term_reindex'),
  };

  /** Renames, and marks the term's articles for re-indexing (renameReindex), in one transaction. */
  const renameOnly = db.transaction((kind: TermKind, id: number, name: string): Term => {
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
    pending.mark.run(kind, id);
    return { ...current, name: clean };
  });

  /** One step of a rename's re-index: the next MERGE_STEP articles by id. Returns how many. */
  const reindexStep = db.transaction((kind: TermKind, id: number): number => {
    const after = pending.cursor.get(kind, id);
    if (after === undefined) return 0;
    const ids = stmts[kind].articlesAfter.all(id, after, MERGE_STEP);
    if (ids.length === 0) {
      pending.done.run(kind, id);
      return 0;
    }
    reindex(ids);
    pending.advance.run(ids[ids.length - 1]!, kind, id);
    return ids.length;
  });

  /**
   * The search index holds term names (tag:, author: queries), so a rename re-indexes the term's articles:
   * in steps like a merge (a tag on 10k articles took 7.1 s in one transaction, 4.0 s CPU, load 6.5). The
   * marker in term_reindex makes a re-index cut short by a quit resume at the next start (resumePending).
   */
  async function renameReindex(kind: TermKind, id: number): Promise<void> {
    const key = `reindex:${kind}:${id}`;
    if (merging.has(key)) return;
    merging.add(key);
    try {
      const total = stmts[kind].count.get(id) ?? 0;
      let done = 0;
      for (;;) {
        const step = reindexStep.immediate(kind, id);
        if (step === 0) break;
        done += step;
        bus?.emit('terms:mergeProgress', {
          action: 'rename',
          kind,
          fromId: id,
          intoId: id,
          done,
          total: Math.max(total, done),
        });
        betweenSteps?.();
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      merging.delete(key);
    }
  }

  /**
   * One step of a merge, in its own transaction: up to MERGE_STEP of the term's articles move to the survivor
   * (their untouched imports' first revisions pinned first) and are re-indexed. The last step, finding none
   * left, records the merge and removes the term. Returns how many moved.
   */
  const mergeStep = db.transaction((kind: TermKind, fromId: number, intoId: number): number => {
    const from = terms.get(kind, fromId);
    if (!from || !terms.get(kind, intoId)) throw notFound(`The ${kind.slice(0, -1)}`);
    const ids = stmts[kind].someArticles.all(fromId, MERGE_STEP);
    if (ids.length === 0) {
      terms.recordMerge(kind, from, intoId);
      stmts[kind].remove.run(fromId);
      return 0;
    }
    const list = JSON.stringify(ids);
    revisions.pinImpliedFields(ids);
    stmts[kind].moveLinks.run(intoId, fromId, list);
    stmts[kind].dropLinks?.run(fromId, list);
    reindex(ids);
    return ids.length;
  });

  /**
   * Re-indexing each article is most of a merge's cost (about 1 ms an article: 97 s for 100,000 at load 5.6,
   * measured in one transaction), so it goes in steps, the main thread free between them to answer the
   * window, with progress events. Each step is whole; an interrupted merge leaves both terms with their
   * articles split between them, and merging again finishes it.
   */
  async function merge(kind: TermKind, fromId: number, intoId: number): Promise<{ moved: number }> {
    if (fromId === intoId) throw new AppError('invalid_input', 'A term cannot be merged into itself.');
    if (!terms.get(kind, fromId) || !terms.get(kind, intoId)) throw notFound(`The ${kind.slice(0, -1)}`);
    const key = `${kind}:${fromId}`;
    if (merging.has(key)) throw new AppError('conflict', 'This merge is already running.');
    merging.add(key);
    try {
      const total = stmts[kind].count.get(fromId)!;
      let moved = 0;
      for (;;) {
        const step = mergeStep.immediate(kind, fromId, intoId);
        if (step === 0) break;
        moved += step;
        bus?.emit('terms:mergeProgress', {
          action: 'merge',
          kind,
          fromId,
          intoId,
          done: moved,
          total: Math.max(total, moved),
        });
        betweenSteps?.();
        await new Promise((resolve) => setImmediate(resolve));
      }
      return { moved };
    } finally {
      merging.delete(key);
    }
  }

  return {
    /** Resolves once the term's articles are re-indexed under the new name (progress as events). */
    async rename(kind: TermKind, id: number, name: string): Promise<Term> {
      const renamed = renameOnly.immediate(kind, id, name);
      await renameReindex(kind, id);
      return renamed;
    },
    /** Finishes the re-indexes a quit cut short (called once the store is open). */
    async resumePending(): Promise<void> {
      for (const { kind, id } of pending.all.all()) await renameReindex(kind, id);
    },
    merge,
  };
}

export type TermEditing = ReturnType<typeof createTermEditing>;
