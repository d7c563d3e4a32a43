/**
 * What the checkpoint thread (db/checkpointThread.ts) is given and says back. Kept apart from the thread's
 * code so that the main side imports the types without the thread's module.
 */
export interface CheckpointInput {
  /** The store whose WAL is copied into it (a connection of the thread's own, for one checkpoint at a time). */
  store: string;
  nativeBinding?: string | undefined;
  /**
   * Int32[0]: 0 idle, 1 while the thread holds its connection, 2 once main has closed the store (the thread
   * then opens nothing more). Main waits on it so that its own connection is always the last one closed.
   */
  state: SharedArrayBuffer;
}

export const CHECKPOINTER_IDLE = 0;
export const CHECKPOINTER_BUSY = 1;
export const CHECKPOINTER_STOPPED = 2;

export type CheckpointAnswer =
  | { kind: 'done'; walFrames: number; copiedFrames: number; ms: number }
  | { kind: 'stopped' }
  | { kind: 'failed'; message: string };
