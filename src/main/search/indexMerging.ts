import { withDurability } from '../db/durability';
import { everyQuietCheck } from '../db/everyQuietCheck';
import type { Db } from '../db/open';

/** How often the timer looks for a quiet moment to merge the index's segments. */
export const MERGE_EVERY_MS = 1000;
/**
 * Leaf pages one merge step writes at most (about 128 KB). Measured at 100k articles under load 14: a step
 * of 256 pages held the thread 107 ms (p50); 32 pages is a few milliseconds unloaded.
 */
export const MERGE_STEP_PAGES = 32;

/**
 * Takes FTS5's segment merging out of the saves. Every commit that writes the index adds a small segment, and
 * with FTS5's default (automerge=4) the commit that completes a level also merges it, so a save now and then
 * paid for merging the segments of many earlier ones, into ever larger levels. Here automerge is 0 (stored in
 * the index's config) and a timer does the same work in bounded steps in a quiet second, as the checkpoints do
 * (db/checkpoints.ts). FTS5's crisis merge (16 segments on a level) still bounds the segment count during a
 * long run of writes with no pause, such as an import. A step is committed relaxed: losing it to a power cut
 * loses nothing but the merge.
 */
export function scheduleIndexMerges(db: Db): void {
  const automerge = db.prepare<[], number>("SELECT v FROM search_fts_config WHERE k = 'automerge'").pluck();
  const setAutomerge = db.prepare("INSERT INTO search_fts (search_fts, rank) VALUES ('automerge', 0)");
  let configured = false;
  const configure = (): void => {
    if (configured) return;
    if (automerge.get() !== 0) setAutomerge.run();
    configured = true;
  };
  try {
    configure();
  } catch {
    // Another process holds the write lock (busy): opening must not fail for it; the timer tries again.
  }
  const mergeStep = indexMergeStep(db);
  // Start by looking: an index written by an older version or another process may have levels to merge.
  let pending = true;
  // Busy or failing throws: the next quiet second tries again; searches work on unmerged segments too.
  everyQuietCheck(db, MERGE_EVERY_MS, (writing) => {
    configure();
    if (writing) {
      // Written since the last look: wait for a quiet second.
      pending = true;
      return;
    }
    if (pending) pending = mergeStep();
  });
}

/**
 * One bounded merge step on levels of four or more segments (what automerge=4 would have done), committed
 * relaxed. The step says whether it found work: FTS5 counts a step with nothing to merge as fewer than two
 * changes.
 */
export function indexMergeStep(db: Db): () => boolean {
  const merge = db.prepare<[number]>("INSERT INTO search_fts (search_fts, rank) VALUES ('merge', ?)");
  const changes = db.prepare<[], number>('SELECT total_changes()').pluck();
  return () => {
    const before = changes.get() ?? 0;
    withDurability(db, 'relaxed', () => merge.run(MERGE_STEP_PAGES));
    return (changes.get() ?? 0) - before >= 2;
  };
}

/** Leaf pages one compaction step writes at most: one merge step. */
export const COMPACT_STEP_PAGES = MERGE_STEP_PAGES;

/**
 * Merges every segment of the index into one, in bounded steps, giving the event loop back between them. A
 * walk through a posting list pays for every segment it crosses: at 100k articles, the same two-word tier
 * queries took 3-5x less CPU on one segment than on 41. An import or a rebuild leaves many segments (one per
 * batch, merged four by four), so both end with this. Steps are committed relaxed, like the idle merges.
 */
export async function compactIndex(db: Db, cancelled: () => boolean = () => false): Promise<void> {
  const merge = db.prepare<[number]>("INSERT INTO search_fts (search_fts, rank) VALUES ('merge', ?)");
  const changes = db.prepare<[], number>('SELECT total_changes()').pluck();
  // A negative step merges across levels, down to a single segment (FTS5's incremental 'optimize').
  while (!cancelled()) {
    const before = changes.get() ?? 0;
    withDurability(db, 'relaxed', () => merge.run(-COMPACT_STEP_PAGES));
    if ((changes.get() ?? 0) - before < 2) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
