import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetUsage } from '../../src/networks/meta-graph/usage.ts';
import { channels } from '../../src/server/db/schema/index.ts';
import { graphErrorBody } from '../fakes/meta-graph/graph-fake-core.ts';
import { connectInstagram, connectInstagramViaFacebook, instagramEnv, startInstagramFake, type InstagramFake } from '../fakes/instagram/instagram-fake.ts';
import { buildMp4 } from '../helpers/mp4.ts';
import { fastEngineEnv, runJobNow, uploadMedia, waitFor, waitForPost } from '../helpers/publishing.ts';
import { freePort, signUp, startTestHerald, type TestHerald } from '../helpers/test-herald.ts';

// Instagram through Herald's HTTP API and jobs, against the fake (Instagram Login): every format,
// photos fetched by the fake from Herald's signed links, videos uploaded through rupload, the
// publishing limit, a lost media_publish answer, Meta's refusals and an ended token.

const settled = (post: { deliveries: { state: string }[] }) => post.deliveries.every((d) => ['published', 'failed', 'cancelled'].includes(d.state));
const jpeg = (width: number, height: number, background = '#3366aa') => sharp({ create: { width, height, channels: 3, background } }).jpeg().toBuffer();

describe('Instagram publishing', () => {
  let h: TestHerald;
  let fake: InstagramFake;
  let owner: Awaited<ReturnType<typeof signUp>>;
  let workspaceId: string;
  let channelId: string;
  let origin: string;
  const api = (path: string) => `/api/v1/workspaces/${workspaceId}${path}`;
  const igId = () => fake.accounts[0]!.id;

  async function media(kind: 'photo' | 'video', size: { width: number; height: number; seconds?: number }, background?: string) {
    if (kind === 'photo') return uploadMedia(h, owner.client, workspaceId, { bytes: await jpeg(size.width, size.height, background), name: 'photo.jpg', type: 'image/jpeg' });
    const bytes = buildMp4({ durationSeconds: size.seconds ?? 6, width: size.width, height: size.height, frameRate: 30 });
    return uploadMedia(h, owner.client, workspaceId, { bytes, name: 'video.mp4', type: 'video/mp4' });
  }
  async function post(body: { text: string; media: { mediaId: string; altText?: string }[]; settings?: Record<string, unknown>; firstComment?: string }) {
    return owner.client.post(api('/posts'), {
      content: { text: body.text, media: body.media, ...(body.firstComment ? { firstComment: body.firstComment } : {}) },
      channels: [{ channelId, ...(body.settings ? { settings: body.settings } : {}) }],
      schedule: { mode: 'now' },
    });
  }
  async function publish(body: Parameters<typeof post>[0], timeoutMs = 30_000) {
    const created = await post(body);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const done = await waitForPost(owner.client, workspaceId, created.body.id, settled, timeoutMs);
    return { ...done.deliveries[0], postId: created.body.id as string };
  }
  const containerOfMedia = (mediaId: string) => fake.containers().find((c) => c.mediaId === mediaId)!;

  beforeAll(async () => {
    // The public media address is this Herald's own origin: the fake downloads photos from it.
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    fake = await startInstagramFake({ videoProcessingMs: 800 });
    h = await startTestHerald({ env: { ...fastEngineEnv, ...instagramEnv(fake), PORT: String(port), HERALD_PUBLIC_URL: origin, HERALD_MEDIA_PUBLIC_URL: origin } });
    owner = await signUp(h.url);
    workspaceId = (await owner.client.post('/api/v1/workspaces', { name: 'Instagram' })).body.id;
    channelId = await connectInstagram(h, owner.client, workspaceId, fake);
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    await fake?.close();
  });

  it('connects with the permissions asked for, the long-lived token and the professional account', async () => {
    const channel = (await owner.client.get(api('/channels'))).body.items.find((c: { id: string }) => c.id === channelId);
    expect(channel).toMatchObject({ network: 'instagram', status: 'ok', username: 'herald.studio', displayName: 'Herald Studio' });
    const [row] = await h.herald.database.db.select().from(channels).where(eq(channels.id, channelId));
    // The account id (past 2^53, sent as a bare number by the code exchange) is exact.
    expect(row!.externalId).toBe(igId());
    // Meta's deauthorize and deletion calls name the app-scoped user: kept as the channel's owner.
    expect(row!.ownerExternalId).toBe('27000000000000001');
    expect(row!.scopesGranted).toEqual(['instagram_business_basic', 'instagram_business_content_publish', 'instagram_business_manage_insights']);
    // 60 days, recorded a week early so a renewal is never missed.
    expect(row!.accessTokenExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 52 * 86_400_000);
    expect(row!.accessTokenExpiresAt!.getTime()).toBeLessThan(Date.now() + 54 * 86_400_000);
    const issued = fake.tokens.all();
    expect(issued.map((t) => t.kind)).toEqual(['short', 'long']);
  });

  it('tells the disconnect dialog that Instagram Login has no revoke (the person removes Herald in Instagram’s settings)', async () => {
    const listed = (await owner.client.get('/api/v1/networks')).body.items.find((n: { id: string }) => n.id === 'instagram');
    expect(listed.noRevoke).toContain('Apps and websites');
  });

  it('without the insights permission: analytics shown as off, no insights read, publishing still works', async () => {
    const other = (await owner.client.post('/api/v1/workspaces', { name: 'No insights' })).body.id as string;
    const limited = await connectInstagram(h, owner.client, other, fake, { grant: ['instagram_business_basic', 'instagram_business_content_publish'] });
    const channel = (await owner.client.get(`/api/v1/workspaces/${other}/channels`)).body.items.find((c: { id: string }) => c.id === limited);
    expect(channel).toMatchObject({ status: 'ok', missingFeatures: ['analytics'] });
    const video = await uploadMedia(h, owner.client, other, { bytes: buildMp4({ durationSeconds: 6, width: 720, height: 1280, frameRate: 30 }), name: 'v.mp4', type: 'video/mp4' });
    const created = await owner.client.post(`/api/v1/workspaces/${other}/posts`, { content: { text: `No insights ${Date.now()}`, media: [{ mediaId: video.id }] }, channels: [{ channelId: limited, settings: { format: 'reel' } }], schedule: { mode: 'now' } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const done = await waitForPost(owner.client, other, created.body.id, settled, 30_000);
    expect(done.deliveries[0].state).toBe('published');
    const limitedToken = fake.tokens.all().filter((t) => t.kind === 'long').at(-1)!.token;
    const from = fake.requests.length;
    await runJobNow(h, 'analytics.collect');
    expect(fake.requests.slice(from).filter((r) => r.query.get('access_token') === limitedToken && r.path.endsWith('/insights'))).toEqual([]);
  });

  it('publishes a photo with alt text, fetched from a signed link, and its first comment once', async () => {
    const photo = await media('photo', { width: 1080, height: 1350 });
    const text = `A photo #herald @someone ${Date.now()}`;
    const delivery = await publish({ text, media: [{ mediaId: photo.id, altText: 'Blue square' }], firstComment: 'First!' });
    expect(delivery).toMatchObject({ state: 'published', externalId: expect.stringMatching(/^\d{17}$/) });
    expect(delivery.externalUrl).toMatch(/^https:\/\/www\.instagram\.com\/p\/[\w-]+\/$/);
    const container = containerOfMedia(delivery.externalId);
    expect(container).toMatchObject({ kind: 'IMAGE', caption: text, altText: 'Blue square' });
    const download = fake.downloads.at(-1)!;
    expect(download).toMatchObject({ status: 200 });
    expect(download.url.startsWith(`${origin}/media/public/${photo.id}/`)).toBe(true);
    const published = fake.posts().find((p) => p.id === delivery.externalId)!;
    expect(published.comments.map((c) => c.text)).toEqual(['First!']);
  });

  it('publishes a carousel of photos and a video, waiting for the video to finish processing first', async () => {
    fake.setVideoProcessingMs(2500);
    try {
      const items = [await media('photo', { width: 1080, height: 1350 }, '#aa3333'), await media('video', { width: 1080, height: 1350, seconds: 5 }), await media('photo', { width: 1080, height: 1350 }, '#33aa33')];
      const text = `Carousel ${Date.now()}`;
      const delivery = await publish({ text, media: items.map((m) => ({ mediaId: m.id })) });
      expect(delivery.state).toBe('published');
      const parent = containerOfMedia(delivery.externalId);
      expect(parent).toMatchObject({ kind: 'CAROUSEL', caption: text });
      expect(parent.children).toHaveLength(3);
      const children = parent.children.map((id) => fake.containers().find((c) => c.id === id)!);
      expect(children.map((c) => c.kind)).toEqual(['IMAGE', 'VIDEO', 'IMAGE']);
      expect(children.every((c) => c.isCarouselItem && c.caption === '')).toBe(true);
      // The video went through rupload, and was read while still IN_PROGRESS before the carousel was made.
      expect(fake.uploads.find((u) => u.containerId === children[1]!.id)).toBeTruthy();
      const statusReads = fake.requests.filter((r) => r.method === 'GET' && r.path.endsWith(`/${children[1]!.id}`));
      expect(statusReads.length).toBeGreaterThan(1);
      expect(fake.posts().filter((p) => p.caption === text)).toHaveLength(1);
    } finally {
      fake.setVideoProcessingMs(800);
    }
  });

  it('publishes a Reel uploaded through rupload (no public address needed) with its cover frame and feed choice', async () => {
    const video = await media('video', { width: 720, height: 1280, seconds: 8 });
    const text = `Reel ${Date.now()}`;
    const delivery = await publish({ text, media: [{ mediaId: video.id }], settings: { format: 'reel', shareToFeed: false, thumbOffsetMs: 1500 } });
    expect(delivery.state).toBe('published');
    expect(delivery.externalUrl).toMatch(/^https:\/\/www\.instagram\.com\/reel\//);
    const container = containerOfMedia(delivery.externalId);
    expect(container).toMatchObject({ kind: 'REELS', shareToFeed: false, thumbOffset: 1500, resumable: true });
    expect(container.uploadedBytes).toBeGreaterThan(0);
  });

  it('publishes stories, a photo and a video', async () => {
    const photo = await media('photo', { width: 1080, height: 1920 });
    const photoStory = await publish({ text: '', media: [{ mediaId: photo.id }], settings: { format: 'story' } });
    expect(photoStory.state).toBe('published');
    expect(containerOfMedia(photoStory.externalId)).toMatchObject({ kind: 'STORIES', resumable: false });
    const video = await media('video', { width: 720, height: 1280, seconds: 10 });
    const videoStory = await publish({ text: '', media: [{ mediaId: video.id }], settings: { format: 'story' } });
    expect(videoStory.state).toBe('published');
    expect(containerOfMedia(videoStory.externalId)).toMatchObject({ kind: 'STORIES', resumable: true });
    expect(fake.posts().find((p) => p.id === videoStory.externalId)).toMatchObject({ productType: 'STORY' });
  });

  it('settles a lost media_publish answer by reading the container, without a second post', async () => {
    const video = await media('video', { width: 720, height: 1280 });
    const text = `Lost answer ${Date.now()}`;
    fake.failNext(fake.paths.publish(), { dropAfterHandling: true });
    const delivery = await publish({ text, media: [{ mediaId: video.id }], settings: { format: 'reel' } }, 60_000);
    expect(delivery.state).toBe('published');
    expect(fake.posts().filter((p) => p.caption === text).map((p) => p.id)).toEqual([delivery.externalId]);
    const publishCalls = fake.requests.filter((r) => r.method === 'POST' && r.path === fake.paths.publish() && r.body.creation_id === containerOfMedia(delivery.externalId).id);
    expect(publishCalls).toHaveLength(1);
    const log = JSON.stringify((await owner.client.get(api(`/posts/${delivery.postId}/deliveries/${delivery.id}/log`))).body);
    expect(log).toContain('unconfirmed');
  }, 90_000);

  it('settles a lost answer for a story (stories carry no caption) from the stories edge', async () => {
    const photo = await media('photo', { width: 1080, height: 1920 });
    fake.failNext(fake.paths.publish(), { dropAfterHandling: true });
    const delivery = await publish({ text: '', media: [{ mediaId: photo.id }], settings: { format: 'story' } }, 60_000);
    expect(delivery.state).toBe('published');
    const stories = fake.posts().filter((p) => p.productType === 'STORY' && p.containerId === containerOfMedia(delivery.externalId).id);
    expect(stories.map((p) => p.id)).toEqual([delivery.externalId]);
    expect(fake.requests.some((r) => r.path === `/${fake.version}/${igId()}/stories`)).toBe(true);
    expect(JSON.stringify((await owner.client.get(api(`/posts/${delivery.postId}/deliveries/${delivery.id}/log`))).body)).toContain('unconfirmed');
  }, 90_000);

  it('fails a container that expired before it could be published, with the reason', async () => {
    fake.setVideoProcessingMs(60_000);
    try {
      const video = await media('video', { width: 720, height: 1280 });
      const text = `Expired ${Date.now()}`;
      const created = await post({ text, media: [{ mediaId: video.id }], settings: { format: 'reel' } });
      expect(created.status).toBe(201);
      await waitFor(async () => fake.containers().find((c) => c.caption === text && c.uploadedBytes), { what: 'the upload' });
      // A day later (Herald was down): the container is EXPIRED.
      fake.ageContainers();
      const done = await waitForPost(owner.client, workspaceId, created.body.id, settled, 30_000);
      expect(done.deliveries[0]).toMatchObject({ state: 'failed', errorCode: 'container_expired' });
      expect(done.deliveries[0].errorMessage).toContain('expired before it was published');
      expect(fake.posts().filter((p) => p.caption === text)).toEqual([]);
    } finally {
      fake.setVideoProcessingMs(800);
    }
  });

  it('slows the account down when Meta reports 95% of its call budget used, before creating anything', async () => {
    fake.setUsage({ appPercent: 20, business: { id: igId(), type: 'instagram', percent: 95, regainMinutes: 7 } });
    try {
      const video = await media('video', { width: 720, height: 1280 });
      const text = `Budget ${Date.now()}`;
      const created = await post({ text, media: [{ mediaId: video.id }], settings: { format: 'reel' } });
      const delivery = await waitFor(
        async () => {
          const d = (await owner.client.get(api(`/posts/${created.body.id}`))).body.deliveries[0];
          return d.errorCode === 'usage_high' ? d : null;
        },
        { what: 'the budget hold' },
      );
      expect(delivery).toMatchObject({ state: 'queued' });
      expect(delivery.errorMessage).toContain('95% of its call budget');
      expect(new Date(delivery.nextAttemptAt).getTime()).toBeGreaterThan(Date.now() + 5 * 60_000);
      expect(fake.containers().filter((c) => c.caption === text)).toEqual([]);
      await owner.client.post(api(`/posts/${created.body.id}/cancel`));
    } finally {
      fake.setUsage({ appPercent: 2 });
      forgetUsage();
      await h.herald.database.db.update(channels).set({ publishNotBefore: null }).where(eq(channels.id, channelId));
    }
  });

  it('keeps a 20-digit media id exact', async () => {
    const video = await media('video', { width: 720, height: 1280 });
    fake.setNextMediaId('18446744073709551557');
    const delivery = await publish({ text: `Big id ${Date.now()}`, media: [{ mediaId: video.id }], settings: { format: 'reel' } });
    expect(delivery).toMatchObject({ state: 'published', externalId: '18446744073709551557' });
  });

  it('holds a post back at the publishing limit with the reason, before creating anything', async () => {
    fake.setQuota(50, 50);
    try {
      const video = await media('video', { width: 720, height: 1280 });
      const text = `Over the limit ${Date.now()}`;
      const created = await post({ text, media: [{ mediaId: video.id }], settings: { format: 'reel' } });
      expect(created.status).toBe(201);
      const delivery = await waitFor(
        async () => {
          const d = (await owner.client.get(api(`/posts/${created.body.id}`))).body.deliveries[0];
          return d.errorCode === 'publishing_limit' ? d : null;
        },
        { what: 'the publishing limit to be seen' },
      );
      expect(delivery).toMatchObject({ state: 'queued' });
      expect(delivery.errorMessage).toContain('posts Instagram allows apps in 24 hours');
      expect(new Date(delivery.nextAttemptAt).getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
      expect(fake.containers().filter((c) => c.caption === text)).toEqual([]);
      await owner.client.post(api(`/posts/${created.body.id}/cancel`));
    } finally {
      fake.setQuota(50, 0);
      await h.herald.database.db.update(channels).set({ publishNotBefore: null }).where(eq(channels.id, channelId));
    }
  });

  it("fails with Meta's words for the person when Instagram refuses the media (2207xxx)", async () => {
    const photo = await media('photo', { width: 1080, height: 1350 });
    fake.failNext(fake.paths.containers(), {
      status: 400,
      body: graphErrorBody({ code: 36003, subcode: 2207009, message: 'Invalid parameter', userTitle: 'Aspect ratio not supported', userMsg: 'The aspect ratio is not supported.' }),
    });
    const delivery = await publish({ text: `Refused ${Date.now()}`, media: [{ mediaId: photo.id }] });
    expect(delivery).toMatchObject({ state: 'failed', errorCode: 'graph_36003_2207009' });
    expect(delivery.errorMessage).toContain('The aspect ratio is not supported.');
  });

  it('fails with the reason when the fetched photo cannot be downloaded (9004)', async () => {
    const photo = await media('photo', { width: 1080, height: 1350 });
    fake.failNext(fake.paths.containers(), { status: 400, body: graphErrorBody({ code: 9004, subcode: 2207052, message: 'The media could not be fetched from this URI', userMsg: 'The media could not be fetched from the URI provided.' }) });
    const delivery = await publish({ text: `Unfetchable ${Date.now()}`, media: [{ mediaId: photo.id }] });
    expect(delivery).toMatchObject({ state: 'failed' });
    expect(delivery.errorMessage).toContain('could not be fetched');
  });

  it('refuses, when saved, what Instagram would refuse: Reel shape, mixed carousel shapes, too many hashtags', async () => {
    const landscape = await media('video', { width: 1280, height: 720 });
    const reel = await post({ text: 'Wide reel', media: [{ mediaId: landscape.id }], settings: { format: 'reel' } });
    expect(reel.status).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(reel.body)).toContain('9:16');
    const square = await media('photo', { width: 1080, height: 1080 });
    const portrait = await media('photo', { width: 1080, height: 1350 });
    const mixed = await post({ text: 'Mixed', media: [{ mediaId: square.id }, { mediaId: portrait.id }] });
    expect(mixed.status).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(mixed.body)).toContain('same shape as the first');
    const tags = Array.from({ length: 31 }, (_, i) => `#tag${i}`).join(' ');
    const hashtags = await post({ text: tags, media: [{ mediaId: square.id }] });
    expect(hashtags.status).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(hashtags.body)).toContain('at most 30 hashtags');
  });

  it('an ended token (190/460, password changed) marks the channel needs_reauth with the reason', async () => {
    fake.tokens.invalidateUser(igId(), 460);
    const video = await media('video', { width: 720, height: 1280 });
    const delivery = await publish({ text: `After password change ${Date.now()}`, media: [{ mediaId: video.id }], settings: { format: 'reel' } });
    expect(delivery).toMatchObject({ state: 'failed', errorCode: 'channel.needs_reauth' });
    const [row] = await h.herald.database.db.select().from(channels).where(eq(channels.id, channelId));
    expect(row).toMatchObject({ status: 'needs_reauth' });
    expect(row!.statusReason).toContain('password was changed');
  });

  // Last: it disconnects the account everywhere.
  it("Meta's data deletion call: a forged signature is refused and changes nothing; the app's own disconnects and answers a status page", async () => {
    const url = `${h.url}/api/v1/networks/instagram/callbacks/data-deletion`;
    const owner = fake.accounts[0]!.appUserId;
    const forged = await fake.callHerald(url, owner, 'not-the-app-secret');
    expect([401, 403]).toContain(forged.status);
    const before = await h.herald.database.db.select().from(channels).where(eq(channels.ownerExternalId, owner));
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((c) => c.status !== 'disconnected')).toBe(true);

    const genuine = await fake.callHerald(url, owner);
    expect(genuine.status).toBe(200);
    const answer = genuine.body as { url: string; confirmation_code: string };
    expect(answer.url).toContain(answer.confirmation_code);
    const after = await h.herald.database.db.select().from(channels).where(eq(channels.ownerExternalId, owner));
    expect(after.every((c) => c.status === 'disconnected' && c.accessTokenSealed === null)).toBe(true);
    expect((await fetch(new URL(new URL(answer.url).pathname, h.url))).status).toBe(200);
  });
});

describe('Instagram with Facebook Login', () => {
  let h: TestHerald;
  let fake: InstagramFake;
  let owner: Awaited<ReturnType<typeof signUp>>;
  let workspaceId: string;
  const api = (path: string) => `/api/v1/workspaces/${workspaceId}${path}`;

  beforeAll(async () => {
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    fake = await startInstagramFake({
      videoProcessingMs: 300,
      accounts: [
        { id: '17841400000000001', appUserId: '27000000000000001', username: 'acme.bakery', name: 'Acme Bakery', pictureUrl: 'https://scontent.example/a.jpg', pageId: '109000000000001' },
        { id: '17841400000000002', appUserId: '27000000000000002', username: 'acme.coffee', name: 'Acme Coffee', pictureUrl: 'https://scontent.example/b.jpg', pageId: '109000000000002' },
      ],
      facebookUser: {
        id: '10230000000000001',
        name: 'Agency Owner',
        pages: [
          { id: '109000000000001', name: 'Acme Bakery', category: 'Bakery' },
          { id: '109000000000002', name: 'Acme Coffee', category: 'Café' },
          { id: '109000000000003', name: 'Acme Careers', category: 'Company' },
        ],
      },
    });
    h = await startTestHerald({ env: { ...fastEngineEnv, ...instagramEnv(fake, 'facebook'), PORT: String(port), HERALD_PUBLIC_URL: origin, HERALD_MEDIA_PUBLIC_URL: origin } });
    owner = await signUp(h.url);
    workspaceId = (await owner.client.post('/api/v1/workspaces', { name: 'Agency' })).body.id;
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    await fake?.close();
  });

  it('offers the Instagram accounts linked to the Pages, connects the picked one with its Page token, publishes, and disconnect removes the permissions', async () => {
    const { channelIds, offered } = await connectInstagramViaFacebook(h, owner.client, workspaceId, fake, (accounts) => [accounts[1]!.externalId]);
    // The Page without a linked Instagram account is not offered.
    expect(offered.map((a: { externalId: string; username: string; note: string }) => [a.externalId, a.username, a.note])).toEqual([
      ['17841400000000001', 'acme.bakery', 'linked to the Facebook Page Acme Bakery'],
      ['17841400000000002', 'acme.coffee', 'linked to the Facebook Page Acme Coffee'],
    ]);
    expect(channelIds).toHaveLength(1);
    const [row] = await h.herald.database.db.select().from(channels).where(eq(channels.id, channelIds[0]!));
    expect(row).toMatchObject({ externalId: '17841400000000002', username: 'acme.coffee', ownerExternalId: '10230000000000001', accessTokenExpiresAt: null });
    // Facebook's permission names are recorded under the ones the feature checks use.
    expect(row!.scopesGranted).toEqual(['instagram_business_basic', 'instagram_business_content_publish', 'instagram_business_manage_insights']);
    // The consent asked for Facebook Login's permissions; the short-lived token became a long-lived one.
    expect(fake.tokens.all().map((t) => t.kind)).toEqual(['short', 'long', 'page', 'page', 'page']);

    const photo = await uploadMedia(h, owner.client, workspaceId, { bytes: await jpeg(1080, 1080), name: 'square.jpg', type: 'image/jpeg' });
    const created = await owner.client.post(api('/posts'), { content: { text: 'From the Page', media: [{ mediaId: photo.id }] }, channels: [{ channelId: channelIds[0] }], schedule: { mode: 'now' } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const done = await waitForPost(owner.client, workspaceId, created.body.id, settled, 30_000);
    expect(done.deliveries[0]).toMatchObject({ state: 'published' });
    const published = fake.posts().find((p) => p.id === done.deliveries[0].externalId)!;
    expect(published).toMatchObject({ igId: '17841400000000002', caption: 'From the Page' });
    const pageToken = fake.tokens.all().find((t) => t.kind === 'page' && t.pageId === '109000000000002')!.token;
    expect(fake.requests.some((r) => r.path === fake.paths.publish('17841400000000002') && r.query.get('access_token') === pageToken)).toBe(true);

    const removed = await owner.client.delete(api(`/channels/${channelIds[0]}`));
    expect([200, 204]).toContain(removed.status);
    expect(fake.revocations).toEqual(['10230000000000001']);
    expect(fake.tokens.all().every((t) => t.invalidated === 458)).toBe(true);
    // Facebook Login can end the grant: the dialog promises a revoke.
    expect((await owner.client.get('/api/v1/networks')).body.items.find((n: { id: string }) => n.id === 'instagram').noRevoke).toBeNull();
  });
});
