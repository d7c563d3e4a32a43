import type { WxrOutcome } from './wxrItem';

/** What the WXR reading thread is started with. */
export interface WxrWorkerInput {
  path: string;
  /** How many items it may send before the main thread says it took them. */
  ahead: number;
}

/** One item read, in file order. */
export interface WxrEntry {
  position: string;
  outcome: WxrOutcome;
}

/** From the reading thread; the main thread answers each `items` with how many it took (a number). */
export type WxrWorkerMessage =
  | { kind: 'items'; entries: WxrEntry[]; bytesRead: number }
  | { kind: 'end'; bytesRead: number }
  | { kind: 'failed'; message: string };
