import crypto from 'node:crypto';
import os from 'node:os';
import { eq, sql } from 'drizzle-orm';
import { loadConfig } from '../src/server/config/config.ts';
import { rowsOf } from '../src/server/db/database.ts';
import { channels, deliveries, postGroups } from '../src/server/db/schema/index.ts';
import { ANALYTICS_COLLECT_JOB } from '../src/server/modules/analytics/metrics.collector.ts';
import { startRemoteMastodonFake, type RemoteMastodonFake } from './fake-client.ts';
import { benchDatabase, benchEnv, contentTemplate, engineSettingsOf, heraldProblems, startWithChannels, type BenchWorkspace, type DatabaseKind, onEachDatabase } from './herald-setup.ts';
import type { SeededStatus } from './mastodon-fake.process.ts';
import type { BenchOptions } from './options.ts';
import { profilePgliteQueries, profileQueries } from './query-profile.ts';
import { machine, revision } from './results.ts';
import { perSecond, rateRatio, sleep, summarize } from './stats.ts';

// Analytics: one run of the analytics.collect job over every published delivery of `channels`
// channels with `posts` deliveries each, whose statuses exist at the fake (with favourites and
// boosts), then runs right after it with nothing due. The collector reads 8 channels at a time,
// each channel's statuses one GET at a time: the raw baseline makes the same GETs the same way.

/** metrics.collector.ts PER_CHANNEL_LIMIT: deliveries read per channel per run. */
const perChannelLimit = 100;
/** metrics.collector.ts COLLECT_CONCURRENCY: channels read at the same time. */
const channelConcurrency = 8;
/** Runs after the full one, with every reading fresh: what the "what is due" queries cost. */
const nothingDueRuns = 3;

/** The analytics settings a result records, as Herald read them. */
function analyticsSettingsOf(env: Record<string, string>) {
  const config = loadConfig({ HERALD_DATA_DIR: os.tmpdir(), ...env });
  return { HERALD_ANALYTICS_INTERVAL_MINUTES: config.analyticsIntervalMinutes, HERALD_ANALYTICS_WINDOW_DAYS: config.analyticsWindowDays, HERALD_ANALYTICS_HISTORY_DAYS: config.analyticsHistoryDays };
}

/**
 * The raw baseline: the collector's GETs (GET /api/v1/statuses/:id with the account's token, read
 * as text and parsed, as providers/http.ts requestJson does), 8 accounts at a time and each
 * account's one after the other, against a fresh fake holding as many statuses as the engine's.
 */
async function rawStatusReads(options: BenchOptions) {
  const { channels: channelCount, posts } = options.analytics;
  const fake = await startRemoteMastodonFake({ latencyMs: options.latencyMs });
  try {
    const accounts = await fake.issueTokens(channelCount, '1300000');
    const seeded = await fake.seedStatuses(posts, 'raw');
    const tokenOf = new Map(accounts.map((a) => [a.accountId, a.token]));
    const reads = seeded.slice(0, channelCount * posts).filter((_, i) => i % posts < perChannelLimit);
    await fake.countRequests(true);
    let errors = 0;
    const started = performance.now();
    const grouped = new Map<string, typeof reads>();
    for (const status of reads) grouped.set(status.accountId, [...(grouped.get(status.accountId) ?? []), status]);
    const byAccount = [...grouped.values()];
    const readAccount = async () => {
      for (let statuses = byAccount.shift(); statuses; statuses = byAccount.shift()) {
        for (const status of statuses) {
          const response = await fetch(`${fake.url}/api/v1/statuses/${encodeURIComponent(status.id)}`, { headers: { authorization: `Bearer ${tokenOf.get(status.accountId)}` }, redirect: 'manual' });
          const body = JSON.parse(await response.text()) as { favourites_count?: number };
          if (response.status !== 200 || body.favourites_count !== status.favourites) errors += 1;
        }
      }
    };
    await Promise.all(Array.from({ length: channelConcurrency }, readAccount));
    const durationMs = Math.round(performance.now() - started);
    const requests = await fake.countRequests(false);
    return { calls: reads.length, concurrency: channelConcurrency, durationMs, ratePerSecond: perSecond(reads.length, durationMs), meanCallMs: Math.round((durationMs / reads.length) * 100) / 100, errors, fakeRequests: requests };
  } finally {
    await fake.close();
  }
}

/** One published single-channel post per seeded status, its delivery's external_id the status id, published in the last 10 days. */
async function insertPublished(w: BenchWorkspace, seeded: SeededStatus[], prefix: string) {
  const db = w.h.herald.database.db;
  const template = await contentTemplate(w);
  const rows = await db.select({ id: channels.id, externalId: channels.externalId }).from(channels).where(eq(channels.workspaceId, w.workspaceId));
  const channelOf = new Map(rows.map((r) => [r.externalId, r.id]));
  const now = Date.now();
  const groups: (typeof postGroups.$inferInsert)[] = [];
  const published: (typeof deliveries.$inferInsert)[] = [];
  seeded.forEach((status, i) => {
    const channelId = channelOf.get(status.accountId);
    if (!channelId) throw new Error(`no channel for the fake's account ${status.accountId}`);
    const at = new Date(now - 3_600_000 - crypto.randomInt(10 * 86_400_000));
    const id = crypto.randomUUID();
    const text = `${prefix} #${i}`;
    groups.push({ id, workspaceId: w.workspaceId, state: 'published', content: template.group(text), publishAt: at, timeZone: 'UTC', createdAt: at, updatedAt: at });
    published.push({
      id: crypto.randomUUID(),
      workspaceId: w.workspaceId,
      postGroupId: id,
      channelId,
      network: 'mastodon',
      state: 'published',
      content: template.delivery(text),
      dueAt: at,
      nextAttemptAt: null,
      idempotencyKey: crypto.randomUUID(),
      publishedAt: at,
      externalId: status.id,
    });
  });
  for (let i = 0; i < groups.length; i += 500) await db.insert(postGroups).values(groups.slice(i, i + 500));
  for (let i = 0; i < published.length; i += 500) await db.insert(deliveries).values(published.slice(i, i + 500));
  return published.length;
}

/**
 * Sends analytics.collect as the schedule would and waits for pg-boss to settle it. `wallMs` is
 * send → seen completed (polled every 100 ms, so it includes the worker's pickup, up to one
 * HERALD_JOB_POLL_SECONDS); `handlerMs` is pg-boss's own started → completed.
 */
async function collect(w: BenchWorkspace, timeoutMs: number) {
  const boss = w.h.herald.boss;
  const started = Date.now();
  const id = await boss.send(ANALYTICS_COLLECT_JOB, {});
  if (!id) throw new Error('pg-boss did not queue analytics.collect (another one queued?)');
  for (;;) {
    const job = await boss.getJobById(ANALYTICS_COLLECT_JOB, id);
    if (job && ['completed', 'failed', 'cancelled'].includes(job.state)) {
      const wallMs = Date.now() - started;
      const at = (d: Date | string | null | undefined) => (d ? new Date(d).getTime() : null);
      const createdOn = at(job.createdOn);
      const startedOn = at(job.startedOn);
      const completedOn = at(job.completedOn);
      return {
        state: job.state,
        wallMs,
        pickupMs: createdOn && startedOn ? startedOn - createdOn : null,
        handlerMs: startedOn && completedOn ? completedOn - startedOn : null,
        expireInSeconds: job.expireInSeconds,
        output: job.output as { channels?: number; read?: number; gone?: number; failed?: number } | null,
      };
    }
    if (Date.now() - started > timeoutMs) throw new Error(`analytics.collect did not finish in ${timeoutMs / 1000} s (state ${job?.state})`);
    await sleep(100);
  }
}

async function storedReadings(w: BenchWorkspace) {
  const [row] = rowsOf<{ n: number; likes: number | null; shares: number | null; channels: number }>(
    await w.h.herald.database.db.execute(
      sql`select count(*)::int as n, sum(likes)::int as likes, sum(shares)::int as shares, count(distinct channel_id)::int as channels from delivery_metrics where workspace_id = ${w.workspaceId}`,
    ),
  );
  return row!;
}

const callsOf = (requests: Record<string, number>) => ({
  statusReads: requests['GET /api/v1/statuses/:id'] ?? 0,
  total: Object.values(requests).reduce((sum, n) => sum + n, 0),
  byRoute: requests,
});

/** Rows of the analytics history (delivery_metric_readings) and of the daily channel figures after a run. */
async function historyStored(w: BenchWorkspace) {
  const [row] = rowsOf<{ readings: number; dailyRows: number }>(
    await w.h.herald.database.db.execute(sql`select (select count(*) from delivery_metric_readings)::int as readings, (select count(*) from channel_daily_stats)::int as "dailyRows"`),
  );
  return row!;
}

async function engineAnalytics(kind: DatabaseKind, options: BenchOptions, env: Record<string, string>, log: (line: string) => void) {
  const { channels: channelCount, posts } = options.analytics;
  const fake: RemoteMastodonFake = await startRemoteMastodonFake({ latencyMs: options.latencyMs });
  const database = await benchDatabase(kind, options.postgresUrl);
  let profile = options.profileQueries && kind === 'postgres' ? profileQueries() : null;
  try {
    const setupStarted = Date.now();
    const w = await startWithChannels(database, env, fake, channelCount);
    const pglite = w.h.herald.database.pglite;
    if (options.profileQueries && pglite) profile = profilePgliteQueries(pglite);
    const seedStarted = Date.now();
    const seeded = await fake.seedStatuses(posts, `analytics-${kind}`);
    const seedMs = Date.now() - seedStarted;
    const inserted = await insertPublished(w, seeded, `analytics-${kind}-${crypto.randomBytes(3).toString('hex')}`);
    const setupMs = Date.now() - setupStarted;
    const expectedReads = Math.min(posts, perChannelLimit) * channelCount;
    log(`  ${kind}: set up ${channelCount} channels, ${seeded.length} statuses at the fake (${(seedMs / 1000).toFixed(1)} s) and ${inserted} published deliveries in ${(setupMs / 1000).toFixed(1)} s`);

    // Generous: the raw reads at this latency, twice over, plus a minute.
    const timeoutMs = expectedReads * (options.latencyMs + 5) * 2 + 60_000;
    await fake.countRequests(true);
    profile?.reset();
    const full = await collect(w, timeoutMs);
    const fullQueries = profile?.top() ?? null;
    const fullCalls = callsOf(await fake.countRequests(true));
    const firstStored = await storedReadings(w);
    const history = await historyStored(w);
    log(
      `    full run: ${full.state}, ${firstStored.n}/${expectedReads} readings stored (history ${history.readings} rows, ${history.dailyRows} daily rows), wall ${(full.wallMs / 1000).toFixed(1)} s (handler ${((full.handlerMs ?? 0) / 1000).toFixed(1)} s) = ${perSecond(firstStored.n, full.wallMs)}/s; ${fullCalls.statusReads} status GETs`,
    );

    // More posts per channel than one run reads: the next runs read the rest (the oldest unread
    // first), so that the runs after them really have nothing due.
    const catchUp: (Awaited<ReturnType<typeof collect>> & { readingsStored: number; readingsPerSecond: number | null; statusReads: number })[] = [];
    for (let before = firstStored.n; before < seeded.length && catchUp.length < Math.ceil(posts / perChannelLimit); ) {
      const run = await collect(w, timeoutMs);
      const after = (await storedReadings(w)).n;
      const calls = callsOf(await fake.countRequests(true));
      catchUp.push({ ...run, readingsStored: after - before, readingsPerSecond: perSecond(after - before, run.wallMs), statusReads: calls.statusReads });
      log(`    catch-up run: ${run.state}, ${after - before} more readings, wall ${(run.wallMs / 1000).toFixed(1)} s (handler ${((run.handlerMs ?? 0) / 1000).toFixed(1)} s) = ${perSecond(after - before, run.wallMs)}/s`);
      if (after === before) break;
      before = after;
    }
    const stored = await storedReadings(w);
    const expectedLikes = seeded.reduce((sum, s) => sum + s.favourites, 0);
    const expectedShares = seeded.reduce((sum, s) => sum + s.reblogs, 0);

    const idle: Awaited<ReturnType<typeof collect>>[] = [];
    const idleCalls: ReturnType<typeof callsOf>[] = [];
    profile?.reset();
    for (let i = 0; i < nothingDueRuns; i += 1) {
      idle.push(await collect(w, 60_000));
      idleCalls.push(callsOf(await fake.countRequests(true)));
    }
    const idleQueries = profile?.top() ?? null;
    await fake.countRequests(false);
    log(`    nothing due, ${nothingDueRuns} runs: handler ${idle.map((r) => r.handlerMs).join(', ')} ms, wall ${idle.map((r) => r.wallMs).join(', ')} ms, ${idleCalls.reduce((sum, c) => sum + c.total, 0)} network calls`);

    await w.h.stop();
    const problems = heraldProblems(w.h.logs);
    for (const p of problems.slice(0, 5)) log(`    Herald logged ${p.count}× ${p.message}`);
    return {
      database: kind,
      setupMs,
      seedStatusesMs: seedMs,
      deliveries: inserted,
      expectedReads,
      fullRun: {
        ...full,
        readingsStored: firstStored.n,
        channelsWithReadings: firstStored.channels,
        /** Readings stored / wall time (job sent → completed). */
        readingsPerSecond: perSecond(firstStored.n, full.wallMs),
        readingsPerSecondInHandler: full.handlerMs ? perSecond(firstStored.n, full.handlerMs) : null,
        /** Handler time per reading minus the fake's latency: what Herald adds to each GET. */
        overheadPerReadingMs: full.handlerMs && firstStored.n ? Math.round((full.handlerMs / firstStored.n - options.latencyMs) * 100) / 100 : null,
        networkCalls: fullCalls,
        /** After the catch-up runs: every seeded status read once, its likes and shares stored. */
        countersMatch: {
          readingsStored: stored.n,
          expected: seeded.length,
          likes: stored.likes,
          expectedLikes,
          shares: stored.shares,
          expectedShares,
          ok: firstStored.n === expectedReads && stored.n === seeded.length && stored.likes === expectedLikes && stored.shares === expectedShares,
        },
        /** What the run added to the history: one reading row per reading stored, one daily row per channel and day with posts read. */
        history,
        queries: fullQueries,
      },
      /** Runs after the full one while deliveries were still unread (more than one run's worth per channel). */
      catchUpRuns: catchUp,
      nothingDue: {
        runs: idle.map((r, i) => ({ ...r, networkCalls: idleCalls[i]!.total })),
        handlerMs: summarize(idle.map((r) => r.handlerMs ?? 0)),
        wallMs: summarize(idle.map((r) => r.wallMs)),
        queries: idleQueries,
      },
      heraldWarningsAndErrors: problems,
    };
  } finally {
    profile?.stop();
    await fake.close();
    await database.drop().catch(() => undefined);
  }
}

export async function runAnalytics(options: BenchOptions, log: (line: string) => void) {
  const env = benchEnv(options.env);
  const settings = { ...engineSettingsOf(env), ...analyticsSettingsOf(env) };
  const { channels: channelCount, posts } = options.analytics;
  const expectedReads = Math.min(posts, perChannelLimit) * channelCount;

  log(`analytics: ${channelCount} channels × ${posts} published deliveries, fake latency ${options.latencyMs} ms, poll ${settings.HERALD_JOB_POLL_SECONDS} s`);
  if (posts > perChannelLimit) log(`  note: the collector reads at most ${perChannelLimit} deliveries per channel per run: ${expectedReads} of ${channelCount * posts} are read`);
  const raw = await rawStatusReads(options);
  log(`  raw: ${raw.calls} GETs (${raw.concurrency} accounts at a time) in ${(raw.durationMs / 1000).toFixed(1)} s = ${raw.ratePerSecond}/s (${raw.meanCallMs} ms each), errors ${raw.errors}`);

  const databases = await onEachDatabase(options.databases.analytics, options.postgresUrl, log, async (kind) => {
    const result = await engineAnalytics(kind, options, env, log);
    const rate = result.fullRun.readingsPerSecond;
    const handlerRate = result.fullRun.readingsPerSecondInHandler;
    const { handlerMs, readingsStored } = result.fullRun;
    log(`  ${kind}: ${result.fullRun.readingsStored} readings in ${(result.fullRun.wallMs / 1000).toFixed(1)} s = ${rate}/s (raw ${raw.ratePerSecond}/s), counters match: ${result.fullRun.countersMatch.ok}`);
    return {
      ...result,
      ratioToRaw: rateRatio(rate, raw.ratePerSecond),
      handlerRatioToRaw: rateRatio(handlerRate, raw.ratePerSecond),
      /** Handler time per reading minus the raw time per GET: what the collector adds to each read. */
      overheadOverRawPerReadingMs: handlerMs && readingsStored ? Math.round((handlerMs / readingsStored - raw.meanCallMs) * 100) / 100 : null,
    };
  });
  return {
    benchmark: 'analytics',
    ranAt: new Date().toISOString(),
    machine: machine(),
    revision: revision(),
    settings,
    fake: { latencyMs: options.latencyMs, process: 'separate (bench/mastodon-fake.process.ts)' },
    counts: { channels: channelCount, postsPerChannel: posts, deliveries: channelCount * posts, perChannelLimit, expectedReads },
    /** The machine is shared: the load when the run ended says whether other work competed with it. */
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
    raw,
    databases,
  };
}
