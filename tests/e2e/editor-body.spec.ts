import { expect, test, type Page } from '@playwright/test';
import { imageFixturePath } from '../support/images';
import { body, newArticle, openApp, readerHtml, reopen, saved, storedArticle, tool } from './support/editor';
import type { HostProcess } from './support/host';

let host: HostProcess | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

/** Types a line, then Enter. */
async function line(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

async function selectBackwards(page: Page, characters: number): Promise<void> {
  for (let i = 0; i < characters; i++) await page.keyboard.press('Shift+ArrowLeft');
}

test('every toolbar button builds the body a reader sees, and it comes back after a reload', async ({
  page,
}) => {
  host = await openApp(page);
  await newArticle(page);
  await page.getByRole('textbox', { name: 'Headline' }).fill('Boutons');
  await body(page).click();
  // Typography as-you-type is tested on its own; here the text must stay as typed.
  await tool(page, 'French typography').click();
  await expect(tool(page, 'French typography')).toHaveAttribute('aria-pressed', 'false');

  for (const level of [2, 3, 4]) {
    await tool(page, `Heading ${level}`).click();
    await line(page, `Titre ${level}`);
  }
  await tool(page, 'Heading 2').click();
  await page.keyboard.type('redevient');
  await tool(page, 'Paragraph').click();
  await page.keyboard.press('Enter');

  for (const [name, text] of [
    ['Bold', 'gras'],
    ['Italic', 'italique'],
    ['Underline', 'souligné'],
    ['Strikethrough', 'barré'],
    ['Superscript', 'e'],
  ] as const) {
    await tool(page, name).click();
    await expect(tool(page, name)).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.type(text);
    await tool(page, name).click();
    await page.keyboard.type(' ');
  }
  await page.keyboard.type('lien');
  await selectBackwards(page, 4);
  await tool(page, 'Link').click();
  const address = page.getByRole('textbox', { name: 'Link address' });
  await address.fill('javascript:alert(1)');
  await page.getByRole('button', { name: 'Apply link' }).click();
  await expect(page.getByText('Only web (http, https) and e-mail (mailto) links are allowed.')).toBeVisible();
  await address.fill('www.lemonde.fr/politique');
  await page.getByRole('button', { name: 'Apply link' }).click();
  await expect(body(page).locator('a')).toHaveAttribute('href', 'https://www.lemonde.fr/politique');
  await page.keyboard.press('End');
  await page.keyboard.type(' retiré');
  await selectBackwards(page, 6);
  await tool(page, 'Link').click();
  await page.getByRole('textbox', { name: 'Link address' }).fill('mailto:desk@example.org');
  await page.getByRole('button', { name: 'Apply link' }).click();
  await expect(tool(page, 'Remove link')).toBeEnabled();
  await tool(page, 'Remove link').click();
  await expect(body(page).locator('a')).toHaveCount(1);
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');

  await tool(page, 'Bullet list').click();
  await line(page, 'puce un');
  await line(page, 'puce deux');
  await page.keyboard.press('Enter');
  await tool(page, 'Numbered list').click();
  await line(page, 'premier');
  await page.keyboard.press('Enter');
  await tool(page, 'Blockquote').click();
  await line(page, 'Une citation');
  await page.keyboard.press('Enter');
  await tool(page, 'Pull quote').click();
  await page.keyboard.type('Nous resterons.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('La maire');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Après la citation.');

  const chooser = page.waitForEvent('filechooser');
  await tool(page, 'Image').click();
  await (await chooser).setFiles(imageFixturePath('blue.jpg'));
  await expect(body(page).locator('figure.body-image img')).toBeVisible();
  await page.getByRole('textbox', { name: 'Image caption' }).fill('Le port');
  await page.getByRole('textbox', { name: 'Image credit' }).fill('Reuters');
  await page.getByRole('textbox', { name: 'Image alt text' }).fill('Des bateaux à quai');

  await body(page).locator('p', { hasText: 'Après la citation.' }).click();
  await page.keyboard.press('End');
  await tool(page, 'Embed').click();
  const url = page.getByRole('textbox', { name: 'Post URL' });
  await url.fill('https://evil.example/watch?v=1');
  await page.getByRole('button', { name: 'Insert embed' }).click();
  await expect(
    page.getByText('Paste the address of a YouTube, X, Instagram or Facebook post.'),
  ).toBeVisible();
  await url.fill('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
  await page.getByRole('button', { name: 'Insert embed' }).click();
  await expect(body(page).locator('figure.embed-card')).toContainText('YouTube');

  await body(page).locator('p', { hasText: 'Après la citation.' }).click();
  await page.keyboard.press('End');
  await tool(page, 'Horizontal rule').click();
  await page.keyboard.type('مرحبا بكم');
  await tool(page, 'Right to left').click();
  await page.keyboard.press('Enter');
  await page.keyboard.type('forcé');
  await tool(page, 'Left to right').click();
  await tool(page, 'Automatic direction').click();
  await tool(page, 'Left to right').click();

  await page.keyboard.type(' à annuler');
  await tool(page, 'Undo').click();
  await expect(body(page)).not.toContainText('à annuler');
  await tool(page, 'Redo').click();
  await expect(body(page)).toContainText('à annuler');

  await tool(page, 'Keyboard shortcuts').click();
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help.getByRole('row', { name: /Ctrl\+B Bold/ })).toBeVisible();
  await expect(help.getByRole('row', { name: /Ctrl\+Alt\+3 Heading 3/ })).toBeVisible();
  await help.getByRole('button', { name: 'Close' }).click();
  await expect(help).toHaveCount(0);

  const expected =
    '<h2>Titre 2</h2><h3>Titre 3</h3><h4>Titre 4</h4><p>redevient</p>' +
    '<p><strong>gras</strong> <em>italique</em> <u>souligné</u> <s>barré</s> <sup>e</sup> <a href="https://www.lemonde.fr/politique">lien</a> retiré</p>' +
    '<ul><li><p>puce un</p></li><li><p>puce deux</p></li></ul>' +
    '<ol><li><p>premier</p></li></ol>' +
    '<blockquote><p>Une citation</p></blockquote>' +
    '<figure><blockquote>Nous resterons.</blockquote><figcaption>La maire</figcaption></figure>' +
    '<p>Après la citation.</p><hr><p>مرحبا بكم</p><p>forcé à annuler</p>';
  await saved(page);
  const before = await readerHtml(page);
  expect(
    before.replace(/<figure><img><figcaption>.*?<\/figcaption><\/figure>|<figure><span>.*?<\/figure>/g, ''),
  ).toBe(expected);
  const directions = await body(page)
    .locator(':scope > p')
    .evaluateAll((ps) => ps.slice(-2).map((p) => [p.getAttribute('dir'), getComputedStyle(p).direction]));
  expect(directions).toEqual([
    ['rtl', 'rtl'],
    ['ltr', 'ltr'],
  ]);

  await reopen(page, /Boutons/);
  expect(await readerHtml(page)).toBe(before);
  const image = body(page).locator('figure.body-image img');
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(80);
  await expect(image).toHaveAttribute('alt', 'Des bateaux à quai');
  await expect(page.getByRole('textbox', { name: 'Image caption' })).toHaveValue('Le port');
  await expect(page.getByRole('textbox', { name: 'Image credit' })).toHaveValue('Reuters');
  await expect(body(page).locator('figure.embed-card')).toHaveAttribute(
    'data-url',
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
  );
  // Nothing remote: no iframe, no script, no foreign image in the editor.
  await expect(page.locator('iframe, script[src^="http"], img[src^="http"]')).toHaveCount(0);

  const stored = await storedArticle(page, 'Boutons');
  const types = (stored.body as { content: { type: string }[] }).content.map((n) => n.type);
  expect(types).toEqual([
    'heading',
    'heading',
    'heading',
    'paragraph',
    'paragraph',
    'bulletList',
    'orderedList',
    'blockquote',
    'pullQuote',
    'paragraph',
    'horizontalRule',
    'paragraph',
    'paragraph',
    'embed',
    'image',
  ]);
});

test('every keyboard shortcut does what its button does', async ({ page }) => {
  host = await openApp(page);
  await newArticle(page);
  await page.getByRole('textbox', { name: 'Headline' }).fill('Raccourcis');
  await body(page).click();
  await page.keyboard.press('Control+Alt+2');
  await line(page, 'Deux');
  await page.keyboard.press('Control+Alt+3');
  await line(page, 'Trois');
  await page.keyboard.press('Control+Alt+4');
  await page.keyboard.type('Quatre');
  await page.keyboard.press('Control+Alt+0');
  await page.keyboard.press('Enter');
  for (const [keys, text] of [
    ['Control+B', 'gras'],
    ['Control+I', 'italique'],
    ['Control+U', 'souligné'],
    ['Control+Shift+S', 'barré'],
    ['Control+.', 'e'],
  ] as const) {
    await page.keyboard.press(keys);
    await page.keyboard.type(text);
    await page.keyboard.press(keys);
    await page.keyboard.type(' ');
  }
  await page.keyboard.type('site');
  await selectBackwards(page, 4);
  await page.keyboard.press('Control+K');
  await expect(page.getByRole('textbox', { name: 'Link address' })).toBeFocused();
  await page.keyboard.type('https://example.org/');
  await page.keyboard.press('Enter');
  await expect(body(page)).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Shift+8');
  await line(page, 'puce');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Shift+7');
  await line(page, 'numéro');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Shift+B');
  await page.keyboard.type('cité');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('fin');
  await page.waitForTimeout(600); // a pause, so the next words are their own undo step
  await page.keyboard.type(' effacée');
  await page.keyboard.press('Control+Z');
  await expect(body(page)).not.toContainText('effacée');
  await page.keyboard.press('Control+Shift+Z');
  await expect(body(page)).toContainText('fin effacée');
  await page.keyboard.press('Control+Z');
  await page.keyboard.press('Control+Y');
  await expect(body(page)).toContainText('fin effacée');
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.type('ligne');

  await page.keyboard.press('Control+/');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveCount(0);
  await body(page).click();
  await page.keyboard.press('Control+F');
  await expect(page.getByRole('searchbox', { name: 'Find' })).toBeFocused();
  await page.keyboard.press('Escape');

  await saved(page);
  await reopen(page, /Raccourcis/);
  expect(await readerHtml(page)).toBe(
    '<h2>Deux</h2><h3>Trois</h3><p>Quatre</p>' +
      '<p><strong>gras</strong> <em>italique</em> <u>souligné</u> <s>barré</s> <sup>e</sup> <a href="https://example.org/">site</a></p>' +
      '<ul><li><p>puce</p></li></ul><ol><li><p>numéro</p></li></ol><blockquote><p>cité</p></blockquote>' +
      '<p>fin effacée<br>ligne</p>',
  );
});
