import { expect, test } from '@playwright/test';
import { startFaultProxy, type FaultProxy } from '../support/faultProxy';
import { wordpressSite, wpAdmin } from '../support/wordpress';
import { body, reopen, saved } from './support/editor';
import { addSiteInUi, COPY_EDITOR, deskOpener, PUBLISHER, pullInUi, REPORTER } from './support/desks';
import {
  moveInUi,
  panel,
  review,
  selectInBody,
  siteRow,
  thread as threadItem,
  typographyOff,
  workflowPanel,
  writeComment,
} from './support/review';

/**
 * Three desks, three data folders, three host processes that never share a store: a reporter, a copy editor
 * (offline while reviewing, behind a fault proxy) and a publisher. Every step a person takes is taken in the
 * UI: writing, workflow moves, sending for review, pulling, commenting, suggesting, accepting, rejecting,
 * resolving, publishing. Only the assertions on the live post read WordPress directly.
 */
test.setTimeout(240_000);
const WP_ANSWER = { timeout: 30_000 };

const desks = deskOpener();
let proxy: FaultProxy | undefined;
test.afterEach(async () => {
  await desks.closeAll();
  await proxy?.close();
  proxy = undefined;
});

test('a draft goes round three desks through the site: submitted, reviewed offline, returned, settled, resubmitted, published clean', async ({
  browser,
}) => {
  const wp = wordpressSite();
  const editorLogin = ['editor', wp.users.editor.applicationPassword] as const;
  const token = `boucle${Date.now().toString(36)}`;
  const headline = `${token} Le conseil vote le budget`;
  const mine = new RegExp(token);

  // ---- The reporter writes, submits, and sends it for review: pending on the site.
  const reporter = await desks.open(browser, REPORTER);
  const rp = reporter.page;
  await addSiteInUi(rp, wp.url, ...editorLogin);
  await rp.reload();
  await rp.getByRole('button', { name: 'New article' }).click();
  await rp.getByRole('textbox', { name: 'Headline' }).fill(headline);
  const section = rp.getByRole('combobox', { name: 'Section' });
  await section.fill('Politique');
  await section.press('Enter');
  await body(rp).click();
  await typographyOff(rp);
  await rp.keyboard.type('Le conseil municipal a voté le budget hier.');
  await saved(rp);
  await moveInUi(rp, 'Submit', 'Prêt pour relecture.');
  await expect(workflowPanel(rp).getByText('Status: Submitted')).toBeVisible();
  const reporterSite = await siteRow(rp);
  await reporterSite.getByRole('button', { name: 'Send for review' }).click();
  await expect(reporterSite).toContainText('Pending review', WP_ANSWER);

  // ---- The copy editor, elsewhere, pulls it through a network that is about to fail.
  let down = false;
  proxy = await startFaultProxy(wp.url, () => (down ? 'reset' : 'pass'));
  const copy = await desks.open(browser, COPY_EDITOR);
  const cp = copy.page;
  await addSiteInUi(cp, proxy.url, ...editorLogin);
  // The shared test site may hold other posts too: this one is found by its headline.
  await pullInUi(cp, /Pulled: \d+ new/);
  await reopen(cp, mine);
  await expect(workflowPanel(cp).getByText('Status: Submitted')).toBeVisible();
  await expect(body(cp)).toHaveText('Le conseil municipal a voté le budget hier.');

  // Offline: takes it into copy edit, comments, suggests, returns it with a note.
  down = true;
  await moveInUi(cp, 'Start copy edit');
  await expect(workflowPanel(cp).getByText('Status: In copy edit')).toBeVisible();
  await body(cp).click();
  await typographyOff(cp);
  await selectInBody(cp, 0, 20);
  await review(cp).getByRole('button', { name: 'Comment', exact: true }).click();
  await writeComment(cp, 'Lequel ? Précisez la ville.');
  await expect(threadItem(cp, 'Le conseil municipal')).toContainText(COPY_EDITOR.name);
  await review(cp).getByRole('button', { name: 'Suggest changes' }).click();
  await expect(review(cp).getByRole('button', { name: 'Suggest changes' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  // "voté" replaced by "adopté" (one suggestion: a deletion and an insertion), and " de justesse" added.
  await selectInBody(cp, 23, 4);
  await cp.keyboard.type('adopté');
  await selectInBody(cp, 43, 0);
  await cp.keyboard.type(' de justesse');
  await expect(body(cp).locator('ins[data-suggestion-id]')).toHaveText(['adopté', ' de justesse']);
  await expect(body(cp).locator('del[data-suggestion-id]')).toHaveText('voté');
  await expect(body(cp)).toHaveText('Le conseil municipal a votéadopté le budget de justesse hier.');
  await saved(cp);
  // Hands it back to the reporter, urgently: the assignment history travels with the article.
  const assignment = workflowPanel(cp);
  await assignment.getByRole('combobox', { name: 'Assignee' }).selectOption({ label: REPORTER.name });
  await assignment.getByRole('combobox', { name: 'Priority' }).selectOption({ label: 'Urgent' });
  await assignment.getByRole('button', { name: 'Save assignment' }).click();
  await expect(assignment).toContainText(`assigned to ${REPORTER.name}, urgent`, { ignoreCase: true });
  await moveInUi(cp, 'Return to reporter', 'Deux corrections et une question.');
  await expect(workflowPanel(cp).getByText('Status: Draft')).toBeVisible();

  // The site is unreachable: "Send for review" waits in the outbox with the reason, then goes when it is back.
  const copySite = await siteRow(cp);
  await copySite.getByRole('button', { name: 'Send for review' }).click();
  const operations = cp.getByRole('list', { name: 'Operations of this article' });
  await expect(operations).toContainText('could not be reached', WP_ANSWER);
  down = false;
  await operations
    .getByRole('button', { name: /^Retry/ })
    .first()
    .click();
  await expect(copySite).toContainText('Draft on the site', WP_ANSWER);

  // ---- The reporter pulls it back and sees every comment and suggestion, and why it came back.
  await pullInUi(rp, /Pulled: \d+ new, 1 updated, 0 in conflict/);
  await reopen(rp, mine);
  const text = body(rp);
  await expect(text.locator('ins[data-suggestion-id]')).toHaveText(['adopté', ' de justesse']);
  await expect(text.locator('ins[data-suggestion-id]').first()).toHaveAttribute(
    'title',
    new RegExp(`^${COPY_EDITOR.name}, `),
  );
  await expect(text.locator('del[data-suggestion-id]')).toHaveText('voté');
  await expect(text.locator('[data-thread-id]')).toHaveText('Le conseil municipal');
  const question = threadItem(rp, 'Le conseil municipal');
  await expect(question).toContainText('Lequel ? Précisez la ville.');
  await expect(question).toContainText(COPY_EDITOR.name);
  await expect(panel(rp).getByText('Detached')).toHaveCount(0);
  await expect(workflowPanel(rp).getByText('Status: Draft')).toBeVisible();
  await expect(workflowPanel(rp)).toContainText('Deux corrections et une question.');
  // Who assigned whom, when: the copy desk's assignment is in this desk's History.
  await expect(workflowPanel(rp)).toContainText(
    new RegExp(`${COPY_EDITOR.name} · .+ · assigned to ${REPORTER.name}, urgent`, 'i'),
  );

  // Accepts "adopté" (the replacement: its deletion of "voté" goes with it), rejects "de justesse", resolves
  // the thread, resubmits.
  const toolbar = review(rp);
  await text.locator('ins[data-suggestion-id]', { hasText: 'adopté' }).click();
  await toolbar.getByRole('button', { name: 'Accept', exact: true }).click();
  await expect(text.locator('del[data-suggestion-id]')).toHaveCount(0);
  await expect(text.locator('ins[data-suggestion-id]')).toHaveText([' de justesse']);
  await text.locator('ins[data-suggestion-id]', { hasText: 'de justesse' }).click();
  await toolbar.getByRole('button', { name: 'Reject', exact: true }).click();
  await expect(text.locator('[data-suggestion-id]')).toHaveCount(0);
  await expect(text).toHaveText('Le conseil municipal a adopté le budget hier.');
  await question.getByRole('button', { name: 'Resolve' }).click();
  await expect(question).toContainText(`Resolved by ${REPORTER.name}`);
  await saved(rp);
  await moveInUi(rp, 'Submit', 'Corrigé, merci.');
  await expect(workflowPanel(rp).getByText('Status: Submitted')).toBeVisible();
  const again = await siteRow(rp);
  await again.getByRole('button', { name: 'Send for review' }).click();
  await expect(again).toContainText('Pending review', WP_ANSWER);

  // ---- The publisher, at a desk of their own, pulls it, approves it and publishes it from the workflow.
  const publisher = await desks.open(browser, PUBLISHER);
  const pp = publisher.page;
  await addSiteInUi(pp, wp.url, ...editorLogin);
  await pullInUi(pp, /Pulled: \d+ new/);
  await reopen(pp, mine);
  await expect(body(pp)).toHaveText('Le conseil municipal a adopté le budget hier.');
  await expect(workflowPanel(pp).getByText('Status: Submitted')).toBeVisible();
  await expect(workflowPanel(pp)).toContainText(
    new RegExp(`${COPY_EDITOR.name} · .+ · assigned to ${REPORTER.name}, urgent`, 'i'),
  );
  await moveInUi(pp, 'Approve');
  await expect(workflowPanel(pp).getByText('Status: Approved')).toBeVisible();
  await moveInUi(pp, 'Publish');
  await expect(workflowPanel(pp).getByText('Status: Published')).toBeVisible();
  await expect(workflowPanel(pp).getByRole('status')).toContainText('queued to go live on');
  const live = await siteRow(pp);
  await expect(live).toContainText('Live', WP_ANSWER);

  // ---- The live post is clean: the accepted text, nothing rejected, no review markup, no review state.
  const [post] = await wpAdmin<
    { id: number; status: string; content: { raw: string }; meta: Record<string, string> }[]
  >('GET', `wp/v2/posts?search=${token}&status=publish&context=edit`);
  expect(post!.status).toBe('publish');
  expect(post!.meta.redac_review).toBe('');
  expect(post!.content.raw).toContain('Le conseil municipal a adopté le budget hier.');
  const markup = /de justesse|data-thread-id|data-suggestion|comment-anchor|Précisez|redac_review|<ins|<del/;
  expect(post!.content.raw).not.toMatch(markup);
  const page = await (await fetch(`${wp.url}/?p=${post!.id}`)).text();
  expect(page).toContain('Le conseil municipal a adopté le budget hier.');
  expect(page).not.toMatch(markup);
});
