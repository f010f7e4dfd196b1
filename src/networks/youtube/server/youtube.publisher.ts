import type { Readable } from 'node:stream';
import { youtubeSettings, youtubeScopes, type YouTubeSettings } from '../descriptor.ts';
import { fetchFromNetwork, parseNetworkJson } from '../../../server/providers/http.ts';
import { ProviderError } from '../../../server/providers/provider.ts';
import type { ExistingCheck, PostMetrics, PublishContext, PublishMedia, PublishOutcome, Publisher } from '../../../server/providers/publishing.ts';
import { callGoogle, charge, googleFailure, myChannel, network, youtubeWords, type Needed, type QuotaSettings, type YouTubeEndpoints } from './youtube-api.ts';
import { unknownBecause, wordedError } from '../../error-words.ts';
import type { MessageRef } from '../../../server/modules/notifications/notification-message.ts';

// A YouTube upload (shared/providers.md §9): a resumable upload session started once per delivery
// (YouTube has no idempotency key: a second session would be a second video), its URI committed
// to the delivery before any byte is sent, bytes sent in chunks of a multiple of 256 KiB and
// resumed from what the session says it holds after any crash, timeout or cut; the last chunk
// creates the video. Then processing is polled, and the thumbnail and playlist are set once each.

export type YouTubePublisherOptions = YouTubeEndpoints & {
  quota: QuotaSettings;
  /** Bytes per chunk: a multiple of 256 KiB. */
  chunkSize: number;
  /** How long to wait between processing checks. */
  pollMs?: number;
};

/** What Herald keeps in the journal between calls. */
type Progress = {
  sessionUri?: string;
  total?: number;
  title?: string;
  videoId?: string;
  uploadedAt?: number;
  short?: boolean;
  processed?: boolean;
  thumbnailSet?: boolean;
  playlistAdded?: boolean;
};

type VideoResource = {
  id?: string;
  snippet?: { title?: string };
  status?: { uploadStatus?: string; failureReason?: string; rejectionReason?: string; privacyStatus?: string };
  processingDetails?: { processingStatus?: string };
  statistics?: { viewCount?: string; likeCount?: string; commentCount?: string };
};

const CHUNK_UNIT = 256 * 1024;
/** A video YouTube does not list yet right after its upload is looked for again for this long. */
const LISTING_DELAY_MS = 10 * 60_000;

const uploadScope: Needed = { scope: youtubeScopes.upload, what: youtubeWords('need.upload') };
const readScope: Needed = { scope: youtubeScopes.readonly, what: youtubeWords('need.read') };
const playlistScope: Needed = { scope: youtubeScopes.manage, what: youtubeWords('need.playlist') };

/** YouTube's rejection reasons (status.rejectionReason) that have a sentence of their own (`errors.rejected.<reason>`). */
const rejectionsWorded = new Set(['duplicate', 'length', 'copyright', 'inappropriate', 'legal', 'size', 'termsOfUse', 'trademark', 'uploaderAccountClosed', 'uploaderAccountSuspended', 'claim']);
/** YouTube's processing failures (status.failureReason) said in words (`errors.failed.<reason>`). */
const failuresWorded = new Set(['codec', 'conversion', 'emptyFile', 'invalidFile', 'tooSmall', 'uploadAborted']);

const invalid = (words: MessageRef, code?: string) => wordedError('invalid', network, words, code);

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

async function answerOf(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  try {
    return text ? parseNetworkJson(text) : null;
  } catch {
    return null;
  }
}

export const videoUrl = (id: string, short: boolean) => (short ? `https://www.youtube.com/shorts/${encodeURIComponent(id)}` : `https://www.youtube.com/watch?v=${encodeURIComponent(id)}`);

/** A 308's `Range: bytes=0-N` as the number of bytes the session holds. */
function heldBytes(response: Response): number {
  const match = /bytes=0-(\d+)/.exec(response.headers.get('range') ?? '');
  return match ? Number(match[1]) + 1 : 0;
}

export function createYouTubePublisher(options: YouTubePublisherOptions): Publisher {
  const { quota } = options;
  const pollMs = options.pollMs ?? 5000;
  if (options.chunkSize % CHUNK_UNIT !== 0 || options.chunkSize <= 0) throw new RangeError('YouTube upload chunks must be a multiple of 256 KiB');

  function parseSettings(ctx: PublishContext): YouTubeSettings {
    const parsed = youtubeSettings.safeParse(ctx.settings);
    if (!parsed.success) throw invalid(youtubeWords('settingsInvalid', { reason: parsed.error.issues[0]?.message ?? 'unknown' }), 'invalid_settings');
    return parsed.data;
  }

  function mediaOf(ctx: PublishContext): { video: PublishMedia; thumbnail: PublishMedia | null } {
    const media = ctx.parts[0]?.media ?? [];
    const video = media.find((m) => m.kind === 'video');
    if (!video) throw invalid(youtubeWords('noVideo'), 'no_video');
    return { video, thumbnail: media.find((m) => m.kind === 'image') ?? null };
  }

  /** Starts the upload session (videos.insert): the video's details now, the bytes after. */
  async function startSession(ctx: PublishContext, settings: YouTubeSettings, video: PublishMedia): Promise<Progress> {
    await charge(ctx.usage, quota, 'videos.insert');
    const resource = {
      snippet: { title: settings.title.trim(), description: ctx.parts[0]?.text ?? '', tags: settings.tags, categoryId: settings.categoryId },
      status: { privacyStatus: settings.privacyStatus, selfDeclaredMadeForKids: settings.madeForKids, containsSyntheticMedia: settings.containsSyntheticMedia },
    };
    const url = `${options.uploadUrl}/videos?uploadType=resumable&part=snippet,status&notifySubscribers=${settings.notifySubscribers}`;
    ctx.journal.log('session', { bytes: video.size, title: resource.snippet.title, privacyStatus: settings.privacyStatus, madeForKids: settings.madeForKids, short: settings.short });
    const response = await fetchFromNetwork(network, url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${ctx.accessToken}`,
        'content-type': 'application/json; charset=UTF-8',
        'x-upload-content-length': String(video.size),
        'x-upload-content-type': video.mimeType,
      },
      body: JSON.stringify(resource),
      allowPrivate: true,
    });
    const body = await answerOf(response);
    if (response.status >= 400) throw googleFailure(response.status, body, uploadScope);
    const location = response.headers.get('location');
    if (!location) throw invalid(youtubeWords('noUploadAddress'), 'bad_answer');
    return { sessionUri: new URL(location, url).toString(), total: video.size, title: resource.snippet.title, short: settings.short };
  }

  type Probe = { done: VideoResource } | { held: number } | { gone: true };

  /** Asks the session what it holds (PUT with `Content-Range: bytes *\/total`). */
  async function probe(ctx: PublishContext, progress: Progress): Promise<Probe> {
    const response = await fetchFromNetwork(network, progress.sessionUri!, {
      method: 'PUT',
      headers: { authorization: `Bearer ${ctx.accessToken}`, 'content-range': `bytes */${progress.total}`, 'content-length': '0' },
      allowPrivate: true,
    });
    return readSessionAnswer(response, 'probe');
  }

  async function readSessionAnswer(response: Response, step: string): Promise<Probe> {
    if (response.status === 308) {
      await response.body?.cancel();
      return { held: heldBytes(response) };
    }
    if (response.status === 404 || response.status === 410) {
      await response.body?.cancel();
      return { gone: true };
    }
    const body = await answerOf(response);
    if (response.status === 200 || response.status === 201) {
      const resource = body as VideoResource | null;
      if (!resource?.id) throw invalid(youtubeWords('noVideoId', { step }), 'bad_answer');
      return { done: resource };
    }
    throw googleFailure(response.status, body, uploadScope);
  }

  const sessionGone = () =>
    invalid(youtubeWords('sessionGone'), 'upload_session_gone');

  /** Sends what the session does not hold yet, chunk by chunk; answers the created video. */
  async function upload(ctx: PublishContext, progress: Progress, video: PublishMedia, resumed: boolean): Promise<VideoResource> {
    const total = progress.total!;
    if (video.size !== total) throw invalid(youtubeWords('fileChanged'), 'upload_not_resumable');
    let offset = 0;
    if (resumed) {
      const state = await probe(ctx, progress);
      if ('done' in state) return state.done;
      if ('gone' in state) throw sessionGone();
      offset = state.held;
      ctx.journal.log('resume', { heldBytes: offset, totalBytes: total });
    }
    for (;;) {
      const end = Math.min(offset + options.chunkSize, total) - 1;
      const bytes = await readAll(video.open({ start: offset, end }));
      if (bytes.length !== end - offset + 1) throw wordedError('invalid', network, youtubeWords('videoUnreadable', { read: bytes.length, size: end - offset + 1 }), 'media_unreadable');
      const response = await fetchFromNetwork(network, progress.sessionUri!, {
        method: 'PUT',
        headers: { authorization: `Bearer ${ctx.accessToken}`, 'content-type': video.mimeType, 'content-length': String(bytes.length), 'content-range': `bytes ${offset}-${end}/${total}` },
        body: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) as Uint8Array<ArrayBuffer>,
        timeoutMs: 120_000,
        allowPrivate: true,
      });
      const state = await readSessionAnswer(response, 'upload');
      if ('done' in state) return state.done;
      if ('gone' in state) throw sessionGone();
      if (state.held <= offset && end < total - 1) throw wordedError('transient', network, youtubeWords('chunkNotKept'), 'chunk_not_kept');
      offset = state.held;
      // Nothing new to store (the session knows what it holds), but a long upload keeps its claim.
      await ctx.journal.saveProgress({ ...progress });
    }
  }

  async function readVideo(ctx: PublishContext, videoId: string, parts: string): Promise<VideoResource | null> {
    await charge(ctx.usage, quota, 'videos.list');
    const answer = await callGoogle<{ items?: VideoResource[] }>({ url: `${options.apiUrl}/videos?part=${parts}&id=${encodeURIComponent(videoId)}`, accessToken: ctx.accessToken, needed: readScope });
    return answer.items?.[0] ?? null;
  }

  /** Processing: uploaded → processed, or rejected / failed with YouTube's reason. */
  async function poll(ctx: PublishContext, progress: Progress): Promise<'processed' | 'processing'> {
    const video = await readVideo(ctx, progress.videoId!, 'status,processingDetails');
    if (!video) {
      if (Date.now() - (progress.uploadedAt ?? 0) < LISTING_DELAY_MS) return 'processing';
      throw invalid(youtubeWords('videoGone'), 'videoNotFound');
    }
    const status = video.status?.uploadStatus;
    if (status === 'processed') return 'processed';
    if (status === 'rejected') {
      const reason = video.status?.rejectionReason ?? 'unknown';
      throw invalid(rejectionsWorded.has(reason) ? youtubeWords(`rejected.${reason}`) : youtubeWords('rejectedOther', { reason }), `rejected_${reason}`);
    }
    if (status === 'failed' || video.processingDetails?.processingStatus === 'failed') {
      const reason = video.status?.failureReason ?? 'unknown';
      throw invalid(youtubeWords('failed', { reason: failuresWorded.has(reason) ? youtubeWords(`failure.${reason}`) : reason }), `failed_${reason}`);
    }
    if (status === 'deleted') throw invalid(youtubeWords('deleted'), 'deleted');
    return 'processing';
  }

  async function setThumbnail(ctx: PublishContext, progress: Progress, image: PublishMedia): Promise<void> {
    await charge(ctx.usage, quota, 'thumbnails.set');
    const bytes = await readAll(image.open());
    const response = await fetchFromNetwork(network, `${options.uploadUrl}/thumbnails/set?videoId=${encodeURIComponent(progress.videoId!)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ctx.accessToken}`, 'content-type': image.mimeType, 'content-length': String(bytes.length) },
      body: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) as Uint8Array<ArrayBuffer>,
      allowPrivate: true,
    });
    const body = await answerOf(response);
    if (response.status >= 400) throw googleFailure(response.status, body, uploadScope);
  }

  async function addToPlaylist(ctx: PublishContext, progress: Progress, playlistId: string): Promise<void> {
    await charge(ctx.usage, quota, 'playlistItems.insert');
    await callGoogle({
      method: 'POST',
      url: `${options.apiUrl}/playlistItems?part=snippet`,
      accessToken: ctx.accessToken,
      body: { snippet: { playlistId, resourceId: { kind: 'youtube#video', videoId: progress.videoId } } },
      needed: playlistScope,
    });
  }

  async function inPlaylist(ctx: PublishContext, playlistId: string, videoId: string): Promise<boolean> {
    await charge(ctx.usage, quota, 'playlistItems.list');
    const answer = await callGoogle<{ items?: unknown[] }>({
      url: `${options.apiUrl}/playlistItems?part=id&playlistId=${encodeURIComponent(playlistId)}&videoId=${encodeURIComponent(videoId)}`,
      accessToken: ctx.accessToken,
      needed: readScope,
    });
    return (answer.items?.length ?? 0) > 0;
  }

  /** The channel's uploads since `since` with this title (the uploads playlist, newest first). */
  async function recentUpload(ctx: PublishContext, title: string, since: number): Promise<string | null> {
    await charge(ctx.usage, quota, 'channels.list');
    const channel = await myChannel(options, ctx.accessToken, 'contentDetails');
    const uploads = channel.contentDetails?.relatedPlaylists?.uploads;
    if (!uploads) return null;
    await charge(ctx.usage, quota, 'playlistItems.list');
    const answer = await callGoogle<{ items?: { snippet?: { title?: string; publishedAt?: string }; contentDetails?: { videoId?: string } }[] }>({
      url: `${options.apiUrl}/playlistItems?part=snippet,contentDetails&maxResults=50&playlistId=${encodeURIComponent(uploads)}`,
      accessToken: ctx.accessToken,
      needed: readScope,
    });
    const match = (answer.items ?? []).find((item) => item.snippet?.title === title && Date.parse(item.snippet?.publishedAt ?? '') >= since);
    return match?.contentDetails?.videoId ?? null;
  }

  return {
    network,
    async publish(ctx): Promise<PublishOutcome> {
      let progress = ctx.journal.progress as Progress;
      const settings = parseSettings(ctx);
      const { video, thumbnail } = mediaOf(ctx);
      if (!progress.videoId) {
        if (settings.madeForKids === null) throw invalid(youtubeWords('madeForKidsMissing'), 'made_for_kids_missing');
        if (!settings.title.trim()) throw invalid(youtubeWords('titleMissing'), 'title_missing');
        const resumed = Boolean(progress.sessionUri);
        if (!resumed) {
          progress = await startSession(ctx, settings, video);
          await ctx.journal.saveProgress(progress);
        }
        // Committed with the session's address before any byte is sent: after a crash the upload
        // is resumed from this session (asked what it holds), never started again.
        await ctx.journal.beforeCreate('video', { bytes: progress.total, chunkBytes: options.chunkSize, resumed, title: progress.title });
        const created = await upload(ctx, progress, video, resumed);
        progress = { ...progress, videoId: created.id!, uploadedAt: Date.now() };
        await ctx.journal.afterCreate('video', { videoId: created.id, uploadStatus: created.status?.uploadStatus }, progress);
      }
      if (!progress.processed) {
        if ((await poll(ctx, progress)) === 'processing') return { status: 'processing', checkAfterMs: pollMs };
        progress = { ...progress, processed: true };
        await ctx.journal.saveProgress(progress);
      }
      if (thumbnail && !progress.thumbnailSet) {
        await ctx.journal.beforeCreate('thumbnail', { videoId: progress.videoId, bytes: thumbnail.size });
        await setThumbnail(ctx, progress, thumbnail);
        progress = { ...progress, thumbnailSet: true };
        await ctx.journal.afterCreate('thumbnail', { videoId: progress.videoId }, progress);
      }
      if (settings.playlistId && !progress.playlistAdded) {
        await ctx.journal.beforeCreate('playlistItem', { videoId: progress.videoId, playlistId: settings.playlistId });
        await addToPlaylist(ctx, progress, settings.playlistId);
        progress = { ...progress, playlistAdded: true };
        await ctx.journal.afterCreate('playlistItem', { playlistId: settings.playlistId }, progress);
      }
      return { status: 'published', externalId: progress.videoId!, url: videoUrl(progress.videoId!, progress.short ?? settings.short) };
    },

    /*
     * A creating call whose answer was lost:
     * - video (the last chunk, or any chunk of the upload): the session says whether it finished
     *   (200/201 with the video) or how much it holds (308: not created, the upload resumes). A
     *   session YouTube no longer knows: the channel's recent uploads with this title are looked
     *   through; none means nothing was created.
     * - thumbnail: setting the same image again only replaces it with itself: safe to send.
     * - playlistItem: the playlist is asked whether it holds the video.
     */
    async findExisting(ctx, pending): Promise<ExistingCheck> {
      const progress = ctx.journal.progress as Progress;
      if (pending.step === 'thumbnail') return { found: false };
      if (pending.step === 'playlistItem') {
        const { playlistId } = parseSettings(ctx);
        if (!playlistId || !progress.videoId) return { found: false };
        return (await inPlaylist(ctx, playlistId, progress.videoId)) ? { found: true, progress: { ...progress, playlistAdded: true } } : { found: false };
      }
      if (pending.step !== 'video') return unknownBecause(youtubeWords('unknownStep', { step: pending.step }));
      if (!progress.sessionUri) return { found: false };
      const state = await probe(ctx, progress);
      if ('done' in state) return { found: true, progress: { ...progress, videoId: state.done.id!, uploadedAt: Date.now() } };
      if ('held' in state) return { found: false };
      const videoId = progress.title ? await recentUpload(ctx, progress.title, pending.sentAt.getTime() - 60_000) : null;
      if (videoId) return { found: true, progress: { ...progress, videoId, uploadedAt: Date.now() } };
      if (Date.now() - pending.sentAt.getTime() < LISTING_DELAY_MS) return unknownBecause(youtubeWords('unknownNotListedYet'));
      return { found: false };
    },

    // videos.list takes up to 50 ids a call (1 unit).
    metricsBatch: 50,
    async readMetrics(ctx, ids) {
      const found = new Map<string, PostMetrics>();
      if (!ids.length) return found;
      await charge(ctx.usage, quota, 'videos.list');
      const answer = await callGoogle<{ items?: VideoResource[] }>({ url: `${options.apiUrl}/videos?part=statistics&id=${ids.map(encodeURIComponent).join(',')}`, accessToken: ctx.accessToken, needed: readScope });
      const analytics = await readAnalytics(ctx.accessToken, ids);
      for (const video of answer.items ?? []) {
        if (!video.id) continue;
        const extra = analytics.get(video.id);
        found.set(video.id, {
          views: count(video.statistics?.viewCount),
          likes: count(video.statistics?.likeCount),
          comments: count(video.statistics?.commentCount),
          shares: extra?.shares ?? null,
          reach: null,
          extra: extra ? { estimatedMinutesWatched: extra.estimatedMinutesWatched } : {},
        });
      }
      return found;
    },
    // The channel's subscribers (channels.list part=statistics mine=true, 1 unit, youtube.readonly).
    // A channel that hides its count (hiddenSubscriberCount) has none to report.
    async readAccount(ctx) {
      await charge(ctx.usage, quota, 'channels.list');
      const answer = await callGoogle<{ items?: { statistics?: { subscriberCount?: unknown; hiddenSubscriberCount?: unknown } }[] }>({
        url: `${options.apiUrl}/channels?part=statistics&mine=true`,
        accessToken: ctx.accessToken,
        needed: { scope: youtubeScopes.readonly, what: youtubeWords('need.subscribers') },
      });
      const statistics = answer.items?.[0]?.statistics;
      return { followers: !statistics || statistics.hiddenSubscriberCount === true ? null : count(statistics.subscriberCount) };
    },
  };

  /**
   * Shares and watch time come from the Analytics API (its own quota), with yt-analytics.readonly
   * only: without that permission (or when it fails) they stay empty and the statistics remain.
   */
  async function readAnalytics(accessToken: string, ids: string[]): Promise<Map<string, { shares: number; estimatedMinutesWatched: number }>> {
    const found = new Map<string, { shares: number; estimatedMinutesWatched: number }>();
    const today = new Date().toISOString().slice(0, 10);
    const query = new URLSearchParams({ ids: 'channel==MINE', startDate: '2005-02-14', endDate: today, metrics: 'shares,estimatedMinutesWatched', dimensions: 'video', filters: `video==${ids.join(',')}` });
    try {
      const answer = await callGoogle<{ columnHeaders?: { name?: string }[]; rows?: unknown[][] }>({ url: `${options.analyticsUrl}/reports?${query}`, accessToken });
      const names = (answer.columnHeaders ?? []).map((h) => h.name);
      const at = (row: unknown[], name: string) => Number(row[names.indexOf(name)] ?? 0);
      for (const row of answer.rows ?? []) found.set(String(row[names.indexOf('video')]), { shares: at(row, 'shares'), estimatedMinutesWatched: at(row, 'estimatedMinutesWatched') });
    } catch (error) {
      if (!(error instanceof ProviderError) || error.kind === 'auth') throw error;
    }
    return found;
  }
}

const count = (value: unknown) => {
  const n = typeof value === 'string' ? Number(value) : typeof value === 'number' ? value : NaN;
  return Number.isFinite(n) ? n : null;
};
