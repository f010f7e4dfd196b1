import { afterAll, describe, expect, it } from 'vitest';
import type { MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { killAllHeraldProcesses, sharedHeraldEnv, startHeraldProcess, type HeraldProcess } from '../helpers/herald-process.ts';
import { fastEngineEnv } from '../helpers/publishing.ts';
import { freshDatabase, signUp, type Client } from '../helpers/test-herald.ts';
import { connectFake, readDeliveries, schedulePosts, startMastodonFleet, statusesWithText, type Channel } from './mastodon-fleet.ts';

// The issue's first reliability promise: a worker killed at any moment (SIGKILL, no cleanup)
// never makes a post appear twice. Every delivery ends published with exactly one status at the
// network; one caught mid-call becomes unconfirmed and is settled by a check at the network
// (Mastodon: the same Idempotency-Key again), never by a blind resend.
//
// On PGlite the embedded database allows one process, so `herald all` is killed and restarted
// (the lock of the dead process is taken over). On PostgreSQL one `serve` keeps answering the API
// while the `worker` process is killed.

const onPostgres = !!process.env.TEST_DATABASE_URL;
const CHANNELS = 20;
const POSTS = 10; // × CHANNELS = 200 deliveries, 10 per account (the engine sends one a second per account)
// Restarting `herald all` on PGlite takes several seconds (WASM start, crash recovery), so fewer kills fit.
const KILLS = onPostgres ? 6 : 4;
// Bounded, with room for a loaded CI machine (restarting `herald all` on PGlite alone takes 3–17 s).
// The test keeps to its own budget and then fails with its diagnostics; vitest's timeout sits well
// beyond it (a start may take up to a minute), so it never cuts the test off silently.
const TEST_BUDGET_MS = 240_000;
const VITEST_TIMEOUT_MS = TEST_BUDGET_MS + 180_000;

const engineEnv = {
  ...fastEngineEnv,
  HERALD_PUBLISH_LEASE_SECONDS: '3',
  HERALD_RECONCILE_SECONDS: '1',
  HERALD_PUBLISH_RETRY_BASE_SECONDS: '0.2',
  HERALD_NETWORK_TIMEOUT_SECONDS: '2',
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const LATENCY_MS = 80;
let inFlight = 0;
/** The fleet's latency: each request the fakes are holding counts as in flight until it is answered. */
const answerSlowly = () => {
  inFlight += 1;
  setTimeout(() => (inFlight -= 1), LATENCY_MS);
  return LATENCY_MS;
};
async function callInFlight(timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (inFlight === 0 && Date.now() < until) await sleep(2);
}
const between = (min: number, max: number) => min + Math.floor(Math.random() * (max - min));

describe('a worker killed with SIGKILL during 200 deliveries', () => {
  let database: Awaited<ReturnType<typeof freshDatabase>> | undefined;
  let fakes: MastodonFake[] = [];
  let api: HeraldProcess | undefined;
  let worker: HeraldProcess | undefined;

  afterAll(async () => {
    await killAllHeraldProcesses();
    await Promise.all(fakes.map((fake) => fake.close()));
    await database?.drop();
  });

  it(
    'publishes every delivery exactly once, settling the ones caught mid-call by a check, never a resend',
    async () => {
      const began = Date.now();
      const phases: string[] = [];
      try {
        await run(began, phases);
      } catch (error) {
        // Whatever failed (an expectation, a start that never became ready, the budget), say
        // where the run was and what the worker last logged.
        const where = `\nphases: ${phases.join(', ') || 'none finished'}; ${Date.now() - began} ms in all${worker ? `\n--- ${worker.mode} logs (tail) ---\n${worker.logs.slice(-40).join('\n')}` : ''}`;
        if (error instanceof Error) error.message += where;
        throw error;
      }
    },
    VITEST_TIMEOUT_MS,
  );

  async function run(began: number, phases: string[]) {
    database = await freshDatabase();
    // Slow answers, so that kills land while calls are in flight; the count says when one is.
    fakes = await startMastodonFleet(CHANNELS, { latencyMs: answerSlowly });
    const env = await sharedHeraldEnv(database, engineEnv);
    if (onPostgres) {
      api = await startHeraldProcess({ mode: 'serve', env });
      worker = await startHeraldProcess({ mode: 'worker', env: { ...env, PORT: '0' } });
    } else {
      api = await startHeraldProcess({ mode: 'all', env });
      worker = api;
    }
    let phaseStart = began;
    const phase = (name: string) => {
      phases.push(`${name} ${Date.now() - phaseStart} ms`);
      phaseStart = Date.now();
    };
    phase('start');

    const owner = await signUp(api.url);
    const client: Client = owner.client;
    const workspaceId: string = (await client.post('/api/v1/workspaces', { name: 'Crash' })).body.id;
    const channels: Channel[] = await Promise.all(fakes.map(async (fake) => ({ id: await connectFake(client, workspaceId, fake), fake })));
    const publishAt = new Date(Date.now() + 3000);
    const sent = await schedulePosts(client, workspaceId, channels, { posts: POSTS, publishAt, label: 'crash' });
    expect(sent).toHaveLength(CHANNELS * POSTS);
    phase('setup');

    // Kills at random moments while the deliveries go out; each time the process comes back.
    await sleep(Math.max(0, publishAt.getTime() - Date.now()));
    const published: number[] = [];
    for (let kill = 0; kill < KILLS; kill += 1) {
      // Slow starts on a loaded machine: fewer kills, and time left to finish and verify.
      if (kill > 0 && Date.now() > began + TEST_BUDGET_MS / 2) break;
      await sleep(between(1000, 3000));
      // The engine sends in bursts (one call a second per account, every account at once), so
      // a random moment can fall between bursts: wait for a call in flight, then kill.
      await callInFlight(3000);
      published.push(fakes.reduce((n, fake) => n + fake.creations(), 0));
      await worker.kill();
      await worker.restart();
    }
    phase('kills');

    // Then the engine finishes on its own: expired claims are taken back, unconfirmed ones checked.
    // One whose check was put off for minutes is asked for by hand (retry = check again, never a resend).
    const deadline = began + TEST_BUDGET_MS - 15_000;
    let rows = await readDeliveries(client, workspaceId);
    const askedByHand = new Set<string>();
    while ([...rows.values()].some((d) => d.state !== 'published') && Date.now() < deadline) {
      for (const d of rows.values()) {
        if (d.state === 'unconfirmed' && d.nextAttemptAt && new Date(d.nextAttemptAt).getTime() > Date.now() + 10_000) {
          await client.post(`/api/v1/workspaces/${workspaceId}/posts/${d.postId}/deliveries/${d.id}/retry`, {});
          askedByHand.add(d.id);
        }
      }
      await sleep(500);
      rows = await readDeliveries(client, workspaceId);
    }

    phase('finish');
    const states = [...rows.values()].reduce<Record<string, number>>((acc, d) => ({ ...acc, [d.state]: (acc[d.state] ?? 0) + 1 }), {});
    expect(states, 'delivery states after the kills').toEqual({ published: CHANNELS * POSTS });
    for (const delivery of sent) {
      const found = statusesWithText(delivery.channel.fake, delivery.text);
      expect(found.length, `statuses at the network for "${delivery.text}"`).toBe(1);
      expect(rows.get(delivery.deliveryId)!.externalId).toBe(found[0]!.id);
    }
    for (const fake of fakes) expect(fake.creations()).toBe(POSTS);

    // The kills did hit work in progress: some attempts were interrupted and taken back.
    let interrupted = 0;
    let checked = 0;
    for (let i = 0; i < sent.length; i += 10) {
      const logs = await Promise.all(
        sent.slice(i, i + 10).map((delivery) => client.get(`/api/v1/workspaces/${workspaceId}/posts/${delivery.postId}/deliveries/${delivery.deliveryId}/log`)),
      );
      for (const log of logs) {
        expect(log.status).toBe(200);
        const attempts: { kind: string; outcome: string | null }[] = log.body.attempts;
        if (attempts.some((a) => a.outcome === 'interrupted')) interrupted += 1;
        if (attempts.some((a) => a.kind === 'resolve')) checked += 1;
        expect(attempts.filter((a) => a.outcome === 'published')).toHaveLength(1);
      }
    }
    phase('verify');
    expect(interrupted, `deliveries with an interrupted attempt (statuses created before each kill: ${published.join(', ')})`).toBeGreaterThan(0);
    console.log(
      `crash test (${onPostgres ? 'PostgreSQL' : 'PGlite'}): ${published.length} kills at ${published.join(', ')} of ${CHANNELS * POSTS} statuses; ` +
        `${interrupted} deliveries interrupted, ${checked} checked at the network, ${askedByHand.size} checks asked for by hand; starts took ${worker.startTimes.join(', ')} ms; ${phases.join(', ')}; ${Date.now() - began} ms in all`,
    );
  }
});
