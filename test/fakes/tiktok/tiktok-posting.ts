import crypto from 'node:crypto';
import { LosslessNumber, stringify } from 'lossless-json';
import type { FakeRequest, FakeResponse } from '../http.ts';

// TikTok's Content Posting API (creator info, video and photo init, chunked upload, status) and
// the Display API's video list, following ../shared/providers.md §1. Processing is simulated
// lazily: a post's state is worked out from the clock whenever someone looks at it.

const MB = 1024 * 1024;
const UPLOAD_URL_TTL_MS = 60 * 60_000;
const videoTypes = ['video/mp4', 'video/quicktime', 'video/webm'];
const publicAccountOptions = ['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY'];
const privateAccountOptions = ['FOLLOWER_OF_CREATOR', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY'];
const listFields = ['id', 'title', 'video_description', 'create_time', 'share_url', 'duration', 'cover_image_url', 'embed_link', 'like_count', 'comment_count', 'share_count', 'view_count'];

/** A video object as video/list and video/query answer it, with only the fields asked for. */
function videoJson(p: FakePost, username: string, fields: string[]) {
  const all: Record<string, unknown> = {
    id: p.postId,
    title: p.title,
    video_description: p.description,
    create_time: Math.floor(p.createdAt / 1000),
    share_url: `https://www.tiktok.com/@${username}/${p.kind}/${p.postId}`,
    duration: p.kind === 'video' ? 15 : 0,
    cover_image_url: `https://p16.tiktokcdn.example/cover-${p.postId}.jpeg`,
    embed_link: `https://www.tiktok.com/player/v1/${p.postId}`,
    like_count: p.counts?.like_count ?? 0,
    comment_count: p.counts?.comment_count ?? 0,
    share_count: p.counts?.share_count ?? 0,
    view_count: p.counts?.view_count ?? 0,
  };
  return Object.fromEntries(fields.map((f) => [f, all[f]]));
}

/** What creator_info reports for a user; everything optional, with a public account's defaults. */
export type CreatorSettings = {
  privateAccount?: boolean;
  maxVideoPostDurationSec?: number;
  commentDisabled?: boolean;
  duetDisabled?: boolean;
  stitchDisabled?: boolean;
};

export type PostingOptions = {
  /** URL prefixes "verified in the developer portal": PULL_FROM_URL sources must start with one. */
  verifiedUrlPrefixes?: string[];
  /** A client that has not passed TikTok's audit may only post SELF_ONLY. */
  unaudited?: boolean;
  /** How long TikTok "processes" a complete upload or download before the publish settles. */
  processingMs?: number;
  /** Per-token, per-endpoint requests in a sliding minute (TikTok: init 6, creator info 20, status 30). */
  rateLimits?: Partial<RateLimits>;
};
export type RateLimits = { init: number; creatorInfo: number; status: number };

export type PublishStatus = 'PROCESSING_UPLOAD' | 'PROCESSING_DOWNLOAD' | 'PUBLISH_COMPLETE' | 'SEND_TO_USER_INBOX' | 'FAILED';

export type FakePost = {
  publishId: string;
  openId: string;
  kind: 'video' | 'photo';
  /** direct: published on the profile; inbox: sent to the creator's inbox as a draft. */
  mode: 'direct' | 'inbox';
  source: 'FILE_UPLOAD' | 'PULL_FROM_URL';
  title: string;
  description: string;
  privacyLevel: string | null;
  flags: Record<string, unknown>;
  createdAt: number;
  publishStatus: PublishStatus;
  failReason: string | null;
  postId: string | null;
  /** Likes, comments, shares and views since publishing (set by tests through `engage`). */
  deleted?: boolean;
  counts?: { like_count?: number; comment_count?: number; share_count?: number; view_count?: number };
  videoSize: number;
  chunkSize: number;
  totalChunkCount: number;
  uploadToken: string | null;
  uploadExpiresAt: number;
  receivedChunks: number;
  /** Content-Range of every accepted chunk, in arrival order. */
  ranges: string[];
  bytes: Buffer[];
  pullUrls: string[];
  photoCoverIndex: number | null;
  /** When the bytes were all in (upload finished or download done); processing runs from here. */
  processingFrom: number | null;
  /** A failure decided at init (failNextPublishes), shown once processing ends. */
  plannedFailure: string | null;
};

type Caller = { openId: string; scopes: string[] };
type Json = Record<string, unknown>;

const logId = () => crypto.randomBytes(8).toString('hex').toUpperCase();
const ok = (data: unknown): FakeResponse => ({ status: 200, body: { data, error: { code: 'ok', message: '', log_id: logId() } } });
const apiError = (status: number, code: string, message: string): FakeResponse => ({ status, body: { data: {}, error: { code, message, log_id: logId() } } });
const invalid = (message: string) => apiError(400, 'invalid_params', message);
const digits = (n: number) => Array.from(crypto.randomBytes(n), (b) => String(b % 10)).join('');
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** TikTok's FILE_UPLOAD chunk rules (media transfer guide); the problem in words, or null. */
export function checkChunkPlan(videoSize: unknown, chunkSize: unknown, totalChunkCount: unknown): string | null {
  if (!isInt(videoSize) || videoSize <= 0) return 'source_info.video_size must be a positive integer';
  if (videoSize > 4096 * MB) return 'source_info.video_size is over 4 GB';
  if (!isInt(chunkSize) || chunkSize <= 0) return 'source_info.chunk_size must be a positive integer';
  if (!isInt(totalChunkCount)) return 'source_info.total_chunk_count must be an integer';
  if (videoSize < 5 * MB) {
    if (chunkSize !== videoSize || totalChunkCount !== 1) return 'videos under 5 MB must be uploaded as one chunk with chunk_size = video_size';
    return null;
  }
  if (chunkSize < 5 * MB || chunkSize > 64 * MB) return 'chunk_size must be between 5 MB and 64 MB';
  if (chunkSize > videoSize) return 'chunk_size cannot exceed video_size';
  if (totalChunkCount !== Math.floor(videoSize / chunkSize)) return `total_chunk_count must be floor(video_size / chunk_size) = ${Math.floor(videoSize / chunkSize)}`;
  if (totalChunkCount < 1 || totalChunkCount > 1000) return 'total_chunk_count must be between 1 and 1000';
  if (videoSize > 64 * MB && totalChunkCount < 2) return 'videos over 64 MB must be uploaded in chunks';
  if (videoSize - (totalChunkCount - 1) * chunkSize > 128 * MB) return 'the last chunk would be over 128 MB';
  return null;
}

/** The byte count chunk `index` must carry: chunk_size, except the last which takes the rest. */
const expectedChunkLength = (post: FakePost, index: number) => (index < post.totalChunkCount - 1 ? post.chunkSize : post.videoSize - (post.totalChunkCount - 1) * post.chunkSize);

export function createPostingApi(deps: {
  /** The caller behind the request's bearer token, or the 401 to answer. */
  authenticate(req: FakeRequest): Caller | FakeResponse;
  creator(openId: string): { username: string; displayName: string; avatarUrl: string } & CreatorSettings;
  baseUrl(): string;
  options: PostingOptions;
}) {
  const verified = deps.options.verifiedUrlPrefixes ?? [];
  let unaudited = deps.options.unaudited ?? false;
  let processingMs = deps.options.processingMs ?? 300;
  const limits: RateLimits = { init: 6, creatorInfo: 20, status: 30, ...deps.options.rateLimits };
  const calls = new Map<string, number[]>();
  const posts: FakePost[] = [];
  const plannedFailures: string[] = [];
  let creatorError: { status: number; code: string } | null = null;
  // 19-digit ids like TikTok's, past 2^53: a client parsing them as doubles gets them wrong.
  let postIds = 7_493_128_377_364_417_285n;
  // A test-chosen id for the next post that gets one (int64 ids near 2^63 show rounding at once).
  let nextPostId: string | null = null;

  /** Sliding one-minute window per token and endpoint; rejected calls do not count. */
  function rateLimited(req: FakeRequest, limit: number) {
    const key = `${req.headers.authorization} ${req.path}`;
    const now = Date.now();
    const recent = (calls.get(key) ?? []).filter((t) => t > now - 60_000);
    if (recent.length >= limit) {
      calls.set(key, recent);
      return true;
    }
    recent.push(now);
    calls.set(key, recent);
    return false;
  }

  /** Auth, scope and rate limit, in TikTok's order; the caller, or the error answer. */
  function gate(req: FakeRequest, anyOf: string[], limit: number | null): Caller | FakeResponse {
    const caller = deps.authenticate(req);
    if ('status' in caller) return caller;
    if (!anyOf.some((s) => caller.scopes.includes(s))) return apiError(401, 'scope_not_authorized', `The user did not authorize the scope required for this endpoint (${anyOf.join(' or ')}).`);
    if (limit !== null && rateLimited(req, limit)) return apiError(429, 'rate_limit_exceeded', 'The API rate limit was exceeded. Please try again later.');
    return caller;
  }

  const creatorInfo = (openId: string) => {
    const c = deps.creator(openId);
    return {
      creator_avatar_url: c.avatarUrl,
      creator_username: c.username,
      creator_nickname: c.displayName,
      privacy_level_options: c.privateAccount ? privateAccountOptions : publicAccountOptions,
      comment_disabled: c.commentDisabled ?? false,
      duet_disabled: c.duetDisabled ?? false,
      stitch_disabled: c.stitchDisabled ?? false,
      max_video_post_duration_sec: c.maxVideoPostDurationSec ?? 600,
    };
  };

  const creatorRefusal = () => (creatorError ? apiError(creatorError.status, creatorError.code, `Posting is refused for this creator (${creatorError.code}).`) : null);

  /** post_info.privacy_level against the creator's options and the audit state; null when fine. */
  function checkPrivacy(openId: string, level: unknown): FakeResponse | null {
    if (typeof level !== 'string' || !level) return invalid('post_info.privacy_level is required for direct posts');
    if (!creatorInfo(openId).privacy_level_options.includes(level)) return apiError(403, 'privacy_level_option_mismatch', `privacy_level ${level} is not one of the creator's privacy_level_options`);
    if (unaudited && level !== 'SELF_ONLY') return apiError(403, 'unaudited_client_can_only_post_to_private_accounts', 'Unaudited clients can only post to private accounts (SELF_ONLY).');
    return null;
  }

  const urlVerified = (url: unknown) => typeof url === 'string' && verified.some((prefix) => url.startsWith(prefix));

  function newPost(caller: Caller, fields: Partial<FakePost> & Pick<FakePost, 'kind' | 'mode' | 'source'>): FakePost {
    const prefix = fields.kind === 'photo' ? 'p_pub_url~v2.' : fields.source === 'FILE_UPLOAD' ? 'v_pub_file~v2.' : 'v_pub_url~v2.';
    const post: FakePost = {
      publishId: `${prefix}${digits(19)}`,
      openId: caller.openId,
      title: '',
      description: '',
      privacyLevel: null,
      flags: {},
      createdAt: Date.now(),
      publishStatus: fields.source === 'FILE_UPLOAD' ? 'PROCESSING_UPLOAD' : 'PROCESSING_DOWNLOAD',
      failReason: null,
      postId: null,
      videoSize: 0,
      chunkSize: 0,
      totalChunkCount: 0,
      uploadToken: null,
      uploadExpiresAt: 0,
      receivedChunks: 0,
      ranges: [],
      bytes: [],
      pullUrls: [],
      photoCoverIndex: null,
      processingFrom: null,
      plannedFailure: plannedFailures.shift() ?? null,
      ...fields,
    };
    posts.push(post);
    if (post.source === 'PULL_FROM_URL') void download(post);
    return post;
  }

  /** TikTok fetches PULL_FROM_URL media itself; any failure ends the publish. */
  async function download(post: FakePost) {
    try {
      for (const url of post.pullUrls) {
        const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(30_000) });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        post.bytes.push(Buffer.from(await response.arrayBuffer()));
      }
      post.processingFrom = Date.now();
    } catch {
      post.publishStatus = 'FAILED';
      post.failReason = post.kind === 'photo' ? 'photo_pull_failed' : 'video_pull_failed';
    }
  }

  /** Moves a post whose processing time has passed to its terminal state. */
  function settle(post: FakePost) {
    if (post.publishStatus === 'FAILED' || post.publishStatus === 'PUBLISH_COMPLETE' || post.publishStatus === 'SEND_TO_USER_INBOX') return;
    if (post.processingFrom === null || Date.now() - post.processingFrom < processingMs) return;
    if (post.plannedFailure) {
      post.publishStatus = 'FAILED';
      post.failReason = post.plannedFailure;
    } else if (post.mode === 'inbox') {
      post.publishStatus = 'SEND_TO_USER_INBOX';
    } else {
      post.publishStatus = 'PUBLISH_COMPLETE';
      if (post.privacyLevel !== 'SELF_ONLY') post.postId = String((postIds += 1n));
      if (post.postId && nextPostId) {
        post.postId = nextPostId;
        nextPostId = null;
      }
    }
  }

  const postInfoFlags = (info: Json) =>
    Object.fromEntries(
      ['disable_comment', 'disable_duet', 'disable_stitch', 'video_cover_timestamp_ms', 'brand_content_toggle', 'brand_organic_toggle', 'is_aigc', 'auto_add_music'].filter((k) => k in info).map((k) => [k, info[k]]),
    );

  /** Validates source_info for a video init; the fields to store, or the 400 to answer. */
  function videoSource(source: unknown): Partial<FakePost> & Pick<FakePost, 'source'> | FakeResponse {
    if (!isObject(source)) return invalid('source_info is required');
    if (source.source === 'FILE_UPLOAD') {
      const problem = checkChunkPlan(source.video_size, source.chunk_size, source.total_chunk_count);
      if (problem) return invalid(problem);
      return {
        source: 'FILE_UPLOAD',
        videoSize: source.video_size as number,
        chunkSize: source.chunk_size as number,
        totalChunkCount: source.total_chunk_count as number,
        uploadToken: crypto.randomBytes(24).toString('base64url'),
        uploadExpiresAt: Date.now() + UPLOAD_URL_TTL_MS,
      };
    }
    if (source.source === 'PULL_FROM_URL') {
      if (typeof source.video_url !== 'string' || !source.video_url) return invalid('source_info.video_url is required for PULL_FROM_URL');
      if (!urlVerified(source.video_url)) return apiError(403, 'url_ownership_unverified', 'The video_url domain or URL prefix is not verified for this client.');
      return { source: 'PULL_FROM_URL', pullUrls: [source.video_url] };
    }
    return invalid('source_info.source must be FILE_UPLOAD or PULL_FROM_URL');
  }

  function initAnswer(post: FakePost) {
    return ok(post.uploadToken ? { publish_id: post.publishId, upload_url: `${deps.baseUrl()}/upload/${post.uploadToken}` } : { publish_id: post.publishId });
  }

  function videoInit(req: FakeRequest, mode: 'direct' | 'inbox'): FakeResponse {
    const caller = gate(req, [mode === 'direct' ? 'video.publish' : 'video.upload'], limits.init);
    if ('status' in caller) return caller;
    const refusal = creatorRefusal();
    if (refusal) return refusal;
    const body = req.body as unknown as Json;
    let info: Json = {};
    if (mode === 'direct') {
      if (!isObject(body.post_info)) return invalid('post_info is required');
      info = body.post_info;
      const title = info.title ?? '';
      if (typeof title !== 'string') return invalid('post_info.title must be a string');
      if (title.length > 2200) return invalid('post_info.title is over 2200 UTF-16 code units');
      for (const flag of ['disable_comment', 'disable_duet', 'disable_stitch', 'brand_content_toggle', 'brand_organic_toggle', 'is_aigc']) {
        if (flag in info && typeof info[flag] !== 'boolean') return invalid(`post_info.${flag} must be a boolean`);
      }
      if ('video_cover_timestamp_ms' in info && (!isInt(info.video_cover_timestamp_ms) || info.video_cover_timestamp_ms < 0)) return invalid('post_info.video_cover_timestamp_ms must be a non-negative integer');
      const privacy = checkPrivacy(caller.openId, info.privacy_level);
      if (privacy) return privacy;
    }
    const source = videoSource(body.source_info);
    if ('status' in source) return source;
    const title = typeof info.title === 'string' ? info.title : '';
    const post = newPost(caller, { kind: 'video', mode, ...source, title, description: title, privacyLevel: mode === 'direct' ? (info.privacy_level as string) : null, flags: postInfoFlags(info) });
    return initAnswer(post);
  }

  function photoInit(req: FakeRequest): FakeResponse {
    const body = req.body as unknown as Json;
    const mode = body.post_mode === 'DIRECT_POST' ? 'direct' : body.post_mode === 'MEDIA_UPLOAD' ? 'inbox' : null;
    const caller = gate(req, [mode === 'inbox' ? 'video.upload' : 'video.publish'], limits.init);
    if ('status' in caller) return caller;
    if (body.media_type !== 'PHOTO') return invalid('media_type must be PHOTO');
    if (!mode) return invalid('post_mode must be DIRECT_POST or MEDIA_UPLOAD');
    const refusal = creatorRefusal();
    if (refusal) return refusal;
    const info = isObject(body.post_info) ? body.post_info : {};
    const title = info.title ?? '';
    const description = info.description ?? '';
    if (typeof title !== 'string' || title.length > 90) return invalid('post_info.title must be a string of at most 90 UTF-16 code units');
    if (typeof description !== 'string' || description.length > 4000) return invalid('post_info.description must be a string of at most 4000 UTF-16 code units');
    if (mode === 'direct') {
      const privacy = checkPrivacy(caller.openId, info.privacy_level);
      if (privacy) return privacy;
    }
    const source = body.source_info;
    if (!isObject(source) || source.source !== 'PULL_FROM_URL') return invalid('source_info.source must be PULL_FROM_URL for photos');
    const images = source.photo_images;
    if (!Array.isArray(images) || images.length < 1 || images.length > 35 || !images.every((u) => typeof u === 'string')) return invalid('source_info.photo_images must list 1 to 35 URLs');
    if (!images.every(urlVerified)) return apiError(403, 'url_ownership_unverified', 'A photo_images URL domain or prefix is not verified for this client.');
    const cover = source.photo_cover_index;
    if (!isInt(cover) || cover < 0 || cover >= images.length) return invalid('source_info.photo_cover_index must point at one of photo_images');
    const post = newPost(caller, {
      kind: 'photo',
      mode,
      source: 'PULL_FROM_URL',
      title,
      description,
      privacyLevel: mode === 'direct' ? (info.privacy_level as string) : null,
      flags: postInfoFlags(info),
      pullUrls: images as string[],
      photoCoverIndex: cover,
    });
    return ok({ publish_id: post.publishId });
  }

  function upload(req: FakeRequest, token: string): FakeResponse {
    const post = posts.find((p) => p.uploadToken === token);
    if (!post) return apiError(404, 'invalid_params', 'Unknown upload URL.');
    if (Date.now() > post.uploadExpiresAt) return apiError(403, 'invalid_params', 'The upload URL has expired (it is valid for one hour).');
    if (post.receivedChunks >= post.totalChunkCount) return invalid('All chunks were already uploaded.');
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim();
    if (!videoTypes.includes(type)) return invalid(`Content-Type must be one of ${videoTypes.join(', ')}`);
    const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(req.headers['content-range'] ?? '');
    if (!range) return invalid('Content-Range must read "bytes FIRST-LAST/TOTAL"');
    const [first, last, total] = [Number(range[1]), Number(range[2]), Number(range[3])];
    if (total !== post.videoSize) return invalid(`Content-Range total ${total} differs from video_size ${post.videoSize}`);
    const expectedFirst = post.receivedChunks * post.chunkSize;
    if (first !== expectedFirst) return invalid(`Chunks must be sent in order: the next chunk starts at byte ${expectedFirst}`);
    const length = expectedChunkLength(post, post.receivedChunks);
    if (last - first + 1 !== length) return invalid(`Chunk ${post.receivedChunks + 1} of ${post.totalChunkCount} must be ${length} bytes`);
    if (Number(req.headers['content-length']) !== req.raw.length || req.raw.length !== length) return invalid('Content-Length does not match the chunk');
    post.bytes.push(req.raw);
    post.ranges.push(req.headers['content-range']!);
    post.receivedChunks += 1;
    if (post.receivedChunks < post.totalChunkCount) return { status: 206, raw: '' };
    post.processingFrom = Date.now();
    return { status: 201, raw: '' };
  }

  function statusFetch(req: FakeRequest): FakeResponse {
    const caller = gate(req, ['video.publish', 'video.upload'], limits.status);
    if ('status' in caller) return caller;
    const publishId = (req.body as unknown as Json).publish_id;
    const post = posts.find((p) => p.publishId === publishId);
    if (!post) return apiError(400, 'invalid_publish_id', 'The publish_id does not exist.');
    if (post.openId !== caller.openId) return apiError(400, 'token_not_authorized_for_specified_publish_id', 'The token is not authorized for this publish_id.');
    settle(post);
    const received = post.bytes.reduce((n, b) => n + b.length, 0);
    const answer = ok({
      status: post.publishStatus,
      ...(post.failReason ? { fail_reason: post.failReason } : {}),
      publicaly_available_post_id: post.postId ? [new LosslessNumber(post.postId)] : [],
      ...(post.source === 'FILE_UPLOAD' ? { uploaded_bytes: received } : { downloaded_bytes: received }),
    });
    // TikTok documents the post id as an int64 and sends it as a bare JSON number.
    return { status: answer.status, raw: stringify(answer.body) ?? '' };
  }

  /** What video/list and video/query check first: the video.list scope, then the fields asked for. */
  function videoRequest(req: FakeRequest): FakeResponse | { caller: Caller; fields: string[] } {
    const caller = gate(req, ['video.list'], null);
    if ('status' in caller) return caller;
    const fields = (req.query.get('fields') ?? '').split(',').filter(Boolean);
    if (!fields.length) return invalid('fields is required');
    const unknown = fields.find((f) => !listFields.includes(f));
    if (unknown) return invalid(`Unknown field ${unknown}`);
    return { caller, fields };
  }

  function videoList(req: FakeRequest): FakeResponse {
    const asked = videoRequest(req);
    if ('status' in asked) return asked;
    const { caller, fields } = asked;
    const body = req.body as unknown as Json;
    const maxCount = body.max_count ?? 10;
    if (!isInt(maxCount) || maxCount < 1 || maxCount > 20) return invalid('max_count must be between 1 and 20');
    const cursor = body.cursor ?? Date.now();
    if (!isInt(cursor)) return invalid('cursor must be a UTC epoch in milliseconds');
    const username = deps.creator(caller.openId).username;
    const listed = posts
      .filter((p) => p.openId === caller.openId && !p.deleted)
      .map((p) => (settle(p), p))
      .filter((p) => p.publishStatus === 'PUBLISH_COMPLETE' && p.privacyLevel === 'PUBLIC_TO_EVERYONE' && p.createdAt < cursor)
      .sort((a, b) => b.createdAt - a.createdAt);
    const page = listed.slice(0, maxCount);
    const videos = page.map((p) => videoJson(p, username, fields));
    return ok({ videos, cursor: page.at(-1)?.createdAt ?? cursor, has_more: listed.length > page.length });
  }

  // POST /v2/video/query/: up to 20 of the caller's own videos by id; ids that are not (or no
  // longer) the caller's public videos are simply absent from the answer.
  function videoQuery(req: FakeRequest): FakeResponse {
    const asked = videoRequest(req);
    if ('status' in asked) return asked;
    const { caller, fields } = asked;
    const ids = ((req.body as unknown as Json).filters as Json | undefined)?.video_ids;
    if (!Array.isArray(ids) || !ids.length) return invalid('filters.video_ids is required');
    if (ids.length > 20) return invalid('filters.video_ids takes at most 20 ids');
    const username = deps.creator(caller.openId).username;
    const videos = posts
      .filter((p) => p.openId === caller.openId && p.postId && ids.includes(p.postId) && !p.deleted)
      .map((p) => (settle(p), p))
      .filter((p) => p.publishStatus === 'PUBLISH_COMPLETE')
      .map((p) => videoJson(p, username, fields));
    return ok({ videos, cursor: 0, has_more: false });
  }

  return {
    /** The answer for a posting endpoint, or null when the path is not one. */
    handle(req: FakeRequest): FakeResponse | null {
      const uploadToken = /^\/upload\/([\w-]+)$/.exec(req.path)?.[1];
      if (uploadToken && req.method === 'PUT') return upload(req, uploadToken);
      if (req.method !== 'POST') return null;
      switch (req.path) {
        case '/v2/post/publish/creator_info/query/': {
          const caller = gate(req, ['video.publish'], limits.creatorInfo);
          if ('status' in caller) return caller;
          return creatorRefusal() ?? ok(creatorInfo(caller.openId));
        }
        case '/v2/post/publish/video/init/':
          return videoInit(req, 'direct');
        case '/v2/post/publish/inbox/video/init/':
          return videoInit(req, 'inbox');
        case '/v2/post/publish/content/init/':
          return photoInit(req);
        case '/v2/post/publish/status/fetch/':
          return statusFetch(req);
        case '/v2/video/list/':
          return videoList(req);
        case '/v2/video/query/':
          return videoQuery(req);
        default:
          return null;
      }
    },
    controls: {
      /** Every post an init created, whether or not its bytes followed, with the bytes received. */
      posts: (): (FakePost & { received: Buffer })[] => posts.map((p) => (settle(p), { ...p, ranges: [...p.ranges], received: Buffer.concat(p.bytes) })),
      /** How many posts inits created (TikTok has no idempotency: each successful init is one). */
      creations: () => posts.length,
      /** People watch, like, comment and share a published post (by its public post id). */
      engage(postId: string, counts: NonNullable<FakePost['counts']>) {
        const post = posts.find((p) => p.postId === postId);
        if (!post) throw new Error(`no TikTok post ${postId}`);
        post.counts = { ...post.counts, ...counts };
      },
      /** The creator deletes the video in the TikTok app. */
      deletePost(postId: string) {
        const post = posts.find((p) => p.postId === postId);
        if (post) post.deleted = true;
      },
      /** The next post that is published gets this public post id (an int64, sent as a bare JSON number). */
      setNextPostId(id: string) {
        nextPostId = id;
      },
      /** The next `count` publishes end FAILED with this fail_reason once processed. */
      failNextPublishes(failReason: string, count = 1) {
        for (let i = 0; i < count; i += 1) plannedFailures.push(failReason);
      },
      /** creator_info and every init answer this error (spam_risk_too_many_posts, reached_active_user_cap…) until cleared with null. */
      setCreatorError(code: string | null, status = 403) {
        creatorError = code ? { status, code } : null;
      },
      setRateLimits(value: Partial<RateLimits>) {
        Object.assign(limits, value);
        calls.clear();
      },
      setProcessingMs(value: number) {
        processingMs = value;
      },
      setUnaudited(value: boolean) {
        unaudited = value;
      },
      /** Makes a post's upload URL expire now (TikTok keeps it one hour). */
      expireUploadUrl(publishId: string) {
        const post = posts.find((p) => p.publishId === publishId);
        if (post) post.uploadExpiresAt = Date.now() - 1;
      },
    },
  };
}
