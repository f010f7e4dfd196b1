import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMastodonPublisher } from '../../src/networks/mastodon/server/mastodon.publisher.ts';
import { ProviderError } from '../../src/server/providers/provider.ts';
import type { PublishContext, PublishJournal, PublishMedia, PublishPart } from '../../src/server/providers/publishing.ts';
import { startMastodonFake, type MastodonFake } from '../fakes/mastodon/mastodon-fake.ts';

// A 1×1 PNG.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

function mediaFile(id: string, bytes: Buffer, mimeType: string, altText = ''): PublishMedia {
  const kind = mimeType.startsWith('video/') ? 'video' : 'image';
  return { id, kind, mimeType, size: bytes.length, width: 1, height: 1, durationSeconds: kind === 'video' ? 3 : null, frameRate: kind === 'video' ? 30 : null, altText, open: () => Readable.from([bytes]), publicUrl: null };
}

/** The engine's journal, in memory: what was announced, settled and logged. */
function memoryJournal() {
  const journal = {
    progress: {} as Record<string, unknown>,
    pending: null as { step: string; sentAt: Date } | null,
    events: [] as { event: 'before' | 'after'; step: string; data: Record<string, unknown> }[],
    logs: [] as unknown[],
    async beforeCreate(step: string, request: Record<string, unknown>) {
      journal.pending = { step, sentAt: new Date() };
      journal.events.push({ event: 'before', step, data: request });
    },
    async afterCreate(step: string, response: Record<string, unknown>, progress: Record<string, unknown>) {
      journal.pending = null;
      journal.progress = progress;
      journal.events.push({ event: 'after', step, data: response });
    },
    async saveProgress(progress: Record<string, unknown>) {
      journal.progress = progress;
    },
    log(step: string, request?: Record<string, unknown>, response?: Record<string, unknown>) {
      journal.logs.push({ step, request, response });
    },
  };
  return journal satisfies PublishJournal;
}

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

describe('Mastodon publishing against the local fake instance', () => {
  let mastodon: MastodonFake;
  let token: string;
  const publisher = createMastodonPublisher({ allowHttp: true });
  let deliveries = 0;

  beforeAll(async () => {
    mastodon = await startMastodonFake({ mediaProcessingMs: 300 });
    token = mastodon.issueToken(['read', 'write']);
  });
  afterAll(async () => {
    await mastodon?.close();
  });

  function context(input: { parts: PublishPart[]; firstComment?: string; settings?: Record<string, unknown>; accessToken?: string }) {
    deliveries += 1;
    const journal = memoryJournal();
    const ctx: PublishContext = {
      deliveryId: `delivery-${deliveries}`,
      idempotencyKey: `key-${deliveries}-${Date.now()}`,
      accessToken: input.accessToken ?? token,
      instance: mastodon.domain,
      externalAccountId: '109000000000000001',
      username: `herald@${mastodon.domain}`,
      limits: { maxCharacters: 500, maxMediaAttachments: 4 },
      parts: input.parts,
      firstComment: input.firstComment ?? null,
      settings: input.settings ?? {},
      journal,
    };
    return { ctx, journal };
  }
  const created = (from: number) => mastodon.statuses.slice(from);

  it('posts a text status with the settings, announced and settled in the journal, without the token', async () => {
    const before = mastodon.creations();
    const { ctx, journal } = context({ parts: [{ text: 'Hello <fediverse> & friends: https://example.org/a/very/long/path/that/goes/on/and/on', media: [] }], settings: { visibility: 'unlisted', spoilerText: 'Long read', language: 'fr' } });
    const outcome = await publisher.publish(ctx);
    const [status] = created(before);
    expect(outcome).toEqual({ status: 'published', externalId: status!.id, url: `${mastodon.url}/@herald/${status!.id}` });
    expect(status).toMatchObject({ visibility: 'unlisted', spoilerText: 'Long read', sensitive: true, language: 'fr', inReplyToId: null, idempotencyKey: `${ctx.idempotencyKey}:status:0` });
    expect(journal.events.map((e) => `${e.event} ${e.step}`)).toEqual(['before status:0', 'after status:0']);
    expect(journal.progress).toMatchObject({ statuses: [{ id: status!.id }] });
    expect(JSON.stringify([journal.events, journal.logs, journal.progress])).not.toContain(token);

    const read = await fetch(`${mastodon.url}/api/v1/statuses/${status!.id}`);
    const body = await read.json();
    expect(body.content).toContain('<p>Hello &lt;fediverse&gt; &amp; friends: <a href="https://example.org/a/very/long/path/that/goes/on/and/on"');
    expect(body.content).toContain('<span class="ellipsis">');
  });

  it('posts a thread of three and the first comment as a reply chain', async () => {
    const before = mastodon.creations();
    const { ctx, journal } = context({ parts: [{ text: 'One', media: [] }, { text: 'Two', media: [] }, { text: 'Three', media: [] }], firstComment: 'Links in the comments' });
    const outcome = await publisher.publish(ctx);
    const posted = created(before);
    expect(posted.map((s) => s.text)).toEqual(['One', 'Two', 'Three', 'Links in the comments']);
    expect(posted.map((s) => s.inReplyToId)).toEqual([null, posted[0]!.id, posted[1]!.id, posted[2]!.id]);
    expect(outcome).toMatchObject({ status: 'published', externalId: posted[0]!.id });
    expect(journal.events.filter((e) => e.event === 'before').map((e) => e.step)).toEqual(['status:0', 'status:1', 'status:2', 'status:3']);
    // Publishing again from the saved progress creates nothing more.
    expect(await publisher.publish(ctx)).toEqual(outcome);
    expect(mastodon.creations()).toBe(before + 4);
  });

  it('uploads an image with its alt text (processed at once) and attaches it', async () => {
    const before = mastodon.creations();
    const { ctx, journal } = context({ parts: [{ text: 'A tiny picture', media: [mediaFile('m-1', png, 'image/png', 'A single red pixel')] }] });
    expect(await publisher.publish(ctx)).toMatchObject({ status: 'published' });
    const [status] = created(before);
    const attachment = mastodon.media().find((m) => m.id === status!.mediaIds[0]);
    expect(attachment).toMatchObject({ type: 'image', mimeType: 'image/png', description: 'A single red pixel', width: 1, height: 1, statusId: status!.id });
    expect(journal.logs).toHaveLength(1);
    const file = await fetch(`${mastodon.url}/system/media_attachments/${attachment!.id}/original`);
    expect(Buffer.from(await file.arrayBuffer()).equals(png)).toBe(true);
  });

  it('waits for a video to be processed: "processing" first, published on the next call, uploaded once', async () => {
    const before = mastodon.creations();
    const uploadsBefore = mastodon.media().length;
    const { ctx, journal } = context({ parts: [{ text: 'A clip', media: [mediaFile('v-1', Buffer.from('not really an mp4'), 'video/mp4')] }] });
    expect(await publisher.publish(ctx)).toEqual({ status: 'processing', checkAfterMs: expect.any(Number) });
    expect(mastodon.creations()).toBe(before);
    expect(journal.events).toEqual([]);
    // Still processing: another "processing", no status.
    expect(await publisher.publish(ctx)).toMatchObject({ status: 'processing' });
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(await publisher.publish(ctx)).toMatchObject({ status: 'published' });
    expect(mastodon.media().length).toBe(uploadsBefore + 1);
    expect(created(before)).toHaveLength(1);
    expect(created(before)[0]!.mediaIds).toEqual([mastodon.media().at(-1)!.id]);
  });

  it('fake: a repeated Idempotency-Key returns the original status, per account, whatever the encoding', async () => {
    const before = mastodon.creations();
    const post = (authorization: string, body: string, contentType: string) =>
      fetch(`${mastodon.url}/api/v1/statuses`, { method: 'POST', headers: { authorization: `Bearer ${authorization}`, 'content-type': contentType, 'idempotency-key': 'same-key' }, body }).then(async (r) => ({ status: r.status, body: await r.json(), headers: r.headers }));
    const first = await post(token, JSON.stringify({ status: 'Once' }), 'application/json');
    const again = await post(token, new URLSearchParams({ status: 'Once' }).toString(), 'application/x-www-form-urlencoded');
    expect(first.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect(mastodon.creations()).toBe(before + 1);
    expect(first.headers.get('x-ratelimit-reset')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    const other = mastodon.issueToken(['write'], { id: '109000000000000002', username: 'other', displayName: 'Other' });
    const otherAccount = await post(other, JSON.stringify({ status: 'Once' }), 'application/json');
    expect(otherAccount.body.id).not.toBe(first.body.id);
    expect(mastodon.creations()).toBe(before + 2);
  });

  it('fake: validates statuses and media like Mastodon', async () => {
    const headers = { authorization: `Bearer ${token}` };
    const post = (form: URLSearchParams) => fetch(`${mastodon.url}/api/v1/statuses`, { method: 'POST', headers, body: form }).then(async (r) => ({ status: r.status, body: await r.json() }));
    const upload = async (bytes: Buffer, type: string, as = token) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes)], { type }), 'file');
      const r = await fetch(`${mastodon.url}/api/v2/media`, { method: 'POST', headers: { authorization: `Bearer ${as}` }, body: form });
      return { status: r.status, body: await r.json() };
    };
    expect(await post(new URLSearchParams({ status: '' }))).toEqual({ status: 422, body: { error: "Validation failed: Text can't be blank" } });
    expect((await post(new URLSearchParams({ status: 'x'.repeat(501) }))).status).toBe(422);
    // A URL counts as 23 characters, however long.
    expect((await post(new URLSearchParams({ status: `${'x'.repeat(470)} https://example.org/${'y'.repeat(100)}` }))).status).toBe(200);
    expect(await post(new URLSearchParams({ status: 'Reply', in_reply_to_id: '1' }))).toEqual({ status: 404, body: { error: 'Record not found' } });

    const video = await upload(Buffer.from('mp4'), 'video/mp4');
    expect(video).toMatchObject({ status: 202, body: { type: 'video', url: null } });
    expect((await post(new URLSearchParams([['status', 'Too soon'], ['media_ids[]', video.body.id]]))).body.error).toBe('Cannot attach files that have not finished processing. Try again in a moment!');
    const polled = await fetch(`${mastodon.url}/api/v1/media/${video.body.id}`, { headers });
    expect(polled.status).toBe(206);

    const images = await Promise.all([1, 2, 3, 4, 5].map(() => upload(png, 'image/png')));
    expect(images[0]).toMatchObject({ status: 200, body: { type: 'image', meta: { original: { width: 1, height: 1 } } } });
    expect((await post(new URLSearchParams([['status', 'Five'], ...images.map((i) => ['media_ids[]', i.body.id])]))).body.error).toBe('Cannot attach more than 4 files');
    const foreign = await upload(png, 'image/png', mastodon.issueToken(['write:media'], { id: '109000000000000003', username: 'third', displayName: 'Third' }));
    expect((await post(new URLSearchParams([['status', 'Not mine'], ['media_ids[]', foreign.body.id]]))).status).toBe(422);
    const two = await post(new URLSearchParams([['status', 'Two'], ['media_ids[]', images[0]!.body.id], ['media_ids[]', images[1]!.body.id]]));
    expect(two.body.media_attachments.map((m: { id: string }) => m.id)).toEqual([images[0]!.body.id, images[1]!.body.id]);

    expect(await upload(Buffer.from('BM'), 'image/bmp')).toMatchObject({ status: 422 });
    expect(await upload(png, 'image/png', 'not-a-token')).toEqual({ status: 401, body: { error: 'The access token is invalid' } });
    expect((await upload(png, 'image/png', mastodon.issueToken(['read'])))).toMatchObject({ status: 403 });
  });

  it('fake: lists an account\'s statuses newest first with limit, max_id and since_id, and deletes', async () => {
    const id = '109000000000000004';
    const own = mastodon.issueToken(['read', 'write'], { id, username: 'lister', displayName: 'Lister' });
    const ids: string[] = [];
    for (const text of ['a', 'b', 'c', 'd', 'e']) {
      const r = await fetch(`${mastodon.url}/api/v1/statuses`, { method: 'POST', headers: { authorization: `Bearer ${own}`, 'content-type': 'application/json' }, body: JSON.stringify({ status: text }) });
      ids.push((await r.json()).id);
    }
    const list = async (query: string) => (await (await fetch(`${mastodon.url}/api/v1/accounts/${id}/statuses?${query}`)).json()).map((s: { id: string }) => s.id);
    expect(await list('')).toEqual([...ids].reverse());
    expect(await list('limit=2')).toEqual([ids[4], ids[3]]);
    expect(await list(`limit=2&max_id=${ids[3]}`)).toEqual([ids[2], ids[1]]);
    expect(await list(`since_id=${ids[2]}`)).toEqual([ids[4], ids[3]]);
    const deleted = await fetch(`${mastodon.url}/api/v1/statuses/${ids[4]}`, { method: 'DELETE', headers: { authorization: `Bearer ${own}` } });
    expect((await deleted.json()).text).toBe('e');
    expect((await fetch(`${mastodon.url}/api/v1/statuses/${ids[4]}`)).status).toBe(404);
    expect(await list('limit=1')).toEqual([ids[3]]);
  });

  it('settles a lost answer by sending the same key again: found, exactly one status', async () => {
    const before = mastodon.creations();
    const { ctx, journal } = context({ parts: [{ text: 'Lost in transit', media: [mediaFile('m-2', png, 'image/png', 'Pixel')] }] });
    mastodon.failNext('/api/v1/statuses', { dropAfterHandling: true });
    const error = await failure(publisher.publish(ctx));
    expect(error).toMatchObject({ kind: 'transient', ambiguous: true });
    expect(mastodon.creations()).toBe(before + 1);
    expect(journal.pending?.step).toBe('status:0');

    const check = await publisher.findExisting(ctx, journal.pending!);
    expect(check).toEqual({ found: true, progress: expect.objectContaining({ statuses: [{ id: mastodon.statuses.at(-1)!.id, url: expect.any(String) }] }) });
    expect(mastodon.creations()).toBe(before + 1);
    // The engine continues from that progress: nothing is created again.
    journal.progress = (check as { progress: Record<string, unknown> }).progress;
    expect(await publisher.publish(ctx)).toMatchObject({ status: 'published', externalId: mastodon.statuses.at(-1)!.id });
    expect(mastodon.creations()).toBe(before + 1);
  });

  it('past the idempotency window, finds a lost reply in the account\'s statuses by its text, or says it is not there', async () => {
    const before = mastodon.creations();
    const text = 'Second part, with a link: https://example.org/x?a=1&b=2\n\nand a second paragraph <3';
    const { ctx, journal } = context({ parts: [{ text: 'First part', media: [] }, { text, media: [] }, { text: 'Never sent', media: [] }] });
    // The first status goes through, the answer to the second is lost.
    mastodon.failNext('/api/v1/statuses', {});
    mastodon.failNext('/api/v1/statuses', { dropAfterHandling: true });
    await failure(publisher.publish(ctx));
    expect(journal.pending?.step).toBe('status:1');
    const hoursAgo = new Date(Date.now() - 2 * 60 * 60_000);
    // The reply is recognised by its text, not only by its place in the thread.
    const otherText = { ...ctx, parts: [ctx.parts[0]!, { text: 'Another second part', media: [] }, ctx.parts[2]!] };
    expect(await publisher.findExisting(otherText, { step: 'status:1', sentAt: hoursAgo })).toEqual({ found: false });
    const check = await publisher.findExisting(ctx, { step: 'status:1', sentAt: hoursAgo });
    expect(check).toMatchObject({ found: true, progress: { statuses: [{ id: created(before)[0]!.id }, { id: created(before)[1]!.id }] } });
    expect(mastodon.creations()).toBe(before + 2);
    journal.progress = (check as { progress: Record<string, unknown> }).progress;
    expect(await publisher.findExisting(ctx, { step: 'status:2', sentAt: hoursAgo })).toEqual({ found: false });
    expect(mastodon.creations()).toBe(before + 2);
  });

  it('maps refusals: 422 → invalid in readable words, 401 → auth, unsupported file → invalid', async () => {
    const blank = await failure(publisher.publish(context({ parts: [{ text: '', media: [] }] }).ctx));
    expect(blank).toMatchObject({ kind: 'invalid', message: "Mastodon refused the post: Validation failed: Text can't be blank" });
    const badToken = await failure(publisher.publish(context({ parts: [{ text: 'Hi', media: [] }], accessToken: 'revoked-token' }).ctx));
    expect(badToken.kind).toBe('auth');
    expect(badToken.message).not.toContain('revoked-token');
    const bmp = await failure(publisher.publish(context({ parts: [{ text: 'Hi', media: [mediaFile('b-1', Buffer.from('BM'), 'image/bmp')] }] }).ctx));
    expect(bmp).toMatchObject({ kind: 'invalid', message: 'Mastodon refused an image of the post: Validation failed: File content type is invalid, File is invalid' });
    const missingParent = context({ parts: [{ text: 'One', media: [] }, { text: 'Two', media: [] }] });
    missingParent.journal.progress = { media: {}, statuses: [{ id: '1', url: null }] };
    expect(await failure(publisher.publish(missingParent.ctx))).toMatchObject({ kind: 'invalid', message: 'Mastodon refused part 2 of the thread: Record not found' });
  });

  it('maps 429 (the status budget spent) to a transient error that waits until X-RateLimit-Reset', async () => {
    const limited = await startMastodonFake({ statusLimit: { max: 1, windowMs: 60_000 } });
    try {
      const ctx = (text: string) => ({ ...context({ parts: [{ text, media: [] }] }).ctx, instance: limited.domain, accessToken: limited.issueToken() });
      const accessToken = limited.issueToken();
      expect(await publisher.publish({ ...ctx('First'), accessToken })).toMatchObject({ status: 'published' });
      const answer = await fetch(`${limited.url}/api/v1/statuses`, { method: 'POST', headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' }, body: '{"status":"Third"}' });
      expect(answer.status).toBe(429);
      expect(answer.headers.get('x-ratelimit-remaining')).toBe('0');
      expect(answer.headers.get('retry-after')).toBeNull();
      expect(Date.parse(answer.headers.get('x-ratelimit-reset')!)).toBeGreaterThan(Date.now());
      expect(await answer.json()).toEqual({ error: 'Too many requests' });
      const error = await failure(publisher.publish({ ...ctx('Second'), accessToken }));
      expect(error).toMatchObject({ kind: 'transient', code: 'rate_limited', ambiguous: false });
      // Mastodon sends no Retry-After: the wait comes from X-RateLimit-Reset (an ISO date).
      expect(error.retryAfterMs).toBeGreaterThan(50_000);
      expect(error.retryAfterMs).toBeLessThanOrEqual(60_000);
      expect(limited.creations()).toBe(1);
    } finally {
      await limited.close();
    }
  });
});
