import { defineConfig } from 'vitest/config';

/** One config: co-located unit/contract tests under src/, end-to-end tests under test/. */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/*.contract.ts', 'node_modules', 'dist'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
