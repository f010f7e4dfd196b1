import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ProviderError, type TokenSet } from '../../src/server/providers/provider.ts';
import type { PublishContext, PublishMedia, PublishOutcome, Publisher } from '../../src/server/providers/publishing.ts';
import { createFacebookProvider } from '../../src/networks/facebook/server/facebook.provider.ts';
import { createFacebookPublisher } from '../../src/networks/facebook/server/facebook.publisher.ts';
import type { FacebookEndpoints } from '../../src/networks/facebook/server/facebook.graph.ts';
import { server as facebookServer } from '../../src/networks/facebook/server/index.ts';
import { forgetUsage } from '../../src/networks/meta-graph/usage.ts';
import type { Config } from '../../src/server/config/config.ts';
import { eq } from 'drizzle-orm';
import { channels } from '../../src/server/db/schema/index.ts';
import { buildMp4 } from '../helpers/mp4.ts';
import { fastEngineEnv, memoryJournal, uploadMedia, waitForPost } from '../helpers/publishing.ts';
import { signUp, startTestHerald, type TestHerald } from '../helpers/test-herald.ts';
import { signedRequest } from '../fakes/meta-graph/graph-fake-core.ts';
import { connectFacebookPages } from '../fakes/facebook/connect.ts';
import { facebookEnv, startFacebookFake, type FacebookFake } from '../fakes/facebook/facebook-fake.ts';

// Facebook Pages against the local fake, format by format: the provider's connect (dialog, code →
// short → long-lived token, one account per Page), and the publisher as the engine drives it
// (journal in memory), including lost answers, 506, token invalidation, usage and metrics.


function media(bytes: Buffer, fields: Partial<PublishMedia>): PublishMedia {
  return {
    id: crypto.randomUUID(),
    kind: 'image',
    mimeType: 'image/jpeg',
    size: bytes.length,
    width: 1080,
    height: 1080,
    durationSeconds: null,
    frameRate: null,
    altText: '',
    publicUrl: null,
    open: (range) => Readable.from([range ? bytes.subarray(range.start, range.end + 1) : bytes]),
    ...fields,
  };
}

const redirectUri = 'https://herald.example/api/v1/oauth/callback/facebook';

describe('Facebook Pages against the local fake', () => {
  let fake: FacebookFake;
  let endpoints: FacebookEndpoints;
  let publisher: Publisher;
  let jpeg: Buffer;
  let png: Buffer;
  let video: Buffer;
  let reelVideo: Buffer;
  const bakery = '104938128492011';
  let pageToken: string;
  let userTokens: TokenSet & { externalId: string };

  async function connect(grant?: string[]) {
    const provider = createFacebookProvider(endpoints);
    const url = await provider.authorizationUrl({ state: 'st4te', redirectUri, codeChallenge: 'unused', instance: null });
    const back = new URL(fake.authorize(url, grant ? { grant } : {}));
    expect(back.searchParams.get('state')).toBe('st4te');
    const tokens = await provider.exchangeCode({ code: back.searchParams.get('code')!, state: 'st4te', redirectUri, codeVerifier: 'unused', instance: null });
    const accounts = await provider.accounts!(tokens, null);
    return { provider, tokens, accounts };
  }

  const ctxFor = (parts: PublishContext['parts'], extra: Partial<PublishContext> = {}, journal = memoryJournal()) => {
    const ctx: PublishContext = {
      deliveryId: crypto.randomUUID(),
      idempotencyKey: crypto.randomUUID(),
      accessToken: pageToken,
      // What the engine passes a publisher that uses the grant token: the channel's refresh slot.
      grantToken: userTokens.refreshToken ?? null,
      instance: null,
      externalAccountId: bakery,
      username: 'heraldbakery',
      limits: {},
      parts,
      firstComment: null,
      settings: {},
      journal,
      ...extra,
    };
    return { ctx, journal };
  };

  /** Runs publish as the engine does: again after each `processing`, until published. */
  async function publishAll(ctx: PublishContext): Promise<PublishOutcome & { status: 'published' }> {
    for (let round = 0; round < 50; round += 1) {
      const outcome = await publisher.publish(ctx);
      if (outcome.status === 'published') return outcome;
      await new Promise((r) => setTimeout(r, 60));
    }
    throw new Error('still processing');
  }

  beforeAll(async () => {
    fake = await startFacebookFake({ processingMs: 150 });
    endpoints = { appId: fake.appId, appSecret: fake.appSecret, version: 'v23.0', dialogUrl: fake.url, graphUrl: fake.url, graphVideoUrl: fake.url, ruploadUrl: fake.url };
    publisher = createFacebookPublisher(endpoints, { pollMs: 50, listingDelayMs: 300 });
    jpeg = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#cc5500' } }).jpeg().toBuffer();
    png = await sharp({ create: { width: 48, height: 48, channels: 4, background: '#3366ff' } }).png().toBuffer();
    video = buildMp4({ durationSeconds: 6, width: 1280, height: 720, frameRate: 30 });
    reelVideo = buildMp4({ durationSeconds: 8, width: 1080, height: 1920, frameRate: 30 });
  });
  afterAll(async () => fake?.close());
  beforeEach(async () => {
    forgetUsage();
    fake.setUsage({});
    const { tokens, accounts } = await connect();
    userTokens = tokens;
    pageToken = accounts.find((a) => a.externalId === bakery)!.tokens.accessToken;
  });

  it('connects through the dialog: short → long-lived user token, one account per Page with its own non-expiring token', async () => {
    const { tokens, accounts, provider } = await connect();
    const long = fake.tokens.find(tokens.accessToken)!;
    expect(long.kind).toBe('long');
    expect(tokens.externalId).toBe('10229384756102938');
    expect(tokens.scopes.sort()).toEqual(['pages_manage_engagement', 'pages_manage_posts', 'pages_read_engagement', 'pages_show_list', 'read_insights']);
    expect(accounts.map((a) => [a.externalId, a.profile.displayName, a.note])).toEqual([
      ['104938128492011', 'Herald Bakery', 'Page · Bakery'],
      ['104938128492012', 'Herald Books', 'Page · Book store'],
      ['104938128492013', 'Herald Archive', 'Page · Community · your role on this Page cannot publish'],
    ]);
    for (const account of accounts) {
      expect(fake.tokens.find(account.tokens.accessToken)).toMatchObject({ kind: 'page', pageId: account.externalId, expiresAt: null });
      expect(account.tokens).toMatchObject({ accessTokenExpiresAt: null, refreshToken: tokens.accessToken });
      expect(account.profile.ownerExternalId).toBe(tokens.externalId);
    }
    expect(await provider.profile(accounts[0]!.tokens.accessToken, null)).toMatchObject({ externalId: bakery, username: 'heraldbakery', displayName: 'Herald Bakery' });
    // The authorize URL asks only for the permissions features need, comma separated.
    const url = new URL(await provider.authorizationUrl({ state: 's', redirectUri, codeChallenge: 'c', instance: null }));
    expect(url.pathname).toBe('/v23.0/dialog/oauth');
    expect(url.searchParams.get('scope')).toBe('pages_show_list,pages_read_engagement,pages_manage_posts,pages_manage_engagement,read_insights');
  });

  it('keeps only the permissions the person left ticked', async () => {
    const { tokens } = await connect(['pages_show_list', 'pages_read_engagement', 'pages_manage_posts']);
    expect(tokens.scopes.sort()).toEqual(['pages_manage_posts', 'pages_read_engagement', 'pages_show_list']);
  });

  it('publishes text with a link in one announced call', async () => {
    const text = `Fresh bread today ${Date.now()}`;
    const { ctx, journal } = ctxFor([{ text, media: [] }], { settings: { link: 'https://bakery.example/menu' } });
    const outcome = await publishAll(ctx);
    const post = fake.posts.find((p) => p.message === text)!;
    expect(post).toMatchObject({ kind: 'status', link: 'https://bakery.example/menu', pageId: bakery });
    expect(outcome).toEqual({ status: 'published', externalId: post.id, url: `https://www.facebook.com/${post.id}` });
    expect(journal.events).toEqual(['save', 'before:feed', 'after:feed']);
  });

  it("sends the post's link card as the feed post's link; the panel's own link wins", async () => {
    const linkCard = { url: 'https://bakery.example/card?utm_source=facebook', title: 'Edited', description: 'Not sent: Facebook reads the page', imageUrl: null, loadImage: async () => null };
    const text = `Card ${Date.now()}`;
    await publishAll(ctxFor([{ text, media: [] }], { linkCard }).ctx);
    expect(fake.posts.find((p) => p.message === text)).toMatchObject({ kind: 'status', link: linkCard.url });
    const own = `Own link ${Date.now()}`;
    await publishAll(ctxFor([{ text: own, media: [] }], { linkCard, settings: { link: 'https://bakery.example/menu' } }).ctx);
    expect(fake.posts.find((p) => p.message === own)).toMatchObject({ link: 'https://bakery.example/menu' });
    await publishAll(ctxFor([{ text: '', media: [] }], { linkCard }).ctx);
    expect(fake.posts.at(-1)).toMatchObject({ message: '', link: linkCard.url });
  });

  it('uploads a single photo as multipart with its alt text: no public link needed', async () => {
    const text = `One photo ${Date.now()}`;
    const { ctx } = ctxFor([{ text, media: [media(jpeg, { altText: 'A loaf on a board' })] }]);
    const outcome = await publishAll(ctx);
    const post = fake.posts.find((p) => p.message === text)!;
    expect(post.kind).toBe('photo');
    expect(outcome.externalId).toBe(post.id);
    expect(fake.photos().find((p) => p.id === post.photoIds[0])).toMatchObject({ published: true, altText: 'A loaf on a board', size: jpeg.length });
  });

  it('posts several photos as unpublished uploads attached to one post', async () => {
    const text = `Three photos ${Date.now()}`;
    const { ctx, journal } = ctxFor([{ text, media: [media(jpeg, {}), media(png, { mimeType: 'image/png' }), media(jpeg, {})] }]);
    const outcome = await publishAll(ctx);
    const post = fake.posts.find((p) => p.message === text)!;
    expect(post).toMatchObject({ kind: 'photos', id: outcome.externalId });
    expect(post.photoIds).toHaveLength(3);
    // Three photos, then the time of the first creating call, then the post.
    expect(journal.events).toEqual(['save', 'save', 'save', 'save', 'before:feed', 'after:feed']);
    expect(journal.progress.photoIds).toEqual(post.photoIds);
  });

  it('resumes a multi-photo post after the photos already uploaded', async () => {
    const text = `Resumed photos ${Date.now()}`;
    const first = ctxFor([{ text, media: [media(jpeg, {}), media(jpeg, {})] }]);
    fake.failNext(`/v23.0/${bakery}/feed`, { status: 500, body: { error: { message: 'An unexpected error has occurred.', type: 'OAuthException', code: 2, is_transient: true } } });
    await expect(publisher.publish(first.ctx)).rejects.toMatchObject({ kind: 'transient' });
    const uploaded = fake.photos().length;
    const again = ctxFor(first.ctx.parts, {}, memoryJournal(first.journal.progress));
    await publishAll(again.ctx);
    expect(fake.photos().length).toBe(uploaded);
    expect(fake.posts.filter((p) => p.message === text)).toHaveLength(1);
  });

  it('uploads a video through a resumable session, waits for processing, then writes the first comment once', async () => {
    const text = `Our oven, in motion ${Date.now()}`;
    const { ctx, journal } = ctxFor([{ text, media: [media(video, { kind: 'video', mimeType: 'video/mp4', width: 1280, height: 720, durationSeconds: 6 })] }], {
      firstComment: 'Order at bakery.example',
      settings: { videoTitle: 'The oven' },
    });
    const first = await publisher.publish(ctx);
    expect(first.status).toBe('processing');
    const outcome = await publishAll(ctx);
    const made = fake.videos().find((v) => v.description === text)!;
    expect(made).toMatchObject({ kind: 'video', title: 'The oven', size: video.length, received: video.length });
    expect(outcome).toMatchObject({ externalId: made.id, url: `https://www.facebook.com/${made.id}` });
    expect(fake.comments.filter((c) => c.objectId === made.id)).toEqual([expect.objectContaining({ message: 'Order at bakery.example', fromId: bakery })]);
    expect(journal.events.filter((e) => e.startsWith('before'))).toEqual(['before:video', 'before:comment']);
    // The upload went in as one session whose token rode in the header.
    const upload = fake.requests.find((r) => r.path.startsWith('/v23.0/upload:') && r.method === 'POST')!;
    expect(upload.headers.authorization).toMatch(/^OAuth /);
    expect(upload.headers.file_offset).toBe('0');
  });

  it('resumes a cut video upload from the offset Facebook holds, and never re-uploads a finished one', async () => {
    const text = `Resumed video ${Date.now()}`;
    // A session that received the first half before the connection was cut.
    const userToken = userTokens.refreshToken!;
    const opened = await fetch(`${fake.url}/v23.0/${fake.appId}/uploads?file_name=v.mp4&file_length=${video.length}&file_type=video/mp4`, { method: 'POST', headers: { authorization: `Bearer ${userToken}` } });
    const session = ((await opened.json()) as { id: string }).id;
    const half = Math.floor(video.length / 2);
    await fetch(`${fake.url}/v23.0/${session}`, { method: 'POST', headers: { authorization: `OAuth ${userToken}`, file_offset: '0' }, body: new Uint8Array(video.subarray(0, half)) });
    const { ctx, journal } = ctxFor([{ text, media: [media(video, { kind: 'video', mimeType: 'video/mp4' })] }], {}, memoryJournal({ kind: 'video', uploadSession: session }));
    // The bytes go in; the video's creation then fails once (a 5xx): the handle is kept.
    fake.failNext(`/v23.0/${bakery}/videos`, { status: 503, body: { error: { message: 'Service temporarily unavailable', type: 'OAuthException', code: 2, is_transient: true } } });
    await expect(publisher.publish(ctx)).rejects.toMatchObject({ kind: 'transient' });
    const sent = fake.requests.filter((r) => r.path === `/v23.0/${session}` && r.method === 'POST');
    expect(sent.at(-1)!.headers.file_offset).toBe(String(half));
    expect(journal.progress.uploadHandle).toEqual(expect.any(String));
    const again = ctxFor(ctx.parts, {}, memoryJournal(journal.progress));
    expect((await publishAll(again.ctx)).status).toBe('published');
    expect(fake.requests.filter((r) => r.path === `/v23.0/${session}` && r.method === 'POST')).toHaveLength(sent.length);
    expect(fake.videos().filter((v) => v.description === text)).toEqual([expect.objectContaining({ size: video.length })]);
  });

  it('opens upload sessions with the user token of the person who granted the Page, never the Page token', async () => {
    const refused = await fetch(`${fake.url}/v23.0/${fake.appId}/uploads?file_name=v.mp4&file_length=10&file_type=video/mp4`, { method: 'POST', headers: { authorization: `Bearer ${pageToken}` } });
    expect(refused.status).toBe(400);
    const { ctx } = ctxFor([{ text: `Video without a grant token ${Date.now()}`, media: [media(video, { kind: 'video', mimeType: 'video/mp4' })] }], { grantToken: null });
    await expect(publisher.publish(ctx)).rejects.toMatchObject({ kind: 'invalid', message: expect.stringContaining('connect the Page again') });
  });

  it('settles a lost video answer from the Page’s videos, and fails with Facebook’s reason when processing fails', async () => {
    const text = `Lost video ${Date.now()}`;
    const { ctx, journal } = ctxFor([{ text, media: [media(video, { kind: 'video', mimeType: 'video/mp4' })] }]);
    fake.failNext(`/v23.0/${bakery}/videos`, { dropAfterHandling: true });
    await expect(publisher.publish(ctx)).rejects.toMatchObject({ ambiguous: true });
    expect(journal.pending?.step).toBe('video');
    const check = await publisher.findExisting(ctx, journal.pending!);
    const made = fake.videos().find((v) => v.description === text)!;
    expect(check).toMatchObject({ found: true, progress: { videoId: made.id, postId: made.id } });
    fake.failVideo(made.id, 'The video file is corrupt.');
    const again = ctxFor(ctx.parts, {}, memoryJournal((check as { progress: Record<string, unknown> }).progress));
    await expect(publishAll(again.ctx)).rejects.toMatchObject({ kind: 'invalid', code: 'video_processing_failed', message: expect.stringContaining('The video file is corrupt.') });
    expect(fake.videos().filter((v) => v.description === text)).toHaveLength(1);
  });

  it('publishes a Reel: start, bytes to rupload, finish, processing', async () => {
    const text = `A Reel ${Date.now()}`;
    const { ctx, journal } = ctxFor([{ text, media: [media(reelVideo, { kind: 'video', mimeType: 'video/mp4', width: 1080, height: 1920, durationSeconds: 8 })] }], { settings: { format: 'reel' } });
    const outcome = await publishAll(ctx);
    const reel = fake.videos().find((v) => v.description === text)!;
    expect(reel).toMatchObject({ kind: 'reel', received: reelVideo.length, publishing: 'complete' });
    expect(outcome).toEqual({ status: 'published', externalId: reel.id, url: `https://www.facebook.com/reel/${reel.id}` });
    // The Reel's id was in the journal before the finish that publishes it.
    expect(journal.events.indexOf('before:reel_finish')).toBeGreaterThan(journal.events.indexOf('save'));
    const rupload = fake.requests.find((r) => r.path === `/video-upload/v23.0/${reel.id}`)!;
    expect(rupload.headers).toMatchObject({ offset: '0', file_size: String(reelVideo.length) });
  });

  it('settles a lost Reel finish by the Reel’s own status, without a second finish', async () => {
    const text = `Lost finish ${Date.now()}`;
    const { ctx, journal } = ctxFor([{ text, media: [media(reelVideo, { kind: 'video', mimeType: 'video/mp4' })] }], { settings: { format: 'reel' } });
    fake.failNext(`/v23.0/${bakery}/video_reels`, {}); // the start goes through
    fake.failNext(`/v23.0/${bakery}/video_reels`, { dropAfterHandling: true });
    await expect(publisher.publish(ctx)).rejects.toMatchObject({ ambiguous: true });
    expect(journal.pending?.step).toBe('reel_finish');
    const check = await publisher.findExisting(ctx, journal.pending!);
    expect(check).toMatchObject({ found: true });
    const resumed = ctxFor(ctx.parts, { settings: ctx.settings }, memoryJournal((check as { progress: Record<string, unknown> }).progress));
    await publishAll(resumed.ctx);
    const videoId = String((check as { progress: Record<string, unknown> }).progress.videoId);
    expect(fake.requests.filter((r) => r.path === `/v23.0/${bakery}/video_reels` && r.body.upload_phase === 'finish' && r.body.video_id === videoId)).toHaveLength(1);
  });

  it('refuses a Reel over the Page’s 30 a day as a throttle to wait out', async () => {
    const small = await startFacebookFake({ reelsPerDay: 0 });
    try {
      const ends: FacebookEndpoints = { ...endpoints, graphUrl: small.url, graphVideoUrl: small.url, ruploadUrl: small.url, dialogUrl: small.url, appId: small.appId, appSecret: small.appSecret };
      const provider = createFacebookProvider(ends);
      const back = new URL(small.authorize(await provider.authorizationUrl({ state: 's', redirectUri, codeChallenge: 'c', instance: null })));
      const tokens = await provider.exchangeCode({ code: back.searchParams.get('code')!, state: 's', redirectUri, codeVerifier: 'c', instance: null });
      const [account] = await provider.accounts!(tokens, null);
      const { ctx } = ctxFor([{ text: 'reel', media: [media(reelVideo, { kind: 'video', mimeType: 'video/mp4' })] }], { settings: { format: 'reel' }, accessToken: account!.tokens.accessToken });
      await expect(createFacebookPublisher(ends).publish(ctx)).rejects.toMatchObject({ kind: 'transient', code: 'rate_limited' });
    } finally {
      await small.close();
    }
  });

  it('settles a lost post answer from the Page’s recent posts: no second post', async () => {
    const text = `Lost answer ${Date.now()}`;
    const { ctx, journal } = ctxFor([{ text, media: [] }]);
    fake.failNext(`/v23.0/${bakery}/feed`, { dropAfterHandling: true });
    await expect(publisher.publish(ctx)).rejects.toMatchObject({ ambiguous: true });
    const check = await publisher.findExisting(ctx, journal.pending!);
    const post = fake.posts.find((p) => p.message === text)!;
    expect(check).toEqual({ found: true, progress: expect.objectContaining({ postId: post.id }) });
    const again = ctxFor(ctx.parts, {}, memoryJournal((check as { progress: Record<string, unknown> }).progress));
    expect(await publisher.publish(again.ctx)).toMatchObject({ status: 'published', externalId: post.id });
    expect(fake.posts.filter((p) => p.message === text)).toHaveLength(1);
  });

  it('says "not created" for a post absent once Facebook had time to list it, "unknown" before', async () => {
    const { ctx } = ctxFor([{ text: `Never sent ${Date.now()}`, media: [] }]);
    expect(await publisher.findExisting(ctx, { step: 'feed', sentAt: new Date() })).toMatchObject({ found: 'unknown' });
    expect(await publisher.findExisting(ctx, { step: 'feed', sentAt: new Date(Date.now() - 1000) })).toEqual({ found: false });
  });

  it('takes 506 (duplicate) as a sign its own earlier attempt posted, not as a failure or a reason to resend', async () => {
    const text = `Duplicate ${Date.now()}`;
    const first = ctxFor([{ text, media: [] }]);
    // The first attempt posts but its answer is lost; a later attempt (as after an unknown check) gets 506.
    fake.failNext(`/v23.0/${bakery}/feed`, { dropAfterHandling: true });
    await expect(publisher.publish(first.ctx)).rejects.toMatchObject({ ambiguous: true });
    const again = ctxFor(first.ctx.parts, {}, memoryJournal(first.journal.progress));
    const outcome = await publishAll(again.ctx);
    const posts = fake.posts.filter((p) => p.message === text);
    expect(posts).toHaveLength(1);
    expect(outcome.externalId).toBe(posts[0]!.id);
  });

  it('refuses a repeat of another delivery’s post (506) with words, instead of claiming that post', async () => {
    const text = `Same words twice ${Date.now()}`;
    await publishAll(ctxFor([{ text, media: [] }]).ctx);
    // That post went out two minutes ago, before this delivery started.
    fake.posts.find((p) => p.message === text)!.createdAt -= 2 * 60_000;
    const error = await publishAll(ctxFor([{ text, media: [] }]).ctx).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'invalid', code: 'duplicate_post' });
    expect((error as Error).message).toContain('duplicate of a recent post');
  });

  it('settles a lost first comment from the post’s comments', async () => {
    const text = `Comment lost ${Date.now()}`;
    const { ctx, journal } = ctxFor([{ text, media: [] }], { firstComment: 'First!' });
    const created = await publishAll(ctxFor([{ text, media: [] }]).ctx);
    journal.progress = { kind: 'text', postId: created.externalId, url: null };
    fake.failNext(`/v23.0/${created.externalId}/comments`, { dropAfterHandling: true });
    await expect(publisher.publish(ctx)).rejects.toMatchObject({ ambiguous: true });
    const check = await publisher.findExisting(ctx, journal.pending!);
    expect(check).toMatchObject({ found: true, progress: { commentId: expect.any(String) } });
    const again = ctxFor(ctx.parts, { firstComment: 'First!' }, memoryJournal((check as { progress: Record<string, unknown> }).progress));
    await publishAll(again.ctx);
    expect(fake.comments.filter((c) => c.objectId === created.externalId)).toHaveLength(1);
  });

  it('turns Facebook’s refusals into failures with Meta’s words for the person', async () => {
    fake.refuseNextPost({ code: 100, subcode: 1609005, message: 'Error posting link', userMsg: 'The link could not be read by Facebook.' });
    const { ctx } = ctxFor([{ text: `Refused ${Date.now()}`, media: [] }]);
    await expect(publisher.publish(ctx)).rejects.toMatchObject({ kind: 'invalid', code: 'graph_100_1609005', message: 'Facebook: The link could not be read by Facebook.' });
    // A photo over 4 MB or not JPEG/PNG: Facebook's 1390008.
    const gif = Buffer.from('GIF89a............');
    await expect(publisher.publish(ctxFor([{ text: 'gif', media: [media(gif, { mimeType: 'image/gif' })] }]).ctx)).rejects.toMatchObject({ code: 'graph_100_1390008' });
  });

  it('names a permission the person unticked, without taking the token for broken', async () => {
    const { accounts } = await connect(['pages_show_list', 'pages_read_engagement']);
    const token = accounts.find((a) => a.externalId === bakery)!.tokens.accessToken;
    const { ctx } = ctxFor([{ text: `No permission ${Date.now()}`, media: [] }], { accessToken: token });
    const error = await publisher.publish(ctx).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'scope', scope: 'pages_manage_posts' });
    expect((error as Error).message).toContain('"pages_manage_posts"');
  });

  it('says why the Page tokens ended when the person changed their password (190/460)', async () => {
    fake.tokens.invalidateUser('10229384756102938', 460);
    const { ctx } = ctxFor([{ text: `After password change ${Date.now()}`, media: [] }]);
    const error = await publisher.publish(ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'auth', code: 'graph_190_460' });
    expect((error as Error).message).toContain('password was changed');
  });

  it('holds the Page back when the usage headers near 100%, before the next post', async () => {
    fake.setUsage({ business: { id: bakery, type: 'pages', percent: 95, regainMinutes: 3 } });
    await publishAll(ctxFor([{ text: `Near the budget ${Date.now()}`, media: [] }]).ctx);
    fake.setUsage({});
    const error = await publisher.publish(ctxFor([{ text: `Held back ${Date.now()}`, media: [] }]).ctx).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'transient', code: 'usage_high' });
    expect((error as ProviderError).retryAfterMs).toBeGreaterThan(2 * 60_000);
  });

  it('reads reactions, comments, shares and reach; a deleted post has none; no read_insights keeps the counters', async () => {
    const text = `Measured ${Date.now()}`;
    const outcome = await publishAll(ctxFor([{ text, media: [] }]).ctx);
    fake.engage(outcome.externalId, { reactions: 41, shares: 3, comments: ['Yum', 'Where?'], reach: 950, views: 1400 });
    const metricsCtx = { accessToken: pageToken, instance: null, externalAccountId: bakery };
    const read = await publisher.readMetrics!(metricsCtx, [outcome.externalId, `${bakery}_999`]);
    expect(read.get(outcome.externalId)).toEqual({ views: 1400, likes: 41, comments: 2, shares: 3, reach: 950, extra: {} });
    expect(read.has(`${bakery}_999`)).toBe(false);
    const { accounts } = await connect(['pages_show_list', 'pages_read_engagement', 'pages_manage_posts']);
    const noInsights = { ...metricsCtx, accessToken: accounts.find((a) => a.externalId === bakery)!.tokens.accessToken };
    expect((await publisher.readMetrics!(noInsights, [outcome.externalId])).get(outcome.externalId)).toMatchObject({ likes: 41, comments: 2, shares: 3, reach: null, views: null });
  });

  it('keeps a post id beyond 2^53 exact', async () => {
    const id = `${bakery}_9223372036854775801`;
    fake.setNextPostId(id);
    const outcome = await publishAll(ctxFor([{ text: `Big id ${Date.now()}`, media: [] }]).ctx);
    expect(outcome.externalId).toBe(id);
  });

  it('revokes with the person’s user token: every Page token ends with the grant', async () => {
    const { provider, tokens } = await connect();
    await provider.revoke(tokens.refreshToken!, null);
    expect(fake.revocations).toContain(tokens.externalId);
    expect(fake.tokens.find(pageToken)?.invalidated).toBe(458);
    // Revoking an already-ended grant is not an error.
    await expect(provider.revoke(tokens.refreshToken!, null)).resolves.toBeUndefined();
    expect(userTokens.externalId).toBe(tokens.externalId);
  });

  it('accepts Meta’s signed deauthorize and deletion calls and refuses forged ones', async () => {
    const config = { facebookAppSecret: fake.appSecret } as Config;
    const good = signedRequest(fake.appSecret, '10229384756102938');
    expect(await facebookServer.callbacks!['data-deletion']!({ config, fields: { signed_request: good } })).toEqual({ ok: true, kind: 'data-deletion', ownerExternalId: '10229384756102938' });
    expect(await facebookServer.callbacks!.deauthorize!({ config, fields: { signed_request: good } })).toMatchObject({ ok: true, kind: 'deauthorize' });
    const forged = signedRequest('not-the-secret', '10229384756102938');
    expect(await facebookServer.callbacks!.deauthorize!({ config, fields: { signed_request: forged } })).toMatchObject({ ok: false, status: 403 });
    expect(await facebookServer.callbacks!.deauthorize!({ config, fields: {} })).toMatchObject({ ok: false, status: 403 });
  });
});

describe('Facebook Pages through Herald (HTTP API, jobs, picker)', () => {
  let fake: FacebookFake;
  let h: TestHerald;
  let owner: Awaited<ReturnType<typeof signUp>>;
  let workspaceId: string;
  let bakeryChannel: string;
  let booksChannel: string;
  const bakery = '104938128492011';
  const books = '104938128492012';
  const api = (path: string) => `/api/v1/workspaces/${workspaceId}${path}`;
  const settled = (post: { deliveries: { state: string }[] }) => post.deliveries.every((d) => ['published', 'failed', 'cancelled', 'unconfirmed'].includes(d.state));

  async function post(channels: { channelId: string; settings?: Record<string, unknown>; utm?: Record<string, string> }[], content: Record<string, unknown>) {
    const created = await owner.client.post(api('/posts'), { content, channels, schedule: { mode: 'now' } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return waitForPost(owner.client, workspaceId, created.body.id, settled, 40_000);
  }
  const upload = (bytes: Buffer, name: string, type: string) => uploadMedia(h, owner.client, workspaceId, { bytes, name, type });

  beforeAll(async () => {
    fake = await startFacebookFake({ processingMs: 200 });
    h = await startTestHerald({ env: { ...fastEngineEnv, ...facebookEnv(fake) } });
    owner = await signUp(h.url);
    workspaceId = (await owner.client.post('/api/v1/workspaces', { name: 'Facebook agency' })).body.id;
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    await fake?.close();
  });

  it('offers every Page of the login in the picker and connects the two chosen, with the person as owner', async () => {
    const start = await owner.client.post(api('/channels/connect'), { network: 'facebook' });
    const callback = new URL(fake.authorize(start.body.authorizationUrl));
    const back = await owner.client.get(callback.pathname + callback.search);
    const selectionId = new URL(back.headers.get('location')!, h.url).searchParams.get('choose')!;
    const offered = await owner.client.get(api(`/channels/selections/${selectionId}`));
    expect(offered.body.accounts.map((a: { externalId: string; displayName: string; note: string }) => [a.externalId, a.displayName, a.note])).toEqual([
      [bakery, 'Herald Bakery', 'Page · Bakery'],
      [books, 'Herald Books', 'Page · Book store'],
      ['104938128492013', 'Herald Archive', 'Page · Community · your role on this Page cannot publish'],
    ]);
    // The Page tokens never reach the browser.
    expect(JSON.stringify(offered.body)).not.toMatch(/EAA/);
    const picked = await owner.client.post(api(`/channels/selections/${selectionId}`), { externalIds: [bakery, books] });
    expect(picked.status).toBe(201);
    [bakeryChannel, booksChannel] = [bakery, books].map((id) => picked.body.channels.find((c: { externalId: string }) => c.externalId === id).id);
    const rows = await h.herald.database.db.select().from(channels).where(eq(channels.workspaceId, workspaceId));
    expect(rows.map((r) => [r.externalId, r.ownerExternalId, r.status]).sort()).toEqual([
      [bakery, '10229384756102938', 'ok'],
      [books, '10229384756102938', 'ok'],
    ]);
  });

  it('publishes a multi-photo post with its first comment to two Pages, once each', async () => {
    const jpeg = await sharp({ create: { width: 80, height: 80, channels: 3, background: '#aa3300' } }).jpeg().toBuffer();
    const png = await sharp({ create: { width: 80, height: 80, channels: 4, background: '#0033aa' } }).png().toBuffer();
    const [a, b] = [await upload(jpeg, 'a.jpg', 'image/jpeg'), await upload(png, 'b.png', 'image/png')];
    const text = `Two photos, two Pages ${Date.now()}`;
    const done = await post([{ channelId: bakeryChannel }, { channelId: booksChannel }], { text, media: [{ mediaId: a.id, altText: 'Loaves' }, { mediaId: b.id }], firstComment: 'Open until 6 pm' });
    expect(done.deliveries.map((d: { state: string }) => d.state)).toEqual(['published', 'published']);
    const made = fake.posts.filter((p) => p.message === text);
    expect(made.map((p) => [p.pageId, p.kind, p.photoIds.length]).sort()).toEqual([
      [bakery, 'photos', 2],
      [books, 'photos', 2],
    ]);
    for (const p of made) expect(fake.comments.filter((c) => c.objectId === p.id).map((c) => [c.message, c.fromId])).toEqual([['Open until 6 pm', p.pageId]]);
    expect(done.deliveries.map((d: { externalUrl: string }) => d.externalUrl).sort()).toEqual(made.map((p) => `https://www.facebook.com/${p.id}`).sort());
  });

  it("publishes a post's link card with the channel's UTM tags in the text and the link; bad cards and tags are refused with their field", async () => {
    const text = `Our menu https://bakery.example/menu?day=mon. ${Date.now()}`;
    const linkCard = { url: 'https://bakery.example/menu?day=mon', title: 'Menu', description: 'What we bake', imageUrl: null };
    const done = await post([{ channelId: bakeryChannel, utm: { medium: 'social', campaign: 'spring' } }], { text, linkCard });
    expect(done.deliveries[0]).toMatchObject({ state: 'published', content: { linkCard, utm: { medium: 'social', campaign: 'spring' } } });
    const tagged = 'https://bakery.example/menu?day=mon&utm_source=facebook&utm_medium=social&utm_campaign=spring';
    expect(fake.posts.find((p) => p.link === tagged)).toMatchObject({ message: text.replace('https://bakery.example/menu?day=mon', tagged) });

    const refused = async (body: Record<string, unknown>) => {
      const res = await owner.client.post(api('/posts'), { schedule: { mode: 'draft' }, ...body });
      expect(res.status).toBe(400);
      return res.body.error as { details: { issues?: { field: string; message: string }[] } };
    };
    const badImage = await refused({ content: { text: 'x', linkCard: { ...linkCard, imageUrl: 'javascript:alert(1)' } }, channels: [{ channelId: bakeryChannel }] });
    expect(JSON.stringify(badImage)).toContain('content.linkCard.imageUrl');
    const badUtm = await refused({ content: { text: 'x' }, channels: [{ channelId: bakeryChannel, utm: { campaign: 'a\nb' } }] });
    expect(JSON.stringify(badUtm)).toContain('channels.0.utm.campaign');
  });

  it('publishes text with a link, a video and a Reel', async () => {
    const text = `Menu link ${Date.now()}`;
    const linked = await post([{ channelId: bakeryChannel, settings: { link: 'https://bakery.example/menu' } }], { text });
    expect(linked.deliveries[0].state).toBe('published');
    expect(fake.posts.find((p) => p.message === text)).toMatchObject({ link: 'https://bakery.example/menu', kind: 'status' });

    const clip = await upload(buildMp4({ durationSeconds: 5, width: 1280, height: 720, frameRate: 30 }), 'clip.mp4', 'video/mp4');
    const videoText = `A video ${Date.now()}`;
    const video = await post([{ channelId: bakeryChannel, settings: { videoTitle: 'Kneading' } }], { text: videoText, media: [{ mediaId: clip.id }] });
    expect(video.deliveries[0]).toMatchObject({ state: 'published' });
    expect(fake.videos().find((v) => v.description === videoText)).toMatchObject({ kind: 'video', title: 'Kneading', id: video.deliveries[0].externalId });

    const vertical = await upload(buildMp4({ durationSeconds: 7, width: 1080, height: 1920, frameRate: 30 }), 'reel.mp4', 'video/mp4');
    const reelText = `A Reel ${Date.now()}`;
    const reel = await post([{ channelId: bakeryChannel, settings: { format: 'reel' } }], { text: reelText, media: [{ mediaId: vertical.id }] });
    expect(reel.deliveries[0]).toMatchObject({ state: 'published', externalUrl: `https://www.facebook.com/reel/${reel.deliveries[0].externalId}` });
    expect(fake.videos().find((v) => v.description === reelText)).toMatchObject({ kind: 'reel', publishing: 'complete' });
  }, 60_000);

  it('refuses before saving a Reel that is not one vertical video', async () => {
    const clip = await upload(buildMp4({ durationSeconds: 5, width: 1280, height: 720, frameRate: 30 }), 'wide.mp4', 'video/mp4');
    const res = await owner.client.post(api('/posts'), { content: { text: 'Wide reel', media: [{ mediaId: clip.id }] }, channels: [{ channelId: bakeryChannel, settings: { format: 'reel' } }], schedule: { mode: 'now' } });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('Facebook: a Reel must be vertical, 9:16');
  });

  it('a changed password ends every Page token: the post fails and the channels need the person again', async () => {
    fake.tokens.invalidateUser('10229384756102938', 460);
    const done = await post([{ channelId: booksChannel }], { text: `After the password change ${Date.now()}` });
    expect(done.deliveries[0].state).toBe('failed');
    const [row] = await h.herald.database.db.select().from(channels).where(eq(channels.id, booksChannel));
    expect(row).toMatchObject({ status: 'needs_reauth' });
    // Meta's reason, not only "rejected": the person knows why they must connect again.
    expect(row!.statusReason).toBe("Facebook refused Herald's access: the account password was changed");
  });

  it('a login that lists no Page (pages_show_list unticked) connects nothing and ends the grant at once', async () => {
    const start = await owner.client.post(api('/channels/connect'), { network: 'facebook' });
    const callback = new URL(fake.authorize(start.body.authorizationUrl, { grant: ['pages_read_engagement', 'pages_manage_posts'] }));
    const revokedBefore = fake.revocations.length;
    const back = await owner.client.get(callback.pathname + callback.search);
    expect(JSON.stringify({ location: back.headers.get('location'), body: back.body })).toContain('no_accounts');
    expect(fake.revocations.length).toBe(revokedBefore + 1);
  });

  it('Meta’s data deletion call for the person ends both Page channels; a forged one changes nothing', async () => {
    const call = (body: string) => fetch(new URL('/api/v1/networks/facebook/callbacks/data-deletion', h.url), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    const forged = await call(new URLSearchParams({ signed_request: signedRequest('not-the-app-secret', '10229384756102938') }).toString());
    expect(forged.status).toBe(403);
    const rows = () => h.herald.database.db.select().from(channels).where(eq(channels.workspaceId, workspaceId));
    expect((await rows()).find((r) => r.id === bakeryChannel)?.status).toBe('ok');
    const genuine = await call(new URLSearchParams({ signed_request: signedRequest(fake.appSecret, '10229384756102938') }).toString());
    expect(genuine.status).toBe(200);
    const answer = (await genuine.json()) as { url: string; confirmation_code: string };
    expect(answer.url).toContain(answer.confirmation_code);
    expect((await rows()).map((r) => [r.externalId, r.status, r.accessTokenSealed]).sort()).toEqual([
      [bakery, 'disconnected', null],
      [books, 'disconnected', null],
    ]);
  });

  it('disconnecting one of a person’s Pages keeps their grant for the other; the last one revokes it', async () => {
    const [again, other] = await connectFacebookPages(h, owner.client, workspaceId, fake, [bakery, books]);
    expect([again, other]).toEqual([bakeryChannel, booksChannel]);
    const revokes = () => fake.requests.filter((r) => r.method === 'DELETE' && r.path.endsWith('/permissions')).length;
    const before = revokes();
    const first = await owner.client.delete(api(`/channels/${bakeryChannel}`));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ revokedAtNetwork: false, revokeSkipped: 'grant_shared' });
    expect(revokes()).toBe(before);
    const last = await owner.client.delete(api(`/channels/${booksChannel}`));
    expect(last.body).toMatchObject({ revokedAtNetwork: true });
    expect(revokes()).toBe(before + 1);
  });
});
