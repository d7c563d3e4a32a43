import { _electron as electron, expect, test } from '@playwright/test';
import { newDataDir } from './support/host';
import { APP_ROOT, electronUnavailable } from './support/electronApp';

const unavailable = electronUnavailable();
if (unavailable) console.log(`[electron.spec] skipped: ${unavailable}`);

test.describe('the desktop app', () => {
  test.skip(unavailable !== undefined, `Skipped: ${unavailable ?? ''}`);

  test('keeps what was typed across closing and reopening the app', async () => {
    const dataDir = newDataDir();
    const launch = () =>
      electron.launch({ args: [APP_ROOT], env: { ...process.env, REDAC_DATA_DIR: dataDir } });

    let app = await launch();
    let page = await app.firstWindow();
    // A new data folder: the first-run screen asks who uses this desk.
    await page.getByRole('textbox', { name: 'Your name' }).fill('Nadia Ait');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('button', { name: 'New article' }).click();
    await page.getByRole('textbox', { name: 'Headline' }).fill('Sommet de l’UA : « accord historique »');
    await page.getByRole('textbox', { name: 'Body' }).click();
    await page.keyboard.insertText('قال المتحدث إن الاتفاق تاريخي.');
    await expect(page.getByRole('status')).toHaveText('Saved');
    await app.close();

    app = await launch();
    page = await app.firstWindow();
    await page
      .getByRole('navigation', { name: 'Articles' })
      .getByRole('button', { name: /Sommet de l’UA/ })
      .click();
    await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveValue(
      'Sommet de l’UA : « accord historique »',
    );
    await expect(page.getByRole('textbox', { name: 'Body' })).toHaveText('قال المتحدث إن الاتفاق تاريخي.');
    // The sandboxed renderer has no node: no require, no process.
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    await app.close();
  });
});
