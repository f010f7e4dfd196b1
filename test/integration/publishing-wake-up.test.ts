import { afterAll, describe, expect, it } from 'vitest';
import { connectMastodon, fastEngineEnv, waitForPost } from '../helpers/publishing.ts';
import { freshDatabase, signUp, startTestHerald, type TestHerald } from '../helpers/test-herald.ts';
import { startMastodonFake, type MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';

// A scheduled post goes out at its time, not at the next poll: the worker sleeps until the next
// wake-up is due and a NOTIFY sent with every new wake-up makes it look again (ADR 0025). The job
// poll is set to 30 s here, so a post published within a second of its time cannot have been found
// by polling (the chance a poll happens to land in that second is about 1 in 30 per post; three in a
// row, about 1 in 27,000).

const POLL_SECONDS = '30';
const POSTS = 3;
const WITHIN_MS = 1_000;

/** Schedules posts one after the other, each about 1.5 s ahead; answers how late each reached the network. */
async function latenessOfScheduledPosts(api: TestHerald, fake: MastodonFake, label: string) {
  const owner = await signUp(api.url);
  const workspaceId: string = (await owner.client.post('/api/v1/workspaces', { name: label })).body.id;
  const channelId = await connectMastodon(api, owner.client, workspaceId, fake);
  const lateness: number[] = [];
  for (let i = 0; i < POSTS; i += 1) {
    // A whole second, 1 to 2 s ahead, as a person schedules.
    const due = Math.ceil((Date.now() + 1_000) / 1000) * 1000;
    const text = `${label} #${i}`;
    const created = await owner.client.post(`/api/v1/workspaces/${workspaceId}/posts`, {
      content: { text },
      channels: [{ channelId }],
      schedule: { mode: 'at', publishAt: new Date(due).toISOString(), timeZone: 'UTC' },
    });
    expect(created.status).toBe(201);
    const done = await waitForPost(owner.client, workspaceId, created.body.id, (p) => p.deliveries.every((d: { state: string }) => d.state !== 'queued' && d.state !== 'publishing'));
    expect(done.deliveries[0].state).toBe('published');
    const statuses = fake.statuses.filter((s) => s.text === text);
    expect(statuses).toHaveLength(1);
    lateness.push(statuses[0]!.createdAt.getTime() - due);
  }
  return lateness;
}

describe('publishing wakes up at the due time', () => {
  const closing: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const close of closing.reverse()) await close().catch(() => undefined);
  });

  it('publishes a post scheduled 1–2 s ahead within a second of its time, with a 30 s job poll', async () => {
    const fake = await startMastodonFake({});
    closing.push(() => fake.close());
    const h = await startTestHerald({ env: { ...fastEngineEnv, HERALD_JOB_POLL_SECONDS: POLL_SECONDS } });
    closing.push(() => h.close());
    const lateness = await latenessOfScheduledPosts(h, fake, 'on time');
    for (const ms of lateness) expect(ms, `lateness of each post: ${lateness.join(', ')} ms`).toBeGreaterThanOrEqual(0);
    for (const ms of lateness) expect(ms, `lateness of each post: ${lateness.join(', ')} ms`).toBeLessThan(WITHIN_MS);
  }, 60_000);

  it.skipIf(!process.env.TEST_DATABASE_URL)('a wake-up sent by an API-only Herald wakes a worker on another connection (PostgreSQL NOTIFY)', async () => {
    const fake = await startMastodonFake({});
    closing.push(() => fake.close());
    const database = await freshDatabase();
    closing.push(() => database.drop());
    const env = { ...fastEngineEnv, HERALD_JOB_POLL_SECONDS: POLL_SECONDS };
    // The API process runs no publishing worker: only the worker's LISTEN can hear the new wake-up.
    const api = await startTestHerald({ env, database, mode: 'serve' });
    closing.push(() => api.close());
    const worker = await startTestHerald({ env, database, mode: 'worker' });
    closing.push(() => worker.close());
    const lateness = await latenessOfScheduledPosts(api, fake, 'across processes');
    for (const ms of lateness) expect(ms, `lateness of each post: ${lateness.join(', ')} ms`).toBeGreaterThanOrEqual(0);
    for (const ms of lateness) expect(ms, `lateness of each post: ${lateness.join(', ')} ms`).toBeLessThan(WITHIN_MS);
    expect(worker.logs.join('\n')).toContain('delivery published');
  }, 60_000);
});
