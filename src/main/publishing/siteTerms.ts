import type { WpClient } from './wordpressClient';

/** A category or tag as the site names it. */
export interface SiteTerm {
  id: number;
  name: string;
  slug: string;
}

/** WordPress's default category, which every post without one is filed under: it is no section of ours. */
const DEFAULT_CATEGORY_SLUG = 'uncategorized';

/**
 * WordPress stores term names HTML-escaped ("Arts &amp; Culture") and answers them so even in REST: the
 * section's name is the text, as the desk typed it on the site.
 */
export function termNameText(name: string): string {
  return name.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|#039);/gi, (entity, code: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    const lower = code.toLowerCase();
    if (lower in named) return named[lower]!;
    const point = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
    return Number.isInteger(point) && point > 0 && point <= 0x10ffff ? String.fromCodePoint(point) : entity;
  });
}

/**
 * The names of a site's categories (or tags), asked for once per page of pulled posts (only the ids not yet
 * known) and kept for the rest of the pull. A term the site no longer has is simply not found.
 */
export function createTermNames(client: WpClient, taxonomy: 'categories' | 'tags' = 'categories') {
  const known = new Map<number, SiteTerm | null>();

  async function load(ids: Iterable<number>): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => Number.isInteger(id) && id > 0 && !known.has(id));
    // per_page caps at 100: a page of 50 posts rarely names that many categories, but never ask for more.
    for (let i = 0; i < missing.length; i += 100) {
      const batch = missing.slice(i, i + 100);
      const found = await client.get<SiteTerm[]>(`wp/v2/${taxonomy}`, {
        include: batch.join(','),
        per_page: 100,
        _fields: 'id,name,slug',
      });
      for (const id of batch) known.set(id, null);
      for (const c of found.body) known.set(c.id, { id: c.id, name: termNameText(c.name), slug: c.slug });
    }
  }

  /** The post's section: its first category the site knows, other than the default one. */
  function sectionOf(categoryIds: readonly number[]): SiteTerm | undefined {
    for (const id of categoryIds) {
      const category = known.get(id);
      if (category && category.slug !== DEFAULT_CATEGORY_SLUG && category.name.trim()) return category;
    }
    return undefined;
  }

  /** The post's tags the site knows, in the post's order, each once. */
  function namesOf(ids: readonly number[]): SiteTerm[] {
    const found = ids.map((id) => known.get(id)).filter((t): t is SiteTerm => !!t && !!t.name.trim());
    return [...new Map(found.map((t) => [t.id, t])).values()];
  }

  return { load, sectionOf, namesOf };
}

export type TermNames = ReturnType<typeof createTermNames>;
