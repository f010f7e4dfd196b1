import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Browser journeys and the slow reliability tests have configurations of their own.
    exclude: ['test/e2e/**', 'test/reliability/**', '**/node_modules/**'],
    pool: 'forks',
    globalSetup: ['test/helpers/global-setup.ts'],
    // Two cores here and in CI; each test file opens its own database.
    maxWorkers: 2,
    minWorkers: 1,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
