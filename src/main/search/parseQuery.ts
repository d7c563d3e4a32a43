import { foldedWords } from './searchText';

/** Columns of the index a query may name, and the words a writer may use for them. */
export const FIELD_ALIASES: Record<string, string> = {
  kicker: 'kicker',
  surtitre: 'kicker',
  headline: 'headline',
  title: 'headline',
  titre: 'headline',
  standfirst: 'standfirst',
  chapo: 'standfirst',
  body: 'body',
  text: 'body',
  caption: 'captions',
  captions: 'captions',
  legende: 'captions',
  tag: 'tags',
  tags: 'tags',
  byline: 'byline',
  author: 'byline',
  auteur: 'byline',
};

export interface QueryTerm {
  words: string[];
  prefix: boolean;
  field: string | undefined;
  negated: boolean;
}

export interface ParsedQuery {
  terms: QueryTerm[];
  /** The FTS5 MATCH expression, built only from folded words we quote ourselves: never a syntax error. */
  match: string;
}

// A clause: optional '-', optional 'field:', then a quoted phrase or a bare word (a trailing * makes a prefix).
const CLAUSE = /(-)?(?:([\p{L}]+):)?(?:"([^"]*)"?|(\S+))/gu;

/**
 * Turns what a writer types into an FTS5 expression. Supports words (all must match), "phrases", prefixes
 * (clim*), fields (headline:budget, tag:"Proche-Orient") and exclusions (-sport). Words are folded the same
 * way the index was, so accents and Arabic spellings do not matter.
 */
export function parseQuery(input: string): ParsedQuery {
  const terms: QueryTerm[] = [];
  for (const m of input.matchAll(CLAUSE)) {
    const [, minus, rawField, phrase, bare] = m;
    let field: string | undefined;
    let text = phrase ?? bare ?? '';
    if (rawField !== undefined) {
      field = FIELD_ALIASES[foldedWords(rawField).join('')];
      // An unknown "field:" is just text the writer typed (e.g. "covid-19:").
      if (field === undefined) text = `${rawField}:${text}`;
    }
    const prefix = phrase === undefined && text.endsWith('*');
    const words = foldedWords(text);
    if (words.length === 0) continue;
    terms.push({ words, prefix, field, negated: minus === '-' });
  }
  return { terms, match: toMatch(terms) };
}

/** A term as an FTS5 phrase: folded words, quoted by us, optionally a prefix. */
export function phraseOf(term: QueryTerm): string {
  return `"${term.words.join(' ')}"${term.prefix ? ' *' : ''}`;
}

export function termExpr(term: QueryTerm): string {
  const phrase = phraseOf(term);
  return term.field
    ? `${term.field} : ${phrase}`
    : `{kicker headline standfirst body captions tags byline} : ${phrase}`;
}

function toMatch(terms: QueryTerm[]): string {
  const positive = terms.filter((t) => !t.negated).map(termExpr);
  if (positive.length === 0) return '';
  const negative = terms.filter((t) => t.negated).map(termExpr);
  const all = positive.length === 1 ? positive[0]! : `(${positive.join(' AND ')})`;
  return negative.reduce((expr, n) => `${expr} NOT ${n}`, all);
}
