import { Readable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BLUESKY_VIDEO_MAX_BYTES } from '../../src/networks/bluesky/descriptor.ts';
import { createBlueskyPublisher } from '../../src/networks/bluesky/server/bluesky.publisher.ts';
import { ProviderError } from '../../src/server/providers/provider.ts';
import type { PublishContext, PublishMedia, PublishOutcome } from '../../src/server/providers/publishing.ts';
import { checkVariant, type MediaFacts } from '../../src/shared/publishing-rules.ts';
import { startVideoServiceFake, type VideoServiceFake } from '../fakes/bluesky-video/video-service-fake.ts';
import { buildMp4 } from '../helpers/mp4.ts';
import { fastEngineEnv, memoryJournal, uploadMedia, waitForPost } from '../helpers/publishing.ts';
import { signUp, startTestHerald, type TestHerald } from '../helpers/test-herald.ts';
import { blueskyEnv, pdsAvailable, startLocalPds, type LocalPds } from '../pds/pds.ts';

// Bluesky video posts against the reference PDS (test/pds) and the video-service fake, which
// stores the processed video on that PDS with the account's service-auth token, as
// video.bsky.app does: the PDS checks the token's signature, the blob and the record.
type VideoEmbed = {
  $type: string;
  video: { ref: { $link: string }; mimeType: string; size: number };
  alt?: string;
  aspectRatio?: { width: number; height: number };
  captions?: { lang: string; file: { ref: { $link: string }; mimeType: string } }[];
};
type Progress = { posts: { rkey?: string; uri?: string; video?: { jobId?: string; blob?: { ref: { $link: string } }; polls?: number } }[] };

function video(id: string, bytes: Buffer, extra: Partial<PublishMedia> = {}): PublishMedia & { opened: number } {
  const media = {
    id,
    kind: 'video' as const,
    mimeType: 'video/mp4',
    size: bytes.length,
    width: 640,
    height: 360,
    durationSeconds: 8,
    frameRate: 30,
    altText: '',
    publicUrl: null,
    opened: 0,
    open() {
      media.opened += 1;
      return Readable.from([bytes]);
    },
    ...extra,
  };
  return media;
}

/** A distinct small mp4 per test: the service recognises a video it has seen (already_exists). */
let clip = 0;
const nextClip = () => buildMp4({ durationSeconds: 8, width: 640, height: 360, frameRate: 30, totalBytes: 6000 + (clip += 1) * 16 });

const vtt = 'WEBVTT\n\n00:00.000 --> 00:02.000\nHello from Herald\n';

describe.skipIf(!pdsAvailable() && !process.env.CI)('Bluesky video posts against a real local PDS and the video-service fake (run test/pds/setup.sh first)', () => {
  let pds: LocalPds;
  let service: VideoServiceFake;
  let accessJwt: string;
  const alice = () => pds.accounts[0]!;
  let publisher: ReturnType<typeof createBlueskyPublisher>;

  beforeAll(async () => {
    pds = await startLocalPds([{ handle: 'alice.test', password: 'alice-main-password' }]);
    service = await startVideoServiceFake({ plcUrl: pds.plcUrl, stepMs: 20 });
    publisher = createBlueskyPublisher({ allowLocal: true, videoService: { url: service.url, did: service.did } });
    const session = await fetch(`${pds.pdsUrl}/xrpc/com.atproto.server.createSession`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identifier: alice().handle, password: alice().appPassword }),
    });
    expect(session.status).toBe(200);
    accessJwt = ((await session.json()) as { accessJwt: string }).accessJwt;
  }, 90_000);
  afterAll(async () => {
    await service?.close();
    await pds?.stop();
  });
  beforeEach(() => {
    service.reset();
    service.setLimits({ canUpload: undefined, message: undefined, dailyVideos: 25, dailyBytes: 10 * 1024 ** 3 });
  });

  const context = (media: PublishMedia, journal = memoryJournal(), extra: Partial<PublishContext> = {}): PublishContext => ({
    deliveryId: 'delivery-video',
    idempotencyKey: 'key-video',
    accessToken: accessJwt,
    instance: pds.pdsUrl,
    externalAccountId: alice().did,
    username: alice().handle,
    limits: {},
    parts: [{ text: 'A video from Herald', media: [media] }],
    firstComment: null,
    settings: {},
    journal,
    ...extra,
  });
  /** Calls publish again after each `processing`, as the engine does (without its waits). */
  async function publishAll(ctx: PublishContext): Promise<{ outcome: PublishOutcome & { status: 'published' }; rounds: number }> {
    for (let rounds = 1; rounds < 200; rounds += 1) {
      const outcome = await publisher.publish(ctx);
      if (outcome.status === 'published') return { outcome, rounds };
      expect(outcome.checkAfterMs).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('the video never finished processing');
  }
  const getRecord = async (uri: string) => {
    const rkey = uri.split('/').at(-1)!;
    const res = await fetch(`${pds.pdsUrl}/xrpc/com.atproto.repo.getRecord?${new URLSearchParams({ repo: alice().did, collection: 'app.bsky.feed.post', rkey })}`);
    expect(res.status).toBe(200);
    return (await res.json()) as { value: { text: string; embed?: VideoEmbed } };
  };
  const getBlob = (cid: string) => fetch(`${pds.pdsUrl}/xrpc/com.atproto.sync.getBlob?${new URLSearchParams({ did: alice().did, cid })}`);
  const postCount = async () => {
    const res = await fetch(`${pds.pdsUrl}/xrpc/com.atproto.repo.listRecords?${new URLSearchParams({ repo: alice().did, collection: 'app.bsky.feed.post', limit: '100' })}`);
    return ((await res.json()) as { records: unknown[] }).records.length;
  };
  const serviceCalls = (nsid: string) => service.requests.filter((r) => r.path === `/xrpc/${nsid}`);

  it('publishes a video post: allowance read, one upload, job polled to completion, record with the video embed, alt text, aspect ratio and captions; the PDS serves the blob', async () => {
    const bytes = nextClip();
    const media = video('clip-1', bytes, { altText: 'A red square turning slowly' });
    const journal = memoryJournal();
    const { outcome, rounds } = await publishAll(context(media, journal, { settings: { captions: [{ lang: 'en', vtt }] } }));
    expect(rounds).toBeGreaterThan(1);

    // One upload, with a token for the account's PDS and for uploadBlob only; a separate token for the allowance.
    expect(service.uploads).toHaveLength(1);
    expect(media.opened).toBe(1);
    const upload = serviceCalls('app.bsky.video.uploadVideo')[0]!;
    expect(upload.query.get('did')).toBe(alice().did);
    const claims = (call: (typeof service.requests)[number]) => JSON.parse(Buffer.from(call.headers.authorization!.split(' ')[1]!.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    const uploadClaims = claims(upload);
    expect(uploadClaims).toMatchObject({ iss: alice().did, aud: 'did:web:localhost', lxm: 'com.atproto.repo.uploadBlob' });
    expect(Number(uploadClaims.exp) * 1000 - Date.now()).toBeGreaterThan(25 * 60_000);
    expect(Number(uploadClaims.exp) * 1000 - Date.now()).toBeLessThanOrEqual(30 * 60_000);
    expect(claims(serviceCalls('app.bsky.video.getUploadLimits')[0]!)).toMatchObject({ iss: alice().did, aud: service.did, lxm: 'app.bsky.video.getUploadLimits' });
    // The session token never reaches the video service.
    expect(service.requests.some((r) => r.headers.authorization?.includes(accessJwt))).toBe(false);

    const [job] = [...service.jobs.values()];
    expect(job!.history).toEqual(['JOB_STATE_CREATED', 'JOB_STATE_ENCODING', 'JOB_STATE_ENCODED', 'JOB_STATE_SCANNING', 'JOB_STATE_SCANNED', 'JOB_STATE_UPLOADING', 'JOB_STATE_COMPLETED']);
    // The service stored the video on the real PDS with the account's service-auth token.
    expect(service.pdsUploads).toEqual([expect.objectContaining({ did: alice().did, pds: pds.pdsUrl, status: 200 })]);

    const { value } = await getRecord(outcome.externalId);
    expect(value.text).toBe('A video from Herald');
    expect(value.embed).toMatchObject({
      $type: 'app.bsky.embed.video',
      video: { ref: { $link: job!.blob!.ref.$link }, mimeType: 'video/mp4', size: bytes.length },
      alt: 'A red square turning slowly',
      aspectRatio: { width: 640, height: 360 },
      captions: [{ lang: 'en', file: { mimeType: 'text/vtt' } }],
    });
    const served = await getBlob(value.embed!.video.ref.$link);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true);
    const caption = await getBlob(value.embed!.captions![0]!.file.ref.$link);
    expect(await caption.text()).toBe(vtt);
    expect(outcome.url).toBe(`https://bsky.app/profile/${alice().handle}/post/${outcome.externalId.split('/').at(-1)}`);
  }, 60_000);

  it('a lost answer never uploads the video twice: not while polling, not after the post was created; a lost upload answer is recognised by the service', async () => {
    const before = await postCount();
    const media = video('clip-2', nextClip(), { altText: 'Second clip' });
    const journal = memoryJournal();
    const ctx = context(media, journal);

    // The job's status answer is lost: the retry polls the same job.
    service.failNext('/xrpc/app.bsky.video.getJobStatus', { dropAfterHandling: true });
    await expect(publisher.publish(ctx)).rejects.toMatchObject({ kind: 'transient' });
    const jobId = (journal.progress as Progress).posts[0]!.video!.jobId;
    expect(jobId).toBeTruthy();

    // The post's answer is lost: the engine asks findExisting, which finds the record.
    let lose = true;
    const original = journal.afterCreate;
    journal.afterCreate = async (...args) => {
      if (lose) {
        lose = false;
        throw new ProviderError('transient', 'bluesky', 'the answer was lost', 'timeout', { ambiguous: true });
      }
      return original(...args);
    };
    await expect(publishAll(ctx)).rejects.toThrow('the answer was lost');
    expect(journal.pending?.step).toBe('post:0');
    const found = await publisher.findExisting(ctx, journal.pending!);
    expect(found).toMatchObject({ found: true });
    if (found.found !== true) throw new Error('not found');
    journal.progress = found.progress;
    const { outcome } = await publishAll(ctx);
    expect((await getRecord(outcome.externalId)).value.embed?.alt).toBe('Second clip');
    expect(await postCount()).toBe(before + 1);
    expect(service.uploads).toHaveLength(1);
    expect(media.opened).toBe(1);
    expect((journal.progress as Progress).posts[0]!.video!.jobId).toBe(jobId);

    // The upload's own answer is lost after the service took the video: sent again, the service
    // answers already_exists with the first job and its blob, so there is still one video.
    const third = video('clip-3', nextClip());
    const lostUpload = memoryJournal();
    service.failNext('/xrpc/app.bsky.video.uploadVideo', { dropAfterHandling: true });
    await expect(publisher.publish(context(third, lostUpload))).rejects.toMatchObject({ kind: 'transient' });
    const again = await publishAll(context(third, lostUpload));
    expect(service.uploads.filter((u) => u.size === third.size)).toHaveLength(2);
    const jobs = [...service.jobs.values()].filter((j) => j.size === third.size);
    expect(jobs).toHaveLength(1);
    expect(service.pdsUploads).toHaveLength(2);
    expect((await getRecord(again.outcome.externalId)).value.embed?.video.ref.$link).toBe(jobs[0]!.blob!.ref.$link);
  }, 60_000);

  it('a failed job fails the post with the service’s reason, creates nothing, and a later attempt starts over', async () => {
    const before = await postCount();
    const media = video('clip-4', nextClip());
    const journal = memoryJournal();
    service.failNextJob({ failureCode: 'encoding_failure', message: 'Video is corrupted' });
    const failure = await publishAll(context(media, journal)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ProviderError);
    expect(failure).toMatchObject({ kind: 'invalid', code: 'encoding_failure' });
    expect((failure as Error).message).toBe('Bluesky’s video service could not process the video: Video is corrupted (it could not convert the video)');
    expect(await postCount()).toBe(before);
    expect(journal.events.filter((e) => e.startsWith('before:'))).toEqual([]);
    expect((journal.progress as Progress).posts[0]!.video!.jobId).toBeUndefined();
    // Publishing it again (a person's retry) uploads afresh and succeeds.
    await publishAll(context(media, journal));
    expect(await postCount()).toBe(before + 1);
  }, 60_000);

  it('the daily allowance is read first: no allowance, no upload, and the service’s words in the failure', async () => {
    service.setLimits({ canUpload: false, message: 'You have reached your daily video limit' });
    const error = await publisher.publish(context(video('clip-5', nextClip()))).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'invalid', code: 'video_limit' });
    expect((error as Error).message).toBe('Bluesky will not take this video today: You have reached your daily video limit');
    service.setLimits({ canUpload: undefined, message: undefined, dailyBytes: 1000 });
    const tooMany = await publisher.publish(context(video('clip-6', nextClip()))).catch((e: unknown) => e);
    expect((tooMany as Error).message).toMatch(/^Bluesky will not take this video today: the account may upload 0 MB more today and this video is 1 MB$/);
    expect(service.uploads).toHaveLength(0);
  });

  it('the tokens are checked where the real ones are: the video service refuses a session token or another audience, the PDS refuses a token for another method or service', async () => {
    const serviceToken = async (aud: string, lxm: string) => {
      const res = await fetch(`${pds.pdsUrl}/xrpc/com.atproto.server.getServiceAuth?${new URLSearchParams({ aud, lxm, exp: String(Math.floor(Date.now() / 1000) + 600) })}`, { headers: { authorization: `Bearer ${accessJwt}` } });
      expect(res.status).toBe(200);
      return ((await res.json()) as { token: string }).token;
    };
    const toService = (token: string) =>
      fetch(`${service.url}/xrpc/app.bsky.video.uploadVideo?${new URLSearchParams({ did: alice().did, name: 'x.mp4' })}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'video/mp4' }, body: new Uint8Array(nextClip()) });
    const toPds = (token: string) => fetch(`${pds.pdsUrl}/xrpc/com.atproto.repo.uploadBlob`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'video/mp4' }, body: new Uint8Array(nextClip()) });
    const errorOf = async (res: Response) => [res.status, ((await res.json()) as { error: string }).error];

    expect(await errorOf(await toService(accessJwt))).toEqual([401, 'BadJwtType']);
    expect(await errorOf(await toService(await serviceToken(service.did, 'com.atproto.repo.uploadBlob')))).toEqual([401, 'BadJwtAudience']);
    expect(await errorOf(await toService(await serviceToken('did:web:localhost', 'app.bsky.video.getUploadLimits')))).toEqual([401, 'BadJwtLexiconMethod']);
    expect(service.uploads).toHaveLength(0);
    // The PDS verifies the signature against the account's DID document and the method named in the token.
    expect((await toPds(await serviceToken('did:web:localhost', 'com.atproto.repo.uploadBlob'))).status).toBe(200);
    expect(await errorOf(await toPds(await serviceToken('did:web:localhost', 'app.bsky.video.getUploadLimits')))).toEqual([401, 'BadJwtLexiconMethod']);
    expect(await errorOf(await toPds(await serviceToken(service.did, 'com.atproto.repo.uploadBlob')))).toEqual([401, 'BadJwtAudience']);
  });

  it('refuses at save what Bluesky would refuse: over 3 minutes, over 100 MB, two videos, a video with images, not MP4, captions without a video', () => {
    const facts = (id: string, change: Partial<MediaFacts>): MediaFacts => ({ id, kind: 'video', mimeType: 'video/mp4', size: 5_000_000, width: 1280, height: 720, durationSeconds: 30, frameRate: 30, ...change });
    const all = new Map<string, MediaFacts>([
      ['long', facts('long', { durationSeconds: 181 })],
      ['large', facts('large', { size: BLUESKY_VIDEO_MAX_BYTES + 1 })],
      ['ok', facts('ok', {})],
      ['ok2', facts('ok2', {})],
      ['mov', facts('mov', { mimeType: 'video/quicktime' })],
      ['image', { ...facts('image', {}), kind: 'image', mimeType: 'image/png', size: 1000, durationSeconds: null }],
    ]);
    const messages = (mediaIds: string[], settings: Record<string, unknown> = {}) =>
      checkVariant('bluesky', { parts: [{ text: 'Video', media: mediaIds.map((mediaId) => ({ mediaId })) }], settings }, all, {}, { forPublishing: true }).map((i) => `${i.field}: ${i.message}`);
    expect(messages(['ok'])).toEqual([]);
    expect(messages(['long'])).toEqual(['media: Bluesky: videos can last at most 3 minutes (this one lasts 181 s)']);
    expect(messages(['large'])).toEqual(['media: Bluesky: videos can be at most 100 MB (this one is 101 MB)']);
    expect(messages(['ok', 'ok2'])).toEqual(['media: Bluesky: one video per post']);
    expect(messages(['ok', 'image'])).toEqual(['media: Bluesky: a video is posted alone, without images']);
    expect(messages(['mov'])).toEqual(['media: Bluesky: videos must be MP4 (this one is video/quicktime)']);
    expect(messages(['image'], { captions: [{ lang: 'en', vtt }] })).toEqual(['media: Bluesky: captions need a video in the post']);
    expect(messages(['ok'], { captions: [{ lang: 'en', vtt: 'Hello' }] })).toEqual(['settings.captions.0.vtt: Bluesky: must be a WebVTT file (it starts with WEBVTT)']);
    expect(messages(['ok'], { captions: [{ lang: 'en', vtt: `${vtt}${'x'.repeat(20_000)}` }] })).toEqual(['settings.captions.0.vtt: Bluesky: must be at most 20 kB']);
  });

  describe('through Herald: saved, refused, published by the engine', () => {
    let h: TestHerald;
    beforeAll(async () => {
      h = await startTestHerald({ env: { ...blueskyEnv(pds), ...fastEngineEnv, HERALD_BLUESKY_VIDEO_SERVICE_URL: service.url, HERALD_BLUESKY_VIDEO_SERVICE_DID: service.did } });
    }, 60_000);
    afterAll(async () => {
      await h?.close();
    });

    it('refuses a video over 3 minutes when the post is saved, and publishes one that fits through the video service', async () => {
      const owner = await signUp(h.url);
      const workspaceId = (await owner.client.post('/api/v1/workspaces', { name: 'Sky video' })).body.id as string;
      const api = (path: string) => `/api/v1/workspaces/${workspaceId}${path}`;
      const connected = await owner.client.post(api('/channels/connect'), { network: 'bluesky', identifier: alice().handle, appPassword: alice().appPassword });
      expect(connected.status, JSON.stringify(connected.body)).toBe(200);
      const channelId = connected.body.channel.id as string;

      const long = await uploadMedia(h, owner.client, workspaceId, { bytes: buildMp4({ durationSeconds: 200, width: 640, height: 360, frameRate: 30 }), name: 'long.mp4', type: 'video/mp4' });
      const refused = await owner.client.post(api('/posts'), { content: { text: 'Too long', media: [{ mediaId: long.id }] }, channels: [{ channelId }], schedule: { mode: 'now' } });
      expect(refused.status, JSON.stringify(refused.body)).toBe(400);
      expect(JSON.stringify(refused.body)).toContain('Bluesky: videos can last at most 3 minutes (this one lasts 200 s)');
      expect(service.uploads).toHaveLength(0);

      const bytes = nextClip();
      const fits = await uploadMedia(h, owner.client, workspaceId, { bytes, name: 'clip.mp4', type: 'video/mp4' });
      const text = `Video through Herald ${Date.now()}`;
      const created = await owner.client.post(api('/posts'), {
        content: { text, media: [{ mediaId: fits.id, altText: 'Herald’s test clip' }] },
        channels: [{ channelId, settings: { captions: [{ lang: 'en', vtt }] } }],
        schedule: { mode: 'now' },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const done = await waitForPost(owner.client, workspaceId, created.body.id, (p) => p.deliveries.every((d: { state: string }) => ['published', 'failed', 'unconfirmed'].includes(d.state)), 45_000);
      expect(done.deliveries[0], JSON.stringify(done.deliveries[0])).toMatchObject({ state: 'published' });
      const { value } = await getRecord(done.deliveries[0].externalId as string);
      expect(value.text).toBe(text);
      expect(value.embed).toMatchObject({ $type: 'app.bsky.embed.video', alt: 'Herald’s test clip', aspectRatio: { width: 640, height: 360 }, captions: [{ lang: 'en' }] });
      const served = await getBlob(value.embed!.video.ref.$link);
      expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true);
      expect(service.uploads).toHaveLength(1);
    }, 90_000);
  });
});
