import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // Each file builds its own SQLite files in a temporary folder; forks keep native handles apart.
    pool: 'forks',
    // The publishing tests run against a real WordPress on loopback (scripts/wordpress/start.sh).
    globalSetup: ['tests/support/wordpressGlobalSetup.ts'],
    testTimeout: 20_000,
    // Files that ask for happy-dom (the paste cleaner's) parse hostile HTML: nothing in it may load or run,
    // and nothing may leave loopback.
    environmentOptions: {
      happyDOM: {
        settings: {
          disableJavaScriptEvaluation: true,
          disableJavaScriptFileLoading: true,
          disableCSSFileLoading: true,
          disableIframePageLoading: true,
          navigation: {
            disableMainFrameNavigation: true,
            disableChildFrameNavigation: true,
            disableChildPageNavigation: true,
          },
        },
      },
    },
    // The JSON report feeds the one closing line of `npm test` (scripts/testSummary.mjs).
    reporters: ['default', ['json', { outputFile: '.tmp/vitest.json' }]],
  },
});
