import { expect, test } from '@playwright/test';
import { newDataDir, startHostProcess, type HostProcess } from './support/host';

let host: HostProcess | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

test('the article list filters by language and moves with the arrow keys', async ({ page }) => {
  host = await startHostProcess(newDataDir());
  await page.goto(host.openUrl);
  const list = page.getByRole('navigation', { name: 'Articles' });
  for (const headline of ['Premier', 'Deuxième', 'Troisième']) {
    await list.getByRole('button', { name: 'New article' }).click();
    // Type only once the new, empty article is open, as a writer would.
    await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveValue('');
    await page.getByRole('textbox', { name: 'Headline' }).fill(headline);
    await expect(page.getByRole('status').first()).toHaveText('Saved');
  }
  await expect(list.getByText('3 articles')).toBeVisible();
  // Saved headlines reach the list through the articles:changed event, which a loaded machine may delay.
  for (const name of [/Premier/, /Deuxième/, /Troisième/]) {
    await expect(list.getByRole('button', { name })).toBeVisible({ timeout: 15_000 });
  }
  await list.getByRole('button', { name: /Troisième/ }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(list.getByRole('button', { name: /Deuxième/ })).toBeFocused();
  await page.keyboard.press('End');
  await expect(list.getByRole('button', { name: /Premier/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveValue('Premier');

  await list.getByRole('combobox', { name: 'Language' }).selectOption('Arabic');
  await expect(list.getByText('No articles yet', { exact: false })).toBeVisible();
  await expect(list.getByText('0 articles')).toBeVisible();
});
