import type { SiteZone } from '../../shared/time/zonedTime';
import type { Db } from '../db/open';

/** Each site's time zone as its REST index last gave it (cached: a schedule is shown in it even offline). */
export function siteZoneQueries(db: Db) {
  const get = db.prepare<[string], { timezone_string: string; gmt_offset: number }>(
    'SELECT timezone_string, gmt_offset FROM site_zones WHERE site_id = ?',
  );
  const put = db.prepare<[string, string, number, number]>(
    `INSERT INTO site_zones (site_id, timezone_string, gmt_offset, fetched_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (site_id) DO UPDATE SET timezone_string = excluded.timezone_string,
       gmt_offset = excluded.gmt_offset, fetched_at = excluded.fetched_at`,
  );
  return {
    get(siteId: string): SiteZone | undefined {
      const row = get.get(siteId);
      return row ? { name: row.timezone_string, gmtOffset: row.gmt_offset } : undefined;
    },
    put: (siteId: string, zone: SiteZone, at: number): void =>
      void put.run(siteId, zone.name, zone.gmtOffset, at),
  };
}
