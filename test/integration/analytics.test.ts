import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { auditLog, channelDailyStats, channels, deliveryMetricReadings, deliveryMetrics } from '../../src/server/db/schema/index.ts';
import { ANALYTICS_COLLECT_JOB } from '../../src/server/modules/analytics/metrics.collector.ts';
import { RETENTION_JOB } from '../../src/server/modules/privacy/retention.service.ts';
import { createBlueskyPublisher } from '../../src/networks/bluesky/server/bluesky.publisher.ts';
import { signUp, startTestHerald, type TestHerald } from '../helpers/test-herald.ts';
import { connectMastodon, fastEngineEnv, runJobNow, waitFor, waitForPost } from '../helpers/publishing.ts';
import { startMastodonFake, type MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { startFakeServer } from '../fakes/http.ts';
import { exportMyData } from '../helpers/zip.ts';

// Analytics: the collector reads each published post's counters from its network, and a workspace
// or a channel can object (turn collection off) and delete what was collected.
describe('analytics collection and objection', () => {
  let h: TestHerald;
  let mastodon: MastodonFake;
  let mastodon2: MastodonFake;
  let owner: Awaited<ReturnType<typeof signUp>>;
  let editor: Awaited<ReturnType<typeof signUp>>;
  let workspaceId: string;
  let channelA: string;
  let channelB: string;
  const db = () => h.herald.database.db;
  const api = (path: string) => `/api/v1/workspaces/${workspaceId}${path}`;
  const published = (p: any) => p.deliveries.every((d: any) => d.state === 'published');

  async function publishNow(text: string, channelIds: string[]) {
    const created = await owner.client.post(api('/posts'), { content: { text }, channels: channelIds.map((channelId) => ({ channelId })), schedule: { mode: 'now' } });
    expect(created.status).toBe(201);
    return waitForPost(owner.client, workspaceId, created.body.id, published);
  }
  /** Runs the collector as the schedule would, and waits for it to finish. */
  const collect = () => runJobNow(h, ANALYTICS_COLLECT_JOB);
  /** Makes every stored reading look older than the collection interval. */
  const ageReadings = () => db().execute(sql`update delivery_metrics set fetched_at = fetched_at - interval '2 hours'`);
  const metricsOf = async (postId: string) => (await owner.client.get(api(`/posts/${postId}`))).body.deliveries.map((d: any) => d.metrics);

  beforeAll(async () => {
    mastodon = await startMastodonFake({ maxCharacters: 500 });
    h = await startTestHerald({ env: { ...fastEngineEnv, HERALD_ANALYTICS_INTERVAL_MINUTES: '60' } });
    owner = await signUp(h.url);
    workspaceId = (await owner.client.post('/api/v1/workspaces', { name: 'Counted' })).body.id;
    channelA = await connectMastodon(h, owner.client, workspaceId, mastodon);
    // A second account, on another instance.
    mastodon2 = await startMastodonFake({ maxCharacters: 500, account: { id: '109000000000000777', username: 'second', displayName: 'Second account' } });
    channelB = await connectMastodon(h, owner.client, workspaceId, mastodon2);
    editor = await signUp(h.url);
    const invite = await owner.client.post(api('/invitations'), { email: editor.email, role: 'editor' });
    expect((await editor.client.post(`/api/v1/invitations/${invite.body.id}/accept`)).status).toBe(200);
  });
  afterAll(async () => {
    await h?.close();
    await mastodon?.close();
    await mastodon2?.close();
  });
  const fakeOf = (channelId: string) => (channelId === channelA ? mastodon : mastodon2);

  it('reads the counters of published posts and shows them on the post', async () => {
    const post = await publishNow('Count me', [channelA]);
    const statusId = post.deliveries[0].externalId;
    expect(post.deliveries[0].metrics).toBeNull();
    mastodon.engage(statusId, { favourites: 12, reblogs: 3, quotes: 1 });
    await collect();
    const [metrics] = await metricsOf(post.id);
    // Mastodon reports no views or reach: null, never 0.
    expect(metrics).toMatchObject({ views: null, reach: null, likes: 12, shares: 3, comments: 0, extra: { quotes: 1 } });

    // Read again only once the reading is older than the interval.
    mastodon.engage(statusId, { favourites: 20 });
    await collect();
    expect((await metricsOf(post.id))[0].likes).toBe(12);
    await ageReadings();
    await collect();
    expect((await metricsOf(post.id))[0].likes).toBe(20);
    const statusReads = mastodon.requests.filter((r) => r.method === 'GET' && r.path === `/api/v1/statuses/${statusId}`);
    expect(statusReads).toHaveLength(2);
    // Each reading is also a point of the post's history, and the channel's day sums the newest one.
    const deliveryId = post.deliveries[0].id;
    const history = await db().select().from(deliveryMetricReadings).where(eq(deliveryMetricReadings.deliveryId, deliveryId)).orderBy(deliveryMetricReadings.readAt);
    expect(history.map((r) => r.likes)).toEqual([12, 20]);
    const days = await db().select().from(channelDailyStats).where(eq(channelDailyStats.channelId, channelA));
    expect(days).toHaveLength(1);
    expect(days[0]).toMatchObject({ workspaceId, postsPublished: 1, likes: 20, shares: 3, views: null, reach: null, extra: { quotes: 1 } });
    // The token never shows in the answer or the stored reading.
    const [row] = await db().select().from(deliveryMetrics);
    expect(JSON.stringify(row)).not.toContain(mastodon.tokens()[0]!.token);
  });

  it('puts the counters the user can see in "download all my data"', async () => {
    const files = await exportMyData(h.url, editor.client);
    const analytics = JSON.parse(files.get('analytics.json')!.toString('utf8'));
    expect(analytics).toHaveLength(1);
    expect(analytics[0]).toMatchObject({ workspaceId, network: 'mastodon', likes: 20, shares: 3, views: null, extra: { quotes: 1 } });
    expect(files.get('README.md')!.toString('utf8')).toContain('analytics.json');
    // The history behind it, and the channel's day.
    const history = JSON.parse(files.get('analytics-history.json')!.toString('utf8'));
    expect(history.map((r: any) => r.likes)).toEqual([12, 20]);
    const daily = JSON.parse(files.get('analytics-daily.json')!.toString('utf8'));
    expect(daily.find((r: any) => r.channelId === channelA)).toMatchObject({ workspaceId, postsPublished: 1, likes: 20, views: null, followers: expect.any(Number) });
    // Mastodon reports followers: the workspace's other channels have a day with followers only.
    expect(daily.filter((r: any) => r.channelId !== channelA).every((r: any) => r.postsPublished === 0 && r.likes === null && typeof r.followers === 'number')).toBe(true);
    expect(files.get('README.md')!.toString('utf8')).toContain('analytics-history.json');
  });

  it('stops collecting for a channel that objected, and deletes its counters when asked', async () => {
    const post = await publishNow('Two accounts', [channelA, channelB]);
    for (const d of post.deliveries) fakeOf(d.channelId).engage(d.externalId, { favourites: 5 });
    await ageReadings();
    await collect();
    expect((await metricsOf(post.id)).map((m: any) => m?.likes)).toEqual([5, 5]);

    // An editor may not object for a channel (channels.manage).
    expect((await editor.client.put(api(`/channels/${channelB}/analytics`), { enabled: false })).status).toBe(403);
    const off = await owner.client.put(api(`/channels/${channelB}/analytics`), { enabled: false, deleteCollected: true });
    expect(off.status).toBe(200);
    expect(off.body.deleted).toBe(1);
    const readsBefore = mastodon2.requests.length;
    for (const d of post.deliveries) fakeOf(d.channelId).engage(d.externalId, { favourites: 9 });
    await ageReadings();
    await collect();
    const after = await metricsOf(post.id);
    const indexB = post.deliveries.findIndex((d: any) => d.channelId === channelB);
    expect(after[indexB]).toBeNull();
    expect(after[1 - indexB].likes).toBe(9);
    // Nothing at all was asked of the network for the objecting channel's post.
    const bStatus = post.deliveries[indexB].externalId;
    expect(mastodon2.requests.slice(readsBefore).some((r) => r.path === `/api/v1/statuses/${bStatus}`)).toBe(false);

    const settings = (await owner.client.get(api('/analytics/settings'))).body;
    expect(settings.enabled).toBe(true);
    expect(settings.channels.find((c: any) => c.id === channelB)).toMatchObject({ enabled: false, collected: 0 });
    expect(settings.channels.find((c: any) => c.id === channelA).collected).toBe(2);
    const audits = await db().select().from(auditLog).where(and(eq(auditLog.workspaceId, workspaceId), sql`${auditLog.action} like 'analytics.%'`));
    expect(audits.map((a) => a.action).sort()).toEqual(['analytics.disabled', 'analytics.metrics_deleted']);
    await owner.client.put(api(`/channels/${channelB}/analytics`), { enabled: true });
  });

  it('turns collection off for the whole workspace, and deletes collected counters on request', async () => {
    const off = await owner.client.put(api('/analytics/settings'), { enabled: false });
    expect(off.body).toEqual({ deleted: 0 });
    const before = mastodon.requests.length;
    await ageReadings();
    await collect();
    expect(mastodon.requests.slice(before).filter((r) => r.path.startsWith('/api/v1/statuses/'))).toHaveLength(0);
    // Counters collected before the objection stay until deleted.
    expect((await db().select().from(deliveryMetrics).where(eq(deliveryMetrics.workspaceId, workspaceId))).length).toBeGreaterThan(0);
    expect((await editor.client.delete(api('/analytics/metrics'))).status).toBe(403);
    const deleted = await owner.client.delete(api('/analytics/metrics'));
    expect(deleted.status).toBe(200);
    expect(deleted.body.deleted).toBeGreaterThan(0);
    expect(await db().select().from(deliveryMetrics).where(eq(deliveryMetrics.workspaceId, workspaceId))).toHaveLength(0);
    expect(await db().select().from(deliveryMetricReadings).where(eq(deliveryMetricReadings.workspaceId, workspaceId))).toHaveLength(0);
    expect(await db().select().from(channelDailyStats).where(eq(channelDailyStats.workspaceId, workspaceId))).toHaveLength(0);
    expect((await owner.client.get(api('/analytics/settings'))).body).toMatchObject({ enabled: false, collected: 0, instanceEnabled: true, intervalMinutes: 60 });
    expect((await owner.client.put(api('/analytics/settings'), { enabled: 'no' })).status).toBe(400);
    await owner.client.put(api('/analytics/settings'), { enabled: true });
  });

  it('collects nothing for a user who paused processing', async () => {
    await ageReadings();
    await owner.client.post('/api/v1/me/restriction', { restricted: true });
    const before = mastodon.requests.length;
    await collect();
    expect(mastodon.requests.slice(before).filter((r) => r.path.startsWith('/api/v1/statuses/'))).toHaveLength(0);
    await owner.client.post('/api/v1/me/restriction', { restricted: false });
    await collect();
    expect(mastodon.requests.slice(before).filter((r) => r.path.startsWith('/api/v1/statuses/')).length).toBeGreaterThan(0);
  });

  it('keeps the last reading of a post deleted at the network and goes on with the others when one channel fails', async () => {
    const post = await publishNow('Soon gone', [channelA, channelB]);
    await ageReadings();
    await collect();
    const first = await metricsOf(post.id);
    expect(first.every((m: any) => m !== null)).toBe(true);
    const indexA = post.deliveries.findIndex((d: any) => d.channelId === channelA);
    mastodon.deleteStatus(post.deliveries[indexA].externalId);
    mastodon2.failNext(`/api/v1/statuses/${post.deliveries[1 - indexA].externalId}`, { status: 400, body: { error: 'Bad request' } });
    await ageReadings();
    await collect();
    const second = await metricsOf(post.id);
    expect(second[indexA]).toMatchObject({ likes: first[indexA].likes });
    expect(h.logs.some((l) => l.includes('analytics: could not read counters'))).toBe(true);
  });

  it('purges the counters of a channel disconnected past the retention period', async () => {
    const [row] = await db().select().from(deliveryMetrics).where(eq(deliveryMetrics.channelId, channelA));
    expect(row).toBeTruthy();
    expect((await owner.client.delete(api(`/channels/${channelA}`))).status).toBeLessThan(300);
    // Counters stay while the channel's data is kept (30 days by default)…
    expect((await db().select().from(deliveryMetrics).where(eq(deliveryMetrics.channelId, channelA))).length).toBeGreaterThan(0);
    await db().update(channels).set({ purgeAfter: new Date(Date.now() - 1000) }).where(eq(channels.id, channelA));
    await h.herald.boss.send(RETENTION_JOB, {});
    await waitFor(async () => (await db().select().from(deliveryMetrics).where(eq(deliveryMetrics.channelId, channelA))).length === 0, { what: 'the purge' });
    // The history and the daily figures go in the same purge.
    expect(await db().select().from(deliveryMetricReadings).where(eq(deliveryMetricReadings.channelId, channelA))).toHaveLength(0);
    expect(await db().select().from(channelDailyStats).where(eq(channelDailyStats.channelId, channelA))).toHaveLength(0);
  });
});

describe('Bluesky counters through app.bsky.feed.getPosts', () => {
  it('maps likeCount, replyCount, repostCount and quoteCount, and leaves deleted posts out', async () => {
    const server = await startFakeServer((req) => {
      if (req.path !== '/xrpc/app.bsky.feed.getPosts') return { status: 404, body: { error: 'MethodNotImplemented' } };
      if (req.headers.authorization !== 'Bearer jwt-1') return { status: 401, body: { error: 'AuthMissing', message: 'Authentication Required' } };
      const uris = req.query.getAll('uris');
      if (uris.length > 25) return { status: 400, body: { error: 'InvalidRequest', message: 'uris must not have more than 25 elements' } };
      const known: Record<string, object> = { 'at://did:plc:abc/app.bsky.feed.post/1': { likeCount: 7, replyCount: 2, repostCount: 1, quoteCount: 3, bookmarkCount: 0 } };
      return { status: 200, body: { posts: uris.filter((u) => known[u]).map((uri) => ({ uri, cid: 'bafy', author: { did: 'did:plc:abc', handle: 'a.test' }, record: {}, indexedAt: new Date().toISOString(), ...known[uri] })) } };
    });
    try {
      const publisher = createBlueskyPublisher({ allowLocal: true });
      const ctx = { accessToken: 'jwt-1', instance: server.url, externalAccountId: 'did:plc:abc' };
      const readings = await publisher.readMetrics!(ctx, ['at://did:plc:abc/app.bsky.feed.post/1', 'at://did:plc:abc/app.bsky.feed.post/deleted']);
      expect([...readings.entries()]).toEqual([['at://did:plc:abc/app.bsky.feed.post/1', { views: null, reach: null, likes: 7, comments: 2, shares: 1, extra: { quotes: 3 } }]]);
      await expect(publisher.readMetrics!({ ...ctx, accessToken: 'other' }, ['at://did:plc:abc/app.bsky.feed.post/1'])).rejects.toMatchObject({ kind: 'auth' });
      expect(publisher.metricsBatch).toBe(25);
    } finally {
      await server.close();
    }
  });
});
