/**
 * What the leftover tables' thread (db/leftoverThread.ts) is given and says back. Kept apart from the thread's
 * code so that the main side imports the types without the thread's module.
 */
export interface LeftoverInput {
  /** The store, opened on the thread's own connection. */
  file: string;
  nativeBinding?: string | undefined;
}

/** Main -> thread: one quiet second's work, at most this long. */
export interface LeftoverRequest {
  budgetMs: number;
}

export type LeftoverMessage = { kind: 'stepped'; more: boolean } | { kind: 'failed'; message: string };
