import { defineConfig } from 'vitest/config';

// The slow reliability tests (processes killed mid-run, chaos at the fakes, several workers) run in
// their own CI step, one file at a time: they start several Herald processes each and would only
// slow each other down.
export default defineConfig({
  test: {
    include: ['test/reliability/**/*.test.ts'],
    pool: 'forks',
    globalSetup: ['test/helpers/global-setup.ts'],
    maxWorkers: 1,
    minWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
