import { expect, test } from '@playwright/test';
import { newDataDir, startHostProcess, type HostProcess } from './support/host';
import { makeArticle, uploadImage } from './support/ipc';

// WordPress on a loaded, shared machine can take seconds per answer: its steps get room.
test.setTimeout(90_000);
const WP_ANSWER = { timeout: 20_000 };

let host: HostProcess | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

const HOSTILE = `<script>parent.document.title='pwned'</script><img src=x onerror="parent.document.title='pwned'">`;

test('the preview shows the article in the newspaper template, at three widths, with search and social cards', async ({
  page,
}) => {
  host = await startHostProcess(newDataDir());
  await page.goto(host.openUrl);
  const mediaId = await uploadImage(page);
  await makeArticle(page, {
    kicker: 'Municipales',
    headline: 'Le maire de Lyon\u00a0: «\u202frien n’est joué\u202f»',
    standfirst: 'Au second tour, la gauche part favorite.',
    slug: 'maire-lyon',
    body: {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Premier paragraphe.' }] }],
    },
    featuredImage: {
      mediaId,
      caption: 'La place Bellecour',
      credit: 'AFP',
      alt: 'Une place au soleil',
    },
  });
  await page.reload();
  await page
    .getByRole('navigation', { name: 'Articles' })
    .getByRole('button', { name: /Le maire de Lyon/ })
    .click();
  await page.getByRole('button', { name: 'Preview' }).click();

  const frame = page.frameLocator('iframe[title="Article preview"]');
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText(
    'Le maire de Lyon\u00a0: «\u202frien n’est joué\u202f»',
  );
  await expect(frame.getByText('Municipales')).toBeVisible();
  await expect(frame.getByText('Premier paragraphe.')).toBeVisible();
  await expect(frame.getByText('La place Bellecour')).toBeVisible();
  // The template's stylesheet applies inside the sandbox (the kicker is set in capitals by it).
  await expect(frame.locator('.kicker')).toHaveCSS('text-transform', 'uppercase');

  const iframe = page.locator('iframe[title="Article preview"]');
  await page.getByRole('button', { name: 'Phone' }).click();
  expect((await iframe.boundingBox())?.width).toBe(375);
  await page.getByRole('button', { name: 'Tablet' }).click();
  expect((await iframe.boundingBox())?.width).toBe(768);

  const snippet = page.getByRole('region', { name: 'Search result' });
  await expect(snippet).toContainText('/maire-lyon', WP_ANSWER);
  await expect(snippet).toContainText('Au second tour, la gauche part favorite.', WP_ANSWER);
  await expect(page.getByRole('region', { name: 'Social card' })).toContainText(
    'Une place au soleil',
    WP_ANSWER,
  );
});

test('no script runs from any field, and Arabic reads right to left', async ({ page }) => {
  host = await startHostProcess(newDataDir());
  await page.goto(host.openUrl);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const mediaId = await uploadImage(page);
  await makeArticle(
    page,
    {
      kicker: HOSTILE,
      headline: `عنوان ${HOSTILE}`,
      standfirst: HOSTILE,
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: HOSTILE }] }] },
      featuredImage: { mediaId, caption: HOSTILE, credit: HOSTILE, alt: HOSTILE },
    },
    'ar',
  );
  await page.reload();
  const title = await page.title();
  await page.getByRole('navigation', { name: 'Articles' }).getByRole('button', { name: /عنوان/ }).click();
  await page.getByRole('button', { name: 'Preview' }).click();
  const frame = page.frameLocator('iframe[title="Article preview"]');
  await expect(frame.getByRole('heading', { level: 1 })).toContainText(`عنوان <script>`, WP_ANSWER);
  await expect(frame.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(frame.locator('script, img')).toHaveCount(0);
  await page.waitForTimeout(300);
  expect(await page.title()).toBe(title);
  expect(errors).toEqual([]);
});
