import type { TextRun } from '../../shared/domain/search';
import type { QueryTerm } from './parseQuery';
import { foldWithOffsets, WORD } from './searchText';

export interface WordMatcher {
  matches(foldedWord: string): boolean;
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
  return { matches: (w) => exact.has(w) || prefixes.some((p) => w.startsWith(p)) };
}

interface Span {
  start: number;
  end: number;
}

/** Adds the words of text[from, to) and the matching ones, as offsets in text. */
function collectSpans(
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
  return toRuns(text, hitSpans(text, matcher).spans, 0, text.length);
}

/**
 * A window of about `size` words around the first match (or the opening words when nothing matched),
 * with an ellipsis where it cuts the text.
 */
export function snippet(text: string, matcher: WordMatcher, size = 30): TextRun[] {
  // Line by line (no word spans a line), stopping once the window after the first match is complete: a
  // result costs the lines up to its first match, not the whole article.
  const { spans, words } = { spans: [] as Span[], words: [] as Span[] };
  let hitWord = -1;
  for (let at = 0; ;) {
    const newline = text.indexOf('\n', at);
    const end = newline === -1 ? text.length : newline;
    collectSpans(text, at, end, matcher, { spans, words });
    if (hitWord < 0 && spans.length > 0) hitWord = words.findIndex((w) => w.start === spans[0]!.start);
    if (hitWord >= 0 && words.length > Math.max(0, hitWord - Math.floor(size / 3)) + size) break;
    if (newline === -1) break;
    at = newline + 1;
  }
  if (words.length === 0) return [];
  hitWord = Math.max(0, hitWord);
  const startWord = Math.max(0, hitWord - Math.floor(size / 3));
  const endWord = Math.min(words.length - 1, startWord + size - 1);
  const from = startWord === 0 ? 0 : words[startWord]!.start;
  const to = endWord === words.length - 1 ? text.length : words[endWord]!.end;
  const runs = toRuns(text, spans, from, to).map((r) => ({ ...r, text: r.text.replace(/\s+/g, ' ') }));
  if (from > 0) runs.unshift({ text: '… ', hit: false });
  if (to < text.length) runs.push({ text: ' …', hit: false });
  return runs;
}
