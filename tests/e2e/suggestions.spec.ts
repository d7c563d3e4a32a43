import { expect, test, type Locator, type Page } from '@playwright/test';
import { body, newArticle, openApp, readerHtml, reopen, saved, storedArticle, tool } from './support/editor';
import type { HostProcess } from './support/host';
import { KARIM, NADIA, review, selectInBody, setPerson, typographyOff } from './support/review';

let host: HostProcess | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

const suggestMode = (page: Page) => review(page).getByRole('button', { name: 'Suggest changes' });
const insertions = (page: Page) => body(page).locator('ins.suggestion-insert');
const deletions = (page: Page) => body(page).locator('del.suggestion-delete');
const formats = (page: Page) => body(page).locator('.suggestion-format');

test('suggestion mode: typing, deleting and bold are suggested with their author, then accepted or rejected', async ({
  page,
}) => {
  host = await openApp(page);
  await setPerson(host, NADIA);
  await newArticle(page);
  await page.getByRole('textbox', { name: 'Headline' }).fill('Budget voté');
  await body(page).click();
  await typographyOff(page);
  await page.keyboard.type('Le budget sera voté mardi soir.');

  await page.keyboard.press('Control+Shift+E');
  await expect(suggestMode(page)).toHaveAttribute('aria-pressed', 'true');

  // Typing: an insertion, underlined, with "Author, time".
  await selectInBody(page, 10, 0);
  await page.keyboard.type('municipal ');
  await expect(insertions(page)).toHaveText('municipal ');
  await expect(insertions(page)).toHaveAttribute('title', /^Nadia Ouali, .+/);

  // Deleting: the word stays, struck through.
  await selectInBody(page, 30, 5);
  await page.keyboard.press('Backspace');
  await expect(deletions(page)).toHaveText('mardi');
  await expect(deletions(page)).toHaveAttribute('title', /^Nadia Ouali, /);
  await expect(body(page)).toContainText('Le budget municipal sera voté mardi soir.');

  // Bold: applied, and marked as a suggested formatting change.
  await selectInBody(page, 25, 4);
  await page.keyboard.press('Control+B');
  await expect(formats(page)).toHaveText('voté');
  await expect(formats(page).locator('strong')).toHaveText('voté');

  // One undo takes back one suggested edit; redo puts it back.
  await page.keyboard.press('Control+Z');
  await expect(formats(page)).toHaveCount(0);
  await expect(deletions(page)).toHaveText('mardi');
  await page.keyboard.press('Control+Shift+Z');
  await expect(formats(page)).toHaveText('voté');
  await saved(page);

  // Publishing is blocked while suggestions remain.
  await page.getByRole('toolbar', { name: 'Publishing' }).getByRole('button', { name: 'Sync' }).click();
  await expect(
    page.getByText('Suggestions remain: accept or reject every suggested change first.'),
  ).toBeVisible();
  await expect(page.getByText('Fix the errors above before sending this article.')).toBeVisible();
  await page.getByRole('button', { name: 'Back to the article' }).click();

  // Another person suggests on the same article.
  await setPerson(host, KARIM);
  await reopen(page, /Budget voté/);
  await expect(insertions(page)).toHaveText('municipal ');
  await body(page).click();
  await typographyOff(page);
  await page.keyboard.press('Control+Shift+E');
  await expect(suggestMode(page)).toHaveAttribute('aria-pressed', 'true');
  await selectInBody(page, 0, 0);
  await page.keyboard.type('Lyon : ');
  await expect(insertions(page).first()).toHaveText('Lyon : ');
  await expect(insertions(page).first()).toHaveAttribute('title', /^Karim Benali, /);

  // Accept one (Nadia's insertion), reject one (her deletion).
  await insertions(page).filter({ hasText: 'municipal' }).click();
  await expect(review(page)).toContainText('Suggestion by Nadia Ouali');
  await review(page).getByRole('button', { name: 'Accept', exact: true }).click();
  await expect(insertions(page)).toHaveCount(1);
  await deletions(page).click();
  await review(page).getByRole('button', { name: 'Reject', exact: true }).click();
  await expect(deletions(page)).toHaveCount(0);
  await expect(body(page)).toHaveText('Lyon : Le budget municipal sera voté mardi soir.');

  // All of one person's.
  await review(page).getByText('Suggestions by Karim Benali').click();
  await review(page).getByRole('button', { name: 'Accept all by Karim Benali' }).click();
  await expect(insertions(page)).toHaveCount(0);
  await expect(formats(page)).toHaveCount(1);
  await review(page).getByRole('button', { name: 'Accept all', exact: true }).click();
  await expect(formats(page)).toHaveCount(0);
  await expect(body(page).locator('strong')).toHaveText('voté');

  // Suggestion mode off: editing is plain editing again. The shortcut is the editor's: it is pressed once
  // "Accept all" has given the focus back to the body (TipTap restores it a frame later).
  await expect(body(page)).toBeFocused();
  await page.keyboard.press('Control+Shift+E');
  await expect(suggestMode(page)).toHaveAttribute('aria-pressed', 'false');
  await selectInBody(page, 43, 0);
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await expect(body(page)).toHaveText('Lyon : Le budget municipal sera voté soir.');
  await expect(deletions(page)).toHaveCount(0);
  await saved(page);
  const stored = await storedArticle(page, 'Budget');
  expect(JSON.stringify(stored.body)).not.toMatch(/suggestion/);
});

test('renaming the profile while suggesting: new suggestions carry the new name and autosave goes on', async ({
  page,
}) => {
  host = await openApp(page);
  await setPerson(host, NADIA);
  await newArticle(page);
  await page.getByRole('textbox', { name: 'Headline' }).fill('Conseil renommé');
  await body(page).click();
  await typographyOff(page);
  await page.keyboard.type('Le conseil se réunit mardi.');
  await page.keyboard.press('Control+Shift+E');
  await expect(suggestMode(page)).toHaveAttribute('aria-pressed', 'true');
  await selectInBody(page, 10, 0);
  await page.keyboard.type('municipal ');
  await expect(insertions(page)).toHaveAttribute('title', /^Nadia Ouali, /);
  await saved(page);

  // Settings: the same person, renamed, suggestion mode still on.
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('textbox', { name: 'Your name' }).fill('Nadia Ouali-Benali');
  await settings.getByRole('button', { name: 'Save profile' }).click();
  await expect(settings.getByText('Profile saved.')).toBeVisible();
  await settings.getByRole('button', { name: 'Close settings' }).click();
  await expect(suggestMode(page)).toHaveAttribute('aria-pressed', 'true');

  await selectInBody(page, 0, 0);
  await page.keyboard.type('Lyon : ');
  await expect(insertions(page).first()).toHaveText('Lyon : ');
  await expect(insertions(page).first()).toHaveAttribute('title', /^Nadia Ouali-Benali, /);
  // The earlier suggestion keeps the name it was signed with.
  await expect(insertions(page).filter({ hasText: 'municipal' })).toHaveAttribute('title', /^Nadia Ouali, /);
  // Main takes the save: the store has the new suggestion under the new name, and nothing was refused.
  await expect
    .poll(async () => JSON.stringify((await storedArticle(page, 'Conseil renommé')).body), {
      timeout: 10_000,
    })
    .toContain('Lyon : ');
  await saved(page);
  await expect(page.getByRole('alert')).toHaveCount(0);
  const stored = JSON.stringify((await storedArticle(page, 'Conseil renommé')).body);
  expect(stored).toContain('"authorName":"Nadia Ouali-Benali"');
});

test('suggestion mode: a split, a join, a heading, a list and a link are suggested, then some accepted and others rejected', async ({
  page,
}) => {
  host = await openApp(page);
  await setPerson(host, NADIA);
  await newArticle(page);
  await page.getByRole('textbox', { name: 'Headline' }).fill('Conseil municipal');
  await body(page).click();
  await typographyOff(page);
  for (const [i, line] of [
    'Premier paragraphe du texte.',
    'Intertitre',
    'Point un',
    'Le rapport est publié.',
  ].entries()) {
    if (i > 0) await page.keyboard.press('Enter');
    await page.keyboard.type(line);
  }
  await saved(page);
  const block = (text: string) => body(page).locator('p, h2', { hasText: text });
  await page.keyboard.press('Control+Shift+E');
  await expect(suggestMode(page)).toHaveAttribute('aria-pressed', 'true');

  // Enter: the paragraph is split, and the new half says by whom.
  await block('Premier').click();
  await page.keyboard.press('Home');
  for (let i = 0; i < 'Premier paragraphe '.length; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(body(page).locator('p.suggestion-split')).toHaveText('du texte.');
  await expect(body(page).locator('p.suggestion-split')).toHaveAttribute(
    'title',
    /^Nadia Ouali, .+: Paragraph split$/,
  );

  // Backspace at a paragraph's start: a suggested join, nothing moves.
  await block('Le rapport').click();
  await page.keyboard.press('Home');
  await page.keyboard.press('Backspace');
  await expect(body(page).locator('p.suggestion-join')).toHaveText('Le rapport est publié.');
  await expect(body(page).locator('p', { hasText: 'Point un' })).toHaveText('Point un');

  // The toolbar: a heading, then a list.
  await block('Intertitre').click();
  await tool(page, 'Heading 2').click();
  await expect(body(page).locator('h2.suggestion-reshaped')).toHaveText('Intertitre');
  await expect(body(page).locator('h2')).toHaveAttribute('title', /^Nadia Ouali, .+: Was a paragraph$/);
  await block('Point un').click();
  await tool(page, 'Bullet list').click();
  await expect(body(page).locator('ul li p.suggestion-reshaped')).toHaveText('Point un');
  // One undo takes back that one suggested edit; redo puts it back.
  await page.keyboard.press('Control+Z');
  await expect(body(page).locator('ul')).toHaveCount(0);
  await expect(body(page).locator('h2.suggestion-reshaped')).toHaveCount(1);
  await page.keyboard.press('Control+Shift+Z');
  await expect(body(page).locator('ul li p.suggestion-reshaped')).toHaveText('Point un');

  // A link, with the keyboard: a suggested change carrying its address.
  await block('Le rapport').click();
  await page.keyboard.press('Home');
  for (let i = 0; i < 'Le '.length; i++) await page.keyboard.press('ArrowRight');
  for (let i = 0; i < 'rapport'.length; i++) await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Control+K');
  await page.getByRole('textbox', { name: 'Link address' }).fill('https://example.org/rapport');
  await page.keyboard.press('Enter');
  // The link is the outer element (the link mark ranks first in the schema), the suggestion inside it.
  const link = body(page).locator('a[href="https://example.org/rapport"]');
  await expect(link.locator('.suggestion-format')).toHaveText('rapport');
  await expect(body(page).locator('.suggestion-format')).toHaveAttribute(
    'title',
    /^Nadia Ouali, .+: link to https:\/\/example\.org\/rapport$/,
  );
  await saved(page);

  // They are stored with the article: after a reload, all five are there.
  await reopen(page, /Conseil municipal/);
  await expect(body(page).locator('.suggestion-block')).toHaveCount(4);
  await expect(link.locator('.suggestion-format')).toHaveCount(1);

  // Accept the split, the heading and the link; reject the list and the join.
  const decide = async (where: Locator, decision: 'Accept' | 'Reject', what: RegExp) => {
    await where.click();
    await expect(review(page)).toContainText(what);
    await review(page).getByRole('button', { name: decision, exact: true }).click();
  };
  await decide(
    body(page).locator('p.suggestion-split'),
    'Accept',
    /Layout · Suggestion by Nadia Ouali, .+ · Paragraph split/,
  );
  await decide(body(page).locator('h2'), 'Accept', /Was a paragraph/);
  await decide(link, 'Accept', /Formatting · Suggestion by Nadia Ouali/);
  await expect(link).toHaveText('rapport');
  await decide(block('Point un'), 'Reject', /Was a paragraph/);
  await decide(block('est publié'), 'Reject', /Join with the block before/);
  await expect(body(page).locator('.suggestion-block, .suggestion')).toHaveCount(0);
  await saved(page);

  // What the reader gets, after a reload: the accepted changes made, the rejected ones gone without a trace.
  await reopen(page, /Conseil municipal/);
  expect(await readerHtml(page)).toBe(
    '<p>Premier paragraphe </p><p>du texte.</p><h2>Intertitre</h2><p>Point un</p>' +
      '<p>Le <a href="https://example.org/rapport">rapport</a> est publié.</p>',
  );
  const stored = await storedArticle(page, 'Conseil');
  expect(JSON.stringify(stored.body)).not.toMatch(/suggestion"?:\{|authorId|\u200b/);
});

test('suggestion mode: a rule inserted and an embed deleted are suggestions; a second layout edit says why it waits', async ({
  page,
}) => {
  host = await openApp(page);
  await setPerson(host, NADIA);
  await newArticle(page);
  await page.getByRole('textbox', { name: 'Headline' }).fill('Marché couvert');
  await body(page).click();
  await typographyOff(page);
  await page.keyboard.type('Premier paragraphe.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Second paragraphe.');
  await tool(page, 'Embed').click();
  await page.getByRole('textbox', { name: 'Post URL' }).fill('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
  await page.getByRole('button', { name: 'Insert embed' }).click();
  const embed = body(page).locator('figure.embed-card');
  await expect(embed).toContainText('YouTube');
  await saved(page);

  await body(page).locator('p', { hasText: 'Premier' }).click();
  await page.keyboard.press('Control+Shift+E');
  await expect(suggestMode(page)).toHaveAttribute('aria-pressed', 'true');

  // A rule from the toolbar: there, marked as Nadia's suggested insertion.
  await page.keyboard.press('End');
  await tool(page, 'Horizontal rule').click();
  const rule = body(page).locator('hr');
  await expect(rule).toHaveClass(/suggestion-inserted/);
  await expect(rule).toHaveAttribute('title', /^Nadia Ouali, .+: Horizontal rule added$/);

  // Deleting the embed: it stays, struck, with who and when.
  await embed.click();
  await page.keyboard.press('Delete');
  await expect(embed).toHaveCount(1);
  await expect(embed).toHaveClass(/suggestion-deleted/);
  await expect(embed).toHaveAttribute('title', /^Nadia Ouali, .+: Embed removed$/);

  // A split for the conflict below.
  await body(page).locator('p', { hasText: 'Second' }).click();
  await page.keyboard.press('Home');
  for (let i = 0; i < 'Second '.length; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(body(page).locator('p.suggestion-split')).toHaveText('paragraphe.');
  await saved(page);

  // Karim takes the desk: everything is still there after a reload.
  await setPerson(host, KARIM);
  await reopen(page, /Marché couvert/);
  await expect(rule).toHaveClass(/suggestion-inserted/);
  await expect(embed).toHaveClass(/suggestion-deleted/);

  // His heading on Nadia's split paragraph is not made, and the Review bar says why.
  await body(page).locator('p.suggestion-split').click();
  await page.keyboard.press('Control+Shift+E');
  await expect(suggestMode(page)).toHaveAttribute('aria-pressed', 'true');
  await tool(page, 'Heading 2').click();
  await expect(review(page)).toContainText(
    'This block has a layout suggestion by Nadia Ouali: accept or reject it first.',
  );
  await expect(body(page).locator('h2')).toHaveCount(0);

  // He accepts the rule, rejects the embed's deletion and the split.
  const decide = async (where: Locator, decision: 'Accept' | 'Reject', what: RegExp) => {
    await where.click();
    await expect(review(page)).toContainText(what);
    await review(page).getByRole('button', { name: decision, exact: true }).click();
  };
  await decide(rule, 'Accept', /Layout · Suggestion by Nadia Ouali, .+ · Horizontal rule added/);
  await decide(embed, 'Reject', /Layout · Suggestion by Nadia Ouali, .+ · Embed removed/);
  await decide(body(page).locator('p.suggestion-split'), 'Reject', /Paragraph split/);
  await expect(body(page).locator('.suggestion-block')).toHaveCount(0);
  await saved(page);

  // What the reader gets after a reload: the rule, and the embed still there.
  await reopen(page, /Marché couvert/);
  expect(await readerHtml(page)).toBe(
    '<p>Premier paragraphe.</p><hr><p>Second paragraphe.</p>' +
      '<figure><span>YouTube</span><span>https://www.youtube.com/watch?v=dQw4w9WgXcQ</span></figure>',
  );
  const stored = await storedArticle(page, 'Marché');
  expect(JSON.stringify(stored.body)).not.toMatch(/suggestion"?:\{|authorId/);
});
