/**
 * What the backup's copy thread (backup/copyThread.ts) is given and says back. Kept apart from the thread's
 * code so that the main side imports the types without the thread's module.
 */
export interface CopyInput {
  /** The store to copy (its own connection, read-only, holding one read snapshot from start to end). */
  store: string;
  /** Where the copy is written (NAME.partial: removed by SQLite if the copy does not finish). */
  file: string;
  nativeBinding?: string | undefined;
  /** Pages per backup step: the thread's own time, so only cancellation latency depends on it. */
  stepPages: number;
  /** Copied bytes between two fdatasyncs of the copy. */
  flushBytes: number;
  /** After each flush, leave the disk alone for as long as the flush took. */
  yieldDisk?: boolean | undefined;
  /** Test hook only (host command line `--test-backup slow`): fifty steps, this long apart. */
  pauseMs?: number | undefined;
  /** Int32[0]: set to 1 (and notified) by the main thread to stop the copy. */
  stop: SharedArrayBuffer;
}

export type CopyMessage =
  | { kind: 'progress'; copiedPages: number; totalPages: number; pageSize: number }
  | { kind: 'done'; stats: CopyStats }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

export interface CopyStats {
  pages: number;
  pageSize: number;
  steps: number;
  /** The longest single step (in the copy thread: nothing on the main thread waits for it). */
  longestStepMs: number;
  flushes: number;
  /** Time the copy thread waited for the flushes. */
  flushWaitMs: number;
  /** Steps that took more than 32 ms (a cold read or a write held up by the disk). */
  slowSteps: number;
  /** The copy thread's time in the steps themselves. */
  stepMs: number;
  /** Times the copy started over (must stay 0: the thread's snapshot never changes under it). */
  restarts: number;
}
