import { runAnalytics } from './analytics.bench.ts';
import { runBurst } from './burst.bench.ts';
import { runCalendar } from './calendar.bench.ts';
import { runDashboard } from './dashboard.bench.ts';
import { runInstagram } from './instagram.bench.ts';
import { runLateness } from './lateness.bench.ts';
import { parseOptions, resultName, usage, type BenchmarkName, type BenchOptions } from './options.ts';
import { writeResult } from './results.ts';

// npm run bench [-- burst|lateness|calendar|analytics|instagram|dashboard] [options]: runs the publishing benchmarks one after the
// other (never together: they would share the two cores) and writes bench/results/<name>.json.

const benchmarks: Record<BenchmarkName, (options: BenchOptions, log: (line: string) => void) => Promise<unknown>> = { burst: runBurst, lateness: runLateness, calendar: runCalendar, analytics: runAnalytics, instagram: runInstagram, dashboard: runDashboard };

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
