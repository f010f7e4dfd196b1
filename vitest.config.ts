import { defineConfig } from 'vitest/config';
import LongestFirstSequencer from './test/helpers/longest-first-sequencer.ts';

// `npm test` runs every file on PGlite (embedded mode). With HERALD_TEST_POSTGRES_URL set (CI does),
// the same run also runs, on PostgreSQL, every file that opens a database; both share one pool of
// workers, so a file waiting on a timer or a fake lets a file of the other database use the core.
const postgresUrl = process.env.HERALD_TEST_POSTGRES_URL;
const exclude = ['test/e2e/**', 'test/reliability/**', '**/node_modules/**'];
// Unit tests under src/ never open a database, except these: running them twice proves nothing.
const srcFilesWithDatabase = [
  'src/server/modules/media/media.tus-locker.test.ts',
  'src/server/modules/media/media.probe.test.ts',
  'src/server/modules/publishing/network-slots.test.ts',
  'src/server/modules/analytics/report.test.ts',
  'src/server/modules/analytics/analytics.history.test.ts',
  'src/networks/x/x.test.ts',
  'src/server/db/read-snapshot.test.ts',
];

export default defineConfig({
  test: {
    pool: 'forks',
    // A worker keeps its loaded modules from one file to the next instead of loading the server
    // again for each (the suites' collect time was about half their CPU time): 10 integration files
    // took 142 s of CPU isolated and 66 s not. Test files share no state but what they start and
    // stop themselves (no vi.mock, no env writes).
    isolate: false,
    // Test files mostly wait (publishing due times, fakes' latencies, polls), so more files than
    // cores run at once; HERALD_TEST_WORKERS overrides (CI's two cores take 4).
    maxWorkers: Number(process.env.HERALD_TEST_WORKERS ?? 2),
    // As many kept as started: with workers kept between files (isolate: false), tinypool's idle
    // timeout would stop a worker between two files while the end of the run stops it too, and the
    // second stop rejects unhandled ("Terminating worker thread"), failing a run whose tests passed.
    minWorkers: Number(process.env.HERALD_TEST_WORKERS ?? 2),
    // Generous: with four files at once on two cores a Herald start or a publish takes several
    // times longer than alone; a limit only has to stop a test that hangs.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // The slowest files start first (test/durations.json), so none of them ends the run alone.
    sequence: { sequencer: LongestFirstSequencer },
    projects: [
      {
        extends: true,
        test: {
          // `TEST_DATABASE_URL=… npm test` runs this project on PostgreSQL alone.
          name: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          // Browser journeys and the slow reliability tests have configurations of their own.
          exclude,
          globalSetup: ['test/helpers/global-setup.ts'],
        },
      },
      ...(postgresUrl
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgres',
                include: [...srcFilesWithDatabase, 'test/**/*.test.ts'],
                exclude: [...exclude, 'test/lint/**'],
                env: { TEST_DATABASE_URL: postgresUrl },
                globalSetup: ['test/helpers/global-setup-postgres.ts'],
              },
            },
          ]
        : []),
    ],
  },
});
