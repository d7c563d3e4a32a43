import { performance } from 'node:perf_hooks';
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
 * loses nothing but the merge. When an import (or a long run of saves) has written a fair share of the index
 * (COMPACT_SHARE), the quiet seconds compact it into one segment instead, a few steps each (COMPACT_TICK_MS):
 * every search walks each segment's posting lists, and an import left ten or forty of them.
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
  const upkeep = indexUpkeep(db);
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
    if (pending) pending = upkeep();
  });
}

/**
 * Compaction starts when the segments beside the largest hold at least this share of its pages. Compacting
 * rewrites the whole index, so it waits until what was written since the last one (an import's batches, many
 * saves) is a fair share of it: each page is then rewritten a bounded number of times as the archive grows
 * ((1 + share) / share, five times at a quarter), about as often as merging four by four rewrites it. An
 * archive imported into an empty store is all new and is compacted; a thousand articles imported into a
 * million are merged level by level like saves.
 */
export const COMPACT_SHARE = 0.25;
/** Time one quiet second spends compacting at most: the index of a million articles is about 600k pages. */
export const COMPACT_TICK_MS = 50;

/**
 * What a quiet second does for the index: go on compacting if the shape asks for it (several steps, up to
 * COMPACT_TICK_MS), else one ordinary merge step. Says whether there is more to do.
 */
export function indexUpkeep(db: Db): () => boolean {
  const mergeStep = indexMergeStep(db);
  const compactStep = indexCompactStep(db);
  const shape = indexShape(db);
  let compacting = false;
  return () => {
    if (!compacting) {
      const { segments, pages, largestPages } = shape();
      compacting = segments > 1 && pages - largestPages >= largestPages * COMPACT_SHARE;
    }
    if (!compacting) return mergeStep();
    const until = performance.now() + COMPACT_TICK_MS;
    do compacting = compactStep();
    while (compacting && performance.now() < until);
    // Done compacting: one more look, in case saves came in between (then ordinary merging takes over).
    return true;
  };
}

/** The index's segments as FTS5's structure record lists them. */
export interface IndexShape {
  segments: number;
  /** Leaf pages of every segment. */
  pages: number;
  /** Leaf pages of the largest segment. */
  largestPages: number;
}

/** FTS5 keeps its structure (levels, segments, their first and last leaf pages) in this row of %_data. */
const STRUCTURE_ROWID = 10;
/** Marks a structure record written with contentless_delete, whose segments carry five more numbers each. */
const STRUCTURE_V2 = [0xff, 0x00, 0x00, 0x01];

/**
 * Reads the index's shape from FTS5's structure record: one small row, cheap enough for every quiet second,
 * where counting the segments in %_data reads the whole index. The record is a 4-byte cookie, an optional V2
 * marker, then SQLite varints: levels, segments, a write counter, and per level its merge state and segments
 * (id, first page, last page, and in V2 five more). See fts5StructureDecode in SQLite's fts5_index.c.
 */
export function indexShape(db: Db): () => IndexShape {
  const structure = db
    .prepare<[number], Buffer | null>('SELECT block FROM search_fts_data WHERE id = ?')
    .pluck();
  return () => {
    const data = structure.get(STRUCTURE_ROWID);
    const shape: IndexShape = { segments: 0, pages: 0, largestPages: 0 };
    if (!data || data.length < 4) return shape;
    let at = 4;
    const v2 = STRUCTURE_V2.every((byte, k) => data[4 + k] === byte);
    if (v2) at += 4;
    const varint = (): number => {
      let value = 0;
      for (let k = 0; k < 9; k++) {
        const byte = data[at++] ?? 0;
        if (k === 8) return value * 256 + byte;
        value = value * 128 + (byte & 0x7f);
        if (byte < 0x80) return value;
      }
      return value;
    };
    const levels = varint();
    shape.segments = varint();
    varint(); // write counter
    for (let level = 0; level < levels; level++) {
      varint(); // segments of this level being merged
      const count = varint();
      for (let n = 0; n < count; n++) {
        varint(); // segment id
        const first = varint();
        const last = varint();
        if (v2) for (let k = 0; k < 5; k++) varint();
        const pages = last - first + 1;
        shape.pages += pages;
        shape.largestPages = Math.max(shape.largestPages, pages);
      }
    }
    return shape;
  };
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
  const step = indexCompactStep(db);
  while (!cancelled() && step()) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * One bounded step of merging every segment into one (FTS5's incremental 'optimize': a negative merge merges
 * across levels), committed relaxed. Says whether it found work.
 */
export function indexCompactStep(db: Db): () => boolean {
  const merge = db.prepare<[number]>("INSERT INTO search_fts (search_fts, rank) VALUES ('merge', ?)");
  const changes = db.prepare<[], number>('SELECT total_changes()').pluck();
  return () => {
    const before = changes.get() ?? 0;
    withDurability(db, 'relaxed', () => merge.run(-COMPACT_STEP_PAGES));
    return (changes.get() ?? 0) - before >= 2;
  };
}
