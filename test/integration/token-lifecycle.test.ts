import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { channels } from '../../src/server/db/schema/index.ts';
import { startTikTokFake, tiktokEnv, type TikTokFake } from '../fakes/tiktok/tiktok-fake.ts';
import { killAllHeraldProcesses, sharedHeraldEnv, startHeraldProcess } from '../helpers/herald-process.ts';
import { buildMp4 } from '../helpers/mp4.ts';
import { connectTikTok, fastEngineEnv, uploadMedia, waitFor, waitForPost } from '../helpers/publishing.ts';
import { freshDatabase, signUp, startTestHerald, type TestHerald } from '../helpers/test-herald.ts';

// The channel-token lifecycle against a strict TikTok: rotating refresh tokens are single use, so
// a channel is refreshed once however many requests and processes find its token expired, and a
// permission the user did not grant is never taken for a broken token.

const onPostgres = !!process.env.TEST_DATABASE_URL;
const settled = (post: { deliveries: { state: string }[] }) => post.deliveries.every((d) => ['published', 'failed', 'unconfirmed'].includes(d.state));
const withoutPublish = ['user.info.basic', 'user.info.profile', 'user.info.stats', 'video.list', 'video.upload'];

describe('an expired token is refreshed once, across requests and processes', () => {
  let tiktok: TikTokFake;
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let h: TestHerald;

  beforeAll(async () => {
    tiktok = await startTikTokFake();
    database = await freshDatabase();
    const env = await sharedHeraldEnv(database, { ...fastEngineEnv, ...tiktokEnv(tiktok) });
    // On PostgreSQL the publishing job runs in a second process (`herald worker`); PGlite is one
    // process, where the API and the worker share the in-process single flight.
    h = await startTestHerald({ env, database, mode: onPostgres ? 'serve' : 'all' });
    if (onPostgres) await startHeraldProcess({ mode: 'worker', env: { ...env, PORT: '0' } });
  }, 90_000);
  afterAll(async () => {
    await killAllHeraldProcesses();
    await h?.close();
    await tiktok?.close();
  });

  it('5 concurrent API requests and a publishing job: one refresh at TikTok, channel ok, all succeed', async () => {
    const owner = await signUp(h.url);
    const workspaceId: string = (await owner.client.post('/api/v1/workspaces', { name: 'Refresh once' })).body.id;
    const api = (path: string) => `/api/v1/workspaces/${workspaceId}${path}`;
    const channelId = await connectTikTok(h, owner.client, workspaceId, tiktok);
    const video = await uploadMedia(h, owner.client, workspaceId, { bytes: buildMp4({ durationSeconds: 8, width: 720, height: 1280, frameRate: 30 }), name: 'v.mp4', type: 'video/mp4' });

    // The access token expired, at TikTok and in Herald's row; the refresh answer takes a while,
    // so everything below finds the same expired token while the first refresh is in flight.
    tiktok.expireAccessTokens();
    await h.herald.database.db.update(channels).set({ accessTokenExpiresAt: new Date(Date.now() - 60_000) }).where(eq(channels.id, channelId));
    tiktok.delayRefreshes(1500);
    const before = tiktok.refreshCalls();

    const post = await owner.client.post(api('/posts'), { content: { text: 'Refreshed once', media: [{ mediaId: video.id }] }, channels: [{ channelId, settings: { mode: 'inbox' } }], schedule: { mode: 'now' } });
    expect(post.status).toBe(201);
    if (onPostgres) {
      // The worker process holds the refresh: the API process must wait for it, not repeat it.
      await waitFor(async () => tiktok.refreshCalls() > before, { timeoutMs: 20_000, what: 'the worker to start refreshing' });
    }
    const requests = await Promise.all([
      owner.client.post(api(`/channels/${channelId}/refresh`)),
      owner.client.get(api(`/channels/${channelId}/creator-info`)),
      owner.client.post(api(`/channels/${channelId}/refresh`)),
      owner.client.get(api(`/channels/${channelId}/creator-info`)),
      owner.client.post(api(`/channels/${channelId}/refresh`)),
    ]);
    expect(requests.map((r) => [r.status, r.body?.error?.code ?? null])).toEqual(Array.from({ length: 5 }, () => [200, null]));
    const done = await waitForPost(owner.client, workspaceId, post.body.id, settled, 40_000);
    expect(done.deliveries[0]).toMatchObject({ state: 'published' });

    expect(tiktok.refreshCalls() - before).toBe(1);
    const [row] = await h.herald.database.db.select().from(channels).where(eq(channels.id, channelId));
    expect(row).toMatchObject({ status: 'ok', statusReason: null });
    expect(row!.accessTokenExpiresAt!.getTime()).toBeGreaterThan(Date.now());
    tiktok.delayRefreshes(0);
  }, 90_000);
});

describe('a permission the user did not grant', () => {
  let tiktok: TikTokFake;
  let h: TestHerald;
  let owner: Awaited<ReturnType<typeof signUp>>;
  let workspaceId: string;
  let channelId: string;
  let video: { id: string };
  const api = (path: string) => `/api/v1/workspaces/${workspaceId}${path}`;
  const channelRow = async () => (await h.herald.database.db.select().from(channels).where(eq(channels.id, channelId)))[0]!;
  const creatorInfoCalls = () => tiktok.requests.filter((r) => r.path === '/v2/post/publish/creator_info/query/').length;

  beforeAll(async () => {
    tiktok = await startTikTokFake();
    // No HERALD_MEDIA_PUBLIC_URL: this Herald cannot offer TikTok photos.
    h = await startTestHerald({ env: { ...fastEngineEnv, ...tiktokEnv(tiktok) } });
    owner = await signUp(h.url);
    workspaceId = (await owner.client.post('/api/v1/workspaces', { name: 'Scopes' })).body.id;
    const start = await owner.client.post(api('/channels/connect'), { network: 'tiktok' });
    const back = await owner.client.get(tiktok.authorize(start.body.authorizationUrl, { grant: withoutPublish }).replace(/^https?:\/\/[^/]+/, ''));
    channelId = new URL(back.headers.get('location')!, h.url).searchParams.get('connected')!;
    video = await uploadMedia(h, owner.client, workspaceId, { bytes: buildMp4({ durationSeconds: 8, width: 720, height: 1280, frameRate: 30 }), name: 'v.mp4', type: 'video/mp4' });
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await tiktok?.close();
  });

  it('shows direct posting as off, and refuses creator info without asking TikTok', async () => {
    const channel = (await owner.client.get(api('/channels'))).body.items.find((c: { id: string }) => c.id === channelId);
    expect(channel).toMatchObject({ status: 'ok', missingFeatures: ['publish'] });
    const calls = creatorInfoCalls();
    const info = await owner.client.get(api(`/channels/${channelId}/creator-info`));
    expect(info.status).toBe(409);
    expect(info.body.error).toMatchObject({ code: 'channel.scope_missing', details: { scope: 'video.publish' } });
    expect(info.body.error.message).toContain('"video.publish"');
    expect(creatorInfoCalls()).toBe(calls);
  });

  it('refuses a direct post when it is saved or scheduled, naming the permission to allow', async () => {
    const body = { content: { text: 'Direct', media: [{ mediaId: video.id }] }, channels: [{ channelId, settings: { mode: 'direct', privacyLevel: 'SELF_ONLY' } }] };
    for (const schedule of [{ mode: 'draft' }, { mode: 'now' }]) {
      const res = await owner.client.post(api('/posts'), { ...body, schedule });
      expect(res.status).toBe(400);
      const issue = res.body.error.details.issues.find((i: { field: string }) => i.field === 'channels.0.settings.mode');
      expect(issue.message).toMatch(/did not give Herald the "video\.publish" permission.*TikTok inbox instead.*allow "video\.publish"/);
    }
  });

  it('publishes an inbox post, which needs only video.upload', async () => {
    const res = await owner.client.post(api('/posts'), { content: { text: 'To the inbox', media: [{ mediaId: video.id }] }, channels: [{ channelId, settings: { mode: 'inbox' } }], schedule: { mode: 'now' } });
    expect(res.status).toBe(201);
    const done = await waitForPost(owner.client, workspaceId, res.body.id, settled, 30_000);
    expect(done.deliveries[0]).toMatchObject({ state: 'published' });
    expect(tiktok.posts().at(-1)!.publishStatus).toBe('SEND_TO_USER_INBOX');
  });

  it('a scope_not_authorized answer is no broken token: no refresh, channel stays ok, the delivery names the permission', async () => {
    // Herald believes the permission was granted (it was taken back at TikTok since): TikTok refuses.
    await h.herald.database.db.update(channels).set({ scopesGranted: [...withoutPublish, 'video.publish'] }).where(eq(channels.id, channelId));
    const refreshes = tiktok.refreshCalls();
    const info = await owner.client.get(api(`/channels/${channelId}/creator-info`));
    expect(info.status).toBe(409);
    expect(info.body.error).toMatchObject({ code: 'channel.scope_missing', details: { reason: 'scope_not_authorized', scope: 'video.publish' } });

    const res = await owner.client.post(api('/posts'), {
      content: { text: 'Direct, refused by TikTok', media: [{ mediaId: video.id }] },
      channels: [{ channelId, settings: { mode: 'direct', privacyLevel: 'SELF_ONLY' } }],
      schedule: { mode: 'now' },
    });
    expect(res.status).toBe(201);
    const done = await waitForPost(owner.client, workspaceId, res.body.id, settled, 30_000);
    expect(done.deliveries[0]).toMatchObject({ state: 'failed', errorCode: 'channel.scope_missing' });
    expect(done.deliveries[0].errorMessage).toContain('allow "video.publish"');

    expect(tiktok.refreshCalls()).toBe(refreshes);
    expect(await channelRow()).toMatchObject({ status: 'ok', statusReason: null });
    await h.herald.database.db.update(channels).set({ scopesGranted: withoutPublish }).where(eq(channels.id, channelId));
  });

  it('refuses a photo post when this Herald has no public media address, in words a user can act on', async () => {
    const photo = await uploadMedia(h, owner.client, workspaceId, { bytes: await sharp({ create: { width: 1080, height: 1350, channels: 3, background: '#123456' } }).jpeg().toBuffer(), name: 'p.jpg', type: 'image/jpeg' });
    const res = await owner.client.post(api('/posts'), { content: { text: 'Photo', media: [{ mediaId: photo.id }] }, channels: [{ channelId, settings: { mode: 'inbox' } }], schedule: { mode: 'draft' } });
    expect(res.status).toBe(400);
    const issue = res.body.error.details.issues.find((i: { field: string }) => i.field === 'channels.0.media');
    expect(issue.message).toContain('cannot send photos to TikTok yet');
    expect(issue.message).not.toContain('HERALD_');
  });
});
