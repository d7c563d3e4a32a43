import { expect, test } from '@playwright/test';
import { body, newArticle, openApp, readerHtml, reopen, saved, storedArticle } from './support/editor';
import type { HostProcess } from './support/host';

let host: HostProcess | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

const direction = (locator: import('@playwright/test').Locator) =>
  locator.evaluate((el) => getComputedStyle(el).direction);

test('an Arabic article is written right to left, with Arabic spellchecking, and reads so after a reload', async ({
  page,
}) => {
  host = await openApp(page);
  await newArticle(page);
  await page.getByRole('main').getByRole('combobox', { name: 'Language' }).selectOption('ar');
  const headline = page.getByRole('textbox', { name: 'Headline' });
  await expect(headline).toHaveAttribute('dir', 'rtl');
  await expect(headline).toHaveAttribute('lang', 'ar');
  await expect(body(page)).toHaveAttribute('dir', 'rtl');
  await expect(body(page)).toHaveAttribute('lang', 'ar');
  await expect(body(page)).toHaveAttribute('spellcheck', 'true');
  // French typography is a French rule: off for Arabic.
  await expect(page.getByRole('button', { name: 'French typography' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );

  await page.getByRole('textbox', { name: 'Kicker' }).fill('سياسة');
  await headline.fill('الانتخابات الرئاسية: الجولة الثانية');
  await page
    .getByRole('textbox', { name: 'Standfirst' })
    .fill('يتواجه المرشحان مساء اليوم في مناظرة تلفزيونية.');
  await body(page).click();
  await page.keyboard.type('قال المتحدث باسم الحكومة إن النتائج ستعلن غدا؟');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Alt+2');
  await page.keyboard.type('ردود الفعل');
  await expect(page.getByLabel('Body length')).toHaveText('10 words · 56 characters · 1 min read');
  await expect(page.getByRole('textbox', { name: 'Slug' })).toHaveValue('الانتخابات-الرئاسية-الجولة-الثانية');
  await saved(page);

  await reopen(page, /الانتخابات الرئاسية/);
  await expect(body(page)).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('main').getByRole('combobox', { name: 'Language' })).toHaveValue('ar');
  expect(await readerHtml(page)).toBe(
    '<p>قال المتحدث باسم الحكومة إن النتائج ستعلن غدا؟</p><h2>ردود الفعل</h2>',
  );
  for (const block of await body(page).locator('p, h2').all()) expect(await direction(block)).toBe('rtl');
  expect(await direction(page.getByRole('textbox', { name: 'Headline' }))).toBe('rtl');
  const stored = await storedArticle(page, 'الانتخابات');
  expect(stored).toMatchObject({ language: 'ar', kicker: 'سياسة' });
});

test('a French article with an Arabic paragraph gives each paragraph its own direction', async ({ page }) => {
  host = await openApp(page);
  await newArticle(page);
  await page.getByRole('textbox', { name: 'Headline' }).fill('Sommet : réactions à Alger et à Rabat');
  await body(page).click();
  await page.keyboard.insertText('Le ministre a salué « un accord historique ».');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('وقال الوزير إن الاتفاق تاريخي (accord historique) بالنسبة للمنطقة.');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('2024 : «Paris» vu par قال.');
  await page.getByRole('button', { name: 'Right to left', exact: true }).click();
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('Fin.');
  await saved(page);

  await reopen(page, /Sommet : réactions/);
  await expect(body(page)).toHaveAttribute('lang', 'fr');
  const paragraphs = body(page).locator('p');
  await expect(paragraphs).toHaveCount(4);
  expect(
    await paragraphs.evaluateAll((ps) =>
      ps.map((p) => [p.getAttribute('dir'), getComputedStyle(p).direction]),
    ),
  ).toEqual([
    ['auto', 'ltr'],
    ['auto', 'rtl'],
    ['rtl', 'rtl'],
    ['auto', 'ltr'],
  ]);
  // The Arabic paragraph's first letter is on the right: it reads from the right edge.
  const box = await paragraphs.nth(1).boundingBox();
  const range = await paragraphs.nth(1).evaluate((p) => {
    const r = document.createRange();
    r.setStart(p.firstChild!, 0);
    r.setEnd(p.firstChild!, 1);
    return r.getBoundingClientRect().right;
  });
  expect(Math.abs(range - (box!.x + box!.width))).toBeLessThan(4);

  // Switching the article to Arabic turns the editor around; the explicit block keeps its direction.
  await page.getByRole('main').getByRole('combobox', { name: 'Language' }).selectOption('ar');
  await expect(body(page)).toHaveAttribute('dir', 'rtl');
  expect(await direction(paragraphs.nth(0))).toBe('ltr');
  expect(await direction(paragraphs.nth(2))).toBe('rtl');
});
