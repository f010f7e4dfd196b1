import crypto from 'node:crypto';
import { startRemoteMastodonFake } from './fake-client.ts';
import { benchDatabase, benchEnv, deliveryOutcome, engineSettingsOf, heraldProblems, reopen, startWithChannels, type DatabaseKind, onEachDatabase } from './herald-setup.ts';
import type { BenchOptions } from './options.ts';
import { machine, revision } from './results.ts';
import { sleep, summarize } from './stats.ts';

// Lateness: a steady stream of posts, each scheduled through the posts API for its own second,
// and for each the time from its due moment to the moment its status reached the network.

const DRAIN_MS = 60_000;

async function latenessOn(kind: DatabaseKind, options: BenchOptions, env: Record<string, string>, pollSeconds: number, log: (line: string) => void) {
  const { minutes, perMinute, channels } = options.lateness;
  const total = Math.round(minutes * perMinute);
  const fake = await startRemoteMastodonFake({ latencyMs: options.latencyMs });
  const database = await benchDatabase(kind, options.postgresUrl);
  try {
    const setupStarted = Date.now();
    const w = await startWithChannels(database, env, fake, channels);
    const prefix = `late-${kind}-${crypto.randomBytes(3).toString('hex')}`;
    // Whole seconds, as a person schedules; the stream starts once every post can be created ahead of it.
    const start = Math.ceil((Date.now() + 15_000 + total * 40) / 1000) * 1000;
    const dueOf = (i: number) => start + Math.floor((i * 60) / perMinute) * 1000;
    let closestLeadMs = Infinity;
    for (let i = 0; i < total; i += 1) {
      const res = await w.client.post(`/api/v1/workspaces/${w.workspaceId}/posts`, {
        content: { text: `${prefix} #${i}` },
        channels: [{ channelId: w.channelIds[i % channels] }],
        schedule: { mode: 'at', publishAt: new Date(dueOf(i)).toISOString(), timeZone: 'UTC' },
      });
      if (res.status !== 201) throw new Error(`scheduling post ${i} failed: ${res.status} ${JSON.stringify(res.body)}`);
      closestLeadMs = Math.min(closestLeadMs, dueOf(i) - Date.now());
    }
    const setupMs = Date.now() - setupStarted;
    log(`  ${kind}: scheduled ${total} posts over ${channels} channels through the API in ${(setupMs / 1000).toFixed(1)} s; first due in ${start - Date.now()} ms`);

    const lastDue = dueOf(total - 1);
    let created = 0;
    let logged = Date.now();
    while (Date.now() < lastDue + DRAIN_MS && (created < total || Date.now() < lastDue)) {
      await sleep(Math.min(5_000, Math.max(200, lastDue - Date.now())));
      created = await fake.creations();
      if (Date.now() - logged >= 30_000) {
        logged = Date.now();
        log(`    ${Math.round((Date.now() - start) / 1000)} s: ${created}/${total} published`);
      }
    }
    const idle = await idleCpu(options.lateness.idleSeconds * 1000);
    log(`  ${kind}: idle CPU ${idle.percentOfOneCore} % of one core over ${idle.seconds} s`);
    await w.h.stop();
    const problems = heraldProblems(w.h.logs);
    for (const p of problems.slice(0, 5)) log(`    Herald logged ${p.count}× ${p.message}`);
    const db = await reopen(database);
    const outcome = await deliveryOutcome(db.db, w.workspaceId);
    await db.close();

    // The fake stamps a status after its answer delay: the call arrived latencyMs earlier.
    const statuses = await fake.statuses(prefix);
    const byIndex = new Map<number, number>();
    let duplicates = 0;
    for (const status of statuses) {
      const index = Number(/#(\d+)$/.exec(status.text)?.[1]);
      if (byIndex.has(index)) duplicates += 1;
      else byIndex.set(index, status.createdAt - options.latencyMs - dueOf(index));
    }
    const lateness = [...byIndex.values()];
    const stats = summarize(lateness);
    const beyondPoll = lateness.filter((ms) => ms > pollSeconds * 1000).length;
    log(`  ${kind}: lateness p50 ${stats.p50} ms, p95 ${stats.p95} ms, p99 ${stats.p99} ms, max ${stats.max} ms (${stats.count}/${total} measured)`);
    return {
      database: kind,
      posts: total,
      channels,
      minutes,
      perMinute,
      setupMs,
      /** The least time a post was scheduled ahead of its due moment (must stay well above 0). */
      closestSchedulingLeadMs: Math.round(closestLeadMs),
      firstDueAt: new Date(start).toISOString(),
      measured: lateness.length,
      missing: total - lateness.length,
      duplicates,
      latenessMs: stats,
      /** How many arrived later than one poll interval after their due time. */
      laterThanOnePollInterval: beyondPoll,
      histogramMs: histogram(lateness, pollSeconds * 1000),
      idleCpu: idle,
      deliveryStates: outcome.states,
      markedLate: outcome.late,
      heraldWarningsAndErrors: problems,
    };
  } finally {
    await fake.close();
    await database.drop().catch(() => undefined);
  }
}

/**
 * The CPU this process (Herald, and PGlite in the embedded mode; the fake runs apart) used while
 * nothing was due: what waiting for the next post costs. The bench's own loop sleeps meanwhile.
 */
async function idleCpu(ms: number) {
  const before = process.cpuUsage();
  const started = performance.now();
  await sleep(ms);
  const used = process.cpuUsage(before);
  const wallMs = performance.now() - started;
  const cpuMs = (used.user + used.system) / 1000;
  return { seconds: Math.round(wallMs / 1000), cpuMs: Math.round(cpuMs), percentOfOneCore: Math.round((cpuMs / wallMs) * 10_000) / 100 };
}

/** Counts per bucket of a quarter poll interval, up to two intervals and beyond. */
function histogram(values: number[], pollMs: number) {
  const width = pollMs / 4;
  const buckets = new Map<string, number>();
  for (let i = 0; i < 8; i += 1) buckets.set(`${Math.round(i * width)}-${Math.round((i + 1) * width)}`, 0);
  buckets.set(`>${Math.round(8 * width)}`, 0);
  buckets.set('<0', 0);
  for (const v of values) {
    const key = v < 0 ? '<0' : v >= 8 * width ? `>${Math.round(8 * width)}` : `${Math.round(Math.floor(v / width) * width)}-${Math.round((Math.floor(v / width) + 1) * width)}`;
    buckets.set(key, (buckets.get(key) ?? 0) + 1);
  }
  return Object.fromEntries(buckets);
}

export async function runLateness(options: BenchOptions, log: (line: string) => void) {
  const env = benchEnv(options.env);
  const settings = engineSettingsOf(env);
  const { minutes, perMinute, channels } = options.lateness;
  log(`lateness: ${perMinute} posts a minute for ${minutes} min over ${channels} channels, poll ${settings.HERALD_JOB_POLL_SECONDS} s`);
  const databases = await onEachDatabase(options.databases.lateness, options.postgresUrl, log, async (kind) => {
    return latenessOn(kind, options, env, settings.HERALD_JOB_POLL_SECONDS, log);
  });
  return {
    benchmark: 'lateness',
    ranAt: new Date().toISOString(),
    machine: machine(),
    revision: revision(),
    settings,
    fake: { latencyMs: options.latencyMs, process: 'separate (bench/mastodon-fake.process.ts)' },
    latenessDefinition: 'the moment the status request reached the fake (its createdAt minus the answer delay) minus the post\'s due time',
    databases,
  };
}
