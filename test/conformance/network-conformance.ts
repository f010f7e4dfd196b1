import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { eq } from 'drizzle-orm';
import { channels, deliveryMetrics } from '../../src/server/db/schema/index.ts';
import { isNetworkId, networks } from '../../src/networks/index.ts';
import { createProviders, createPublishers } from '../../src/networks/server.ts';
import { withChannelToken } from '../../src/server/modules/channel-tokens/index.ts';
import { usageLedger } from '../../src/server/modules/network-usage/network-usage.ts';
import { loadSecretBox } from '../../src/server/security/encryption-keys.ts';
import { counterNames } from '../../src/shared/analytics.ts';
import type { Injected } from '../fakes/http.ts';
import { fastEngineEnv, runJobNow, waitFor, waitForPost } from '../helpers/publishing.ts';
import { signUp, startTestHerald, type Client, type TestHerald } from '../helpers/test-herald.ts';

// The promises every network makes to Herald (issue 12), checked black-box: through Herald's HTTP
// API and jobs, against the network's fake (or the real PDS behind a fault proxy). A network that
// cannot have a property declares why (`notApplicable`), and the test is reported as skipped.

export const properties = {
  connect: 'connects a channel through the real flow',
  profile: "shows the account's profile and reads it again",
  refresh: 'refreshes an expired token once, and stores the rotated refresh token',
  revoke: 'revokes the token on disconnect, then never uses it again',
  publish: 'publishes a post once, with its id and link',
  lostAnswer: 'an answer lost after creation: unconfirmed, found at the network, no duplicate',
  retry5xx: 'retries after a 5xx and publishes once',
  rateLimit: 'waits as long as a 429 asks before trying again',
  auth401: 'a rejected access token gets exactly one refresh, then the post goes out',
  missingScope: 'a missing permission is refused with its name; no refresh, the channel stays ok',
  validation: "a post the network refuses fails with the network's reason, not retried",
  metrics: "reads a published post's counters",
  followers: "reads the account's followers when the network says it gives them",
  bigIds: 'keeps ids beyond 2^53 exact',
} as const;
export type Property = keyof typeof properties;

/** A call Herald made to the network, with every credential it carried (bearer header or form field). */
export type NetworkCall = { method: string; path: string; credentials: string[] };

/** A running network (fake or real) and the controls the suite needs. */
export type KitNetwork = {
  /** Herald's settings that point it at this network. */
  env: Record<string, string>;
  /** Connects a channel through the real flow (consent round trip or app password); answers its id. */
  connect(h: TestHerald, client: Client, workspaceId: string): Promise<string>;
  /** What the network shows as the account: Herald's channel must say the same. */
  profile: { username: string | null; displayName: string };
  /** A post this network accepts with this text (media uploaded as it needs). */
  post(h: TestHerald, client: Client, workspaceId: string, text: string): Promise<{ content: Record<string, unknown>; settings?: Record<string, unknown> }>;
  calls(): NetworkCall[];
  kind(call: NetworkCall): 'create' | 'refresh' | 'revoke' | 'other';
  /** The one-shot failure for the next creating call (5xx, 429, lost answer). */
  failNextCreate(failure: Injected): void;
  /** A 5xx as this network sends it. */
  serverError: Injected;
  /** A 429 as this network sends it, asking to wait `seconds`; and how long Herald must wait for it. */
  rateLimited(seconds: number): { failure: Injected; waitMs: number };
  /** The posts live at the network with this text (ids as the network holds them). */
  published(text: string): Promise<string[]>;
  /** The access token stops working at the network (expired or rejected) without Herald knowing. */
  rejectAccessToken?(): void;
  /** The user takes back the permission publishing needs; answers the permission's name. */
  withdrawScope?(): string;
  /** The network refuses the next post; answers words of its reason that the delivery must show. */
  refuseNextPost(): string;
  /** The next post gets this id at the network (a 64-bit id). */
  setNextPostId?(id: string): void;
  /**
   * The link the network gives a post, for networks that link by something other than the id
   * (Threads and Instagram: a shortcode); without it, the link must contain the id.
   */
  linkOf?(externalId: string): Promise<string>;
  /** People react to a published post; answers the counters Herald must read. */
  engage?(externalId: string): Promise<Record<string, number>>;
  /** The connected account's follower count as the network holds it (networks whose descriptor says `followers: true`). */
  followers?(): Promise<number>;
  /** Whether the network ended the session or token on disconnect. */
  revokedAtNetwork(): Promise<boolean>;
  close(): Promise<void>;
};

export type ConformanceKit = {
  network: string;
  /** Why the whole suite cannot run here (e.g. the local PDS is not installed); null: it runs. */
  unavailable?: string | null;
  /** Properties this network genuinely cannot have, with the reason shown in the skipped test's name. */
  notApplicable?: Partial<Record<Property, string>>;
  start(): Promise<KitNetwork>;
};

const settled = (post: { deliveries: { state: string }[] }) => post.deliveries.every((d) => ['published', 'failed', 'cancelled'].includes(d.state));

export function describeNetworkConformance(kit: ConformanceKit) {
  describe.skipIf(!!kit.unavailable)(`${kit.network} conformance${kit.unavailable ? ` (skipped: ${kit.unavailable})` : ''}`, () => {
    let net: KitNetwork;
    let h: TestHerald;
    let owner: Awaited<ReturnType<typeof signUp>>;
    let workspaceId: string;
    let channelId: string;
    /** Credentials of channels other than the one under test (the rate limit's own channel): still connected at the end. */
    const otherChannelsCredentials = new Set<string>();
    const api = (path: string) => `/api/v1/workspaces/${workspaceId}${path}`;
    const db = () => h.herald.database.db;
    const channelRow = async (id = channelId) => (await db().select().from(channels).where(eq(channels.id, id)))[0]!;
    const count = (kind: ReturnType<KitNetwork['kind']>, from = 0) => net.calls().slice(from).filter((c) => net.kind(c) === kind).length;
    /** Herald thinks the access token has expired (as it would two hours later). */
    const expireInHerald = (id = channelId) => db().update(channels).set({ accessTokenExpiresAt: new Date(Date.now() - 60_000) }).where(eq(channels.id, id));

    async function schedule(text: string, id = channelId) {
      // Each property is about one post: the account's spacing since the previous property's post
      // (TikTok: 10 s; the engine's own tests cover it) would only add waiting. Spacing between the
      // attempts of this one post still applies.
      await db().update(channels).set({ publishNotBefore: null }).where(eq(channels.id, id));
      const { content, settings } = await net.post(h, owner.client, workspaceId, text);
      const created = await owner.client.post(api('/posts'), { content, channels: [{ channelId: id, ...(settings ? { settings } : {}) }], schedule: { mode: 'now' } });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      return created.body as { id: string; deliveries: { id: string }[] };
    }
    async function publish(text: string, id = channelId) {
      const created = await schedule(text, id);
      const done = await waitForPost(owner.client, workspaceId, created.id, settled, 40_000);
      return { ...done.deliveries[0], postId: created.id };
    }
    let published: Awaited<ReturnType<typeof publish>> | undefined;
    const logOf = async (postId: string, deliveryId: string) => (await owner.client.get(api(`/posts/${postId}/deliveries/${deliveryId}/log`))).body;

    beforeAll(async () => {
      net = await kit.start();
      h = await startTestHerald({ env: { ...fastEngineEnv, ...net.env } });
      owner = await signUp(h.url);
      workspaceId = (await owner.client.post('/api/v1/workspaces', { name: `${kit.network} conformance` })).body.id;
    }, 120_000);
    afterAll(async () => {
      await h?.close();
      await net?.close();
    });

    // The collector's schedule (every 15 minutes on the clock) reads every channel's followers once
    // a day and every post's first counters: run now, it has nothing left to do while a property
    // counts the token refreshes (its own refresh of a token the property expired would count).
    const settleCollector = () => runJobNow(h, 'analytics.collect');

    const property = (name: Property, test: () => Promise<void>, timeout = 60_000) => {
      const reason = kit.notApplicable?.[name];
      if (reason) it.skip(`${properties[name]} (not applicable: ${reason})`, () => undefined);
      else it(properties[name], test, timeout);
    };

    property('connect', async () => {
      channelId = await net.connect(h, owner.client, workspaceId);
      const channel = (await owner.client.get(api('/channels'))).body.items.find((c: { id: string }) => c.id === channelId);
      expect(channel).toMatchObject({ network: kit.network, status: 'ok' });
      // The token never leaves Herald.
      const row = await channelRow();
      for (const call of net.calls()) for (const credential of call.credentials) expect(JSON.stringify(channel)).not.toContain(credential);
      expect(row.accessTokenSealed).toBeTruthy();
    });

    property('profile', async () => {
      const channel = (await owner.client.get(api('/channels'))).body.items.find((c: { id: string }) => c.id === channelId);
      expect(channel).toMatchObject({ displayName: net.profile.displayName, ...(net.profile.username ? { username: net.profile.username } : {}) });
      const again = await owner.client.post(api(`/channels/${channelId}/refresh`));
      expect(again.status, JSON.stringify(again.body)).toBe(200);
      expect(again.body.channel).toMatchObject({ displayName: net.profile.displayName });
    });

    property('refresh', async () => {
      await settleCollector();
      const rotatedFrom: string[] = [];
      for (let round = 0; round < 2; round += 1) {
        const from = net.calls().length;
        await expireInHerald();
        const res = await owner.client.post(api(`/channels/${channelId}/refresh`));
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        const refreshes = net.calls().slice(from).filter((c) => net.kind(c) === 'refresh');
        expect(refreshes).toHaveLength(1);
        rotatedFrom.push(refreshes[0]!.credentials[0]!);
      }
      // The second refresh sent the token the first one received: the rotation was stored.
      expect(rotatedFrom[1]).not.toBe(rotatedFrom[0]);
      expect(await channelRow()).toMatchObject({ status: 'ok', statusReason: null });
      expect((await channelRow()).accessTokenExpiresAt!.getTime()).toBeGreaterThan(Date.now());
    });

    property('publish', async () => {
      const text = `Conformance publish ${Date.now()}`;
      const from = net.calls().length;
      const delivery = await publish(text);
      expect(delivery).toMatchObject({ state: 'published', externalId: expect.any(String) });
      expect(await net.published(text)).toEqual([delivery.externalId]);
      expect(count('create', from)).toBe(1);
      published = delivery;
    });

    property('lostAnswer', async () => {
      const text = `Conformance lost answer ${Date.now()}`;
      net.failNextCreate({ dropAfterHandling: true });
      const created = await schedule(text);
      const done = await waitForPost(owner.client, workspaceId, created.id, settled, 60_000);
      expect(done.deliveries[0]).toMatchObject({ state: 'published' });
      expect(await net.published(text)).toEqual([done.deliveries[0].externalId]);
      // The engine did not take the cut connection for a failure: it checked at the network first.
      const log = JSON.stringify(await logOf(created.id, created.deliveries[0]!.id));
      expect(log).toContain('unconfirmed');
    }, 90_000);

    property('retry5xx', async () => {
      const text = `Conformance 5xx ${Date.now()}`;
      const from = net.calls().length;
      net.failNextCreate(net.serverError);
      const delivery = await publish(text);
      expect(delivery.state).toBe('published');
      expect(count('create', from)).toBe(2);
      expect(await net.published(text)).toEqual([delivery.externalId]);
    });

    property('rateLimit', async () => {
      const text = `Conformance 429 ${Date.now()}`;
      // Some networks say until when (Bluesky's ratelimit-reset, an instant), others for how long:
      // from this moment on, either way the retry is planned no earlier than this plus the wait.
      const askedAt = Date.now();
      const { failure, waitMs } = net.rateLimited(2);
      net.failNextCreate(failure);
      // A channel of its own (another workspace): Herald rightly holds back the limited channel.
      const otherWorkspace = (await owner.client.post('/api/v1/workspaces', { name: 'Rate limited' })).body.id as string;
      const seenBefore = new Set(net.calls().flatMap((c) => c.credentials));
      const firstCall = net.calls().length;
      // What this channel uses is not the tested channel's: the revoke property must tell them apart.
      onTestFinished(() => {
        for (const call of net.calls().slice(firstCall)) for (const credential of call.credentials) if (!seenBefore.has(credential)) otherChannelsCredentials.add(credential);
      });
      const limitedChannel = await net.connect(h, owner.client, otherWorkspace);
      const otherApi = (path: string) => `/api/v1/workspaces/${otherWorkspace}${path}`;
      const { content, settings } = await net.post(h, owner.client, otherWorkspace, text);
      const from = net.calls().length;
      const posted = await owner.client.post(otherApi('/posts'), { content, channels: [{ channelId: limitedChannel, ...(settings ? { settings } : {}) }], schedule: { mode: 'now' } });
      expect(posted.status, JSON.stringify(posted.body)).toBe(201);
      const created = posted.body as { id: string };
      const creates = () => net.calls().slice(from).filter((c) => net.kind(c) === 'create');
      await waitFor(async () => creates().length >= 1, { what: 'the first creating call' });
      const delivery = await waitFor(
        async () => {
          const d = (await owner.client.get(otherApi(`/posts/${created.id}`))).body.deliveries[0];
          // The due time set when the post was saved is not the retry: wait for the attempt to end.
          return d.nextAttemptAt && d.attemptCount >= 1 && d.state === 'queued' ? d : null;
        },
        { what: 'the retry to be planned' },
      );
      // Planned no earlier than the network asked (a little slack for the clock between the two).
      expect(new Date(delivery.nextAttemptAt).getTime()).toBeGreaterThanOrEqual(askedAt + waitMs - 500);
      if (waitMs <= 5000) {
        const done = await waitForPost(owner.client, otherWorkspace, created.id, settled, 30_000);
        expect(done.deliveries[0].state).toBe('published');
        expect(creates()).toHaveLength(2);
        expect(await net.published(text)).toHaveLength(1);
      } else {
        // A long wait (TikTok's one-minute window): nothing is sent before it; the post is cancelled.
        await new Promise((r) => setTimeout(r, 2000));
        expect(creates()).toHaveLength(1);
        await owner.client.post(otherApi(`/posts/${created.id}/cancel`));
      }
    });

    property('auth401', async () => {
      await settleCollector();
      const text = `Conformance 401 ${Date.now()}`;
      const from = net.calls().length;
      net.rejectAccessToken!();
      const delivery = await publish(text);
      expect(delivery.state).toBe('published');
      expect(count('refresh', from)).toBe(1);
      expect(await channelRow()).toMatchObject({ status: 'ok', statusReason: null });
    });

    property('validation', async () => {
      const text = `Conformance refused ${Date.now()}`;
      const reason = net.refuseNextPost();
      const delivery = await publish(text);
      expect(delivery.state).toBe('failed');
      expect(delivery.errorMessage).toContain(reason);
      expect(await net.published(text)).toEqual([]);
      expect(await channelRow()).toMatchObject({ status: 'ok' });
    });

    property('metrics', async () => {
      // The publish property's post when it ran (a TikTok publish costs seconds of status polling).
      const delivery = published ?? (await publish(`Conformance metrics ${Date.now()}`));
      expect(delivery.state).toBe('published');
      const expected = await net.engage!(delivery.externalId);
      // The collector's schedule (every 15 minutes on the clock) may have read the post before it
      // was engaged with; its reading would not be due again for an interval.
      await db().delete(deliveryMetrics).where(eq(deliveryMetrics.deliveryId, delivery.id));
      await runJobNow(h, 'analytics.collect');
      const post = (await owner.client.get(api(`/posts/${delivery.postId}`))).body;
      expect(post.deliveries[0].metrics).toMatchObject(expected);
    });

    property('followers', async () => {
      expect(isNetworkId(kit.network)).toBe(true);
      const analytics = networks[kit.network as keyof typeof networks].analytics;
      // The descriptor names only counters the app knows.
      for (const counter of analytics.counters) expect(counterNames).toContain(counter);
      const publisher = createPublishers(h.config)[kit.network as keyof typeof networks]!;
      // A reader exactly when the descriptor promises followers.
      expect(!!publisher.readAccount).toBe(analytics.followers);
      if (!analytics.followers) return;
      const expected = await net.followers!();
      const box = loadSecretBox(h.config, h.herald.logger);
      const channel = await channelRow();
      // As Herald reads it: through the channel's token lifecycle and the network's usage ledger.
      const stats = await withChannelToken(db(), { providers: createProviders(h.config, { db: db(), box }), box }, channel, (accessToken, instance) =>
        publisher.readAccount!({ accessToken, instance, externalAccountId: channel.externalId, usage: usageLedger(db(), kit.network) }),
      );
      expect(Number.isInteger(stats.followers) && stats.followers! >= 0, `followers ${stats.followers}`).toBe(true);
      expect(stats.followers).toBe(expected);
      expect(await channelRow()).toMatchObject({ status: 'ok', statusReason: null });
    });

    property('bigIds', async () => {
      // 2^63 - 1 - 6: far past 2^53, where a JSON.parse would round it.
      const id = '9223372036854775801';
      net.setNextPostId!(id);
      const delivery = await publish(`Conformance big id ${Date.now()}`);
      expect(delivery.state).toBe('published');
      expect(delivery.externalId).toBe(id);
      if (net.linkOf) expect(delivery.externalUrl).toBe(await net.linkOf(id));
      else expect(delivery.externalUrl ?? '').toContain(id);
    });

    // Late: the permission stays withdrawn.
    property('missingScope', async () => {
      const from = net.calls().length;
      const scope = net.withdrawScope!();
      const delivery = await publish(`Conformance scope ${Date.now()}`);
      expect(delivery).toMatchObject({ state: 'failed', errorCode: 'channel.scope_missing' });
      expect(delivery.errorMessage).toContain(`"${scope}"`);
      expect(count('refresh', from)).toBe(0);
      expect(await channelRow()).toMatchObject({ status: 'ok', statusReason: null });
    });

    // Last: it ends the channel.
    property('revoke', async () => {
      // Every credential the tested channel ever sent (the rate limit's channel stays connected and may read its counters).
      const used = new Set(net.calls().flatMap((c) => c.credentials).filter((c) => !otherChannelsCredentials.has(c)));
      const removed = await owner.client.delete(api(`/channels/${channelId}`));
      expect([200, 204]).toContain(removed.status);
      expect(count('revoke')).toBeGreaterThanOrEqual(1);
      expect(await net.revokedAtNetwork()).toBe(true);
      const after = net.calls().length;
      // What would use a token: reading counters, re-reading the profile.
      await runJobNow(h, 'analytics.collect');
      await owner.client.post(api(`/channels/${channelId}/refresh`));
      expect(net.calls().slice(after).filter((c) => c.credentials.some((t) => used.has(t))).map((c) => `${c.method} ${c.path}`)).toEqual([]);
    });
  });
}
