import type { TextRun } from '../../shared/domain/search';
import type { QueryTerm } from './parseQuery';
import { foldForIndex, foldWithOffsets, WORD } from './searchText';

export interface WordMatcher {
  matches(foldedWord: string): boolean;
  /** Whether folded text holds a matching word (the words whole, the prefixes at a word's start). */
  inFolded(foldedText: string): boolean;
}

// The tokenizer's word characters (searchText's WORD), compiled once: a per-query expression with these
// classes costs about 0.7 ms to compile, more than the test it would speed up.
const WORD_CHAR = /[\p{L}\p{N}\p{Co}]/u;

/** Whether the character before `at` (a whole code point) is a word character. */
function wordCharBefore(text: string, at: number): boolean {
  if (at === 0) return false;
  const code = text.charCodeAt(at - 1);
  if (code < 128)
    return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  const start = code >= 0xdc00 && code <= 0xdfff && at >= 2 ? at - 2 : at - 1;
  return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(start)!));
}

/** Whether the character at `at` (a whole code point) is a word character. */
function wordCharAt(text: string, at: number): boolean {
  if (at >= text.length) return false;
  const code = text.charCodeAt(at);
  if (code < 128)
    return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(at)!));
}

/** Whether folded text holds `needle` as a whole word, or at a word's start when it is a prefix. */
function holdsWord(text: string, needle: string, prefix: boolean): boolean {
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    if (wordCharBefore(text, at)) continue;
    if (prefix || !wordCharAt(text, at + needle.length)) return true;
  }
  return false;
}

/** Which folded words a result should highlight: every word of the positive terms, prefixes as prefixes. */
export function matcherFor(terms: readonly QueryTerm[]): WordMatcher {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const term of terms) {
    if (term.negated) continue;
    term.words.forEach((word, i) => {
      if (term.prefix && i === term.words.length - 1) prefixes.push(word);
      else exact.add(word);
    });
  }
  return {
    matches: (w) => exact.has(w) || prefixes.some((p) => w.startsWith(p)),
    inFolded: (text) =>
      [...exact].some((w) => holdsWord(text, w, false)) || prefixes.some((p) => holdsWord(text, p, true)),
  };
}

interface Span {
  start: number;
  end: number;
}

// Words repeat (Zipf): each distinct written word is folded once, and whether it folds to exactly one word
// of the tokenizer's (almost always) is remembered with it.
const foldedWords = new Map<string, string | null>();
/** The written word folded, or null when it does not fold to exactly one word. */
function foldWord(word: string): string | null {
  let folded = foldedWords.get(word);
  if (folded === undefined) {
    const whole = foldForIndex(word);
    const parts = whole.match(WORD);
    folded = parts?.length === 1 && parts[0]!.length === whole.length ? whole : null;
    if (foldedWords.size >= 100_000) foldedWords.clear();
    foldedWords.set(word, folded);
  }
  return folded;
}

// A word as written: the tokenizer's letters plus the marks folding drops (Arabic tashkeel, combining accents).
const WRITTEN_WORD = /[\p{L}\p{N}\p{Co}\p{M}]+/gu;

/**
 * Adds the words of text[from, to) and the matching ones, as offsets in text. Each written word is folded
 * alone (cached for words outside ASCII), so offsets need no character-by-character map; a written word
 * that does not fold to exactly one word (never seen in practice) takes the character-by-character path.
 */
function collectSpans(
  text: string,
  from: number,
  to: number,
  matcher: WordMatcher,
  out: { spans: Span[]; words: Span[] },
  /** False when the line cannot match (see mayMatch): its words are only counted, never folded. */
  canMatch = true,
  /** A snippet's window: stop once it holds `size` words from `lead` words before the first match. */
  window?: { lead: number; size: number },
): void {
  let firstHit = out.spans.length === 0 ? -1 : out.words.findIndex((w) => w.start === out.spans[0]!.start);
  for (const m of text.slice(from, to).matchAll(WRITTEN_WORD)) {
    const start = from + m.index;
    if (!canMatch) {
      out.words.push({ start, end: start + m[0].length });
    } else {
      const folded = foldWord(m[0]);
      if (folded !== null) {
        const span = { start, end: start + m[0].length };
        out.words.push(span);
        if (matcher.matches(folded)) out.spans.push(span);
      } else {
        collectFolded(text, start, start + m[0].length, matcher, out);
      }
      if (firstHit < 0 && out.spans.length > 0) firstHit = out.words.indexOf(out.spans[0]!);
    }
    // A long paragraph is cut only as far as the window reaches.
    if (window && firstHit >= 0 && out.words.length > Math.max(0, firstHit - window.lead) + window.size)
      return;
  }
}

function collectFolded(
  text: string,
  from: number,
  to: number,
  matcher: WordMatcher,
  out: { spans: Span[]; words: Span[] },
): void {
  const { folded, origin } = foldWithOffsets(text.slice(from, to));
  for (const m of folded.matchAll(WORD)) {
    const span = { start: from + origin[m.index]!, end: from + origin[m.index + m[0].length]! };
    out.words.push(span);
    if (matcher.matches(m[0])) out.spans.push(span);
  }
}

function hitSpans(text: string, matcher: WordMatcher): { spans: Span[]; words: Span[] } {
  const out = { spans: [] as Span[], words: [] as Span[] };
  collectSpans(text, 0, text.length, matcher, out);
  return out;
}

function toRuns(text: string, spans: Span[], from: number, to: number): TextRun[] {
  const runs: TextRun[] = [];
  let at = from;
  for (const span of spans) {
    if (span.end <= from || span.start >= to) continue;
    if (span.start > at) runs.push({ text: text.slice(at, span.start), hit: false });
    runs.push({ text: text.slice(Math.max(span.start, at), Math.min(span.end, to)), hit: true });
    at = Math.min(span.end, to);
  }
  if (at < to) runs.push({ text: text.slice(at, to), hit: false });
  return runs;
}

/** The whole text, with its matching words marked. */
export function highlightAll(text: string, matcher: WordMatcher): TextRun[] {
  // Most results' headlines do not hold the word (it was in the body): one native test instead of cutting words.
  if (!mayMatch(text, matcher)) return text === '' ? [] : [{ text, hit: false }];
  return toRuns(text, hitSpans(text, matcher).spans, 0, text.length);
}

/**
 * Whether a line holds a match, tested on the folded line in one native pass: the per-word work (cutting,
 * folding each word) is then spent only on the lines a snippet shows. A substring test was not enough: a
 * frequent short word ("ans", "sur") is inside longer words on most lines, and each such line was cut word by
 * word (120-170 µs a result at a million articles, most of a date-sorted search).
 */
function mayMatch(line: string, matcher: WordMatcher): boolean {
  return matcher.inFolded(foldForIndex(line));
}

/** Lines of the text as [start, end) offsets (no word spans a line). */
function linesOf(text: string): { at: number; end: number }[] {
  const lines: { at: number; end: number }[] = [];
  for (let at = 0; ;) {
    const newline = text.indexOf('\n', at);
    const end = newline === -1 ? text.length : newline;
    lines.push({ at, end });
    if (newline === -1) return lines;
    at = newline + 1;
  }
}

/**
 * A window of about `size` words around the first match (or the opening words when nothing matched),
 * with an ellipsis where it cuts the text.
 */
export function snippet(text: string, matcher: WordMatcher, size = 30): TextRun[] {
  // Cutting words costs about a microsecond a character, so only the lines that make the window are cut:
  // from the first line that may match, backed up over enough earlier lines (none of which can match) for
  // the words that lead into the hit, until the window after the first match is complete.
  const lead = Math.floor(size / 3);
  const lines = linesOf(text);
  // Whether each line may match, worked out only for the lines a window reaches.
  const known: (boolean | undefined)[] = [];
  const may = (i: number): boolean =>
    (known[i] ??= mayMatch(text.slice(lines[i]!.at, lines[i]!.end), matcher));
  const firstMay = (from: number): number => {
    for (let i = from; i < lines.length; i++) if (may(i)) return i;
    return -1;
  };
  const window = (first: number): TextRun[] | undefined => {
    for (let before = 0; first > 0 && before < lead;) {
      first--;
      before += (foldForIndex(text.slice(lines[first]!.at, lines[first]!.end)).match(WORD) ?? []).length;
    }
    const { spans, words } = { spans: [] as Span[], words: [] as Span[] };
    let hitWord = -1;
    let last = first;
    for (; last < lines.length; last++) {
      collectSpans(text, lines[last]!.at, lines[last]!.end, matcher, { spans, words }, may(last), {
        lead,
        size,
      });
      if (hitWord < 0 && spans.length > 0) hitWord = words.findIndex((w) => w.start === spans[0]!.start);
      if (hitWord >= 0 && words.length > Math.max(0, hitWord - lead) + size) break;
      // No line after this one can match: the words so far are enough for an opening window.
      if (hitWord < 0 && words.length >= size && firstMay(last + 1) === -1) break;
    }
    // Started past the opening on a line that only looked like a match: the opening is the window.
    if (hitWord < 0 && first > 0) return undefined;
    if (words.length === 0) return [];
    hitWord = Math.max(0, hitWord);
    const startWord = Math.max(0, hitWord - lead);
    const endWord = Math.min(words.length - 1, startWord + size - 1);
    const from = startWord === 0 && first === 0 ? 0 : words[startWord]!.start;
    const to = endWord === words.length - 1 && last >= lines.length ? text.length : words[endWord]!.end;
    const runs = toRuns(text, spans, from, to).map((r) => ({ ...r, text: r.text.replace(/\s+/g, ' ') }));
    if (from > 0) runs.unshift({ text: '… ', hit: false });
    if (to < text.length) runs.push({ text: ' …', hit: false });
    return runs;
  };
  return window(Math.max(0, firstMay(0))) ?? window(0)!;
}
