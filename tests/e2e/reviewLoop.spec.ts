import { expect, test, type Page } from '@playwright/test';
import { startFaultProxy, type FaultProxy } from '../support/faultProxy';
import { wordpressSite, wpAdmin } from '../support/wordpress';
import { COPY_EDITOR, deskOpener, REPORTER } from './support/desks';
import { ipc, makeArticle } from './support/ipc';
import { saved } from './support/editor';
import { review, thread as threadItem } from './support/review';

/**
 * Two desks, two data folders, two host processes: a reporter and a copy editor who never share a store.
 * Workflow moves and the copy editor's comment and suggestions are made through the contract (the channels
 * the workflow panel and the editor call); the draft travelling (Send for review, Pull, Retry), seeing the
 * review, accepting, rejecting and resolving are done in the UI.
 */
test.setTimeout(180_000);
const WP_ANSWER = { timeout: 30_000 };

const desks = deskOpener();
const openDesk = desks.open;
let proxy: FaultProxy | undefined;
test.afterEach(async () => {
  await desks.closeAll();
  await proxy?.close();
  proxy = undefined;
});

async function addSite(page: Page, url: string): Promise<string> {
  const wp = wordpressSite();
  const site = await ipc<{ id: string }>(page, 'sites:add', {
    url,
    username: 'editor',
    password: wp.users.editor.applicationPassword,
  });
  return site.id;
}

async function openArticle(page: Page, headline: RegExp): Promise<void> {
  await page.getByRole('navigation', { name: 'Articles' }).getByRole('button', { name: headline }).click();
}

async function move(page: Page, articleId: string, to: string, note = ''): Promise<void> {
  const article = await ipc<{ revision: number }>(page, 'articles:get', { id: articleId });
  await ipc(page, 'workflow:transition', { articleId, to, baseRevision: article.revision, note });
}

async function pullInSitesScreen(page: Page, expected: RegExp): Promise<void> {
  await page.getByRole('button', { name: 'Sites', exact: true }).click();
  await page.getByRole('button', { name: /^Pull posts from/ }).click();
  await expect(page.getByText(expected)).toBeVisible(WP_ANSWER);
}

/** A suggestion as the copy desk's editor makes it: signed by that desk's own profile (main checks). */
const suggestion = (authorId: string, id: string, at: number) => ({
  id,
  authorId,
  authorName: COPY_EDITOR.name,
  authorColour: COPY_EDITOR.colour,
  at,
});

test('a draft goes round through the site: submitted, reviewed offline, returned, settled, published clean', async ({
  browser,
}) => {
  const wp = wordpressSite();
  const token = `boucle${Date.now().toString(36)}`;
  const headline = `${token} Le conseil vote le budget`;

  // The reporter writes and submits, then sends it for review: pending on the site.
  const reporter = await openDesk(browser, REPORTER);
  await addSite(reporter.page, wp.url);
  const article = await makeArticle(reporter.page, {
    headline,
    standfirst: 'Un chapeau.',
    body: {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [{ type: 'text', text: 'Le conseil municipal a voté le budget hier.' }],
        },
      ],
    },
  });
  await move(reporter.page, article.id, 'submitted');
  await reporter.page.reload();
  await openArticle(reporter.page, new RegExp(token));
  await reporter.page.getByRole('button', { name: 'Publish', exact: true }).click();
  const reporterSite = reporter.page.getByRole('list', { name: 'Sites' }).getByRole('listitem');
  await reporterSite.getByRole('button', { name: 'Send for review' }).click();
  await expect(reporterSite).toContainText('Pending review', WP_ANSWER);

  // The copy editor, elsewhere, reaches the site through a network that is about to fail.
  let down = false;
  proxy = await startFaultProxy(wp.url, () => (down ? 'reset' : 'pass'));
  const copy = await openDesk(browser, COPY_EDITOR);
  await addSite(copy.page, proxy.url);
  await copy.page.reload();
  // The shared test site holds other posts too: this one is found by its headline.
  await pullInSitesScreen(copy.page, /Pulled: \d+ new/);
  const summary = (
    await ipc<{ id: string; headline: string; status: string }[]>(copy.page, 'articles:list', { limit: 500 })
  ).find((a) => a.headline === headline);
  expect(summary).toMatchObject({ headline, status: 'submitted' });
  const copyId = summary!.id;

  // Offline: takes it into copy edit, comments and suggests, returns it with a note.
  down = true;
  await move(copy.page, copyId, 'in_copy_edit');
  const thread = await ipc<{ id: string }>(copy.page, 'comments:create', {
    articleId: copyId,
    anchor: { kind: 'body' },
    quote: 'Le conseil municipal',
    text: 'Lequel ? Précisez la ville.',
  });
  const before = await ipc<{ revision: number; [k: string]: unknown }>(copy.page, 'articles:get', {
    id: copyId,
  });
  const { id: copyPerson } = await ipc<{ id: string }>(copy.page, 'profile:get', {});
  const reviewed = {
    type: 'doc',
    content: [
      {
        type: 'paragraph',
        content: [
          {
            type: 'text',
            text: 'Le conseil municipal',
            marks: [{ type: 'comment', attrs: { threadId: thread.id } }],
          },
          { type: 'text', text: ' a ' },
          {
            type: 'text',
            text: 'voté',
            marks: [
              {
                type: 'suggestionDelete',
                attrs: suggestion(copyPerson, '0b8f3c2e-8d0e-4c53-9d7e-5a1b2c3d4e5f', 1),
              },
            ],
          },
          {
            type: 'text',
            text: 'adopté',
            marks: [
              {
                type: 'suggestionInsert',
                attrs: suggestion(copyPerson, '1c9f4d3e-9e1f-4d64-8e8f-6b2c3d4e5f60', 2),
              },
            ],
          },
          { type: 'text', text: ' le budget' },
          {
            type: 'text',
            text: ' de justesse',
            marks: [
              {
                type: 'suggestionInsert',
                attrs: suggestion(copyPerson, '2da05e4f-af20-4e75-9f90-7c3d4e5f6071', 3),
              },
            ],
          },
          { type: 'text', text: ' hier.' },
        ],
      },
    ],
  };
  const {
    id: _id,
    revision,
    status: _s,
    createdAt: _c,
    updatedAt: _u,
    section: _se,
    tags: _t,
    authors: _a,
    bodySchemaVersion: _b,
    ...fields
  } = before;
  await ipc(copy.page, 'articles:save', {
    id: copyId,
    baseRevision: revision,
    fields: {
      ...fields,
      sectionId: (
        await ipc<{ id: number }>(copy.page, 'terms:create', { kind: 'sections', name: 'Politique' })
      ).id,
      body: reviewed,
    },
  });
  await move(copy.page, copyId, 'draft', 'Deux corrections et une question.');

  await copy.page.reload();
  await openArticle(copy.page, new RegExp(token));
  await copy.page.getByRole('button', { name: 'Publish', exact: true }).click();
  const copySite = copy.page.getByRole('list', { name: 'Sites' }).getByRole('listitem');
  await copySite.getByRole('button', { name: 'Send for review' }).click();
  // The site is unreachable: the operation waits in the outbox with the reason.
  const operations = copy.page.getByRole('list', { name: 'Operations of this article' });
  await expect(operations).toContainText('could not be reached', WP_ANSWER);
  // Back online: it goes out, as a draft again (returned to the reporter).
  down = false;
  await operations
    .getByRole('button', { name: /^Retry/ })
    .first()
    .click();
  await expect(copySite).toContainText('Draft on the site', WP_ANSWER);

  // The reporter pulls it back and sees every comment and suggestion.
  await pullInSitesScreen(reporter.page, /Pulled: \d+ new, 1 updated, 0 in conflict/);
  await reporter.page.reload();
  await openArticle(reporter.page, new RegExp(token));
  const body = reporter.page.locator('.ProseMirror');
  await expect(body.locator('ins[data-suggestion-id]')).toHaveCount(2);
  await expect(body.locator('del[data-suggestion-id]')).toHaveText('voté');
  await expect(body.locator('[data-thread-id]')).toHaveText('Le conseil municipal');
  const threads = await ipc<{ detached: boolean; comments: { text: string; author: { name: string } }[] }[]>(
    reporter.page,
    'comments:list',
    { articleId: article.id },
  );
  expect(threads.map((t) => [t.detached, t.comments.map((c) => [c.author.name, c.text])])).toEqual([
    [false, [[COPY_EDITOR.name, 'Lequel ? Précisez la ville.']]],
  ]);
  const history = await ipc<unknown[]>(reporter.page, 'workflow:history', { articleId: article.id });
  expect(JSON.stringify(history)).toContain('Deux corrections et une question.');

  // In the editor: accepts "adopté" and the deletion of "voté", rejects "de justesse", resolves the thread.
  const toolbar = review(reporter.page);
  await body.locator('ins[data-suggestion-id]', { hasText: 'adopté' }).click();
  await toolbar.getByRole('button', { name: 'Accept', exact: true }).click();
  await body.locator('del[data-suggestion-id]').click();
  await toolbar.getByRole('button', { name: 'Accept', exact: true }).click();
  await body.locator('ins[data-suggestion-id]', { hasText: 'de justesse' }).click();
  await toolbar.getByRole('button', { name: 'Reject', exact: true }).click();
  await expect(body.locator('[data-suggestion-id]')).toHaveCount(0);
  await expect(body).toHaveText('Le conseil municipal a adopté le budget hier.');
  const question = threadItem(reporter.page, 'Le conseil municipal');
  await question.getByRole('button', { name: 'Resolve' }).click();
  await expect(question).toContainText(`Resolved by ${REPORTER.name}`);
  await saved(reporter.page);

  // The publisher (this desk, now signed in as one) takes it through approval and publishes it.
  await ipc(reporter.page, 'profile:save', {
    ...REPORTER,
    name: 'Sonia Publie',
    initials: 'SP',
    role: 'publisher',
  });
  await move(reporter.page, article.id, 'submitted');
  await move(reporter.page, article.id, 'approved');
  await move(reporter.page, article.id, 'published');
  await reporter.page.reload();
  await openArticle(reporter.page, new RegExp(token));
  await reporter.page.getByRole('button', { name: 'Publish', exact: true }).click();
  await reporterSite.getByRole('button', { name: 'Publish now' }).click();
  await expect(reporterSite).toContainText('Live', WP_ANSWER);

  // The live page is clean: the accepted text, nothing rejected, no review markup, no review state.
  const [post] = await wpAdmin<{ id: number; meta: Record<string, string> }[]>(
    'GET',
    `wp/v2/posts?search=${token}&status=publish&context=edit`,
  );
  expect(post!.meta.redac_review).toBe('');
  const page = await (await fetch(`${wp.url}/?p=${post!.id}`)).text();
  expect(page).toContain('Le conseil municipal a adopté le budget hier.');
  expect(page).not.toMatch(/de justesse|data-thread-id|data-suggestion|comment-anchor|Précisez|redac_review/);
});
