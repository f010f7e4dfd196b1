import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { deliveries } from '../../src/server/db/schema/index.ts';
import type { Injected } from '../fakes/http.ts';
import type { MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { fastEngineEnv, waitFor } from '../helpers/publishing.ts';
import { signUp, startTestHerald, type TestHerald } from '../helpers/test-herald.ts';
import { connectFake, fleetAccount, readDeliveries, schedulePosts, startMastodonFleet, statusesWithText, type Channel } from './mastodon-fleet.ts';

// The second reliability promise: a network that fails one call in five (5xx, 429 with
// Retry-After, answers lost after the post was created, answers slower than Herald waits) still
// gets every post exactly once, and Herald waits as long as a 429 asks.

const CHANNELS = 10;
const POSTS = 8; // × CHANNELS = 80 deliveries
const RATE = 0.2;
const RETRY_AFTER_SECONDS = 2;
const NETWORK_TIMEOUT_SECONDS = 1;
/** Database timestamps and the fake's clock are the same clock; the slack covers rounding to the millisecond and the write. */
const SLACK_MS = 50;

type Failure = 'http_503' | 'http_500' | 'rate_limited' | 'lost_after_creating' | 'slower_than_timeout';
// Taken in turn, so that every kind shows up even in a short run.
const failures: Failure[] = ['http_503', 'rate_limited', 'lost_after_creating', 'slower_than_timeout', 'http_500'];
const injection: Record<Failure, Injected> = {
  http_503: { status: 503, body: { error: 'Service Unavailable' } },
  http_500: { status: 500, body: { error: 'We are sorry, but something went wrong' } },
  rate_limited: { status: 429, headers: { 'retry-after': String(RETRY_AFTER_SECONDS) }, body: { error: 'Too many requests' } },
  // The status is created, then the connection is cut: Herald never hears of it.
  lost_after_creating: { dropAfterHandling: true },
  // The status is created only after Herald stopped waiting for the answer.
  slower_than_timeout: { delayMs: NETWORK_TIMEOUT_SECONDS * 1000 + 500 },
};

/** What the network saw: every POST /api/v1/statuses, when it arrived and what it was answered. */
type Seen = { text: string; at: number; failure: Failure | null };

describe('publishing through a network that fails 20 % of the calls', () => {
  let h: TestHerald;
  let owner: Awaited<ReturnType<typeof signUp>>;
  let workspaceId: string;
  const fakes: MastodonFake[] = [];
  const api = (path: string) => `/api/v1/workspaces/${workspaceId}${path}`;

  beforeAll(async () => {
    // No worker dies in this test: a lease well above the network timeout keeps a starved machine
    // from taking a live attempt over (which would put a second call in flight and blur the timing).
    h = await startTestHerald({ env: { ...fastEngineEnv, HERALD_PUBLISH_LEASE_SECONDS: '10', HERALD_NETWORK_TIMEOUT_SECONDS: String(NETWORK_TIMEOUT_SECONDS), HERALD_AUTH_RATE_LIMIT: '1000' } });
    owner = await signUp(h.url);
    workspaceId = (await owner.client.post('/api/v1/workspaces', { name: 'Chaos' })).body.id;
  });
  afterAll(async () => {
    await h?.close();
    await Promise.all(fakes.map((fake) => fake.close()));
  });

  it(
    'publishes every delivery exactly once and waits as long as Retry-After asks',
    async () => {
      fakes.push(...(await startMastodonFleet(CHANNELS)));
      // One after another: the network timeout is short on purpose, and twenty connects at once on
      // a busy 2-core machine can outlast it before any chaos is switched on.
      const channels: Channel[] = [];
      for (const fake of fakes) channels.push({ id: await connectFake(owner.client, workspaceId, fake), fake });

      const seen: Seen[] = [];
      let next = 0;
      for (const fake of fakes) {
        // Every status call passes through here (rate 1), so that each one is timed; one in five fails.
        fake.setChaos({
          rate: 1,
          paths: /^POST \/api\/v1\/statuses$/,
          pick: () => {
            // The request being answered is the one the fake just recorded.
            const text = fake.requests.at(-1)!.body.status ?? '';
            const failure = Math.random() < RATE ? failures[next++ % failures.length]! : null;
            seen.push({ text, at: Date.now(), failure });
            return failure ? injection[failure] : {};
          },
        });
      }

      const sent = await schedulePosts(owner.client, workspaceId, channels, { posts: POSTS, publishAt: new Date(Date.now() + 1000), label: 'chaos' });
      const rows = await waitFor(
        async () => {
          const all = await readDeliveries(owner.client, workspaceId);
          return [...all.values()].every((d) => ['published', 'failed'].includes(d.state)) ? all : null;
        },
        { timeoutMs: 60_000, intervalMs: 500, what: 'every delivery to settle' },
      );
      for (const fake of fakes) fake.setChaos(null);

      expect([...rows.values()].filter((d) => d.state !== 'published').map((d) => [d.state, d.errorCode, d.errorMessage])).toEqual([]);
      for (const delivery of sent) {
        const found = statusesWithText(delivery.channel.fake, delivery.text);
        expect(found.length, `statuses at the network for "${delivery.text}"`).toBe(1);
        expect(rows.get(delivery.deliveryId)!.externalId).toBe(found[0]!.id);
      }
      for (const fake of fakes) expect(fake.creations()).toBe(POSTS);

      // Every kind of failure happened (taken in turn), and the lost answers went through the check.
      const injected = seen.filter((s) => s.failure);
      expect(new Set(injected.map((s) => s.failure))).toEqual(new Set(failures));

      // In the delivery log: an attempt that ended `retry` after a 429 is followed by the next one
      // no earlier than its retryAt, and retryAt is at least Retry-After past the attempt's start.
      const outcomes: Record<string, number> = {};
      let loggedRateLimits = 0;
      let honoured = 0;
      let unheard = 0;
      for (const delivery of sent) {
        const log = await owner.client.get(api(`/posts/${delivery.postId}/deliveries/${delivery.deliveryId}/log`));
        expect(log.status).toBe(200);
        const attempts: any[] = [...log.body.attempts].sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
        const context = `${delivery.text}: ${JSON.stringify(attempts.map((a) => [a.kind, a.outcome, a.errorCode, a.startedAt, a.finishedAt]))}`;

        // At the network: a 429 that Herald heard (its attempt ended `rate_limited`) was followed by
        // the next call for that post N s later or more. The fakes answer in Herald's own process, so
        // on a starved machine a 429 can be written after Herald stopped waiting (`timeout`): Herald
        // never heard it, and the check that follows rightly repeats the call, with the same
        // Idempotency-Key, at once.
        const calls = seen.filter((s) => s.text === delivery.text);
        const tooMany = calls.flatMap((call, i) => (call.failure === 'rate_limited' ? [{ at: call.at, next: calls[i + 1]?.at }] : []));
        const heardAt = (attempt: any) => tooMany.find((r) => r.at >= Date.parse(attempt.startedAt) - SLACK_MS && r.at <= Date.parse(attempt.finishedAt) + SLACK_MS);
        for (const attempt of attempts.filter((a) => a.errorCode === 'rate_limited')) {
          const answer = heardAt(attempt);
          expect(answer, `the 429 at the network for ${context}`).toBeDefined();
          expect(answer!.next, `a call after the 429 for ${context}`).toBeDefined();
          expect(answer!.next! - answer!.at, `wait after the 429 for ${context}`).toBeGreaterThanOrEqual(RETRY_AFTER_SECONDS * 1000);
          honoured += 1;
        }
        const heard = new Set(attempts.filter((a) => a.errorCode === 'rate_limited').map(heardAt));
        for (const answer of tooMany.filter((r) => !heard.has(r))) {
          expect(attempts.some((a) => a.errorCode === 'timeout'), `a 429 Herald did not hear, without a timeout, for ${context} (429 at ${new Date(answer.at).toISOString()})`).toBe(true);
          unheard += 1;
        }
        for (const [i, attempt] of attempts.entries()) {
          outcomes[`${attempt.kind}:${attempt.outcome}`] = (outcomes[`${attempt.kind}:${attempt.outcome}`] ?? 0) + 1;
          if (attempt.outcome !== 'retry' || attempt.errorCode !== 'rate_limited') continue;
          const following = attempts[i + 1];
          expect(following, `the attempt after a 429 of ${delivery.deliveryId}`).toBeDefined();
          expect(Date.parse(attempt.retryAt) - Date.parse(attempt.startedAt)).toBeGreaterThanOrEqual(RETRY_AFTER_SECONDS * 1000);
          expect(Date.parse(following.startedAt)).toBeGreaterThanOrEqual(Date.parse(attempt.retryAt));
          loggedRateLimits += 1;
        }
        expect(attempts.filter((a) => a.outcome === 'published')).toHaveLength(1);
      }
      expect(loggedRateLimits, JSON.stringify(outcomes)).toBeGreaterThan(0);
      expect(honoured, `429s honoured at the network (${unheard} answered after Herald stopped waiting)`).toBeGreaterThan(0);
      // Lost answers made deliveries unconfirmed, and checks at the network settled them.
      expect(outcomes['publish:unconfirmed'] ?? 0, JSON.stringify(outcomes)).toBeGreaterThan(0);
      expect(outcomes['resolve:published'] ?? 0, JSON.stringify(outcomes)).toBeGreaterThan(0);
    },
    90_000,
  );

  it('a check at the network that fails is asked again later, never taken for "the post is not there"', async () => {
    // A creating call more than an hour old: Mastodon has forgotten its Idempotency-Key, so the
    // check reads the account's recent statuses instead of repeating the call.
    const [fake] = await startMastodonFleet(1, {}, CHANNELS);
    fakes.push(fake!);
    const channelId = await connectFake(owner.client, workspaceId, fake!);
    const text = `created over an hour ago ${Date.now()}`;
    const created = await owner.client.post(api('/posts'), {
      content: { text },
      channels: [{ channelId }],
      schedule: { mode: 'at', publishAt: new Date(Date.now() + 60 * 60_000).toISOString(), timeZone: 'UTC' },
    });
    expect(created.status).toBe(201);
    const deliveryId: string = created.body.deliveries[0].id;

    // Herald's call did create the status (its key has since expired at the instance)…
    const original = await fetch(`${fake!.url}/api/v1/statuses`, {
      method: 'POST',
      headers: { authorization: `Bearer ${fake!.issueToken()}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status: text, visibility: 'public' }),
    });
    const originalId: string = ((await original.json()) as { id: string }).id;
    // …but Herald died before it heard the answer: the delivery is unconfirmed, its call two hours old.
    const sentAt = new Date(Date.now() - 2 * 60 * 60_000);
    await h.herald.database.db
      .update(deliveries)
      .set({ state: 'unconfirmed', pendingStep: { step: 'status:0', attemptId: 'lost', sentAt: sentAt.toISOString() }, dueAt: sentAt, nextAttemptAt: new Date(Date.now() + 60 * 60_000) })
      .where(eq(deliveries.id, deliveryId));

    // The instance is briefly unavailable when Herald looks.
    fake!.failNext(`/api/v1/accounts/${fleetAccount(CHANNELS).id}/statuses`, { status: 503, body: { error: 'Service Unavailable' } });
    const check = await owner.client.post(api(`/posts/${created.body.id}/deliveries/${deliveryId}/retry`), {});
    expect(check.status).toBe(200);

    const done = await waitFor(
      async () => {
        const d = (await owner.client.get(api(`/posts/${created.body.id}`))).body.deliveries[0];
        // A check put off for minutes, or left to a person (the call is over an hour old), is asked
        // for again by hand: a check, not a resend.
        if (d.state === 'unconfirmed' && (!d.nextAttemptAt || new Date(d.nextAttemptAt).getTime() > Date.now() + 10_000)) {
          await owner.client.post(api(`/posts/${created.body.id}/deliveries/${deliveryId}/retry`), {});
        }
        return ['published', 'failed'].includes(d.state) ? d : null;
      },
      { timeoutMs: 20_000, what: 'the delivery to be settled' },
    );
    expect(statusesWithText(fake!, text).map((s) => s.id), 'statuses with the text at the network').toEqual([originalId]);
    expect(done).toMatchObject({ state: 'published', externalId: originalId });
  });
});
