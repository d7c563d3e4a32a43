import { expect, test, type Page } from '@playwright/test';
import { newDataDir, startHostProcess, type HostProcess } from './support/host';

const HEADLINE = 'Élections régionales\u00a0: «\u202fl’abstention\u202f» recule à Montréal';
const PARAGRAPHS = [
  'Le scrutin s’est déroulé dans le calme ; les électeurs ont voté à 58,3 %.',
  'Selon la préfète, « la participation dépasse nos prévisions » — une première depuis 2004.',
  'قال المتحدث باسم الحكومة إن النتائج ستعلن غدا صباحا.',
];

let host: HostProcess | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

async function writeArticle(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'New article' }).click();
  await page.getByRole('textbox', { name: 'Headline' }).fill(HEADLINE);
  const body = page.getByRole('textbox', { name: 'Body' });
  await body.click();
  for (const [index, paragraph] of PARAGRAPHS.entries()) {
    if (index > 0) await page.keyboard.press('Enter');
    await page.keyboard.insertText(paragraph);
  }
  await expect(page.getByRole('status')).toHaveText('Saved');
}

async function expectArticle(page: Page): Promise<void> {
  const list = page.getByRole('navigation', { name: 'Articles' });
  await list.getByRole('button', { name: new RegExp(HEADLINE.slice(0, 20)) }).click();
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveValue(HEADLINE);
  const paragraphs = page.getByRole('textbox', { name: 'Body' }).locator('p');
  await expect(paragraphs).toHaveText(PARAGRAPHS);
  // toHaveText folds white space; the writer's text must come back exactly, no-break spaces and all.
  expect(await paragraphs.allTextContents()).toEqual(PARAGRAPHS);
  expect(await page.getByRole('textbox', { name: 'Headline' }).inputValue()).toBe(HEADLINE);
}

test('an article typed in French and Arabic survives a reload and a restart of the host, byte for byte', async ({
  page,
}) => {
  const dataDir = newDataDir();
  host = await startHostProcess(dataDir);
  await page.goto(host.openUrl);
  await expect(page.getByRole('heading', { name: 'Articles' })).toBeVisible();
  await writeArticle(page);

  await page.reload();
  await expectArticle(page);

  await host.stop();
  host = await startHostProcess(dataDir);
  await page.goto(host.openUrl);
  await expectArticle(page);
});

// How soon is the autosave delay's job and the bench's figure; here only that it happens while the cursor stays
// in the field (a 1.5 s limit here could fail on nothing but a loaded machine).
test('typing is saved without leaving the field', async ({ page }) => {
  host = await startHostProcess(newDataDir());
  await page.goto(host.openUrl);
  await page.getByRole('button', { name: 'New article' }).click();
  const headline = page.getByRole('textbox', { name: 'Headline' });
  await headline.fill('Brève');
  await expect(page.getByRole('status')).toHaveText('Saved');
  await expect(headline).toBeFocused();
  const stored = await page.evaluate(async () => {
    const response = await fetch('/ipc/articles:list', {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json' },
    });
    return ((await response.json()) as { value: { headline: string }[] }).value.map((a) => a.headline);
  });
  expect(stored).toEqual(['Brève']);
});

test('a save that fails while the host is down is shown, kept and retried until it lands', async ({
  page,
}) => {
  const dataDir = newDataDir();
  host = await startHostProcess(dataDir);
  await page.goto(host.openUrl);
  await page.getByRole('button', { name: 'New article' }).click();
  await page.getByRole('textbox', { name: 'Headline' }).fill('Avant la panne');
  await expect(page.getByRole('status')).toHaveText('Saved');
  const port = new URL(host.origin).port;

  await host.stop();
  await page.getByRole('textbox', { name: 'Headline' }).fill('Écrit pendant la panne');
  // The article list may say it cannot reach the host too (a refresh after typing pauses): two alerts.
  const saveAlert = page.getByRole('alert').filter({ hasText: 'Not saved' });
  await expect(saveAlert).toContainText('Your text is kept');

  // The same port again, so the page's requests reach the new process; the cookie is re-issued by its URL.
  host = await startHostProcess(dataDir, Number(port));
  await page.request.get(host.openUrl);
  // The writer retries at once; the automatic retry may land first (a busy machine starts the host slowly).
  await page
    .getByRole('button', { name: 'Retry now' })
    .click({ timeout: 2000 })
    .catch(() => undefined);
  await expect(page.getByRole('status')).toHaveText('Saved', { timeout: 15_000 });
  await page.goto(host.openUrl);
  await page
    .getByRole('navigation', { name: 'Articles' })
    .getByRole('button', { name: /Écrit pendant la panne/ })
    .click();
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveValue('Écrit pendant la panne');
});
