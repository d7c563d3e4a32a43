import { expect, test } from '@playwright/test';
import { resolve } from 'node:path';
import { newDataDir, startHostProcess, type HostProcess } from './support/host';

let host: HostProcess | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

test('importing a WordPress export shows counts and the skipped items, and the articles appear in the list', async ({
  page,
}) => {
  host = await startHostProcess(newDataDir());
  await page.goto(host.openUrl);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import articles' });
  await dialog
    .getByRole('textbox', { name: 'File on this computer' })
    .fill(resolve(__dirname, '../fixtures/wxr/archive.xml'));
  await dialog.getByRole('button', { name: 'Start import' }).click();
  await expect(dialog.getByRole('status')).toContainText('3 imported, 0 already there, 2 ignored, 3 skipped');
  await expect(dialog.getByRole('status')).toContainText('Import finished.');
  await expect(dialog.getByRole('list', { name: 'Problems' }).getByRole('listitem')).toHaveCount(3);
  await dialog.getByRole('button', { name: 'Close import' }).click();
  await expect(
    page
      .getByRole('navigation', { name: 'Articles' })
      .getByRole('button', { name: /Inondations dans le Gard/ }),
  ).toBeVisible();
});
