import { expect, test } from '@playwright/test';
import { newDataDir, startHostProcess, type HostProcess } from './support/host';

let host: HostProcess | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

test('History shows what changed between two revisions and restores an old one as a new revision', async ({
  page,
}) => {
  host = await startHostProcess(newDataDir());
  await page.goto(host.openUrl);
  await page.getByRole('button', { name: 'New article' }).click();
  await page.getByRole('textbox', { name: 'Headline' }).fill('Le maire démissionne');
  await expect(page.getByRole('status').first()).toHaveText('Saved');

  await page.getByRole('button', { name: 'History' }).click();
  const dialog = page.getByRole('dialog', { name: 'History' });
  const revisions = dialog.getByRole('list', { name: 'Revisions' });
  await expect(revisions.getByRole('listitem')).toHaveCount(2);
  await expect(revisions.getByRole('listitem').last()).toContainText('Created');
  const headline = dialog.getByRole('region', { name: 'Headline' });
  await expect(headline.locator('ins')).toHaveText('Le maire démissionne');

  await dialog.getByRole('button', { name: 'Restore revision 1' }).click();
  await expect(dialog.getByText('Revision 1 was restored as a new revision.')).toBeVisible();
  await expect(revisions.getByRole('listitem')).toHaveCount(3);
  await expect(revisions.getByRole('listitem').first()).toContainText('Restored');
  await dialog.getByRole('button', { name: 'Close history' }).click();
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveValue('');
});
