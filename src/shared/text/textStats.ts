/** Words as a reader counts them: l’abstention, 58,3, بالانتخابات and mi-temps are one each. */
const WORD = /[\p{L}\p{N}\p{M}]+(?:[’'\-.,][\p{L}\p{N}\p{M}]+)*/gu;

export const READING_WORDS_PER_MINUTE = 230;

export interface TextStats {
  words: number;
  characters: number;
}

export function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(WORD)) n++;
  return n;
}

/** Characters as a person counts them (an emoji or an accented letter is one). */
export function countCharacters(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

export function textStats(text: string): TextStats {
  return { words: countWords(text), characters: countCharacters(text) };
}

/** Whole minutes, at least one for any text at all. */
export function readingMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.round(words / READING_WORDS_PER_MINUTE));
}
