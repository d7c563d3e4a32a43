import { defineConfig } from '@playwright/test';
import { chromiumExecutable } from './tests/e2e/support/browser';

/**
 * Specs drive the real renderer, served by the real host over a real store, in a real Chromium: Debian's
 * (/usr/bin/chromium) where Playwright's own browser cannot be downloaded.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  // The publishing specs need the real WordPress on loopback; started once when it is not running.
  globalSetup: './tests/e2e/support/wordpressSetup.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // These machines are shared: a loaded one runs a long spec several times slower than an idle one.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: '.tmp/playwright.json' }]],
  use: {
    headless: true,
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    trace: 'retain-on-failure',
  },
});
