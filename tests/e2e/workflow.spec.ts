import { expect, test, type Page } from '@playwright/test';
import { wordpressSite, wpAdmin } from '../support/wordpress';
import { body } from './support/editor';
import { addEditorSite } from './support/editorSite';
import { ipc } from './support/ipc';
import { newDataDir, startHostProcess, type HostProcess } from './support/host';

let host: HostProcess | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

const workflow = (page: Page) => page.getByRole('region', { name: 'Workflow' });
const actions = (page: Page) => workflow(page).getByRole('group', { name: 'Workflow actions' });
const desk = (page: Page) => page.getByRole('navigation', { name: 'Desk' });

async function saved(page: Page): Promise<void> {
  await expect(page.getByRole('status').first()).toHaveText('Saved');
}

async function switchRole(page: Page, role: string): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('combobox', { name: 'Role' }).selectOption({ label: role });
  await settings.getByRole('button', { name: 'Save profile' }).click();
  await expect(settings.getByText('Profile saved.')).toBeVisible();
  await settings.getByRole('button', { name: 'Close settings' }).click();
}

test('a reporter submits with a note; a copy editor finds it in To review, sees what changed since, approves', async ({
  page,
}) => {
  host = await startHostProcess(newDataDir(), 0, { profile: null });
  await page.goto(host.openUrl);

  // First run: nothing of the workspace until the desk knows who this is.
  await expect(page.getByRole('heading', { name: 'Who is using this desk?' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Articles' })).toHaveCount(0);
  await page.getByRole('textbox', { name: 'Your name' }).fill('Nadia Ait');
  await expect(page.getByRole('textbox', { name: 'Initials' })).toHaveValue('NA');
  await page.getByLabel('Colour').fill('#aa3300');
  await page.getByRole('combobox', { name: 'Role' }).selectOption({ label: 'Reporter' });
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('heading', { name: 'Articles' })).toBeVisible();
  await expect(page.getByText('Nadia Ait · Reporter')).toBeVisible();

  await page.getByRole('button', { name: 'New article' }).click();
  await page.getByRole('textbox', { name: 'Headline' }).fill('Le maire démissionne');
  await body(page).click();
  await page.keyboard.type('Le conseil municipal se réunit demain.');
  await saved(page);
  await expect(desk(page).getByRole('button', { name: /My drafts/ })).toContainText('1');

  // A reporter may submit, never approve.
  await expect(workflow(page).getByText('Status: Draft')).toBeVisible();
  await expect(actions(page).getByRole('button', { name: 'Approve' })).toHaveCount(0);
  await workflow(page).getByRole('textbox', { name: 'Note' }).fill('Prêt pour relecture, photo à venir');
  await actions(page).getByRole('button', { name: 'Submit' }).click();
  await expect(workflow(page).getByText('Status: Submitted')).toBeVisible();
  await expect(actions(page).getByRole('button', { name: 'Approve' })).toHaveCount(0);
  await expect(actions(page).getByRole('button', { name: 'Return to reporter' })).toBeVisible();
  // Forged over the host's contract, as a tampered renderer would: refused by main, nothing moves.
  const [summary] = await ipc<{ id: string; revision: number }[]>(page, 'articles:list', {});
  await expect(
    ipc(page, 'workflow:transition', {
      articleId: summary!.id,
      to: 'approved',
      baseRevision: summary!.revision,
    }),
  ).rejects.toThrow(/reporter may not/);
  await expect(workflow(page).getByText('Status: Submitted')).toBeVisible();
  expect((await ipc<{ status: string }>(page, 'articles:get', { id: summary!.id })).status).toBe('submitted');

  // Edited after submission: these words are what the copy editor must see.
  await page.getByRole('textbox', { name: 'Headline' }).fill('Le maire de Lyon démissionne');
  await saved(page);

  await switchRole(page, 'Copy editor');
  const toReview = desk(page).getByRole('button', { name: /To review/ });
  await expect(toReview).toContainText('1');
  await toReview.click();
  const list = page.getByRole('navigation', { name: 'To review' });
  await list.getByRole('button', { name: /Le maire de Lyon démissionne/ }).click();

  await workflow(page).getByRole('button', { name: 'Changes since submitted' }).click();
  const changes = page.getByRole('dialog', { name: 'Changes since submitted' });
  const headline = changes.getByRole('region', { name: 'Headline' });
  await expect(headline.locator('ins')).toHaveText(/de Lyon/);
  await expect(changes.getByRole('region', { name: 'Body' })).toHaveCount(0);
  await changes.getByRole('button', { name: 'Close changes' }).click();

  // Who moved it, when, and the note, in the history.
  const history = workflow(page).getByRole('list', { name: 'Workflow history' });
  await expect(history.getByRole('listitem').first()).toContainText('Nadia Ait');
  await expect(history.getByRole('listitem').first()).toContainText('Draft → Submitted');
  await expect(history.getByRole('listitem').first()).toContainText('Prêt pour relecture, photo à venir');
  const year = String(new Date().getFullYear());
  await expect(history.getByRole('listitem').first()).toContainText(year);

  await actions(page).getByRole('button', { name: 'Approve' }).click();
  await expect(workflow(page).getByText('Status: Approved')).toBeVisible();
  await expect(toReview).toContainText('0');
  await expect(desk(page).getByRole('button', { name: /Approved and waiting/ })).toContainText('1');
  await expect(history.getByRole('listitem').first()).toContainText('Submitted → Approved');
  // Only a publisher publishes.
  await expect(actions(page).getByRole('button', { name: 'Publish' })).toHaveCount(0);
});

test('a deadline in the past shows as Overdue, in words, in the editor and the desk view', async ({
  page,
}) => {
  host = await startHostProcess(newDataDir());
  await page.goto(host.openUrl);
  await page.getByRole('button', { name: 'New article' }).click();
  await page.getByRole('textbox', { name: 'Headline' }).fill('Inondations dans le Gard');
  await saved(page);

  await workflow(page).getByRole('combobox', { name: 'Assignee' }).selectOption({ label: 'Test Desk (me)' });
  await workflow(page).getByLabel('Deadline').fill('2020-01-02T09:30');
  await workflow(page).getByRole('combobox', { name: 'Priority' }).selectOption({ label: 'Urgent' });
  await workflow(page).getByRole('button', { name: 'Save assignment' }).click();
  await expect(workflow(page).getByText('Overdue')).toBeVisible();
  await expect(workflow(page).getByRole('list', { name: 'Workflow history' })).toContainText(
    'assigned to Test Desk, Urgent',
  );

  await desk(page)
    .getByRole('button', { name: /My drafts/ })
    .click();
  const item = page.getByRole('navigation', { name: 'My drafts' }).getByRole('listitem');
  await expect(item).toContainText('Inondations dans le Gard');
  await expect(item).toContainText('Overdue');
  await expect(item).toContainText('Urgent');
});

test('Settings takes the name from the connected site’s users/me', async ({ page }) => {
  const wp = wordpressSite();
  host = await startHostProcess(newDataDir());
  await page.goto(host.openUrl);
  await addEditorSite(page);
  const onSite = await wpAdmin<{ name: string }>('GET', `wp/v2/users/${wp.users.editor.id}?context=edit`);
  await page.reload();

  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await expect(settings.getByRole('textbox', { name: 'Your name' })).toHaveValue('Test Desk');
  await settings.getByRole('button', { name: 'Use name from site' }).click();
  await expect(settings.getByRole('textbox', { name: 'Your name' })).toHaveValue(onSite.name, {
    timeout: 20_000,
  });
  await settings.getByRole('button', { name: 'Save profile' }).click();
  await expect(settings.getByText('Profile saved.')).toBeVisible();
  await settings.getByRole('button', { name: 'Close settings' }).click();
  await expect(page.getByText(`${onSite.name} · Publisher`)).toBeVisible();
});

test('a publisher’s Publish is held while a suggestion remains, then, linked to no site, says nothing was sent', async ({
  page,
}) => {
  host = await startHostProcess(newDataDir());
  await page.goto(host.openUrl);
  await page.getByRole('button', { name: 'New article' }).click();
  await page.getByRole('textbox', { name: 'Headline' }).fill('Le budget est adopté');
  await body(page).click();
  await page.keyboard.type('Le conseil a adopté le budget.');
  await saved(page);
  await actions(page).getByRole('button', { name: 'Submit' }).click();
  await expect(workflow(page).getByText('Status: Submitted')).toBeVisible();
  await actions(page).getByRole('button', { name: 'Approve' }).click();
  await expect(workflow(page).getByText('Status: Approved')).toBeVisible();

  const reviewBar = page.getByRole('toolbar', { name: 'Review' });
  await reviewBar.getByRole('button', { name: 'Suggest changes' }).click();
  await body(page).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Hier.');
  await expect(body(page).locator('ins[data-suggestion-id]')).toHaveText(' Hier.');
  await saved(page);

  // Held: the status stays, the panel says why, and there is no way around it but settling the suggestion.
  await actions(page).getByRole('button', { name: 'Publish' }).click();
  const held = workflow(page).getByRole('alert');
  await expect(held).toContainText('Not published: the checklist holds it back. Nothing was changed.');
  await expect(held).toContainText('Suggestions remain');
  await expect(held.getByRole('button', { name: 'Publish anyway' })).toHaveCount(0);
  await expect(workflow(page).getByText('Status: Approved')).toBeVisible();

  await reviewBar.getByRole('button', { name: 'Accept all', exact: true }).click();
  await expect(body(page).locator('ins[data-suggestion-id]')).toHaveCount(0);
  await saved(page);
  await actions(page).getByRole('button', { name: 'Publish' }).click();
  await expect(workflow(page).getByText('Status: Published')).toBeVisible();
  await expect(workflow(page).getByRole('status')).toContainText(
    'Marked published on this desk only: this article is not linked to any site, so nothing was sent.',
  );
});
