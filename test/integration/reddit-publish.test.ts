import sharp from 'sharp';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels, deliveryMetrics } from '../../src/server/db/schema/index.ts';
import { buildMp4 } from '../helpers/mp4.ts';
import { fastEngineEnv, runJobNow, uploadMedia, waitFor, waitForPost } from '../helpers/publishing.ts';
import { signUp, startTestHerald, type TestHerald } from '../helpers/test-herald.ts';
import { connectReddit } from '../fakes/reddit/connect.ts';
import { redditEnv, startRedditFake, type RedditFake } from '../fakes/reddit/reddit-fake.ts';

// What is special to Reddit beyond the conformance suite: the subreddit picker and a subreddit's
// rules read through the network actions and checked at save (required flair, no text posts),
// Reddit's own throttle (RATELIMIT "try again in 3 minutes") waited out exactly, a lost answer
// settled from the submitted listing, image, video, gallery and link posts (resubmit=false), the
// descriptive User-Agent, one refresh without rotation, and score / upvote ratio / comments.
describe('Reddit publishing', () => {
  let fake: RedditFake;
  let h: TestHerald;
  let owner: Awaited<ReturnType<typeof signUp>>;
  let workspaceId: string;
  let channelId: string;
  const api = (path: string) => `/api/v1/workspaces/${workspaceId}${path}`;
  const settled = (post: { deliveries: { state: string }[] }) => post.deliveries.every((d) => ['published', 'failed', 'cancelled'].includes(d.state));
  const image = (background: string) => sharp({ create: { width: 1200, height: 900, channels: 3, background } }).jpeg().toBuffer();
  const upload = async (bytes: Buffer, name: string, type: string) => (await uploadMedia(h, owner.client, workspaceId, { bytes, name, type })).id;
  const submits = () => fake.requests.filter((r) => r.method === 'POST' && (r.path === '/api/submit' || r.path === '/api/submit_gallery_post.json'));
  const action = (name: string, body: Record<string, unknown>) => owner.client.post(api(`/channels/${channelId}/actions/${name}`), body);
  const flairOf = (subreddit: string, text: string) => fake.subreddits.find((s) => s.name === subreddit)!.flairs!.find((f) => f.text === text)!.id;

  async function schedule(content: Record<string, unknown>, settings: Record<string, unknown>) {
    // Each test is about its own post: a slow-down asked by an earlier test's post does not apply.
    await h.herald.database.db.update(channels).set({ publishNotBefore: null }).where(eq(channels.id, channelId));
    return owner.client.post(api('/posts'), { content, channels: [{ channelId, settings }], schedule: { mode: 'now' } });
  }
  async function publish(content: Record<string, unknown>, settings: Record<string, unknown>, timeoutMs = 30_000) {
    const created = await schedule(content, settings);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const done = await waitForPost(owner.client, workspaceId, created.body.id, settled, timeoutMs);
    return { ...done.deliveries[0], postId: created.body.id as string };
  }
  const logOf = async (postId: string, deliveryId: string) => JSON.stringify((await owner.client.get(api(`/posts/${postId}/deliveries/${deliveryId}/log`))).body);

  beforeAll(async () => {
    fake = await startRedditFake({ processingMs: 300 });
    h = await startTestHerald({ env: { ...fastEngineEnv, ...redditEnv(fake) } });
    owner = await signUp(h.url);
    workspaceId = (await owner.client.post('/api/v1/workspaces', { name: 'Subreddits' })).body.id;
    channelId = await connectReddit(h, owner.client, workspaceId, fake);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await fake?.close();
  });

  it('connects a permanent grant with HTTP Basic, the scopes asked for, and a descriptive User-Agent on every call', async () => {
    const channel = (await owner.client.get(api('/channels'))).body.items.find((c: { id: string }) => c.id === channelId);
    expect(channel).toMatchObject({ network: 'reddit', username: 'herald_tester', displayName: 'Herald Tester', externalId: 't2_1w72', status: 'ok', missingFeatures: [] });
    expect(channel.scopesGranted).toEqual(['identity', 'submit', 'read', 'mysubreddits', 'flair', 'history']);
    const tokenCall = fake.requests.find((r) => r.path === '/api/v1/access_token')!;
    expect(tokenCall.headers.authorization).toBe(`Basic ${Buffer.from(`${fake.clientId}:${fake.clientSecret}`).toString('base64')}`);
    expect(tokenCall.body.client_secret).toBeUndefined();
    expect(fake.tokens()[0]!.refreshToken).toBeTruthy();
    expect(new Set(fake.userAgents)).toEqual(new Set([expect.stringMatching(/^web:herald:[\w.+-]+ \(by \/u\/herald_operator\)$/)]));
  });

  it('refreshes once and keeps the permanent refresh token (Reddit does not rotate it)', async () => {
    const before = fake.requests.length;
    await h.herald.database.db.update(channels).set({ accessTokenExpiresAt: new Date(Date.now() - 60_000) }).where(eq(channels.id, channelId));
    const res = await owner.client.post(api(`/channels/${channelId}/refresh`));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const refreshes = fake.requests.slice(before).filter((r) => r.path === '/api/v1/access_token' && r.body.grant_type === 'refresh_token');
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0]!.body.refresh_token).toBe(fake.tokens()[0]!.refreshToken);
    const row = (await h.herald.database.db.select().from(channels).where(eq(channels.id, channelId)))[0]!;
    expect(row).toMatchObject({ status: 'ok' });
    expect(row.accessTokenExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
  });

  it('lists the person’s subreddits (moderated first) and finds others by search', async () => {
    const res = await owner.client.get(api(`/channels/${channelId}/preflight`));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.subreddits.map((s: { name: string; relation: string }) => `${s.name}:${s.relation}`)).toEqual(['HeraldLinks:moderator', 'HeraldTesting:subscriber', 'AskHerald:subscriber']);
    const found = await action('search-subreddits', { query: 'herald' });
    expect(found.status, JSON.stringify(found.body)).toBe(200);
    const names = found.body.subreddits.map((s: { name: string }) => s.name);
    // The person's own first, then Reddit's search, each once.
    expect(names.slice(0, 3)).toEqual(['HeraldLinks', 'HeraldTesting', 'AskHerald']);
    expect(names).toContain('HeraldPhotography');
    expect(new Set(names).size).toBe(names.length);
    const refused = await action('search-subreddits', { query: 'x'.repeat(51) });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.issues[0].field).toBe('body.query');
  });

  it('refuses a post without the required flair at save, in the subreddit’s words, and publishes it with a flair', async () => {
    const rules = await action('subreddit', { name: 'r/askherald' });
    expect(rules.status, JSON.stringify(rules.body)).toBe(200);
    expect(rules.body.subreddit).toMatchObject({ name: 'AskHerald', requirements: { isFlairRequired: true, guidelines: 'Every post needs a flair: pick Question, Discussion or Showcase.' } });
    expect(rules.body.subreddit.flairs.map((f: { text: string }) => f.text)).toEqual(['Question', 'Discussion', 'Showcase']);
    // Kept on the channel: the save is checked against it.
    const row = (await h.herald.database.db.select().from(channels).where(eq(channels.id, channelId)))[0]!;
    expect(Object.keys((row.limits as { subreddits: Record<string, unknown> }).subreddits)).toContain('askherald');

    const sentBefore = submits().length;
    const text = `How do you plan a week of posts? ${Date.now()}`;
    const refused = await schedule({ text }, { subreddit: 'AskHerald', title: 'How do you plan a week of posts?' });
    expect(refused.status).toBe(400);
    const issue = refused.body.error.details.issues.find((i: { field: string }) => i.field === 'channels.0.settings.flairId');
    expect(issue.message).toContain('r/AskHerald requires a flair on every post');
    expect(issue.message).toContain('post_requirements.is_flair_required');
    expect(issue.message).toContain('“Every post needs a flair: pick Question, Discussion or Showcase.”');
    // Other requirements in the subreddit's terms too: a title too short, a banned word.
    const short = await schedule({ text }, { subreddit: 'AskHerald', title: '[urgent] hi', flairId: flairOf('AskHerald', 'Question') });
    expect(short.status).toBe(400);
    expect(JSON.stringify(short.body)).toContain('post_requirements.title_blacklisted_strings');
    expect(submits().length).toBe(sentBefore);

    const delivery = await publish({ text }, { subreddit: 'AskHerald', title: 'How do you plan a week of posts?', flairId: flairOf('AskHerald', 'Question') });
    expect(delivery.state, delivery.errorMessage).toBe('published');
    expect(delivery.externalId).toMatch(/^t3_[a-z0-9]+$/);
    const post = fake.posts().find((p) => p.name === delivery.externalId)!;
    expect(post).toMatchObject({ subreddit: 'AskHerald', kind: 'self', selftext: text, flairText: 'Question', sendReplies: true, nsfw: false });
    expect(delivery.externalUrl).toBe(`https://www.reddit.com/r/AskHerald/comments/${post.id36}/`);
  });

  it('refuses a text post to a links-only subreddit at save, even from an API caller that never read its rules; at publishing if the rules changed since; never submitted', async () => {
    const sentBefore = submits().length;
    // An API caller that never asked for the rules: the save reads them first and refuses in their words.
    const refused = await schedule({ text: 'A text post' }, { subreddit: 'HeraldLinks', title: 'Text where only links go' });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('r/HeraldLinks does not allow text posts');
    expect(JSON.stringify(refused.body)).toContain('about.submission_type = link');
    const row = (await h.herald.database.db.select().from(channels).where(eq(channels.id, channelId)))[0]!;
    expect(Object.keys((row.limits as { subreddits: Record<string, unknown> }).subreddits)).toContain('heraldlinks');
    expect(submits().length).toBe(sentBefore);

    // A subreddit that turned links-only after the post was saved: the publisher reads the rules again and fails in their words.
    const photography = fake.subreddits.find((sr) => sr.name === 'HeraldPhotography')!;
    await h.herald.database.db.update(channels).set({ publishNotBefore: null }).where(eq(channels.id, channelId));
    const saved = await owner.client.post(api('/posts'), {
      content: { text: 'A text post, allowed when saved' },
      channels: [{ channelId, settings: { subreddit: 'HeraldPhotography', title: 'Allowed when saved' } }],
      schedule: { mode: 'at', publishAt: new Date(Date.now() + 2500).toISOString(), timeZone: 'UTC' },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    photography.submissionType = 'link';
    try {
      const done = await waitForPost(owner.client, workspaceId, saved.body.id, settled, 30_000);
      expect(done.deliveries[0]).toMatchObject({ state: 'failed', errorCode: 'subreddit_requirements' });
      expect(done.deliveries[0].errorMessage).toContain('r/HeraldPhotography does not allow text posts');
    } finally {
      photography.submissionType = 'any';
    }
    expect(submits().length).toBe(sentBefore);

    // A subreddit that does not exist is a 400 naming the subreddit, at save and from the action, not a server error.
    const nowhere = await schedule({ text: 'Hello' }, { subreddit: 'NoSuchPlaceHere', title: 'Anyone here?' });
    expect(nowhere.status).toBe(400);
    const issue = nowhere.body.error.details.issues.find((i: { field: string }) => i.field === 'channels.0.settings.subreddit');
    expect(issue.message).toContain('r/NoSuchPlaceHere');
    const none = await action('subreddit', { name: 'NoSuchPlaceHere' });
    expect(none.status).toBe(400);
    expect(none.body.error.message).toContain('r/NoSuchPlaceHere');
  });

  it('waits exactly as long as Reddit’s RATELIMIT says ("try again in 3 minutes") before trying again', async () => {
    fake.ratelimitNextSubmit(3);
    const askedAt = Date.now();
    const created = await schedule({ text: `Throttled ${Date.now()}` }, { subreddit: 'HeraldTesting', title: 'Throttled post' });
    expect(created.status).toBe(201);
    const delivery = await waitFor(
      async () => {
        const d = (await owner.client.get(api(`/posts/${created.body.id}`))).body.deliveries[0];
        return d.attemptCount >= 1 && d.state === 'queued' && d.nextAttemptAt ? d : null;
      },
      { what: 'the retry to be planned' },
    );
    const seenAt = Date.now();
    const at = new Date(delivery.nextAttemptAt).getTime();
    expect(at).toBeGreaterThanOrEqual(askedAt + 180_000);
    expect(at).toBeLessThanOrEqual(seenAt + 180_000);
    expect(delivery.errorMessage).toContain('try again in 3 minutes');
    expect(delivery.errorCode).toBe('ratelimit');
    // The account waits too: Reddit's throttle is about the account.
    const row = (await h.herald.database.db.select().from(channels).where(eq(channels.id, channelId)))[0]!;
    expect(row.publishNotBefore!.getTime()).toBe(at);
    expect(fake.posts().filter((p) => p.title === 'Throttled post')).toEqual([]);
    await owner.client.post(api(`/posts/${created.body.id}/cancel`));
  });

  it('settles a lost answer from the submitted listing, without a second post', async () => {
    const text = `Lost answer ${Date.now()}`;
    const listedBefore = fake.requests.filter((r) => r.path === '/user/herald_tester/submitted').length;
    fake.failNextSubmit({ dropAfterHandling: true });
    const delivery = await publish({ text }, { subreddit: 'HeraldTesting', title: 'A post whose answer was lost' }, 60_000);
    expect(delivery.state, delivery.errorMessage).toBe('published');
    const made = fake.posts().filter((p) => p.title === 'A post whose answer was lost');
    expect(made.map((p) => p.name)).toEqual([delivery.externalId]);
    expect(submits().filter((r) => r.body.title === 'A post whose answer was lost')).toHaveLength(1);
    expect(fake.requests.filter((r) => r.path === '/user/herald_tester/submitted').length).toBeGreaterThan(listedBefore);
    expect(await logOf(delivery.postId, delivery.id)).toContain('unconfirmed');
  }, 90_000);

  it('publishes an image post with its flair (leased, uploaded to the S3 form, found in the listing), then reads score, upvote ratio and comments', async () => {
    const bytes = await image('#ff4500');
    const mediaId = await upload(bytes, 'photo.jpg', 'image/jpeg');
    const delivery = await publish({ text: '', media: [{ mediaId }] }, { subreddit: 'HeraldTesting', title: 'Our new calendar view', flairId: flairOf('HeraldTesting', 'Showcase'), flairText: 'Showcase: calendar', spoiler: true });
    expect(delivery.state, delivery.errorMessage).toBe('published');
    const post = fake.posts().find((p) => p.name === delivery.externalId)!;
    expect(post).toMatchObject({ kind: 'image', subreddit: 'HeraldTesting', flairId: flairOf('HeraldTesting', 'Showcase'), flairText: 'Showcase: calendar', spoiler: true });
    const asset = fake.assets().find((a) => a.url === post.url)!;
    expect(asset).toMatchObject({ mimeType: 'image/jpeg', uploadedBytes: bytes.length });
    expect(await logOf(delivery.postId, delivery.id)).toContain('processing');

    fake.engage(post.name, { score: 431, ups: 450, upvoteRatio: 0.96, numComments: 37, numCrossposts: 3 });
    await h.herald.database.db.delete(deliveryMetrics).where(eq(deliveryMetrics.deliveryId, delivery.id));
    await runJobNow(h, 'analytics.collect');
    const read = (await owner.client.get(api(`/posts/${delivery.postId}`))).body;
    expect(read.deliveries[0].metrics).toMatchObject({ likes: 450, comments: 37, shares: 3, reach: null, extra: { score: 431, upvoteRatioPercent: 96 } });
  }, 60_000);

  it('publishes a video post with its poster image', async () => {
    const video = buildMp4({ durationSeconds: 5, width: 1280, height: 720, frameRate: 30 });
    const videoId = await upload(video, 'clip.mp4', 'video/mp4');
    const posterId = await upload(await image('#222222'), 'poster.jpg', 'image/jpeg');
    const noPoster = await schedule({ text: '', media: [{ mediaId: videoId }] }, { subreddit: 'HeraldTesting', title: 'A clip' });
    expect(noPoster.status).toBe(400);
    expect(JSON.stringify(noPoster.body)).toContain('needs a poster image');
    const delivery = await publish({ text: '', media: [{ mediaId: videoId }, { mediaId: posterId }] }, { subreddit: 'HeraldTesting', title: 'A clip of the composer', nsfw: true });
    expect(delivery.state, delivery.errorMessage).toBe('published');
    const post = fake.posts().find((p) => p.name === delivery.externalId)!;
    expect(post).toMatchObject({ kind: 'video', nsfw: true });
    expect(fake.assets().find((a) => a.url === post.url)).toMatchObject({ mimeType: 'video/mp4', uploadedBytes: video.length });
    expect(fake.assets().find((a) => a.url === post.posterUrl)).toMatchObject({ mimeType: 'image/jpeg' });
  }, 60_000);

  it('publishes a gallery with each image’s alt text as its caption', async () => {
    const ids = [await upload(await image('#111111'), 'a.jpg', 'image/jpeg'), await upload(await image('#222222'), 'b.jpg', 'image/jpeg'), await upload(await image('#333333'), 'c.jpg', 'image/jpeg')];
    const delivery = await publish(
      { text: '', media: ids.map((mediaId, i) => ({ mediaId, altText: `Step ${i + 1}` })) },
      { subreddit: 'HeraldTesting', title: 'Three steps to a schedule', flairId: flairOf('HeraldTesting', 'Discussion'), sendReplies: false },
    );
    expect(delivery.state, delivery.errorMessage).toBe('published');
    const post = fake.posts().find((p) => p.name === delivery.externalId)!;
    expect(post).toMatchObject({ kind: 'gallery', flairText: 'Discussion', sendReplies: false });
    expect(post.galleryItems.map((i) => i.caption)).toEqual(['Step 1', 'Step 2', 'Step 3']);
    // Text with media is refused: Reddit media posts have no body.
    const withText = await schedule({ text: 'words', media: ids.map((mediaId) => ({ mediaId })) }, { subreddit: 'HeraldTesting', title: 'Gallery with text' });
    expect(withText.status).toBe(400);
    expect(JSON.stringify(withText.body)).toContain('have no body text');
  }, 60_000);

  it('sends a link with resubmit=false, so the same link is refused by Reddit (ALREADY_SUB) instead of posted twice', async () => {
    const link = `https://example.com/articles/scheduling-${Date.now()}`;
    const delivery = await publish({ text: link }, { subreddit: 'HeraldLinks', title: 'How we schedule', kind: 'link' });
    expect(delivery.state, delivery.errorMessage).toBe('published');
    const sent = submits().find((r) => r.body.url === link)!;
    expect(sent.body).toMatchObject({ kind: 'link', resubmit: 'false', sr: 'HeraldLinks', api_type: 'json' });
    expect(fake.posts().find((p) => p.name === delivery.externalId)).toMatchObject({ kind: 'link', url: link });

    const again = await publish({ text: link }, { subreddit: 'HeraldLinks', title: 'How we schedule, again', kind: 'link' });
    expect(again).toMatchObject({ state: 'failed', errorCode: 'already_sub' });
    expect(again.errorMessage).toContain('that link has already been submitted');
    expect(fake.posts().filter((p) => p.url === link)).toHaveLength(1);
    // Not a link: refused at save.
    const notLink = await schedule({ text: 'not a link' }, { subreddit: 'HeraldLinks', title: 'x', kind: 'link' });
    expect(notLink.status).toBe(400);
    // A domain the subreddit bans, once its rules were read.
    expect((await action('subreddit', { name: 'HeraldLinks' })).status).toBe(200);
    const banned = await schedule({ text: 'https://spam.example/buy' }, { subreddit: 'HeraldLinks', title: 'Deal', kind: 'link' });
    expect(banned.status).toBe(400);
    expect(JSON.stringify(banned.body)).toContain('post_requirements.domain_blacklist');
  }, 60_000);

  it('honours X-Ratelimit-Remaining: with the client’s window spent it waits for the reset instead of running into a 429', async () => {
    // Four calls per 6 s for the app's client id: reading r/HeraldTesting's rules spends three.
    fake.setRateLimit(4, 6_000);
    try {
      expect((await action('subreddit', { name: 'HeraldTesting' })).status).toBe(200);
      const throttledBefore = fake.throttled.length;
      const title = `Within the rate limit ${Date.now()}`;
      const delivery = await publish({ text: 'Patience.' }, { subreddit: 'HeraldTesting', title }, 45_000);
      expect(delivery.state, delivery.errorMessage).toBe('published');
      expect(fake.throttled.slice(throttledBefore)).toEqual([]);
      expect(JSON.stringify(await logOf(delivery.postId, delivery.id))).toContain('rate limit');
      expect(fake.posts().filter((p) => p.title === title)).toHaveLength(1);
    } finally {
      fake.setRateLimit(1000, 600_000);
    }
  }, 60_000);

  it('maps Reddit’s other json.errors to clear failures, not retries', async () => {
    fake.refuseNextSubmit('NO_SELFS', "that subreddit doesn't allow text posts", 'sr');
    const delivery = await publish({ text: `No selfs ${Date.now()}` }, { subreddit: 'HeraldTesting', title: 'Refused by Reddit' });
    expect(delivery).toMatchObject({ state: 'failed', errorCode: 'no_selfs' });
    expect(delivery.errorMessage).toContain("“that subreddit doesn't allow text posts” (NO_SELFS on sr)");
    // Sent once: a refusal is final (an earlier attempt may have waited for the client's rate-limit window, without sending).
    expect(submits().filter((r) => r.body.title === 'Refused by Reddit')).toHaveLength(1);
  });
});
