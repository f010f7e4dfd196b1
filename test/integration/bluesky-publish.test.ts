import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBlueskyPublisher } from '../../src/networks/bluesky/server/bluesky.publisher.ts';
import { ProviderError } from '../../src/server/providers/provider.ts';
import type { PublishContext, PublishJournal, PublishMedia, PublishPart } from '../../src/server/providers/publishing.ts';
import { pdsAvailable, startLocalPds, type LocalPds } from '../pds/pds.ts';

// The Bluesky publisher against the reference PDS (test/pds): the PDS validates every record
// against the lexicons, stores the blobs and refuses what Bluesky refuses.
type Journal = PublishJournal & {
  progress: Record<string, unknown>;
  events: { kind: 'before' | 'after'; step: string; data: Record<string, unknown> }[];
  logs: string[];
};

/** The engine's journal, in memory; `fail` makes one of its calls throw, as a crash or a lost answer would. */
function memoryJournal(fail: { beforeCreate?: () => Error | undefined; afterCreate?: () => Error | undefined } = {}): Journal {
  const journal: Journal = {
    progress: {},
    events: [],
    logs: [],
    async beforeCreate(step, request) {
      const error = fail.beforeCreate?.();
      if (error) throw error;
      journal.events.push({ kind: 'before', step, data: request });
    },
    async afterCreate(step, response, progress) {
      const error = fail.afterCreate?.();
      if (error) throw error;
      journal.events.push({ kind: 'after', step, data: response });
      journal.progress = progress;
    },
    async saveProgress(progress) {
      journal.progress = progress;
    },
    log(step) {
      journal.logs.push(step);
    },
  };
  return journal;
}

/** A solid-colour RGB PNG, small enough to stay readable in a failure message. */
function png(width: number, height: number, rgb: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 2; // truecolour
  const row = Buffer.from([0, ...Array.from({ length: width }, () => rgb).flat()]);
  const pixels = zlib.deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

type Image = PublishMedia & { opened: number };
function image(id: string, bytes: Buffer, width: number, height: number, altText: string): Image {
  const media: Image = {
    id,
    kind: 'image',
    mimeType: 'image/png',
    size: bytes.length,
    width,
    height,
    durationSeconds: null,
    frameRate: null,
    altText,
    publicUrl: null,
    opened: 0,
    open() {
      media.opened += 1;
      return Readable.from([bytes]);
    },
  };
  return media;
}

type PostRecord = {
  text: string;
  langs?: string[];
  facets?: { index: { byteStart: number; byteEnd: number }; features: Record<string, string>[] }[];
  embed?: { $type: string; images: { alt: string; aspectRatio?: { width: number; height: number }; image: { ref: { $link: string }; mimeType: string; size: number } }[] };
  reply?: { root: { uri: string; cid: string }; parent: { uri: string; cid: string } };
};

const tidPattern = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;
const utf8Slice = (text: string, { byteStart, byteEnd }: { byteStart: number; byteEnd: number }) => Buffer.from(text, 'utf8').subarray(byteStart, byteEnd).toString('utf8');

// In CI the PDS is required: a skipped suite there would hide a broken setup.
describe.skipIf(!pdsAvailable() && !process.env.CI)('Publishing to Bluesky against a real local PDS (run test/pds/setup.sh first)', () => {
  let pds: LocalPds;
  let accessJwt: string;
  const alice = () => pds.accounts[0]!;
  const bob = () => pds.accounts[1]!;
  const publisher = createBlueskyPublisher({ allowLocal: true });

  beforeAll(async () => {
    pds = await startLocalPds([
      { handle: 'alice.test', password: 'alice-main-password' },
      { handle: 'bob.test', password: 'bob-main-password' },
    ]);
    const session = await fetch(`${pds.pdsUrl}/xrpc/com.atproto.server.createSession`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identifier: alice().handle, password: alice().appPassword }),
    });
    expect(session.status).toBe(200);
    accessJwt = ((await session.json()) as { accessJwt: string }).accessJwt;
  });
  afterAll(async () => {
    await pds?.stop();
  });

  const context = (parts: PublishPart[], journal: Journal, extra: Partial<PublishContext> = {}): PublishContext => ({
    deliveryId: 'delivery-1',
    idempotencyKey: 'key-1',
    accessToken: accessJwt,
    instance: pds.pdsUrl,
    externalAccountId: alice().did,
    username: alice().handle,
    limits: {},
    parts,
    firstComment: null,
    settings: {},
    journal,
    ...extra,
  });
  const getRecord = async (uri: string) => {
    const rkey = uri.split('/').at(-1)!;
    const res = await fetch(`${pds.pdsUrl}/xrpc/com.atproto.repo.getRecord?${new URLSearchParams({ repo: alice().did, collection: 'app.bsky.feed.post', rkey })}`);
    expect(res.status).toBe(200);
    return (await res.json()) as { uri: string; cid: string; value: PostRecord };
  };
  const postCount = async () => {
    const res = await fetch(`${pds.pdsUrl}/xrpc/com.atproto.repo.listRecords?${new URLSearchParams({ repo: alice().did, collection: 'app.bsky.feed.post', limit: '100' })}`);
    return ((await res.json()) as { records: unknown[] }).records.length;
  };
  const progressOf = (journal: Journal) => journal.progress as { posts: { rkey?: string; uri?: string; cid?: string; blobs?: Record<string, unknown> }[] };

  it('publishes a post whose link, hashtag and mention facets select the right UTF-8 bytes', async () => {
    const text = 'Grüße 👋🏽 von Herald #launch https://example.com/a?b=c. cc @bob.test und @nobody.test';
    const journal = memoryJournal();
    const outcome = await publisher.publish(context([{ text, media: [] }], journal, { settings: { langs: ['de', 'en'] } }));

    const rkey = progressOf(journal).posts[0]!.rkey!;
    expect(rkey).toMatch(tidPattern);
    expect(outcome).toEqual({ status: 'published', externalId: `at://${alice().did}/app.bsky.feed.post/${rkey}`, url: `https://bsky.app/profile/alice.test/post/${rkey}` });
    expect(journal.events.map((e) => `${e.kind} ${e.step}`)).toEqual(['before post:0', 'after post:0']);
    expect(journal.events[0]!.data).toMatchObject({ rkey, repo: alice().did, collection: 'app.bsky.feed.post' });

    const { value } = await getRecord(outcome.status === 'published' ? outcome.externalId : '');
    expect(value.text).toBe(text);
    expect(value.langs).toEqual(['de', 'en']);
    // The unknown handle stays plain text.
    expect(value.facets!.map((f) => [utf8Slice(value.text, f.index), f.features])).toEqual([
      ['#launch', [{ $type: 'app.bsky.richtext.facet#tag', tag: 'launch' }]],
      ['https://example.com/a?b=c', [{ $type: 'app.bsky.richtext.facet#link', uri: 'https://example.com/a?b=c' }]],
      ['@bob.test', [{ $type: 'app.bsky.richtext.facet#mention', did: bob().did }]],
    ]);
    expect(value.facets![0]!.index.byteStart).toBe(Buffer.byteLength('Grüße 👋🏽 von Herald '));
  });

  it('uploads images once, even when the attempt dies before the post is created, and embeds them with alt text and aspect ratio', async () => {
    const red = image('media-red', png(3, 2, [255, 0, 0]), 3, 2, 'A red rectangle, wider than tall');
    const blue = image('media-blue', png(2, 4, [0, 0, 255]), 2, 4, '');
    let crash = true;
    const journal = memoryJournal({ beforeCreate: () => (crash ? new Error('worker stopped') : undefined) });
    const ctx = context([{ text: '', media: [red, blue] }], journal);
    await expect(publisher.publish(ctx)).rejects.toThrow('worker stopped');
    expect(Object.keys(progressOf(journal).posts[0]!.blobs!)).toEqual(['media-red', 'media-blue']);

    crash = false;
    const outcome = await publisher.publish(ctx);
    expect([red.opened, blue.opened]).toEqual([1, 1]);
    expect(journal.logs.filter((step) => step.startsWith('upload:'))).toEqual(['upload:0:media-red', 'upload:0:media-blue']);
    const { value } = await getRecord(outcome.status === 'published' ? outcome.externalId : '');
    expect(value.embed).toMatchObject({
      $type: 'app.bsky.embed.images',
      images: [
        { alt: 'A red rectangle, wider than tall', aspectRatio: { width: 3, height: 2 }, image: { mimeType: 'image/png', size: red.size } },
        { alt: '', aspectRatio: { width: 2, height: 4 }, image: { mimeType: 'image/png', size: blue.size } },
      ],
    });
    // The blobs are served by the PDS: the references are real.
    const cid = value.embed!.images[0]!.image.ref.$link;
    const blob = await fetch(`${pds.pdsUrl}/xrpc/com.atproto.sync.getBlob?${new URLSearchParams({ did: alice().did, cid })}`);
    expect(Buffer.from(await blob.arrayBuffer()).equals(png(3, 2, [255, 0, 0]))).toBe(true);
  });

  it('publishes a thread of three and a first comment, each replying to the one before under the same root', async () => {
    const journal = memoryJournal();
    const parts = ['1/3 Ein Faden 🧵', '2/3 weiter', '3/3 Ende'].map((text) => ({ text, media: [] }));
    const outcome = await publisher.publish(context(parts, journal, { firstComment: 'Links: https://example.com' }));
    expect(journal.events.map((e) => `${e.kind} ${e.step}`)).toEqual(['before post:0', 'after post:0', 'before post:1', 'after post:1', 'before post:2', 'after post:2', 'before post:3', 'after post:3']);
    const records = await Promise.all(progressOf(journal).posts.map((post) => getRecord(post.uri!)));
    const [root, second, third, comment] = records.map((r) => ({ ...r, ref: { uri: r.uri, cid: r.cid } }));
    expect(outcome).toMatchObject({ status: 'published', externalId: root!.uri });
    expect(root!.value.reply).toBeUndefined();
    expect(second!.value.reply).toEqual({ root: root!.ref, parent: root!.ref });
    expect(third!.value.reply).toEqual({ root: root!.ref, parent: second!.ref });
    expect(comment!.value).toMatchObject({ text: 'Links: https://example.com', reply: { root: root!.ref, parent: third!.ref } });
    expect(progressOf(journal).posts.map((p) => p.cid)).toEqual(records.map((r) => r.cid));
  });

  it('settles a lost answer by reading the stored record key back, then finishes without a second post', async () => {
    let loseAnswer = true;
    const lost = () => (loseAnswer ? new ProviderError('transient', 'bluesky', 'bluesky did not answer in time', 'timeout', { ambiguous: true }) : undefined);
    const journal = memoryJournal({ afterCreate: lost });
    const ctx = context([{ text: 'Posted once, whatever happens', media: [] }, { text: 'and its reply', media: [] }], journal);
    await expect(publisher.publish(ctx)).rejects.toMatchObject({ kind: 'transient', ambiguous: true });
    const rkey = progressOf(journal).posts[0]!.rkey!;
    expect(progressOf(journal).posts[0]!.uri).toBeUndefined();
    const before = await postCount();

    // Why a blind resend is no option: the PDS answers a second write at the same key with a bare
    // 500, which the publisher reports as ambiguous so that the engine asks findExisting.
    await expect(publisher.publish(ctx)).rejects.toMatchObject({ kind: 'transient', code: 'http_500', ambiguous: true });
    expect(await postCount()).toBe(before);

    const check = await publisher.findExisting(ctx, { step: 'post:0', sentAt: new Date() });
    const stored = await getRecord(`at://${alice().did}/app.bsky.feed.post/${rkey}`);
    expect(check).toEqual({ found: true, progress: { posts: [{ rkey, uri: stored.uri, cid: stored.cid }] } });
    expect(stored.value.text).toBe('Posted once, whatever happens');

    loseAnswer = false;
    journal.progress = (check as { progress: Record<string, unknown> }).progress;
    const outcome = await publisher.publish(ctx);
    expect(outcome).toMatchObject({ status: 'published', externalId: stored.uri });
    expect(journal.events.map((e) => `${e.kind} ${e.step}`)).toEqual(['before post:0', 'before post:0', 'before post:1', 'after post:1']);
    expect(await postCount()).toBe(before + 1);
    const reply = await getRecord(progressOf(journal).posts[1]!.uri!);
    expect(reply.value.reply).toEqual({ root: { uri: stored.uri, cid: stored.cid }, parent: { uri: stored.uri, cid: stored.cid } });
  });

  it('answers found: false for a record key that was stored but never sent', async () => {
    const journal = memoryJournal({ beforeCreate: () => new Error('worker stopped') });
    const ctx = context([{ text: 'never sent', media: [] }], journal);
    await expect(publisher.publish(ctx)).rejects.toThrow('worker stopped');
    expect(progressOf(journal).posts[0]!.rkey).toMatch(tidPattern);
    expect(await publisher.findExisting(ctx, { step: 'post:0', sentAt: new Date() })).toEqual({ found: false });
    expect(await publisher.findExisting(ctx, { step: 'media:0', sentAt: new Date() })).toMatchObject({ found: 'unknown' });
  });

  it('maps a text over 300 graphemes to invalid with the PDS message, and a bad session to auth', async () => {
    // The reference PDS says "grapheme too big (maximum 300, got 301)"; the message is passed on as is.
    const tooLong = '👋🏽'.repeat(301);
    const error = await publisher.publish(context([{ text: tooLong, media: [] }], memoryJournal())).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'invalid', code: 'InvalidRequest', ambiguous: false, message: expect.stringMatching(/grapheme.*maximum 300, got 301/) });

    const expired = await publisher.publish(context([{ text: 'hello', media: [] }], memoryJournal(), { accessToken: `${accessJwt}x` })).catch((e: unknown) => e);
    expect(expired).toMatchObject({ kind: 'auth' });
  });
  it('sends a link card as app.bsky.embed.external with its thumbnail uploaded once; images win over the card', async () => {
    const thumbBytes = png(4, 2, [0, 128, 0]);
    let loads = 0;
    const linkCard = {
      url: 'https://example.com/article?utm_source=bluesky',
      title: 'An edited title',
      description: 'What the article is about',
      imageUrl: 'https://example.com/card.png',
      async loadImage(maxBytes: number) {
        loads += 1;
        expect(maxBytes).toBe(1_000_000);
        return { data: new Uint8Array(thumbBytes), mimeType: 'image/png' };
      },
    };
    let crash = true;
    const journal = memoryJournal({ beforeCreate: () => (crash ? new Error('worker stopped') : undefined) });
    const ctx = context([{ text: 'Read https://example.com/article?utm_source=bluesky', media: [] }, { text: 'and a reply', media: [] }], journal, { linkCard });
    await expect(publisher.publish(ctx)).rejects.toThrow('worker stopped');
    crash = false;
    const outcome = await publisher.publish(ctx);
    expect(loads).toBe(1);
    expect(journal.logs.filter((step) => step === 'upload:thumb')).toHaveLength(1);
    const { value } = await getRecord(outcome.status === 'published' ? outcome.externalId : '');
    const embed = value.embed as unknown as { $type: string; external: { uri: string; title: string; description: string; thumb: { ref: { $link: string }; mimeType: string; size: number } } };
    expect(embed).toMatchObject({ $type: 'app.bsky.embed.external', external: { uri: linkCard.url, title: 'An edited title', description: 'What the article is about', thumb: { mimeType: 'image/png', size: thumbBytes.length } } });
    const blob = await fetch(`${pds.pdsUrl}/xrpc/com.atproto.sync.getBlob?${new URLSearchParams({ did: alice().did, cid: embed.external.thumb.ref.$link })}`);
    expect(Buffer.from(await blob.arrayBuffer()).equals(thumbBytes)).toBe(true);
    // The reply carries no card.
    const reply = await getRecord(progressOf(journal).posts[1]!.uri!);
    expect(reply.value.embed).toBeUndefined();

    // Without a readable image the card goes without a thumbnail; with images, the images are the embed.
    const bare = await publisher.publish(context([{ text: 'bare card', media: [] }], memoryJournal(), { linkCard: { ...linkCard, loadImage: async () => null } }));
    expect((await getRecord(bare.status === 'published' ? bare.externalId : '')).value.embed).toEqual({ $type: 'app.bsky.embed.external', external: { uri: linkCard.url, title: 'An edited title', description: 'What the article is about' } });
    const red = image('media-card-red', png(3, 2, [255, 0, 0]), 3, 2, 'red');
    const withImages = await publisher.publish(context([{ text: 'images win', media: [red] }], memoryJournal(), { linkCard }));
    expect((await getRecord(withImages.status === 'published' ? withImages.externalId : '')).value.embed?.$type).toBe('app.bsky.embed.images');
  });
});
