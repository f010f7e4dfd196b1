import type { Readable } from 'node:stream';
import { tiktokPrivacyLevels, tiktokSettings } from '../descriptor.ts';
import { fetchFromNetwork, requestJson } from '../../../server/providers/http.ts';
import { ProviderError } from '../../../server/providers/provider.ts';
import type { MessageRef, MessageValues } from '../../../server/modules/notifications/notification-message.ts';
import { errorWords, unknownBecause, wordedError } from '../../error-words.ts';

/** Words of TikTok's error sentences (`network-tiktok:errors.…`). */
const tiktokWords = (key: string, values?: MessageValues) => errorWords(`network-tiktok:errors.${key}`, values);
import type { ExistingCheck, PostMetrics, PublishContext, PublishMedia, PublishOutcome, Publisher } from '../../../server/providers/publishing.ts';

// TikTok Content Posting API v2 (shared/providers.md §1): creator info before every post, one
// init that creates the post (no idempotency key), chunked PUTs for FILE_UPLOAD, then status
// polling. The journal's progress carries the publish_id so no step is ever repeated blindly.

const network = 'tiktok' as const;
const MB = 1024 * 1024;
/** TikTok keeps an upload_url for one hour; Herald stops trusting it a little earlier. */
const UPLOAD_URL_TTL_MS = 55 * 60_000;
const listFields = 'id,title,video_description,create_time';

export type CreatorInfo = {
  nickname: string;
  username: string;
  avatarUrl: string | null;
  privacyLevelOptions: string[];
  commentDisabled: boolean;
  duetDisabled: boolean;
  stitchDisabled: boolean;
  maxVideoPostDurationSec: number;
};

export type TikTokPublisherOptions = {
  apiUrl: string;
  /** How long to wait between status checks while TikTok processes. */
  pollMs?: number;
  /** Preferred FILE_UPLOAD chunk size (TikTok accepts 5–64 MB). */
  chunkSize?: number;
  /** How long a public post may show PUBLISH_COMPLETE before its post id arrives (moderation). */
  postIdWaitMs?: number;
  /** How long a created public post can take to appear in video.list (see findExisting). */
  listingDelayMs?: number;
};

/** What Herald keeps in the journal between calls. */
type Progress = {
  kind?: 'video' | 'photo';
  mode?: 'direct' | 'inbox';
  publishId?: string | null;
  /** Set when findExisting recognised the post in video.list: nothing is left to do. */
  postId?: string;
  username?: string | null;
  privacyLevel?: string | null;
  source?: 'FILE_UPLOAD' | 'PULL_FROM_URL';
  uploadUrl?: string;
  uploadExpiresAt?: number;
  videoSize?: number;
  chunkSize?: number;
  totalChunkCount?: number;
  uploadedChunks?: number;
  completeSeenAt?: number;
};

type Envelope<T> = { data?: T; error?: { code?: string; message?: string; log_id?: string } };
type StatusData = { status?: string; fail_reason?: string; publicaly_available_post_id?: (string | number)[]; uploaded_bytes?: number; downloaded_bytes?: number };
type ListData = { videos?: { id?: string; title?: string; video_description?: string; create_time?: number }[]; cursor?: number; has_more?: boolean };

export type ChunkPlan = { chunkSize: number; totalChunkCount: number; chunks: { start: number; end: number }[] };

/**
 * FILE_UPLOAD chunks by TikTok's rules: under 5 MB (or under one preferred chunk, up to 64 MB) a
 * single chunk of the whole file; otherwise floor(size / chunkSize) chunks of chunkSize (5–64 MB,
 * at most 1000), the last one absorbing the remainder (< 2 × chunkSize ≤ 128 MB). Ranges are
 * inclusive, as in Content-Range.
 */
export function planChunks(size: number, preferredChunkSize = 10 * MB): ChunkPlan {
  if (!Number.isInteger(size) || size <= 0) throw new RangeError('planChunks: size must be a positive integer');
  let bounded = Math.min(64 * MB, Math.max(5 * MB, preferredChunkSize, Math.ceil(size / 1000)));
  // Files over 64 MB must be sent in at least two chunks.
  if (size > 64 * MB && size < 2 * bounded) bounded = Math.floor(size / 2);
  const chunkSize = size < bounded ? size : bounded;
  const totalChunkCount = Math.floor(size / chunkSize);
  const chunks = Array.from({ length: totalChunkCount }, (_, i) => ({ start: i * chunkSize, end: i === totalChunkCount - 1 ? size - 1 : (i + 1) * chunkSize - 1 }));
  return { chunkSize, totalChunkCount, chunks };
}

/** A privacy level as TikTok's app names it, in words; a level Herald does not know stays TikTok's own text. */
const privacyLabel = (level: string): string | MessageRef => ((tiktokPrivacyLevels as readonly string[]).includes(level) ? tiktokWords(`publisher.privacy.${level}`) : level);
/** "a, b, c" as words: each pair nested, so every language joins them its own way. */
const listOf = (items: (string | MessageRef)[]): string | MessageRef => items.reduceRight<string | MessageRef | null>((rest, item) => (rest ? tiktokWords('publisher.list', { first: item, rest }) : item), null) ?? '';

/** TikTok's error codes and fail reasons Herald words so a user can act on them (`network-tiktok:errors.reason.<code>`). */
const worded = new Set(['spam_risk_too_many_posts', 'spam_risk_user_banned_from_posting', 'spam_risk_text', 'spam_risk', 'spam_risk_too_many_pending_share', 'reached_active_user_cap', 'privacy_level_option_mismatch', 'unaudited_client_can_only_post_to_private_accounts', 'url_ownership_unverified', 'file_format_check_failed', 'duration_check_failed', 'frame_rate_check_failed', 'picture_size_check_failed', 'video_pull_failed', 'photo_pull_failed', 'app_version_check_failed', 'publish_cancelled', 'auth_removed', 'internal', 'invalid_publish_id', 'token_not_authorized_for_specified_publish_id']);
/** What a call needs, for a missing-permission message: `what` as words, or English. */
type Needed = { scope: string; what: string | MessageRef };
const scopeCodes = new Set(['scope_not_authorized', 'scope_permission_missed']);

/** The permission each endpoint needs and what it is for, in words (shared/providers.md §1). */
function scopeNeeded(path: string, body: unknown): Needed | null {
  const directPhoto = path.startsWith('/v2/post/publish/content/init/') && (body as { post_mode?: string } | undefined)?.post_mode === 'DIRECT_POST';
  if (directPhoto || path.startsWith('/v2/post/publish/creator_info/') || path.startsWith('/v2/post/publish/video/init/')) return { scope: 'video.publish', what: tiktokWords('need.directPost') };
  if (path.startsWith('/v2/post/publish/')) return { scope: 'video.upload', what: tiktokWords('need.inbox') };
  if (path.startsWith('/v2/video/')) return { scope: 'video.list', what: tiktokWords('need.statistics') };
  if (path.startsWith('/v2/user/info/')) return { scope: 'user.info.stats', what: tiktokWords('need.followers') };
  return null;
}

/**
 * A permission the account owner did not grant is not a broken token: it fails with the
 * permission to allow on reconnect, and no refresh (which cannot add it) is tried.
 */
export function missingScope(code: string, needed: Needed | null): ProviderError {
  const words = needed ? tiktokWords('scopeMissing', { scope: needed.scope, what: needed.what }) : tiktokWords('scopeMissingAny');
  return wordedError('scope', network, words, code, { scope: needed?.scope });
}

function failure(status: number, code: string | undefined, message: string | undefined, needed: Needed | null = null): ProviderError {
  if (code && scopeCodes.has(code)) return missingScope(code, needed);
  if (status === 401 || code === 'access_token_invalid') return wordedError('auth', network, tiktokWords('tokenRejected'), code);
  const refused = () => {
    if (code === 'invalid_params' || code === 'invalid_file_upload') return tiktokWords('refusedRequest', { reason: message || code });
    const shown = code ?? `HTTP ${status}`;
    return message ? tiktokWords('refusedRequestCodeBecause', { code: shown, message }) : tiktokWords('refusedRequestCode', { code: shown });
  };
  const reason = code && worded.has(code) ? tiktokWords(`reason.${code}`) : refused();
  return wordedError('invalid', network, tiktokWords('didNotPublish', { reason }), code);
}

/** TikTok's 429 carries no Retry-After; its window is one minute. */
function withRateLimitWait(error: unknown): unknown {
  if (error instanceof ProviderError && error.code === 'rate_limited') error.retryAfterMs ??= 60_000;
  return error;
}

async function callApi<T>(apiUrl: string, accessToken: string, path: string, body?: unknown, method: 'GET' | 'POST' = 'POST'): Promise<T> {
  let answer: Awaited<ReturnType<typeof requestJson>>;
  try {
    answer = await requestJson(network, `${apiUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${accessToken}`, ...(method === 'POST' ? { 'content-type': 'application/json; charset=UTF-8' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
      // The API URL is the operator's configuration, not a user's choice.
      allowPrivate: true,
    });
  } catch (error) {
    throw withRateLimitWait(error);
  }
  const envelope = (answer.body ?? {}) as Envelope<T>;
  if (answer.status < 300 && envelope.error?.code === 'ok' && envelope.data) return envelope.data;
  throw failure(answer.status, envelope.error?.code, envelope.error?.message, scopeNeeded(path, body));
}

/** Creator info, which TikTok requires Herald to read (and honour) before every direct post. */
export async function queryCreatorInfo(apiUrl: string, accessToken: string): Promise<CreatorInfo> {
  const data = await callApi<Record<string, unknown>>(apiUrl, accessToken, '/v2/post/publish/creator_info/query/');
  return {
    nickname: String(data.creator_nickname ?? ''),
    username: String(data.creator_username ?? ''),
    avatarUrl: typeof data.creator_avatar_url === 'string' ? data.creator_avatar_url : null,
    privacyLevelOptions: Array.isArray(data.privacy_level_options) ? data.privacy_level_options.map(String) : [],
    commentDisabled: data.comment_disabled === true,
    duetDisabled: data.duet_disabled === true,
    stitchDisabled: data.stitch_disabled === true,
    maxVideoPostDurationSec: typeof data.max_video_post_duration_sec === 'number' ? data.max_video_post_duration_sec : 600,
  };
}

const invalid = (words: MessageRef, code?: string) => wordedError('invalid', network, words, code);
/** Words of the publisher's own sentences (`network-tiktok:errors.publisher.…`). */
const publisherWords = (key: string, values?: MessageValues) => tiktokWords(`publisher.${key}`, values);

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

function parseSettings(ctx: PublishContext) {
  const parsed = tiktokSettings.safeParse(ctx.settings ?? {});
  if (!parsed.success) throw invalid(publisherWords('settingsInvalid', { reason: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') }));
  return parsed.data;
}

/** One video, or one or more photos: TikTok's only shapes. */
function mediaOf(ctx: PublishContext): { kind: 'video'; video: PublishMedia } | { kind: 'photo'; images: PublishMedia[] } {
  const media = ctx.parts[0]?.media ?? [];
  const videos = media.filter((m) => m.kind === 'video');
  if (videos.length === 1 && media.length === 1) return { kind: 'video', video: videos[0]! };
  if (media.length > 0 && videos.length === 0) return { kind: 'photo', images: media };
  throw invalid(publisherWords(media.length === 0 ? 'noMedia' : 'videoOrPhotos'));
}

const postUrl = (username: string | null | undefined, kind: Progress['kind'], id: string) => (username ? `https://www.tiktok.com/@${username}/${kind === 'photo' ? 'photo' : 'video'}/${id}` : null);

export function createTikTokPublisher(options: TikTokPublisherOptions): Publisher {
  const { apiUrl } = options;
  const pollMs = options.pollMs ?? 5000;
  const postIdWaitMs = options.postIdWaitMs ?? 10 * 60_000;
  const listingDelayMs = options.listingDelayMs ?? 15 * 60_000;

  /** Pre-flight checks, then the one call that creates the post at TikTok. */
  async function create(ctx: PublishContext): Promise<Progress> {
    const settings = parseSettings(ctx);
    const media = mediaOf(ctx);
    const caption = ctx.parts[0]?.text ?? '';
    let username = ctx.username;
    let info: CreatorInfo | null = null;
    // Creator info needs video.publish, which an inbox-only (drafts) connection may lack, and its
    // UX rules concern direct posts, so inbox uploads go without it.
    if (settings.mode === 'direct') {
      if (!settings.privacyLevel) throw invalid(publisherWords('choosePrivacy'));
      info = await queryCreatorInfo(apiUrl, ctx.accessToken);
      username = info.username || username;
      if (!info.privacyLevelOptions.includes(settings.privacyLevel)) {
        throw invalid(publisherWords('privacyNotOffered', { levels: listOf(info.privacyLevelOptions.map(privacyLabel)), level: privacyLabel(settings.privacyLevel) }), 'privacy_level_option_mismatch');
      }
    }
    const base: Progress = { kind: media.kind, mode: settings.mode, username, privacyLevel: settings.mode === 'direct' ? (settings.privacyLevel ?? null) : null };
    const postInfoFlags = {
      disable_comment: settings.disableComment || (info?.commentDisabled ?? false),
      brand_content_toggle: settings.brandContent,
      brand_organic_toggle: settings.brandOrganic,
    };

    let path: string;
    let request: Record<string, unknown>;
    let progress: Progress;
    if (media.kind === 'photo') {
      const urls = media.images.map((m) => m.publicUrl);
      if (urls.some((u) => !u)) throw invalid(publisherWords('noPublicUrl'), 'no_public_url');
      const cover = settings.photoCoverIndex ?? 0;
      if (cover >= urls.length) throw invalid(publisherWords('coverBeyond', { number: cover + 1, photos: urls.length }));
      path = '/v2/post/publish/content/init/';
      request = {
        media_type: 'PHOTO',
        post_mode: settings.mode === 'direct' ? 'DIRECT_POST' : 'MEDIA_UPLOAD',
        post_info: {
          ...(settings.title !== undefined ? { title: settings.title } : {}),
          description: caption,
          ...(settings.mode === 'direct' ? { privacy_level: settings.privacyLevel, ...postInfoFlags } : {}),
          ...(settings.autoAddMusic !== undefined ? { auto_add_music: settings.autoAddMusic } : {}),
        },
        source_info: { source: 'PULL_FROM_URL', photo_images: urls, photo_cover_index: cover },
      };
      progress = { ...base, source: 'PULL_FROM_URL' };
    } else {
      const { video } = media;
      if (info && video.durationSeconds !== null && video.durationSeconds > info.maxVideoPostDurationSec) {
        throw invalid(publisherWords('videoTooLong', { max: info.maxVideoPostDurationSec, duration: Math.round(video.durationSeconds) }), 'duration_check_failed');
      }
      const plan = video.publicUrl ? null : planChunks(video.size, options.chunkSize);
      const sourceInfo = plan
        ? { source: 'FILE_UPLOAD', video_size: video.size, chunk_size: plan.chunkSize, total_chunk_count: plan.totalChunkCount }
        : { source: 'PULL_FROM_URL', video_url: video.publicUrl };
      if (settings.mode === 'inbox') {
        path = '/v2/post/publish/inbox/video/init/';
        request = { source_info: sourceInfo };
      } else {
        path = '/v2/post/publish/video/init/';
        request = {
          post_info: {
            title: caption,
            privacy_level: settings.privacyLevel,
            ...postInfoFlags,
            disable_duet: settings.disableDuet || (info?.duetDisabled ?? false),
            disable_stitch: settings.disableStitch || (info?.stitchDisabled ?? false),
            is_aigc: settings.isAigc,
            ...(settings.videoCoverTimestampMs !== undefined ? { video_cover_timestamp_ms: settings.videoCoverTimestampMs } : {}),
          },
          source_info: sourceInfo,
        };
      }
      progress = plan
        ? { ...base, source: 'FILE_UPLOAD', videoSize: video.size, chunkSize: plan.chunkSize, totalChunkCount: plan.totalChunkCount, uploadedChunks: 0 }
        : { ...base, source: 'PULL_FROM_URL' };
    }

    const sourceInfo = request.source_info as Record<string, unknown>;
    await ctx.journal.beforeCreate('init', { path, mode: settings.mode, kind: media.kind, source: sourceInfo.source, privacyLevel: base.privacyLevel, captionLength: caption.length });
    const sentAt = Date.now();
    const data = await callApi<{ publish_id?: string; upload_url?: string }>(apiUrl, ctx.accessToken, path, request);
    if (!data.publish_id || (progress.source === 'FILE_UPLOAD' && !data.upload_url)) throw invalid(publisherWords('badAnswer'), 'bad_answer');
    progress = { ...progress, publishId: data.publish_id, ...(data.upload_url ? { uploadUrl: data.upload_url, uploadExpiresAt: sentAt + UPLOAD_URL_TTL_MS } : {}) };
    await ctx.journal.afterCreate('init', { publishId: data.publish_id }, progress);
    return progress;
  }

  const fetchStatus = (ctx: PublishContext, publishId: string) => callApi<StatusData>(apiUrl, ctx.accessToken, '/v2/post/publish/status/fetch/', { publish_id: publishId });

  /**
   * Sends the remaining chunks in order, saving progress after each. A later call (the previous
   * one died or timed out mid-chunk) first asks TikTok how many bytes it holds, so a chunk that
   * arrived without its answer is not sent twice.
   */
  async function upload(ctx: PublishContext, progress: Progress, resumed: boolean): Promise<Progress> {
    const media = mediaOf(ctx);
    if (media.kind !== 'video') throw invalid(publisherWords('videoGone'), 'upload_not_resumable');
    const { video } = media;
    const size = progress.videoSize!;
    const chunkSize = progress.chunkSize!;
    const total = progress.totalChunkCount!;
    let next = progress.uploadedChunks ?? 0;
    if (resumed) {
      const status = await fetchStatus(ctx, progress.publishId!);
      const held = status.uploaded_bytes ?? next * chunkSize;
      if (status.status !== 'PROCESSING_UPLOAD' || held >= size) return { ...progress, uploadedChunks: total };
      if (held % chunkSize !== 0) throw invalid(publisherWords('notWholeChunks', { held }), 'upload_not_resumable');
      next = held / chunkSize;
    }
    const expired = publisherWords('uploadExpired');
    const uploadUrl = progress.uploadUrl;
    if (!uploadUrl || Date.now() > (progress.uploadExpiresAt ?? 0)) throw invalid(expired, 'upload_url_expired');
    if (video.size !== size) throw invalid(publisherWords('videoChanged'), 'upload_not_resumable');
    for (let index = next; index < total; index += 1) {
      const start = index * chunkSize;
      const end = index === total - 1 ? size - 1 : start + chunkSize - 1;
      const bytes = await readAll(video.open({ start, end }));
      if (bytes.length !== end - start + 1) throw invalid(publisherWords('mediaUnreadable', { read: bytes.length, size: end - start + 1 }), 'media_unreadable');
      let response: Response;
      try {
        response = await fetchFromNetwork(network, uploadUrl, {
          method: 'PUT',
          headers: { 'content-type': video.mimeType, 'content-length': String(bytes.length), 'content-range': `bytes ${start}-${end}/${size}` },
          body: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) as Uint8Array<ArrayBuffer>,
          timeoutMs: 120_000,
          allowPrivate: true,
        });
      } catch (error) {
        throw withRateLimitWait(error);
      }
      if (response.status === 403 || response.status === 404) {
        await response.body?.cancel();
        throw invalid(expired, 'upload_url_expired');
      }
      if (![200, 201, 206].includes(response.status)) {
        const envelope = (await response.json().catch(() => ({}))) as Envelope<unknown>;
        throw invalid(publisherWords('chunkRefused', { chunk: index + 1, total, reason: envelope.error?.message || envelope.error?.code || `HTTP ${response.status}` }), envelope.error?.code ?? 'upload_refused');
      }
      await response.body?.cancel();
      progress = { ...progress, uploadedChunks: index + 1 };
      await ctx.journal.saveProgress(progress);
    }
    return progress;
  }

  async function poll(ctx: PublishContext, progress: Progress): Promise<PublishOutcome> {
    const status = await fetchStatus(ctx, progress.publishId!);
    switch (status.status) {
      case 'PUBLISH_COMPLETE': {
        const postId = status.publicaly_available_post_id?.map(String)[0];
        if (postId) return { status: 'published', externalId: postId, url: postUrl(progress.username, progress.kind, postId) };
        // A public post's id arrives after moderation, sometimes minutes after PUBLISH_COMPLETE.
        if (progress.privacyLevel === 'PUBLIC_TO_EVERYONE') {
          const seen = progress.completeSeenAt ?? Date.now();
          if (progress.completeSeenAt === undefined) await ctx.journal.saveProgress({ ...progress, completeSeenAt: seen });
          if (Date.now() - seen < postIdWaitMs) return { status: 'processing', checkAfterMs: pollMs };
        }
        return { status: 'published', externalId: progress.publishId!, url: null };
      }
      case 'SEND_TO_USER_INBOX':
        return { status: 'published', externalId: progress.publishId!, url: null };
      case 'FAILED': {
        const code = status.fail_reason ?? 'unknown';
        const reason = worded.has(code) ? tiktokWords(`reason.${code}`) : tiktokWords('gaveUp', { code });
        throw wordedError('invalid', network, tiktokWords('didNotPublish', { reason }), code);
      }
      default:
        return { status: 'processing', checkAfterMs: pollMs };
    }
  }

  /** Public videos of the account created since `since` (ms), newest first, a few pages at most. */
  async function recentVideos(ctx: PublishContext, since: number) {
    const videos: NonNullable<ListData['videos']> = [];
    let cursor: number | undefined;
    for (let page = 0; page < 5; page += 1) {
      const data = await callApi<ListData>(apiUrl, ctx.accessToken, `/v2/video/list/?fields=${listFields}`, { max_count: 20, ...(cursor ? { cursor } : {}) });
      const batch = data.videos ?? [];
      videos.push(...batch.filter((v) => (v.create_time ?? 0) * 1000 >= since));
      if (!data.has_more || !data.cursor || batch.some((v) => (v.create_time ?? 0) * 1000 < since)) break;
      cursor = data.cursor;
    }
    return videos;
  }

  return {
    network,
    // PULL_FROM_URL: TikTok downloads photos (always) and videos (with HERALD_MEDIA_PUBLIC_URL) from Herald's signed links.
    pullsMediaFromUrl: true,
    async publish(ctx) {
      let progress = ctx.journal.progress as Progress;
      if (progress.postId) return { status: 'published', externalId: progress.postId, url: postUrl(progress.username ?? ctx.username, progress.kind, progress.postId) };
      const created = !progress.publishId;
      if (created) progress = await create(ctx);
      if (progress.source === 'FILE_UPLOAD' && (progress.uploadedChunks ?? 0) < (progress.totalChunkCount ?? 0)) {
        progress = await upload(ctx, progress, !created);
        if (created) return { status: 'processing', checkAfterMs: pollMs };
      } else if (created) {
        return { status: 'processing', checkAfterMs: pollMs };
      }
      return poll(ctx, progress);
    },

    /*
     * The init was sent and its answer lost. TikTok has no idempotency key, and resending blindly
     * could post twice, so:
     * - FILE_UPLOAD: the only way to give that post its bytes was the upload_url in the lost
     *   answer, so it can never be published (TikTok drops it): not created, safe to resend.
     *   (The source is worked out again from the media, as `create` chose it.)
     * - PULL_FROM_URL and photos: TikTok fetches the media itself, so the post may appear. Only
     *   public posts show in video.list: inbox drafts and non-public posts give 'unknown'. A
     *   public post with this caption created since the init was sent (less a minute for clock
     *   skew) is ours. None listed: 'unknown' while TikTok may still be downloading, processing
     *   and moderating (usually a minute or two), and not created once `listingDelayMs`
     *   (15 minutes) has passed; a later appearance would be a duplicate, the accepted risk.
     * - No video.list permission or an empty caption: 'unknown', a person decides.
     */
    async findExisting(ctx, pending): Promise<ExistingCheck> {
      if (pending.step !== 'init') return unknownBecause(tiktokWords('unknown.step', { step: pending.step }));
      const settings = parseSettings(ctx);
      const media = mediaOf(ctx);
      if (media.kind === 'video' && !media.video.publicUrl) return { found: false };
      if (settings.mode === 'inbox') return unknownBecause(tiktokWords('unknown.inbox'));
      if (settings.privacyLevel !== 'PUBLIC_TO_EVERYONE') return unknownBecause(tiktokWords('unknown.notPublic'));
      const caption = (ctx.parts[0]?.text ?? '').trim();
      if (!caption) return unknownBecause(tiktokWords('unknown.noCaption'));
      let videos: Awaited<ReturnType<typeof recentVideos>>;
      try {
        videos = await recentVideos(ctx, pending.sentAt.getTime() - 60_000);
      } catch (error) {
        if (error instanceof ProviderError && (error.code === 'scope_not_authorized' || error.code === 'scope_permission_missed')) {
          return unknownBecause(tiktokWords('unknown.cannotList'));
        }
        throw error;
      }
      const match = videos.find((v) => v.id && [v.title, v.video_description].some((text) => text?.trim() === caption));
      if (match?.id) {
        const progress: Progress = { kind: media.kind, mode: settings.mode, publishId: null, postId: match.id, username: ctx.username, privacyLevel: settings.privacyLevel };
        return { found: true, progress };
      }
      if (Date.now() - pending.sentAt.getTime() > listingDelayMs) return { found: false };
      return unknownBecause(tiktokWords('unknown.processing'));
    },

    // video/query takes up to 20 ids. Only public post ids (digits) can be asked for: a post
    // published to the inbox or privately is known by its publish_id alone and has no counters.
    metricsBatch: 20,
    async readMetrics(ctx, ids) {
      const found = new Map<string, PostMetrics>();
      const postIds = ids.filter((id) => /^\d+$/.test(id));
      if (!postIds.length) return found;
      const data = await callApi<{ videos?: QueriedVideo[] }>(apiUrl, ctx.accessToken, `/v2/video/query/?fields=${metricsFields}`, { filters: { video_ids: postIds } });
      for (const video of data.videos ?? []) {
        if (!video.id) continue;
        found.set(String(video.id), { views: count(video.view_count), likes: count(video.like_count), comments: count(video.comment_count), shares: count(video.share_count), reach: null, extra: {} });
      }
      return found;
    },
    // The account's follower_count (GET /v2/user/info/, a field of user.info.stats).
    async readAccount(ctx) {
      const data = await callApi<{ user?: { follower_count?: unknown } }>(apiUrl, ctx.accessToken, '/v2/user/info/?fields=open_id,follower_count', undefined, 'GET');
      return { followers: count(data.user?.follower_count) };
    },
  };
}

type QueriedVideo = { id?: string | number; view_count?: unknown; like_count?: unknown; comment_count?: unknown; share_count?: unknown };
const metricsFields = 'id,view_count,like_count,comment_count,share_count';
const count = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);
