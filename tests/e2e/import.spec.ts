import { expect, test } from '@playwright/test';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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

test('a WordPress export’s photos come from the uploads folder beside it; a missing one is named and the article kept', async ({
  page,
}) => {
  // The export as a desk receives it: the XML file with the site's wp-content/uploads folder beside it.
  const dir = mkdtempSync(join(tmpdir(), 'redac-e2e-wxr-'));
  try {
    const file = join(dir, 'quotidien.WordPress.xml');
    copyFileSync(resolve(__dirname, '../fixtures/wxr/photos.xml'), file);
    const uploads = join(dir, 'wp-content', 'uploads', '2024', '03');
    mkdirSync(uploads, { recursive: true });
    copyFileSync(resolve(__dirname, '../fixtures/images/blue.jpg'), join(uploads, 'matignon.jpg'));
    copyFileSync(resolve(__dirname, '../fixtures/images/red.png'), join(uploads, 'carte.png'));

    host = await startHostProcess(newDataDir());
    await page.goto(host.openUrl);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Import articles' });
    await dialog.getByRole('textbox', { name: 'File on this computer' }).fill(file);
    await expect(
      dialog.getByRole('textbox', { name: 'Uploads folder (optional)' }),
    ).toHaveAccessibleDescription(/next to the export file/);
    await dialog.getByRole('button', { name: 'Start import' }).click();
    await expect(dialog.getByRole('status')).toContainText(
      '2 imported, 0 already there, 3 ignored, 0 skipped',
    );
    await expect(dialog.getByRole('status')).toContainText('2 photos not imported');
    await expect(dialog.getByRole('status')).toContainText('Import finished.');
    await expect(dialog.getByRole('list', { name: 'Problems' }).getByRole('listitem')).toHaveText([
      /^item 2 \(line \d+\): The image “https:\/\/agence\.example\/photos\/foule\.jpg” was left out/,
      /^item 2 \(line \d+\): The featured photo “2024\/03\/militants\.jpg” was left out: it is not in the uploads folder/,
    ]);
    await dialog.getByRole('button', { name: 'Close import' }).click();

    await page
      .getByRole('navigation', { name: 'Articles' })
      .getByRole('button', { name: /Matignon : le nouveau Premier ministre/ })
      .click();
    // The featured photo, loaded from the media store, with the caption, alt text and credit WordPress had.
    const featured = page.locator('img.featured-preview');
    await expect(featured).toHaveAttribute('alt', 'La cour de l’hôtel de Matignon');
    await expect
      .poll(() => featured.evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0);
    await expect(page.getByRole('textbox', { name: 'Caption', exact: true })).toHaveValue(
      'Le Premier ministre dans la cour de Matignon.',
    );
    // The IPTC credit WordPress had read from the file.
    await expect(page.getByRole('textbox', { name: 'Credit', exact: true })).toHaveValue('AFP');
    // The figure of the text, with its caption.
    const figure = page.getByRole('img', { name: 'Carte des régions' });
    await expect(figure).toBeVisible();
    await expect.poll(() => figure.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await expect(page.getByRole('textbox', { name: 'Image caption' })).toHaveValue(
      'La nouvelle carte des régions.',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('importing the export again with its uploads folder gives the articles already there their photos', async ({
  page,
}) => {
  // The desk first received the export alone; the uploads folder came later, beside it.
  const dir = mkdtempSync(join(tmpdir(), 'redac-e2e-wxr-'));
  try {
    const file = join(dir, 'quotidien.WordPress.xml');
    copyFileSync(resolve(__dirname, '../fixtures/wxr/photos.xml'), file);
    host = await startHostProcess(newDataDir());
    await page.goto(host.openUrl);
    const importOnce = async () => {
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Import articles' });
      await dialog.getByRole('textbox', { name: 'File on this computer' }).fill(file);
      await dialog.getByRole('button', { name: 'Start import' }).click();
      await expect(dialog.getByRole('status')).toContainText('Import finished.');
      return dialog;
    };
    let dialog = await importOnce();
    await expect(dialog.getByRole('status')).toContainText('2 imported, 0 already there');
    await expect(dialog.getByRole('status')).toContainText('5 photos not imported');
    await dialog.getByRole('button', { name: 'Close import' }).click();
    // The journalist reads the article (opened, not edited) while the uploads folder is being copied.
    await page
      .getByRole('navigation', { name: 'Articles' })
      .getByRole('button', { name: /Matignon : le nouveau Premier ministre/ })
      .click();
    await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveValue(
      'Matignon : le nouveau Premier ministre s’installe',
    );
    await expect(page.locator('img.featured-preview')).toHaveCount(0);

    const uploads = join(dir, 'wp-content', 'uploads', '2024', '03');
    mkdirSync(uploads, { recursive: true });
    copyFileSync(resolve(__dirname, '../fixtures/images/blue.jpg'), join(uploads, 'matignon.jpg'));
    copyFileSync(resolve(__dirname, '../fixtures/images/red.png'), join(uploads, 'carte.png'));
    dialog = await importOnce();
    await expect(dialog.getByRole('status')).toContainText(
      '0 imported, 2 already there, 3 ignored, 0 skipped · 2 articles already there got their photos · 2 photos not imported',
    );
    await dialog.getByRole('button', { name: 'Close import' }).click();

    // The open article shows its photos without being opened again.
    const featured = page.locator('img.featured-preview');
    await expect(featured).toHaveAttribute('alt', 'La cour de l’hôtel de Matignon');
    await expect
      .poll(() => featured.evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0);
    await expect(page.getByRole('img', { name: 'Carte des régions' })).toBeVisible();
    await page.getByRole('button', { name: 'History' }).click();
    const revisions = page.getByRole('dialog', { name: 'History' }).getByRole('list', { name: 'Revisions' });
    await expect(revisions.getByRole('listitem')).toHaveCount(2);
    await expect(revisions.getByRole('listitem').first()).toContainText('Photos added by import');
    await expect(revisions.getByRole('listitem').last()).toContainText('Imported');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
