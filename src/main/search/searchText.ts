import type { PmNode } from '../../shared/domain/article';
import { foldArabic, stripLatinAccents } from '../../shared/text/fold';

/** The folding itself, on any text (French lower case is the root locale's: no special rules). */
function foldSlow(text: string): string {
  return foldArabic(stripLatinAccents(text)).toLowerCase();
}

// A run of characters that do not fold alone (below) is folded whole, once per distinct run.
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
 * Characters that fold the same wherever they stand, folded once: ASCII (lower case), Latin letters with
 * accents and the marks that folding drops, Arabic letters and tashkeel, punctuation. Left out, so that
 * their runs fold whole: the Arabic marks that compose with the letter before them (madda, hamza above and
 * below: و + hamza is ؤ, which folding keeps), Greek (a final sigma depends on what follows), Hangul,
 * everything past U+206F. -1: not in the table; -2: folds to nothing; else the one code unit it folds to.
 */
const PER_CHAR_RANGES: readonly [number, number][] = [
  [0x00, 0x24f],
  [0x300, 0x36f],
  [0x600, 0x652],
  [0x656, 0x6ff],
  [0x1e00, 0x1eff],
  [0x2000, 0x206f],
];
const PER_CHAR_END = 0x2070;
const NOT_IN_TABLE = -1;
const DROPPED = -2;
const perChar = new Int32Array(PER_CHAR_END).fill(NOT_IN_TABLE);
for (const [from, to] of PER_CHAR_RANGES) {
  for (let c = from; c <= to; c++) {
    const folded = foldSlow(String.fromCharCode(c));
    if (folded.length <= 1) perChar[c] = folded.length === 0 ? DROPPED : folded.charCodeAt(0);
  }
}
const foldedOf = (c: number): number => (c < PER_CHAR_END ? perChar[c]! : NOT_IN_TABLE);
let folding = new Uint16Array(4096);
const utf16 = new TextDecoder('utf-16le');

/**
 * The text the search index sees. Everything goes through the same folding as the query (case, Latin
 * accents, Arabic spellings), so "Cybercriminalité" and "cybercriminalite", "أحمد" and "احمد" meet.
 * Folding is per character (accents and marks are dropped, letters mapped), so a run of characters that
 * fold alone is folded from the table, and any other run of non-ASCII characters is folded whole: the same
 * text as folding the whole. Written into a buffer: an import folds every article, and the regular
 * expression with a call per run took ~30 µs of CPU per article, the table ~12 (20k generated articles).
 */
export function foldForIndex(text: string): string {
  const n = text.length;
  if (folding.length < n) folding = new Uint16Array(n * 2);
  let out = folding;
  let length = 0;
  for (let i = 0; i < n; i++) {
    const folded = foldedOf(text.charCodeAt(i));
    if (folded >= 0) {
      out[length++] = folded;
      continue;
    }
    if (folded === DROPPED) continue;
    // Not in the table: its whole run of non-ASCII characters, as foldSlow folds it.
    let start = i;
    while (start > 0 && text.charCodeAt(start - 1) >= 0x80) start--;
    let end = i + 1;
    while (end < n && text.charCodeAt(end) >= 0x80) end++;
    // What of the run went out from the table is taken back: the run folds as one.
    for (let k = start; k < i; k++) if (foldedOf(text.charCodeAt(k)) !== DROPPED) length--;
    const run = foldRun(text.slice(start, end));
    if (out.length < length + run.length + (n - end)) {
      const grown = new Uint16Array((length + run.length + n) * 2);
      grown.set(out.subarray(0, length));
      out = folding = grown;
    }
    for (let k = 0; k < run.length; k++) out[length++] = run.charCodeAt(k);
    i = end - 1;
  }
  return utf16.decode(out.subarray(0, length));
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
