import type { Db } from '../db/open';

/** What one article is on one site, as last seen. */
export interface PublicationRow {
  article_id: string;
  site_id: string;
  remote_id: number | null;
  /** WordPress's status: draft, pending, future, publish, private, trash. */
  remote_status: string | null;
  last_pushed_revision: number | null;
  remote_modified_gmt: string | null;
  remote_hash: string | null;
  /** The post's date_gmt as the site last answered it (null when unknown). */
  remote_date_gmt?: string | null;
  /** The post's slug exactly as the site last answered it (percent-encoded, suffixed); null when unknown. */
  remote_slug?: string | null;
  /** The article's slug that remote_slug stands for (what was sent, or taken from the site); null when unknown. */
  slug_basis?: string | null;
  /** Hash of the post's text alone (no status, slug or terms) as last seen; null when unknown. */
  content_hash?: string | null;
  /** not_on_site, on_site, conflict, failed (the site-facing states are derived from remote_status). */
  state: string;
  /** The site's message for a failure, or a notice (e.g. HTML the site filtered). */
  last_error: string | null;
  updated_at: number;
}

export function publicationQueries(db: Db) {
  const get = db.prepare<[string, string], PublicationRow>(
    'SELECT * FROM publications WHERE article_id = ? AND site_id = ?',
  );
  const ofArticle = db.prepare<[string], PublicationRow>('SELECT * FROM publications WHERE article_id = ?');
  const byRemote = db.prepare<[string, number], PublicationRow>(
    'SELECT * FROM publications WHERE site_id = ? AND remote_id = ?',
  );
  const upsert = db.prepare<[PublicationRow]>(
    `INSERT INTO publications (article_id, site_id, remote_id, remote_status, last_pushed_revision,
                               remote_modified_gmt, remote_hash, remote_date_gmt, remote_slug, slug_basis,
                               content_hash, state, last_error, updated_at)
     VALUES (@article_id, @site_id, @remote_id, @remote_status, @last_pushed_revision,
             @remote_modified_gmt, @remote_hash, @remote_date_gmt, @remote_slug, @slug_basis,
             @content_hash, @state, @last_error, @updated_at)
     ON CONFLICT (article_id, site_id) DO UPDATE SET
       remote_id = excluded.remote_id, remote_status = excluded.remote_status,
       last_pushed_revision = excluded.last_pushed_revision, remote_modified_gmt = excluded.remote_modified_gmt,
       remote_hash = excluded.remote_hash, remote_date_gmt = excluded.remote_date_gmt,
       remote_slug = excluded.remote_slug, slug_basis = excluded.slug_basis, content_hash = excluded.content_hash,
       state = excluded.state, last_error = excluded.last_error,
       updated_at = excluded.updated_at`,
  );
  return {
    get: (articleId: string, siteId: string): PublicationRow | undefined => get.get(articleId, siteId),
    ofArticle: (articleId: string): PublicationRow[] => ofArticle.all(articleId),
    byRemote: (siteId: string, remoteId: number): PublicationRow | undefined =>
      byRemote.get(siteId, remoteId),
    upsert: (row: PublicationRow): void =>
      void upsert.run({
        remote_date_gmt: null,
        remote_slug: null,
        slug_basis: null,
        content_hash: null,
        ...row,
      }),
  };
}

export type PublicationQueries = ReturnType<typeof publicationQueries>;
