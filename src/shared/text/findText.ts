import { stripArabicMarks, stripLatinAccents } from './fold';

export interface FindOptions {
  /** "Match case" off: Élysée finds élysée. */
  matchCase: boolean;
  /** "Match accents" off: elysee finds Élysée, and Arabic vowel marks are ignored. */
  matchAccents: boolean;
}

export interface TextRange {
  from: number;
  to: number;
}

function foldChar(char: string, options: FindOptions): string {
  let out = char;
  if (!options.matchAccents) out = stripArabicMarks(stripLatinAccents(out));
  if (!options.matchCase) out = out.toLocaleLowerCase('fr');
  return out;
}

/**
 * Every non-overlapping occurrence of query in text, as ranges of the original text (UTF-16 offsets), with
 * case and accents optionally ignored. Folding can change lengths (œ -> oe, e + combining accent -> e), so the
 * text is folded character by character with a map back to where each folded character came from.
 */
export function findMatches(text: string, query: string, options: FindOptions): TextRange[] {
  const needle = [...query].map((c) => foldChar(c, options)).join('');
  if (!needle) return [];
  let folded = '';
  const origin: number[] = [];
  const originEnd: number[] = [];
  let at = 0;
  for (const char of text) {
    const f = foldChar(char, options);
    if (f === '' && originEnd.length > 0) originEnd[originEnd.length - 1] = at + char.length; // a dropped mark
    for (let k = 0; k < f.length; k++) {
      origin.push(at);
      originEnd.push(at + char.length);
    }
    folded += f;
    at += char.length;
  }
  const out: TextRange[] = [];
  let from = folded.indexOf(needle);
  while (from !== -1) {
    const last = from + needle.length - 1;
    out.push({ from: origin[from] as number, to: originEnd[last] as number });
    from = folded.indexOf(needle, from + needle.length);
  }
  return out;
}

/** Replaces every match in a plain string (a field) and says how many there were. */
export function replaceAll(
  text: string,
  query: string,
  replacement: string,
  options: FindOptions,
): { text: string; count: number } {
  const matches = findMatches(text, query, options);
  let out = '';
  let at = 0;
  for (const m of matches) {
    out += text.slice(at, m.from) + replacement;
    at = m.to;
  }
  return { text: out + text.slice(at), count: matches.length };
}
