/**
 * Matches counted per slice. Counting walks every match: at 528k articles a whole count took 10-120 ms of CPU
 * (0.1 µs a match for a filter word, 0.5 µs for a phrase), about twice that at a million, all of it on the
 * main thread that also answers the editor. A slice is at most a few milliseconds.
 */
export const COUNT_SLICE = 10_000;

/** One slice: how many matched after the cursor (at most `size`), and the cursor of the last one. */
export interface CountSlice<K> {
  n: number;
  last: K | null;
}

export type SliceCounter<K> = (after: K | undefined, size: number) => CountSlice<K>;

/** The whole count at once, slice after slice (tests, and callers off the UI's path). */
export function countNow<K>(slice: SliceCounter<K>, size = COUNT_SLICE): number {
  let total = 0;
  let after: K | undefined;
  for (;;) {
    const { n, last } = slice(after, size);
    total += n;
    if (n < size || last === null) return total;
    after = last;
  }
}

/**
 * Counts slice by slice, giving the event loop back between slices, so a count never holds up a save or a
 * page. The same count asked again while it runs (a list refreshed twice, two windows on one filter) shares
 * the one in progress. A count nobody waits for any more still runs to its end: it cannot tell which window
 * asked for it, and stopping one window's count because another asked for a different one would show that
 * window an error. Each slice reads a consistent state; a save between two slices can move the total by the
 * articles it touched, as a count taken a moment later would.
 */
export function createSlicedCounts() {
  const running = new Map<string, Promise<number>>();
  return function countInSlices<K>(key: string, slice: SliceCounter<K>, size = COUNT_SLICE): Promise<number> {
    const same = running.get(key);
    if (same) return same;
    const counting = (async () => {
      let total = 0;
      let after: K | undefined;
      for (;;) {
        const { n, last } = slice(after, size);
        total += n;
        if (n < size || last === null) return total;
        after = last;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })().finally(() => running.delete(key));
    running.set(key, counting);
    return counting;
  };
}

export type SlicedCounts = ReturnType<typeof createSlicedCounts>;
