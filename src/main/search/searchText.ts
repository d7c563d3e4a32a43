import type { PmNode } from '../../shared/domain/article';
import { foldArabic, stripLatinAccents } from '../../shared/text/fold';

/** The folding itself, on any text (French lower case is the root locale's: no special rules). */
function foldSlow(text: string): string {
  return foldArabic(stripLatinAccents(text)).toLowerCase();
}

// Runs of characters outside printable ASCII (an accented letter, an Arabic word) repeat a lot: fold each
// distinct run once; printable ASCII only needs lower case.
const OTHER_THAN_ASCII = /[^ -~\t\n\r]+/gu;
const foldedRuns = new Map<string, string>();
function foldRun(run: string): string {
  let folded = foldedRuns.get(run);
  if (folded === undefined) {
    folded = foldSlow(run);
    if (foldedRuns.size >= 50_000) foldedRuns.clear();
    foldedRuns.set(run, folded);
  }
  return folded;
}

/**
 * The text the search index sees. Everything goes through the same folding as the query (case, Latin
 * accents, Arabic spellings), so "Cybercriminalité" and "cybercriminalite", "أحمد" and "احمد" meet.
 * Folding is per character (accents and marks are dropped, letters mapped), so folding the non-ASCII runs
 * apart gives the same text as folding the whole, and each distinct run is folded once.
 */
export function foldForIndex(text: string): string {
  return text.replace(OTHER_THAN_ASCII, foldRun).toLowerCase();
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
    const code = ch.charCodeAt(0);
    // ASCII (most of a French text) only changes case: no lookup.
    const f = code >= 128 ? foldChar(ch) : code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
    folded += f;
    for (let k = 0; k < f.length; k++) origin.push(index);
    index += ch.length;
  }
  origin.push(index);
  return { folded, origin };
}
