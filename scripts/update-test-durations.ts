// Writes test/durations.json from the durations vitest recorded in its cache during the last full
// run (node_modules/.vite/vitest/*/results.json), for test/helpers/longest-first-sequencer.ts.
// Run it after a full `npm test` with HERALD_TEST_POSTGRES_URL set, so both projects are in it.
import fs from 'node:fs';
import path from 'node:path';

const cacheRoot = path.resolve('node_modules/.vite/vitest');
const durations: Record<string, number> = {};
for (const dir of fs.existsSync(cacheRoot) ? fs.readdirSync(cacheRoot) : []) {
  const file = path.join(cacheRoot, dir, 'results.json');
  if (!fs.existsSync(file)) continue;
  const { results } = JSON.parse(fs.readFileSync(file, 'utf8')) as { results: [string, { duration: number; failed: boolean }][] };
  for (const [key, { duration }] of results) {
    // Only this project's suites (not the e2e or reliability configurations' files).
    if (/^(pglite|postgres):/.test(key) && !key.includes('test/e2e/') && !key.includes('test/reliability/')) durations[key] = Math.round(duration / 100) * 100;
  }
}
const count = Object.keys(durations).length;
if (!count) {
  console.error('No durations in vitest’s cache: run the suites first (npm test, with HERALD_TEST_POSTGRES_URL for PostgreSQL).');
  process.exit(1);
}
const sorted = Object.fromEntries(Object.entries(durations).sort(([a], [b]) => a.localeCompare(b)));
fs.writeFileSync(path.resolve('test/durations.json'), `${JSON.stringify(sorted, null, 1)}\n`);
console.log(`test/durations.json: ${count} files`);
