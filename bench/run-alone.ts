import { pathToFileURL } from 'node:url';
import { parseOptions, type BenchOptions } from './options.ts';
import { writeResult } from './results.ts';

type BrowserBench = (options: BenchOptions, log: (line: string) => void, runs: number) => Promise<unknown>;

/**
 * `npx tsx bench/<name>.bench.ts [--runs N]`: runs one browser benchmark by itself (N page loads,
 * 10 by default) and writes its result, when `moduleUrl` is the file node was started with.
 */
export function runAloneIfMain(moduleUrl: string, name: string, run: BrowserBench) {
  if (moduleUrl !== pathToFileURL(process.argv[1] ?? '').href) return;
  const started = Date.now();
  const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
  const runsArg = process.argv.indexOf('--runs');
  const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 10;
  const options = parseOptions(process.argv.slice(2).filter((_, i, all) => all[i] !== '--runs' && all[i - 1] !== '--runs'));
  if (options === 'help') process.exit(0);
  run(options, log, runs).then(
    (result) => {
      log(`wrote ${writeResult(name, result)}`);
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
