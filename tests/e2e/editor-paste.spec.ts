import { expect, test } from '@playwright/test';
import { CLEANED, PASTE_FIXTURES, pasteFixture } from '../support/pasteFixtures';
import {
  body,
  dispatchPaste,
  newArticle,
  openApp,
  paste,
  readerHtml,
  saved,
  storedArticle,
} from './support/editor';
import type { HostProcess } from './support/host';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

let host: HostProcess | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

for (const name of PASTE_FIXTURES.filter((n) => n !== 'xss')) {
  test(`pasting from ${name} keeps headings, bold, italic, links and lists, and nothing else`, async ({
    page,
  }) => {
    host = await openApp(page);
    await newArticle(page);
    await page.getByRole('textbox', { name: 'Headline' }).fill(`Collé depuis ${name}`);
    await body(page).click();
    await paste(page, pasteFixture(name), 'texte brut');
    await expect.poll(() => readerHtml(page)).toBe(CLEANED[name]);
    await saved(page);
    const stored = JSON.stringify((await storedArticle(page, `Collé depuis ${name}`)).body);
    expect(stored).not.toMatch(/style=|font-|color:|mso-|javascript|script|iframe|onerror|"class":"/i);
    expect(stored).not.toMatch(/"type":"(image|embed|underline|strike|superscript)"/);
  });
}

test('script, onerror, javascript: links and iframes arriving by paste never run and never reach the store', async ({
  page,
}) => {
  host = await openApp(page);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await newArticle(page);
  await page.getByRole('textbox', { name: 'Headline' }).fill('Tentative XSS');
  await body(page).click();
  // Raw, as another application's clipboard may hold it, and through Chromium's own clipboard.
  await dispatchPaste(page, pasteFixture('xss'), 'texte');
  await page.keyboard.press('Enter');
  await paste(page, pasteFixture('xss'), 'texte');
  await page.keyboard.press('Enter');
  // The same payload as plain text stays text.
  await paste(page, pasteFixture('xss'), '<img src=x onerror="window.__pwned=\'plain\'">', true);
  await page.waitForTimeout(500);
  await saved(page);

  expect(await page.evaluate(() => (window as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  await expect(page.locator('iframe, object, embed, script:not([src]), svg, math')).toHaveCount(0);
  await expect(body(page).locator('img')).toHaveCount(0);
  await expect(body(page).locator('[onerror], [onload], [onmouseover], [onclick]')).toHaveCount(0);
  await expect(body(page).locator('a')).toHaveCount(0);
  await expect(body(page)).toContainText('<img src=x onerror="window.__pwned=\'plain\'">');

  const stored = await storedArticle(page, 'Tentative XSS');
  // Typed text may say anything; what matters is that no node, mark or attribute carries it.
  const json = JSON.stringify(stored.body).replace(/"text":"(?:[^"\\]|\\.)*"/g, '"text":""');
  expect(json).not.toMatch(/javascript|<script|"script"|iframe|onerror|onload|onmouseover|srcdoc|data:text/i);
  expect(json).not.toMatch(/"type":"(image|embed|link)"/);
  // Chromium reports hostile attributes as it parses them into the cleaner's inert document: each report is
  // the CSP refusing them (a second wall behind the cleaner), never something that ran.
  for (const violation of violations) expect(violation).toMatch(/has been blocked/);
});

test('Ctrl+Shift+V pastes plain text, whatever the clipboard holds', async ({ page }) => {
  host = await openApp(page);
  await newArticle(page);
  await page.getByRole('textbox', { name: 'Headline' }).fill('Collage brut');
  await body(page).click();
  await paste(page, pasteFixture('word'), 'Crue de la Seine\nLe niveau monte.', true);
  await expect.poll(() => readerHtml(page)).toBe('<p>Crue de la Seine</p><p>Le niveau monte.</p>');
  // The next ordinary paste is rich again.
  await page.keyboard.press('Enter');
  await paste(page, '<p><strong>gras</strong></p>', 'gras');
  await expect(body(page).locator('strong')).toHaveText('gras');
});
