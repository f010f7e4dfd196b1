import { detectFacets, type Facet } from '../richtext.ts';
import { blueskySettings } from '../descriptor.ts';
import { blueskyWords, captionsOf, createVideoUploader, defaultVideoService, videoEmbed, type VideoProgress, type VideoServiceOptions } from './bluesky.video.ts';
import { unknownBecause, wordedError } from '../../error-words.ts';
import { requestJson, type NetworkCallOptions } from '../../../server/providers/http.ts';
import { ProviderError, type Instance } from '../../../server/providers/provider.ts';
import type { PostMetrics, PublishContext, PublishLinkCard, PublishMedia, PublishPart, Publisher } from '../../../server/providers/publishing.ts';
import { withSessionAuth } from './oauth/pds-request.ts';

const network = 'bluesky' as const;
const collection = 'app.bsky.feed.post';
const maxImages = 4;
/** app.bsky.embed.external#external: thumb is an image blob of at most 1,000,000 bytes. */
const maxThumbBytes = 1_000_000;

type XrpcError = { error?: string; message?: string };
type BlobRef = { $type: 'blob'; ref: { $link: string }; mimeType: string; size: number };
type StrongRef = { uri: string; cid: string };
/** What Herald keeps per post of the thread, so that a retry continues where the last one stopped. */
type PostProgress = {
  /** Uploaded images by media id: a retry references them instead of uploading again. */
  blobs?: Record<string, BlobRef>;
  /** The post's video at Bluesky's video service: its job, then the processed blob. */
  video?: VideoProgress;
  /** The link card's uploaded thumbnail (null: the card goes without one). */
  thumb?: BlobRef | null;
  /** The record key, chosen before the first attempt so a lost answer can be looked up. */
  rkey?: string;
  uri?: string;
  cid?: string;
};
type Progress = { posts: PostProgress[] };

function readProgress(raw: Record<string, unknown>): Progress {
  return { posts: Array.isArray(raw.posts) ? (raw.posts as PostProgress[]).map((post) => post ?? {}) : [] };
}

function withPost(progress: Progress, index: number, change: PostProgress): Progress {
  const posts = [...progress.posts];
  while (posts.length <= index) posts.push({});
  posts[index] = { ...posts[index], ...change };
  return { ...progress, posts };
}

const created = (post: PostProgress | undefined): post is PostProgress & StrongRef => !!post?.uri && !!post.cid;

// A TID (timestamp identifier, the record key Bluesky's own clients use): 64 bits, the top one
// zero, then microseconds since the epoch and a 10-bit clock id, written in base32-sortable so
// keys sort by time. Strictly increasing within the process; the random clock id keeps two
// workers apart.
const tidAlphabet = '234567abcdefghijklmnopqrstuvwxyz';
const clockId = BigInt(Math.floor(Math.random() * 1024));
let lastMicros = 0;
function nextTid(): string {
  lastMicros = Math.max(Date.now() * 1000, lastMicros + 1);
  let value = (BigInt(lastMicros) << 10n) | clockId;
  let tid = '';
  for (let i = 0; i < 13; i += 1) {
    tid = tidAlphabet[Number(value & 31n)]! + tid;
    value >>= 5n;
  }
  return tid;
}

function xrpcUrl(pds: Instance, nsid: string, query?: Record<string, string>): string {
  if (!pds) throw wordedError('invalid', network, blueskyWords('pdsUnknown'));
  const url = new URL(`${pds}/xrpc/${nsid}`);
  if (query) url.search = new URLSearchParams(query).toString();
  return url.toString();
}

const authErrors = new Set(['ExpiredToken', 'InvalidToken', 'AuthMissing', 'AuthRequired']);

/** A 4xx answer in the engine's terms. (5xx and 429 never get here: fetchFromNetwork made them transient.) */
function refused(status: number, body: unknown, action: 'upload' | 'post' | 'read'): ProviderError {
  const { error, message } = (body ?? {}) as XrpcError;
  // The reference PDS answers an expired access token with 400 ExpiredToken, not 401.
  if (status === 401 || (error && authErrors.has(error))) {
    return wordedError('auth', network, blueskyWords('sessionRejected', { reason: error ?? `HTTP ${status}` }), error ?? 'unauthorized');
  }
  if (status === 413 || error === 'PayloadTooLarge') return wordedError('invalid', network, blueskyWords(action === 'upload' ? 'imageTooLarge' : 'postTooLarge'), 'PayloadTooLarge');
  return wordedError('invalid', network, blueskyWords('refused', { what: blueskyWords(`what.${action}`), reason: message ?? error ?? `HTTP ${status}` }), error ?? `http_${status}`);
}

async function readBytes(media: PublishMedia): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Buffer[] = [];
  for await (const chunk of media.open()) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return new Uint8Array(Buffer.concat(chunks));
}

function languages(settings: Record<string, unknown>): string[] | undefined {
  const parsed = blueskySettings.safeParse(settings ?? {});
  if (!parsed.success) throw wordedError('invalid', network, blueskyWords('badSettings', { issues: parsed.error.issues.map((i) => i.message).join('; ') }), 'bad_settings');
  return parsed.data.langs?.length ? parsed.data.langs : undefined;
}

// Publishes a post and its thread (later parts, then the first comment, each a reply) with
// com.atproto.repo.createRecord at the account's PDS. Every record key is chosen and stored
// before the record is sent: retrying with a key that exists gets an opaque HTTP 500 from the
// reference PDS, so after a lost answer findExisting reads the key back instead.
export function createBlueskyPublisher(options: { allowLocal: boolean; videoService?: VideoServiceOptions }): Publisher {
  // The PDS was named by the account's identity document: its address is checked on every call.
  // OAuth channels' calls become DPoP-bound here (nonce retry included); app-password ones keep Bearer.
  const request = withSessionAuth((url: string, init: RequestInit & Omit<NetworkCallOptions, 'allowPrivate'>) => requestJson(network, url, { ...init, allowPrivate: options.allowLocal }));
  // Procedures (a JSON or byte body) are POSTed; without a body the call is a query (GET).
  async function send(ctx: PublishContext, nsid: string, init: { json?: unknown; bytes?: { data: Uint8Array<ArrayBuffer>; mimeType: string }; query?: Record<string, string> }) {
    const query = init.json === undefined && !init.bytes;
    return request(xrpcUrl(ctx.instance, nsid, init.query), {
      method: query ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${ctx.accessToken}`, accept: 'application/json', ...(query ? {} : { 'content-type': init.bytes ? init.bytes.mimeType : 'application/json' }) },
      body: query ? undefined : init.bytes ? init.bytes.data : JSON.stringify(init.json),
    });
  }
  const videos = createVideoUploader({ service: options.videoService ?? defaultVideoService, send });

  async function uploadImages(ctx: PublishContext, index: number, part: PublishPart, progress: Progress, save: (change: PostProgress) => Promise<void>) {
    if (part.media.length > maxImages) throw wordedError('invalid', network, blueskyWords('tooManyImages', { max: maxImages }), 'too_many_images');
    if (part.media.some((m) => m.kind !== 'image')) throw wordedError('invalid', network, blueskyWords('imagesOrVideo'), 'media_kind');
    let blobs = progress.posts[index]?.blobs ?? {};
    for (const media of part.media) {
      if (blobs[media.id]) continue;
      const data = await readBytes(media);
      const { status, body } = await send(ctx, 'com.atproto.repo.uploadBlob', { bytes: { data, mimeType: media.mimeType } });
      const blob = (body as { blob?: BlobRef } | null)?.blob;
      ctx.journal.log(`upload:${index}:${media.id}`, { mimeType: media.mimeType, size: data.byteLength }, { status, cid: blob?.ref?.$link ?? null });
      if (status !== 200) throw refused(status, body, 'upload');
      if (!blob?.ref?.$link) throw wordedError('invalid', network, blueskyWords('imageNoReference'), 'bad_answer');
      blobs = { ...blobs, [media.id]: blob };
      await save({ blobs });
    }
    return part.media.map((media) => ({
      image: blobs[media.id]!,
      alt: media.altText ?? '',
      ...(media.width && media.height ? { aspectRatio: { width: media.width, height: media.height } } : {}),
    }));
  }

  /**
   * The link card as app.bsky.embed.external: Bluesky's app shows the title, description and
   * thumbnail the client sends and reads nothing from the page itself. The thumbnail is uploaded
   * once and kept in the progress; a card whose image cannot be read goes without one.
   */
  async function externalEmbed(ctx: PublishContext, card: PublishLinkCard, progress: PostProgress | undefined, save: (change: PostProgress) => Promise<void>) {
    let thumb = progress?.thumb;
    if (thumb === undefined) {
      const image = await card.loadImage(maxThumbBytes);
      thumb = null;
      if (image) {
        const { status, body } = await send(ctx, 'com.atproto.repo.uploadBlob', { bytes: image });
        const blob = (body as { blob?: BlobRef } | null)?.blob;
        ctx.journal.log('upload:thumb', { mimeType: image.mimeType, size: image.data.byteLength }, { status, cid: blob?.ref?.$link ?? null });
        if (status !== 200) throw refused(status, body, 'upload');
        if (!blob?.ref?.$link) throw wordedError('invalid', network, blueskyWords('imageNoReference'), 'bad_answer');
        thumb = blob;
      }
      await save({ thumb });
    }
    return { $type: 'app.bsky.embed.external', external: { uri: card.url, title: card.title, description: card.description, ...(thumb ? { thumb } : {}) } };
  }

  /** Mentions whose handle resolves; the others stay plain text, as in Bluesky's own app. */
  async function mentionFacets(ctx: PublishContext, text: string, dids: Map<string, string | null>): Promise<Facet[]> {
    const { facets, mentions } = detectFacets(text);
    for (const mention of mentions) {
      if (!dids.has(mention.handle)) {
        const { status, body } = await request(xrpcUrl(ctx.instance, 'com.atproto.identity.resolveHandle', { handle: mention.handle }), { headers: { accept: 'application/json' } });
        const did = (body as { did?: unknown } | null)?.did;
        ctx.journal.log('resolveHandle', { handle: mention.handle }, { status, did: typeof did === 'string' ? did : null });
        if (status === 200 && typeof did === 'string') dids.set(mention.handle, did);
        else if (status === 400 || status === 404) dids.set(mention.handle, null);
        else throw refused(status, body, 'read');
      }
      const did = dids.get(mention.handle);
      if (did) facets.push({ index: { byteStart: mention.byteStart, byteEnd: mention.byteEnd }, features: [{ $type: 'app.bsky.richtext.facet#mention', did }] });
    }
    return facets.sort((a, b) => a.index.byteStart - b.index.byteStart);
  }

  return {
    network,

    async publish(ctx) {
      const did = ctx.externalAccountId;
      const posts: PublishPart[] = [...ctx.parts, ...(ctx.firstComment ? [{ text: ctx.firstComment, media: [] }] : [])];
      if (posts.length === 0) throw wordedError('invalid', network, blueskyWords('nothingToPublish'), 'empty');
      const langs = languages(ctx.settings);
      const dids = new Map<string, string | null>();
      let progress = readProgress(ctx.journal.progress);

      for (const [index, part] of posts.entries()) {
        if (created(progress.posts[index])) continue;
        const save = async (change: PostProgress) => {
          progress = withPost(progress, index, change);
          await ctx.journal.saveProgress(progress);
        };
        const video = part.media.find((m) => m.kind === 'video');
        let embed: Record<string, unknown> | null = null;
        if (video) {
          if (part.media.length > 1) throw wordedError('invalid', network, blueskyWords('oneVideo'), 'media_kind');
          // Captions belong to the post's first video (the settings hold one set).
          const firstVideo = posts.findIndex((p) => p.media.some((m) => m.kind === 'video')) === index;
          const step = await videos.prepare(ctx, video, firstVideo ? captionsOf(ctx.settings?.captions) : [], progress.posts[index]?.video ?? {}, (state) => save({ video: state }));
          if ('checkAfterMs' in step) return { status: 'processing', checkAfterMs: step.checkAfterMs };
          embed = videoEmbed(video, step.ready);
        } else {
          const images = await uploadImages(ctx, index, part, progress, save);
          if (images.length) embed = { $type: 'app.bsky.embed.images', images };
          // A post has one embed: its own images win over the link card, which goes on the first post only.
          else if (index === 0 && ctx.linkCard) embed = await externalEmbed(ctx, ctx.linkCard, progress.posts[0], save);
        }
        let rkey = progress.posts[index]?.rkey;
        if (!rkey) {
          rkey = nextTid();
          await save({ rkey });
        }
        const facets = await mentionFacets(ctx, part.text, dids);
        const root = progress.posts[0];
        const parent = progress.posts[index - 1];
        const record = {
          $type: collection,
          text: part.text,
          createdAt: new Date().toISOString(),
          ...(facets.length ? { facets } : {}),
          ...(langs ? { langs } : {}),
          ...(embed ? { embed } : {}),
          ...(index > 0 && created(root) && created(parent) ? { reply: { root: { uri: root.uri, cid: root.cid }, parent: { uri: parent.uri, cid: parent.cid } } } : {}),
        };
        const step = `post:${index}`;
        await ctx.journal.beforeCreate(step, { repo: did, collection, rkey, embed: (embed?.$type as string | undefined) ?? null, reply: index > 0 });
        let answer: Awaited<ReturnType<typeof send>>;
        try {
          answer = await send(ctx, 'com.atproto.repo.createRecord', { json: { repo: did, collection, rkey, record } });
        } catch (error) {
          // A 5xx after sending may hide a commit (and a resend of an existing key is itself a
          // 500): the outcome is unknown, findExisting must decide.
          if (error instanceof ProviderError && error.code?.startsWith('http_5')) {
            throw new ProviderError(error.kind, network, error.message, error.code, { retryAfterMs: error.retryAfterMs, ambiguous: true, words: error.words });
          }
          throw error;
        }
        const { status, body } = answer;
        if (status !== 200) {
          // Uploaded media not referenced in time are removed by the PDS: upload them again.
          if ((body as XrpcError | null)?.error === 'BlobNotFound') {
            await save({ blobs: {}, video: {}, thumb: undefined });
            throw wordedError('transient', network, blueskyWords('blobGone'), 'BlobNotFound');
          }
          throw refused(status, body, 'post');
        }
        const { uri, cid } = (body ?? {}) as Partial<StrongRef>;
        if (!uri || !cid) throw wordedError('invalid', network, blueskyWords('postNoReference'), 'bad_answer');
        progress = withPost(progress, index, { uri, cid });
        await ctx.journal.afterCreate(step, { uri, cid }, progress);
      }

      const first = progress.posts[0] as PostProgress & StrongRef;
      const rkey = first.uri.split('/').at(-1)!;
      return { status: 'published', externalId: first.uri, url: `https://bsky.app/profile/${ctx.username || ctx.externalAccountId}/post/${rkey}` };
    },

    async findExisting(ctx, pending) {
      const index = /^post:(\d+)$/.exec(pending.step)?.[1];
      if (index === undefined) return unknownBecause(blueskyWords('unknown.noStep', { step: pending.step }));
      const progress = readProgress(ctx.journal.progress);
      const rkey = progress.posts[Number(index)]?.rkey;
      if (!rkey) return unknownBecause(blueskyWords('unknown.noRecordKey', { index }));
      // Network failures and a rejected session are thrown: asking again later can still settle it.
      const { status, body } = await request(xrpcUrl(ctx.instance, 'com.atproto.repo.getRecord', { repo: ctx.externalAccountId, collection, rkey }), {
        headers: { authorization: `Bearer ${ctx.accessToken}`, accept: 'application/json' },
      });
      const answer = (body ?? {}) as Partial<StrongRef> & XrpcError;
      if (status === 200 && answer.uri && answer.cid) return { found: true, progress: withPost(progress, Number(index), { uri: answer.uri, cid: answer.cid }) };
      if (status === 400 && answer.error === 'RecordNotFound') return { found: false };
      const error = refused(status, body, 'read');
      if (error.kind === 'auth') throw error;
      return unknownBecause(blueskyWords('unknown.notSaid', { rkey, status: `${status}${answer.error ? ` ${answer.error}` : ''}` }));
    },

    // app.bsky.feed.getPosts takes up to 25 AT-URIs; the PDS passes it on to its AppView, which
    // leaves deleted posts out of the answer. Bluesky counts no views or reach.
    metricsBatch: 25,
    async readMetrics(ctx, uris) {
      const url = new URL(xrpcUrl(ctx.instance, 'app.bsky.feed.getPosts'));
      for (const uri of uris) url.searchParams.append('uris', uri);
      const { status, body } = await request(url.toString(), { headers: { authorization: `Bearer ${ctx.accessToken}`, accept: 'application/json' } });
      if (status !== 200) throw refused(status, body, 'read');
      const found = new Map<string, PostMetrics>();
      for (const post of (body as { posts?: PostView[] } | null)?.posts ?? []) {
        if (!post.uri) continue;
        const extra: Record<string, number> = {};
        if (typeof post.quoteCount === 'number') extra.quotes = post.quoteCount;
        found.set(post.uri, { views: null, reach: null, likes: count(post.likeCount), comments: count(post.replyCount), shares: count(post.repostCount), extra });
      }
      return found;
    },
    // The account's followersCount (app.bsky.actor.getProfile, profileViewDetailed): the PDS passes
    // the query on to its AppView, as for the counters.
    async readAccount(ctx) {
      const { status, body } = await request(xrpcUrl(ctx.instance, 'app.bsky.actor.getProfile', { actor: ctx.externalAccountId }), {
        headers: { authorization: `Bearer ${ctx.accessToken}`, accept: 'application/json' },
      });
      if (status !== 200) throw refused(status, body, 'read');
      return { followers: count((body as { followersCount?: unknown } | null)?.followersCount) };
    },
  };
}

type PostView = { uri?: string; likeCount?: unknown; replyCount?: unknown; repostCount?: unknown; quoteCount?: unknown };
const count = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);
