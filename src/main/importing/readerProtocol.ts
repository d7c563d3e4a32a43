import type { WritableItem } from './preparedItem';

/** What the reading thread is started with. */
export interface ReaderInput {
  path: string;
  format: 'wxr' | 'jsonl';
  /** How many items it may send before the main thread says it took them. */
  ahead: number;
  /** WXR: the uploads folder the photos are copied from (found beside the export or chosen), if any. */
  uploadsDir?: string | null;
  /** WXR: the app's data folder, whose media store receives the photos; without it photos are not read. */
  dataDir?: string;
  /**
   * WXR: where new photos wait until their article is written (photoStaging.ts); without it they go straight
   * into the media store.
   */
  stagingDir?: string;
}

/** What became of one item of the file: an article, nothing (a page, a menu), or a reason to skip it. */
export type ReadOutcome =
  | { kind: 'item'; item: WritableItem; photoProblems?: string[] }
  | { kind: 'ignored' }
  | { kind: 'malformed'; reason: string };

/** One item read, in file order, with where it is in the file ("item 4 (line 120)", "line 12"). */
export interface ReadEntry {
  position: string;
  outcome: ReadOutcome;
}

/** From the reading thread; the main thread answers each `items` with how many it took (a number). */
export type ReaderMessage =
  | { kind: 'items'; entries: ReadEntry[]; bytesRead: number }
  /** The first pass (the export's attachments, for its photos) has read this far. */
  | { kind: 'photoList'; bytesRead: number }
  | { kind: 'end'; bytesRead: number }
  | { kind: 'failed'; message: string };
