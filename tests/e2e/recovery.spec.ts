import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newDataDir, startHostProcess, type HostProcess } from './support/host';

let host: HostProcess | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

test('a damaged store shows a recovery screen; moving it aside starts a fresh store', async ({ page }) => {
  const dataDir = newDataDir();
  writeFileSync(join(dataDir, 'redac.sqlite3'), 'this is not a database '.repeat(400));
  host = await startHostProcess(dataDir);
  await page.goto(host.openUrl);
  await expect(page.getByRole('heading', { name: 'The article store could not be opened' })).toBeVisible();
  await page.getByRole('button', { name: 'Move the damaged file aside and start fresh' }).click();
  // A fresh store does not know who uses the desk yet: the first-run screen asks.
  await page.getByRole('textbox', { name: 'Your name' }).fill('Nadia Ait');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('heading', { name: 'Articles' })).toBeVisible();
  await page.getByRole('button', { name: 'New article' }).click();
  await page.getByRole('textbox', { name: 'Headline' }).fill('Après la panne');
  await expect(page.getByRole('status').first()).toHaveText('Saved');
});
