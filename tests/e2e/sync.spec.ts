import { expect, test } from '@playwright/test';
import { closedPort } from '../support/closedPort';
import { wordpressSite, wpAdmin } from '../support/wordpress';
import { newDataDir, startHostProcess, type HostProcess } from './support/host';
import { addEditorSite } from './support/editorSite';
import { ipc, makeArticle, uploadImage } from './support/ipc';

// WordPress on a loaded, shared machine can take seconds per answer: its steps get room.
test.setTimeout(90_000);
const WP_ANSWER = { timeout: 20_000 };

let host: HostProcess | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

const paragraph = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

test('a publisher sends an article as a draft, publishes it and sees its state on the site', async ({
  page,
}) => {
  host = await startHostProcess(newDataDir());
  await page.goto(host.openUrl);
  await addEditorSite(page);
  const headline = `Conseil municipal\u00a0: le budget adopté ${Date.now()}`;
  await makeArticle(page, { headline, body: paragraph('Le budget 2027 a été voté à l’unanimité.') });
  await page.reload();
  await page
    .getByRole('navigation', { name: 'Articles' })
    .getByRole('button', { name: /Conseil municipal/ })
    .click();
  await page.getByRole('button', { name: 'Publish', exact: true }).click();

  const site = page.getByRole('list', { name: 'Sites' }).getByRole('listitem');
  await expect(site).toContainText('Not on the site', WP_ANSWER);
  await site.getByRole('button', { name: 'Send as draft' }).click();
  await expect(site).toContainText('Draft on the site', WP_ANSWER);
  await site.getByRole('button', { name: 'Publish now' }).click();
  await expect(site).toContainText('Live', WP_ANSWER);

  const posts = await wpAdmin<{ title: { raw: string }; status: string }[]>(
    'GET',
    `wp/v2/posts?search=${encodeURIComponent(headline.slice(-13))}&status=publish&context=edit`,
  );
  expect(posts.map((p) => [p.title.raw, p.status])).toEqual([[headline, 'publish']]);
  await expect(
    page.getByRole('list', { name: 'Operations of this article' }).getByRole('listitem'),
  ).toHaveCount(2);
});

test('the publisher sees the address the site gave the article, and a post unpublished on the site once the sites are checked', async ({
  page,
}) => {
  const token = Date.now().toString(36);
  // Another post already has the address this article asks for.
  await wpAdmin('POST', 'wp/v2/posts', { title: 'Autre', status: 'publish', slug: `ete-a-nice-${token}` });
  host = await startHostProcess(newDataDir());
  await page.goto(host.openUrl);
  await addEditorSite(page);
  await makeArticle(page, {
    headline: `Été à Nice ${token}`,
    slug: `été-à-nice-${token}`,
    body: paragraph('La promenade est rouverte.'),
  });
  await page.reload();
  await page
    .getByRole('navigation', { name: 'Articles' })
    .getByRole('button', { name: new RegExp(`Été à Nice ${token}`) })
    .click();
  // This desk already spells it without accents, as WordPress would.
  await expect(page.getByRole('textbox', { name: 'Slug' })).toHaveValue(`ete-a-nice-${token}`);
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  const site = page.getByRole('list', { name: 'Sites' }).getByRole('listitem');
  await site.getByRole('button', { name: 'Publish now' }).click();
  await expect(site).toContainText('Live', WP_ANSWER);

  // WordPress added -2: that is the article's address from now on.
  const [post] = await wpAdmin<{ id: number; slug: string }[]>(
    'GET',
    `wp/v2/posts?search=${encodeURIComponent(`Nice ${token}`)}&status=publish&context=edit`,
  );
  expect(post!.slug).toBe(`ete-a-nice-${token}-2`);
  await page.getByRole('button', { name: 'Back to the article' }).click();
  await expect(page.getByRole('textbox', { name: 'Slug' })).toHaveValue(`ete-a-nice-${token}-2`);

  // Someone takes the post off the site; the panel says so once the publisher checks the sites.
  await wpAdmin('POST', `wp/v2/posts/${post!.id}`, { status: 'draft' });
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await page.getByRole('button', { name: 'Check the sites' }).click();
  await expect(site).toContainText('Draft on the site', WP_ANSWER);
});

test('an operation for a site that does not answer waits with its error and can be cancelled', async ({
  page,
}) => {
  host = await startHostProcess(newDataDir());
  await page.goto(host.openUrl);
  // Nothing listens on that port: every attempt is refused.
  await ipc(page, 'sites:add', {
    url: `http://127.0.0.1:${await closedPort()}`,
    username: 'editor',
    password: 'x',
  });
  await makeArticle(page, { headline: 'Hors ligne', body: paragraph('Texte.') });
  await page.reload();
  await page
    .getByRole('navigation', { name: 'Articles' })
    .getByRole('button', { name: /Hors ligne/ })
    .click();
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await page.getByRole('button', { name: 'Send as draft' }).click();
  const ops = page.getByRole('list', { name: 'Operations of this article' });
  await expect(ops).toContainText('could not be reached', WP_ANSWER);
  await expect(ops).toContainText('waiting', WP_ANSWER);
  await ops.getByRole('button', { name: 'Cancel: Send as draft' }).click();
  await expect(ops).toContainText('cancelled', WP_ANSWER);
  await expect(ops.getByRole('button', { name: /Retry/ })).toHaveCount(0);
});

test('a post edited on the site and here shows a conflict; the publisher takes a side per field and pushes', async ({
  page,
}) => {
  host = await startHostProcess(newDataDir());
  await page.goto(host.openUrl);
  await addEditorSite(page);
  const headline = `Marché couvert ${Date.now()}`;
  const article = await makeArticle(page, { headline, body: paragraph('Les travaux commencent lundi.') });
  await page.reload();
  await page
    .getByRole('navigation', { name: 'Articles' })
    .getByRole('button', { name: /Marché couvert/ })
    .click();
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  const site = page.getByRole('list', { name: 'Sites' }).getByRole('listitem');
  await site.getByRole('button', { name: 'Send as draft' }).click();
  await expect(site).toContainText('Draft on the site', WP_ANSWER);

  const [pub] = await ipc<{ remoteId: number }[]>(page, 'sync:publications', { articleId: article.id });
  // The site's desk also re-files the post: another category and a tag this desk has never seen.
  const stamp = Date.now();
  const category = await wpAdmin<{ id: number }>('POST', 'wp/v2/categories', { name: `Économie ${stamp}` });
  const tag = await wpAdmin<{ id: number }>('POST', 'wp/v2/tags', { name: `Halles ${stamp}` });
  await wpAdmin('POST', `wp/v2/posts/${pub!.remoteId}`, {
    content: '<p>Les travaux commencent mardi.</p>',
    categories: [category.id],
    tags: [tag.id],
  });
  const current = await ipc<Record<string, unknown>>(page, 'articles:get', { id: article.id });
  await ipc(page, 'articles:save', {
    id: article.id,
    baseRevision: current.revision,
    fields: {
      kicker: current.kicker,
      headline: `${headline} (mis à jour)`,
      standfirst: current.standfirst,
      body: current.body,
      language: current.language,
      slug: current.slug,
      seoTitle: current.seoTitle,
      seoDescription: current.seoDescription,
      sectionId: current.sectionId,
      tagIds: [],
      authorIds: [],
      featuredImage: null,
    },
  });
  await expect(site).toContainText('Changed since pushed', WP_ANSWER);
  await site.getByRole('button', { name: 'Update' }).click();
  await expect(site).toContainText('Conflict', WP_ANSWER);
  await site.getByRole('button', { name: 'Resolve the conflict' }).click();
  const conflict = page.getByRole('region', { name: 'Conflict with the site' });
  await expect(conflict.locator('del')).toHaveText('lundi');
  await expect(conflict.locator('ins')).toHaveText('mardi');
  const row = (field: string) =>
    conflict.getByRole('row').filter({ has: page.getByRole('rowheader', { name: field, exact: true }) });
  await expect(row('Section').getByRole('cell')).toHaveText(['Politique', `Économie ${stamp}`, /Here/]);
  await expect(row('Tags').getByRole('cell')).toHaveText(['(none)', `Halles ${stamp}`, /Here/]);
  for (const field of ['Body', 'Section', 'Tags'])
    await conflict
      .getByRole('group', { name: `Keep for ${field}` })
      .getByRole('radio', { name: 'On the site' })
      .check();
  await conflict.getByRole('button', { name: 'Apply and push' }).click();
  await expect(site).toContainText('Draft on the site', WP_ANSWER);
  const post = await wpAdmin<{
    title: { raw: string };
    content: { raw: string };
    categories: number[];
    tags: number[];
  }>('GET', `wp/v2/posts/${pub!.remoteId}?context=edit`);
  expect(post.title.raw).toBe(`${headline} (mis à jour)`);
  expect(post.content.raw).toMatch(/<p( dir="auto")?>Les travaux commencent mardi\.<\/p>/);
  // The site's re-filing was taken, so the push kept it rather than sending Politique back.
  expect(post.categories).toEqual([category.id]);
  expect(post.tags).toEqual([tag.id]);
  const resolved = await ipc<{ section: { name: string } | null; tags: { name: string }[] }>(
    page,
    'articles:get',
    { id: article.id },
  );
  expect(resolved.section?.name).toBe(`Économie ${stamp}`);
  expect(resolved.tags.map((t) => t.name)).toEqual([`Halles ${stamp}`]);
});

test('the checklist blocks a push on errors and lets warnings through with one click', async ({ page }) => {
  host = await startHostProcess(newDataDir());
  await page.goto(host.openUrl);
  await addEditorSite(page);
  await makeArticle(page, { headline: '', body: paragraph("L'adjoint au maire démissionne.") });
  await page.reload();
  await page
    .getByRole('navigation', { name: 'Articles' })
    .getByRole('button', { name: /Untitled/ })
    .click();
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  const checks = page.getByRole('region', { name: 'Before publishing' });
  await expect(checks).toContainText('The headline is empty.', WP_ANSWER);
  await expect(checks).toContainText('Straight apostrophe', WP_ANSWER);
  await expect(page.getByRole('button', { name: 'Send as draft' })).toBeDisabled();

  await page.getByRole('button', { name: 'Back to the article' }).click();
  await page.getByRole('textbox', { name: 'Headline' }).fill(`Démission ${Date.now()}`);
  await expect(page.getByRole('status')).toHaveText('Saved');
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(checks).not.toContainText('The headline is empty.', WP_ANSWER);
  await checks.getByRole('button', { name: 'Accept the warnings and send anyway' }).click();
  const site = page.getByRole('list', { name: 'Sites' }).getByRole('listitem');
  await site.getByRole('button', { name: 'Send as draft' }).click();
  await expect(site).toContainText('Draft on the site', WP_ANSWER);
});

test('a publisher schedules in the site’s time zone, read by Test connection, and sees when it goes live there', async ({
  page,
}) => {
  const wp = wordpressSite();
  // The harness installs the site in Paris; an older install may still be on UTC.
  await wpAdmin('POST', 'wp/v2/settings', { timezone: 'Europe/Paris' });
  host = await startHostProcess(newDataDir());
  await page.goto(host.openUrl);
  await addEditorSite(page);
  const headline = `Conseil de Paris\u00a0: séance du soir ${Date.now()}`;
  await makeArticle(page, { headline, body: paragraph('La séance commence à 18\u00a0h.') });
  await page.reload();
  await page.getByRole('button', { name: 'Sites' }).click();
  const siteItem = page.getByRole('listitem').filter({ hasText: wp.url });
  await siteItem.getByRole('button', { name: /Test connection/ }).click();
  await expect(siteItem).toContainText('Time zone of the site: Europe/Paris', WP_ANSWER);

  await page
    .getByRole('navigation', { name: 'Articles' })
    .getByRole('button', { name: /Conseil de Paris/ })
    .click();
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  const site = page.getByRole('list', { name: 'Sites' }).getByRole('listitem');
  // The browser runs on UTC: the time typed is read on the site's clock, not this computer's.
  await site.getByLabel('Publication date (Europe/Paris, the site’s time)').fill('2031-01-15T18:00');
  await site.getByRole('button', { name: 'Schedule' }).click();
  await expect(site).toContainText('Scheduled', WP_ANSWER);
  await expect(site).toContainText(/Goes live Jan 15, 2031, 6:00\s?PM \(Europe\/Paris\)/, WP_ANSWER);

  const [post] = await wpAdmin<{ status: string; date: string; date_gmt: string }[]>(
    'GET',
    `wp/v2/posts?search=${encodeURIComponent(headline.slice(-13))}&status=future&context=edit`,
  );
  expect([post?.status, post?.date, post?.date_gmt]).toEqual([
    'future',
    '2031-01-15T18:00:00',
    '2031-01-15T17:00:00',
  ]);
});

test('an inline photo goes to the site with its credit, in the very figure the preview showed', async ({
  page,
}) => {
  const wp = wordpressSite();
  host = await startHostProcess(newDataDir());
  await page.goto(host.openUrl);
  await addEditorSite(page);
  const mediaId = await uploadImage(page);
  const headline = `Vernissage au musée ${Date.now()}`;
  await makeArticle(page, {
    headline,
    body: {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Les visiteurs se pressent.' }] },
        {
          type: 'image',
          attrs: { mediaId, caption: 'La grande salle', credit: 'Marie Curie/AFP', alt: 'Une salle comble' },
        },
      ],
    },
  });
  await page.reload();
  await page
    .getByRole('navigation', { name: 'Articles' })
    .getByRole('button', { name: /Vernissage au musée/ })
    .click();
  await page.getByRole('button', { name: 'Preview' }).click();
  const frame = page.frameLocator('iframe[title="Article preview"]');
  const figure = frame.locator('figure.body-image');
  await expect(figure.locator('figcaption')).toHaveText('La grande salle — Photo\u00a0: Marie Curie/AFP');
  await expect(figure.getByRole('img', { name: 'Une salle comble' })).toHaveAttribute(
    'src',
    `/media/${mediaId}`,
  );
  const previewCaption = await figure.locator('figcaption').innerHTML();

  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  const site = page.getByRole('list', { name: 'Sites' }).getByRole('listitem');
  await site.getByRole('button', { name: 'Send as draft' }).click();
  await expect(site).toContainText('Draft on the site', WP_ANSWER);

  const [post] = await wpAdmin<{ content: { raw: string }; id: number }[]>(
    'GET',
    `wp/v2/posts?search=${encodeURIComponent(headline.slice(-13))}&status=draft&context=edit`,
  );
  expect(post!.content.raw).toContain(`<figcaption>${previewCaption}</figcaption>`);
  const src = /<img src="([^"]+)" alt="Une salle comble">/.exec(post!.content.raw)?.[1];
  expect(src).toMatch(new RegExp(`^${wp.url}/wp-content/uploads/.*redac-`));
  const [media] = await wpAdmin<{ caption: { raw: string }; source_url: string }[]>(
    'GET',
    `wp/v2/media?search=redac-${mediaId.slice(0, 40)}&context=edit`,
  );
  expect(media!.source_url).toBe(src);
});
