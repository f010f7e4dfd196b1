import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { killAllHeraldProcesses, sharedHeraldEnv, startHeraldProcess, type HeraldProcess } from '../helpers/herald-process.ts';
import { fastEngineEnv, waitFor } from '../helpers/publishing.ts';
import { freshDatabase, signUp } from '../helpers/test-herald.ts';
import { connectFake, readDeliveries, schedulePosts, startMastodonFleet, statusesWithText, type Channel } from './mastodon-fleet.ts';

// The scaled mode's promise: any number of worker processes on one PostgreSQL share the work and
// never handle a delivery twice (the claim is atomic in the database). Only PostgreSQL allows
// several processes, so this runs in CI's PostgreSQL pass.

const CHANNELS = 15;
const POSTS = 10; // × CHANNELS = 150 deliveries, all due at the same moment

describe.skipIf(!process.env.TEST_DATABASE_URL)('two worker processes on one PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof freshDatabase>> | undefined;
  let fakes: MastodonFake[] = [];

  afterAll(async () => {
    await killAllHeraldProcesses();
    await Promise.all(fakes.map((fake) => fake.close()));
    await database?.drop();
  });

  it(
    'share 150 deliveries due at once and publish each exactly once',
    async () => {
      database = await freshDatabase();
      fakes = await startMastodonFleet(CHANNELS, { latencyMs: 20 });
      const env = await sharedHeraldEnv(database, fastEngineEnv);
      // The API process migrates the database first; then both workers start together.
      const api = await startHeraldProcess({ mode: 'serve', env });
      const workers: HeraldProcess[] = await Promise.all([1, 2].map(() => startHeraldProcess({ mode: 'worker', env: { ...env, PORT: '0' } })));

      const owner = await signUp(api.url);
      const workspaceId: string = (await owner.client.post('/api/v1/workspaces', { name: 'Two workers' })).body.id;
      const channels: Channel[] = await Promise.all(fakes.map(async (fake) => ({ id: await connectFake(owner.client, workspaceId, fake), fake })));
      const sent = await schedulePosts(owner.client, workspaceId, channels, { posts: POSTS, publishAt: new Date(Date.now() + 3000), label: 'two workers' });
      expect(sent).toHaveLength(CHANNELS * POSTS);

      const rows = await waitFor(
        async () => {
          const all = await readDeliveries(owner.client, workspaceId);
          return [...all.values()].every((d) => ['published', 'failed', 'unconfirmed'].includes(d.state)) ? all : null;
        },
        { timeoutMs: 60_000, intervalMs: 500, what: 'every delivery to be published' },
      );
      expect([...rows.values()].filter((d) => d.state !== 'published').map((d) => [d.state, d.errorCode, d.errorMessage])).toEqual([]);

      // At the network: one status per delivery, and one call per delivery (nothing failed, so
      // a second call could only come from a second worker handling the same delivery).
      for (const delivery of sent) {
        const found = statusesWithText(delivery.channel.fake, delivery.text);
        expect(found.length, `statuses at the network for "${delivery.text}"`).toBe(1);
        expect(rows.get(delivery.deliveryId)!.externalId).toBe(found[0]!.id);
      }
      for (const fake of fakes) {
        const calls = fake.requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/statuses');
        expect(calls).toHaveLength(POSTS);
        expect(new Set(calls.map((r) => r.headers['idempotency-key'])).size).toBe(POSTS);
      }

      // In the database: per delivery one attempt published it, and one attempt sent the creating call.
      const client = new pg.Client({ connectionString: env.DATABASE_URL });
      await client.connect();
      try {
        const { rows: attempts } = await client.query<{ delivery_id: string; published: number; sending: number; unfinished: number }>(`
          select delivery_id,
                 count(*) filter (where outcome = 'published')::int as published,
                 count(*) filter (where steps::text like '%: sending%')::int as sending,
                 count(*) filter (where finished_at is null)::int as unfinished
          from delivery_attempts group by delivery_id`);
        expect(attempts).toHaveLength(CHANNELS * POSTS);
        for (const row of attempts) expect(row, `attempts of delivery ${row.delivery_id}`).toMatchObject({ published: 1, sending: 1, unfinished: 0 });
        const { rows: claimed } = await client.query(`select id from deliveries where claimed_by is not null or claim_expires_at is not null`);
        expect(claimed).toEqual([]);
      } finally {
        await client.end();
      }

      // Both workers did part of the work, and no delivery was published by both.
      const publishedBy = workers.map(
        (worker) =>
          new Set(
            worker.logs
              .filter((line) => line.includes('"delivery published"'))
              .map((line) => (JSON.parse(line) as { deliveryId: string }).deliveryId),
          ),
      );
      const [first, second] = publishedBy as [Set<string>, Set<string>];
      expect(first.size, 'deliveries published by the first worker').toBeGreaterThan(0);
      expect(second.size, 'deliveries published by the second worker').toBeGreaterThan(0);
      expect([...first].filter((id) => second.has(id))).toEqual([]);
      expect(first.size + second.size).toBe(CHANNELS * POSTS);
      console.log(`two workers: ${first.size} and ${second.size} deliveries published`);
    },
    90_000,
  );
});
