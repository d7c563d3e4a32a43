import type { Migration } from './index';

/**
 * Issue 5's second part. site_zones caches each site's time zone as its REST index gives it (timezone_string,
 * gmt_offset), so a schedule is shown and sent in the site's terms even offline; Test connection refreshes it.
 * remote_media.meta_hash remembers the alt text and caption last sent for an uploaded file, so a changed
 * caption or credit is sent again without uploading the file again. publications.remote_date_gmt keeps when the
 * site dates each post, so a scheduled article says when it goes live (shown in the site's zone).
 */
export const m0011SiteZonesMediaMeta: Migration = {
  version: 11,
  name: 'site-zones-media-meta',
  up(db) {
    db.exec(`
      CREATE TABLE site_zones (
        site_id TEXT PRIMARY KEY REFERENCES sites (id) ON DELETE CASCADE,
        timezone_string TEXT NOT NULL,
        gmt_offset REAL NOT NULL,
        fetched_at INTEGER NOT NULL
      ) WITHOUT ROWID;

      ALTER TABLE remote_media ADD COLUMN meta_hash TEXT;
      -- When the site dates the post (date_gmt as it answered): what a scheduled article shows.
      ALTER TABLE publications ADD COLUMN remote_date_gmt TEXT;
    `);
  },
};
