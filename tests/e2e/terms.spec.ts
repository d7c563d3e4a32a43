import { expect, test } from '@playwright/test';
import { newDataDir, startHostProcess, type HostProcess } from './support/host';
import { ipc, makeArticle } from './support/ipc';

let host: HostProcess | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

test('A desk renames a tag and merges a duplicate into it; the articles follow', async ({ page }) => {
  host = await startHostProcess(newDataDir());
  await page.goto(host.openUrl);
  const economy = await ipc<{ id: number }>(page, 'terms:create', { kind: 'tags', name: 'Economy' });
  const eco = await ipc<{ id: number }>(page, 'terms:create', { kind: 'tags', name: 'Éco' });
  await makeArticle(page, { headline: 'Le budget adopté', tagIds: [economy.id] });
  await makeArticle(page, { headline: 'La dette publique', tagIds: [eco.id, economy.id] });
  await page.reload();

  await page.getByRole('button', { name: 'Tags & sections' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sections, tags and authors' });
  const tags = dialog.getByRole('list', { name: 'Tags' });
  await expect(tags.getByRole('listitem')).toHaveCount(2);

  // A rename onto a name that exists (accents and case aside) is refused and points to merging.
  await dialog.getByRole('button', { name: 'Rename Éco' }).click();
  await dialog.getByRole('textbox', { name: 'New name for Éco' }).fill('ECONOMY');
  await dialog.getByRole('button', { name: 'Save name' }).click();
  await expect(dialog.getByRole('alert')).toContainText('already exists; merge the two instead');
  await dialog.getByRole('textbox', { name: 'New name for Éco' }).fill('Économie');
  await dialog.getByRole('button', { name: 'Save name' }).click();
  await expect(dialog.getByRole('status')).toHaveText('“Éco” is now “Économie”.');

  await dialog.getByRole('button', { name: 'Merge Economy into…' }).click();
  const target = dialog.getByRole('combobox', { name: 'Merge Economy into' });
  await target.fill('Nowhere');
  await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Choose an existing name from the list.');
  await target.fill('economie');
  await expect(dialog.getByText('Every article with “Economy” will have “Économie” instead')).toBeVisible();
  await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(dialog.getByRole('status')).toHaveText('“Economy” merged into “Économie”: 2 articles moved.');
  await expect(tags.getByRole('listitem')).toHaveCount(1);
  await expect(tags.getByRole('listitem')).toContainText('Économie');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Both articles now carry the surviving tag, once, and search finds them by it.
  const list = page.getByRole('navigation', { name: 'Articles' });
  for (const headline of ['Le budget adopté', 'La dette publique']) {
    await list.getByRole('button', { name: new RegExp(headline) }).click();
    await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveValue(headline);
    await expect(page.getByRole('list', { name: 'Chosen Tags' }).getByRole('listitem')).toHaveText([
      'Économie×',
    ]);
  }
  const found = await ipc<{ hits: unknown[] }>(page, 'search:query', { query: 'tag:economie' });
  expect(found.hits).toHaveLength(2);
});
