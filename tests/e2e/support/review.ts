import { expect, type Locator, type Page } from '@playwright/test';
import type { PersonRef } from '../../../src/shared/domain/people';
import { body } from './editor';
import { hostCall, type HostProcess } from './host';

export const NADIA: PersonRef = {
  id: '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a',
  name: 'Nadia Ouali',
  initials: 'NO',
  colour: '#8250df',
};
export const KARIM: PersonRef = {
  id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  name: 'Karim Benali',
  initials: 'KB',
  colour: '#1a7f37',
};

/**
 * Someone else takes this desk: a new profile (a new person, as Settings' "someone other than" saves it),
 * keeping the desk's role. It signs the comments and suggestions made from now on.
 */
export async function setPerson(host: HostProcess, person: Omit<PersonRef, 'id'>): Promise<void> {
  const current = await hostCall<{ role: string } | null>(host, 'profile:get', {});
  const { name, initials, colour } = person;
  // Another person at the same desk is a new identity, not a rename of the one before.
  const role = current?.role ?? 'publisher';
  await hostCall(host, 'profile:save', { name, initials, colour, role, newPerson: true });
}

export const review = (page: Page): Locator => page.getByRole('toolbar', { name: 'Review' });
export const panel = (page: Page): Locator => page.getByRole('complementary', { name: 'Comments' });
export const thread = (page: Page, quote: string): Locator =>
  panel(page).getByRole('listitem', { name: `Thread on “${quote}”` });

/** Selects `length` characters of the body's first paragraph from character `start`, with the keyboard. */
export async function selectInBody(page: Page, start: number, length: number): Promise<void> {
  await body(page)
    .locator('p')
    .first()
    .click({ position: { x: 2, y: 4 } });
  await page.keyboard.press('Home');
  for (let i = 0; i < start; i++) await page.keyboard.press('ArrowRight');
  for (let i = 0; i < length; i++) await page.keyboard.press('Shift+ArrowRight');
}

export async function selectedText(page: Page): Promise<string> {
  return page.evaluate(() => window.getSelection()?.toString() ?? '');
}

export async function writeComment(page: Page, text: string): Promise<void> {
  const composer = page.getByRole('form', { name: 'New comment' });
  await composer.getByRole('textbox', { name: 'Comment' }).fill(text);
  await composer.getByRole('button', { name: 'Comment' }).click();
  await expect(composer).toHaveCount(0);
}

export async function typographyOff(page: Page): Promise<void> {
  const button = page
    .getByRole('toolbar', { name: 'Formatting' })
    .getByRole('button', { name: 'French typography', exact: true });
  if ((await button.getAttribute('aria-pressed')) === 'true') await button.click();
}

/** The workflow panel of the open article, and a move in it (with an optional note for the history). */
export const workflowPanel = (page: Page): Locator => page.getByRole('region', { name: 'Workflow' });
export async function moveInUi(page: Page, action: string, note = ''): Promise<void> {
  const panel = workflowPanel(page);
  if (note) await panel.getByRole('textbox', { name: 'Note' }).fill(note);
  await panel
    .getByRole('group', { name: 'Workflow actions' })
    .getByRole('button', { name: action, exact: true })
    .click();
}

/** The open article's row on its one site, in the Publish (sync) panel of the Publishing toolbar. */
export async function siteRow(page: Page): Promise<Locator> {
  await page
    .getByRole('toolbar', { name: 'Publishing' })
    .getByRole('button', { name: 'Publish', exact: true })
    .click();
  return page.getByRole('list', { name: 'Sites' }).getByRole('listitem');
}
