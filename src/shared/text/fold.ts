/**
 * Folding for comparison and search: two spellings a journalist considers the same word get the same key.
 * French: case and accents (Cybercriminalité = cybercriminalite). Arabic: alef forms أ إ آ ٱ to ا, ة to ه,
 * ى to ي, tashkeel (harakat) and tatweel removed. Used for duplicate tags and, by the search index, for
 * indexing and querying alike.
 */
const ARABIC_LETTERS: Record<string, string> = { أ: 'ا', إ: 'ا', آ: 'ا', ٱ: 'ا', ة: 'ه', ى: 'ي' };
const LIGATURES: Record<string, string> = { œ: 'oe', Œ: 'oe', æ: 'ae', Æ: 'ae', ß: 'ss' };

/** Removes Latin accents and ligatures: é -> e, œ -> oe. */
export function stripLatinAccents(text: string): string {
  return text
    .replace(/[œŒæÆß]/g, (c) => LIGATURES[c] ?? c)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');
}

/** Removes tashkeel, Quranic marks and tatweel, which do not change an Arabic word. */
export function stripArabicMarks(text: string): string {
  return text.replace(/[\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g, '');
}

export function foldArabic(text: string): string {
  return stripArabicMarks(text).replace(/[أإآٱةى]/g, (c) => ARABIC_LETTERS[c] ?? c);
}

/** Lower case, no accents (Latin), normalized Arabic, single spaces. */
export function foldText(text: string): string {
  return foldArabic(stripLatinAccents(text)).toLocaleLowerCase('fr').replace(/\s+/g, ' ').trim();
}
