import sharp from 'sharp';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { channels, deliveryMetrics } from '../../src/server/db/schema/index.ts';
import { buildMp4 } from '../helpers/mp4.ts';
import { fastEngineEnv, runJobNow, uploadMedia, waitForPost } from '../helpers/publishing.ts';
import { signUp, startTestHerald, type TestHerald } from '../helpers/test-herald.ts';
import { createTeam } from '../helpers/workspace-team.ts';
import { connectPinterest } from '../fakes/pinterest/connect.ts';
import { pinterestEnv, startPinterestFake, type PinterestFake } from '../fakes/pinterest/pinterest-fake.ts';

// What is special to Pinterest beyond the conformance suite: boards and sections read for the
// composer, a board made from the composer (the network-neutral actions route), image, carousel
// and video pins (the S3-style upload form, processing, the cover), a lost answer settled from
// the board's pins, and the x-ratelimit-* headers honoured before Pinterest has to say 429.
describe('Pinterest publishing', () => {
  let fake: PinterestFake;
  let h: TestHerald;
  let owner: Awaited<ReturnType<typeof signUp>>;
  let workspaceId: string;
  let channelId: string;
  const api = (path: string) => `/api/v1/workspaces/${workspaceId}${path}`;
  const settled = (post: { deliveries: { state: string }[] }) => post.deliveries.every((d) => ['published', 'failed', 'cancelled'].includes(d.state));
  const image = (background: string, type: 'jpeg' | 'png' = 'jpeg', width = 1000, height = 1500) => {
    const picture = sharp({ create: { width, height, channels: 3, background } });
    return (type === 'png' ? picture.png() : picture.jpeg()).toBuffer();
  };
  const upload = async (bytes: Buffer, name: string, type: string) => (await uploadMedia(h, owner.client, workspaceId, { bytes, name, type })).id;

  async function publish(content: Record<string, unknown>, settings: Record<string, unknown>, timeoutMs = 30_000) {
    await h.herald.database.db.update(channels).set({ publishNotBefore: null }).where(eq(channels.id, channelId));
    const created = await owner.client.post(api('/posts'), { content, channels: [{ channelId, settings }], schedule: { mode: 'now' } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const done = await waitForPost(owner.client, workspaceId, created.body.id, settled, timeoutMs);
    return { ...done.deliveries[0], postId: created.body.id as string };
  }
  const logOf = async (postId: string, deliveryId: string) => JSON.stringify((await owner.client.get(api(`/posts/${postId}/deliveries/${deliveryId}/log`))).body);

  beforeAll(async () => {
    fake = await startPinterestFake({
      processingMs: 300,
      users: [
        { id: '1151112235690000001', username: 'herald.tester', businessName: 'Herald Tester', profileImage: 'https://i.pinimg.example/herald-tester.jpg', accountType: 'BUSINESS' },
        { id: '1151112235690000002', username: 'second.pinner', businessName: null, profileImage: 'https://i.pinimg.example/second.jpg', accountType: 'PINNER' },
      ],
    });
    h = await startTestHerald({ env: { ...fastEngineEnv, ...pinterestEnv(fake) } });
    owner = await signUp(h.url);
    workspaceId = (await owner.client.post('/api/v1/workspaces', { name: 'Pins' })).body.id;
    channelId = await connectPinterest(h, owner.client, workspaceId, fake);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await fake?.close();
  });
  beforeEach(() => fake.setRateLimit('org_write', 100, 60_000));

  const recipes = () => fake.boards().find((b) => b.name === 'Recipes')!;

  it('connects with the granted scopes and the profile from user_account', async () => {
    const channel = (await owner.client.get(api('/channels'))).body.items.find((c: { id: string }) => c.id === channelId);
    expect(channel).toMatchObject({ network: 'pinterest', username: 'herald.tester', displayName: 'Herald Tester', status: 'ok', missingFeatures: [], limits: { accountType: 'BUSINESS' } });
    expect(channel.scopesGranted).toEqual(['boards:read', 'boards:write', 'pins:read', 'pins:write', 'user_accounts:read']);
    // The token call authenticated the app with HTTP Basic, never with the secret in the form.
    const tokenCall = fake.requests.find((r) => r.path === '/v5/oauth/token')!;
    expect(tokenCall.headers.authorization).toBe(`Basic ${Buffer.from(`${fake.clientId}:${fake.clientSecret}`).toString('base64')}`);
    expect(tokenCall.body.client_secret).toBeUndefined();
  });

  it('lists the boards with their sections for the composer', async () => {
    const res = await owner.client.get(api(`/channels/${channelId}/preflight`));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.boards.map((b: { name: string }) => b.name)).toEqual(['Recipes', 'Travel']);
    expect(res.body.boards[0]).toMatchObject({ id: recipes().id, privacy: 'PUBLIC', sections: [{ name: 'Salads' }, { name: 'Soups' }] });
    // TikTok's creator-info address is not Pinterest's: refused with a reason, not a server error.
    const creatorInfo = await owner.client.get(api(`/channels/${channelId}/creator-info`));
    expect(creatorInfo.status).toBe(400);
    expect(creatorInfo.body.error.code).toBe('channel.no_preflight');
  });

  it('publishes an image pin to the chosen board and section, with title, link and alt text', async () => {
    const mediaId = await upload(await image('#bd081c'), 'pin.jpg', 'image/jpeg');
    const board = recipes();
    const text = `Green salad in ten minutes ${Date.now()}`;
    const delivery = await publish(
      { text, media: [{ mediaId, altText: 'A bowl of green salad' }] },
      { boardId: board.id, boardSectionId: board.sections[0]!.id, title: 'Ten-minute salad', link: 'https://example.com/salad' },
    );
    expect(delivery).toMatchObject({ state: 'published', externalUrl: `https://www.pinterest.com/pin/${delivery.externalId}/` });
    const pin = fake.pins().find((p) => p.id === delivery.externalId)!;
    expect(pin).toMatchObject({ kind: 'image', boardId: board.id, boardSectionId: board.sections[0]!.id, title: 'Ten-minute salad', description: text, link: 'https://example.com/salad', altText: 'A bowl of green salad' });
    expect(pin.images).toEqual([{ contentType: 'image/jpeg', bytes: expect.any(Number) }]);
    expect(pin.images[0]!.bytes).toBeGreaterThan(1000);
  });

  it('publishes a carousel pin of PNG images', async () => {
    const ids = [await upload(await image('#111111', 'png'), 'a.png', 'image/png'), await upload(await image('#222222', 'png'), 'b.png', 'image/png'), await upload(await image('#333333', 'png'), 'c.png', 'image/png')];
    const text = `Three soups ${Date.now()}`;
    const delivery = await publish({ text, media: ids.map((mediaId) => ({ mediaId })) }, { boardId: recipes().id });
    expect(delivery.state).toBe('published');
    const pin = fake.pins().find((p) => p.id === delivery.externalId)!;
    expect(pin.kind).toBe('carousel');
    expect(pin.images.map((i) => i.contentType)).toEqual(['image/png', 'image/png', 'image/png']);
  });

  it('refuses a pin without a board before anything is sent, and checks the rules', async () => {
    const mediaId = await upload(await image('#bd081c'), 'pin.jpg', 'image/jpeg');
    const before = fake.requests.length;
    const noBoard = await owner.client.post(api('/posts'), { content: { text: 'Where does it go?', media: [{ mediaId }] }, channels: [{ channelId }], schedule: { mode: 'now' } });
    expect(noBoard.status).toBe(400);
    expect(JSON.stringify(noBoard.body)).toContain('settings.boardId');
    expect(JSON.stringify(noBoard.body)).toContain('choose the board');
    const tooLong = await owner.client.post(api('/posts'), { content: { text: 'x', media: [{ mediaId }] }, channels: [{ channelId, settings: { boardId: recipes().id, title: 't'.repeat(101), link: 'ftp://example.com' } }], schedule: { mode: 'now' } });
    expect(tooLong.status).toBe(400);
    expect(JSON.stringify(tooLong.body)).toContain('settings.title');
    expect(JSON.stringify(tooLong.body)).toContain('settings.link');
    expect(fake.requests.slice(before).filter((r) => r.path.startsWith('/v5/'))).toEqual([]);
  });

  it('publishes a video pin: registered, uploaded through the signed form, processed, pinned with its cover image, then its views read', async () => {
    const video = buildMp4({ durationSeconds: 6, width: 720, height: 1280, frameRate: 30 });
    const videoId = await upload(video, 'clip.mp4', 'video/mp4');
    const coverId = await upload(await image('#f0c000', 'jpeg', 720, 1280), 'cover.jpg', 'image/jpeg');
    const text = `How to fold dumplings ${Date.now()}`;
    // Longer than the first status check: Herald sees the video still processing once.
    fake.setProcessingMs(4_000);
    const delivery = await publish({ text, media: [{ mediaId: videoId }, { mediaId: coverId }] }, { boardId: recipes().id, title: 'Dumplings', coverMediaId: coverId });
    fake.setProcessingMs(300);
    expect(delivery.state, delivery.errorMessage).toBe('published');
    const pin = fake.pins().find((p) => p.id === delivery.externalId)!;
    expect(pin).toMatchObject({ kind: 'video', description: text, cover: { kind: 'data', contentType: 'image/jpeg' } });
    // The fake accepted the form only with every signed field, the file last: its bytes are the video's.
    const media = fake.media().find((m) => m.id === pin.mediaId)!;
    expect(media).toMatchObject({ status: 'succeeded', uploadedBytes: video.length });
    const log = await logOf(delivery.postId, delivery.id);
    expect(log).toContain('media-status');
    expect(log).toContain('processing');

    fake.engage(pin.id, { IMPRESSION: 300, SAVE: 12, PIN_CLICK: 30, OUTBOUND_CLICK: 4, VIDEO_MRC_VIEW: 120 });
    await h.herald.database.db.delete(deliveryMetrics).where(eq(deliveryMetrics.deliveryId, delivery.id));
    await runJobNow(h, 'analytics.collect');
    const post = (await owner.client.get(api(`/posts/${delivery.postId}`))).body;
    expect(post.deliveries[0].metrics).toMatchObject({ views: 300, shares: 12, reach: null, extra: { pinClicks: 30, outboundClicks: 4, videoViews: 120 } });
  }, 60_000);

  it('pins a video with the frame chosen as its cover, and fails with Pinterest’s reason when processing fails', async () => {
    const videoId = await upload(buildMp4({ durationSeconds: 8, width: 1080, height: 1080, frameRate: 30 }), 'square.mp4', 'video/mp4');
    const framed = await publish({ text: `Frame cover ${Date.now()}`, media: [{ mediaId: videoId }] }, { boardId: recipes().id, coverKeyFrameSeconds: 3 });
    expect(framed.state).toBe('published');
    expect(fake.pins().find((p) => p.id === framed.externalId)!.cover).toEqual({ kind: 'frame', seconds: 3 });

    fake.failNextVideo();
    const text = `Broken video ${Date.now()}`;
    const failed = await publish({ text, media: [{ mediaId: videoId }] }, { boardId: recipes().id });
    expect(failed).toMatchObject({ state: 'failed', errorCode: 'video_failed' });
    expect(failed.errorMessage).toContain('Pinterest could not process the video');
    expect(fake.pins().filter((p) => p.description === text)).toEqual([]);
  }, 60_000);

  it('settles a lost answer from the board’s pins, without a duplicate', async () => {
    const mediaId = await upload(await image('#00aa66'), 'pin.jpg', 'image/jpeg');
    const text = `Lost answer ${Date.now()}`;
    const board = recipes();
    const listedBefore = fake.requests.filter((r) => r.path === `/v5/boards/${board.id}/pins`).length;
    fake.failNextPinCreate({ dropAfterHandling: true });
    const delivery = await publish({ text, media: [{ mediaId }] }, { boardId: board.id, title: 'Lost', link: 'https://example.com/lost' }, 60_000);
    expect(delivery.state).toBe('published');
    const made = fake.pins().filter((p) => p.description === text);
    expect(made.map((p) => p.id)).toEqual([delivery.externalId]);
    expect(fake.requests.filter((r) => r.path === `/v5/boards/${board.id}/pins`).length).toBeGreaterThan(listedBefore);
    expect(await logOf(delivery.postId, delivery.id)).toContain('unconfirmed');
  }, 90_000);

  it('waits for the rate-limit window Pinterest announced in x-ratelimit-* instead of running into a 429', async () => {
    // One creating call per 8 s: registering the video spends the window, the pin must wait for its reset.
    fake.setRateLimit('org_write', 1, 8_000);
    const videoId = await upload(buildMp4({ durationSeconds: 5, width: 720, height: 1280, frameRate: 30 }), 'wait.mp4', 'video/mp4');
    const throttledBefore = fake.throttled.length;
    const delivery = await publish({ text: `Rate limited ${Date.now()}`, media: [{ mediaId: videoId }] }, { boardId: recipes().id }, 45_000);
    expect(delivery.state, delivery.errorMessage).toBe('published');
    expect(fake.throttled.slice(throttledBefore)).toEqual([]);
    const pin = fake.pins().find((p) => p.id === delivery.externalId)!;
    const media = fake.media().find((m) => m.id === pin.mediaId)!;
    expect(pin.createdAt - media.registeredAt).toBeGreaterThanOrEqual(7_000);
  }, 60_000);

  it('asks for a reconnect when Pinterest refuses the refresh token, and tells the person where to remove Herald on disconnect', async () => {
    const other = (await owner.client.post('/api/v1/workspaces', { name: 'Expiring' })).body.id as string;
    // Another Pinterest account, so the other tests' channel keeps working.
    fake.setNextUser(fake.users[1]!.id);
    const expiring = await connectPinterest(h, owner.client, other, fake);
    fake.setNextUser(fake.users[0]!.id);
    fake.expireAccessTokens(fake.users[1]!.id);
    fake.expireRefreshTokens(fake.users[1]!.id);
    await h.herald.database.db.update(channels).set({ accessTokenExpiresAt: new Date(Date.now() - 60_000) }).where(eq(channels.id, expiring));
    await owner.client.post(`/api/v1/workspaces/${other}/channels/${expiring}/refresh`);
    const row = (await h.herald.database.db.select().from(channels).where(eq(channels.id, expiring)))[0]!;
    expect(row.status).toBe('needs_reauth');
    expect(row.statusReason ?? '').toContain('Pinterest refused the token refresh');
    const listed = await owner.client.request('GET', `/api/v1/workspaces/${other}/channels`, undefined, { 'accept-language': 'fr' });
    expect(JSON.stringify(listed.body)).toContain('Pinterest a refusé le renouvellement du jeton');
    const networks = (await owner.client.get('/api/v1/networks')).body;
    expect(JSON.stringify(networks)).toContain('Settings › Security and logins › Apps');
  });

  describe('create-board, the composer’s action', () => {
    const action = (name: string, body: unknown, client = owner.client, ws = workspaceId, channel = channelId) => client.post(`/api/v1/workspaces/${ws}/channels/${channel}/actions/${name}`, body);

    it('creates a board at Pinterest and answers it; the boards list shows it', async () => {
      const res = await action('create-board', { name: 'Summer recipes', description: 'Cold dishes', privacy: 'SECRET' });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.board).toMatchObject({ id: expect.stringMatching(/^\d+$/), name: 'Summer recipes', privacy: 'SECRET', sections: [] });
      expect(fake.boards().find((b) => b.id === res.body.board.id)).toMatchObject({ name: 'Summer recipes', description: 'Cold dishes', privacy: 'SECRET' });
      const listed = await owner.client.get(api(`/channels/${channelId}/preflight`));
      expect(listed.body.boards.map((b: { name: string }) => b.name)).toContain('Summer recipes');
    });

    it('refuses bad input with the field and reason (400), an unknown action (404), and Pinterest’s refusal', async () => {
      const before = fake.requests.length;
      const empty = await action('create-board', { name: '  ' });
      expect(empty.status).toBe(400);
      expect(empty.body.error).toMatchObject({ code: 'validation_failed', details: { issues: [{ field: 'body.name', message: 'must not be empty' }] } });
      const long = await action('create-board', { name: 'n'.repeat(181) });
      expect(long.body.error.details.issues[0]).toMatchObject({ field: 'body.name', message: 'must be at most 180 characters' });
      const privacy = await action('create-board', { name: 'Ok', privacy: 'EVERYONE' });
      expect(privacy.status).toBe(400);
      expect(privacy.body.error.details.issues[0].field).toBe('body.privacy');
      const extra = await action('create-board', { name: 'Ok', colour: 'red' });
      expect(extra.status).toBe(400);
      expect(fake.requests.slice(before).filter((r) => r.path.startsWith('/v5/'))).toEqual([]);

      const unknown = await action('delete-everything', {});
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.code).toBe('channel.action_not_found');
      const noChannel = await action('create-board', { name: 'Ok' }, owner.client, workspaceId, 'does-not-exist');
      expect(noChannel.status).toBe(404);

      // Pinterest refuses a second board of the same name: its words reach the composer.
      const duplicate = await action('create-board', { name: 'Recipes' });
      expect(duplicate.status).toBe(502);
      expect(duplicate.body.error).toMatchObject({ code: 'channel.network_refused' });
      expect(duplicate.body.error.message).toContain('You already have a board with this name.');
    });

    it('needs the posts.edit permission: viewers and approvers are refused (403), editors may', async () => {
      const team = await createTeam(h.url, 'Board makers');
      const teamChannel = await connectPinterest(h, team.members.owner.client, team.workspaceId, fake);
      for (const role of ['viewer', 'approver'] as const) {
        const res = await action('create-board', { name: `By ${role}` }, team.members[role].client, team.workspaceId, teamChannel);
        expect(res.status, role).toBe(403);
        expect(res.body.error).toMatchObject({ code: 'auth.forbidden', details: { permission: 'posts.edit' } });
      }
      const editor = await action('create-board', { name: 'By editor' }, team.members.editor.client, team.workspaceId, teamChannel);
      expect(editor.status).toBe(200);
      expect(fake.boards().map((b) => b.name)).not.toContain('By viewer');
    });

    it('without boards:write the action is refused with the permission to grant, and Pinterest is not asked', async () => {
      const other = (await owner.client.post('/api/v1/workspaces', { name: 'Read only' })).body.id as string;
      const limited = await connectPinterest(h, owner.client, other, fake, { grant: ['boards:read', 'pins:read', 'user_accounts:read'] });
      const before = fake.requests.length;
      const res = await action('create-board', { name: 'Nope' }, owner.client, other, limited);
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({ code: 'channel.scope_missing', details: { scope: 'boards:write' } });
      expect(fake.requests.slice(before).filter((r) => r.path.startsWith('/v5/'))).toEqual([]);
    });
  });
});
