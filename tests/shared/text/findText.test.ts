import { describe, expect, it } from 'vitest';
import { findMatches, replaceAll } from '../../../src/shared/text/findText';

const loose = { matchCase: false, matchAccents: false };
const strict = { matchCase: true, matchAccents: true };

describe('find', () => {
  it('ignores case and accents when asked, and maps matches back to the original text', () => {
    const text = 'L’Élysée a répondu. elysee, ÉLYSÉE et Elysée.';
    const found = findMatches(text, 'elysee', loose).map((m) => text.slice(m.from, m.to));
    expect(found).toEqual(['Élysée', 'elysee', 'ÉLYSÉE', 'Elysée']);
    expect(findMatches(text, 'Élysée', strict).map((m) => text.slice(m.from, m.to))).toEqual(['Élysée']);
    expect(findMatches(text, 'elysee', { matchCase: false, matchAccents: true })).toHaveLength(1);
    expect(findMatches(text, 'Elysee', { matchCase: true, matchAccents: false })).toHaveLength(2);
  });

  it('handles ligatures, decomposed accents and Arabic vowel marks', () => {
    expect(findMatches('Un cœur', 'coeur', loose)).toEqual([{ from: 3, to: 7 }]);
    const decomposed = 'cafe\u0301 noir';
    const [m] = findMatches(decomposed, 'cafe', loose);
    expect(decomposed.slice(m!.from, m!.to)).toBe('cafe\u0301');
    expect(findMatches('قال مُحَمَّد', 'محمد', loose)).toHaveLength(1);
  });

  it('replaces every match in a field and counts them', () => {
    expect(replaceAll('Le Président et le president', 'président', 'chef de l’État', loose)).toEqual({
      text: 'Le chef de l’État et le chef de l’État',
      count: 2,
    });
    expect(replaceAll('abc', '', 'x', loose)).toEqual({ text: 'abc', count: 0 });
  });
});
