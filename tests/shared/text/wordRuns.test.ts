import { describe, expect, it } from 'vitest';
import { countWordRuns } from '../../../src/shared/text/wordRuns';

const byRegex = (text: string): number => text.match(/[\p{L}\p{M}\p{N}]+/gu)?.length ?? 0;

describe('countWordRuns', () => {
  it('counts words in French, Arabic (with tashkeel), digits, emoji and scripts outside the BMP', () => {
    const samples = [
      '',
      'Le conseil municipal a voté, à une large majorité.',
      'l’Élysée — 2024 : 12,5 %',
      'قالَ رئيسُ الحكومة إنّ ٢٠٢٤ عامٌ صعب',
      'cafe\u0301 na\u0308ive',
      'emoji 👍🏽 ok',
      '𝐀𝐁𝐂 𠀀𠀁 text',
      'lone \ud800 surrogate \udc00 here',
    ];
    for (const text of samples) expect(countWordRuns(text), text).toBe(byRegex(text));
  });

  it('agrees with the regular expression on random mixtures of scripts and punctuation', () => {
    const alphabet = [...'aZé9 ,.;’-\n\tاةأً٣ߊ中𝐀👍\u0301\u200b_'];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let k = 0; k < 500; k++) {
      const text = Array.from(
        { length: 1 + Math.floor(random() * 60) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join('');
      expect(countWordRuns(text), JSON.stringify(text)).toBe(byRegex(text));
    }
  });
});
