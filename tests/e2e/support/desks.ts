import { expect, type Browser, type Page } from '@playwright/test';
import { newDataDir, startHostProcess, type HostProcess } from './host';

/** The people of the review-loop specs, each at a desk of their own. */
export const REPORTER = {
  name: 'Leïla Benali',
  initials: 'LB',
  colour: '#1f6feb',
  role: 'reporter',
} as const;
export const COPY_EDITOR = {
  name: 'Karim Haddad',
  initials: 'KH',
  colour: '#b35900',
  role: 'copy_editor',
} as const;

export const PUBLISHER = {
  name: 'Sonia Publie',
  initials: 'SP',
  colour: '#6f42c1',
  role: 'publisher',
} as const;

export type DeskProfile = typeof REPORTER | typeof COPY_EDITOR | typeof PUBLISHER;

export interface Desk {
  host: HostProcess;
  page: Page;
}

/**
 * Desks for one spec: each its own data folder, host process and browser context (downloads allowed, for
 * review packages). `closeAll` in afterEach stops every host opened.
 */
export function deskOpener() {
  const opened: HostProcess[] = [];
  return {
    async open(browser: Browser, profile: DeskProfile): Promise<Desk> {
      const host = await startHostProcess(newDataDir(), 0, { profile });
      opened.push(host);
      const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
      await page.goto(host.openUrl);
      return { host, page };
    },
    closeAll: () => Promise.all(opened.splice(0).map((h) => h.stop())),
  };
}

/** Connects the desk to a WordPress site the way a person does: the Sites screen, then back to the articles. */
export async function addSiteInUi(
  page: Page,
  url: string,
  username: string,
  password: string,
): Promise<void> {
  await page.getByRole('button', { name: 'Sites', exact: true }).click();
  await page.getByRole('textbox', { name: 'Site URL' }).fill(url);
  await page.getByRole('textbox', { name: 'Username' }).fill(username);
  await page.getByLabel('Application Password').fill(password);
  await page.getByRole('button', { name: 'Add site' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: url })).toBeVisible();
}

/** Pulls from the desk's site in the Sites screen and waits for the count it reports. */
export async function pullInUi(page: Page, expected: RegExp): Promise<void> {
  await page.getByRole('button', { name: 'Sites', exact: true }).click();
  await page.getByRole('button', { name: /^Pull posts from/ }).click();
  await expect(page.getByText(expected)).toBeVisible({ timeout: 60_000 });
}
