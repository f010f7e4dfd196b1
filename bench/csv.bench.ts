import crypto from 'node:crypto';
import os from 'node:os';
import { parse } from 'csv-parse/sync';
import { descriptors } from '../src/networks/index.ts';
import { checkVariant } from '../src/shared/publishing-rules.ts';
import { channels } from '../src/server/db/schema/index.ts';
import { columns } from '../src/server/modules/bulk-csv/bulk-csv.columns.ts';
import { previewCsv } from '../src/server/modules/bulk-csv/bulk-csv.service.ts';
import type { BulkCsvDeps } from '../src/server/modules/bulk-csv/bulk-csv.service.ts';
import { benchDatabase, benchEnv, startBenchWorkspace } from './herald-setup.ts';
import { type BenchOptions } from './options.ts';
import { runAloneIfMain } from './run-alone.ts';
import { machine, revision } from './results.ts';
import { summarize } from './stats.ts';

// Bulk CSV: a 10,000-row file (quoted texts with commas, quotes and line breaks, one to three
// channels a row, dates in two zones, a tenth of the rows invalid) checked by the preview service
// against every channel's rules on a real database; and, for the ratio, csv-parse alone reading
// the same file. Run alone with `npx tsx bench/csv.bench.ts [--runs N]`.

const rows = 10_000;
const budgetMs = 10_000;

/** Networks whose text-only post passes the publishing rules as is, so most rows are valid. */
function textOnlyNetworks() {
  const text = { parts: [{ text: 'hello', media: [] }], firstComment: null, settings: {} };
  return descriptors.filter((d) => checkVariant(d.id, text, new Map(), {}, { forPublishing: true, grant: { scopesGranted: [...d.scopes] } }).length === 0).slice(0, 3);
}

function buildFile(handles: string[]): string {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  const lines = [columns.join(',')];
  for (let i = 0; i < rows; i += 1) {
    const bad = i % 10 === 9;
    const text = `Post ${i}: "quoted", with commas, and\na second line ${crypto.randomBytes(6).toString('hex')}`;
    const picked = handles.slice(0, 1 + (i % handles.length)).join('; ');
    const cells: Record<string, string> = {
      text,
      channels: bad && i % 20 === 19 ? '@nobody' : picked,
      date: bad && i % 20 === 9 ? '2020-01-01' : day(2 + (i % 365)),
      time: `${String(i % 24).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}`,
      time_zone: i % 2 ? 'Europe/Berlin' : 'America/New_York',
    };
    lines.push(columns.map((c) => quote(cells[c] ?? '')).join(','));
  }
  return lines.join('\r\n');
}

export async function runCsv(options: BenchOptions, log: (line: string) => void, runs = 5) {
  const database = await benchDatabase('pglite', options.postgresUrl);
  try {
    const w = await startBenchWorkspace(database, benchEnv(options.env));
    const db = w.h.herald.database.db;
    const networks = textOnlyNetworks();
    const channelRows = networks.map((d, i) => ({ id: crypto.randomUUID(), workspaceId: w.workspaceId, network: d.id, externalId: `bench-${i}`, username: `bench${i}`, displayName: `Bench ${d.label}`, scopesGranted: [...d.scopes] }));
    await db.insert(channels).values(channelRows);
    const file = buildFile(channelRows.map((c) => `@${c.username}`));
    const [me] = await db.query.users.findMany({ limit: 1 });
    const ctx = { db, actor: { userId: me!.id, email: me!.email, ip: null, userAgent: 'bench' } };
    const deps = { posts: { boss: w.h.herald.boss, instance: { mediaByUrl: false } } } as BulkCsvDeps;
    log(`csv: ${rows} rows, ${(file.length / 1024 / 1024).toFixed(2)} MB, channels on ${networks.map((n) => n.label).join(', ')}`);

    const raw: number[] = [];
    const checked: number[] = [];
    let outcome = { valid: 0, invalid: 0 };
    // One warm-up of each, then the measured runs, alternating so load changes hit both alike.
    for (let i = 0; i <= runs; i += 1) {
      let started = performance.now();
      parse(file, { bom: true, skip_empty_lines: true, relax_column_count: true });
      const rawMs = performance.now() - started;
      started = performance.now();
      const answer = await previewCsv(ctx, deps, { workspaceId: w.workspaceId, csv: file });
      const checkedMs = performance.now() - started;
      outcome = { valid: answer.valid, invalid: answer.invalid };
      if (i > 0) {
        raw.push(Math.round(rawMs));
        checked.push(Math.round(checkedMs));
      }
    }
    const rawSummary = summarize(raw);
    const checkedSummary = summarize(checked);
    const ratio = rawSummary.p50 && checkedSummary.p50 ? Math.round((checkedSummary.p50 / rawSummary.p50) * 10) / 10 : null;
    log(`  csv-parse alone p50 ${rawSummary.p50} ms; parse + check of every row p50 ${checkedSummary.p50} ms (max ${checkedSummary.max} ms, budget ${budgetMs} ms), ${ratio}× raw; ${outcome.valid} valid, ${outcome.invalid} invalid`);
    await w.h.close();
    return {
      benchmark: 'csv',
      ranAt: new Date().toISOString(),
      machine: machine(),
      revision: revision(),
      database: 'pglite',
      data: { rows, bytes: Buffer.byteLength(file), channels: channelRows.length, networks: networks.map((n) => n.id), ...outcome },
      definition: 'previewCsv (parse, one read of channels, media and zone, every row checked against each chosen channel\'s rules, answer and errors CSV built) vs csv-parse alone on the same file; one warm-up of each not counted',
      loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
      budgetMs,
      withinBudget: (checkedSummary.max ?? Infinity) <= budgetMs,
      rawParseMs: rawSummary,
      previewMs: checkedSummary,
      ratioToRaw: ratio,
    };
  } finally {
    await database.drop().catch(() => undefined);
  }
}

// `npx tsx bench/csv.bench.ts [--runs N]` runs it alone; `npm run bench -- csv` with the others.
runAloneIfMain(import.meta.url, 'csv', runCsv);
