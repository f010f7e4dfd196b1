import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { channels } from '../../src/server/db/schema/index.ts';
import { ProviderError } from '../../src/server/providers/provider.ts';
import { createThreadsProvider, refreshTokenFor } from '../../src/networks/threads/server/threads.provider.ts';
import { createThreadsPublisher } from '../../src/networks/threads/server/threads.publisher.ts';
import type { PublishContext } from '../../src/server/providers/publishing.ts';
import { server as threadsServer } from '../../src/networks/threads/server/index.ts';
import { forgetUsage } from '../../src/networks/meta-graph/usage.ts';
import type { Config } from '../../src/server/config/config.ts';
import { buildMp4 } from '../helpers/mp4.ts';
import { fastEngineEnv, uploadMedia, waitFor, waitForPost } from '../helpers/publishing.ts';
import { freePort, signUp, startTestHerald, type TestHerald } from '../helpers/test-herald.ts';
import { connectThreads } from '../fakes/threads/connect.ts';
import { startThreadsFake, threadsEnv, type ThreadsFake } from '../fakes/threads/threads-fake.ts';

const HOUR = 3_600_000;
const finished = (p: any) => p.deliveries.every((d: any) => ['published', 'failed', 'cancelled'].includes(d.state));

// Threads through Herald's HTTP API and jobs, against the local Threads fake: every format, media
// pulled through Herald's signed links, exactly once without idempotency keys, the publishing
// limit, and the token rules (60-day tokens, refresh only past 24 h, no revoke).
describe('Threads through Herald', () => {
  let h: TestHerald;
  let fake: ThreadsFake;
  let owner: Awaited<ReturnType<typeof signUp>>;
  let workspaceId: string;
  let channelId: string;
  let userId: string;
  const api = (path: string) => `/api/v1/workspaces/${workspaceId}${path}`;
  const db = () => h.herald.database.db;
  const channelRow = async (id = channelId) => (await db().select().from(channels).where(eq(channels.id, id)))[0]!;
  let jpeg: Buffer;

  async function schedule(content: Record<string, unknown>, settings?: Record<string, unknown>, id = channelId) {
    // Each test is about one post: the account's spacing since the previous test's post would only add waiting.
    await db().update(channels).set({ publishNotBefore: null }).where(eq(channels.id, id));
    const created = await owner.client.post(api('/posts'), { content, channels: [{ channelId: id, ...(settings ? { settings } : {}) }], schedule: { mode: 'now' } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body as { id: string; deliveries: { id: string }[] };
  }
  async function publish(content: Record<string, unknown>, settings?: Record<string, unknown>, id = channelId) {
    const created = await schedule(content, settings, id);
    const done = await waitForPost(owner.client, workspaceId, created.id, finished, 40_000);
    return { ...done.deliveries[0], postId: created.id };
  }
  const image = async (name = 'photo.jpg') => uploadMedia(h, owner.client, workspaceId, { bytes: jpeg, name, type: 'image/jpeg' });
  const video = async () => uploadMedia(h, owner.client, workspaceId, { bytes: buildMp4({ durationSeconds: 6, width: 720, height: 1280, frameRate: 30 }), name: 'clip.mp4', type: 'video/mp4' });

  beforeAll(async () => {
    jpeg = await sharp({ create: { width: 1080, height: 1350, channels: 3, background: { r: 200, g: 80, b: 40 } } }).jpeg().toBuffer();
    fake = await startThreadsFake();
    userId = fake.users[0]!.id;
    // Threads downloads media from HERALD_MEDIA_PUBLIC_URL: Herald itself, on loopback.
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    h = await startTestHerald({ env: { ...fastEngineEnv, ...threadsEnv(fake), PORT: String(port), HERALD_PUBLIC_URL: origin, HERALD_MEDIA_PUBLIC_URL: origin, HERALD_SECRET: crypto.randomBytes(32).toString('base64url') } });
    owner = await signUp(h.url);
    workspaceId = (await owner.client.post('/api/v1/workspaces', { name: 'Threads' })).body.id;
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    await fake?.close();
  });

  it('connects through the authorization window with a 60-day token, the account id past 2^53 kept exact', async () => {
    channelId = await connectThreads(h, owner.client, workspaceId, fake);
    const channel = (await owner.client.get(api('/channels'))).body.items.find((c: { id: string }) => c.id === channelId);
    expect(channel).toMatchObject({ network: 'threads', status: 'ok', username: 'herald.tester', displayName: 'Herald Tester' });
    const row = await channelRow();
    expect(row.externalId).toBe('17841400123456789');
    // The one-hour token was exchanged at once; the stored one is the 60-day token.
    expect(row.accessTokenExpiresAt!.getTime() - Date.now()).toBeGreaterThan(59 * 24 * HOUR);
    expect(fake.tokens().map((t) => t.kind)).toEqual(['short', 'long']);
    // Only the permissions the features need are asked for.
    const again = await owner.client.post(api('/channels/connect'), { network: 'threads' });
    expect(new URL(again.body.authorizationUrl).searchParams.get('scope')?.split(',')).toEqual(['threads_basic', 'threads_content_publish', 'threads_manage_replies', 'threads_read_replies', 'threads_manage_insights']);
  });

  it('records the permissions the person left ticked: without insights analytics show as off, without publishing a post is refused when saved', async () => {
    const other = (await owner.client.post('/api/v1/workspaces', { name: 'Fewer permissions' })).body.id as string;
    const channel = await connectThreads(h, owner.client, other, fake, { grant: ['threads_basic', 'threads_content_publish', 'threads_manage_replies', 'threads_read_replies'] });
    const listed = (await owner.client.get(`/api/v1/workspaces/${other}/channels`)).body.items.find((c: { id: string }) => c.id === channel);
    expect(listed).toMatchObject({ status: 'ok', missingFeatures: ['analytics'] });
    expect(listed.scopesGranted).not.toContain('threads_manage_insights');
    // Without the publishing permission, a post is refused when it is saved, naming the permission.
    const third = (await owner.client.post('/api/v1/workspaces', { name: 'Read only' })).body.id as string;
    const readOnly = await connectThreads(h, owner.client, third, fake, { grant: ['threads_basic'] });
    const refused = await owner.client.post(`/api/v1/workspaces/${third}/posts`, { content: { text: 'Not allowed' }, channels: [{ channelId: readOnly }], schedule: { mode: 'now' } });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(refused.body)).toContain('"threads_content_publish\\"');
  });

  it('publishes a text post with a topic, a link preview and who may reply, once, with its link', async () => {
    const text = `Hello Threads 👋 ${Date.now()}`;
    const delivery = await publish({ text }, { topicTag: 'Herald', linkAttachment: 'https://example.org/news', replyControl: 'accounts_you_follow' });
    expect(delivery).toMatchObject({ state: 'published', externalId: expect.stringMatching(/^\d{17,19}$/) });
    const posts = fake.posts().filter((p) => p.text === text);
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({ id: delivery.externalId, mediaType: 'TEXT', topicTag: 'Herald', linkAttachment: 'https://example.org/news', replyControl: 'accounts_you_follow' });
    expect(delivery.externalUrl).toBe(posts[0]!.permalink);
  });

  it('publishes a photo that Threads downloads through a signed, expiring link, with its alt text', async () => {
    const photo = await image();
    const text = `A photo ${Date.now()}`;
    const delivery = await publish({ text, media: [{ mediaId: photo.id, altText: 'An orange square' }] });
    expect(delivery.state, delivery.errorMessage).toBe('published');
    const container = fake.containers().find((c) => c.text === text)!;
    expect(container).toMatchObject({ mediaType: 'IMAGE', altText: 'An orange square', download: { state: 'done', status: 200, bytes: jpeg.length } });
    expect(container.mediaUrl).toMatch(new RegExp(`/media/public/${photo.id}/\\d+/[A-Za-z0-9_-]+$`));
    // Once published, the link no longer serves the file.
    const after = await fetch(container.mediaUrl!);
    await after.arrayBuffer();
    expect(after.status).not.toBe(200);
  });

  it('fails with a clear reason when Threads cannot download the media (a link with a wrong signature)', async () => {
    const photo = await image('bad.jpg');
    fake.corruptNextDownload();
    const text = `Tampered ${Date.now()}`;
    const delivery = await publish({ text, media: [{ mediaId: photo.id }] });
    expect(delivery).toMatchObject({ state: 'failed', errorCode: 'container_FAILED_DOWNLOADING_IMAGE' });
    expect(delivery.errorMessage).toContain('Threads could not download the photo from Herald');
    expect(fake.posts().filter((p) => p.text === text)).toEqual([]);
  });

  it('publishes a video once Threads has processed it', async () => {
    const clip = await video();
    const text = `A video ${Date.now()}`;
    const created = await schedule({ text, media: [{ mediaId: clip.id }] });
    await waitFor(async () => (await owner.client.get(api(`/posts/${created.id}`))).body.deliveries[0].state === 'processing', { what: 'processing' });
    const done = await waitForPost(owner.client, workspaceId, created.id, finished, 40_000);
    expect(done.deliveries[0].state, done.deliveries[0].errorMessage).toBe('published');
    expect(fake.posts().filter((p) => p.text === text).map((p) => p.mediaType)).toEqual(['VIDEO']);
  });

  it('publishes a carousel only after the video among its items has finished processing', async () => {
    fake.setProcessing('video', 4000);
    try {
      const [one, two, clip] = [await image('one.jpg'), await image('two.jpg'), await video()];
      const text = `A carousel ${Date.now()}`;
      const created = await schedule({ text, media: [{ mediaId: one.id }, { mediaId: clip.id }, { mediaId: two.id }] });
      await waitFor(async () => (await owner.client.get(api(`/posts/${created.id}`))).body.deliveries[0].state === 'processing', { what: 'processing' });
      const done = await waitForPost(owner.client, workspaceId, created.id, finished, 40_000);
      expect(done.deliveries[0].state, done.deliveries[0].errorMessage).toBe('published');
      const post = fake.posts().find((p) => p.text === text)!;
      expect(post.mediaType).toBe('CAROUSEL');
      const items = post.children.map((id) => fake.containers().find((c) => c.id === id)!);
      expect(items.map((c) => c.mediaType)).toEqual(['IMAGE', 'VIDEO', 'IMAGE']);
      // The CAROUSEL container came after every item was ready (the fake refuses it otherwise).
      const parent = fake.containers().find((c) => c.id === post.containerId)!;
      expect(parent.createdAt).toBeGreaterThanOrEqual(items[1]!.readyAt!);
      expect(fake.containers().filter((c) => c.mediaType === 'CAROUSEL' && c.text === text)).toHaveLength(1);
    } finally {
      fake.setProcessing('video', 1000);
    }
  });

  it('publishes a chain as replies, each to the post before it', async () => {
    const stamp = Date.now();
    const delivery = await publish({ text: `Chain 1/3 ${stamp}`, threadParts: [{ text: `Chain 2/3 ${stamp}` }, { text: `Chain 3/3 ${stamp}` }] });
    expect(delivery.state, delivery.errorMessage).toBe('published');
    const [first, second, third] = [1, 2, 3].map((n) => fake.posts().filter((p) => p.text === `Chain ${n}/3 ${stamp}`));
    expect([first, second, third].map((p) => p!.length)).toEqual([1, 1, 1]);
    expect(delivery.externalId).toBe(first![0]!.id);
    expect(second![0]).toMatchObject({ replyToId: first![0]!.id, rootId: first![0]!.id });
    expect(third![0]).toMatchObject({ replyToId: second![0]!.id, rootId: first![0]!.id });
  });

  it('settles a lost threads_publish answer in the middle of a chain by reading the container and the replies: no second post', async () => {
    const stamp = Date.now();
    const texts = [`Lost 1/3 ${stamp}`, `Lost 2/3 ${stamp}`, `Lost 3/3 ${stamp}`];
    // The first part's publish goes through; the second's answer is cut after Threads published it.
    fake.failNextPublish(userId, {});
    fake.failNextPublish(userId, { dropAfterHandling: true });
    const created = await schedule({ text: texts[0], threadParts: [{ text: texts[1] }, { text: texts[2] }] });
    const done = await waitForPost(owner.client, workspaceId, created.id, finished, 60_000);
    expect(done.deliveries[0].state, done.deliveries[0].errorMessage).toBe('published');
    for (const text of texts) expect(fake.posts().filter((p) => p.text === text)).toHaveLength(1);
    const log = JSON.stringify((await owner.client.get(api(`/posts/${created.id}/deliveries/${created.deliveries[0]!.id}/log`))).body);
    expect(log).toContain('unconfirmed');
    expect(log).toContain('found at the network');
    const [, second, third] = texts.map((t) => fake.posts().find((p) => p.text === t)!);
    expect(third!.replyToId).toBe(second!.id);
  }, 90_000);

  it('refuses a post before Threads’ publishing limit is reached, without touching Threads', async () => {
    const used = fake.posts().filter((p) => p.replyToId === null).length;
    fake.setQuotaTotal(used);
    try {
      const text = `Over the limit ${Date.now()}`;
      const containersBefore = fake.containers().length;
      const delivery = await publish({ text });
      expect(delivery).toMatchObject({ state: 'failed', errorCode: 'publishing_limit' });
      expect(delivery.errorMessage).toContain(`Threads allows this account ${used} posts in 24 hours`);
      expect(delivery.errorMessage).toContain('Schedule it for later');
      expect(fake.containers()).toHaveLength(containersBefore);
      expect(fake.refusedAtCap).toEqual([]);
    } finally {
      fake.setQuotaTotal(250);
    }
  });

  it('makes a new container when the one waiting to be published expired (never published, so nothing is sent twice)', async () => {
    fake.setProcessing('video', 3000);
    try {
      const clip = await video();
      const text = `Expired container ${Date.now()}`;
      const created = await schedule({ text, media: [{ mediaId: clip.id }] });
      await waitFor(async () => (await owner.client.get(api(`/posts/${created.id}`))).body.deliveries[0].state === 'processing', { what: 'processing' });
      // A day passes while Herald waits: Threads expires the unpublished container.
      fake.ageContainers(25 * HOUR);
      const done = await waitForPost(owner.client, workspaceId, created.id, finished, 40_000);
      expect(done.deliveries[0].state, done.deliveries[0].errorMessage).toBe('published');
      const made = fake.containers().filter((c) => c.text === text);
      expect(made).toHaveLength(2);
      expect(fake.posts().filter((p) => p.text === text)).toHaveLength(1);
      expect(made[1]!.publishedAs).toEqual([done.deliveries[0].externalId]);
    } finally {
      fake.setProcessing('video', 1000);
    }
  });

  it('holds an account back when usage headers near the budget, before creating anything', async () => {
    fake.setUsage({ business: { id: userId, type: 'threads', percent: 95, regainMinutes: 7 } });
    try {
      const text = `Slow down ${Date.now()}`;
      const containersBefore = fake.containers().length;
      const created = await schedule({ text });
      const delivery = await waitFor(
        async () => {
          const d = (await owner.client.get(api(`/posts/${created.id}`))).body.deliveries[0];
          return d.state === 'queued' && d.nextAttemptAt && d.attemptCount > 0 ? d : null;
        },
        { what: 'the wait to be planned' },
      );
      expect(new Date(delivery.nextAttemptAt).getTime()).toBeGreaterThan(Date.now() + 6 * 60_000);
      expect(delivery.errorMessage).toContain('95% of its call budget');
      expect(fake.containers()).toHaveLength(containersBefore);
      await owner.client.post(api(`/posts/${created.id}/cancel`));
    } finally {
      fake.setUsage(null);
      forgetUsage();
    }
  });

  it('keeps a post id past 2^53 exact and links the post by its shortcode', async () => {
    const id = '9223372036854775801';
    fake.setNextPostId(id);
    const delivery = await publish({ text: `Big id ${Date.now()}` });
    expect(delivery).toMatchObject({ state: 'published', externalId: id });
    expect(delivery.externalUrl).toBe(fake.posts().find((p) => p.id === id)!.permalink);
  });

  it('asks for a reconnect when Threads rejects a token younger than 24 h, without trying a refresh it would refuse', async () => {
    const other = (await owner.client.post('/api/v1/workspaces', { name: 'Password changed' })).body.id as string;
    const before = fake.refreshes.length;
    const channel = await connectThreads(h, owner.client, other, fake);
    fake.invalidateUser(userId, 460);
    const created = await owner.client.post(`/api/v1/workspaces/${other}/posts`, { content: { text: `Rejected ${Date.now()}` }, channels: [{ channelId: channel }], schedule: { mode: 'now' } });
    expect(created.status).toBe(201);
    const done = await waitForPost(owner.client, other, created.body.id, finished, 30_000);
    expect(done.deliveries[0]).toMatchObject({ state: 'failed', errorCode: 'channel.needs_reauth' });
    expect(fake.refreshes.length).toBe(before);
    const row = await channelRow(channel);
    expect(row.status).toBe('needs_reauth');
    expect(row.statusReason).toContain('at least 24 h old');
  });

  it('disconnects by deleting the token at once (Threads has no revoke endpoint)', async () => {
    // A fresh consent: the earlier test ended every token of the user.
    const other = (await owner.client.post('/api/v1/workspaces', { name: 'Disconnect' })).body.id as string;
    const channel = await connectThreads(h, owner.client, other, fake);
    const token = fake.tokens().at(-1)!.token;
    const removed = await owner.client.delete(`/api/v1/workspaces/${other}/channels/${channel}`);
    expect([200, 204]).toContain(removed.status);
    expect((await channelRow(channel)).accessTokenSealed).toBeNull();
    const from = fake.requests.length;
    await owner.client.post(`/api/v1/workspaces/${other}/channels/${channel}/refresh`);
    expect(fake.requests.slice(from).filter((r) => r.query.get('access_token') === token)).toEqual([]);
    expect((await channelRow(channel)).status).toBe('disconnected');
  });
});

describe('Threads token refresh (the 24 h rule)', () => {
  let fake: ThreadsFake;
  beforeAll(async () => {
    fake = await startThreadsFake();
  });
  afterAll(() => fake?.close());
  const provider = (refreshMinAgeMs = 24 * HOUR) => createThreadsProvider({ appId: fake.appId, appSecret: fake.appSecret, authUrl: fake.url, apiUrl: fake.url, refreshMinAgeMs });

  it('renews a token at least 24 h old for 60 more days', async () => {
    const token = fake.issueToken(fake.users[0]!.id, ['threads_basic', 'threads_content_publish']);
    fake.ageTokens(25 * HOUR);
    const renewed = await provider().refresh!(refreshTokenFor(token, Date.now() - 25 * HOUR), null);
    expect(renewed.accessToken).not.toBe(token);
    expect(renewed.refreshToken).toContain(renewed.accessToken);
    expect(renewed.accessTokenExpiresAt!.getTime() - Date.now()).toBeGreaterThan(59 * 24 * HOUR);
    expect(fake.refreshes.at(-1)).toEqual({ token, accepted: true });
  });

  it('does not ask Threads to renew a younger token, and says why', async () => {
    const token = fake.issueToken(fake.users[0]!.id, ['threads_basic']);
    const before = fake.refreshes.length;
    const error = await provider().refresh!(refreshTokenFor(token, Date.now() - 2 * HOUR), null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'auth', code: 'refresh_too_early' });
    expect((error as Error).message).toContain('at least 24 h old, and this one is 2 h old');
    expect(fake.refreshes.length).toBe(before);
  });

  it("the fake holds the same rule: a young token's refresh is refused", async () => {
    const token = fake.issueToken(fake.users[0]!.id, ['threads_basic']);
    const error = await provider(0).refresh!(refreshTokenFor(token, Date.now()), null).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'invalid' });
    expect(fake.refreshes.at(-1)).toEqual({ token, accepted: false });
  });

  it("verifies the uninstall and delete callbacks' signed_request with the app secret", async () => {
    const config = { threadsAppSecret: fake.appSecret } as Config;
    const good = await threadsServer.callbacks!.deauthorize!({ config, fields: { signed_request: fake.signedRequest('17841400123456789') } });
    expect(good).toEqual({ ok: true, kind: 'deauthorize', ownerExternalId: '17841400123456789' });
    const forged = await threadsServer.callbacks!['data-deletion']!({ config, fields: { signed_request: fake.signedRequest('17841400123456789').replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) } });
    expect(forged).toMatchObject({ ok: false, status: 401 });
  });
});

describe('Threads publisher on its own', () => {
  let fake: ThreadsFake;
  beforeAll(async () => {
    fake = await startThreadsFake();
  });
  afterAll(() => fake?.close());

  /** The engine's journal, in memory. */
  function context(parts: string[], accessToken: string) {
    const journal = {
      progress: {} as Record<string, unknown>,
      async beforeCreate() {},
      async afterCreate(_step: string, _response: Record<string, unknown>, progress: Record<string, unknown>) {
        journal.progress = progress;
      },
      async saveProgress(progress: Record<string, unknown>) {
        journal.progress = progress;
      },
      log() {},
    };
    const ctx: PublishContext = {
      deliveryId: crypto.randomUUID(),
      idempotencyKey: crypto.randomUUID(),
      accessToken,
      instance: null,
      externalAccountId: fake.users[0]!.id,
      username: 'herald.tester',
      limits: {},
      parts: parts.map((text) => ({ text, media: [] })),
      firstComment: null,
      settings: {},
      journal,
    };
    return ctx;
  }

  it('leaves a lost reply to a person when it may not read the replies, rather than guessing', async () => {
    const token = fake.issueToken(fake.users[0]!.id, ['threads_basic', 'threads_content_publish', 'threads_manage_replies']);
    const publisher = createThreadsPublisher({ apiUrl: fake.url, firstPollMs: 10 });
    const stamp = Date.now();
    const ctx = context([`Solo 1/2 ${stamp}`, `Solo 2/2 ${stamp}`], token);
    fake.failNextPublish(fake.users[0]!.id, {});
    fake.failNextPublish(fake.users[0]!.id, { dropAfterHandling: true });
    const sentAt = new Date();
    await expect(publisher.publish(ctx)).rejects.toMatchObject({ ambiguous: true });
    const check = await publisher.findExisting(ctx, { step: 'publish:1', sentAt });
    expect(check).toMatchObject({ found: 'unknown', reason: expect.stringContaining('threads_read_replies') });
    expect(fake.posts().filter((p) => p.text === `Solo 2/2 ${stamp}`)).toHaveLength(1);
    // A lost container answer is safe to send again: that container can never be published.
    expect(await publisher.findExisting(ctx, { step: 'container:1', sentAt })).toEqual({ found: false });
  });
});
