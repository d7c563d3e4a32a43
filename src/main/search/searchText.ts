import type { PmNode } from '../../shared/domain/article';
import { foldArabic, stripLatinAccents } from '../../shared/text/fold';

/**
 * The text the search index sees. Everything goes through the same folding as the query (case, Latin
 * accents, Arabic spellings), so "Cybercriminalité" and "cybercriminalite", "أحمد" and "احمد" meet.
 */
export function foldForIndex(text: string): string {
  return foldArabic(stripLatinAccents(text)).toLocaleLowerCase('fr');
}

/** Words as FTS5's unicode61 tokenizer cuts them: letters, digits and private-use characters. */
export const WORD = /[\p{L}\p{N}\p{Co}]+/gu;

export function foldedWords(text: string): string[] {
  return foldForIndex(text).match(WORD) ?? [];
}

/** The plain text of a ProseMirror body, one line per block, for indexing and snippets. */
export function bodyText(node: PmNode | undefined): string {
  if (!node) return '';
  if (typeof node.text === 'string') return node.text;
  if (!node.content) return node.type === 'hardBreak' ? '\n' : '';
  const inline = node.content.every((child) => child.type === 'text' || child.type === 'hardBreak');
  return node.content.map(bodyText).join(inline ? '' : '\n');
}

/** Parses a stored body and returns its plain text; a body that does not parse indexes as empty. */
export function bodyTextOfJson(json: string): string {
  try {
    return bodyText(JSON.parse(json) as PmNode);
  } catch {
    return '';
  }
}

export interface FoldedText {
  folded: string;
  /** For each UTF-16 index of `folded`, the index in the original text it came from. */
  origin: number[];
}

// Folding one character at a time is slow (normalization per call); a text has few distinct characters.
const foldedChars = new Map<string, string>();
function foldChar(ch: string): string {
  let f = foldedChars.get(ch);
  if (f === undefined) {
    f = foldForIndex(ch);
    if (foldedChars.size < 10_000) foldedChars.set(ch, f);
  }
  return f;
}

/** Folds code point by code point, remembering where each folded character came from (for highlighting). */
export function foldWithOffsets(text: string): FoldedText {
  let folded = '';
  const origin: number[] = [];
  let index = 0;
  for (const ch of text) {
    const f = foldChar(ch);
    folded += f;
    for (let k = 0; k < f.length; k++) origin.push(index);
    index += ch.length;
  }
  origin.push(index);
  return { folded, origin };
}
