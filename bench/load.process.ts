import autocannon from 'autocannon';
import { summarize } from './stats.ts';

// An HTTP load run in a process of its own (`node --import tsx bench/load.process.ts '<json>'`):
// in Herald's process the load generator would compete with the server for its event loop.
// Prints one JSON line: requests/s, latency percentiles (p95 included: autocannon's summary has
// p90 and p97.5 only, so every response time is kept) and the statuses seen.

export type LoadSpec = {
  url: string;
  /** Paths asked in turn on each connection (a month view that takes two pages is two paths). */
  paths: string[];
  headers: Record<string, string>;
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
};

export type LoadResult = {
  requests: number;
  requestsPerSecond: number;
  latencyMs: ReturnType<typeof summarize> & { p90: number | null; p97_5: number | null };
  bytesPerRequest: number;
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
};

async function run(spec: LoadSpec, record: boolean) {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.url,
        connections: spec.connections,
        duration: record ? spec.durationSeconds : spec.warmupSeconds,
        headers: spec.headers,
        requests: spec.paths.map((path) => ({ method: 'GET', path })),
      },
      (error, answer) => (error ? reject(error) : resolve(answer)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    });
  });
  return { result, latencies, statuses };
}

async function main() {
  const spec = JSON.parse(process.argv[2]!) as LoadSpec;
  if (spec.warmupSeconds > 0) await run(spec, false);
  const { result, latencies, statuses } = await run(spec, true);
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (p: number) => (sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! * 100) / 100 : null);
  const summary = summarize(latencies);
  const answer: LoadResult = {
    requests: latencies.length,
    requestsPerSecond: Math.round((latencies.length / spec.durationSeconds) * 10) / 10,
    // Sub-millisecond answers (the baseline) need the decimals that summarize() rounds away.
    latencyMs: { ...summary, p50: at(50), p90: at(90), p95: at(95), p97_5: at(97.5), p99: at(99) },
    bytesPerRequest: latencies.length ? Math.round(result.throughput.total / latencies.length) : 0,
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
  };
  process.stdout.write(`${JSON.stringify(answer)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
