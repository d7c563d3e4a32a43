import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The real WordPress the sync tests run against (scripts/wordpress/start.sh), found through
 * REDAC_WP_STATE_DIR (default /tmp/redac-wp) and REDAC_WP_PORT (default: the harness's, 8089).
 */
export interface WpUser {
  username: string;
  applicationPassword: string;
  id: number;
  role: string;
}
export interface WpSite {
  url: string;
  users: Record<'admin' | 'editor' | 'author', WpUser>;
  categories: { id: number; name: string; slug: string }[];
}

export const wordpressStateDir = (): string => resolve(process.env.REDAC_WP_STATE_DIR || '/tmp/redac-wp');

/** Starts the site when it is not running (a no-op check when it is); returns its URL. */
export function ensureWordpress(): string {
  const script = resolve(__dirname, '../../scripts/wordpress/start.sh');
  return execFileSync('bash', [script, wordpressStateDir()], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: 300_000,
  }).trim();
}

export function wordpressSite(): WpSite {
  return JSON.parse(readFileSync(join(wordpressStateDir(), 'site.json'), 'utf8')) as WpSite;
}

/** Direct REST calls for assertions, independent of the code under test. */
export async function wpAdmin<T>(method: string, route: string, body?: unknown): Promise<T> {
  const site = wordpressSite();
  const user = site.users.admin;
  const send = () =>
    fetch(`${site.url}/wp-json/${route}`, {
      method,
      headers: {
        authorization: `Basic ${Buffer.from(`${user.username}:${user.applicationPassword}`).toString('base64')}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  // Apache closes an idle kept-alive connection after 5 s; a request sent on it just then fails before any
  // answer. Sent again once, unless it was a POST (which may have been applied).
  const response = await send().catch((error: unknown) => {
    if (method === 'POST') throw error;
    return send();
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

/**
 * Runs PHP inside the site, as WordPress's own background jobs do (Debian 12 has no wp-cli): for what no REST
 * call can do, such as the cron publishing a scheduled post. Runs as the web server's user when we are root.
 */
export function wordpressPhp(code: string): string {
  const stateDir = wordpressStateDir();
  const configName = `redac-${createHash('md5').update(stateDir).digest('hex').slice(0, 12)}`;
  const script = `<?php
$_SERVER['WORDPRESS_CONFIG'] = $argv[1];
$_SERVER['HTTP_HOST'] = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
require '/usr/share/wordpress/wp-load.php';
${code}`;
  const asWeb = process.getuid?.() === 0 ? ['runuser', '-u', 'www-data', '--', 'php'] : ['php'];
  return execFileSync(asWeb[0]!, [...asWeb.slice(1), '--', configName], {
    input: script,
    encoding: 'utf8',
    timeout: 60_000,
  });
}
