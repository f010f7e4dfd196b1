import { parseOptions, resultName, usage, type BenchmarkName, type BenchOptions } from './options.ts';
import { writeResult } from './results.ts';

// npm run bench [-- burst|lateness|calendar|calendar-api|analytics|instagram|dashboard|start|csv] [options]: runs the publishing benchmarks one after the
// other (never together: they would share the two cores) and writes bench/results/<name>.json.

// Each benchmark is loaded only when it runs: the calendar one reaches test helpers that import
// vitest, which throws outside a vitest run and would stop every other benchmark from starting.
const benchmarks: Record<BenchmarkName, (options: BenchOptions, log: (line: string) => void) => Promise<unknown>> = {
  burst: async (options, log) => (await import('./burst.bench.ts')).runBurst(options, log),
  lateness: async (options, log) => (await import('./lateness.bench.ts')).runLateness(options, log),
  calendar: async (options, log) => (await import('./calendar.bench.ts')).runCalendar(options, log),
  'calendar-api': async (options, log) => (await import('./calendar-api.bench.ts')).runCalendarApi(options, log),
  analytics: async (options, log) => (await import('./analytics.bench.ts')).runAnalytics(options, log),
  instagram: async (options, log) => (await import('./instagram.bench.ts')).runInstagram(options, log),
  dashboard: async (options, log) => (await import('./dashboard.bench.ts')).runDashboard(options, log),
  start: async (options, log) => (await import('./start.bench.ts')).runStart(options, log),
  csv: async (options, log) => (await import('./csv.bench.ts')).runCsv(options, log),
};

async function main() {
  let options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    process.exit(2);
  }
  if (options === 'help') {
    console.log(usage);
    return;
  }
  const started = Date.now();
  const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
  if (Object.keys(options.env).length) log(`Herald settings changed from the defaults: ${JSON.stringify(options.env)}`);
  for (const name of options.benchmarks) {
    const result = await benchmarks[name](options, log);
    log(`wrote ${writeResult(resultName(name, options), result)}`);
  }
  log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
