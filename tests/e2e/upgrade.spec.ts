import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { openDatabase } from '../../src/main/db/open';
import { newDataDir, startHostProcess, type HostProcess } from './support/host';

let host: HostProcess | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

const OLD_VERSION = 14;

/** A data folder whose store was written by the previous version (schema 14), with one article in it. */
function olderStore(): string {
  const dataDir = newDataDir();
  const db = openDatabase(join(dataDir, 'redac.sqlite3'), { migrateTo: OLD_VERSION });
  db.prepare(
    `INSERT INTO articles (id, headline, body, body_schema_version, status, language, created_at, updated_at, revision)
     VALUES ('0b7e3c4a-1d2f-4e5a-8b6c-7d8e9f0a1b2c', 'Grève à la SNCF',
             '{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"Le trafic reste perturbé."}]}]}',
             1, 'published', 'fr', 1700000000000, 1700000000000, 1)`,
  ).run();
  db.close();
  return dataDir;
}

// The upgrade of a large archive takes seconds (migration 0014: 10.4 s on a million articles). The host's
// test hook adds a last step of about 5 s that counts its work, so the screen can be seen as a user sees it.
test('an older archive is upgraded at start-up: the window says so and how far it is, then the app opens', async ({
  page,
}) => {
  const dataDir = olderStore();
  host = await startHostProcess(dataDir, 0, { profile: null, args: ['--test-upgrade', 'slow'] });
  await page.goto(host.openUrl);
  await expect(page.getByRole('heading', { name: 'Upgrading your archive…' })).toBeVisible();
  const status = page.getByRole('status');
  await expect(status).toContainText('Step 2 of 2: a slow test step');
  await expect(status).toContainText(/\d+ of 50 \(\d+%\)/);
  await expect(page.getByRole('progressbar', { name: 'Upgrade progress' })).toBeVisible();
  // The app opens by itself when the upgrade is done; the article written before is there.
  await page.getByRole('textbox', { name: 'Your name' }).fill('Nadia Ait');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('heading', { name: 'Articles' })).toBeVisible();
  await expect(page.getByText('Grève à la SNCF').first()).toBeVisible();
});

test('an upgrade that fails says so, and the archive is left exactly as it was', async ({ page }) => {
  const dataDir = olderStore();
  host = await startHostProcess(dataDir, 0, { profile: null, args: ['--test-upgrade', 'fail'] });
  await page.goto(host.openUrl);
  await expect(page.getByRole('heading', { name: 'Upgrading your archive…' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your archive could not be upgraded' })).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByText(/Nothing was changed/)).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('on purpose');
  await host.stop();
  host = undefined;
  const db = new Database(join(dataDir, 'redac.sqlite3'), { readonly: true });
  expect(db.pragma('user_version', { simple: true })).toBe(OLD_VERSION);
  expect(db.prepare('SELECT headline FROM articles').pluck().all()).toEqual(['Grève à la SNCF']);
  db.close();

  // Started again (without the hook), it upgrades and opens.
  host = await startHostProcess(dataDir, 0, { profile: null });
  await page.goto(host.openUrl);
  await page.getByRole('textbox', { name: 'Your name' }).fill('Nadia Ait');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Grève à la SNCF').first()).toBeVisible();
});
