import type { Migration } from './index';

/**
 * Issue 5, slugs and site-side status moves. `remote_slug` is the post's slug exactly as the site last answered
 * it (percent-encoded for Arabic, with WordPress's `-2` or `__trashed` suffixes), so a slug edited on the site is
 * told from one WordPress derived from ours. `slug_basis` is the article's slug that remote slug stands for: the
 * push sends the slug only when the article's differs from it, so WordPress's own rewriting is never fought.
 * `content_hash` covers the post's text alone (title, excerpt, content, review state), so a post only moved to
 * another status on the site (published by cron, unpublished, trashed) is not taken for a text edit.
 * All three are null for rows synced before: they are filled by the next push or pull.
 */
export const m0013PublicationSlugs: Migration = {
  version: 13,
  name: 'publication-slugs',
  up(db) {
    db.exec(`
      ALTER TABLE publications ADD COLUMN remote_slug TEXT;
      ALTER TABLE publications ADD COLUMN slug_basis TEXT;
      ALTER TABLE publications ADD COLUMN content_hash TEXT;
    `);
  },
};
