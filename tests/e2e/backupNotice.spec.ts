import { expect, test } from '@playwright/test';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { filledDataDir, startHostProcess, type HostProcess } from './support/host';

let host: HostProcess | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

test('a daily backup the disk cannot take is announced, nothing half-written is offered, and work goes on', async ({
  page,
}) => {
  const dataDir = filledDataDir(250);
  const storeKb = statSync(join(dataDir, 'redac.sqlite3')).size / 1024;
  // The start-up backup stops half way, as it would on a full disk.
  host = await startHostProcess(dataDir, 0, { fileSizeLimitKb: Math.floor(storeKb / 2) });
  await page.goto(host.openUrl);

  const notice = page.getByRole('alert').filter({ hasText: 'Today’s backup could not be written' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('The article store is untouched and 0 earlier backups are kept.');
  await page.getByRole('button', { name: 'Backups' }).click();
  await expect(page.getByText('There is no backup yet.')).toBeVisible();
  expect(readdirSync(join(dataDir, 'backups'))).toEqual([]);
  await page.getByRole('button', { name: 'Close backups' }).click();

  await page.getByRole('button', { name: 'Dismiss the backup notice' }).click();
  await expect(notice).toBeHidden();
  await page.getByRole('button', { name: 'New article' }).click();
  await page.getByRole('textbox', { name: 'Headline' }).fill('Malgré le disque plein');
  await expect(page.getByRole('status').first()).toHaveText('Saved');
});
