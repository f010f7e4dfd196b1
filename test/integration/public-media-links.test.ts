import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { deliveries } from '../../src/server/db/schema/index.ts';
import { createPublicMediaLinks, signPublicMedia } from '../../src/server/modules/publishing/public-media-link.ts';
import { freePort, signUp, startTestHerald, type TestHerald } from '../helpers/test-herald.ts';
import { connectMastodon, connectTikTok, fastEngineEnv, uploadMedia, waitFor, waitForPost } from '../helpers/publishing.ts';
import { buildMp4 } from '../helpers/mp4.ts';
import { startMastodonFake, type MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';
import { startTikTokFake, tiktokEnv, type TikTokFake } from '../fakes/tiktok/tiktok-fake.ts';

const secret = crypto.randomBytes(32).toString('base64url');
// Reads the whole answer: a body left unread keeps the connection busy and Herald's close waits for it.
const statusOf = async (url: string) => {
  const res = await fetch(url);
  await res.arrayBuffer();
  return res.status;
};
const settled = (p: any) => p.deliveries.every((d: any) => ['published', 'failed', 'cancelled', 'unconfirmed'].includes(d.state));

// Links TikTok uses to pull media (PULL_FROM_URL) and links stored as "the post at the network".
describe('signed public media links and stored post links', () => {
  let h: TestHerald;
  let tiktok: TikTokFake;
  let mastodon: MastodonFake;
  let owner: Awaited<ReturnType<typeof signUp>>;
  let origin: string;
  let workspaceId: string;
  let tiktokChannel: string;
  let mastodonChannel: string;
  const videoBytes = buildMp4({ durationSeconds: 6, width: 720, height: 1280, frameRate: 30 });
  let video: { id: string };
  let links: ReturnType<typeof createPublicMediaLinks>;
  const api = (path: string) => `/api/v1/workspaces/${workspaceId}${path}`;

  /** A TikTok draft using the video, whose delivery the test then moves by hand into a state. */
  async function tiktokDraftDelivery(): Promise<string> {
    const draft = await owner.client.post(api('/posts'), { content: { text: 'Draft clip', media: [{ mediaId: video.id }] }, channels: [{ channelId: tiktokChannel }], schedule: { mode: 'draft' } });
    expect(draft.status).toBe(201);
    return draft.body.deliveries[0].id;
  }
  // An hour ahead: the engine leaves the row alone while the test looks at the link.
  const setState = (deliveryId: string, state: string, attemptCount = 1) =>
    h.herald.database.db.update(deliveries).set({ state, attemptCount, nextAttemptAt: new Date(Date.now() + 3_600_000) }).where(eq(deliveries.id, deliveryId));

  beforeAll(async () => {
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    tiktok = await startTikTokFake({ verifiedUrlPrefixes: [`${origin}/media/public/`] });
    mastodon = await startMastodonFake();
    h = await startTestHerald({ env: { ...fastEngineEnv, ...tiktokEnv(tiktok), PORT: String(port), HERALD_PUBLIC_URL: origin, HERALD_MEDIA_PUBLIC_URL: origin, HERALD_SECRET: secret } });
    owner = await signUp(h.url);
    workspaceId = (await owner.client.post('/api/v1/workspaces', { name: 'Links' })).body.id;
    tiktokChannel = await connectTikTok(h, owner.client, workspaceId, tiktok);
    mastodonChannel = await connectMastodon(h, owner.client, workspaceId, mastodon);
    video = await uploadMedia(h, owner.client, workspaceId, { bytes: videoBytes, name: 'clip.mp4', type: 'video/mp4' });
    links = createPublicMediaLinks({ secret, baseUrl: origin, hours: 6 });
  });
  afterAll(async () => {
    await h?.close();
    await tiktok?.close();
    await mastodon?.close();
  });

  it('TikTok pulls the video through an expiring link that serves ranges, and the link dies once the post is published', async () => {
    const created = await owner.client.post(api('/posts'), {
      content: { text: 'Pulled clip', media: [{ mediaId: video.id }] },
      channels: [{ channelId: tiktokChannel, settings: { privacyLevel: 'SELF_ONLY' } }],
      schedule: { mode: 'now' },
    });
    expect(created.status).toBe(201);
    // TikTok has downloaded the file; Herald polls its status every few seconds from here.
    await waitFor(async () => (await owner.client.get(api(`/posts/${created.body.id}`))).body.deliveries[0].state === 'processing', { what: 'processing' });
    // TikTok downloads in the background after accepting the pull: wait for the bytes to arrive.
    const pulled = await waitFor(async () => (tiktok.posts().at(-1)?.bytes[0] ? tiktok.posts().at(-1)! : null), { what: 'TikTok to download the file' });
    expect(pulled).toMatchObject({ source: 'PULL_FROM_URL', publishStatus: expect.not.stringMatching('FAILED') });
    expect(Buffer.compare(pulled.bytes[0]!, videoBytes)).toBe(0);
    const link = pulled.pullUrls[0]!;
    const [, mediaId, expires, signature] = /\/media\/public\/([^/]+)\/(\d+)\/([^/]+)$/.exec(link)!;
    expect(mediaId).toBe(video.id);
    // HERALD_MEDIA_LINK_HOURS (6 by default) from now.
    expect(Number(expires) * 1000 - Date.now()).toBeGreaterThan(6 * 3_600_000 - 60_000);
    expect(Number(expires) * 1000 - Date.now()).toBeLessThanOrEqual(6 * 3_600_000);

    const whole = await fetch(link);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('cache-control')).toBe('private, no-store');
    expect(Buffer.compare(Buffer.from(await whole.arrayBuffer()), videoBytes)).toBe(0);
    const part = await fetch(link, { headers: { range: 'bytes=100-1099' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-1099/${videoBytes.length}`);
    expect(Buffer.compare(Buffer.from(await part.arrayBuffer()), videoBytes.subarray(100, 1100))).toBe(0);

    // The first character: the last one of a base64url HMAC carries spare bits, and changing
    // only those (B → A) leaves the signature the same.
    const tampered = `${origin}/media/public/${mediaId}/${expires}/${signature!.startsWith('A') ? 'B' : 'A'}${signature!.slice(1)}`;
    const later = `${origin}/media/public/${mediaId}/${Number(expires) + 3600}/${signature}`;
    for (const refused of [tampered, later]) {
      const res = await fetch(refused);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: { code: 'media.not_found', message: 'No such file', requestId: res.headers.get('x-request-id') } });
    }

    const done = await waitForPost(owner.client, workspaceId, created.body.id, settled, 30_000);
    expect(done.deliveries[0].state).toBe('published');
    expect(await statusOf(link)).toBe(404);
  });

  it('serves a file only while one of its deliveries to a network that pulls is in progress', async () => {
    const deliveryId = await tiktokDraftDelivery();
    const link = links.linkTo(video.id);
    expect(await statusOf(link)).toBe(404); // a draft
    for (const state of ['publishing', 'processing', 'unconfirmed']) {
      await setState(deliveryId, state);
      expect(await statusOf(link), state).toBe(200);
    }
    await setState(deliveryId, 'queued', 1); // back in the queue after an attempt: TikTok may still be fetching
    expect(await statusOf(link)).toBe(200);
    for (const state of ['queued', 'published', 'failed', 'cancelled']) {
      await setState(deliveryId, state, 0);
      expect(await statusOf(link), state).toBe(404);
    }

    // Mastodon is sent the bytes; a Mastodon delivery in progress never opens a link.
    const image = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#2a6' } }).jpeg().toBuffer();
    const picture = await uploadMedia(h, owner.client, workspaceId, { bytes: image, name: 'p.jpg', type: 'image/jpeg' });
    const toot = await owner.client.post(api('/posts'), { content: { text: 'A picture', media: [{ mediaId: picture.id }] }, channels: [{ channelId: mastodonChannel }], schedule: { mode: 'draft' } });
    await setState(toot.body.deliveries[0].id, 'processing');
    expect(await statusOf(links.linkTo(picture.id))).toBe(404);
    await setState(toot.body.deliveries[0].id, 'cancelled');
  });

  it('refuses expired links, links for another file, and links signed the old way with the session secret', async () => {
    const deliveryId = await tiktokDraftDelivery();
    await setState(deliveryId, 'processing');
    expect(await statusOf(links.linkTo(video.id))).toBe(200);

    const expired = links.linkTo(video.id, new Date(Date.now() - 6 * 3_600_000 - 1000));
    expect(links.verify(video.id, /\/(\d+)\/[^/]+$/.exec(expired)![1]!, expired.split('/').at(-1)!, new Date(Date.now() - 7 * 3_600_000))).toBe(true);
    expect(await statusOf(expired)).toBe(404);

    expect(await statusOf(links.linkTo(crypto.randomUUID()))).toBe(404);

    // Before: HMAC keyed with the session secret itself, no expiry.
    const oldSignature = crypto.createHmac('sha256', secret).update(`media:${video.id}`).digest('base64url').slice(0, 32);
    expect(await statusOf(`${origin}/media/public/${video.id}/${oldSignature}`)).toBe(404);
    const expires = Math.floor(Date.now() / 1000) + 3600;
    const withSessionSecret = signPublicMedia(Buffer.from(secret), video.id, expires);
    expect(await statusOf(`${origin}/media/public/${video.id}/${expires}/${withSessionSecret}`)).toBe(404);
    await setState(deliveryId, 'cancelled');
  });

  it('mark-published stores only absolute http(s) links', async () => {
    const post = await owner.client.post(api('/posts'), {
      content: { text: 'Later' },
      channels: [{ channelId: mastodonChannel }],
      schedule: { mode: 'at', publishAt: new Date(Date.now() + 86_400_000).toISOString(), timeZone: 'UTC' },
    });
    expect(post.status).toBe(201);
    const markUrl = api(`/posts/${post.body.id}/deliveries/${post.body.deliveries[0].id}/mark-published`);
    for (const url of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', '/@herald/1', 'ftp://files.example/post', 'https://social.example/@herald/1\u0000', 'java\tscript:alert(1)']) {
      const res = await owner.client.post(markUrl, { url });
      expect(res.status, url).toBe(400);
      expect(res.body.error.details.issues[0].field, url).toBe('body.url');
    }
    const unchanged = (await owner.client.get(api(`/posts/${post.body.id}`))).body.deliveries[0];
    expect(unchanged).toMatchObject({ state: 'queued', externalUrl: null });

    const marked = await owner.client.post(markUrl, { url: 'https://social.example/@herald/1' });
    expect(marked.status).toBe(200);
    expect(marked.body.deliveries[0]).toMatchObject({ state: 'published', externalUrl: 'https://social.example/@herald/1' });
  });

  it('keeps the id but not a non-http link a network answers with', async () => {
    mastodon.answerStatusUrl('javascript:alert(document.cookie)');
    try {
      const post = await owner.client.post(api('/posts'), { content: { text: 'Hello' }, channels: [{ channelId: mastodonChannel }], schedule: { mode: 'now' } });
      const done = await waitForPost(owner.client, workspaceId, post.body.id, settled);
      expect(done.deliveries[0]).toMatchObject({ state: 'published', externalId: mastodon.statuses.at(-1)!.id, externalUrl: null });
    } finally {
      mastodon.answerStatusUrl(null);
    }
  });

  it('serves nothing when HERALD_MEDIA_PUBLIC_URL is not set', async () => {
    const deliveryId = await tiktokDraftDelivery();
    await setState(deliveryId, 'processing');
    const link = links.linkTo(video.id);
    expect(await statusOf(link)).toBe(200);
    h = await h.restart({ HERALD_MEDIA_PUBLIC_URL: '' });
    const res = await fetch(link);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'media.not_found', message: 'No such file', requestId: res.headers.get('x-request-id') } });
  });
});
