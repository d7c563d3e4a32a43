import { describe, expect, it } from 'vitest';
import { foldForIndex } from '../../../src/main/search/searchText';
import { foldArabic, stripLatinAccents } from '../../../src/shared/text/fold';

/** The folding as defined: every run of characters outside printable ASCII folded whole, then lower case. */
const foldedWhole = (text: string): string =>
  text.replace(/[^ -~\t\n\r]+/gu, (run) => foldArabic(stripLatinAccents(run)).toLowerCase()).toLowerCase();

// Characters that fold alone and ones that do not: accented Latin, decomposed accents, ligatures, Arabic
// letters with tashkeel, tatweel and the marks that compose (و + hamza above is ؤ), Greek capitals whose
// sigma depends on the next letter, Hangul jamo that compose, an emoji (a surrogate pair), control characters.
const ALPHABET = [
  ...'aZ09 .,;:!?\'"-\n\t\r',
  ...'éÉèàçÇœŒæßøİıÿŸ',
  'e\u0301',
  '\u0308',
  ...'أإآٱاةهىيوؤئءلمن',
  '\u064E',
  '\u0651',
  '\u0640',
  '\u0653',
  '\u0654',
  '\u0655',
  ...'ΟΔΟΣσς',
  '\u1100',
  '\u1161',
  '😀',
  '\u0001',
  '\u007f',
  '\u00a0',
  '\u2019',
  '\u200d',
  '«»',
];

function randomTexts(count: number, seed: number): string[] {
  let state = seed;
  const next = (): number => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  return Array.from({ length: count }, () => {
    const length = Math.floor(next() * 40);
    return Array.from({ length }, () => ALPHABET[Math.floor(next() * ALPHABET.length)]).join('');
  });
}

describe('folding for the index', () => {
  it('folds French accents, ligatures and case, and Arabic spellings', () => {
    expect(foldForIndex('Cybercriminalité, ŒUVRE à Genève')).toBe('cybercriminalite, oeuvre a geneve');
    expect(foldForIndex('أحمد إلى الآن مدرسةٌ مُـــدرسة')).toBe('احمد الي الان مدرسه مدرسه');
  });

  it('gives the same text as folding each run whole, whatever the characters', () => {
    for (const text of randomTexts(20_000, 7)) expect(foldForIndex(text)).toBe(foldedWhole(text));
  });

  it('keeps a long text whole (the buffer grows)', () => {
    const text = 'Éé ؤ ΟΔΟΣ '.repeat(20_000);
    expect(foldForIndex(text)).toBe(foldedWhole(text));
  });
});
