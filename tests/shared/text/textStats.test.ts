import { expect, it } from 'vitest';
import { countCharacters, countWords, readingMinutes } from '../../../src/shared/text/textStats';

it('counts words as a reader does, in French and Arabic', () => {
  expect(countWords('L’abstention recule : 58,3 % des électeurs ont voté.')).toBe(7);
  expect(countWords('قال المتحدث باسم الحكومة إن النتائج ستعلن غدا')).toBe(8);
  expect(countWords('  ')).toBe(0);
  expect(countWords('mi-temps, porte-parole')).toBe(2);
});

it('counts characters as people see them and reading time in whole minutes', () => {
  expect(countCharacters('Élysée 👍')).toBe(8);
  expect(readingMinutes(0)).toBe(0);
  expect(readingMinutes(10)).toBe(1);
  expect(readingMinutes(2300)).toBe(10);
});
