import { randomUUID } from 'node:crypto';
import type { Site, SiteInput, SiteUser } from '../../shared/domain/site';
import { AppError, notFound } from '../core/errors';
import type { Db } from '../db/open';
import type { CredentialStore } from './credentialStore';
import type { SiteZone } from '../../shared/time/zonedTime';
import { siteQueries, type SiteRow } from './siteRows';
import { siteZoneQueries } from './siteZoneRows';
import { createWpClient, normalizeSiteUrl, WpError, type WpAuth, type WpClient } from './wordpressClient';

interface MeResponse {
  id: number;
  name: string;
  roles?: string[];
  capabilities?: Record<string, boolean>;
}

/** A WordPress failure as an error the UI can show: what went wrong, in words, and never the password. */
export function explainWpError(error: unknown): AppError {
  if (!(error instanceof WpError))
    return new AppError('internal', 'The site could not be used (internal error).');
  if (error.code === 'bad_url') return new AppError('invalid_input', error.message);
  if (error.status === 401)
    return new AppError(
      'forbidden',
      `The site refused this username and Application Password. Check both (an Application Password is made in the user's profile on the site, not the login password). The site said: ${error.message}`,
    );
  if (error.status === 403) return new AppError('forbidden', `The site refused: ${error.message}`);
  if (error.status === 404)
    return new AppError(
      'not_found',
      `No WordPress REST API was found at this address (${error.message}). Check the site address.`,
    );
  if (error.transient) return new AppError('unavailable', error.message);
  return new AppError('invalid_input', `The site answered: ${error.message}`);
}

/** The WordPress sites Redac knows, their passwords kept by the credential store, and the connection check. */
export function createSiteService(db: Db, credentials: CredentialStore, now: () => number = Date.now) {
  const q = siteQueries(db);
  const zones = siteZoneQueries(db);

  const toSite = (row: SiteRow): Site => ({
    id: row.id,
    name: row.name,
    url: row.url,
    username: row.username,
    hasPassword: credentials.get(row.id) !== undefined,
    createdAt: row.created_at,
    timeZone: zones.get(row.id) ?? null,
  });

  function normalize(url: string): string {
    try {
      return normalizeSiteUrl(url);
    } catch (error) {
      throw explainWpError(error);
    }
  }

  async function whoAmI(auth: WpAuth): Promise<SiteUser> {
    try {
      const client = createWpClient(auth, { timeoutMs: 15_000 });
      const me = (await client.get<MeResponse>('wp/v2/users/me', { context: 'edit' })).body;
      return {
        id: me.id,
        name: me.name,
        roles: me.roles ?? [],
        unfilteredHtml: me.capabilities?.unfiltered_html === true,
      };
    } catch (error) {
      throw explainWpError(error);
    }
  }

  function auth(id: string): WpAuth {
    const row = q.get(id);
    if (!row) throw notFound('The site');
    const password = credentials.get(id);
    if (password === undefined)
      throw new AppError(
        'forbidden',
        'The Application Password of this site cannot be read on this computer: enter it again.',
      );
    return { url: row.url, username: row.username, password };
  }

  /** GET /wp-json/ is public and names the zone (timezone_string) or only a fixed offset (gmt_offset, hours). */
  async function refreshZone(id: string): Promise<SiteZone> {
    const client = createWpClient(auth(id), { timeoutMs: 15_000 });
    const index = (
      await client.get<{ timezone_string?: unknown; gmt_offset?: unknown }>('', {
        _fields: 'timezone_string,gmt_offset',
      })
    ).body;
    const offset = Number(index.gmt_offset);
    if (typeof index.timezone_string !== 'string' || !Number.isFinite(offset))
      throw new WpError('The site did not say which time zone it is in.', 200, 'no_zone', false);
    let name = index.timezone_string;
    // A zone this runtime does not know is treated as the fixed offset the site reports.
    try {
      if (name) new Intl.DateTimeFormat('en', { timeZone: name });
    } catch {
      name = '';
    }
    const zone: SiteZone = { name, gmtOffset: offset };
    zones.put(id, zone, now());
    return zone;
  }

  return {
    credentialInfo: () => credentials.info(),
    list: (): Site[] => q.all().map(toSite),
    get(id: string): Site {
      const row = q.get(id);
      if (!row) throw notFound('The site');
      return toSite(row);
    },
    add(input: SiteInput): Site {
      const url = normalize(input.url);
      const username = input.username.trim();
      if (q.byUrlUser(url, username))
        throw new AppError('conflict', `${url} is already in the list for ${username}.`);
      const row: SiteRow = { id: randomUUID(), name: new URL(url).host, url, username, created_at: now() };
      // Password first: a site row without its password would be a site that cannot be used.
      credentials.set(row.id, input.password);
      try {
        q.insert(row);
      } catch (error) {
        credentials.delete(row.id);
        throw error;
      }
      return toSite(row);
    },
    setPassword(id: string, password: string): Site {
      const row = q.get(id);
      if (!row) throw notFound('The site');
      credentials.set(id, password);
      return toSite(row);
    },
    remove(id: string): void {
      if (!q.remove(id)) throw notFound('The site');
      credentials.delete(id);
    },
    /** Checks typed, unsaved credentials. */
    check: (input: SiteInput): Promise<SiteUser> =>
      whoAmI({ url: normalize(input.url), username: input.username.trim(), password: input.password }),
    /** Checks the saved credentials, and reads the site's time zone again (it may have been changed there). */
    async test(id: string): Promise<SiteUser> {
      const user = await whoAmI(auth(id));
      try {
        await refreshZone(id);
      } catch (error) {
        throw explainWpError(error);
      }
      return user;
    },
    /** The site's time zone: the cached one, or read from the site the first time. */
    zone: async (id: string): Promise<SiteZone> => zones.get(id) ?? refreshZone(id),
    refreshZone,
    /** A client for a saved site, for publishing. */
    client: (id: string, timeoutMs?: number): WpClient =>
      createWpClient(auth(id), timeoutMs === undefined ? {} : { timeoutMs }),
  };
}

export type SiteService = ReturnType<typeof createSiteService>;
