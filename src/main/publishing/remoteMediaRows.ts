import type { Db } from '../db/open';

/** A file of the media store as uploaded to one site: its id and address there, and the captions last sent. */
export interface RemoteMediaRow {
  site_id: string;
  media_key: string;
  remote_id: number;
  source_url: string;
  /** Hash of the alt text and caption last sent; null for rows from before it was kept. */
  meta_hash: string | null;
  created_at: number;
}

export function remoteMediaQueries(db: Db) {
  const get = db.prepare<[string, string], RemoteMediaRow>(
    'SELECT * FROM remote_media WHERE site_id = ? AND media_key = ?',
  );
  const put = db.prepare<[RemoteMediaRow]>(
    `INSERT OR REPLACE INTO remote_media (site_id, media_key, remote_id, source_url, meta_hash, created_at)
     VALUES (@site_id, @media_key, @remote_id, @source_url, @meta_hash, @created_at)`,
  );
  const byRemote = db.prepare<[string, number], RemoteMediaRow>(
    'SELECT * FROM remote_media WHERE site_id = ? AND remote_id = ? LIMIT 1',
  );
  const forget = db.prepare<[string, string]>('DELETE FROM remote_media WHERE site_id = ? AND media_key = ?');
  return {
    forget: (siteId: string, key: string): void => void forget.run(siteId, key),
    get: (siteId: string, key: string): RemoteMediaRow | undefined => get.get(siteId, key),
    byRemote: (siteId: string, remoteId: number): RemoteMediaRow | undefined =>
      byRemote.get(siteId, remoteId),
    put: (row: RemoteMediaRow): void => void put.run(row),
  };
}
