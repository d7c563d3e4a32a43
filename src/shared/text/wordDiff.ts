import { diffWordsWithSpace } from 'diff';

/** One run of a word-level diff: text both sides share, or text only one side has. */
export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/**
 * A word-level diff from `before` to `after` (white space kept, so joining the same+removed parts gives back
 * `before` and the same+added parts give `after`). Used for the conflict view and for revisions.
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  return diffWordsWithSpace(before, after).map((change) => ({
    kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
    text: change.value,
  }));
}
