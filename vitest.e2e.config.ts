import { defineConfig } from 'vitest/config';

const e2eWorkers = Number(process.env.HERALD_E2E_WORKERS ?? 1);

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    pool: 'forks',
    globalSetup: ['test/helpers/global-setup.ts'],
    // One journey at a time by default; CI runs two side by side (HERALD_E2E_WORKERS): a journey
    // mostly waits on Chromium and the engine, and each has its own Herald, fakes and browser.
    maxWorkers: e2eWorkers,
    minWorkers: 1,
    fileParallelism: e2eWorkers > 1,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // A page's first data can take seconds to show with two journeys at once on a loaded 2-core
    // machine (CI once missed a settings list by a poll's default second); a poll only has to
    // stop a wait that would never end.
    expect: { poll: { timeout: 10_000 } },
  },
});
