import { expect, type Locator, type Page } from '@playwright/test';
import { newDataDir, startHostProcess, type HostProcess } from './host';

export const NNBSP = '\u202f';
export const NBSP = '\u00a0';

/** Starts a host on a fresh store and opens its page. */
export async function openApp(page: Page): Promise<HostProcess> {
  const host = await startHostProcess(newDataDir());
  await page.goto(host.openUrl);
  await expect(page.getByRole('heading', { name: 'Articles' })).toBeVisible();
  return host;
}

export async function newArticle(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'New article' }).click();
  // The previous article's headline stays on screen until the new one opens: wait for the empty one.
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveValue('');
}

export const body = (page: Page): Locator => page.getByRole('textbox', { name: 'Body' });
export const tool = (page: Page, name: string): Locator =>
  page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name, exact: true });

export async function saved(page: Page): Promise<void> {
  await expect(page.getByRole('status')).toHaveText('Saved');
}

/** Reloads the page and opens the article whose headline starts like this, as a person would. */
export async function reopen(page: Page, headline: string | RegExp): Promise<void> {
  await page.reload();
  await page
    .getByRole('navigation', { name: 'Articles' })
    .getByRole('button', { name: headline })
    .first()
    .click();
  await expect(body(page)).toBeVisible();
}

/** The stored article, straight from the store through the page's own transport. */
export async function storedArticle(page: Page, headlineStart: string): Promise<Record<string, unknown>> {
  return page.evaluate(async (start) => {
    const post = async (channel: string, input: unknown) =>
      (await (
        await fetch(`/ipc/${channel}`, {
          method: 'POST',
          body: JSON.stringify(input),
          headers: { 'content-type': 'application/json' },
        })
      ).json()) as { value: unknown };
    const list = (await post('articles:list', {})).value as { id: string; headline: string }[];
    const found = list.find((a) => a.headline.startsWith(start));
    if (!found) throw new Error(`no article starting with ${start}`);
    return (await post('articles:get', { id: found.id })).value as Record<string, unknown>;
  }, headlineStart);
}

/** The body's HTML as a reader's page would carry it: tags and hrefs only (no editor attributes). */
export async function readerHtml(page: Page): Promise<string> {
  return body(page).evaluate((root) => {
    const clone = root.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('.ProseMirror-trailingBreak, .ProseMirror-separator').forEach((n) => n.remove());
    // Node views' wrappers are the editor's, not the article's.
    clone.querySelectorAll('.react-renderer').forEach((n) => n.replaceWith(...n.childNodes));
    clone.querySelectorAll('*').forEach((el) => {
      for (const attr of [...el.attributes]) if (attr.name !== 'href') el.removeAttribute(attr.name);
    });
    return clone.innerHTML;
  });
}

/**
 * Puts HTML and text on the system clipboard, as Word or a browser does when copying, then pastes it with the
 * keyboard into whatever has the focus: Ctrl+V, or Ctrl+Shift+V for plain text. Needs the clipboard
 * permissions (test.use({ permissions: ['clipboard-read', 'clipboard-write'] })).
 */
export async function paste(page: Page, html: string, text: string, plain = false): Promise<void> {
  await page.evaluate(
    async (data) => {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/html': new Blob([data.html], { type: 'text/html' }),
          'text/plain': new Blob([data.text], { type: 'text/plain' }),
        }),
      ]);
    },
    { html, text },
  );
  await page.keyboard.press(plain ? 'Control+Shift+V' : 'Control+V');
}

/**
 * Delivers a paste event carrying this HTML untouched, as a native application's clipboard can (Chromium
 * sanitizes what a page writes to the clipboard, so this is how an unsanitized payload reaches the editor).
 */
export async function dispatchPaste(page: Page, html: string, text: string): Promise<void> {
  await body(page).evaluate(
    (target, data) => {
      const transfer = new DataTransfer();
      transfer.setData('text/html', data.html);
      transfer.setData('text/plain', data.text);
      target.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
      );
    },
    { html, text },
  );
}
