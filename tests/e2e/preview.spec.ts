import { expect, test } from '@playwright/test';
import { newDataDir, startHostProcess, type HostProcess } from './support/host';
import { makeArticle, PIXEL_PNG, uploadImage } from './support/ipc';

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
  // The featured photo, loaded from the media store, with its caption and credit as the site prints them.
  const photo = frame.getByRole('img', { name: 'Une place au soleil' });
  await expect(photo).toBeVisible();
  await expect(photo).toHaveAttribute('src', `/media/${mediaId}`);
  expect(await photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expect(frame.locator('.featured figcaption')).toHaveText('La place Bellecour — Photo\u00a0: AFP');
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
  // The social card shows the same stored photo.
  const cardPhoto = page
    .getByRole('region', { name: 'Social card' })
    .getByRole('img', { name: 'Une place au soleil' });
  await expect(cardPhoto).toBeVisible();
  await expect(cardPhoto).toHaveAttribute('src', `/media/${mediaId}`);
  expect(await cardPhoto.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
});

test('no script runs from any field, no image loads from outside the media store, and Arabic reads right to left', async ({
  page,
}) => {
  host = await startHostProcess(newDataDir());
  await page.goto(host.openUrl);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const images: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'image') images.push(r.url());
  });
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
  await expect(frame.locator('script')).toHaveCount(0);
  // One image: the featured photo from the store. Its alt text, markup and all, stays an attribute's text.
  const photo = frame.locator('img');
  await expect(photo).toHaveCount(1);
  await expect(photo).toHaveAttribute('src', `/media/${mediaId}`);
  await expect(photo).toHaveAttribute('alt', HOSTILE);
  await expect(frame.locator('[onerror]')).toHaveCount(0);
  expect(await photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);

  // The frame's own policy, not only the generator, keeps other images out: one from the store loads, the
  // same pixel as a data: URL (which the app's page itself may show) does not.
  const loaded = await page.locator('iframe[title="Article preview"]').evaluate(
    async (iframe: HTMLIFrameElement, [storeUrl, dataUrl]) => {
      const doc = iframe.contentDocument!;
      const tryLoad = (src: string) =>
        new Promise<boolean>((done) => {
          const img = doc.createElement('img');
          img.onload = () => done(img.naturalWidth > 0);
          img.onerror = () => done(false);
          img.src = src;
          doc.body.append(img);
        });
      return { store: await tryLoad(storeUrl), data: await tryLoad(dataUrl) };
    },
    [`/media/${mediaId}?again`, `data:image/png;base64,${PIXEL_PNG}`] as const,
  );
  expect(loaded).toEqual({ store: true, data: false });

  await page.waitForTimeout(300);
  expect(await page.title()).toBe(title);
  expect(errors).toEqual([]);
  expect(images.length).toBeGreaterThan(0);
  for (const url of images) expect(url.startsWith(`${host.origin}/media/`), url).toBe(true);
});
