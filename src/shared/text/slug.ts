import { stripArabicMarks, stripLatinAccents } from './fold';

export const SLUG_MAX = 190;

/**
 * A URL slug from a headline or a name: Latin accents transliterated (Élection présidentielle ->
 * election-presidentielle), Arabic words kept as written but for their vowel marks (WordPress percent-encodes
 * them), everything else a single dash.
 */
export function slugify(text: string): string {
  return stripArabicMarks(stripLatinAccents(text))
    .toLocaleLowerCase('fr')
    .replace(/[’'`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX)
    .replace(/-+$/g, '');
}
