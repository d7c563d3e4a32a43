import { expect, test } from '@playwright/test';
import { imageFixturePath } from '../support/images';
import { body, newArticle, openApp, reopen, saved, storedArticle, tool } from './support/editor';
import type { HostProcess } from './support/host';
import {
  NADIA,
  panel,
  review,
  selectedText,
  selectInBody,
  setPerson,
  thread,
  typographyOff,
  writeComment,
} from './support/review';

let host: HostProcess | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

test('a comment on a selection: reply, resolve, reopen, and it is all there after a reload', async ({
  page,
}) => {
  host = await openApp(page);
  await setPerson(host, NADIA);
  await newArticle(page);
  await page.getByRole('textbox', { name: 'Headline' }).fill('Conseil municipal');
  await body(page).click();
  await typographyOff(page);
  await page.keyboard.type('Le maire de Lyon a parlé hier soir.');
  await selectInBody(page, 3, 13);
  expect(await selectedText(page)).toBe('maire de Lyon');

  await review(page).getByRole('button', { name: 'Comment', exact: true }).click();
  await writeComment(page, 'Quel maire ? Donner son nom.');
  const first = thread(page, 'maire de Lyon');
  await expect(first).toContainText('Quel maire ? Donner son nom.');
  await expect(first).toContainText('Nadia Ouali');
  await expect(first).toContainText('NO');
  // The commented words carry the anchor in the body.
  await expect(body(page).locator('.comment-anchor')).toHaveText('maire de Lyon');

  await first.getByRole('textbox', { name: 'Reply' }).fill('Grégory Doucet.');
  await first.getByRole('button', { name: 'Reply' }).click();
  await expect(first.getByRole('listitem')).toHaveCount(2);
  const anchor = body(page).locator('.comment-anchor');
  const highlight = await anchor.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(highlight).not.toBe('rgba(0, 0, 0, 0)');
  await first.getByRole('button', { name: 'Resolve' }).click();
  await expect(first).toContainText('Resolved by Nadia Ouali');
  await expect(first.getByRole('textbox', { name: 'Reply' })).toHaveCount(0);
  // A resolved thread's text is no longer highlighted.
  await expect(anchor).toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');
  await first.getByRole('button', { name: 'Reopen' }).click();
  await expect(first.getByRole('button', { name: 'Resolve' })).toBeVisible();
  await expect(anchor).toHaveCSS('background-color', highlight);

  // A whole-field comment on the headline comes first in the panel.
  await page.getByRole('button', { name: 'Comment on headline' }).click();
  await writeComment(page, 'Trop vague.');
  await expect(panel(page).getByRole('listitem', { name: /^Thread on/ })).toHaveCount(2);
  await expect(
    panel(page)
      .getByRole('listitem', { name: /^Thread on/ })
      .first(),
  ).toContainText('Headline');
  await expect(thread(page, 'Conseil municipal')).toContainText('Trop vague.');

  // Ctrl/Cmd+Alt+M comments on the selection too.
  await selectInBody(page, 25, 9);
  await page.keyboard.press('Control+Alt+M');
  await writeComment(page, 'Heure exacte ?');
  await saved(page);

  await reopen(page, /Conseil municipal/);
  const threads = panel(page).getByRole('listitem', { name: /^Thread on/ });
  await expect(threads).toHaveCount(3);
  await expect(threads.nth(0)).toHaveAccessibleName('Thread on “Conseil municipal”');
  await expect(threads.nth(1)).toHaveAccessibleName('Thread on “maire de Lyon”');
  await expect(threads.nth(2)).toHaveAccessibleName('Thread on “hier soir”');
  await expect(thread(page, 'maire de Lyon')).toContainText('Grégory Doucet.');

  // Clicking a body thread selects its text.
  await thread(page, 'hier soir').getByRole('button', { name: 'hier soir' }).click();
  expect(await selectedText(page)).toBe('hier soir');
});

test('a thread whose text was deleted stays, shown as Detached; typing around its text keeps it attached', async ({
  page,
}) => {
  host = await openApp(page);
  await setPerson(host, NADIA);
  await newArticle(page);
  await page.getByRole('textbox', { name: 'Headline' }).fill('Crue');
  await body(page).click();
  await typographyOff(page);
  await page.keyboard.type('La Seine monte vite ce matin.');
  await selectInBody(page, 9, 10);
  await review(page).getByRole('button', { name: 'Comment', exact: true }).click();
  await writeComment(page, 'Chiffres ?');
  const t = thread(page, 'monte vite');

  // Typing before and inside the range: the anchor follows.
  await selectInBody(page, 0, 0);
  await page.keyboard.type('Hier, ');
  await selectInBody(page, 21, 0);
  await page.keyboard.type('très ');
  await expect(body(page).locator('.comment-anchor')).toHaveText('monte très vite');
  await saved(page);
  await expect(t).not.toContainText('Detached');

  // Deleting all of it detaches the thread, which keeps its quote and comments.
  await selectInBody(page, 15, 15);
  expect(await selectedText(page)).toBe('monte très vite');
  await page.keyboard.press('Backspace');
  await saved(page);
  await expect(t).toContainText('Detached');
  await expect(t).toContainText('Chiffres ?');
  const stored = await storedArticle(page, 'Crue');
  expect(JSON.stringify(stored.body)).not.toContain('"comment"');

  await reopen(page, /Crue/);
  await expect(thread(page, 'monte vite')).toContainText('Detached');
});

test('captions take comments: the featured image’s and an inline image’s', async ({ page }) => {
  host = await openApp(page);
  await setPerson(host, NADIA);
  await newArticle(page);
  await page.getByRole('textbox', { name: 'Headline' }).fill('Port de Marseille');
  await page.getByLabel('Featured image', { exact: true }).setInputFiles(imageFixturePath('red.png'));
  await page.getByRole('textbox', { name: 'Caption', exact: true }).fill('Le Vieux-Port au matin');
  await page.getByRole('button', { name: 'Comment on caption' }).click();
  await writeComment(page, 'Quel jour ?');
  await expect(thread(page, 'Le Vieux-Port au matin')).toContainText('Featured image caption');

  await body(page).click();
  await page.keyboard.type('Les bateaux rentrent.');
  const chooser = page.waitForEvent('filechooser');
  await tool(page, 'Image').click();
  await (await chooser).setFiles(imageFixturePath('blue.jpg'));
  await page.getByRole('textbox', { name: 'Image caption' }).fill('Des chalutiers');
  await page.getByRole('button', { name: 'Comment on image caption' }).click();
  await writeComment(page, 'Crédit photo ?');
  const inline = thread(page, 'Des chalutiers');
  await expect(inline).toContainText('Image caption');
  await expect(inline).not.toContainText('Detached');
  await saved(page);

  await reopen(page, /Port de Marseille/);
  await expect(panel(page).getByRole('listitem', { name: /^Thread on/ })).toHaveCount(2);
  await expect(thread(page, 'Des chalutiers')).toContainText('Crédit photo ?');
  await expect(thread(page, 'Des chalutiers')).not.toContainText('Detached');
});
