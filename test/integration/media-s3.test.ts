import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEDIA_PURGE_JOB } from '../../src/server/jobs/register-jobs.ts';
import { freePort, signUp, startTestHerald, type Client, type TestHerald } from '../helpers/test-herald.ts';
import { connectTikTok, fastEngineEnv, runJobNow, uploadMedia, waitFor, waitForPost } from '../helpers/publishing.ts';
import { buildMp4 } from '../helpers/mp4.ts';
import { startTikTokFake, tiktokEnv, type TikTokFake } from '../fakes/tiktok/tiktok-fake.ts';
import { startTestS3, type TestS3 } from '../s3/test-s3.ts';
import { tusUpload } from '../helpers/tus-upload.ts';

const MB = 1024 * 1024;

describe('media on S3-compatible storage', () => {
  let s3: TestS3;
  let h: TestHerald;
  let tiktok: TikTokFake;
  let owner: Awaited<ReturnType<typeof signUp>>;
  let workspaceId: string;
  let tiktokChannel: string;
  const api = (p: string) => `/api/v1/workspaces/${workspaceId}${p}`;
  const browser = (client: Client) => ({ origin: h.url, cookie: [...client.jar].map(([k, v]) => `${k}=${v}`).join('; ') });

  beforeAll(async () => {
    s3 = await startTestS3();
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    tiktok = await startTikTokFake({ verifiedUrlPrefixes: [`${origin}/media/public/`] });
    h = await startTestHerald({ env: { ...fastEngineEnv, ...tiktokEnv(tiktok), ...s3.env, PORT: String(port), HERALD_PUBLIC_URL: origin, HERALD_MEDIA_PUBLIC_URL: origin } });
    owner = await signUp(h.url);
    workspaceId = (await owner.client.post('/api/v1/workspaces', { name: 'Bucket' })).body.id;
    tiktokChannel = await connectTikTok(h, owner.client, workspaceId, tiktok);
    // Three servers to start (S3, TikTok, Herald).
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    await tiktok?.close();
    await s3?.stop();
  });

  it('keeps a multipart upload in the bucket, not on disk, and serves it whole and in ranges', async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c33' } }).png().toBuffer();
    const media = await uploadMedia(h, owner.client, workspaceId, { bytes: png, name: 'red.png', type: 'image/png' });
    expect(await s3.keys()).toContain(`${workspaceId}/${media.id}`);
    expect(fs.existsSync(path.join(h.dataDir, 'media', workspaceId))).toBe(false);
    // Nothing is left behind in the local folder the upload passed through.
    expect(fs.readdirSync(path.join(h.dataDir, 'media', '.incoming'))).toEqual([]);

    const file = `${api(`/media/${media.id}/file`)}`;
    const whole = await fetch(new URL(file, h.url), { headers: browser(owner.client) });
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-length')).toBe(String(png.length));
    expect(Buffer.from(await whole.arrayBuffer()).equals(png)).toBe(true);
    const part = await fetch(new URL(file, h.url), { headers: { ...browser(owner.client), range: 'bytes=8-23' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 8-23/${png.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(png.subarray(8, 24))).toBe(true);
  });

  it('takes a resumable upload from tus-js-client over HTTP into the bucket, parts and short tails alike', async () => {
    // 3 MB chunks: S3 parts must be 5 MB (but the last), so the store keeps short tails as
    // `.part` objects and joins them to the next chunk; 11 MB makes two real parts.
    const video = buildMp4({ durationSeconds: 8, width: 720, height: 1280, frameRate: 30, totalBytes: 11 * MB });
    const uploadId = await tusUpload(`${h.url}${api('/media/uploads')}`, owner.client, video, { chunkSize: 3 * MB, origin: h.url });

    const result = await owner.client.get(api(`/media/uploads/${uploadId}/result`));
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ id: uploadId, kind: 'video', mimeType: 'video/mp4', fileName: 'clip.mp4', size: video.length, durationSeconds: 8 });
    // The finished bytes moved under the media key; only the upload's record stays (for `result`
    // and tus's last look), swept a day later.
    expect(await s3.keys()).toEqual(expect.arrayContaining([`${workspaceId}/${uploadId}`, `${uploadId}.info`]));
    expect(await s3.keys()).not.toContain(uploadId);
    expect(await s3.keys()).not.toContain(`${uploadId}.part`);
    expect(fs.existsSync(path.join(h.dataDir, 'media', '.tus'))).toBe(false);

    const tail = await fetch(new URL(result.body.url, h.url), { headers: { ...browser(owner.client), range: `bytes=${video.length - 100}-` } });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer()).equals(video.subarray(-100))).toBe(true);
  });

  it('keeps the refusal of a resumable upload that is not media, and no bytes of it', async () => {
    const notMedia = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('not a video at all')]);
    const failure = await tusUpload(`${h.url}${api('/media/uploads')}`, owner.client, notMedia, { chunkSize: MB, origin: h.url }).then(
      () => null,
      (error: Error) => error,
    );
    expect(failure?.message).toMatch(/response code: 400/);
    const created = (await s3.keys()).filter((k) => k.endsWith('.info'));
    const refusals = await Promise.all(created.map(async (k) => (await owner.client.get(api(`/media/uploads/${k.slice(0, -5)}/result`))).body));
    expect(refusals.filter((r) => r.error?.code === 'media.unsupported_type')).toHaveLength(1);
    const refusedId = created[refusals.findIndex((r) => r.error?.code === 'media.unsupported_type')]!.slice(0, -5);
    expect(await s3.keys()).not.toContain(refusedId);
    expect(await s3.keys()).not.toContain(`${workspaceId}/${refusedId}`);
  });

  it('publishes a photo from the bucket to TikTok through its public link, then deletes it from the bucket', async () => {
    const jpeg = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#36c' } }).jpeg().toBuffer();
    const photo = await uploadMedia(h, owner.client, workspaceId, { bytes: jpeg, name: 'blue.jpg', type: 'image/jpeg' });
    const key = `${workspaceId}/${photo.id}`;
    expect(await s3.keys()).toContain(key);

    const created = await owner.client.post(api('/posts'), {
      content: { text: 'From the bucket', media: [{ mediaId: photo.id }] },
      channels: [{ channelId: tiktokChannel, settings: { privacyLevel: 'SELF_ONLY' } }],
      schedule: { mode: 'now' },
    });
    expect(created.status).toBe(201);
    const post = await waitForPost(owner.client, workspaceId, created.body.id, (p) => p.deliveries.every((d: any) => ['published', 'failed', 'unconfirmed'].includes(d.state)), 40_000);
    expect(post.deliveries[0]).toMatchObject({ state: 'published' });
    // TikTok fetched the photo itself, from Herald's signed link, which read it from the bucket.
    const pulled = tiktok.posts().at(-1)!;
    expect(pulled).toMatchObject({ kind: 'photo', source: 'PULL_FROM_URL' });
    expect(pulled.pullUrls[0]).toMatch(new RegExp(`^${h.url}/media/public/${photo.id}/`));
    expect(pulled.bytes[0]!.equals(jpeg)).toBe(true);
    // Published: the link no longer serves it.
    const after = await fetch(pulled.pullUrls[0]!);
    await after.arrayBuffer();
    expect(after.status).toBe(404);

    // Retention (HERALD_MEDIA_DELETE_AFTER_PUBLISH, on by default) removes it from the bucket.
    await runJobNow(h, MEDIA_PURGE_JOB);
    await waitFor(async () => !(await s3.keys()).includes(key), { what: 'the object to leave the bucket' });
    expect((await owner.client.get(api(`/media/${photo.id}`))).body.status).toBe('deleted');
    const gone = await fetch(new URL(api(`/media/${photo.id}/file`), h.url), { headers: browser(owner.client) });
    await gone.arrayBuffer();
    expect(gone.status).toBe(410);
  });

  it('deletes a file from the bucket when a member deletes it', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } }).png().toBuffer();
    const media = await uploadMedia(h, owner.client, workspaceId, { bytes: png, name: 'dot.png', type: 'image/png' });
    expect(await s3.keys()).toContain(`${workspaceId}/${media.id}`);
    expect((await owner.client.delete(api(`/media/${media.id}`))).status).toBe(200);
    expect(await s3.keys()).not.toContain(`${workspaceId}/${media.id}`);
  });
});
