import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/db/open';
import { createFileCredentialStore } from '../../../src/main/publishing/credentialStore';
import { createSiteService } from '../../../src/main/publishing/siteService';
import { closedPort } from '../../support/closedPort';
import { useTempDirs } from '../../support/tempDir';
import { wordpressSite } from '../../support/wordpress';

const tempDir = useTempDirs();

function setup() {
  const dir = tempDir();
  const db = openDatabase(join(dir, 'store.sqlite3'));
  const credFile = join(dir, 'site-credentials.json');
  const sites = createSiteService(db, createFileCredentialStore(credFile));
  return { dir, db, credFile, sites };
}

describe('sites and their credentials', () => {
  it('keeps the Application Password in a 0600 file, never in the SQLite store', () => {
    const { db, credFile, sites, dir } = setup();
    const site = sites.add({
      url: 'https://example.test/wp-json/',
      username: 'alice',
      password: 'abcd efgh ijkl',
    });
    expect(site).toMatchObject({ url: 'https://example.test', username: 'alice', hasPassword: true });
    expect(statSync(credFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(credFile, 'utf8')).toContain('abcd efgh ijkl');
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    for (const file of ['store.sqlite3', 'store.sqlite3-wal']) {
      let bytes = '';
      try {
        bytes = readFileSync(join(dir, file)).toString('latin1');
      } catch {
        continue;
      }
      expect(bytes).not.toContain('abcd efgh ijkl');
    }
  });

  it('lists several sites, refuses the same site and user twice and forgets a removed site’s password', () => {
    const { sites, credFile } = setup();
    const a = sites.add({ url: 'https://a.example.test', username: 'u', password: 'pa' });
    sites.add({ url: 'https://b.example.test', username: 'u', password: 'pb' });
    expect(sites.list().map((s) => s.url)).toEqual(['https://a.example.test', 'https://b.example.test']);
    expect(() => sites.add({ url: 'https://a.example.test/', username: 'u', password: 'x' })).toThrow(
      /already in the list/,
    );
    sites.remove(a.id);
    expect(sites.list()).toHaveLength(1);
    expect(readFileSync(credFile, 'utf8')).not.toContain('"pa"');
  });

  it('refuses an address that is not a web address with a clear message', () => {
    const { sites } = setup();
    expect(() => sites.add({ url: 'ftp://x', username: 'u', password: 'p' })).toThrow(/https:\/\//);
    expect(() => sites.add({ url: 'not a url', username: 'u', password: 'p' })).toThrow(/not a web address/);
  });
});

describe('Test connection against the real WordPress', () => {
  it('names the user and role the credentials log in as', async () => {
    const { sites } = setup();
    const wp = wordpressSite();
    const site = sites.add({
      url: wp.url,
      username: 'editor',
      password: wp.users.editor.applicationPassword,
    });
    const me = await sites.test(site.id);
    expect(me).toMatchObject({ name: 'Éditrice Redac', roles: ['editor'], unfilteredHtml: true });
    const author = await sites.check({
      url: wp.url,
      username: 'author',
      password: wp.users.author.applicationPassword,
    });
    expect(author).toMatchObject({ name: 'Auteur Redac', roles: ['author'], unfilteredHtml: false });
  });

  it('says so clearly when the Application Password is wrong instead of reading anonymously', async () => {
    const { sites } = setup();
    const wp = wordpressSite();
    await expect(
      sites.check({ url: wp.url, username: 'editor', password: 'wrong wrong wrong' }),
    ).rejects.toThrow(/refused this username and Application Password/);
  });

  it('says when nothing answers at the address', async () => {
    const { sites } = setup();
    await expect(
      sites.check({ url: `http://127.0.0.1:${await closedPort()}`, username: 'editor', password: 'x' }),
    ).rejects.toThrow(/could not be reached \(ECONNREFUSED\)/);
  });
});
