import type { Migration } from './index';

/**
 * An article's slug is its address on the site: two articles may not share one. Slugs saved before the rule
 * (there should be none, but a store is never assumed clean) get -2, -3… in creation order, then a partial
 * unique index keeps it so (empty means "not chosen yet" and may repeat).
 */
export const m0006ArticleSlugs: Migration = {
  version: 6,
  name: 'article-slugs',
  up(db) {
    const rows = db
      .prepare<[], { id: string; slug: string }>(
        "SELECT id, slug FROM articles WHERE slug <> '' ORDER BY created_at, id",
      )
      .all();
    const taken = new Set<string>();
    const rename = db.prepare<[string, string]>('UPDATE articles SET slug = ? WHERE id = ?');
    for (const row of rows) {
      let slug = row.slug;
      for (let n = 2; taken.has(slug); n++) slug = `${row.slug}-${n}`;
      if (slug !== row.slug) rename.run(slug, row.id);
      taken.add(slug);
    }
    db.exec("CREATE UNIQUE INDEX articles_by_slug ON articles (slug) WHERE slug <> ''");
  },
};
