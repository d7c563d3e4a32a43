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
    /**
     * The name History shows for a term an old revision links: its current name (a rename corrects a label
     * everywhere), or for a term merged away since, the name it had then (its row is gone).
     */
    nameInHistory(kind: TermKind, id: number): string | undefined {
      return queries[kind].byId(id)?.name ?? queries[kind].merged(id)?.name;
    },
    /** The term that stands for `id` today: itself, or the one it was merged into (through later merges). */
    survivor(kind: TermKind, id: number): Term | undefined {
      const seen = new Set<number>();
      for (let at: number | undefined = id; at !== undefined && !seen.has(at);) {
        seen.add(at);
        const row = queries[kind].byId(at);
        if (row) return toTerm(row);
        at = queries[kind].merged(at)?.into_id;
      }
      return undefined;
    },
    /** Called by a merge, in its transaction, before `from`'s row is deleted. */
    recordMerge(kind: TermKind, from: Term, intoId: number): void {
      queries[kind].recordMerge(from.id, from.name, intoId, now());
    },
  };
}

export type TermService = ReturnType<typeof createTermService>;
