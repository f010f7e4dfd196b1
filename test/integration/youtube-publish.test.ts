import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { channels } from '../../src/server/db/schema/index.ts';
import { buildMp4 } from '../helpers/mp4.ts';
import { fastEngineEnv, uploadMedia, waitForPost } from '../helpers/publishing.ts';
import { signUp, startTestHerald, type TestHerald } from '../helpers/test-herald.ts';
import { connectYouTube } from '../fakes/youtube/connect.ts';
import { startYouTubeFake, youtubeEnv, type YouTubeFake } from '../fakes/youtube/youtube-fake.ts';

// What is special to YouTube beyond the conformance suite: Shorts, the made-for-kids choice,
// the daily quota, processing rejections, and the thumbnail and playlist set once each.

const settled = (post: { deliveries: { state: string }[] }) => post.deliveries.every((d) => ['published', 'failed', 'cancelled'].includes(d.state));

describe('YouTube publishing', () => {
  let fake: YouTubeFake;
  let h: TestHerald;
  let owner: Awaited<ReturnType<typeof signUp>>;
  let workspaceId: string;
  let channelId: string;
  const api = (path: string) => `/api/v1/workspaces/${workspaceId}${path}`;

  beforeAll(async () => {
    fake = await startYouTubeFake({ processingMs: 300 });
    h = await startTestHerald({ env: { ...fastEngineEnv, ...youtubeEnv(fake), HERALD_YOUTUBE_DAILY_QUOTA: '10000' } });
    owner = await signUp(h.url);
    workspaceId = (await owner.client.post('/api/v1/workspaces', { name: 'YouTube' })).body.id;
    channelId = await connectYouTube(h.url, owner.client, workspaceId, fake);
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    await fake?.close();
  });

  async function video(width: number, height: number, seconds = 8) {
    const bytes = buildMp4({ durationSeconds: seconds, width, height, frameRate: 30 });
    return { media: await uploadMedia(h, owner.client, workspaceId, { bytes, name: 'clip.mp4', type: 'video/mp4' }), bytes };
  }
  const post = (body: Record<string, unknown>) => owner.client.post(api('/posts'), body);

  it('refuses a post whose made-for-kids choice is missing, with a clear message', async () => {
    const { media } = await video(1280, 720);
    const res = await post({ content: { text: 'No choice', media: [{ mediaId: media.id }] }, channels: [{ channelId, settings: { title: 'No choice' } }], schedule: { mode: 'now' } });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('choose whether this video is made for kids');
    expect(fake.sessions()).toHaveLength(0);
  });

  it("answers the composer the channel's playlists and what the project's quota has left today, counting the read's unit", async () => {
    const before = fake.quota().used;
    const res = await owner.client.get(api(`/channels/${channelId}/preflight`));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.playlists).toEqual(fake.playlists().map((p) => ({ id: p.id, title: p.title, privacy: 'public' })));
    expect(res.body.quota).toMatchObject({ uploadsLeft: expect.any(Number), unitsLeft: expect.any(Number) });
    expect(res.body.quota.unitsLeft).toBeLessThan(10_000);
    expect(new Date(res.body.quota.resetsAt).getTime()).toBeGreaterThan(Date.now());
    expect(fake.quota().used).toBe(before + 1);
    // The next read sees that unit counted in Herald's own ledger.
    const again = await owner.client.get(api(`/channels/${channelId}/preflight`));
    expect(again.body.quota.unitsLeft).toBe(res.body.quota.unitsLeft - 1);
  });

  it('publishes a Short with its thumbnail and playlist, each set once; the bytes arrive intact', async () => {
    const { media, bytes } = await video(1080, 1920, 30);
    const thumb = await uploadMedia(h, owner.client, workspaceId, { bytes: Buffer.from('/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=', 'base64'), name: 'thumb.jpg', type: 'image/jpeg' });
    const playlist = fake.playlists()[0]!.id;
    const created = await post({
      content: { text: 'A Short', media: [{ mediaId: media.id }, { mediaId: thumb.id }] },
      channels: [{ channelId, settings: { title: 'My Short', madeForKids: false, short: true, playlistId: playlist, tags: ['herald'] } }],
      schedule: { mode: 'now' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const done = await waitForPost(owner.client, workspaceId, created.body.id, settled, 30_000);
    const delivery = done.deliveries[0];
    expect(delivery).toMatchObject({ state: 'published' });
    expect(delivery.externalUrl).toBe(`https://www.youtube.com/shorts/${delivery.externalId}`);
    const uploaded = fake.video(delivery.externalId);
    expect(uploaded).toMatchObject({ title: 'My Short', description: 'A Short', madeForKids: false, thumbnailSets: 1 });
    expect(uploaded.sha256).toBe(crypto.createHash('sha256').update(bytes).digest('hex'));
    expect(fake.playlists()[0]!.inserts).toBe(1);
    expect(fake.sessions().filter((s) => s.videoId === delivery.externalId)).toHaveLength(1);
  });

  it('refuses a landscape video as a Short', async () => {
    const { media } = await video(1280, 720);
    const res = await post({ content: { text: 'Wide', media: [{ mediaId: media.id }] }, channels: [{ channelId, settings: { title: 'Wide', madeForKids: false, short: true } }], schedule: { mode: 'now' } });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('vertical or square');
  });

  it("shows YouTube's reason when processing rejects the video", async () => {
    fake.rejectNextVideo('duplicate');
    const { media } = await video(1280, 720);
    const created = await post({ content: { text: 'Again', media: [{ mediaId: media.id }] }, channels: [{ channelId, settings: { title: 'Again', madeForKids: true } }], schedule: { mode: 'now' } });
    const done = await waitForPost(owner.client, workspaceId, created.body.id, settled, 30_000);
    expect(done.deliveries[0]).toMatchObject({ state: 'failed' });
    expect(done.deliveries[0].errorMessage).toContain('duplicate of a video already on this channel');
  });

  it('defers an upload that would exceed the daily quota until midnight Pacific, without calling YouTube', async () => {
    const { media } = await video(1280, 720);
    // Herald's ledger: the upload bucket of today is full.
    const { start, resetsAt } = (await import('../../src/networks/youtube/server/youtube-api.ts')).quotaWindow();
    const { consume, read } = await import('../../src/server/modules/network-usage/network-usage.ts');
    const used = await read(h.herald.database.db, { network: 'youtube', bucket: 'uploads', windowStart: start });
    await consume(h.herald.database.db, { network: 'youtube', bucket: 'uploads', units: 100 - used, windowStart: start, limit: 100 });
    const sessionsBefore = fake.sessions().length;
    await h.herald.database.db.update(channels).set({ publishNotBefore: null }).where(eq(channels.id, channelId));
    const created = await post({ content: { text: 'Later', media: [{ mediaId: media.id }] }, channels: [{ channelId, settings: { title: 'Later', madeForKids: false } }], schedule: { mode: 'now' } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const deferred = await waitForPost(owner.client, workspaceId, created.body.id, (p) => !!p.deliveries[0].errorMessage, 20_000);
    const delivery = deferred.deliveries[0];
    expect(delivery.state).toBe('queued');
    expect(delivery.errorMessage).toContain('100 videos a day');
    expect(delivery.errorMessage).toContain('midnight Pacific');
    expect(new Date(delivery.nextAttemptAt).getTime()).toBeGreaterThanOrEqual(resetsAt.getTime() - 1000);
    expect(fake.sessions().length).toBe(sessionsBefore);
  });
});
