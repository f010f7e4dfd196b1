import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProviderError } from '../../src/server/providers/provider.ts';
import type { PublishContext, PublishMedia, PublishOutcome, Publisher } from '../../src/server/providers/publishing.ts';
import { createTikTokPublisher, planChunks, queryCreatorInfo } from '../../src/networks/tiktok/server/tiktok.publisher.ts';
import { startTikTokFake, type TikTokFake } from '../fakes/tiktok/tiktok-fake.ts';
import { checkChunkPlan } from '../fakes/tiktok/tiktok-posting.ts';
import { memoryJournal } from '../helpers/publishing.ts';

const MB = 1024 * 1024;
const allScopes = ['user.info.basic', 'user.info.profile', 'video.list', 'video.upload', 'video.publish'];


function bufferMedia(bytes: Buffer, fields: Partial<PublishMedia> = {}): PublishMedia {
  return {
    id: crypto.randomUUID(),
    kind: 'video',
    mimeType: 'video/mp4',
    size: bytes.length,
    width: 1080,
    height: 1920,
    durationSeconds: 12,
    frameRate: 30,
    altText: '',
    publicUrl: null,
    open: (range) => Readable.from([range ? bytes.subarray(range.start, range.end + 1) : bytes]),
    ...fields,
  };
}

const randomBytes = (size: number) => crypto.randomBytes(size);

describe('planChunks follows TikTok’s chunk rules', () => {
  it('sends files under 5 MB as one chunk of their own size', () => {
    expect(planChunks(3 * MB)).toEqual({ chunkSize: 3 * MB, totalChunkCount: 1, chunks: [{ start: 0, end: 3 * MB - 1 }] });
  });
  it('splits 70 MB into 10 MB chunks, the last one taking the remainder', () => {
    const plan = planChunks(70 * MB + 123);
    expect(plan.chunkSize).toBe(10 * MB);
    expect(plan.totalChunkCount).toBe(7);
    expect(plan.chunks.at(-1)).toEqual({ start: 60 * MB, end: 70 * MB + 122 });
  });
  it('splits 200 MB into 20 contiguous chunks', () => {
    const plan = planChunks(200 * MB);
    expect(plan.totalChunkCount).toBe(20);
    plan.chunks.forEach((c, i) => expect(c.start).toBe(i === 0 ? 0 : plan.chunks[i - 1]!.end + 1));
    expect(plan.chunks.at(-1)!.end).toBe(200 * MB - 1);
  });
  it('keeps the last chunk within 128 MB with the largest chunk size', () => {
    const plan = planChunks(3 * 64 * MB + 63 * MB, 64 * MB);
    expect(plan.totalChunkCount).toBe(3);
    const last = plan.chunks.at(-1)!;
    expect(last.end - last.start + 1).toBe(127 * MB);
  });
  it('always produces a plan the fake TikTok accepts', () => {
    for (const size of [1, 5 * MB - 1, 5 * MB, 10 * MB - 1, 10 * MB, 12 * MB, 64 * MB, 64 * MB + 1, 100 * MB, 128 * MB + 1, 129 * MB, 4096 * MB]) {
      for (const preferred of [5 * MB, 10 * MB, 64 * MB]) {
        const plan = planChunks(size, preferred);
        expect(checkChunkPlan(size, plan.chunkSize, plan.totalChunkCount), `${size} / ${preferred}`).toBeNull();
      }
    }
  });
});

describe('TikTok publishing against the local fake', () => {
  let fake: TikTokFake;
  let media: http.Server;
  let mediaUrl: string;
  const served = new Map<string, Buffer>();
  let token: string;
  let publisher: Publisher;

  beforeAll(async () => {
    // Stands in for HERALD_MEDIA_PUBLIC_URL: TikTok downloads PULL_FROM_URL media from here.
    media = http.createServer((req, res) => {
      const bytes = served.get(req.url ?? '');
      res.writeHead(bytes ? 200 : 404, { 'content-type': 'application/octet-stream' });
      res.end(bytes ?? '');
    });
    await new Promise<void>((resolve) => media.listen(0, '127.0.0.1', resolve));
    mediaUrl = `http://127.0.0.1:${(media.address() as AddressInfo).port}`;
    // Many publishes share one token here; the test of TikTok's own limit restores it.
    fake = await startTikTokFake({
      users: [
        { openId: 'tt-user-1', username: 'herald.tester', displayName: 'Herald Tester', avatarUrl: 'https://p16.tiktokcdn.example/avatar-1.jpeg', followerCount: 1234 },
        { openId: 'tt-user-2', username: 'someone.else', displayName: 'Someone Else', avatarUrl: 'https://p16.tiktokcdn.example/avatar-2.jpeg', followerCount: 5, privateAccount: true },
      ],
      verifiedUrlPrefixes: [`${mediaUrl}/public/`],
      processingMs: 100,
      rateLimits: { init: 1000 },
    });
    token = fake.issueToken('tt-user-1', allScopes);
    publisher = createTikTokPublisher({ apiUrl: fake.url, pollMs: 50, chunkSize: 5 * MB });
  });
  afterAll(async () => {
    await fake?.close();
    await new Promise((resolve) => media?.close(resolve));
  });

  function context(fields: { media: PublishMedia[]; text?: string; settings?: Record<string, unknown>; accessToken?: string; progress?: Record<string, unknown> }) {
    const journal = memoryJournal(fields.progress);
    const ctx: PublishContext = {
      deliveryId: crypto.randomUUID(),
      idempotencyKey: crypto.randomUUID(),
      accessToken: fields.accessToken ?? token,
      instance: null,
      externalAccountId: 'tt-user-1',
      username: null,
      limits: {},
      parts: [{ text: fields.text ?? `Herald test ${crypto.randomUUID()}`, media: fields.media }],
      firstComment: null,
      settings: fields.settings ?? { privacyLevel: 'PUBLIC_TO_EVERYONE' },
      journal,
    };
    return { ctx, journal };
  }

  /** What the engine does: publish, wait as asked, publish again with the saved progress. */
  async function runToEnd(ctx: PublishContext): Promise<PublishOutcome> {
    for (let i = 0; i < 100; i += 1) {
      const outcome = await publisher.publish(ctx);
      if (outcome.status === 'published') return outcome;
      await new Promise((r) => setTimeout(r, outcome.checkAfterMs));
    }
    throw new Error('still processing');
  }

  const failureOf = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ProviderError);
    return error as ProviderError;
  };

  function serve(bytes: Buffer) {
    const path = `/public/${crypto.randomUUID()}`;
    served.set(path, bytes);
    return `${mediaUrl}${path}`;
  }

  it('reads creator info in Herald’s own terms', async () => {
    const info = await queryCreatorInfo(fake.url, token);
    expect(info).toEqual({
      nickname: 'Herald Tester',
      username: 'herald.tester',
      avatarUrl: 'https://p16.tiktokcdn.example/avatar-1.jpeg',
      privacyLevelOptions: ['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY'],
      commentDisabled: false,
      duetDisabled: false,
      stitchDisabled: false,
      maxVideoPostDurationSec: 600,
    });
  });

  it('uploads a 12 MB video in ordered chunks and publishes it with its URL', async () => {
    const bytes = randomBytes(12 * MB + 12_345);
    const before = fake.creations();
    // disableComment is left out: interactions start off, the same default the composer starts from.
    const { ctx, journal } = context({ media: [bufferMedia(bytes)], settings: { privacyLevel: 'PUBLIC_TO_EVERYONE', disableDuet: true, isAigc: true } });

    expect(await publisher.publish(ctx)).toEqual({ status: 'processing', checkAfterMs: 50 });
    const post = fake.posts().at(-1)!;
    expect(fake.creations()).toBe(before + 1);
    expect(post.ranges).toEqual([`bytes 0-${5 * MB - 1}/${bytes.length}`, `bytes ${5 * MB}-${bytes.length - 1}/${bytes.length}`]);
    expect(post.received.equals(bytes)).toBe(true);
    expect(post).toMatchObject({ source: 'FILE_UPLOAD', title: ctx.parts[0]!.text, privacyLevel: 'PUBLIC_TO_EVERYONE', flags: { disable_duet: true, is_aigc: true, disable_comment: true } });
    expect(journal.events).toEqual(['before:init', 'after:init', 'save', 'save']);
    expect(journal.progress).toMatchObject({ publishId: post.publishId, uploadedChunks: 2, totalChunkCount: 2 });

    const outcome = await runToEnd(ctx);
    const done = fake.posts().find((p) => p.publishId === post.publishId)!;
    expect(done.publishStatus).toBe('PUBLISH_COMPLETE');
    expect(outcome).toEqual({ status: 'published', externalId: done.postId, url: `https://www.tiktok.com/@herald.tester/video/${done.postId}` });
    expect(fake.creations()).toBe(before + 1);
    // TikTok's post ids are int64 sent as bare JSON numbers, past 2^53: Herald keeps them exact.
    expect(done.postId).toMatch(/^\d{19}$/);
    expect(BigInt(done.postId!)).toBeGreaterThan(BigInt(Number.MAX_SAFE_INTEGER));
    const status = await fetch(`${fake.url}/v2/post/publish/status/fetch/`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ publish_id: post.publishId }),
    });
    expect(await status.text()).toContain(`"publicaly_available_post_id":[${done.postId}]`);
  });

  it('the fake refuses chunks with a wrong Content-Range, size or order', async () => {
    const init = await fetch(`${fake.url}/v2/post/publish/video/init/`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ post_info: { title: 'raw', privacy_level: 'SELF_ONLY' }, source_info: { source: 'FILE_UPLOAD', video_size: 1000, chunk_size: 1000, total_chunk_count: 1 } }),
    });
    const { data, error } = (await init.json()) as { data: { publish_id: string; upload_url: string }; error: { code: string } };
    expect(error.code).toBe('ok');
    expect(data.publish_id).toMatch(/^v_pub_file~v2\./);
    expect(data.publish_id.length).toBeLessThanOrEqual(64);
    const put = (range: string, body: Buffer, type = 'video/mp4') => fetch(data.upload_url, { method: 'PUT', headers: { 'content-type': type, 'content-range': range }, body: new Uint8Array(body) });

    const wrongTotal = await put('bytes 0-999/2000', randomBytes(1000));
    expect(wrongTotal.status).toBe(400);
    expect(((await wrongTotal.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'invalid_params', message: expect.stringContaining('video_size') });
    expect((await put('bytes 10-999/1000', randomBytes(990))).status).toBe(400);
    expect((await put('bytes 0-999/1000', randomBytes(999))).status).toBe(400);
    expect((await put('0-999/1000', randomBytes(1000))).status).toBe(400);
    expect((await put('bytes 0-999/1000', randomBytes(1000), 'image/png')).status).toBe(400);
    expect((await put('bytes 0-999/1000', randomBytes(1000))).status).toBe(201);
    expect(fake.posts().find((p) => p.publishId === data.publish_id)!.receivedChunks).toBe(1);

    const badPlan = await fetch(`${fake.url}/v2/post/publish/video/init/`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ post_info: { privacy_level: 'SELF_ONLY' }, source_info: { source: 'FILE_UPLOAD', video_size: 70 * MB, chunk_size: 70 * MB, total_chunk_count: 1 } }),
    });
    expect(badPlan.status).toBe(400);
    expect(((await badPlan.json()) as { error: { code: string } }).error.code).toBe('invalid_params');
  });

  it('the fake answers TikTok’s errors for unaudited clients, unknown publish ids and bad list requests', async () => {
    const call = async (path: string, body: unknown, accessToken = token) => {
      const res = await fetch(`${fake.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return { status: res.status, code: ((await res.json()) as { error: { code: string } }).error.code };
    };
    const pull = { source: 'PULL_FROM_URL', video_url: `${mediaUrl}/public/x.mp4` };
    fake.setUnaudited(true);
    try {
      expect(await call('/v2/post/publish/video/init/', { post_info: { privacy_level: 'PUBLIC_TO_EVERYONE' }, source_info: pull })).toEqual({ status: 403, code: 'unaudited_client_can_only_post_to_private_accounts' });
    } finally {
      fake.setUnaudited(false);
    }
    expect(await call('/v2/post/publish/video/init/', { post_info: { privacy_level: 'FOLLOWER_OF_CREATOR' }, source_info: pull })).toEqual({ status: 403, code: 'privacy_level_option_mismatch' });
    expect(await call('/v2/post/publish/video/init/', { post_info: { title: 'x'.repeat(2201), privacy_level: 'SELF_ONLY' }, source_info: pull })).toEqual({ status: 400, code: 'invalid_params' });
    expect(await call('/v2/post/publish/status/fetch/', { publish_id: 'v_pub_file~v2.0' })).toEqual({ status: 400, code: 'invalid_publish_id' });
    const own = fake.posts().at(-1)!.publishId;
    expect(await call('/v2/post/publish/status/fetch/', { publish_id: own }, 'act.unknown')).toEqual({ status: 401, code: 'access_token_invalid' });
    expect(await call('/v2/post/publish/status/fetch/', { publish_id: own }, fake.issueToken('tt-user-2', allScopes))).toEqual({ status: 400, code: 'token_not_authorized_for_specified_publish_id' });
    expect(await call('/v2/video/list/?fields=id', { max_count: 21 })).toEqual({ status: 400, code: 'invalid_params' });
    expect(await call('/v2/post/publish/creator_info/query/', {}, fake.issueToken('tt-user-1', ['video.upload']))).toEqual({ status: 401, code: 'scope_not_authorized' });
    const images = Array.from({ length: 36 }, (_, i) => `${mediaUrl}/public/${i}.jpg`);
    expect(await call('/v2/post/publish/content/init/', { media_type: 'PHOTO', post_mode: 'DIRECT_POST', post_info: { privacy_level: 'SELF_ONLY' }, source_info: { source: 'PULL_FROM_URL', photo_images: images, photo_cover_index: 0 } })).toEqual({
      status: 400,
      code: 'invalid_params',
    });
  });

  it('refuses a privacy level the account does not offer before creating anything', async () => {
    fake.updateCreator('tt-user-1', { privateAccount: true });
    try {
      const before = fake.creations();
      const { ctx, journal } = context({ media: [bufferMedia(randomBytes(1000))] });
      const error = await failureOf(publisher.publish(ctx));
      expect(error.kind).toBe('invalid');
      expect(error.message).toContain('Followers, Friends, Only me');
      expect(error.message).toContain('Everyone');
      expect(fake.creations()).toBe(before);
      expect(journal.events).toEqual([]);
    } finally {
      fake.updateCreator('tt-user-1', { privateAccount: false });
    }
  });

  it('refuses a video longer than the account may post', async () => {
    fake.updateCreator('tt-user-1', { maxVideoPostDurationSec: 60 });
    try {
      const { ctx } = context({ media: [bufferMedia(randomBytes(1000), { durationSeconds: 90 })] });
      const error = await failureOf(publisher.publish(ctx));
      expect(error).toMatchObject({ kind: 'invalid', code: 'duration_check_failed' });
    } finally {
      fake.updateCreator('tt-user-1', { maxVideoPostDurationSec: 600 });
    }
  });

  it('sends a draft to the inbox with source_info only', async () => {
    const { ctx } = context({ media: [bufferMedia(randomBytes(2000))], settings: { mode: 'inbox' } });
    const outcome = await runToEnd(ctx);
    const post = fake.posts().at(-1)!;
    expect(post).toMatchObject({ mode: 'inbox', publishStatus: 'SEND_TO_USER_INBOX', postId: null });
    expect(outcome).toEqual({ status: 'published', externalId: post.publishId, url: null });
    const init = fake.requests.filter((r) => r.path === '/v2/post/publish/inbox/video/init/').at(-1)!;
    expect(Object.keys(JSON.parse(init.raw.toString()))).toEqual(['source_info']);
  });

  it('lets TikTok pull the video from a verified public URL', async () => {
    const bytes = randomBytes(300_000);
    const { ctx } = context({ media: [bufferMedia(bytes, { publicUrl: serve(bytes) })] });
    const outcome = await runToEnd(ctx);
    const post = fake.posts().at(-1)!;
    expect(post).toMatchObject({ source: 'PULL_FROM_URL', uploadToken: null, publishStatus: 'PUBLISH_COMPLETE' });
    expect(post.received.equals(bytes)).toBe(true);
    expect(outcome).toMatchObject({ status: 'published', externalId: post.postId });
  });

  it('ends in a clear error when TikTok cannot download the URL', async () => {
    const { ctx } = context({ media: [bufferMedia(randomBytes(10), { publicUrl: `${mediaUrl}/public/missing` })] });
    const error = await failureOf(runToEnd(ctx));
    expect(error).toMatchObject({ kind: 'invalid', code: 'video_pull_failed' });
    expect(error.message).toContain('could not download the video');
  });

  it('refuses a URL outside the verified prefixes', async () => {
    const { ctx } = context({ media: [bufferMedia(randomBytes(10), { publicUrl: `${mediaUrl}/elsewhere/video.mp4` })] });
    const error = await failureOf(publisher.publish(ctx));
    expect(error).toMatchObject({ kind: 'invalid', code: 'url_ownership_unverified' });
    expect(error.message).toContain('HERALD_MEDIA_PUBLIC_URL');
  });

  it('publishes photos pulled from their public URLs', async () => {
    const images = [randomBytes(5000), randomBytes(6000)].map((b) => bufferMedia(b, { kind: 'image', mimeType: 'image/jpeg', durationSeconds: null, publicUrl: serve(b) }));
    const { ctx } = context({ media: images, text: 'Two photos', settings: { privacyLevel: 'PUBLIC_TO_EVERYONE', title: 'Holiday', photoCoverIndex: 1 } });
    const outcome = await runToEnd(ctx);
    const post = fake.posts().at(-1)!;
    expect(post).toMatchObject({ kind: 'photo', title: 'Holiday', description: 'Two photos', photoCoverIndex: 1, publishStatus: 'PUBLISH_COMPLETE' });
    expect(post.publishId).toMatch(/^p_pub_url~v2\./);
    expect(outcome).toEqual({ status: 'published', externalId: post.postId, url: `https://www.tiktok.com/@herald.tester/photo/${post.postId}` });
  });

  it('needs public URLs for photos', async () => {
    const before = fake.creations();
    const { ctx } = context({ media: [bufferMedia(randomBytes(10), { kind: 'image', mimeType: 'image/jpeg' })] });
    const error = await failureOf(publisher.publish(ctx));
    expect(error.kind).toBe('invalid');
    expect(error.message).toBe('TikTok photo posts need HERALD_MEDIA_PUBLIC_URL (a domain verified with TikTok)');
    expect(fake.creations()).toBe(before);
  });

  it('turns a FAILED publish into an invalid error with the reason in words', async () => {
    fake.failNextPublishes('file_format_check_failed');
    const { ctx } = context({ media: [bufferMedia(randomBytes(1000))] });
    const error = await failureOf(runToEnd(ctx));
    expect(error).toMatchObject({ kind: 'invalid', code: 'file_format_check_failed' });
    expect(error.message).toBe('TikTok did not publish: TikTok cannot read this file format');
  });

  it('explains creator-level refusals from creator info', async () => {
    fake.setCreatorError('spam_risk_too_many_posts');
    try {
      const before = fake.creations();
      const error = await failureOf(publisher.publish(context({ media: [bufferMedia(randomBytes(1000))] }).ctx));
      expect(error).toMatchObject({ kind: 'invalid', code: 'spam_risk_too_many_posts' });
      expect(error.message).toContain('daily posting limit');
      expect(fake.creations()).toBe(before);
    } finally {
      fake.setCreatorError(null);
    }
  });

  it('maps an unknown token to auth', async () => {
    const error = await failureOf(publisher.publish(context({ media: [bufferMedia(randomBytes(1000))], accessToken: 'act.nope' }).ctx));
    expect(error).toMatchObject({ kind: 'auth', code: 'access_token_invalid' });
  });

  it('waits a minute after TikTok’s rate limit (6 inits per minute per token)', async () => {
    fake.setRateLimits({ init: 6 });
    try {
      const own = fake.issueToken('tt-user-1', allScopes);
      for (let i = 0; i < 6; i += 1) await publisher.publish(context({ media: [bufferMedia(randomBytes(100))], accessToken: own }).ctx);
      const before = fake.creations();
      const error = await failureOf(publisher.publish(context({ media: [bufferMedia(randomBytes(100))], accessToken: own }).ctx));
      expect(error).toMatchObject({ kind: 'transient', code: 'rate_limited', retryAfterMs: 60_000 });
      expect(fake.creations()).toBe(before);
      // Another token has its own window.
      await publisher.publish(context({ media: [bufferMedia(randomBytes(100))], accessToken: fake.issueToken('tt-user-1', allScopes) }).ctx);
    } finally {
      fake.setRateLimits({ init: 1000 });
    }
  });

  it('resumes an interrupted upload where TikTok says it stopped', async () => {
    const bytes = randomBytes(16 * MB);
    // The first chunk reaches TikTok but its answer is lost.
    fake.setChaos({
      rate: 1,
      paths: /^PUT \/upload\//,
      pick: () => {
        fake.setChaos(null);
        return { dropAfterHandling: true };
      },
    });
    const { ctx, journal } = context({ media: [bufferMedia(bytes)] });
    const error = await failureOf(publisher.publish(ctx));
    expect(error).toMatchObject({ kind: 'transient', ambiguous: true });
    expect(journal.progress.uploadedChunks).toBe(0);

    await runToEnd(ctx);
    const post = fake.posts().at(-1)!;
    expect(post.ranges).toHaveLength(3);
    expect(post.received.equals(bytes)).toBe(true);
  });

  it('gives up clearly when the upload URL has expired', async () => {
    let reads = 0;
    const bytes = randomBytes(11 * MB);
    const video = bufferMedia(bytes, {
      open: (range) => {
        reads += 1;
        if (reads === 2) throw new Error('disk hiccup');
        return Readable.from([bytes.subarray(range!.start, range!.end + 1)]);
      },
    });
    const { ctx, journal } = context({ media: [video] });
    await expect(publisher.publish(ctx)).rejects.toThrow('disk hiccup');
    expect(journal.progress.uploadedChunks).toBe(1);
    fake.expireUploadUrl(journal.progress.publishId as string);
    const error = await failureOf(publisher.publish(ctx));
    expect(error).toMatchObject({ kind: 'invalid', code: 'upload_url_expired' });
    expect(error.message).toContain('one hour');
  });

  it('finds a post whose init answer was lost in video.list instead of posting twice', async () => {
    const bytes = randomBytes(50_000);
    const before = fake.creations();
    fake.failNext('/v2/post/publish/video/init/', { dropAfterHandling: true });
    const { ctx, journal } = context({ media: [bufferMedia(bytes, { publicUrl: serve(bytes) })] });
    const error = await failureOf(publisher.publish(ctx));
    expect(error).toMatchObject({ kind: 'transient', ambiguous: true });
    expect(journal.pending?.step).toBe('init');
    expect(fake.creations()).toBe(before + 1);

    const pending = journal.pending!;
    let check = await publisher.findExisting(ctx, pending);
    for (let i = 0; i < 40 && check.found !== true; i += 1) {
      expect(check.found).toBe('unknown');
      await new Promise((r) => setTimeout(r, 50));
      check = await publisher.findExisting(ctx, pending);
    }
    const post = fake.posts().at(-1)!;
    expect(check).toEqual({ found: true, progress: expect.objectContaining({ publishId: null, postId: post.postId }) });

    journal.progress = (check as { progress: Record<string, unknown> }).progress;
    expect(await publisher.publish(ctx)).toEqual({ status: 'published', externalId: post.postId, url: null });
    expect(fake.creations()).toBe(before + 1);
  });

  it('knows a lost FILE_UPLOAD init can never publish, and answers unknown for private posts', async () => {
    const upload = context({ media: [bufferMedia(randomBytes(1000))] });
    expect(await publisher.findExisting(upload.ctx, { step: 'init', sentAt: new Date() })).toEqual({ found: false });

    const bytes = randomBytes(100);
    const privatePost = context({ media: [bufferMedia(bytes, { publicUrl: serve(bytes) })], settings: { privacyLevel: 'SELF_ONLY' } });
    expect((await publisher.findExisting(privatePost.ctx, { step: 'init', sentAt: new Date() })).found).toBe('unknown');

    const noList = context({ media: [bufferMedia(bytes, { publicUrl: serve(bytes) })], accessToken: fake.issueToken('tt-user-1', ['video.publish']) });
    const check = await publisher.findExisting(noList.ctx, { step: 'init', sentAt: new Date() });
    expect(check).toMatchObject({ found: 'unknown', reason: expect.stringContaining('video.list') });

    const old = context({ media: [bufferMedia(bytes, { publicUrl: serve(bytes) })] });
    expect(await publisher.findExisting(old.ctx, { step: 'init', sentAt: new Date(Date.now() - 20 * 60_000) })).toEqual({ found: false });
  });

  it('reads views, likes, comments and shares with video/query; inbox drafts and deleted videos have none', async () => {
    const published = await runToEnd(context({ media: [bufferMedia(randomBytes(2000))] }).ctx);
    const inbox = await runToEnd(context({ media: [bufferMedia(randomBytes(2000))], settings: { mode: 'inbox' } }).ctx);
    const gone = await runToEnd(context({ media: [bufferMedia(randomBytes(2000))] }).ctx);
    if (published.status !== 'published' || inbox.status !== 'published' || gone.status !== 'published') throw new Error('not published');
    fake.engage(published.externalId, { view_count: 1520, like_count: 87, comment_count: 9, share_count: 4 });
    fake.deletePost(gone.externalId);
    const ctx = { accessToken: token, instance: null, externalAccountId: 'tt-user-1' };
    const readings = await publisher.readMetrics!(ctx, [published.externalId, inbox.externalId, gone.externalId]);
    expect([...readings.keys()]).toEqual([published.externalId]);
    expect(readings.get(published.externalId)).toEqual({ views: 1520, likes: 87, comments: 9, shares: 4, reach: null, extra: {} });
    expect(publisher.metricsBatch).toBe(20);
    // Without video.list TikTok refuses the query: the account must grant it again.
    const error = await failureOf(publisher.readMetrics!({ ...ctx, accessToken: fake.issueToken('tt-user-1', ['video.publish']) }, [published.externalId]));
    expect(error.code).toBe('scope_not_authorized');
  });
});
