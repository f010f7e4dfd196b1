import { Readable } from 'node:stream';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedditPublisher } from '../../src/networks/reddit/server/reddit.publisher.ts';
import { ProviderError } from '../../src/server/providers/provider.ts';
import type { PublishContext, PublishMedia } from '../../src/server/providers/publishing.ts';
import { memoryJournal } from '../helpers/publishing.ts';
import { startRedditFake, type RedditFake } from '../fakes/reddit/reddit-fake.ts';

// The publisher against the fake, without the engine: the submission announced in the journal,
// uploads saved as progress before it, and each way a lost answer is settled from the submitted
// listing (found; not made; an image post not listed yet, which cannot be told for a while).
describe('Reddit publisher: journal and lost answers', () => {
  let fake: RedditFake;
  let jpeg: Buffer;
  beforeAll(async () => {
    fake = await startRedditFake({ processingMs: 400 });
    jpeg = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#ff4500' } }).jpeg().toBuffer();
  });
  afterAll(() => fake?.close());

  const publisher = () =>
    createRedditPublisher({ endpoints: { apiUrl: fake.url, authUrl: fake.url, clientId: fake.clientId, clientSecret: fake.clientSecret, userAgent: 'web:herald-test:1.0 (by /u/herald_operator)' }, firstPollMs: 10 });
  const image = (id: string): PublishMedia => ({ id, kind: 'image', mimeType: 'image/jpeg', size: jpeg.length, width: 600, height: 400, durationSeconds: null, frameRate: null, altText: '', open: () => Readable.from([jpeg]), publicUrl: null });
  function context(text: string, settings: Record<string, unknown>, media: PublishMedia[] = []) {
    const journal = memoryJournal();
    const ctx: PublishContext = {
      deliveryId: 'd1',
      idempotencyKey: 'k1',
      accessToken: fake.issueToken(),
      instance: null,
      externalAccountId: 't2_1w72',
      username: 'herald_tester',
      limits: {},
      parts: [{ text, media }],
      firstComment: null,
      settings: { kind: 'text', nsfw: false, spoiler: false, sendReplies: true, ...settings },
      journal,
    };
    return { ctx, journal };
  }

  it('announces the submission; an image post is uploaded first and found in the listing once processed', async () => {
    const text = context('Announced', { subreddit: 'HeraldTesting', title: 'Announced post' });
    expect(await publisher().publish(text.ctx)).toMatchObject({ status: 'published', externalId: expect.stringMatching(/^t3_/) });
    expect(text.journal.events).toEqual(['before:submit', 'after:submit']);

    const photo = context('', { subreddit: 'HeraldTesting', title: 'A photo' }, [image('m1')]);
    expect(await publisher().publish(photo.ctx)).toEqual({ status: 'processing', checkAfterMs: 10 });
    expect(photo.journal.events).toEqual(['save', 'before:submit', 'after:submit']);
    // Not listed yet: still processing, nothing sent again.
    expect(await publisher().publish(photo.ctx)).toMatchObject({ status: 'processing' });
    await new Promise((r) => setTimeout(r, 450));
    const done = await publisher().publish(photo.ctx);
    expect(done).toMatchObject({ status: 'published', url: expect.stringMatching(/^https:\/\/www\.reddit\.com\/r\/HeraldTesting\/comments\/[a-z0-9]+\//) });
    expect(fake.posts().filter((p) => p.title === 'A photo')).toHaveLength(1);
  });

  it('settles a lost submission: found by subreddit and title; safe to resend when a text post is absent; unknown while an image may be processing', async () => {
    const sentAt = new Date(Date.now() - 1000);
    const made = context('Findable', { subreddit: 'HeraldTesting', title: 'Find me on Reddit' });
    await publisher().publish(made.ctx);
    const lost = context('Findable', { subreddit: 'heraldtesting', title: 'Find me on Reddit' });
    expect(await publisher().findExisting(lost.ctx, { step: 'submit', sentAt })).toEqual({ found: true, progress: { postId: made.journal.progress.postId, url: expect.stringContaining('/comments/') } });

    expect(await publisher().findExisting(context('x', { subreddit: 'HeraldTesting', title: 'Never made' }).ctx, { step: 'submit', sentAt })).toEqual({ found: false });
    // Same title elsewhere is not ours.
    expect(await publisher().findExisting(context('x', { subreddit: 'AskHerald', title: 'Find me on Reddit' }).ctx, { step: 'submit', sentAt })).toEqual({ found: false });
    const photo = context('', { subreddit: 'HeraldTesting', title: 'Unlisted photo' }, [image('m2')]);
    expect(await publisher().findExisting(photo.ctx, { step: 'submit', sentAt })).toMatchObject({ found: 'unknown', reason: expect.stringContaining('still be processing') });
  });

  it('cannot tell without the history permission, and says so instead of resending', async () => {
    const { ctx } = context('Scope', { subreddit: 'HeraldTesting', title: 'Scoped' });
    fake.withdrawScope('history');
    const check = await publisher().findExisting(ctx, { step: 'submit', sentAt: new Date() });
    expect(check).toMatchObject({ found: 'unknown', reason: expect.stringContaining('"history"') });
    fake.withdrawScope('submit');
    const refused = await publisher().publish(ctx).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ProviderError);
    expect(refused).toMatchObject({ kind: 'scope', scope: 'submit' });
  });

  it('serves a consent page a person can click through, and answers revocations as Reddit does (204, even for unknown tokens)', async () => {
    const query = new URLSearchParams({ client_id: fake.clientId, response_type: 'code', state: 's1', redirect_uri: 'http://herald.test/callback', duration: 'permanent', scope: 'identity submit' });
    const page = await fetch(`${fake.url}/api/v1/authorize?${query}`);
    const html = await page.text();
    expect(html).toContain('action="/api/v1/authorize/decision"');
    expect(html).toContain('Maintain this access indefinitely');
    const bad = await fetch(`${fake.url}/api/v1/authorize?${new URLSearchParams({ ...Object.fromEntries(query), scope: 'identity everything' })}`);
    expect(bad.status).toBe(400);
    const decided = await fetch(`${fake.url}/api/v1/authorize/decision`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ redirect_uri: 'http://herald.test/callback', state: 's1', scope: 'identity submit', duration: 'permanent', decision: 'allow' }),
      redirect: 'manual',
    });
    const code = new URL(decided.headers.get('location')!).searchParams.get('code')!;
    const form = new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: 'http://herald.test/callback' });
    expect((await fetch(`${fake.url}/api/v1/access_token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form })).status).toBe(401);
    const basic = `Basic ${Buffer.from(`${fake.clientId}:${fake.clientSecret}`).toString('base64')}`;
    const token = await fetch(`${fake.url}/api/v1/access_token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic }, body: form });
    expect(await token.json()).toMatchObject({ token_type: 'bearer', expires_in: 3600, scope: 'identity submit', refresh_token: expect.any(String) });
    // A used code: HTTP 200 with an error field, as Reddit answers.
    const again = await fetch(`${fake.url}/api/v1/access_token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic }, body: form });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ error: 'invalid_grant' });
    const revoked = await fetch(`${fake.url}/api/v1/revoke_token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic }, body: new URLSearchParams({ token: 'never-issued', token_type_hint: 'refresh_token' }) });
    expect(revoked.status).toBe(204);

    const auto = await startRedditFake({ autoApprove: true });
    try {
      const res = await fetch(`${auto.url}/api/v1/authorize?${new URLSearchParams({ ...Object.fromEntries(query), client_id: auto.clientId })}`, { redirect: 'manual' });
      expect(res.status).toBe(302);
      expect(new URL(res.headers.get('location')!).searchParams.get('code')).toBeTruthy();
    } finally {
      await auto.close();
    }
  });
});
