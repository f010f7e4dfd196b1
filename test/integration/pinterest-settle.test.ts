import { Readable } from 'node:stream';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPinterestPublisher } from '../../src/networks/pinterest/server/pinterest.publisher.ts';
import type { PublishContext, PublishMedia } from '../../src/server/providers/publishing.ts';
import { ProviderError } from '../../src/server/providers/provider.ts';
import { memoryJournal } from '../helpers/publishing.ts';
import { startPinterestFake, type PinterestFake } from '../fakes/pinterest/pinterest-fake.ts';

// The publisher against the fake, without the engine: every creating call announced in the
// journal, and each way a lost answer is settled (found, not made, cannot tell).
describe('Pinterest publisher: journal and lost answers', () => {
  let fake: PinterestFake;
  let jpeg: Buffer;
  beforeAll(async () => {
    fake = await startPinterestFake({ processingMs: 50 });
    jpeg = await sharp({ create: { width: 600, height: 900, channels: 3, background: '#123456' } }).jpeg().toBuffer();
  });
  afterAll(() => fake?.close());

  const publisher = () => createPinterestPublisher({ apiUrl: fake.url, firstPollMs: 10 });
  const media = (id: string, bytes: Buffer, kind: 'image' | 'video' = 'image'): PublishMedia => ({
    id,
    kind,
    mimeType: kind === 'image' ? 'image/jpeg' : 'video/mp4',
    size: bytes.length,
    width: 600,
    height: 900,
    durationSeconds: kind === 'video' ? 6 : null,
    frameRate: null,
    altText: '',
    open: () => Readable.from([bytes]),
    publicUrl: null,
  });
  function context(text: string, settings: Record<string, unknown>, items: PublishMedia[] = [media('m1', jpeg)]) {
    const journal = memoryJournal();
    const ctx: PublishContext = {
      deliveryId: 'd1',
      idempotencyKey: 'k1',
      accessToken: fake.issueToken(fake.users[0]!.id),
      instance: null,
      externalAccountId: fake.users[0]!.id,
      username: 'herald.tester',
      limits: {},
      parts: [{ text, media: items }],
      firstComment: null,
      settings,
      journal,
    };
    return { ctx, journal };
  }

  it('announces the pin before creating it, and a video’s registration before that', async () => {
    const board = fake.boards()[1]!;
    const image = context('Announced', { boardId: board.id });
    await publisher().publish(image.ctx);
    expect(image.journal.events).toEqual(['before:pin', 'after:pin']);

    const video = context('A video', { boardId: board.id }, [media('v1', Buffer.from('not really a video, but bytes'), 'video')]);
    const first = await publisher().publish(video.ctx);
    expect(first.status).toBe('processing');
    expect(video.journal.events).toEqual(['before:media', 'after:media', 'save']);
    await new Promise((r) => setTimeout(r, 100));
    const done = await publisher().publish(video.ctx);
    expect(done).toMatchObject({ status: 'published', url: expect.stringMatching(/^https:\/\/www\.pinterest\.com\/pin\/\d+\/$/) });
    expect(video.journal.events.slice(-2)).toEqual(['before:pin', 'after:pin']);
  });

  it('settles a lost pin answer: found by title, description and link; safe to resend when absent; unknown when it cannot tell', async () => {
    const board = fake.boards()[0]!;
    const sentAt = new Date(Date.now() - 1000);
    const made = context('Findable pin', { boardId: board.id, title: 'Find me', link: 'https://example.com/find' });
    await publisher().publish(made.ctx);
    const pinId = made.journal.progress.pinId;
    const lost = context('Findable pin', { boardId: board.id, title: 'Find me', link: 'https://example.com/find' });
    expect(await publisher().findExisting(lost.ctx, { step: 'pin', sentAt })).toEqual({ found: true, progress: { pinId } });

    const absent = context('Never made', { boardId: board.id, title: 'Not there' });
    expect(await publisher().findExisting(absent.ctx, { step: 'pin', sentAt })).toEqual({ found: false });

    // Nothing to recognise the pin by, and pins were saved to the board since: a person decides.
    const bare = context('', { boardId: board.id });
    await publisher().publish(bare.ctx);
    const check = await publisher().findExisting(context('', { boardId: board.id }).ctx, { step: 'pin', sentAt });
    expect(check).toMatchObject({ found: 'unknown', reason: expect.stringContaining('no title, description or link') });

    // A registration whose answer was lost can never be pinned: registering again is safe.
    expect(await publisher().findExisting(absent.ctx, { step: 'media', sentAt })).toEqual({ found: false });
  });

  it('cannot tell without pins:read, and says so instead of resending', async () => {
    const board = fake.boards()[0]!;
    const { ctx } = context('Scope', { boardId: board.id, title: 'Scoped' });
    fake.withdrawScope(fake.users[0]!.id, 'pins:read');
    const check = await publisher().findExisting({ ...ctx, accessToken: ctx.accessToken }, { step: 'pin', sentAt: new Date() });
    expect(check).toMatchObject({ found: 'unknown', reason: expect.stringContaining('pins:read') });
    // And publishing without the scope is a scope error naming a permission, not a broken token.
    const refused = await publisher().publish(ctx).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ProviderError);
    expect(refused).toMatchObject({ kind: 'scope', scope: 'pins:write', message: expect.stringContaining('"pins:read"') });
  });

  it('serves a consent page a person can click through (the demo uses it)', async () => {
    const authorize = `${fake.url}/oauth/?${new URLSearchParams({ client_id: fake.clientId, redirect_uri: 'http://herald.test/callback', response_type: 'code', scope: 'boards:read,pins:write', state: 's1' })}`;
    const page = await fetch(authorize);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('action="/oauth/decision"');
    expect(html).toContain('value="pins:write"');
    const decided = await fetch(`${fake.url}/oauth/decision`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ redirect_uri: 'http://herald.test/callback', state: 's1', scope: 'boards:read,pins:write', grant: 'boards:read', decision: 'allow' }),
      redirect: 'manual',
    });
    const back = new URL(decided.headers.get('location')!);
    expect(back.searchParams.get('state')).toBe('s1');
    const code = back.searchParams.get('code')!;
    // The token endpoint wants the app's HTTP Basic credentials; the granted scopes come back comma-separated.
    const form = new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: 'http://herald.test/callback' });
    const refused = await fetch(`${fake.url}/v5/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({ code: 2, message: 'Authentication failed.' });
    const basic = `Basic ${Buffer.from(`${fake.clientId}:${fake.clientSecret}`).toString('base64')}`;
    const token = await fetch(`${fake.url}/v5/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic }, body: form });
    expect(await token.json()).toMatchObject({ token_type: 'bearer', scope: 'boards:read', refresh_token: expect.any(String), refresh_token_expires_in: expect.any(Number) });
  });
});
