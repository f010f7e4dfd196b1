import crypto from 'node:crypto';
import { burstTimings, exactlyOnceOf } from './burst-summary.ts';
import { startRemoteMastodonFake } from './fake-client.ts';
import { benchDatabase, benchEnv, deliveryOutcome, engineSettingsOf, heraldProblems, insertQueuedPosts, reopen, startWithChannels, wakeUpJobs, type DatabaseKind, onEachDatabase } from './herald-setup.ts';
import type { BenchOptions } from './options.ts';
import { profileQueries } from './query-profile.ts';
import { rawStatusCalls } from './raw-calls.ts';
import { machine, revision } from './results.ts';
import { rateRatio, sleep } from './stats.ts';

// Burst: every delivery due at the same instant, spread evenly over the channels (the engine
// publishes one delivery per channel at a time, a second apart on Mastodon, so a burst needs many
// channels to be limited by the engine rather than by the spacing).

/** Time from the due moment until the burst is through; setup (channels, rows, wake-ups) is not counted. */
async function engineBurst(kind: DatabaseKind, options: BenchOptions, env: Record<string, string>, log: (line: string) => void) {
  const { deliveries: count, channels: channelCount, budgetSeconds } = options.burst;
  const fake = await startRemoteMastodonFake({ latencyMs: options.latencyMs });
  const database = await benchDatabase(kind, options.postgresUrl);
  const profile = options.profileQueries && kind === 'postgres' ? profileQueries() : null;
  try {
    const setupStarted = Date.now();
    const w = await startWithChannels(database, env, fake, channelCount);
    const prefix = `burst-${kind}-${crypto.randomBytes(3).toString('hex')}`;
    const posts = Array.from({ length: count }, (_, i) => ({ channelId: w.channelIds[i % channelCount]!, text: `${prefix} #${i}` }));
    const batch = await insertQueuedPosts(w, posts);
    // Far enough ahead that every wake-up is in pg-boss before the first one is due.
    const dueAt = new Date(Date.now() + 3_000 + count * 0.7);
    const releaseMs = await batch.releaseAt(dueAt);
    const setupMs = Date.now() - setupStarted;
    const margin = dueAt.getTime() - Date.now();
    log(`  ${kind}: set up ${channelCount} channels and ${count} deliveries in ${(setupMs / 1000).toFixed(1)} s (wake-ups ${releaseMs} ms); due in ${margin} ms`);
    await sleep(Math.max(0, margin));
    profile?.reset();

    const timeline: { seconds: number; created: number }[] = [];
    const deadline = dueAt.getTime() + budgetSeconds * 1000;
    let created = 0;
    while (created < count && Date.now() < deadline) {
      await sleep(1000);
      // Counted at the fake: polling Herald's database would add load to what is measured.
      created = await fake.creations();
      const seconds = Math.round((Date.now() - dueAt.getTime()) / 100) / 10;
      timeline.push({ seconds, created });
      if (timeline.length % 15 === 0) log(`    ${seconds} s: ${created} created`);
    }
    const completed = created >= count;
    const queries = profile?.top() ?? null;
    // A graceful stop lets the deliveries in flight settle before the rows are read.
    await w.h.stop();
    const stoppedAt = Date.now();
    const problems = heraldProblems(w.h.logs);
    for (const p of problems.slice(0, 5)) log(`    Herald logged ${p.count}× ${p.message}`);

    const db = await reopen(database);
    const outcome = await deliveryOutcome(db.db, w.workspaceId);
    const jobs = await wakeUpJobs(db.db);
    await db.close();
    const statuses = await fake.statuses(prefix);
    return {
      ...burstTimings({ kind, completed, budgetSeconds, setupMs, releaseMs, margin, dueAt, stoppedAt, count, outcome, storedAtNetwork: statuses.map((s) => s.createdAt) }),
      exactlyOnce: exactlyOnceOf(statuses.map((s) => s.text), outcome.published),
      deliveryStates: outcome.states,
      attempts: outcome.attempts,
      markedLate: outcome.late,
      wakeUpJobs: jobs,
      heraldWarningsAndErrors: problems,
      timeline,
      queries,
    };
  } finally {
    profile?.stop();
    await fake.close();
    await database.drop().catch(() => undefined);
  }
}

export async function runBurst(options: BenchOptions, log: (line: string) => void) {
  const env = benchEnv(options.env);
  const settings = engineSettingsOf(env);
  const concurrency = settings.HERALD_PUBLISH_CONCURRENCY;
  const { deliveries: count, channels } = options.burst;

  log(`burst: ${count} deliveries over ${channels} channels, fake latency ${options.latencyMs} ms, concurrency ${concurrency}, poll ${settings.HERALD_JOB_POLL_SECONDS} s`);
  const rawFake = await startRemoteMastodonFake({ latencyMs: options.latencyMs });
  const raw = await rawStatusCalls(rawFake, { calls: count, concurrency, accounts: channels }).finally(() => rawFake.close());
  log(`  raw: ${raw.calls} calls in ${(raw.durationMs / 1000).toFixed(1)} s = ${raw.ratePerSecond}/s`);

  const databases = await onEachDatabase(options.databases.burst, options.postgresUrl, log, async (kind) => {
    const result = await engineBurst(kind, options, env, log);
    log(
      `  ${kind}: ${result.published}/${count} published in ${(result.durationMs / 1000).toFixed(1)} s = ${result.ratePerSecond}/s` +
        `${result.completed ? '' : ` (budget of ${result.budgetSeconds} s ran out; all ${count} would take ~${result.projectedTotalSeconds} s)`}, exactly once: ${result.exactlyOnce.ok}`,
    );
    return { ...result, ratioToRaw: rateRatio(result.ratePerSecond, raw.ratePerSecond) };
  });
  return {
    benchmark: 'burst',
    ranAt: new Date().toISOString(),
    machine: machine(),
    revision: revision(),
    settings,
    fake: { latencyMs: options.latencyMs, process: 'separate (bench/mastodon-fake.process.ts)' },
    counts: { deliveries: count, channels, deliveriesPerChannel: Math.ceil(count / channels) },
    /**
     * Each pg-boss worker fetches one job, and after a fetch it waits out the poll interval unless
     * the handler took longer: at most `concurrency` deliveries per poll interval.
     */
    pollCeilingPerSecond: Math.round((concurrency / settings.HERALD_JOB_POLL_SECONDS) * 100) / 100,
    raw,
    databases,
  };
}
