
import crypto from 'node:crypto';
import os from 'node:os';
import { forgetUsage } from '../src/networks/meta-graph/usage.ts';
import { accountSpacingMs } from '../src/networks/server.ts';
import { loadConfig } from '../src/server/config/config.ts';
import { CHECK_STATUS_QUEUE, publishQueue } from '../src/server/modules/publishing/wake-ups.ts';
import { burstTimings, exactlyOnceOf } from './burst-summary.ts';
import { attemptSummary, benchDatabase, benchEnv, deliveryOutcome, engineSettingsOf, firstAttemptToPublishedMs, heraldProblems, insertQueuedPosts, reopen, wakeUpJobs, type DatabaseKind, onEachDatabase } from './herald-setup.ts';
import { startRemoteInstagramFake } from './instagram-fake-client.ts';
import type { IgCallCounts } from './instagram-fake.process.ts';
import { rawInstagramCalls } from './instagram-raw-calls.ts';
import { instagramHeraldEnv, servePhoto, startWithInstagramChannels } from './instagram-setup.ts';
import type { BenchOptions } from './options.ts';
import { machine, revision } from './results.ts';
import { rateRatio, sleep, summarize } from './stats.ts';

// Instagram: one-photo feed posts, all due at the same instant, through the real Instagram
// publisher against the Graph fake in its own process. Unlike Mastodon a post is two engine
// attempts apart in time: the container is created and found IN_PROGRESS (the fake downloads the
// photo from Herald's signed link, then "processes" it), the delivery waits HERALD_INSTAGRAM_POLL_SECONDS
// as `processing`, and a check attempt finds it FINISHED and calls media_publish.

const NETWORK = 'instagram';

const round2 = (n: number) => Math.round(n * 100) / 100;
const statusReadsPerPost = (calls: IgCallCounts, posts: number) => (posts ? round2((calls.byKind['container status'] ?? 0) / posts) : null);
/**
 * Wake-up jobs the engine ran per post (first wake-up, a later one for each deferral behind the
 * account's spacing, one per status check): each waits for a worker's fetch, up to one job poll.
 */
const jobsPerPost = (jobs: Record<string, number>, posts: number) =>
  posts ? round2(((jobs[`${publishQueue(NETWORK)} completed`] ?? 0) + (jobs[`${CHECK_STATUS_QUEUE} completed`] ?? 0)) / posts) : null;

async function engineInstagram(kind: DatabaseKind, options: BenchOptions, env: Record<string, string>, log: (line: string) => void) {
  const { deliveries: count, channels: channelCount, budgetSeconds, processingMs } = options.instagram;
  const fake = await startRemoteInstagramFake({ accounts: channelCount, latencyMs: options.latencyMs, imageProcessingMs: processingMs, quotaTotal: quotaFor(count, channelCount) });
  const database = await benchDatabase(kind, options.postgresUrl);
  // Herald remembers usage headers per account in this process, and every run's fake has the same
  // account ids: a slow-down seen by the previous run must not hold this one back.
  forgetUsage();
  try {
    const setupStarted = Date.now();
    const heraldEnv = await instagramHeraldEnv(env, fake);
    const w = await startWithInstagramChannels(database, heraldEnv, fake);
    const prefix = `instagram-${kind}-${crypto.randomBytes(3).toString('hex')}`;
    const posts = Array.from({ length: count }, (_, i) => ({ channelId: w.channelIds[i % channelCount]!, text: `${prefix} #${i}` }));
    const batch = await insertQueuedPosts(w, posts, { network: NETWORK, media: [{ mediaId: w.photoId }] });
    // Far enough ahead that every wake-up is in pg-boss before the first one is due.
    const dueAt = new Date(Date.now() + 3_000 + count * 0.7);
    const releaseMs = await batch.releaseAt(dueAt);
    const setupMs = Date.now() - setupStarted;
    const margin = dueAt.getTime() - Date.now();
    log(`  ${kind}: set up ${channelCount} channels and ${count} deliveries in ${(setupMs / 1000).toFixed(1)} s (wake-ups ${releaseMs} ms); due in ${margin} ms`);
    await sleep(Math.max(0, margin));

    const timeline: { seconds: number; published: number }[] = [];
    const deadline = dueAt.getTime() + budgetSeconds * 1000;
    let published = 0;
    while (published < count && Date.now() < deadline) {
      await sleep(1000);
      // Counted at the fake: polling Herald's database would add load to what is measured.
      published = await fake.publishedCount(prefix);
      const seconds = Math.round((Date.now() - dueAt.getTime()) / 100) / 10;
      timeline.push({ seconds, published });
      if (timeline.length % 15 === 0) log(`    ${seconds} s: ${published} published`);
    }
    const completed = published >= count;
    // A graceful stop lets the deliveries in flight settle before the rows are read.
    await w.h.stop();
    const stoppedAt = Date.now();
    const problems = heraldProblems(w.h.logs);
    for (const p of problems.slice(0, 5)) log(`    Herald logged ${p.count}× ${p.message}`);

    const db = await reopen(database);
    const outcome = await deliveryOutcome(db.db, w.workspaceId);
    const attempts = await attemptSummary(db.db, w.workspaceId);
    const waits = await firstAttemptToPublishedMs(db.db, w.workspaceId);
    const jobs = await wakeUpJobs(db.db);
    await db.close();
    const atFake = await fake.published(prefix);
    const calls = await fake.calls();
    return {
      ...burstTimings({ kind, completed, budgetSeconds, setupMs, releaseMs, margin, dueAt, stoppedAt, count, outcome, storedAtNetwork: atFake.map((p) => p.createdAt) }),
      exactlyOnce: { ...exactlyOnceOf(atFake.map((p) => p.caption), outcome.published), containers: calls.containers },
      statusReadsPerPost: statusReadsPerPost(calls, atFake.length),
      /** First attempt (container created) → published, per post: one poll interval at best. */
      containerToPublishedMs: summarize(waits),
      calls,
      deliveryStates: outcome.states,
      attempts,
      markedLate: outcome.late,
      wakeUpJobsPerPost: jobsPerPost(jobs, outcome.published),
      wakeUpJobs: jobs,
      heraldWarningsAndErrors: problems,
      timeline,
    };
  } finally {
    await fake.close();
    await database.drop().catch(() => undefined);
  }
}

/**
 * Instagram lets an account publish 50 or 100 posts a day through the API: the fake is given 100,
 * or more when a run puts more on one account, so the limit never decides a benchmark.
 */
const quotaFor = (count: number, channels: number) => Math.max(100, Math.ceil(count / channels));

export async function runInstagram(options: BenchOptions, log: (line: string) => void) {
  const env = benchEnv(options.env);
  const settings = engineSettingsOf(env);
  const pollMs = Math.round(loadConfig({ HERALD_DATA_DIR: os.tmpdir(), ...env }).instagramPollSeconds * 1000);
  const spacingMs = accountSpacingMs(NETWORK);
  const concurrency = settings.HERALD_PUBLISH_CONCURRENCY;
  const { deliveries: count, channels, processingMs } = options.instagram;
  const perChannel = Math.ceil(count / channels);

  log(
    `instagram: ${count} photo posts over ${channels} channels, fake latency ${options.latencyMs} ms, processing ${processingMs} ms, ` +
      `container poll ${pollMs / 1000} s, account spacing ${spacingMs / 1000} s, concurrency ${concurrency}, job poll ${settings.HERALD_JOB_POLL_SECONDS} s`,
  );
  const rawFake = await startRemoteInstagramFake({ accounts: channels, latencyMs: options.latencyMs, imageProcessingMs: processingMs, quotaTotal: quotaFor(count, channels) });
  const photo = await servePhoto();
  const raw = await rawInstagramCalls(rawFake, { posts: count, accounts: channels, concurrency, pollMs, spacingMs, imageUrl: photo.url }).finally(async () => {
    await photo.close();
    await rawFake.close();
  });
  log(`  raw: ${raw.published}/${count} posts in ${(raw.durationMs / 1000).toFixed(1)} s = ${raw.ratePerSecond}/s, ${raw.statusReadsPerPost} status reads per post`);

  const databases = await onEachDatabase(options.databases.instagram, options.postgresUrl, log, async (kind) => {
    const result = await engineInstagram(kind, options, env, log);
    log(
      `  ${kind}: ${result.published}/${count} published in ${(result.durationMs / 1000).toFixed(1)} s = ${result.ratePerSecond}/s, ${result.statusReadsPerPost} status reads per post` +
        `${result.completed ? '' : ` (budget of ${result.budgetSeconds} s ran out; all ${count} would take ~${result.projectedTotalSeconds} s)`}, exactly once: ${result.exactlyOnce.ok}`,
    );
    return { ...result, ratioToRaw: rateRatio(result.ratePerSecond, raw.ratePerSecond) };
  });
  return {
    benchmark: 'instagram',
    ranAt: new Date().toISOString(),
    machine: machine(),
    revision: revision(),
    settings: { ...settings, HERALD_INSTAGRAM_POLL_SECONDS: pollMs / 1000 },
    fake: { latencyMs: options.latencyMs, imageProcessingMs: processingMs, quotaTotal: quotaFor(count, channels), process: 'separate (bench/instagram-fake.process.ts)' },
    counts: { deliveries: count, channels, deliveriesPerChannel: perChannel },
    /**
     * What the network's rules alone cost: an account's container creations are `spacingMs`
     * apart, and its last container, found IN_PROGRESS right after its creation, is read again
     * whole poll intervals later until processing is over.
     */
    floorMs: (perChannel - 1) * spacingMs + Math.ceil(processingMs / pollMs) * pollMs,
    raw,
    databases,
  };
}
