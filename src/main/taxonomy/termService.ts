import { TERM_KINDS, type Term, type TermKind } from '../../shared/domain/term';
import { foldText } from '../../shared/text/fold';
import { slugify } from '../../shared/text/slug';
import { AppError } from '../core/errors';
import type { Db } from '../db/open';
import { termQueries, type TermRow } from './termRows';

const toTerm = (row: TermRow): Term => ({ id: row.id, name: row.name, slug: row.slug });

/** The local lists of sections, tags and authors: autocomplete, and creation without near-duplicates. */
export function createTermService(db: Db, now: () => number = Date.now) {
  const queries = Object.fromEntries(TERM_KINDS.map((kind) => [kind, termQueries(db, kind)])) as Record<
    TermKind,
    ReturnType<typeof termQueries>
  >;

  function uniqueSlug(kind: TermKind, name: string): string {
    const base = slugify(name) || 'term';
    let slug = base;
    for (let n = 2; queries[kind].bySlug(slug); n++) slug = `${base}-${n}`;
    return slug;
  }

  const ensure = db.transaction((kind: TermKind, name: string): Term => {
    const clean = name.replace(/\s+/g, ' ').trim();
    const key = foldText(clean);
    if (!key) throw new AppError('invalid_input', 'A name cannot be empty.');
    const existing = queries[kind].byFold(key);
    if (existing) return toTerm(existing);
    const slug = uniqueSlug(kind, clean);
    const id = queries[kind].insert(clean, slug, key, now());
    return { id, name: clean, slug };
  });

  return {
    /** Alphabetical, or matching the start of what was typed (case, accents and Arabic spellings folded). */
    list(kind: TermKind, query: string, limit: number): Term[] {
      const key = foldText(query);
      return (key ? queries[kind].byPrefix(key, limit) : queries[kind].all(limit)).map(toTerm);
    },
    /** Returns the existing term that folds to the same key, or makes a new one. */
    ensure: (kind: TermKind, name: string): Term => ensure.immediate(kind, name),
    get(kind: TermKind, id: number): Term | undefined {
      const row = queries[kind].byId(id);
      return row ? toTerm(row) : undefined;
    },
  };
}

export type TermService = ReturnType<typeof createTermService>;
