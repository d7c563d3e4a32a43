import { expect, test } from '@playwright/test';
import { body, NBSP, newArticle, NNBSP, openApp, reopen, saved, storedArticle, tool } from './support/editor';
import type { HostProcess } from './support/host';

let host: HostProcess | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

test('French typography is applied as the writer types, and "Fix typography" mends the rest', async ({
  page,
}) => {
  host = await openApp(page);
  await newArticle(page);
  await expect(tool(page, 'French typography')).toHaveAttribute('aria-pressed', 'true');
  await body(page).click();
  await page.keyboard.type(
    "Le maire l'a dit: «nous resterons»... Vraiment? Oui! Rendez-vous à 10:30 sur https://example.org/?a=1;b=2",
  );
  const typed = `Le maire l’a dit${NBSP}: «${NNBSP}nous resterons${NNBSP}»… Vraiment${NNBSP}? Oui${NNBSP}! Rendez-vous à 10:30 sur https://example.org/?a=1;b=2`;
  await expect.poll(() => body(page).locator('p').first().textContent()).toBe(typed);

  // Backspace right after a correction takes it back; the next one deletes as usual.
  await page.keyboard.type(' Quoi?');
  await expect(body(page).locator('p').first()).toHaveText(`${typed} Quoi${NNBSP}?`);
  await page.keyboard.press('Backspace');
  await expect(body(page).locator('p').first()).toHaveText(`${typed} Quoi?`);
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await expect(body(page).locator('p').first()).toHaveText(typed);

  // Switched off, text stays exactly as typed; "Fix typography" then mends body and fields in one go.
  await tool(page, 'French typography').click();
  await page.keyboard.press('Enter');
  await page.keyboard.type("Pourquoi? Parce que... c'est ainsi: voilà.");
  await expect(body(page).locator('p').nth(1)).toHaveText("Pourquoi? Parce que... c'est ainsi: voilà.");
  await page.getByRole('textbox', { name: 'Headline' }).fill("L'heure des comptes: «bilan»");
  await page.getByRole('textbox', { name: 'Kicker' }).fill('Municipales!');
  await tool(page, 'Fix typography').click();
  await expect(page.getByText(/Typography: \d+ corrections\./)).toBeVisible();
  await expect(body(page).locator('p').nth(1)).toHaveText(
    `Pourquoi${NNBSP}? Parce que… c’est ainsi${NBSP}: voilà.`,
  );
  await expect(body(page).locator('p').first()).toHaveText(typed);
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveValue(
    `L’heure des comptes${NBSP}: «${NNBSP}bilan${NNBSP}»`,
  );
  await expect(page.getByRole('textbox', { name: 'Kicker' })).toHaveValue(`Municipales${NNBSP}!`);
  // One undo takes the whole fix back in the body.
  await body(page).click();
  await page.keyboard.press('Control+Z');
  await expect(body(page).locator('p').nth(1)).toHaveText("Pourquoi? Parce que... c'est ainsi: voilà.");
  await page.keyboard.press('Control+Shift+Z');
  await saved(page);

  await reopen(page, /L’heure des comptes/);
  expect(await body(page).locator('p').allTextContents()).toEqual([
    typed,
    `Pourquoi${NNBSP}? Parce que… c’est ainsi${NBSP}: voilà.`,
  ]);
});

test('find and replace, in the body and the fields, ignoring case and accents unless asked', async ({
  page,
}) => {
  host = await openApp(page);
  await newArticle(page);
  await page.getByRole('textbox', { name: 'Headline' }).fill('Visite à l’Élysée');
  await page.getByRole('textbox', { name: 'Standfirst' }).fill('Le président reçoit à l’elysee.');
  await body(page).click();
  await page.keyboard.insertText('L’ÉLYSÉE a confirmé. Elysée, encore Élysée.');
  await tool(page, 'Find and replace').click();
  const find = page.getByRole('dialog', { name: 'Find and replace' });
  await find.getByRole('searchbox', { name: 'Find' }).fill('elysee');
  await expect(find.getByText('3 in the body, 2 in the other fields.')).toBeVisible();
  await expect(body(page).locator('.find-match')).toHaveCount(3);
  await find.getByRole('checkbox', { name: 'Match accents' }).check();
  await expect(find.getByText('0 in the body, 1 in the other fields.')).toBeVisible();
  await find.getByRole('checkbox', { name: 'Match accents' }).uncheck();
  await find.getByRole('checkbox', { name: 'Match case' }).check();
  await expect(find.getByText('0 in the body, 1 in the other fields.')).toBeVisible();
  await find.getByRole('checkbox', { name: 'Match case' }).uncheck();

  await find.getByRole('button', { name: 'Next match' }).click();
  await expect(find.getByText('Match 1 of 3.')).toBeVisible();
  await find.getByRole('button', { name: 'Next match' }).click();
  await expect(find.getByText('Match 2 of 3.')).toBeVisible();
  await find.getByRole('textbox', { name: 'Replace with' }).fill('Matignon');
  await find.getByRole('button', { name: 'Replace', exact: true }).click();
  await expect(body(page)).toHaveText('L’ÉLYSÉE a confirmé. Matignon, encore Élysée.');
  await find.getByRole('button', { name: 'Replace all' }).click();
  await expect(find.getByText('Replaced 4 occurrences.')).toBeVisible();
  await expect(body(page)).toHaveText('L’Matignon a confirmé. Matignon, encore Matignon.');
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveValue('Visite à l’Matignon');
  await expect(page.getByRole('textbox', { name: 'Standfirst' })).toHaveValue(
    'Le président reçoit à l’Matignon.',
  );
  await find.getByRole('button', { name: 'Close find and replace' }).click();
  await expect(body(page).locator('.find-match')).toHaveCount(0);
  await saved(page);
  const stored = await storedArticle(page, 'Visite');
  expect(JSON.stringify(stored.body)).toContain('L’Matignon a confirmé. Matignon, encore Matignon.');
});
