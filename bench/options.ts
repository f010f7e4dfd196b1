import { parseArgs } from 'node:util';
import type { DatabaseKind } from './herald-setup.ts';

export const benchmarkNames = ['burst', 'lateness', 'calendar', 'calendar-api', 'analytics', 'instagram', 'dashboard', 'start', 'csv'] as const;
export type BenchmarkName = (typeof benchmarkNames)[number];

export type BenchOptions = {
  benchmarks: BenchmarkName[];
  /** Databases per benchmark: the burst, the analytics and instagram run on both by default, the lateness on the embedded one. */
  databases: Record<BenchmarkName, DatabaseKind[]>;
  postgresUrl: string;
  latencyMs: number;
  burst: { deliveries: number; channels: number; budgetSeconds: number };
  lateness: { minutes: number; perMinute: number; channels: number; idleSeconds: number };
  analytics: { channels: number; posts: number };
  instagram: { deliveries: number; channels: number; budgetSeconds: number; processingMs: number };
  /** `start`: seconds idle before the memory is read; whether the build stamps are removed first. */
  start: { idleSeconds: number; rebuild: boolean };
  calendarApi: { connections: number; durationSeconds: number };
  /** Herald settings changed from the shipped defaults (besides HERALD_MASTODON_ALLOW_HTTP). */
  env: Record<string, string>;
  /** Added to the result file names, so a variant does not overwrite the default run. */
  variant: string;
  profileQueries: boolean;
};

export const usage = `npm run bench -- [burst] [lateness] [calendar] [calendar-api] [analytics] [instagram] [dashboard] [start] [csv] [options]

  --db pglite|postgres|both     databases (default: burst, calendar-api, analytics and instagram on both, lateness on pglite)
  --postgres-url URL            server to create fresh databases on (default $BENCH_POSTGRES_URL or postgres://postgres@127.0.0.1:5432/test)
  --latency-ms N                the fake's answer delay (default 20)
  --deliveries N                burst size (default 10000)
  --channels N                  burst channels (default 500)
  --burst-budget-seconds N      stop a burst that has not finished by then and report the partial rate (default 90)
  --lateness-minutes N          how long posts keep coming (default 5)
  --lateness-per-minute N       posts due per minute (default 100)
  --lateness-channels N         channels they are spread over (default 10)
  --lateness-idle-seconds N     after the stream, how long Herald's CPU is measured with nothing due (default 60)
  --analytics-channels N        channels whose published posts the collector reads (default 50)
  --analytics-posts N           published deliveries per channel (default 40; the collector reads at most 100 per channel per run)
  --instagram-deliveries N      Instagram photo posts due at once (default 200)
  --instagram-channels N        Instagram channels they are spread over (default 40)
  --instagram-processing-ms N   how long the fake processes a photo container before FINISHED (default 3000)
  --instagram-budget-seconds N  stop an Instagram run that has not finished by then (default 120)
  --start-idle-seconds N        start: how long Herald idles before its memory is read (default 10)
  --start-rebuild               start: remove the build stamps first, so the first start builds the server and the web app
  --calendar-api-connections N  autocannon connections against the calendar API (default 10)
  --calendar-api-seconds N      how long each load runs (default 10, after 3 s of warm-up)
  --poll-seconds N              HERALD_JOB_POLL_SECONDS (default: the shipped default)
  --concurrency N               HERALD_PUBLISH_CONCURRENCY (default: the shipped default)
  --env KEY=VALUE               any other Herald setting (repeatable)
  --variant NAME                suffix of the result files (default: derived from the overrides)
  --profile-queries             time every query by statement (PostgreSQL: call to answer; PGlite: time in its engine)
`;

const number = (value: string | undefined, fallback: number, name: string) => {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number (got ${value})`);
  return n;
};

export function parseOptions(argv: string[]): BenchOptions | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      db: { type: 'string' },
      'postgres-url': { type: 'string' },
      'latency-ms': { type: 'string' },
      deliveries: { type: 'string' },
      channels: { type: 'string' },
      'burst-budget-seconds': { type: 'string' },
      'lateness-minutes': { type: 'string' },
      'lateness-per-minute': { type: 'string' },
      'lateness-channels': { type: 'string' },
      'lateness-idle-seconds': { type: 'string' },
      'analytics-channels': { type: 'string' },
      'analytics-posts': { type: 'string' },
      'instagram-deliveries': { type: 'string' },
      'instagram-channels': { type: 'string' },
      'instagram-processing-ms': { type: 'string' },
      'instagram-budget-seconds': { type: 'string' },
      'start-idle-seconds': { type: 'string' },
      'start-rebuild': { type: 'boolean' },
      'calendar-api-connections': { type: 'string' },
      'calendar-api-seconds': { type: 'string' },
      'poll-seconds': { type: 'string' },
      concurrency: { type: 'string' },
      env: { type: 'string', multiple: true },
      variant: { type: 'string' },
      'profile-queries': { type: 'boolean' },
    },
  });
  if (values.help) return 'help';
  const unknown = positionals.filter((p) => !(benchmarkNames as readonly string[]).includes(p));
  if (unknown.length) throw new Error(`unknown benchmark ${unknown.join(', ')} (choose from ${benchmarkNames.join(', ')})`);
  const benchmarks = positionals.length ? [...new Set(positionals as BenchmarkName[])] : [...benchmarkNames];

  const env: Record<string, string> = {};
  if (values['poll-seconds']) env.HERALD_JOB_POLL_SECONDS = values['poll-seconds'];
  if (values.concurrency) env.HERALD_PUBLISH_CONCURRENCY = values.concurrency;
  for (const pair of values.env ?? []) {
    const eq = pair.indexOf('=');
    if (eq < 1) throw new Error(`--env takes KEY=VALUE (got ${pair})`);
    env[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  const short: Record<string, string> = { HERALD_JOB_POLL_SECONDS: 'poll', HERALD_PUBLISH_CONCURRENCY: 'concurrency' };
  const variant = values.variant ?? Object.entries(env).map(([k, v]) => `${short[k] ?? k.toLowerCase()}${v}`).join('-');

  const chosen = values.db === undefined ? null : values.db === 'both' ? (['pglite', 'postgres'] as DatabaseKind[]) : [values.db as DatabaseKind];
  if (chosen?.some((kind) => kind !== 'pglite' && kind !== 'postgres')) throw new Error(`--db must be pglite, postgres or both (got ${values.db})`);

  return {
    benchmarks,
    databases: { burst: chosen ?? ['pglite', 'postgres'], lateness: chosen ?? ['pglite'], calendar: ['pglite'], 'calendar-api': chosen ?? ['postgres', 'pglite'], dashboard: ['pglite'], start: ['pglite'], csv: ['pglite'], analytics: chosen ?? ['pglite', 'postgres'], instagram: chosen ?? ['pglite', 'postgres'] },
    postgresUrl: values['postgres-url'] ?? process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    latencyMs: number(values['latency-ms'], 20, 'latency-ms'),
    burst: {
      deliveries: number(values.deliveries, 10_000, 'deliveries'),
      channels: number(values.channels, 500, 'channels'),
      budgetSeconds: number(values['burst-budget-seconds'], 90, 'burst-budget-seconds'),
    },
    lateness: {
      minutes: number(values['lateness-minutes'], 5, 'lateness-minutes'),
      perMinute: number(values['lateness-per-minute'], 100, 'lateness-per-minute'),
      channels: number(values['lateness-channels'], 10, 'lateness-channels'),
      idleSeconds: number(values['lateness-idle-seconds'], 60, 'lateness-idle-seconds'),
    },
    analytics: {
      channels: number(values['analytics-channels'], 50, 'analytics-channels'),
      posts: number(values['analytics-posts'], 40, 'analytics-posts'),
    },
    instagram: {
      deliveries: number(values['instagram-deliveries'], 200, 'instagram-deliveries'),
      channels: number(values['instagram-channels'], 40, 'instagram-channels'),
      processingMs: number(values['instagram-processing-ms'], 3000, 'instagram-processing-ms'),
      budgetSeconds: number(values['instagram-budget-seconds'], 120, 'instagram-budget-seconds'),
    },
    start: { idleSeconds: number(values['start-idle-seconds'], 10, 'start-idle-seconds'), rebuild: values['start-rebuild'] ?? false },
    calendarApi: {
      connections: number(values['calendar-api-connections'], 10, 'calendar-api-connections'),
      durationSeconds: number(values['calendar-api-seconds'], 10, 'calendar-api-seconds'),
    },
    env,
    variant,
    profileQueries: values['profile-queries'] ?? false,
  };
}

export const resultName = (benchmark: BenchmarkName, options: BenchOptions) => (options.variant ? `${benchmark}.${options.variant}` : benchmark);
