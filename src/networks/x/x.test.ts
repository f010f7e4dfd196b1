import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryJournal } from '../../../test/helpers/publishing.ts';
import { startXFake, type XFake } from '../../../test/fakes/x/x-fake.ts';
import { ProviderError } from '../../server/providers/provider.ts';
import type { PublishContext } from '../../server/providers/publishing.ts';
import { checkXMedia, quotedPostId, xSettings } from './descriptor.ts';
import { displayLink } from './web/preview.tsx';
import type { XEndpoints } from './server/x-api.ts';
import { createXProvider, profileOf } from './server/x.provider.ts';
import { comparable, createXPublisher } from './server/x.publisher.ts';

const messages = (media: Parameters<typeof checkXMedia>[0]) => checkXMedia(media).map((p) => p.message).join();
const media = (over: Partial<Parameters<typeof checkXMedia>[0][number]>) => ({ id: 'm', kind: 'image' as const, mimeType: 'image/png', size: 1000, width: 10, height: 10, durationSeconds: null, frameRate: null, ...over });

describe('X rules and helpers', () => {
  it('reads a quoted post from its link or its id, keeping 64-bit ids exact', () => {
    expect(quotedPostId('https://x.com/herald/status/1865000000000000123')).toBe('1865000000000000123');
    expect(quotedPostId('https://twitter.com/herald/status/1865000000000000123?s=20')).toBe('1865000000000000123');
    expect(quotedPostId(' 1865000000000000123 ')).toBe('1865000000000000123');
    expect(quotedPostId('https://example.com/herald/status/1')).toBeNull();
    expect(xSettings.safeParse({ quote: 'not a post' }).success).toBe(false);
  });

  it('takes polls of 2 to 4 choices of at most 25 characters, lasting 5 minutes to 7 days', () => {
    expect(xSettings.safeParse({ poll: { options: ['a', 'b'], durationMinutes: 5 } }).success).toBe(true);
    expect(xSettings.safeParse({ poll: { options: ['a'], durationMinutes: 60 } }).success).toBe(false);
    expect(xSettings.safeParse({ poll: { options: ['a', 'b', 'c', 'd', 'e'], durationMinutes: 60 } }).success).toBe(false);
    expect(xSettings.safeParse({ poll: { options: ['a'.repeat(26), 'b'], durationMinutes: 60 } }).success).toBe(false);
    expect(xSettings.safeParse({ poll: { options: ['a', 'b'], durationMinutes: 10_081 } }).success).toBe(false);
  });

  it('takes up to 4 photos, or one GIF, or one video', () => {
    expect(checkXMedia([media({}), media({}), media({}), media({})])).toEqual([]);
    expect(messages([media({}), media({}), media({}), media({}), media({})])).toContain('at most 4 photos');
    expect(messages([media({ mimeType: 'image/gif' }), media({})])).toContain('posted alone');
    expect(messages([media({ kind: 'video', mimeType: 'video/mp4', durationSeconds: 200 })])).toContain('0.5 to 140 seconds');
    expect(messages([media({ size: 6 * 1024 * 1024 })])).toContain('5 MB');
  });

  it('gives subscribers the long limit', () => {
    expect(profileOf({ id: '1', subscription_type: 'Premium' }).limits).toMatchObject({ textMax: 25_000 });
    expect(profileOf({ id: '1', verified_type: 'business' }).limits).toMatchObject({ textMax: 25_000 });
    expect(profileOf({ id: '1', subscription_type: 'None', verified_type: 'none' }).limits).toMatchObject({ textMax: 280 });
  });

  it('compares a sent text with what X shows: links as t.co, a media link appended, & < > escaped', () => {
    const sent = 'Tea & cake <3 at https://example.com/menu today';
    expect(comparable('Tea &amp; cake &lt;3 at https://t.co/AbC123 today https://t.co/media99', false)).toBe(comparable(sent, true));
    expect(comparable('Tea &amp; cake &lt;3 at https://t.co/AbC123 tomorrow', false)).not.toBe(comparable(sent, true));
  });

  it('shows links shortened as X does', () => {
    expect(displayLink('https://www.example.com/a/very/long/path/to/something')).toBe('example.com/a/very/long…');
    expect(displayLink('https://x.com')).toBe('x.com');
  });
});

/** The fake's endpoints and an access token got through the provider's own consent round trip. */
async function connected(fake: XFake) {
  const e: XEndpoints = { clientId: fake.clientId, clientSecret: fake.clientSecret, authorizeUrl: `${fake.url}/i/oauth2/authorize`, apiUrl: fake.url, chunkBytes: 1024 * 1024, caps: { appPerDay: 10_000, accountPer15Min: 100 } };
  const provider = createXProvider(e);
  const verifier = 'v'.repeat(64);
  const challenge = crypto.createHash('sha256').update(verifier).digest('base64url');
  const back = new URL(fake.authorize(await provider.authorizationUrl({ state: 's', redirectUri: 'http://127.0.0.1/cb', codeChallenge: challenge, instance: null })));
  const tokens = await provider.exchangeCode({ code: back.searchParams.get('code')!, state: 's', redirectUri: 'http://127.0.0.1/cb', codeVerifier: verifier, instance: null });
  return { e, accessToken: tokens.accessToken };
}

const contextFor = (fake: XFake, accessToken: string, texts: string[]): PublishContext => ({
  deliveryId: 'd',
  idempotencyKey: 'k',
  accessToken,
  instance: null,
  externalAccountId: fake.users[0]!.id,
  username: 'heraldtester',
  limits: {},
  parts: texts.map((text) => ({ text, media: [] })),
  firstComment: null,
  settings: {},
  journal: memoryJournal(),
});

describe("X's rate-limit headers", () => {
  let fake: XFake;
  let e: XEndpoints;
  let accessToken: string;
  beforeAll(async () => {
    fake = await startXFake({ postsPer15Min: 2 });
    ({ e, accessToken } = await connected(fake));
  });
  afterAll(() => fake?.close());

  const context = (text: string) => contextFor(fake, accessToken, [text]);

  it('holds a post back, unsent, once X said the window has nothing left, until x-rate-limit-reset', async () => {
    const publisher = createXPublisher(e);
    await publisher.publish(context('one'));
    await publisher.publish(context('two'));
    const sent = fake.requests.filter((r) => r.path === '/2/tweets').length;
    const error = await publisher.publish(context('three')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'transient', code: 'rate_limited' });
    expect((error as ProviderError).retryAfterMs).toBeGreaterThan(14 * 60_000);
    expect(fake.requests.filter((r) => r.path === '/2/tweets')).toHaveLength(sent);
  });
});

describe("X's summoned-replies rule (2026-02-23)", () => {
  let fake: XFake;
  afterAll(() => fake?.close());

  it('explains the refusal of a self-thread reply and never posts the first part again', async () => {
    // Another account: the hold-back above is about its account (X's limits are per user).
    fake = await startXFake({ users: [{ id: '1460000000000000002', username: 'heraldtwo', name: 'Herald Two', subscription_type: 'None', verified_type: 'none', profile_image_url: 'https://pbs.twimg.example/2_normal.jpg' }] });
    const { e, accessToken } = await connected(fake);
    const publisher = createXPublisher(e);
    fake.setSummonedRepliesOnly(true);
    const first = `Thread one ${Date.now()}`;
    const ctx = contextFor(fake, accessToken, [first, 'Thread two']);
    const error = await publisher.publish(ctx).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'denied', code: 'reply_not_allowed' });
    expect((error as ProviderError).message).toContain('post the rest on X yourself');
    // Once X takes replies again, a retry posts only the rest.
    fake.setSummonedRepliesOnly(false);
    const done = await publisher.publish(ctx);
    expect(done).toMatchObject({ status: 'published' });
    expect(fake.postsWithText(first)).toHaveLength(1);
    expect(fake.postsWithText('Thread two')[0]!.replyTo).toBe(fake.postsWithText(first)[0]!.id);
  });
});
