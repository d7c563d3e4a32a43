import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { COPY_EDITOR, deskOpener, REPORTER } from './support/desks';
import { ipc, makeArticle } from './support/ipc';

/**
 * Drafts that travel without any network: two desks (two data folders, two host processes) exchange review
 * packages through files, in the UI. Comments are made through the contract (the channel the comments
 * panel calls).
 */
const desks = deskOpener();
const openDesk = desks.open;
test.afterEach(async () => {
  await desks.closeAll();
});

async function openArticle(page: Page, headline: RegExp): Promise<void> {
  await page.getByRole('navigation', { name: 'Articles' }).getByRole('button', { name: headline }).click();
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveValue(headline);
}

/** Clicks "Export for review" and keeps the downloaded package in this desk's folder. */
async function exportPackage(page: Page, dir: string, name: string): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export for review' }).click();
  const file = join(dir, name);
  await (await download).saveAs(file);
  await expect(page.getByRole('status').filter({ hasText: 'Review package ready' })).toBeVisible();
  return file;
}

async function importPackage(page: Page, file: string) {
  await page.getByRole('button', { name: 'Import review package' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a review package' });
  await dialog.getByRole('textbox', { name: 'Package file on this computer' }).fill(file);
  await dialog.getByRole('button', { name: 'Import package' }).click();
  return dialog;
}

async function save(page: Page, id: string, patch: Record<string, unknown>): Promise<void> {
  const current = await ipc<Record<string, unknown> & { revision: number }>(page, 'articles:get', { id });
  const {
    id: _i,
    revision,
    status: _s,
    createdAt: _c,
    updatedAt: _u,
    section: _se,
    tags: _t,
    authors: _a,
    bodySchemaVersion: _b,
    ...fields
  } = current;
  await ipc(page, 'articles:save', { id, baseRevision: revision, fields: { ...fields, ...patch } });
}

test('a review package goes to another desk and back; a tampered one is refused; a crossed edit opens the conflict view', async ({
  browser,
}) => {
  const token = `paquet${Date.now().toString(36)}`;
  const headline = `${token} Le port relance ses quais`;
  const reporter = await openDesk(browser, REPORTER);
  const article = await makeArticle(reporter.page, {
    headline,
    standfirst: 'Chapeau du reporter.',
    body: {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Les grues tournent.' }] }],
    },
  });
  const before = await ipc<{ revision: number }>(reporter.page, 'articles:get', { id: article.id });
  await ipc(reporter.page, 'workflow:transition', {
    articleId: article.id,
    to: 'submitted',
    baseRevision: before.revision,
    note: '',
  });
  await reporter.page.reload();
  await openArticle(reporter.page, new RegExp(token));
  const sent = await exportPackage(reporter.page, reporter.host.dataDir, 'sent.zip');

  // The copy desk imports it: the same article, with its status.
  const copy = await openDesk(browser, COPY_EDITOR);
  const dialog = await importPackage(copy.page, sent);
  await expect(dialog.getByRole('status')).toContainText(`Added “${headline}”`);
  await dialog.getByRole('button', { name: 'Open the article' }).click();
  await expect(copy.page.getByRole('textbox', { name: 'Headline' })).toHaveValue(headline);
  expect(await ipc(copy.page, 'articles:get', { id: article.id })).toMatchObject({
    headline,
    status: 'submitted',
  });

  // A package changed on the way is refused, and nothing changes on the desk that got it.
  const tampered = join(copy.host.dataDir, 'tampered.zip');
  const entries = unzipSync(readFileSync(sent));
  entries['article.json'] = strToU8(strFromU8(entries['article.json']!).replace('relance', 'ferme'));
  writeFileSync(tampered, zipSync(entries));
  const revisionBefore = (await ipc<{ revision: number }>(copy.page, 'articles:get', { id: article.id }))
    .revision;
  const refused = await importPackage(copy.page, tampered);
  await expect(refused.getByRole('alert')).toContainText('article.json does not match its hash');
  await refused.getByRole('button', { name: 'Close' }).click();
  expect(await ipc(copy.page, 'articles:get', { id: article.id })).toMatchObject({
    headline,
    revision: revisionBefore,
  });

  // The copy editor corrects the headline, comments, and sends it back; the reporter changed the standfirst
  // meanwhile, so the package opens the conflict view instead of overwriting anything.
  await save(copy.page, article.id, { headline: `${token} Le port de Tanger relance ses quais` });
  await ipc(copy.page, 'comments:create', {
    articleId: article.id,
    anchor: { kind: 'field', field: 'standfirst' },
    quote: 'Chapeau du reporter.',
    text: 'Trop court.',
  });
  await copy.page.reload();
  await openArticle(copy.page, /Tanger/);
  const back = await exportPackage(copy.page, copy.host.dataDir, 'back.zip');

  await save(reporter.page, article.id, { standfirst: 'Chapeau réécrit par le reporter.' });
  const conflict = await importPackage(reporter.page, back);
  await expect(conflict.getByRole('status')).toContainText('nothing was overwritten');
  const view = conflict.getByRole('region', { name: 'Conflict with the review package' });
  await expect(view).toContainText('Chapeau réécrit par le reporter.');
  await expect(view).toContainText(`${token} Le port de Tanger relance ses quais`);
  expect(await ipc(reporter.page, 'articles:get', { id: article.id })).toMatchObject({
    headline,
    standfirst: 'Chapeau réécrit par le reporter.',
  });
  await view.getByRole('group', { name: 'Keep for Headline' }).getByLabel('In the package').check();
  await view.getByRole('button', { name: 'Apply' }).click();
  await expect(reporter.page.getByRole('textbox', { name: 'Headline' })).toHaveValue(
    `${token} Le port de Tanger relance ses quais`,
  );
  expect(await ipc(reporter.page, 'articles:get', { id: article.id })).toMatchObject({
    standfirst: 'Chapeau réécrit par le reporter.',
  });
  const threads = await ipc<{ comments: { text: string; author: { name: string } }[] }[]>(
    reporter.page,
    'comments:list',
    {
      articleId: article.id,
    },
  );
  expect(threads.map((t) => [t.comments[0]!.author.name, t.comments[0]!.text])).toEqual([
    [COPY_EDITOR.name, 'Trop court.'],
  ]);
});
