import { expect, test } from '@playwright/test';
import { wordpressSite } from '../support/wordpress';
import { newDataDir, startHostProcess, type HostProcess } from './support/host';

// WordPress on a loaded, shared machine can take seconds per answer: its steps get room.
test.setTimeout(90_000);
const WP_ANSWER = { timeout: 20_000 };

let host: HostProcess | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

test('a publisher adds a WordPress site, tests the connection and sees who it logs in as', async ({
  page,
}) => {
  const wp = wordpressSite();
  host = await startHostProcess(newDataDir());
  await page.goto(host.openUrl);
  await page.getByRole('button', { name: 'Sites' }).click();
  await expect(page.getByRole('heading', { name: 'Sites' })).toBeVisible();

  await page.getByRole('textbox', { name: 'Site URL' }).fill(wp.url);
  await page.getByRole('textbox', { name: 'Username' }).fill('editor');
  await page.getByLabel('Application Password').fill('not the right one');
  await page.getByRole('button', { name: 'Test connection', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText(
    'refused this username and Application Password',
    WP_ANSWER,
  );

  await page.getByLabel('Application Password').fill(wp.users.editor.applicationPassword);
  await page.getByRole('button', { name: 'Test connection', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Connected as Éditrice Redac (editor).', WP_ANSWER);
  await page.getByRole('button', { name: 'Add site' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: wp.url })).toBeVisible();

  // A second site, with the author's weaker rights: the screen says WordPress will filter its HTML.
  await page.getByRole('textbox', { name: 'Site URL' }).fill(`${wp.url}/wp-json/`);
  await page.getByRole('textbox', { name: 'Username' }).fill('author');
  await page.getByLabel('Application Password').fill(wp.users.author.applicationPassword);
  await page.getByRole('button', { name: 'Add site' }).click();
  const items = page.getByRole('listitem');
  await expect(items).toHaveCount(2);
  await items
    .nth(1)
    .getByRole('button', { name: /Test connection/ })
    .click();
  await expect(items.nth(1).getByRole('status')).toContainText(
    'Connected as Auteur Redac (author).',
    WP_ANSWER,
  );
  await expect(items.nth(1).getByRole('status')).toContainText('WordPress will filter the HTML', WP_ANSWER);

  // Sites and passwords survive a restart; the password is nowhere in the page.
  const dataDir = host.dataDir;
  await host.stop();
  host = await startHostProcess(dataDir);
  await page.goto(host.openUrl);
  await page.getByRole('button', { name: 'Sites' }).click();
  await page
    .getByRole('listitem')
    .first()
    .getByRole('button', { name: /Test connection/ })
    .click();
  await expect(page.getByRole('listitem').first().getByRole('status')).toContainText(
    'Éditrice Redac',
    WP_ANSWER,
  );
  expect(await page.content()).not.toContain(wp.users.editor.applicationPassword);
});
