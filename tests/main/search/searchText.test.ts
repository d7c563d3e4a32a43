import { describe, expect, it } from 'vitest';
import { foldForIndex, foldForIndexByRuns } from '../../../src/main/search/searchText';
import { prng } from '../../bench/support/archive';

// Characters a newsroom's text holds, and the awkward ones: combining marks, tashkeel, the marks NFC composes
// with an Arabic letter, capital sigma, ligatures, a character above U+0800 and a surrogate pair.
const POOL = [
  ...'aZ 09,.;\'"-\n\tÉéèêëÀâîïôûùçÇœŒæÆßÿ',
  ...'أإآٱةىاوي محمد',
  '\u064B',
  '\u0650',
  '\u0640',
  '\u0653',
  '\u0654',
  '\u0655',
  '\u0301',
  '\u0327',
  'Σ',
  'ΟΔΟ',
  'İ',
  'Ǆ',
  'ﬁ',
  '’',
  '€',
  '😀',
  'e\u0301',
  'و\u0654',
];

describe('foldForIndex', () => {
  it('folds as the run-by-run folding does, on any mix of scripts and marks', () => {
    const random = prng(42);
    for (let n = 0; n < 20_000; n++) {
      const length = 1 + Math.floor(random() * 24);
      let text = '';
      for (let k = 0; k < length; k++) text += POOL[Math.floor(random() * POOL.length)];
      expect(foldForIndex(text), JSON.stringify(text)).toBe(foldForIndexByRuns(text));
    }
  });

  it('folds what a reader expects to find', () => {
    expect(foldForIndex('Cybercriminalité À L’Œuvre')).toBe('cybercriminalite a l’oeuvre');
    expect(foldForIndex('أحمد إلى المدرسةُ')).toBe('احمد الي المدرسه');
    expect(foldForIndex('plain ascii')).toBe('plain ascii');
    // Decomposed hamza: NFC makes ؤ, which folding keeps, so the one-pass path must not drop the mark.
    expect(foldForIndex('و\u0654')).toBe('ؤ');
    expect(foldForIndex('ΟΔΟΣ')).toBe('οδος');
  });
});
