import { expect, test, type Locator } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { filledDataDir, startHostProcess, type HostProcess } from './support/host';

let host: HostProcess | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

const valueOf = (bar: Locator): Promise<number> => bar.evaluate((el) => (el as HTMLProgressElement).value);

/** The bar is there, its figures read as a user reads them, and it moves forward while one watches. */
async function expectMoving(bar: Locator, status: Locator, what: string): Promise<void> {
  await expect(bar).toBeVisible();
  await expect(status).toContainText(new RegExp(`${what}: \\d+% · [\\d,.\\s]+ MB of [\\d,.\\s]+ MB · `));
  await expect(status).toContainText(/about \d+ s left/);
  const first = await valueOf(bar);
  await expect.poll(() => valueOf(bar), { timeout: 8_000 }).toBeGreaterThan(first);
}

// A backup or a Restore of a 1M-article archive takes one to six minutes. The host's test hook paces every
// copy in fifty steps 200 ms apart, so that a store of a few MB shows its bars as a large one would.
test('a backup and a Restore show how far they are where they were started; a backup can be stopped', async ({
  page,
}) => {
  const dataDir = filledDataDir(250);
  host = await startHostProcess(dataDir, 0, { args: ['--test-backup', 'slow'] });
  await page.goto(host.openUrl);

  // The daily backup started with the app: its bar is in the notice area.
  const daily = page.getByRole('progressbar', { name: 'Backing up the article store' });
  const dailyStatus = page.getByRole('group', { name: 'Backing up the article store' });
  await expectMoving(daily, dailyStatus, 'Backing up the article store');
  await expect(daily).toBeHidden({ timeout: 20_000 });
  expect(readdirSync(join(dataDir, 'backups')).filter((n) => n.endsWith('.sqlite3'))).toHaveLength(1);

  // Back up now: the bar is in the Backups dialog, where the user asked for it.
  await page.getByRole('button', { name: 'Backups' }).click();
  const dialog = page.getByRole('dialog', { name: 'Backups' });
  await dialog.getByRole('button', { name: 'Back up now' }).click();
  const now = dialog.getByRole('progressbar', { name: 'Backing up the article store' });
  await expectMoving(
    now,
    dialog.getByRole('group', { name: 'Backing up the article store' }),
    'Backing up the article store',
  );
  await expect(dialog.getByRole('status').filter({ hasText: 'Backup made.' })).toBeVisible({
    timeout: 20_000,
  });
  await expect(now).toBeHidden();
  const restoreButtons = dialog.getByRole('button', { name: /^Restore the backup of / });
  await expect(restoreButtons).toHaveCount(2);

  // A backup can be stopped from its bar: nothing is written, and it is said so, not as a failure.
  await dialog.getByRole('button', { name: 'Back up now' }).click();
  await expect(now).toBeVisible();
  await dialog.getByRole('button', { name: 'Stop this backup' }).click();
  await expect(
    dialog.getByRole('status').filter({ hasText: 'The backup was stopped; nothing was written.' }),
  ).toBeVisible();
  await expect(now).toBeHidden();
  await expect(restoreButtons).toHaveCount(2);
  expect(readdirSync(join(dataDir, 'backups')).filter((n) => n.includes('.partial'))).toEqual([]);

  // Restore: its bar in the same dialog, then the app reloads on the restored store.
  await restoreButtons.first().click();
  const restoring = dialog.getByRole('progressbar', { name: 'Restoring the backup' });
  await expectMoving(
    restoring,
    dialog.getByRole('group', { name: 'Restoring the backup' }),
    'Restoring the backup',
  );
  // Restored, the page reloads on the restored store: the dialog is gone.
  await expect(dialog).toBeHidden({ timeout: 20_000 });
  await expect(page.getByRole('heading', { name: 'Articles' })).toBeVisible();
  await expect(page.getByText('Titre 249', { exact: true }).first()).toBeVisible();
  expect(readdirSync(dataDir).some((n) => n.startsWith('redac.sqlite3.before-restore-'))).toBe(true);
});
