import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // Each file builds its own SQLite files in a temporary folder; forks keep native handles apart.
    pool: 'forks',
    testTimeout: 20_000,
  },
});
