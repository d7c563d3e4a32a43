import type { Page } from '@playwright/test';
import { wordpressSite } from '../../support/wordpress';
import { ipc } from './ipc';

/** The test WordPress, added under its editor user and Application Password, as a publisher does in Sites. */
export async function addEditorSite(page: Page): Promise<void> {
  const wp = wordpressSite();
  await ipc(page, 'sites:add', {
    url: wp.url,
    username: 'editor',
    password: wp.users.editor.applicationPassword,
  });
}
