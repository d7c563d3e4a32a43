import { describe, expect, it } from 'vitest';
import { guessLanguage } from '../../../src/main/importing/wxrItem';

/** The rule as first written: Arabic when more than 30% of the letters are in the Arabic block. */
function byRule(text: string): 'ar' | 'fr' {
  const letters = text.replace(/[^\p{L}]/gu, '').length;
  return letters > 0 && (text.match(/[\u0600-\u06FF]/g)?.length ?? 0) / letters > 0.3 ? 'ar' : 'fr';
}

describe("a WordPress post's language", () => {
  it('is Arabic for an Arabic post, French otherwise', () => {
    expect(guessLanguage('<p>أعلنت الحكومة اليوم عن خطة جديدة</p>')).toBe('ar');
    expect(guessLanguage('<p>Le gouvernement a annoncé un plan, <em>الخطة</em>.</p>')).toBe('fr');
    expect(guessLanguage('<p>2024 — 12 %</p>')).toBe('fr');
  });

  it('follows the rule on mixed texts, digits, marks, emoji and broken surrogates', () => {
    const parts = [
      'مدرسة',
      'école',
      '١٢٣',
      '\u064E',
      '؟',
      ' ',
      '<p>',
      '😀',
      '𝒜',
      '\ud800',
      '\udc00',
      'Ωμέγα',
      '42',
      'ـ',
      '\u06ff',
      '\u0600',
    ];
    let state = 5;
    const next = (): number => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 5000; n++) {
      const text = Array.from(
        { length: Math.floor(next() * 12) },
        () => parts[Math.floor(next() * parts.length)],
      ).join('');
      expect(guessLanguage(text), JSON.stringify(text)).toBe(byRule(text));
    }
  });
});
