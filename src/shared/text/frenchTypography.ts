/**
 * French typography, as a list of edits over a text so that the editor can apply them to a document without
 * disturbing marks, and the same rules serve "as you type" and "fix typography":
 * - a narrow no-break space (U+202F) before ; ! ? and inside « », replacing whatever space was there;
 * - a no-break space (U+00A0) before :;
 * - the typographic apostrophe ’ for ' after a letter;
 * - the ellipsis … for three dots.
 * Never inside URLs, e-mail addresses or protected ranges (links, code), never between digits (10:30, 1:2),
 * and only one space before a run such as ?! or !!.
 */
export const NNBSP = '\u202f';
export const NBSP = '\u00a0';

export interface TextEdit {
  from: number;
  to: number;
  insert: string;
}

const SPACES = new Set([' ', NBSP, NNBSP, '\t', '\u2009', '\u2002', '\u2003']);
const HIGH_PUNCTUATION = new Set([';', '!', '?']);
const URL_LIKE = /\b(?:(?:https?|ftp):\/\/|mailto:|www\.)[^\s<>«»"]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu;
const LETTER = /[\p{L}\p{M}]/u;

/** Ranges of text that typography must leave alone: URLs and e-mail addresses. */
export function urlRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const match of text.matchAll(URL_LIKE)) out.push([match.index, match.index + match[0].length]);
  return out;
}

function inRanges(ranges: ReadonlyArray<readonly [number, number]>, at: number): boolean {
  return ranges.some(([from, to]) => at >= from && at < to);
}

/** The edits that make text follow French typography; protected ranges (e.g. links) are untouched. */
export function frenchTypographyEdits(
  text: string,
  protectedRanges: ReadonlyArray<readonly [number, number]> = [],
): TextEdit[] {
  const ranges = [...protectedRanges, ...urlRanges(text)];
  const edits: TextEdit[] = [];
  const isSpace = (c: string | undefined): boolean => c !== undefined && SPACES.has(c);
  const isBreak = (c: string | undefined): boolean => c === undefined || c === '\n' || c === '\ufffc';

  /** Makes the spaces just before `at` exactly `space`; inserts one when there are none. */
  function spaceBefore(at: number, space: string): void {
    let start = at;
    while (start > 0 && isSpace(text[start - 1])) start--;
    if (start === 0 || isBreak(text[start - 1])) return; // at the start of a line: nothing to hold on to
    if (inRanges(ranges, start - 1) && start === at) return;
    if (text.slice(start, at) !== space) edits.push({ from: start, to: at, insert: space });
  }

  /** Makes the spaces just after `at` (the position after the character) exactly `space`. */
  function spaceAfter(at: number, space: string): void {
    let end = at;
    while (end < text.length && isSpace(text[end])) end++;
    if (text.slice(at, end) !== space) edits.push({ from: at, to: end, insert: space });
  }

  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (inRanges(ranges, i)) continue;
    const prev = text[i - 1];
    const next = text[i + 1];
    if (HIGH_PUNCTUATION.has(c)) {
      // Only the first of ?! or !!! gets the space.
      if (prev !== undefined && (HIGH_PUNCTUATION.has(prev) || prev === ':')) continue;
      // "&amp;" and the like are not punctuation.
      if (c === ';' && /&[a-z0-9#]+$/i.test(text.slice(Math.max(0, i - 10), i))) continue;
      spaceBefore(i, NNBSP);
    } else if (c === ':') {
      if (prev !== undefined && /\d/.test(prev) && next !== undefined && /\d/.test(next)) continue; // 10:30
      if (next === '/' || (prev !== undefined && HIGH_PUNCTUATION.has(prev))) continue;
      spaceBefore(i, NBSP);
    } else if (c === '«') {
      if (next === undefined || !isBreak(next)) spaceAfter(i + 1, NNBSP);
    } else if (c === '»') {
      spaceBefore(i, NNBSP);
    } else if (c === "'") {
      if (prev !== undefined && LETTER.test(prev)) edits.push({ from: i, to: i + 1, insert: '’' });
    } else if (c === '.' && text.startsWith('...', i) && prev !== '.' && text[i + 3] !== '.') {
      edits.push({ from: i, to: i + 3, insert: '…' });
      i += 2;
    }
  }
  return edits.sort((a, b) => a.from - b.from);
}

/** Applies edits (sorted, not overlapping) to text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = '';
  let at = 0;
  for (const edit of edits) {
    out += text.slice(at, edit.from) + edit.insert;
    at = edit.to;
  }
  return out + text.slice(at);
}

export function fixFrenchTypography(
  text: string,
  protectedRanges?: ReadonlyArray<readonly [number, number]>,
): string {
  return applyEdits(text, frenchTypographyEdits(text, protectedRanges));
}
