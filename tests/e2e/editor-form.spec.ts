import { expect, test } from '@playwright/test';
import { imageFixturePath } from '../support/images';
import { body, newArticle, openApp, reopen, saved, storedArticle } from './support/editor';
import type { HostProcess } from './support/host';

let host: HostProcess | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

const HEADLINE = 'Élection présidentielle : le second tour';
const SEO_TITLE = 'Présidentielle : tout savoir sur le second tour, les candidats et le calendrier';
const SEO_DESCRIPTION =
  'Le second tour de l’élection présidentielle aura lieu dimanche. Voici ce qu’il faut savoir sur les candidats, les sondages, les reports de voix et le calendrier de la soirée électorale.';

test('every field of the article is filled, saved through the contract and back after a reload', async ({
  page,
}) => {
  host = await openApp(page);
  await newArticle(page);

  await page.getByRole('textbox', { name: 'Kicker' }).fill('Politique');
  await page.getByRole('textbox', { name: 'Headline' }).fill(HEADLINE);
  await page.getByRole('textbox', { name: 'Standfirst' }).fill('Les deux finalistes débattent ce soir.');
  await expect(page.getByText('9 characters', { exact: true })).toBeVisible();
  await expect(page.getByText('40 characters', { exact: true })).toBeVisible();

  // Byline: two authors, made on the fly, in order.
  const byline = page.getByRole('combobox', { name: 'Byline' });
  await byline.fill('Leïla Benali');
  await page.getByRole('option', { name: 'Create “Leïla Benali”' }).click();
  await byline.fill('Marc Dupont');
  await byline.press('Enter');
  await expect(page.getByRole('button', { name: 'Remove Marc Dupont' })).toBeVisible();

  // Section: one.
  const section = page.getByRole('combobox', { name: 'Section' });
  await section.fill('International');
  await section.press('Enter');
  await section.fill('Politique');
  await section.press('Enter');
  await expect(page.getByRole('list', { name: 'Chosen Section' }).getByRole('listitem')).toHaveText([
    'Politique×',
  ]);

  // Tags: made on the fly, completed from what exists, never duplicated by case or accents.
  const tags = page.getByRole('combobox', { name: 'Tags' });
  await tags.fill('Élysée');
  await tags.press('Enter');
  await tags.fill('Diplomatie');
  await tags.press('Enter');
  await tags.fill('ELYSEE');
  await expect(page.getByRole('listbox', { name: 'Tags suggestions' })).toHaveCount(0);
  await tags.fill('');
  await page.getByRole('button', { name: 'Remove Diplomatie' }).click();
  await tags.fill('diplo');
  await expect(page.getByRole('option', { name: 'Diplomatie' })).toBeVisible();
  await tags.press('Enter');
  await expect(page.getByRole('list', { name: 'Chosen Tags' }).getByRole('listitem')).toHaveText([
    'Élysée×',
    'Diplomatie×',
  ]);

  // Featured image: from disk into the media store, shown back under the CSP.
  await page.getByLabel('Featured image', { exact: true }).setInputFiles(imageFixturePath('red.png'));
  const preview = page.locator('img.featured-preview');
  await expect(preview).toBeVisible();
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64);
  await page.getByRole('textbox', { name: 'Caption', exact: true }).fill('Le palais de l’Élysée');
  await page.getByRole('textbox', { name: 'Credit', exact: true }).fill('AFP');
  await page.getByRole('textbox', { name: 'Alt text', exact: true }).fill('Façade du palais');

  // Slug follows the headline, accents transliterated; SEO counters warn past 60 and 160.
  await expect(page.getByRole('textbox', { name: 'Slug' })).toHaveValue(
    'election-presidentielle-le-second-tour',
  );
  await page.getByRole('textbox', { name: 'SEO title' }).fill(SEO_TITLE);
  await page.getByRole('textbox', { name: 'SEO description' }).fill(SEO_DESCRIPTION);
  await expect(page.getByText(`${SEO_TITLE.length} / 60 characters`)).toBeVisible();
  await expect(page.getByText('Longer than 60 characters: search engines will cut it.')).toBeVisible();
  await expect(page.getByText('Longer than 160 characters: search engines will cut it.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'SEO title' })).toHaveAttribute('aria-invalid', 'true');

  // Body and its live figures.
  await body(page).click();
  await page.keyboard.insertText('Les deux finalistes se retrouvent ce soir pour un débat télévisé.');
  await expect(page.getByLabel('Body length')).toHaveText('11 words · 65 characters · 1 min read');
  await saved(page);

  await reopen(page, /Élection présidentielle/);
  await expect(page.getByRole('textbox', { name: 'Kicker' })).toHaveValue('Politique');
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveValue(HEADLINE);
  await expect(page.getByRole('textbox', { name: 'Standfirst' })).toHaveValue(
    'Les deux finalistes débattent ce soir.',
  );
  await expect(page.getByRole('list', { name: 'Chosen Byline' }).getByRole('listitem')).toHaveText([
    'Leïla Benali×',
    'Marc Dupont×',
  ]);
  await expect(page.getByRole('list', { name: 'Chosen Section' }).getByRole('listitem')).toHaveText([
    'Politique×',
  ]);
  await expect(page.getByRole('list', { name: 'Chosen Tags' }).getByRole('listitem')).toHaveText([
    'Élysée×',
    'Diplomatie×',
  ]);
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64);
  await expect(preview).toHaveAttribute('alt', 'Façade du palais');
  await expect(page.getByRole('textbox', { name: 'Caption', exact: true })).toHaveValue(
    'Le palais de l’Élysée',
  );
  await expect(page.getByRole('textbox', { name: 'Credit', exact: true })).toHaveValue('AFP');
  await expect(page.getByRole('textbox', { name: 'Slug' })).toHaveValue(
    'election-presidentielle-le-second-tour',
  );
  await expect(page.getByRole('textbox', { name: 'SEO title' })).toHaveValue(SEO_TITLE);
  await expect(page.getByRole('textbox', { name: 'SEO description' })).toHaveValue(SEO_DESCRIPTION);
  await expect(body(page)).toHaveText('Les deux finalistes se retrouvent ce soir pour un débat télévisé.');
  await expect(page.getByLabel('Body length')).toHaveText('11 words · 65 characters · 1 min read');

  const stored = await storedArticle(page, 'Élection');
  expect(stored).toMatchObject({
    kicker: 'Politique',
    slug: 'election-presidentielle-le-second-tour',
    language: 'fr',
    section: { name: 'Politique' },
    tags: [{ name: 'Élysée' }, { name: 'Diplomatie' }],
    authors: [{ name: 'Leïla Benali' }, { name: 'Marc Dupont' }],
    featuredImage: { caption: 'Le palais de l’Élysée', credit: 'AFP', alt: 'Façade du palais' },
  });
  expect((stored.featuredImage as { mediaId: string }).mediaId).toMatch(/^[0-9a-f]{64}\.png$/);
});

test('a second article with the same headline gets its own slug', async ({ page }) => {
  host = await openApp(page);
  for (const _ of [1, 2]) {
    await newArticle(page);
    await page.getByRole('textbox', { name: 'Headline' }).fill('Grève à la SNCF');
    await saved(page);
  }
  await expect(page.getByRole('textbox', { name: 'Slug' })).toHaveValue('greve-a-la-sncf-2');
  // Typed by hand, then tidied on leaving the field; the slug no longer follows the headline.
  const slug = page.getByRole('textbox', { name: 'Slug' });
  await slug.fill('Grève SNCF Été');
  await slug.blur();
  await expect(slug).toHaveValue('greve-sncf-ete');
  await page.getByRole('textbox', { name: 'Headline' }).fill('Grève à la SNCF : le trafic reprend');
  await expect(slug).toHaveValue('greve-sncf-ete');
  await page.getByRole('button', { name: 'Make slug from headline' }).click();
  await expect(slug).toHaveValue('greve-a-la-sncf-le-trafic-reprend');
});

test('an image that is not an image is refused by main, and nothing is attached', async ({ page }) => {
  host = await openApp(page);
  await newArticle(page);
  await page
    .getByLabel('Featured image', { exact: true })
    .setInputFiles(imageFixturePath('not-an-image.png'));
  await expect(
    page.getByText(/The image could not be added: This file is not a JPEG, PNG, GIF or WebP image/),
  ).toBeVisible();
  await expect(page.locator('img.featured-preview')).toHaveCount(0);
});
