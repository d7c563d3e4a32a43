import type { Browser, Page } from '@playwright/test';
import { newDataDir, startHostProcess, type HostProcess } from './host';

/** The two people of the review-loop specs, each at a desk of their own. */
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
    async open(browser: Browser, profile: typeof REPORTER | typeof COPY_EDITOR): Promise<Desk> {
      const host = await startHostProcess(newDataDir(), 0, { profile });
      opened.push(host);
      const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
      await page.goto(host.openUrl);
      return { host, page };
    },
    closeAll: () => Promise.all(opened.splice(0).map((h) => h.stop())),
  };
}
