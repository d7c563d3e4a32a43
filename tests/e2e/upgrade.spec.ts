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
  // Step 1 copied the archive to the backups folder (a blink for one article).
  await expect(status).toContainText('Step 3 of 3: a slow test step');
  await expect(status).toContainText(/\d+ of 50 \(\d+%\)/);
  await expect(page.getByRole('progressbar', { name: 'Upgrade progress' })).toBeVisible();
  // The app opens by itself when the upgrade is done; the article written before is there.
  await page.getByRole('textbox', { name: 'Your name' }).fill('Nadia Ait');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('heading', { name: 'Articles' })).toBeVisible();
  await expect(page.getByText('Grève à la SNCF').first()).toBeVisible();
});

test('started again after Redac was killed during the upgrade, the window says it reuses the copy made before', async ({
  page,
}) => {
  const dataDir = olderStore();
  host = await startHostProcess(dataDir, 0, { profile: null, args: ['--test-upgrade', 'slow'] });
  await page.goto(host.openUrl);
  // The copy is made (step 1), then the migrations run: the process is killed during them.
  await expect(page.getByRole('status')).toContainText('Step 3 of 3: a slow test step');
  const killed = new Promise((resolve) => host!.process.once('exit', resolve));
  host.process.kill('SIGKILL');
  await killed;
  host = undefined;

  host = await startHostProcess(dataDir, 0, { profile: null, args: ['--test-upgrade', 'slow'] });
  await page.goto(host.openUrl);
  await expect(page.getByRole('heading', { name: 'Upgrading your archive…' })).toBeVisible();
  await expect(
    page.getByText(
      /^Reusing the copy of your archive made on .+, before this upgrade was interrupted: the archive has not changed since, so no new copy is needed\./,
    ),
  ).toBeVisible();
  await expect(page.getByRole('status')).toContainText('Step 3 of 3: a slow test step');
  await page.getByRole('textbox', { name: 'Your name' }).fill('Nadia Ait');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Grève à la SNCF').first()).toBeVisible();
  // One copy in the backups folder: the first start's.
  await page.getByRole('button', { name: 'Backups' }).click();
  const dialog = page.getByRole('dialog', { name: 'Backups' });
  await expect(
    dialog.getByRole('button', { name: /^Restore the copy made before the upgrade, .* \(format 14\)/ }),
  ).toHaveCount(1);
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

test('after a failed upgrade, the copy made before it is restored: it is upgraded again and the articles are back', async ({
  page,
}) => {
  const dataDir = olderStore();
  host = await startHostProcess(dataDir, 0, { profile: null, args: ['--test-upgrade', 'fail'] });
  await page.goto(host.openUrl);
  await expect(page.getByRole('heading', { name: 'Your archive could not be upgraded' })).toBeVisible({
    timeout: 20_000,
  });
  // What the damaged-store screen offers: the backups (the pre-upgrade copy first), or start fresh.
  await expect(page.getByRole('button', { name: 'Move the archive aside and start fresh' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Quit Redac' })).toBeVisible();
  await page
    .getByRole('button', { name: /Restore the copy made before the upgrade, .* \(format 14\)/ })
    .click();
  // The host's hook fails only the start's upgrade: the restored copy is upgraded and opens (a copy, a
  // thread's start and the migrations: seconds on a loaded machine, hence the longer wait).
  await expect(page.getByRole('textbox', { name: 'Your name' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('textbox', { name: 'Your name' }).fill('Nadia Ait');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('heading', { name: 'Articles' })).toBeVisible();
  await expect(page.getByText('Grève à la SNCF').first()).toBeVisible();
});

test('with no room for a backup before the upgrade, the window says so and waits for the user to choose', async ({
  page,
}) => {
  const dataDir = olderStore();
  host = await startHostProcess(dataDir, 0, { profile: null, args: ['--test-upgrade', 'no-room'] });
  await page.goto(host.openUrl);
  await expect(
    page.getByRole('heading', { name: 'No backup could be made before the upgrade' }),
  ).toBeVisible();
  await expect(page.getByRole('alert')).toContainText(
    /needs [\d,]+ MB of free disk space and only 0 MB are free/,
  );
  await expect(page.getByRole('status')).toContainText(
    'Step 1 of 2: copying your archive to the backups folder first',
  );
  // Nothing was migrated while it waits.
  const db = new Database(join(dataDir, 'redac.sqlite3'), { readonly: true });
  expect(db.pragma('user_version', { simple: true })).toBe(OLD_VERSION);
  db.close();

  await page.getByRole('button', { name: 'Upgrade without a backup' }).click();
  await expect(page.getByRole('textbox', { name: 'Your name' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('textbox', { name: 'Your name' }).fill('Nadia Ait');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Grève à la SNCF').first()).toBeVisible();
});

test('with no room for a backup before the upgrade, quitting stops Redac and leaves the archive as it was', async ({
  page,
}) => {
  const dataDir = olderStore();
  host = await startHostProcess(dataDir, 0, { profile: null, args: ['--test-upgrade', 'no-room'] });
  const exited = new Promise<number | null>((resolve) => host!.process.once('exit', resolve));
  await page.goto(host.openUrl);
  await page.getByRole('button', { name: 'Quit Redac' }).click();
  await expect(page.getByText('Redac has stopped. You can close this window.')).toBeVisible();
  expect(await exited).toBe(0);
  const db = new Database(join(dataDir, 'redac.sqlite3'), { readonly: true });
  expect(db.pragma('user_version', { simple: true })).toBe(OLD_VERSION);
  expect(db.prepare('SELECT headline FROM articles').pluck().all()).toEqual(['Grève à la SNCF']);
  db.close();
});
