import { performance } from 'node:perf_hooks';
import type { Db } from './open';

/**
 * Tables a migration no longer uses and did not drop itself, because dropping them would have kept a large
 * archive's upgrade screen up for minutes: DROP TABLE reads every page of the tree (and of each row's
 * overflow chain) to free it, in the upgrade's one transaction. Renamed under this prefix, they are emptied
 * after the app opens, in bounded steps in quiet seconds (leftoverDrops.ts, in a thread), then dropped. Nothing
 * reads them; their pages return to the file's free list as they go.
 */
export const LEFTOVER_PREFIX = 'leftover_';

/** How often the timer looks for a quiet second. */
export const LEFTOVER_EVERY_MS = 1000;
/** Time a quiet second spends emptying leftovers at most (a save waits for one batch at worst). */
export const LEFTOVER_TICK_MS = 50;
/** Rows of the first batch; each next one doubles while a batch is quick, halves when it is slow. */
const FIRST_BATCH = 64;
const MAX_BATCH = 4096;

export function leftoverTables(db: Db): string[] {
  return db
    .prepare<[], string>(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 'leftover\\_%' ESCAPE '\\' ORDER BY name",
    )
    .pluck()
    .all();
}

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** The key that orders a table's rows (rowid, or a WITHOUT ROWID table's primary key), as listed and as a value. */
function keyOf(db: Db, table: string): { columns: string; value: string } {
  const withoutRowid = db
    .prepare<[string], number>("SELECT wr FROM pragma_table_list WHERE schema = 'main' AND name = ?")
    .pluck()
    .get(table);
  if (!withoutRowid) return { columns: 'rowid', value: 'rowid' };
  const columns = db
    .prepare<[string], string>('SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk')
    .pluck()
    .all(table)
    .map(quote)
    .join(', ');
  return { columns, value: `(${columns})` };
}

/** Reads the pages the next batch's delete will touch (see leftoverDropStep). */
function warm(db: Db, table: string, key: { columns: string; value: string }, batch: number): void {
  db.prepare(`SELECT * FROM ${quote(table)} ORDER BY ${key.columns} LIMIT ?`)
    .raw()
    .all(batch);
  const indexes = db
    .prepare<[string], string>("SELECT name FROM pragma_index_list(?) WHERE origin != 'pk'")
    .pluck()
    .all(table);
  for (const index of indexes) {
    const columns = db
      .prepare<[string], string>('SELECT name FROM pragma_index_info(?) ORDER BY seqno')
      .pluck()
      .all(index)
      .map(quote)
      .join(', ');
    db.prepare(
      `SELECT count(*) FROM ${quote(table)} INDEXED BY ${quote(index)}
        WHERE (${columns}) IN (SELECT ${columns} FROM ${quote(table)} ORDER BY ${key.columns} LIMIT ?)`,
    ).get(batch);
  }
}

/**
 * One quiet second's work: deletes rows of the first leftover table in key order, a batch per transaction,
 * until `budgetMs` is spent or the table is empty, and then drops it (an empty tree: one page). A crash
 * between batches leaves fewer rows for the next start, never a half-deleted row. Says whether any leftover
 * remains.
 */
export function leftoverDropStep(db: Db): (budgetMs?: number) => boolean {
  let batch = FIRST_BATCH;
  return (budgetMs = LEFTOVER_TICK_MS) => {
    const start = performance.now();
    for (;;) {
      const table = leftoverTables(db)[0];
      if (table === undefined) return false;
      const key = keyOf(db, table);
      // Read first, outside any lock: the batch's rows (and their overflow pages) and their entries in each
      // index, so that the delete below, which holds the write lock, finds its pages in memory. At 1M a batch
      // deleted cold, its random index leaves read from a loaded disk, kept a save waiting past its 5 s.
      warm(db, table, key, batch);
      let took = 0;
      // Committed as the connection's synchronous level says (db/leftoverThread.ts: synced in that thread).
      // The batch size follows the deletes' own time, not the commit's sync: a slow disk must not shrink the
      // batches to a row per sync.
      const deleted = db.transaction(() => {
        const t0 = performance.now();
        const gone = db
          .prepare(
            `DELETE FROM ${quote(table)} WHERE ${key.value} IN
                 (SELECT ${key.columns} FROM ${quote(table)} ORDER BY ${key.columns} LIMIT ?)`,
          )
          .run(batch).changes;
        took = performance.now() - t0;
        if (gone === 0) db.exec(`DROP TABLE ${quote(table)}`);
        return gone;
      })();
      if (took < budgetMs / 8) batch = Math.min(MAX_BATCH, batch * 2);
      else if (took > budgetMs / 2) batch = Math.max(1, Math.floor(batch / 2));
      if (deleted === 0) continue;
      if (performance.now() - start >= budgetMs) return true;
    }
  };
}
