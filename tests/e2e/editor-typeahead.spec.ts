import { expect, test, type Page } from '@playwright/test';
import { body, newArticle, openApp, readerHtml, reopen, saved } from './support/editor';
import type { HostProcess } from './support/host';

let host: HostProcess | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

interface Key {
  key: string;
  code: string;
  keyCode: number;
  text?: string;
  /** CDP modifier bits: Alt 1, Ctrl 2, Meta 4, Shift 8. */
  modifiers?: number;
}

const letter = (c: string): Key => ({ key: c, code: '', keyCode: 0, text: c });
const word = (text: string): Key[] => [...text].map(letter);
const ENTER: Key = { key: 'Enter', code: 'Enter', keyCode: 13, text: '\r' };
const HEADING_2: Key = { key: '2', code: 'Digit2', keyCode: 50, modifiers: 3 };
const BLOCKQUOTE: Key = { key: 'B', code: 'KeyB', keyCode: 66, modifiers: 10 };

/**
 * The writer types ahead while the page is busy (a save being prepared, a collection, a slow machine): every
 * key waits in the queue, then the page handles them back to back with no frame drawn in between. Sent over
 * CDP without waiting for each one, as a keyboard does; Playwright's own `type` waits for each key.
 */
async function typeAheadWhileBusy(page: Page, keys: Key[]): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await page.evaluate(() => {
    setTimeout(() => {
      const until = performance.now() + 200;
      while (performance.now() < until);
    }, 0);
  });
  await page.waitForTimeout(20);
  const send = (type: 'keyDown' | 'keyUp', k: Key) =>
    cdp.send('Input.dispatchKeyEvent', {
      type,
      key: k.key,
      code: k.code,
      windowsVirtualKeyCode: k.keyCode,
      nativeVirtualKeyCode: k.keyCode,
      modifiers: k.modifiers ?? 0,
      ...(type === 'keyDown' && k.text ? { text: k.text, unmodifiedText: k.text } : {}),
    });
  await Promise.all(keys.flatMap((k) => [send('keyDown', k), send('keyUp', k)]));
  await cdp.detach();
}

test('letters typed ahead into a block just made (Enter, a heading, a quote) land in it, in order', async ({
  page,
}) => {
  host = await openApp(page);
  await newArticle(page);
  await page.getByRole('textbox', { name: 'Headline' }).fill('Frappe rapide');
  await body(page).click();
  await page.keyboard.type('Un');

  for (const n of [1, 2, 3]) {
    // From the second round the caret is on the quote's line: the first Enter opens a line in the quote,
    // the second takes it out of the quote.
    await typeAheadWhileBusy(page, [...(n > 1 ? [ENTER] : []), ENTER, ...word(`Deux${n}`)]);
    await expect(body(page).locator(':scope > p').last()).toHaveText(`Deux${n}`);
    await typeAheadWhileBusy(page, [ENTER, HEADING_2, ...word(`Titre${n}`)]);
    await expect(body(page).locator('h2').last()).toHaveText(`Titre${n}`);
    await typeAheadWhileBusy(page, [ENTER, BLOCKQUOTE, ...word(`cité${n}`)]);
    await expect(body(page).locator('blockquote').last()).toHaveText(`cité${n}`);
  }

  const expected =
    '<p>Un</p>' +
    [1, 2, 3]
      .map((n) => `<p>Deux${n}</p><h2>Titre${n}</h2><blockquote><p>cité${n}</p></blockquote>`)
      .join('');
  await saved(page);
  await reopen(page, /Frappe rapide/);
  expect(await readerHtml(page)).toBe(expected);
});
