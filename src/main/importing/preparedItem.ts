import { bodyProblem } from '../../shared/editor/bodySchema';
import { indexTextOf, type IndexText } from '../search/indexText';
import type { ImportItem } from './importItem';

/**
 * The part of writing an article that needs no database: the body checked and made JSON, the index texts
 * folded. The reading thread does it, so the writing thread (the import's bottleneck) only writes; the body
 * then crosses between the threads as one string instead of a tree.
 */
export interface PreparedBody {
  /** The body as stored. */
  json: string;
  /** Why the body is not one the schema can hold (the writer refuses the article with it), if it is not. */
  problem: string | undefined;
  /** Null when there is a problem: the article is not written. */
  index: IndexText | null;
}

export type PreparedItem = Omit<ImportItem, 'body'> & { prepared: PreparedBody };

/** What the import writer takes: an item as a source describes it, or one already prepared. */
export type WritableItem = ImportItem | PreparedItem;

export function prepareImportItem(item: ImportItem): WritableItem {
  try {
    const { body, ...rest } = item;
    const problem = bodyProblem(body);
    const index = problem ? null : indexTextOf(item);
    return { ...rest, prepared: { json: JSON.stringify(body), problem, index } };
  } catch {
    // Whatever failed here fails again in the writer, which refuses that article alone, with the reason.
    return item;
  }
}
