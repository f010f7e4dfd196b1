import crypto from 'node:crypto';
import os from 'node:os';
import pino from 'pino';
import { descriptors } from '../src/networks/index.ts';
import { channelDailyStats, channels, deliveries, deliveryMetrics, postGroups } from '../src/server/db/schema/index.ts';
import { buildWebIfStale } from '../src/server/web-build.ts';
import { chromium } from 'playwright-core';
import { benchDatabase, benchEnv, startBenchWorkspace } from './herald-setup.ts';
import { type BenchOptions } from './options.ts';
import { runAloneIfMain } from './run-alone.ts';
import { machine, revision } from './results.ts';
import { summarize } from './stats.ts';

// Analytics dashboard: a year of daily statistics for 20 channels (and a post a day on each), the
// dashboard open in headless Chromium over that year, and the time from the answer's arrival
// (performance.mark when the JSON is parsed) to all four charts drawn (uPlot's draw hook, marked
// once every chart has drawn), as the page itself measures it; each run is a fresh page load.

const channelCount = 20;
const days = 365;
const budgetMs = 300;

/**
 * Chromium as test/e2e/browser.ts launches it (same flags). That module cannot be imported outside
 * vitest: it reaches test/helpers/publishing.ts, which imports vitest's expect.
 */
const launchBrowser = () =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });

const pad = (n: number) => String(n).padStart(2, '0');
const dayOf = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

type Sample = { drawnMs: number; loadToDrawnMs: number };

async function seed(w: Awaited<ReturnType<typeof startBenchWorkspace>>) {
  const db = w.h.herald.database.db;
  const channelRows = Array.from({ length: channelCount }, (_, i) => {
    const network = descriptors[i % descriptors.length]!.id;
    const id = crypto.randomUUID();
    return { id, workspaceId: w.workspaceId, network, externalId: id, username: `bench${i}`, displayName: `Bench ${network} ${i}` };
  });
  await db.insert(channels).values(channelRows);
  const today = new Date();
  const stats: (typeof channelDailyStats.$inferInsert)[] = [];
  const groups: (typeof postGroups.$inferInsert)[] = [];
  const rows: (typeof deliveries.$inferInsert)[] = [];
  const metrics: (typeof deliveryMetrics.$inferInsert)[] = [];
  const random = (n: number) => crypto.randomInt(n);
  for (const [c, channel] of channelRows.entries()) {
    const reports = descriptors.find((d) => d.id === channel.network)!.analytics.counters as readonly string[];
    const counter = (value: number, name: string) => (reports.includes(name) ? value : null);
    for (let d = 0; d < days; d += 1) {
      const date = new Date(today.getFullYear(), today.getMonth(), today.getDate() - d);
      const posts = random(3);
      const likes = posts * (20 + random(80));
      stats.push({
        channelId: channel.id,
        workspaceId: w.workspaceId,
        day: dayOf(date),
        postsPublished: posts,
        followers: 1000 * (c + 1) + (days - d) * 3 + random(5),
        views: posts ? counter(likes * 30, 'views') : null,
        likes: posts ? likes : null,
        comments: posts ? counter(random(20), 'comments') : null,
        shares: posts ? counter(random(10), 'shares') : null,
        reach: posts ? counter(likes * 12, 'reach') : null,
      });
      if (d % 7 === 0) {
        const id = crypto.randomUUID();
        const deliveryId = crypto.randomUUID();
        const at = new Date(date.getTime() + 10 * 3_600_000);
        const content = { parts: [{ text: `Dashboard bench post ${c}/${d}`, media: [] }], settings: {} };
        groups.push({ id, workspaceId: w.workspaceId, state: 'published', content, publishAt: at });
        rows.push({ id: deliveryId, workspaceId: w.workspaceId, postGroupId: id, channelId: channel.id, network: channel.network, state: 'published', content, idempotencyKey: deliveryId, publishedAt: at, externalUrl: `https://example.com/${deliveryId}` });
        metrics.push({ deliveryId, workspaceId: w.workspaceId, channelId: channel.id, likes, views: counter(likes * 30, 'views'), comments: counter(random(20), 'comments'), shares: counter(random(10), 'shares'), reach: counter(likes * 12, 'reach') });
      }
    }
  }
  for (let i = 0; i < stats.length; i += 1000) await db.insert(channelDailyStats).values(stats.slice(i, i + 1000));
  for (let i = 0; i < groups.length; i += 500) await db.insert(postGroups).values(groups.slice(i, i + 500));
  for (let i = 0; i < rows.length; i += 500) await db.insert(deliveries).values(rows.slice(i, i + 500));
  for (let i = 0; i < metrics.length; i += 500) await db.insert(deliveryMetrics).values(metrics.slice(i, i + 500));
  return { from: dayOf(new Date(today.getFullYear(), today.getMonth(), today.getDate() - (days - 1))), to: dayOf(today), rows: stats.length, posts: rows.length };
}

export async function runDashboard(options: BenchOptions, log: (line: string) => void, runs = 10) {
  await buildWebIfStale(pino({ level: 'warn' }));
  const database = await benchDatabase('pglite', options.postgresUrl);
  try {
    const setupStarted = Date.now();
    const w = await startBenchWorkspace(database, benchEnv(options.env));
    const seeded = await seed(w);
    log(`dashboard: ${seeded.rows} daily rows and ${seeded.posts} posts for ${channelCount} channels in ${((Date.now() - setupStarted) / 1000).toFixed(1)} s`);
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
      await context.addCookies([...w.client.jar].map(([name, value]) => ({ name, value, url: w.h.url })));
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      const url = `${w.h.url}/w/${w.workspaceId}/analytics?range=custom&from=${seeded.from}&to=${seeded.to}`;
      const samples: Sample[] = [];
      // One warm-up load (the bundle into the cache), then the measured ones.
      for (let i = 0; i <= runs; i += 1) {
        await page.goto(url);
        await page.locator('[data-testid="analytics-dashboard"][data-drawn]').waitFor();
        const sample = await page.evaluate(() => {
          const data = performance.getEntriesByName('analytics:data').at(-1)!;
          const drawn = performance.getEntriesByName('analytics:drawn').at(-1)!;
          return { drawnMs: drawn.startTime - data.startTime, loadToDrawnMs: drawn.startTime };
        });
        if (i > 0) samples.push(sample);
      }
      const drawn = summarize(samples.map((s) => s.drawnMs));
      const load = summarize(samples.map((s) => s.loadToDrawnMs));
      log(`  data → charts drawn: p50 ${drawn.p50} ms, p95 ${drawn.p95} ms, max ${drawn.max} ms; page load → drawn p50 ${load.p50} ms (budget ${budgetMs} ms)`);
      return {
        benchmark: 'dashboard',
        ranAt: new Date().toISOString(),
        machine: machine(),
        revision: revision(),
        browser: { name: 'chromium', version: browser.version(), headless: true, viewport: '1440x900' },
        database: 'pglite',
        data: { channels: channelCount, days, dailyRows: seeded.rows, posts: seeded.posts, range: { from: seeded.from, to: seeded.to } },
        definition:
          'performance marks in the page: from the dashboard answer parsed (analytics:data) to the last of the four uPlot charts drawn (analytics:drawn); each run a fresh page load of the year range (one warm-up load not counted)',
        loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
        budgetMs,
        withinBudget: (drawn.p95 ?? Infinity) <= budgetMs,
        dataToDrawnMs: drawn,
        pageLoadToDrawnMs: load,
        samples,
      };
    } finally {
      await browser.close();
      await w.h.close();
    }
  } finally {
    await database.drop().catch(() => undefined);
  }
}

// `npx tsx bench/dashboard.bench.ts [--runs N]` runs it alone; `npm run bench -- dashboard` with the others.
runAloneIfMain(import.meta.url, 'dashboard', runDashboard);
