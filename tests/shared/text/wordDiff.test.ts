import { describe, expect, it } from 'vitest';
import { countWords, wordChanges, wordDiff } from '../../../src/shared/text/wordDiff';

describe('word diff', () => {
  it('marks whole words removed and added, keeping the rest', () => {
    expect(wordDiff('Le conseil vote le budget.', 'Le conseil municipal adopte le budget.')).toEqual([
      { text: 'Le conseil ', kind: 'same' },
      { text: 'vote ', kind: 'removed' },
      { text: 'municipal adopte ', kind: 'added' },
      { text: 'le budget.', kind: 'same' },
    ]);
  });

  it('works on Arabic and accented words as words', () => {
    const runs = wordDiff('قال المتحدث إن النتائج', 'قال الوزير إن النتائج');
    expect(runs.filter((r) => r.kind !== 'same')).toEqual([
      { text: 'المتحدث', kind: 'removed' },
      { text: 'الوزير', kind: 'added' },
    ]);
    expect(countWords(wordDiff('élection à Montréal', 'élections à Montréal'))).toEqual({
      added: 1,
      removed: 1,
    });
  });

  it('counts words added and removed cheaply, ignoring moves', () => {
    expect(wordChanges('un deux trois', 'trois un deux quatre cinq')).toEqual({ added: 2, removed: 0 });
    expect(wordChanges('un deux trois', 'un')).toEqual({ added: 0, removed: 2 });
  });
});
