import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { newDataDir, startHostProcess, type HostProcess } from './support/host';

let host: HostProcess | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

test('Ctrl+K finds an article whatever its accents, highlights the words and opens it', async ({ page }) => {
  host = await startHostProcess(newDataDir());
  await page.goto(host.openUrl);
  for (const headline of ['La cybercriminalité explose en Europe', 'Météo : orages attendus']) {
    await page.getByRole('button', { name: 'New article' }).click();
    await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveValue('');
    await page.getByRole('textbox', { name: 'Headline' }).fill(headline);
    await expect(page.getByRole('status').first()).toHaveText('Saved');
  }

  await page.getByRole('textbox', { name: 'Headline' }).click();
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Search the archive' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // In the body Ctrl+K makes a link; Ctrl+Shift+K still reaches the search.
  await page.getByRole('textbox', { name: 'Body' }).click();
  await page.keyboard.press('Control+Shift+K');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('searchbox', { name: 'Search the archive' }).fill('CYBERCRIMINALITE');
  const results = dialog.getByRole('list', { name: 'Results' });
  await expect(results.getByRole('button')).toHaveCount(1);
  await expect(results.locator('mark')).toHaveText(['cybercriminalité']);
  await expect(dialog.getByRole('status')).toHaveText('1 article');

  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export results as ninjs (JSON)' }).click();
  const file = await download;
  const exported = JSON.parse(await readFile((await file.path())!, 'utf8')) as {
    headlines: { value: string }[];
  };
  expect(exported.headlines[0]!.value).toBe('La cybercriminalité explose en Europe');

  await dialog.getByRole('searchbox', { name: 'Search the archive' }).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveValue(
    'La cybercriminalité explose en Europe',
  );
});
