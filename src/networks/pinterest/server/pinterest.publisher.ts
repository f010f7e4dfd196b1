// Publishing to Pinterest (shared/providers.md §10). Images go inline (`image_base64`, or
// `multiple_image_base64` for a carousel of 2–5), so no public media address is needed. A video
// is registered (POST /v5/media), its bytes POSTed to the returned upload_url as a multipart form
// (every upload_parameters field, then the file), polled until `succeeded`, then pinned with
// `video_id` and a cover. Pinterest has no idempotency key: every creating call is announced in
// the journal, and a lost answer is settled by reading the board's recent pins.
import crypto from 'node:crypto';
import type { Readable } from 'node:stream';
import { pinShape, pinterestSettings, PINTEREST_ALT_TEXT_MAX, type PinterestSettings } from '../descriptor.ts';
import { fetchFromNetwork } from '../../../server/providers/http.ts';
import { ProviderError } from '../../../server/providers/provider.ts';
import type { ExistingCheck, MetricsContext, PostMetrics, PublishContext, PublishMedia, PublishOutcome, Publisher } from '../../../server/providers/publishing.ts';
import { apiUrlOf, badAnswer, idOf, needs, network, pinterestCall, pinterestWords } from './pinterest-api.ts';
import { unknownBecause, wordedError } from '../../error-words.ts';
import type { MessageRef } from '../../../server/modules/notifications/notification-message.ts';

export type PinterestPublisherOptions = {
  apiUrl: string;
  /** The first status check of an uploaded video; later checks wait longer (up to `maxPollMs`). */
  firstPollMs?: number;
  maxPollMs?: number;
  /** A video Pinterest is still processing after this long is given up on. */
  processingTimeoutMs?: number;
};

/** What Herald keeps in the journal between calls (never the upload form's signed fields). */
type Progress = {
  /** The registered video (POST /v5/media). */
  mediaId?: string;
  /** Its bytes reached the upload address. */
  uploaded?: boolean;
  waitingSince?: number;
  polls?: number;
  lastStatus?: string;
  pinId?: string;
};

type MediaUpload = { media_id?: unknown; upload_url?: unknown; upload_parameters?: Record<string, unknown> };
type ListedPin = { id?: unknown; title?: unknown; description?: unknown; link?: unknown; created_at?: unknown; board_section_id?: unknown };

const invalid = (words: MessageRef, code?: string) => wordedError('invalid', network, words, code);
export const pinUrl = (id: string) => `https://www.pinterest.com/pin/${id}/`;

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

function parseSettings(ctx: PublishContext): PinterestSettings & { boardId: string } {
  const parsed = pinterestSettings.safeParse(ctx.settings ?? {});
  if (!parsed.success) throw invalid(pinterestWords('settingsInvalid', { reason: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') }));
  if (!parsed.data.boardId) throw invalid(pinterestWords('boardRequired'), 'board_required');
  return parsed.data as PinterestSettings & { boardId: string };
}

/** The fields every pin of this post carries, besides its media. */
function pinFields(ctx: PublishContext, settings: PinterestSettings & { boardId: string }, altText: string | undefined) {
  const description = ctx.parts[0]?.text ?? '';
  return {
    board_id: settings.boardId,
    ...(settings.boardSectionId ? { board_section_id: settings.boardSectionId } : {}),
    ...(settings.title ? { title: settings.title } : {}),
    ...(description ? { description } : {}),
    ...(settings.link ? { link: settings.link } : {}),
    ...(altText ? { alt_text: altText.slice(0, PINTEREST_ALT_TEXT_MAX) } : {}),
  };
}

const imageSource = async (image: PublishMedia) => ({ content_type: contentTypeOf(image), data: (await readAll(image.open())).toString('base64') });
function contentTypeOf(image: PublishMedia): 'image/jpeg' | 'image/png' {
  if (image.mimeType === 'image/jpeg' || image.mimeType === 'image/png') return image.mimeType;
  throw invalid(pinterestWords('imageType', { type: image.mimeType }), 'image_type');
}

/** A multipart/form-data body of text fields then one file, streamed, with its exact length. */
function multipartVideo(fields: [string, string | number | boolean][], video: PublishMedia) {
  const boundary = `----herald-${crypto.randomBytes(12).toString('hex')}`;
  const quote = (value: string) => value.replace(/["\r\n]/g, (c) => encodeURIComponent(c));
  const head = Buffer.from(
    fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"\r\n\r\n${String(value)}\r\n`).join('') +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="video${video.mimeType === 'video/quicktime' ? '.mov' : '.mp4'}"\r\nContent-Type: ${video.mimeType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  async function* body(): AsyncGenerator<Uint8Array> {
    yield head;
    let sent = 0;
    for await (const chunk of video.open()) {
      const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
      sent += bytes.length;
      yield bytes;
    }
    if (sent !== video.size) throw wordedError('invalid', network, pinterestWords('mediaUnreadable', { sent, size: video.size }), 'media_unreadable');
    yield tail;
  }
  return { contentType: `multipart/form-data; boundary=${boundary}`, length: head.length + video.size + tail.length, body: body() };
}

export function createPinterestPublisher(options: PinterestPublisherOptions): Publisher {
  const { apiUrl } = options;
  const firstPollMs = options.firstPollMs ?? 3_000;
  const maxPollMs = options.maxPollMs ?? 30_000;
  const processingTimeoutMs = options.processingTimeoutMs ?? 30 * 60_000;
  const url = (path: string, query: Record<string, string | undefined> = {}) => apiUrlOf(apiUrl, path, query);

  function shapeOf(ctx: PublishContext, settings: PinterestSettings) {
    const media = ctx.parts[0]?.media ?? [];
    const shape = pinShape(media, settings);
    if (shape === 'none') throw invalid(pinterestWords('mediaRequired'), 'media_required');
    if (shape === 'mixed') throw invalid(pinterestWords('mediaMixed'), 'media_mixed');
    return { shape, media };
  }

  /** Registers the video, announced first: a lost answer leaves an upload slot that is never pinned. */
  async function register(ctx: PublishContext, progress: Progress): Promise<{ progress: Progress; upload: MediaUpload }> {
    await ctx.journal.beforeCreate('media', { mediaType: 'video' });
    const upload = await pinterestCall<MediaUpload>(url('/media'), ctx.accessToken, { method: 'POST', json: { media_type: 'video' }, need: needs.media, account: ctx.externalAccountId });
    const mediaId = idOf(upload.media_id);
    if (!mediaId || typeof upload.upload_url !== 'string') throw badAnswer(pinterestWords('answer.mediaUpload'));
    const next: Progress = { ...progress, mediaId, uploaded: false, polls: 0, waitingSince: undefined, lastStatus: 'registered' };
    await ctx.journal.afterCreate('media', { mediaId }, next);
    return { progress: next, upload };
  }

  /**
   * The presigned multipart POST: every upload_parameters field first, then the file (S3 ignores
   * fields after it). The file is streamed from storage with its length known up front (S3 takes
   * no chunked uploads), so a 2 GB video is never held in memory.
   */
  async function uploadVideo(ctx: PublishContext, video: PublishMedia, upload: MediaUpload): Promise<void> {
    const target = upload.upload_url as string;
    const fields = Object.entries(upload.upload_parameters ?? {}).filter((entry): entry is [string, string | number | boolean] => ['string', 'number', 'boolean'].includes(typeof entry[1]));
    const form = multipartVideo(fields, video);
    // The upload address comes from Pinterest's answer: a private one is allowed only where the
    // operator pointed Herald's Pinterest API (a local fake), never elsewhere.
    const allowPrivate = new URL(target).origin === new URL(apiUrl).origin;
    const response = await fetchFromNetwork(network, target, {
      method: 'POST',
      headers: { 'content-type': form.contentType, 'content-length': String(form.length) },
      body: form.body as unknown as BodyInit,
      duplex: 'half',
      timeoutMs: 30 * 60_000,
      allowPrivate,
    } as RequestInit & { duplex: 'half'; timeoutMs: number; allowPrivate: boolean });
    const answer = await response.text().catch(() => '');
    ctx.journal.log('upload', { bytes: video.size }, { status: response.status });
    if (response.status < 200 || response.status >= 300) {
      const reason = /<Message>([^<]*)<\/Message>/.exec(answer)?.[1];
      throw invalid(reason ? pinterestWords('uploadRefusedBecause', { status: response.status, reason }) : pinterestWords('uploadRefused', { status: response.status }), 'upload_refused');
    }
  }

  const nextPoll = (progress: Progress) => Math.min(maxPollMs, Math.round(firstPollMs * 1.5 ** (progress.polls ?? 0)));

  /** null once the video succeeded; a processing outcome while Pinterest works on it. */
  async function awaitVideo(ctx: PublishContext, progress: Progress): Promise<{ outcome: PublishOutcome | null; progress: Progress }> {
    const media = await pinterestCall<{ status?: unknown }>(url(`/media/${progress.mediaId}`), ctx.accessToken, { need: needs.mediaStatus, account: ctx.externalAccountId });
    const status = typeof media.status === 'string' ? media.status : 'unknown';
    if (status === 'succeeded') return { outcome: null, progress: { ...progress, lastStatus: status } };
    if (status === 'failed') throw invalid(pinterestWords('videoFailed'), 'video_failed');
    const waitingSince = progress.waitingSince ?? Date.now();
    if (Date.now() - waitingSince > processingTimeoutMs) {
      throw invalid(pinterestWords('processingTimeout', { minutes: Math.round(processingTimeoutMs / 60_000) }), 'processing_timeout');
    }
    const next: Progress = { ...progress, waitingSince, polls: (progress.polls ?? 0) + 1, lastStatus: status };
    ctx.journal.log('media-status', { mediaId: progress.mediaId }, { status, polls: next.polls });
    await ctx.journal.saveProgress(next);
    return { outcome: { status: 'processing', checkAfterMs: nextPoll(progress) }, progress: next };
  }

  async function mediaSource(ctx: PublishContext, settings: PinterestSettings, progress: Progress) {
    const { shape, media } = shapeOf(ctx, settings);
    if (shape === 'image') return { source: { source_type: 'image_base64', ...(await imageSource(media[0]!)) }, altText: media[0]!.altText, summary: { kind: 'image' } };
    if (shape === 'carousel') {
      const items = [];
      for (const image of media) items.push(await imageSource(image));
      return { source: { source_type: 'multiple_image_base64', items }, altText: media.find((m) => m.altText)?.altText, summary: { kind: 'carousel', items: items.length } };
    }
    const cover = settings.coverMediaId ? media.find((m) => m.id === settings.coverMediaId && m.kind === 'image') : undefined;
    const coverFields = cover
      ? { cover_image_content_type: contentTypeOf(cover), cover_image_data: (await readAll(cover.open())).toString('base64') }
      : // Pinterest needs a cover: the chosen moment, else the first frame.
        { cover_image_key_frame_time: settings.coverKeyFrameSeconds ?? 0 };
    return {
      source: { source_type: 'video_id', media_id: progress.mediaId!, ...coverFields },
      altText: media.find((m) => m.kind === 'video')?.altText,
      summary: { kind: 'video', mediaId: progress.mediaId, cover: cover ? 'image' : `frame ${settings.coverKeyFrameSeconds ?? 0} s` },
    };
  }

  /** POST /v5/pins, announced first: a lost answer is settled by findExisting, never by a blind resend. */
  async function createPin(ctx: PublishContext, settings: PinterestSettings & { boardId: string }, progress: Progress): Promise<Progress> {
    const { source, altText, summary } = await mediaSource(ctx, settings, progress);
    const body = { ...pinFields(ctx, settings, altText), media_source: source };
    await ctx.journal.beforeCreate('pin', { ...summary, boardId: settings.boardId, boardSectionId: settings.boardSectionId ?? null, titleLength: settings.title?.length ?? 0, descriptionLength: ctx.parts[0]?.text.length ?? 0 });
    const pin = await pinterestCall<{ id?: unknown }>(url('/pins'), ctx.accessToken, { method: 'POST', json: body, need: needs.pins, account: ctx.externalAccountId, timeoutMs: 120_000 });
    const pinId = idOf(pin.id);
    if (!pinId) throw badAnswer(pinterestWords('answer.pinId'));
    const next: Progress = { ...progress, pinId };
    await ctx.journal.afterCreate('pin', { pinId }, next);
    return next;
  }

  /** When a listed pin was made; Pinterest writes UTC times without a zone ("2026-12-05T17:25:37"). */
  const created = (p: ListedPin) => (typeof p.created_at === 'string' ? Date.parse(/(Z|[+-]\d\d:?\d\d)$/.test(p.created_at) ? p.created_at : `${p.created_at}Z`) : Number.NaN);

  /** The board's pins created since `since` (ms), newest first, a few pages at most. */
  async function recentPins(ctx: PublishContext, boardId: string, since: number): Promise<ListedPin[]> {
    const pins: ListedPin[] = [];
    let bookmark: string | undefined;
    for (let page = 0; page < 4; page += 1) {
      const answer = await pinterestCall<{ items?: ListedPin[]; bookmark?: string | null }>(url(`/boards/${boardId}/pins`, { page_size: '50', bookmark }), ctx.accessToken, {
        need: needs.readPins,
        account: ctx.externalAccountId,
      });
      const items = answer.items ?? [];
      pins.push(...items.filter((p) => !(created(p) < since)));
      if (!answer.bookmark || items.some((p) => created(p) < since)) break;
      bookmark = answer.bookmark;
    }
    return pins;
  }

  return {
    network,

    async publish(ctx) {
      let progress = ctx.journal.progress as Progress;
      if (progress.pinId) return { status: 'published', externalId: progress.pinId, url: pinUrl(progress.pinId) };
      const settings = parseSettings(ctx);
      const { shape, media } = shapeOf(ctx, settings);
      if (shape === 'video') {
        const video = media.find((m) => m.kind === 'video')!;
        if (!progress.mediaId || !progress.uploaded) {
          // A registered slot whose upload did not finish cannot be resumed (the signed form
          // fields are not kept): a new slot is registered; the old one is never pinned.
          const registered = await register(ctx, progress);
          await uploadVideo(ctx, video, registered.upload);
          progress = { ...registered.progress, uploaded: true, waitingSince: Date.now() };
          await ctx.journal.saveProgress(progress);
          return { status: 'processing', checkAfterMs: firstPollMs };
        }
        const waited = await awaitVideo(ctx, progress);
        if (waited.outcome) return waited.outcome;
        progress = waited.progress;
      }
      progress = await createPin(ctx, settings, progress);
      return { status: 'published', externalId: progress.pinId!, url: pinUrl(progress.pinId!) };
    },

    /*
     * A creating call was sent and its answer lost.
     * - `media` (registering a video): Herald never learnt the slot or its upload form, so it can
     *   never be pinned: registering again is safe.
     * - `pin`: Pinterest makes the pin during the call. The board's pins created since the call
     *   was sent (less a minute for clocks) are read: one with this title, description and link
     *   is ours; none is proof enough that it was not made (safe to send again). A post with no
     *   title, description or link cannot be told from another pin made meanwhile: then any
     *   such pin makes the answer unknown, for a person to decide.
     */
    async findExisting(ctx, pending): Promise<ExistingCheck> {
      if (pending.step === 'media') return { found: false };
      if (pending.step !== 'pin') return unknownBecause(pinterestWords('unknownStep', { step: pending.step }));
      const parsed = pinterestSettings.safeParse(ctx.settings ?? {});
      const boardId = parsed.success ? parsed.data.boardId : undefined;
      if (!boardId) return unknownBecause(pinterestWords('unknownNoBoard'));
      const settings = parsed.data!;
      let pins: ListedPin[];
      try {
        pins = await recentPins(ctx, boardId, pending.sentAt.getTime() - 60_000);
      } catch (error) {
        if (error instanceof ProviderError && error.kind === 'scope') {
          return unknownBecause(error.scope ? pinterestWords('unknownPinsScope', { scope: error.scope }) : pinterestWords('unknownPinsPermission'));
        }
        if (error instanceof ProviderError && error.kind === 'invalid') {
          return unknownBecause(pinterestWords('unknownPinsUnlisted', { reason: error.message }));
        }
        throw error;
      }
      const same = (a: unknown, b: string | undefined) => (typeof a === 'string' ? a : '') === (b ?? '');
      const description = ctx.parts[0]?.text ?? '';
      const identifiable = Boolean(settings.title || description || settings.link);
      const matches = pins.filter((p) => idOf(p.id) && same(p.title, settings.title) && same(p.description, description) && same(p.link, settings.link));
      if (identifiable && matches.length >= 1) return { found: true, progress: { ...(ctx.journal.progress as Progress), pinId: idOf(matches[0]!.id)! } };
      if (!identifiable && pins.length) return unknownBecause(pinterestWords('unknownUnrecognisable'));
      return { found: false };
    },

    // One analytics call per pin (org_analytics: 60 a minute).
    metricsBatch: 20,
    async readMetrics(ctx: MetricsContext, ids: string[]) {
      const found = new Map<string, PostMetrics>();
      const day = (offset: number) => new Date(Date.now() - offset * 86_400_000).toISOString().slice(0, 10);
      const standard = ['IMPRESSION', 'SAVE', 'PIN_CLICK', 'OUTBOUND_CLICK', 'TOTAL_COMMENTS', 'TOTAL_REACTIONS'];
      for (const id of ids) {
        if (!/^\d+$/.test(id)) continue;
        const read = (types: string[]) =>
          pinterestCall<Record<string, { summary_metrics?: Record<string, unknown>; lifetime_metrics?: Record<string, unknown> }>>(
            // Pinterest keeps 90 days of pin statistics.
            url(`/pins/${id}/analytics`, { start_date: day(89), end_date: day(0), metric_types: types.join(',') }),
            ctx.accessToken,
            { need: needs.analytics, account: ctx.externalAccountId },
          );
        let answer: Awaited<ReturnType<typeof read>>;
        try {
          answer = await read([...standard, 'VIDEO_MRC_VIEW']);
        } catch (error) {
          if (!(error instanceof ProviderError && error.kind === 'invalid')) throw error;
          // Not a video pin, or gone: the standard metrics alone; a pin deleted at Pinterest is left out.
          try {
            answer = await read(standard);
          } catch (again) {
            if (again instanceof ProviderError && again.kind === 'invalid') continue;
            throw again;
          }
        }
        const all = answer.all ?? Object.values(answer)[0] ?? {};
        const value = (name: string) => {
          const raw = all.summary_metrics?.[name] ?? all.lifetime_metrics?.[name];
          return typeof raw === 'number' && Number.isFinite(raw) ? raw : null;
        };
        const extra = Object.fromEntries(
          Object.entries({ pinClicks: value('PIN_CLICK'), outboundClicks: value('OUTBOUND_CLICK'), videoViews: value('VIDEO_MRC_VIEW') }).filter((e): e is [string, number] => e[1] !== null),
        );
        // Saves are how a pin spreads on Pinterest: they stand in for shares.
        found.set(id, { views: value('IMPRESSION'), likes: value('TOTAL_REACTIONS'), comments: value('TOTAL_COMMENTS'), shares: value('SAVE'), reach: null, extra });
      }
      return found;
    },
    // The account's follower_count (GET /v5/user_account, user_accounts:read: the profile's scope).
    async readAccount(ctx: MetricsContext) {
      const me = await pinterestCall<{ follower_count?: unknown }>(url('/user_account'), ctx.accessToken, { need: needs.account, account: ctx.externalAccountId });
      const followers = me.follower_count;
      return { followers: typeof followers === 'number' && Number.isFinite(followers) ? followers : null };
    },
  };
}
