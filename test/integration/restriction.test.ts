import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { auditLog, deliveries } from '../../src/server/db/schema/index.ts';
import { channelsDueForRefresh } from '../../src/server/modules/channels/channels.service.ts';
import { signUp, startTestHerald, type TestHerald } from '../helpers/test-herald.ts';
import { connectMastodon, connectTikTok, fastEngineEnv, waitForPost } from '../helpers/publishing.ts';
import { startMastodonFake, type MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { startTikTokFake, tiktokEnv, type TikTokFake } from '../fakes/tiktok/tiktok-fake.ts';

// "Pause processing" (GDPR art. 18): while the user who connected a channel is restricted, nothing
// is published or refreshed for it; scheduled posts stay and are shown as paused.
describe('restriction of processing', () => {
  let h: TestHerald;
  let mastodon: MastodonFake;
  let tiktok: TikTokFake;
  let owner: Awaited<ReturnType<typeof signUp>>;
  let workspaceId: string;
  let mastodonChannel: string;
  let tiktokChannel: string;
  const db = () => h.herald.database.db;
  const api = (path: string) => `/api/v1/workspaces/${workspaceId}${path}`;
  const schedule = (text: string) =>
    owner.client.post(api('/posts'), {
      content: { text },
      channels: [{ channelId: mastodonChannel }],
      schedule: { mode: 'at', publishAt: new Date(Date.now() + 300).toISOString(), timeZone: 'Europe/Berlin' },
    });
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const settled = (p: any) => p.deliveries.every((d: any) => ['published', 'failed', 'cancelled'].includes(d.state));
  const inTwoDays = () => new Date(Date.now() + 2 * 86_400_000);

  beforeAll(async () => {
    mastodon = await startMastodonFake({ maxCharacters: 500 });
    tiktok = await startTikTokFake();
    h = await startTestHerald({ env: { ...fastEngineEnv, ...tiktokEnv(tiktok) } });
    owner = await signUp(h.url);
    workspaceId = (await owner.client.post('/api/v1/workspaces', { name: 'Paused' })).body.id;
    mastodonChannel = await connectMastodon(h, owner.client, workspaceId, mastodon);
    tiktokChannel = await connectTikTok(h, owner.client, workspaceId, tiktok);
  });
  afterAll(async () => {
    await h?.close();
    await mastodon?.close();
    await tiktok?.close();
  });

  it('answers the restriction, off by default', async () => {
    const res = await owner.client.get('/api/v1/me/restriction');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ restricted: false, restrictedAt: null });
  });

  it('holds scheduled posts and token refreshes while paused, and sends them once on resume', async () => {
    expect(await channelsDueForRefresh(db(), inTwoDays())).toContain(tiktokChannel);

    const paused = await owner.client.post('/api/v1/me/restriction', { restricted: true });
    expect(paused.status).toBe(200);
    expect(paused.body.restricted).toBe(true);
    expect(paused.body.restrictedAt).toBeTruthy();
    // Pausing twice changes nothing (and audits nothing).
    expect((await owner.client.post('/api/v1/me/restriction', { restricted: true })).body.restrictedAt).toBe(paused.body.restrictedAt);
    expect(await channelsDueForRefresh(db(), inTwoDays())).not.toContain(tiktokChannel);

    const before = mastodon.creations();
    const longOverdue = await schedule('Held back for a long while');
    const justOverdue = await schedule('Held back for a moment');
    expect(longOverdue.status).toBe(201);
    expect(justOverdue.status).toBe(201);
    // Past the due time, past a few reconcile passes (every second in tests).
    await sleep(4_000);
    expect(mastodon.creations()).toBe(before);
    for (const created of [longOverdue, justOverdue]) {
      const post = (await owner.client.get(api(`/posts/${created.body.id}`))).body;
      expect(post.deliveries[0]).toMatchObject({ state: 'queued', paused: true, attemptCount: 0 });
    }
    const list = await owner.client.get(api('/posts'));
    expect(list.body.items.find((p: any) => p.id === justOverdue.body.id).deliveries[0].paused).toBe(true);

    // As if the pause had lasted two minutes past this post's time.
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    await db().update(deliveries).set({ dueAt: twoMinutesAgo, nextAttemptAt: twoMinutesAgo }).where(eq(deliveries.postGroupId, longOverdue.body.id));

    const resumed = await owner.client.post('/api/v1/me/restriction', { restricted: false });
    expect(resumed.body).toEqual({ restricted: false, restrictedAt: null });
    const long = await waitForPost(owner.client, workspaceId, longOverdue.body.id, settled, 10_000);
    const short = await waitForPost(owner.client, workspaceId, justOverdue.body.id, settled, 10_000);
    expect(long.deliveries[0]).toMatchObject({ state: 'published', paused: false, late: true });
    expect(short.deliveries[0]).toMatchObject({ state: 'published', paused: false, late: false });
    // Once each, never twice (reconcile kept waking them while paused).
    await sleep(1_500);
    expect(mastodon.creations() - before).toBe(2);
    expect(await channelsDueForRefresh(db(), inTwoDays())).toContain(tiktokChannel);

    const audits = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, owner.id), inArray(auditLog.action, ['privacy.restricted', 'privacy.resumed'])))
      .orderBy(auditLog.id);
    expect(audits.map((a) => a.action)).toEqual(['privacy.restricted', 'privacy.resumed']);
    expect(audits[0]).toMatchObject({ actorUserId: owner.id, entityType: 'user' });
  });

  it('publishes as usual once processing is resumed', async () => {
    const before = mastodon.creations();
    const created = await schedule('Nothing paused here');
    const done = await waitForPost(owner.client, workspaceId, created.body.id, settled, 10_000);
    expect(done.deliveries[0]).toMatchObject({ state: 'published', paused: false });
    expect(mastodon.creations() - before).toBe(1);
  });

  it('refuses a body without the flag', async () => {
    const res = await owner.client.post('/api/v1/me/restriction', {});
    expect(res.status).toBe(400);
  });
});
