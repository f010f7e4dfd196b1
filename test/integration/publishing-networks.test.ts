import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { freePort, signUp, startTestHerald, type TestHerald } from '../helpers/test-herald.ts';
import { connectTikTok, fastEngineEnv, uploadMedia, waitForPost } from '../helpers/publishing.ts';
import { buildMp4 } from '../helpers/mp4.ts';
import { startTikTokFake, tiktokEnv, type TikTokFake } from '../fakes/tiktok/tiktok-fake.ts';
import { blueskyEnv, pdsAvailable, startLocalPds, type LocalPds } from '../pds/pds.ts';

const settled = (p: any) => p.deliveries.every((d: any) => ['published', 'failed', 'cancelled', 'unconfirmed'].includes(d.state));
const soon = (ms = 300) => new Date(Date.now() + ms).toISOString();

// Composer → API → engine → network, for the networks whose publishing has the most rules.
describe('publishing a TikTok video through the API (fake)', () => {
  let h: TestHerald;
  let tiktok: TikTokFake;
  let owner: Awaited<ReturnType<typeof signUp>>;
  let workspaceId: string;
  let channelId: string;
  let video: { id: string };
  const api = (path: string) => `/api/v1/workspaces/${workspaceId}${path}`;
  const bytes = buildMp4({ durationSeconds: 12, width: 1080, height: 1920, frameRate: 30, totalBytes: 12 * 1024 * 1024 + 4321 });

  beforeAll(async () => {
    tiktok = await startTikTokFake();
    h = await startTestHerald({ env: { ...fastEngineEnv, ...tiktokEnv(tiktok) } });
    owner = await signUp(h.url);
    workspaceId = (await owner.client.post('/api/v1/workspaces', { name: 'Clips' })).body.id;
    channelId = await connectTikTok(h, owner.client, workspaceId, tiktok);
    video = await uploadMedia(h, owner.client, workspaceId, { bytes, name: 'clip.mp4', type: 'video/mp4' });
  });
  afterAll(async () => {
    await h?.close();
    await tiktok?.close();
  });

  it('shows the creator info the composer needs', async () => {
    const res = await owner.client.get(api(`/channels/${channelId}/creator-info`));
    expect(res.status).toBe(200);
    expect(res.body.privacyLevelOptions).toContain('PUBLIC_TO_EVERYONE');
    expect(res.body).toMatchObject({ nickname: expect.any(String), maxVideoPostDurationSec: expect.any(Number) });
  });

  it('refuses to schedule without a privacy level chosen, and accepts it as a draft', async () => {
    const body = { content: { text: 'My clip', media: [{ mediaId: video.id }] }, channels: [{ channelId }] };
    const scheduled = await owner.client.post(api('/posts'), { ...body, schedule: { mode: 'now' } });
    expect(scheduled.status).toBe(400);
    expect(scheduled.body.error.details.issues).toContainEqual(expect.objectContaining({ field: 'channels.0.settings.privacyLevel' }));
    const draft = await owner.client.post(api('/posts'), { ...body, schedule: { mode: 'draft' } });
    expect(draft.status).toBe(201);
    expect(draft.body.state).toBe('draft');
  });

  it('uploads the video in ordered chunks and publishes it with its link', async () => {
    const created = await owner.client.post(api('/posts'), {
      content: { text: 'Launch day #herald', media: [{ mediaId: video.id }] },
      channels: [{ channelId, settings: { privacyLevel: 'PUBLIC_TO_EVERYONE', disableDuet: true, isAigc: false } }],
      schedule: { mode: 'at', publishAt: soon(), timeZone: 'Europe/Paris' },
    });
    expect(created.status).toBe(201);
    const done = await waitForPost(owner.client, workspaceId, created.body.id, settled, 30_000);
    expect(done.deliveries[0]).toMatchObject({ state: 'published' });
    expect(done.deliveries[0].externalUrl).toMatch(/^https:\/\/www\.tiktok\.com\/@.+\/video\/\d+$/);
    const [published] = tiktok.posts().slice(-1);
    expect(Buffer.compare(published!.received, bytes)).toBe(0);
    expect(tiktok.creations()).toBe(1);
  });

  it('sends to the inbox as a draft in inbox mode', async () => {
    const created = await owner.client.post(api('/posts'), {
      content: { text: 'Finish this in the app', media: [{ mediaId: video.id }] },
      channels: [{ channelId, settings: { mode: 'inbox' } }],
      schedule: { mode: 'now' },
    });
    expect(created.status).toBe(201);
    const done = await waitForPost(owner.client, workspaceId, created.body.id, settled, 40_000);
    expect(done.deliveries[0]).toMatchObject({ state: 'published', externalUrl: null });
    expect(tiktok.posts().at(-1)!.publishStatus).toBe('SEND_TO_USER_INBOX');
  });

  it("refuses a video longer than the creator's limit before saving", async () => {
    tiktok.updateCreator('tt-user-1', { maxVideoPostDurationSec: 60 });
    await owner.client.get(api(`/channels/${channelId}/creator-info`));
    const long = await uploadMedia(h, owner.client, workspaceId, { bytes: buildMp4({ durationSeconds: 90, width: 720, height: 1280, frameRate: 30 }), name: 'long.mp4', type: 'video/mp4' });
    const res = await owner.client.post(api('/posts'), {
      content: { text: 'Too long', media: [{ mediaId: long.id }] },
      channels: [{ channelId, settings: { privacyLevel: 'SELF_ONLY' } }],
      schedule: { mode: 'draft' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues[0]).toMatchObject({ field: 'channels.0.media' });
    expect(res.body.error.details.issues[0].message).toContain("longer than this account's 60 s limit");
  });
});

describe.skipIf(!pdsAvailable() && !process.env.CI)('publishing to Bluesky through the API (real local PDS)', () => {
  let pds: LocalPds;
  let h: TestHerald;
  let owner: Awaited<ReturnType<typeof signUp>>;
  let workspaceId: string;
  let channelId: string;
  const api = (path: string) => `/api/v1/workspaces/${workspaceId}${path}`;

  beforeAll(async () => {
    pds = await startLocalPds([{ handle: 'erin.test', password: 'erin-main-password' }]);
    h = await startTestHerald({ env: { ...fastEngineEnv, ...blueskyEnv(pds) } });
    owner = await signUp(h.url);
    workspaceId = (await owner.client.post('/api/v1/workspaces', { name: 'Sky' })).body.id;
    const account = pds.accounts[0]!;
    const connected = await owner.client.post(api('/channels/connect'), { network: 'bluesky', identifier: account.handle, appPassword: account.appPassword });
    expect(connected.status).toBe(200);
    channelId = connected.body.channel.id;
  });
  afterAll(async () => {
    await h?.close();
    await pds?.stop();
  });

  it('publishes text with facets, two images with alt text, and a thread reply', async () => {
    const image = (color: string) => sharp({ create: { width: 40, height: 30, channels: 3, background: color } }).png().toBuffer();
    const first = await uploadMedia(h, owner.client, workspaceId, { bytes: await image('#ff0000'), name: 'red.png', type: 'image/png' });
    const second = await uploadMedia(h, owner.client, workspaceId, { bytes: await image('#0000ff'), name: 'blue.png', type: 'image/png' });
    const text = 'Grüße 👋🏽 from #Herald: https://example.com/launch';
    const created = await owner.client.post(api('/posts'), {
      content: { text, media: [{ mediaId: first.id, altText: 'A red square' }, { mediaId: second.id, altText: 'A blue square' }], threadParts: [{ text: 'And a reply' }] },
      channels: [{ channelId }],
      schedule: { mode: 'now' },
    });
    expect(created.status).toBe(201);
    const done = await waitForPost(owner.client, workspaceId, created.body.id, settled, 30_000);
    const delivery = done.deliveries[0];
    expect(delivery.state).toBe('published');
    expect(delivery.externalUrl).toMatch(/^https:\/\/bsky\.app\/profile\/.+\/post\/[a-z2-7]{13}$/);
    const [, , did, , rkey] = delivery.externalId.split('/');
    const record = (await (await fetch(`${pds.pdsUrl}/xrpc/com.atproto.repo.getRecord?repo=${did}&collection=app.bsky.feed.post&rkey=${rkey}`)).json()) as any;
    expect(record.value.text).toBe(text);
    expect(record.value.embed.images.map((i: any) => i.alt)).toEqual(['A red square', 'A blue square']);
    const bytesOf = Buffer.from(text, 'utf8');
    const slices = record.value.facets.map((f: any) => bytesOf.subarray(f.index.byteStart, f.index.byteEnd).toString('utf8'));
    expect(slices).toEqual(expect.arrayContaining(['#Herald', 'https://example.com/launch']));
  });

  it('refuses more than 300 graphemes before saving', async () => {
    const res = await owner.client.post(api('/posts'), { content: { text: '👋🏽'.repeat(301) }, channels: [{ channelId }], schedule: { mode: 'draft' } });
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues[0].message).toContain('301 of 300 graphemes');
  });
});

describe('TikTok pulls media from a verified domain (signed public links)', () => {
  let h: TestHerald;
  let tiktok: TikTokFake;
  let owner: Awaited<ReturnType<typeof signUp>>;
  let workspaceId: string;
  let channelId: string;
  const api = (path: string) => `/api/v1/workspaces/${workspaceId}${path}`;

  beforeAll(async () => {
    // The public media address must be known before start: it is this Herald's own origin here.
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    tiktok = await startTikTokFake({ verifiedUrlPrefixes: [`${origin}/media/public/`] });
    h = await startTestHerald({ env: { ...fastEngineEnv, ...tiktokEnv(tiktok), PORT: String(port), HERALD_PUBLIC_URL: origin, HERALD_MEDIA_PUBLIC_URL: origin } });
    owner = await signUp(h.url);
    workspaceId = (await owner.client.post('/api/v1/workspaces', { name: 'Pulled' })).body.id;
    channelId = await connectTikTok(h, owner.client, workspaceId, tiktok);
  });
  afterAll(async () => {
    await h?.close();
    await tiktok?.close();
  });

  it('publishes a photo post and a pulled video through signed links that stop working once published', async () => {
    const photo = (color: string) => sharp({ create: { width: 1080, height: 1350, channels: 3, background: color } }).jpeg().toBuffer();
    const photos = [await photo('#123456'), await photo('#654321')];
    const uploaded = [];
    for (const [i, bytes] of photos.entries()) uploaded.push(await uploadMedia(h, owner.client, workspaceId, { bytes, name: `p${i}.jpg`, type: 'image/jpeg' }));
    const created = await owner.client.post(api('/posts'), {
      content: { text: 'A carousel', media: uploaded.map((m) => ({ mediaId: m.id })) },
      channels: [{ channelId, settings: { privacyLevel: 'PUBLIC_TO_EVERYONE', title: 'Two colours' } }],
      schedule: { mode: 'now' },
    });
    expect(created.status).toBe(201);
    const done = await waitForPost(owner.client, workspaceId, created.body.id, settled, 40_000);
    expect(done.deliveries[0]).toMatchObject({ state: 'published' });
    const post = tiktok.posts().at(-1)!;
    expect(post).toMatchObject({ kind: 'photo', source: 'PULL_FROM_URL' });
    expect(post.bytes.map((b, i) => Buffer.compare(b, photos[i]!))).toEqual([0, 0]);
    // TikTok downloaded both while the delivery was in progress; the links (id, expiry, signature) stop working once it is published.
    const link = post.pullUrls[0]!;
    expect(link).toMatch(new RegExp(`/media/public/${uploaded[0]!.id}/\\d+/[\\w-]{43}$`));
    expect((await fetch(link)).status).toBe(404);
    expect((await fetch(link.replace(/[^/]+$/, 'forged-signature'))).status).toBe(404);

    const video = await uploadMedia(h, owner.client, workspaceId, { bytes: buildMp4({ durationSeconds: 8, width: 720, height: 1280, frameRate: 30 }), name: 'v.mp4', type: 'video/mp4' });
    const pulled = await owner.client.post(api('/posts'), {
      content: { text: 'Pulled video', media: [{ mediaId: video.id }] },
      channels: [{ channelId, settings: { privacyLevel: 'SELF_ONLY' } }],
      schedule: { mode: 'now' },
    });
    const finished = await waitForPost(owner.client, workspaceId, pulled.body.id, settled, 40_000);
    expect(finished.deliveries[0].state).toBe('published');
    expect(tiktok.posts().at(-1)).toMatchObject({ kind: 'video', source: 'PULL_FROM_URL', privacyLevel: 'SELF_ONLY' });
  });
});
