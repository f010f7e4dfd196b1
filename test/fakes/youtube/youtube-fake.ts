import crypto from 'node:crypto';
import { escapeHtml, startFakeServer, type FakeRequest, type FakeResponse, type Injected } from '../http.ts';

// A local YouTube following ../shared/providers.md §9: Google's consent page (one checkbox per
// scope: granular consent), the token endpoint (code with PKCE, refresh without rotation), revoke
// (the whole grant), channels.list mine=true, resumable upload sessions (POST → Location; PUT
// chunks answered 308 + Range; `bytes */total` probes; chunks a multiple of 256 KiB except the last;
// the final chunk creates the video; the bytes kept for a sha256 comparison), processing
// (uploaded → processed after a delay, or rejected / failed when a test says so), videos.list
// (status, processingDetails, statistics), thumbnails.set, playlists.list, playlistItems.list and
// insert, Analytics reports (shares, watch time), Google's error envelope, and the project's daily
// quota (units and the upload bucket) answered with 403 quotaExceeded once used up.
//
// What it does not do: the real quota reset at midnight Pacific (a test resets it), videos.update,
// delete, comments, captions, search, the private lock of unaudited projects, Shorts detection,
// processing of the bytes (they are kept as sent), session expiry after a week.

export type YouTubeChannel = {
  id: string;
  title: string;
  customUrl: string;
  thumbnailUrl: string;
  subscribers?: number;
  /** The owner hid the subscriber count: statistics.subscriberCount is left out. */
  hiddenSubscriberCount?: boolean;
};

export type YouTubeFakeOptions = {
  clientId?: string;
  clientSecret?: string;
  channels?: YouTubeChannel[];
  /** Time from the last chunk to `processed`. */
  processingMs?: number;
  /** Daily quota units and uploads of the Google project. */
  dailyQuota?: number;
  dailyUploads?: number;
  accessTokenTtlSeconds?: number;
  /** Rejects an upload whose bytes this channel already has, as YouTube does (rejectionReason duplicate). */
  rejectDuplicates?: boolean;
};

type Grant = { refreshToken: string; channelId: string; scopes: string[]; revoked: boolean };
type AccessToken = { token: string; grant: Grant; expiresAt: number };
type PendingCode = { channelId: string; scopes: string[]; redirectUri: string; codeChallenge: string | null; used: boolean };

export type FakeSession = {
  id: string;
  channelId: string;
  total: number;
  contentType: string;
  resource: { snippet: Record<string, unknown>; status: Record<string, unknown> };
  notifySubscribers: boolean;
  chunks: Buffer[];
  held: number;
  videoId: string | null;
};

export type FakeVideo = {
  id: string;
  channelId: string;
  sessionId: string;
  title: string;
  description: string;
  tags: string[];
  categoryId: string;
  privacyStatus: string;
  madeForKids: boolean | null;
  containsSyntheticMedia: boolean;
  notifySubscribers: boolean;
  bytes: Buffer;
  sha256: string;
  publishedAt: number;
  readyAt: number;
  outcome: { status: 'processed' } | { status: 'rejected'; reason: string } | { status: 'failed'; reason: string };
  thumbnail: Buffer | null;
  thumbnailSets: number;
  statistics: { viewCount: number; likeCount: number; commentCount: number };
  analytics: { shares: number; estimatedMinutesWatched: number };
};

type Playlist = { id: string; channelId: string; title: string; items: { id: string; videoId: string }[]; inserts: number };

export const SCOPES = {
  upload: 'https://www.googleapis.com/auth/youtube.upload',
  readonly: 'https://www.googleapis.com/auth/youtube.readonly',
  manage: 'https://www.googleapis.com/auth/youtube',
  forceSsl: 'https://www.googleapis.com/auth/youtube.force-ssl',
  analytics: 'https://www.googleapis.com/auth/yt-analytics.readonly',
};
const CHUNK_UNIT = 256 * 1024;
const UPLOAD_PATH = '/upload/youtube/v3/videos';
/** What each call costs in quota units (YouTube's quota table); uploads count in their own bucket. */
const COSTS: Record<string, number> = { 'channels.list': 1, 'videos.list': 1, 'playlists.list': 1, 'playlistItems.list': 1, 'playlistItems.insert': 50, 'thumbnails.set': 50 };

/** Google's error envelope. */
export function googleError(status: number, reason: string, message: string, domain = 'youtube.api'): FakeResponse {
  return { status, body: { error: { code: status, message, errors: [{ message, domain, reason }] } } };
}
const oauthError = (status: number, error: string, description: string): FakeResponse => ({ status, body: { error, error_description: description } });
const random = (prefix: string, bytes = 24) => `${prefix}${crypto.randomBytes(bytes).toString('base64url')}`;
/** An 11-character video id, as YouTube's are. */
const videoIdOf = () => crypto.randomBytes(8).toString('base64url').slice(0, 11);

export async function startYouTubeFake(options: YouTubeFakeOptions = {}) {
  const clientId = options.clientId ?? '123456789012-herald.apps.googleusercontent.com';
  const clientSecret = options.clientSecret ?? 'GOCSPX-herald-fake-secret';
  const accessTtl = options.accessTokenTtlSeconds ?? 3599;
  const channels = (options.channels ?? [{ id: 'UCherald0000000000000001', title: 'Herald Tester', customUrl: '@heraldtester', thumbnailUrl: 'https://yt3.ggpht.example/herald-tester.jpg' }]).map((c) => ({ ...c }));
  let processingMs = options.processingMs ?? 300;
  let dailyQuota = options.dailyQuota ?? 10_000;
  let dailyUploads = options.dailyUploads ?? 100;
  let currentChannel = channels[0]!.id;
  const codes = new Map<string, PendingCode>();
  const grants: Grant[] = [];
  const accessTokens: AccessToken[] = [];
  const revocations: string[] = [];
  const sessions = new Map<string, FakeSession>();
  const videos: FakeVideo[] = [];
  const playlists: Playlist[] = channels.map((c, i) => ({ id: `PLherald${i}favourites00000000`, channelId: c.id, title: 'Favourites', items: [], inserts: 0 }));
  let quotaUsed = 0;
  let uploadsUsed = 0;
  const nextVideoIds: string[] = [];
  let nextOutcome: FakeVideo['outcome'] | null = null;
  let nextSessionRefusal: FakeResponse | null = null;
  let firstChunkFailure: Injected | null = null;
  const heldFailures: { bytes: number; failure: Injected }[] = [];
  let holdAt: number | null = null;
  const heldRequests: (() => void)[] = [];

  const uploadsPlaylistOf = (channelId: string) => `UU${channelId.slice(2)}`;

  // ---- OAuth -------------------------------------------------------------------------------

  function decide(q: URLSearchParams, choice: { grant?: string[]; deny?: boolean }): string {
    const target = new URL(q.get('redirect_uri')!);
    const state = q.get('state') ?? '';
    if (choice.deny) {
      target.search = new URLSearchParams({ error: 'access_denied', state }).toString();
      return target.toString();
    }
    const requested = (q.get('scope') ?? '').split(' ').filter(Boolean);
    const granted = choice.grant ? requested.filter((s) => choice.grant!.includes(s)) : requested;
    const code = random('4/0A', 30);
    codes.set(code, { channelId: currentChannel, scopes: granted, redirectUri: q.get('redirect_uri')!, codeChallenge: q.get('code_challenge'), used: false });
    target.search = new URLSearchParams({ state, code, scope: granted.join(' ') }).toString();
    return target.toString();
  }

  function checkAuthorize(q: URLSearchParams): string | null {
    if (q.get('client_id') !== clientId) return 'Error 401: invalid_client (The OAuth client was not found.)';
    if (q.get('response_type') !== 'code' || !q.get('redirect_uri')) return 'Error 400: invalid_request';
    if (q.get('access_type') !== 'offline') return 'Herald must ask for offline access (access_type=offline) to get a refresh token';
    if (q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge')) return 'Error 400: invalid_request (PKCE S256 expected)';
    return null;
  }

  function consentPage(q: URLSearchParams): FakeResponse {
    const problem = checkAuthorize(q);
    if (problem) return { status: 400, html: `<h1>Access blocked</h1><p>${escapeHtml(problem)}</p>` };
    const scopes = (q.get('scope') ?? '').split(' ').filter(Boolean);
    const hidden = [...q.entries()].map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`).join('');
    const boxes = scopes.map((s) => `<label><input type="checkbox" name="grant" value="${escapeHtml(s)}" checked> ${escapeHtml(s)}</label><br>`).join('');
    return {
      status: 200,
      html: `<!doctype html><title>Sign in - Google Accounts (fake)</title><h1>Herald wants access to your Google Account</h1><p>Channel ${escapeHtml(currentChannel)}</p><form method="post" action="/o/oauth2/v2/auth/decision">${hidden}${boxes}<button name="decision" value="allow">Continue</button> <button name="decision" value="deny">Cancel</button></form>`,
    };
  }

  function issueAccess(grant: Grant) {
    const token: AccessToken = { token: random('ya29.a0', 40), grant, expiresAt: Date.now() + accessTtl * 1000 };
    accessTokens.push(token);
    return token;
  }

  function tokenEndpoint(req: FakeRequest): FakeResponse {
    const b = req.body;
    if (b.client_id !== clientId || b.client_secret !== clientSecret) return oauthError(401, 'invalid_client', 'The OAuth client was not found.');
    if (b.grant_type === 'authorization_code') {
      const pending = codes.get(b.code ?? '');
      if (!pending || pending.used) return oauthError(400, 'invalid_grant', 'Malformed auth code.');
      if (pending.redirectUri !== b.redirect_uri) return oauthError(400, 'redirect_uri_mismatch', 'Bad Request');
      if (pending.codeChallenge && crypto.createHash('sha256').update(b.code_verifier ?? '').digest('base64url') !== pending.codeChallenge) {
        return oauthError(400, 'invalid_grant', 'Invalid code verifier.');
      }
      pending.used = true;
      const grant: Grant = { refreshToken: random('1//0g', 40), channelId: pending.channelId, scopes: pending.scopes, revoked: false };
      grants.push(grant);
      const access = issueAccess(grant);
      return { status: 200, body: { access_token: access.token, expires_in: accessTtl, refresh_token: grant.refreshToken, scope: grant.scopes.join(' '), token_type: 'Bearer' } };
    }
    if (b.grant_type === 'refresh_token') {
      const grant = grants.find((g) => g.refreshToken === b.refresh_token);
      if (!grant || grant.revoked) return oauthError(400, 'invalid_grant', 'Token has been expired or revoked.');
      // Google does not rotate refresh tokens: the answer has none.
      const access = issueAccess(grant);
      return { status: 200, body: { access_token: access.token, expires_in: accessTtl, scope: grant.scopes.join(' '), token_type: 'Bearer' } };
    }
    return oauthError(400, 'unsupported_grant_type', 'Invalid grant_type: ' + (b.grant_type ?? ''));
  }

  function revokeEndpoint(req: FakeRequest): FakeResponse {
    const token = req.query.get('token') ?? req.body.token;
    const grant = grants.find((g) => g.refreshToken === token) ?? accessTokens.find((t) => t.token === token)?.grant;
    if (!grant || grant.revoked) return oauthError(400, 'invalid_token', 'Token expired or revoked');
    grant.revoked = true;
    revocations.push(token!);
    return { status: 200, body: {} };
  }

  /** The grant behind the bearer token, or Google's 401 / 403 for a missing scope. */
  function authenticate(req: FakeRequest, anyOf: string[]): Grant | FakeResponse {
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const token = accessTokens.find((t) => t.token === bearer);
    if (!token || token.grant.revoked || token.expiresAt < Date.now()) {
      return { ...googleError(401, 'authError', 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.', 'global'), headers: { 'www-authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"' } };
    }
    if (!anyOf.some((s) => token.grant.scopes.includes(s))) return googleError(403, 'insufficientPermissions', 'Request had insufficient authentication scopes.', 'global');
    return token.grant;
  }

  /** Counts a call against the project's quota; every call costs, even one that fails afterwards. */
  function spend(units: number): FakeResponse | null {
    if (quotaUsed + units > dailyQuota) {
      return googleError(403, 'quotaExceeded', 'The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.', 'youtube.quota');
    }
    quotaUsed += units;
    return null;
  }

  // ---- Data API ----------------------------------------------------------------------------

  const channelResource = (c: YouTubeChannel) => ({
    kind: 'youtube#channel',
    etag: 'fake',
    id: c.id,
    snippet: { title: c.title, description: '', customUrl: c.customUrl, thumbnails: { default: { url: c.thumbnailUrl, width: 88, height: 88 }, medium: { url: c.thumbnailUrl, width: 240, height: 240 } } },
    contentDetails: { relatedPlaylists: { likes: '', uploads: uploadsPlaylistOf(c.id) } },
    // Counts are strings (uint64); subscriberCount is absent when the owner hides it.
    statistics: {
      viewCount: '0',
      ...(c.hiddenSubscriberCount ? {} : { subscriberCount: String(c.subscribers ?? 0) }),
      hiddenSubscriberCount: !!c.hiddenSubscriberCount,
      videoCount: String(videos.filter((v) => v.channelId === c.id).length),
    },
  });

  function uploadStatus(video: FakeVideo): { uploadStatus: string; failureReason?: string; rejectionReason?: string } {
    if (Date.now() < video.readyAt) return { uploadStatus: 'uploaded' };
    if (video.outcome.status === 'rejected') return { uploadStatus: 'rejected', rejectionReason: video.outcome.reason };
    if (video.outcome.status === 'failed') return { uploadStatus: 'failed', failureReason: video.outcome.reason };
    return { uploadStatus: 'processed' };
  }

  function videoResource(video: FakeVideo, parts: string[]) {
    const status = uploadStatus(video);
    return {
      kind: 'youtube#video',
      etag: 'fake',
      id: video.id,
      ...(parts.includes('snippet')
        ? { snippet: { publishedAt: new Date(video.publishedAt).toISOString(), channelId: video.channelId, title: video.title, description: video.description, tags: video.tags, categoryId: video.categoryId } }
        : {}),
      ...(parts.includes('status') ? { status: { ...status, privacyStatus: video.privacyStatus, selfDeclaredMadeForKids: video.madeForKids, madeForKids: video.madeForKids, containsSyntheticMedia: video.containsSyntheticMedia } } : {}),
      ...(parts.includes('processingDetails')
        ? { processingDetails: { processingStatus: status.uploadStatus === 'uploaded' ? 'processing' : status.uploadStatus === 'processed' ? 'succeeded' : status.uploadStatus === 'failed' ? 'failed' : 'terminated' } }
        : {}),
      ...(parts.includes('statistics')
        ? { statistics: { viewCount: String(video.statistics.viewCount), likeCount: String(video.statistics.likeCount), favoriteCount: '0', commentCount: String(video.statistics.commentCount) } }
        : {}),
    };
  }

  function channelsList(req: FakeRequest): FakeResponse {
    const grant = authenticate(req, [SCOPES.readonly, SCOPES.manage, SCOPES.forceSsl]);
    if ('status' in grant) return grant;
    const over = spend(COSTS['channels.list']!);
    if (over) return over;
    if (req.query.get('mine') !== 'true') return googleError(400, 'missingRequiredParameter', 'No filter selected. Expected one of: mine, id, forHandle.');
    const channel = channels.find((c) => c.id === grant.channelId);
    return { status: 200, body: { kind: 'youtube#channelListResponse', pageInfo: { totalResults: channel ? 1 : 0, resultsPerPage: 5 }, items: channel ? [channelResource(channel)] : [] } };
  }

  function videosList(req: FakeRequest): FakeResponse {
    const grant = authenticate(req, [SCOPES.readonly, SCOPES.manage, SCOPES.forceSsl]);
    if ('status' in grant) return grant;
    const over = spend(COSTS['videos.list']!);
    if (over) return over;
    const ids = (req.query.get('id') ?? '').split(',').filter(Boolean);
    if (!ids.length) return googleError(400, 'missingRequiredParameter', 'No filter selected. Expected one of: id, chart, myRating.');
    if (ids.length > 50) return googleError(400, 'invalidParameter', 'The request specifies more than 50 ids.');
    const parts = (req.query.get('part') ?? '').split(',');
    const items = ids.map((id) => videos.find((v) => v.id === id)).filter((v): v is FakeVideo => !!v).map((v) => videoResource(v, parts));
    return { status: 200, body: { kind: 'youtube#videoListResponse', pageInfo: { totalResults: items.length, resultsPerPage: items.length }, items } };
  }

  function playlistsList(req: FakeRequest): FakeResponse {
    const grant = authenticate(req, [SCOPES.readonly, SCOPES.manage, SCOPES.forceSsl]);
    if ('status' in grant) return grant;
    const over = spend(COSTS['playlists.list']!);
    if (over) return over;
    const items = playlists.filter((p) => p.channelId === grant.channelId).map((p) => ({ kind: 'youtube#playlist', id: p.id, snippet: { title: p.title, channelId: p.channelId }, status: { privacyStatus: 'public' } }));
    return { status: 200, body: { kind: 'youtube#playlistListResponse', items } };
  }

  function playlistItemsList(req: FakeRequest): FakeResponse {
    const grant = authenticate(req, [SCOPES.readonly, SCOPES.manage, SCOPES.forceSsl]);
    if ('status' in grant) return grant;
    const over = spend(COSTS['playlistItems.list']!);
    if (over) return over;
    const playlistId = req.query.get('playlistId');
    const videoId = req.query.get('videoId');
    let entries: { id: string; videoId: string }[];
    if (playlistId && playlistId === uploadsPlaylistOf(grant.channelId)) {
      entries = videos.filter((v) => v.channelId === grant.channelId).sort((a, b) => b.publishedAt - a.publishedAt).map((v) => ({ id: `UUitem-${v.id}`, videoId: v.id }));
    } else {
      const playlist = playlists.find((p) => p.id === playlistId);
      if (!playlist) return googleError(404, 'playlistNotFound', 'The playlist identified with the request\'s <code>playlistId</code> parameter cannot be found.');
      entries = playlist.items;
    }
    if (videoId) entries = entries.filter((e) => e.videoId === videoId);
    const max = Math.min(50, Number(req.query.get('maxResults') ?? 5));
    const items = entries.slice(0, max).map((e) => {
      const video = videos.find((v) => v.id === e.videoId);
      return {
        kind: 'youtube#playlistItem',
        id: e.id,
        snippet: { publishedAt: new Date(video?.publishedAt ?? Date.now()).toISOString(), title: video?.title ?? '', playlistId, resourceId: { kind: 'youtube#video', videoId: e.videoId } },
        contentDetails: { videoId: e.videoId },
      };
    });
    return { status: 200, body: { kind: 'youtube#playlistItemListResponse', pageInfo: { totalResults: entries.length, resultsPerPage: max }, items } };
  }

  function playlistItemsInsert(req: FakeRequest): FakeResponse {
    const grant = authenticate(req, [SCOPES.manage, SCOPES.forceSsl]);
    if ('status' in grant) return grant;
    const over = spend(COSTS['playlistItems.insert']!);
    if (over) return over;
    const body = JSON.parse(req.raw.toString('utf8') || '{}') as { snippet?: { playlistId?: string; resourceId?: { videoId?: string } } };
    const playlist = playlists.find((p) => p.id === body.snippet?.playlistId && p.channelId === grant.channelId);
    if (!playlist) return googleError(404, 'playlistNotFound', "The playlist identified with the request's <code>playlistId</code> parameter cannot be found.");
    const video = videos.find((v) => v.id === body.snippet?.resourceId?.videoId);
    if (!video) return googleError(404, 'videoNotFound', 'The video that you are trying to add to the playlist cannot be found.');
    const item = { id: random('UExp', 12), videoId: video.id };
    playlist.items.push(item);
    playlist.inserts += 1;
    return { status: 200, body: { kind: 'youtube#playlistItem', id: item.id, snippet: { playlistId: playlist.id, resourceId: { kind: 'youtube#video', videoId: video.id } } } };
  }

  function thumbnailsSet(req: FakeRequest): FakeResponse {
    const grant = authenticate(req, [SCOPES.upload, SCOPES.manage, SCOPES.forceSsl]);
    if ('status' in grant) return grant;
    const over = spend(COSTS['thumbnails.set']!);
    if (over) return over;
    const video = videos.find((v) => v.id === req.query.get('videoId') && v.channelId === grant.channelId);
    if (!video) return googleError(404, 'videoNotFound', 'The video that you are trying to update cannot be found.');
    if (!/^image\/(jpeg|png)$/.test(req.headers['content-type'] ?? '')) return googleError(400, 'invalidImage', 'The provided image content is invalid.');
    if (req.raw.length > 2 * 1024 * 1024) return googleError(413, 'mediaBodyTooLarge', 'The thumbnail image file you have provided is too large.');
    video.thumbnail = Buffer.from(req.raw);
    video.thumbnailSets += 1;
    return { status: 200, body: { kind: 'youtube#thumbnailSetResponse', items: [{ default: { url: `https://i.ytimg.example/vi/${video.id}/default.jpg`, width: 120, height: 90 } }] } };
  }

  function reports(req: FakeRequest): FakeResponse {
    const grant = authenticate(req, [SCOPES.analytics]);
    if ('status' in grant) return grant;
    if (req.query.get('ids') !== 'channel==MINE') return googleError(400, 'invalid', 'Invalid value for ids', 'global');
    const metrics = (req.query.get('metrics') ?? '').split(',').filter(Boolean);
    const ids = /^video==(.+)$/.exec(req.query.get('filters') ?? '')?.[1]?.split(',') ?? [];
    const rows = videos.filter((v) => v.channelId === grant.channelId && ids.includes(v.id)).map((v) => [v.id, ...metrics.map((m) => (m === 'shares' ? v.analytics.shares : m === 'estimatedMinutesWatched' ? v.analytics.estimatedMinutesWatched : 0))]);
    return {
      status: 200,
      body: {
        kind: 'youtubeAnalytics#resultTable',
        columnHeaders: [{ name: 'video', columnType: 'DIMENSION', dataType: 'STRING' }, ...metrics.map((m) => ({ name: m, columnType: 'METRIC', dataType: 'INTEGER' }))],
        rows,
      },
    };
  }

  // ---- Resumable upload --------------------------------------------------------------------

  function startSession(req: FakeRequest): FakeResponse {
    const grant = authenticate(req, [SCOPES.upload, SCOPES.manage, SCOPES.forceSsl]);
    if ('status' in grant) return grant;
    if (req.query.get('uploadType') !== 'resumable') return googleError(400, 'badRequest', 'Herald must use uploadType=resumable');
    if (uploadsUsed + 1 > dailyUploads) {
      return googleError(403, 'quotaExceeded', 'The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.', 'youtube.quota');
    }
    uploadsUsed += 1;
    if (nextSessionRefusal) {
      const refusal = nextSessionRefusal;
      nextSessionRefusal = null;
      return refusal;
    }
    const total = Number(req.headers['x-upload-content-length']);
    if (!Number.isInteger(total) || total <= 0) return googleError(400, 'badRequest', 'X-Upload-Content-Length is required.');
    const resource = JSON.parse(req.raw.toString('utf8') || '{}') as FakeSession['resource'];
    const title = String(resource.snippet?.title ?? '');
    if (!title.trim() || title.length > 100 || /[<>]/.test(title)) return googleError(400, 'invalidTitle', 'The request metadata specifies an invalid or empty video title.');
    const description = String(resource.snippet?.description ?? '');
    if (Buffer.byteLength(description) > 5000 || /[<>]/.test(description)) return googleError(400, 'invalidDescription', 'The request metadata specifies an invalid video description.');
    if (!['public', 'unlisted', 'private'].includes(String(resource.status?.privacyStatus ?? 'public'))) return googleError(400, 'invalidVideoMetadata', 'The request metadata is invalid.');
    const session: FakeSession = {
      id: random('ABPtcP', 30),
      channelId: grant.channelId,
      total,
      contentType: String(req.headers['x-upload-content-type'] ?? 'application/octet-stream'),
      resource,
      notifySubscribers: req.query.get('notifySubscribers') !== 'false',
      chunks: [],
      held: 0,
      videoId: null,
    };
    sessions.set(session.id, session);
    if (firstChunkFailure) {
      server.failNext(UPLOAD_PATH, firstChunkFailure);
      firstChunkFailure = null;
    }
    return { status: 200, headers: { location: `${server.url}${UPLOAD_PATH}?uploadType=resumable&upload_id=${session.id}` }, body: {} };
  }

  function createVideo(session: FakeSession): FakeVideo {
    const bytes = Buffer.concat(session.chunks);
    const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
    const duplicate = options.rejectDuplicates && videos.some((v) => v.channelId === session.channelId && v.sha256 === sha256);
    const snippet = session.resource.snippet ?? {};
    const status = session.resource.status ?? {};
    const video: FakeVideo = {
      id: nextVideoIds.shift() ?? videoIdOf(),
      channelId: session.channelId,
      sessionId: session.id,
      title: String(snippet.title ?? ''),
      description: String(snippet.description ?? ''),
      tags: (snippet.tags as string[] | undefined) ?? [],
      categoryId: String(snippet.categoryId ?? '22'),
      privacyStatus: String(status.privacyStatus ?? 'public'),
      madeForKids: typeof status.selfDeclaredMadeForKids === 'boolean' ? status.selfDeclaredMadeForKids : null,
      containsSyntheticMedia: status.containsSyntheticMedia === true,
      notifySubscribers: session.notifySubscribers,
      bytes,
      sha256,
      publishedAt: Date.now(),
      readyAt: Date.now() + processingMs,
      outcome: duplicate ? { status: 'rejected', reason: 'duplicate' } : (nextOutcome ?? { status: 'processed' }),
      thumbnail: null,
      thumbnailSets: 0,
      statistics: { viewCount: 0, likeCount: 0, commentCount: 0 },
      analytics: { shares: 0, estimatedMinutesWatched: 0 },
    };
    nextOutcome = null;
    videos.push(video);
    session.videoId = video.id;
    return video;
  }

  const sessionDone = (session: FakeSession): FakeResponse => ({ status: 200, body: videoResource(videos.find((v) => v.id === session.videoId)!, ['snippet', 'status']) });
  const resumeIncomplete = (session: FakeSession): FakeResponse => ({ status: 308, headers: session.held > 0 ? { range: `bytes=0-${session.held - 1}` } : {}, raw: '' });

  async function putChunk(req: FakeRequest): Promise<FakeResponse> {
    const session = sessions.get(req.query.get('upload_id') ?? '');
    if (!session) return googleError(404, 'notFound', 'The upload session was not found or has expired.');
    const range = String(req.headers['content-range'] ?? '');
    const probe = /^bytes \*\/(\d+)$/.exec(range);
    if (probe) return session.videoId ? sessionDone(session) : resumeIncomplete(session);
    if (session.videoId) return sessionDone(session);
    const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(range);
    if (!match) return googleError(400, 'badRequest', 'Content-Range is required for a resumable upload.');
    const [start, end, total] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (total !== session.total) return googleError(400, 'badRequest', 'The total size does not match X-Upload-Content-Length.');
    if (start !== session.held) return googleError(400, 'badRequest', `The chunk starts at byte ${start}; the session holds ${session.held} bytes.`);
    if (req.raw.length !== end - start + 1) return googleError(400, 'badRequest', 'The chunk length does not match Content-Range.');
    const last = end === total - 1;
    if (!last && req.raw.length % CHUNK_UNIT !== 0) return googleError(400, 'badRequest', 'Chunks other than the last must be a multiple of 256 KiB.');
    if (holdAt !== null && session.held + req.raw.length > holdAt) {
      // Held, as a network that stops answering mid-upload: the chunk is not kept.
      await new Promise<void>((resolve) => heldRequests.push(resolve));
      return googleError(503, 'backendError', 'Backend Error', 'global');
    }
    session.chunks.push(Buffer.from(req.raw));
    session.held = end + 1;
    for (const [i, pending] of heldFailures.entries()) {
      if (session.held >= pending.bytes) {
        server.failNext(UPLOAD_PATH, pending.failure);
        heldFailures.splice(i, 1);
        break;
      }
    }
    if (!last) return resumeIncomplete(session);
    createVideo(session);
    return sessionDone(session);
  }

  const server = await startFakeServer(async (req) => {
    const { method, path } = req;
    if (method === 'GET' && path === '/o/oauth2/v2/auth') return consentPage(req.query);
    if (method === 'POST' && path === '/o/oauth2/v2/auth/decision') {
      const q = new URLSearchParams(req.body);
      return { status: 302, redirect: decide(q, { grant: (req.body.grant ?? '').split(',').filter(Boolean), deny: req.body.decision === 'deny' }) };
    }
    if (method === 'POST' && path === '/token') return tokenEndpoint(req);
    if (method === 'POST' && path === '/revoke') return revokeEndpoint(req);
    if (method === 'GET' && path === '/youtube/v3/channels') return channelsList(req);
    if (method === 'GET' && path === '/youtube/v3/videos') return videosList(req);
    if (method === 'GET' && path === '/youtube/v3/playlists') return playlistsList(req);
    if (method === 'GET' && path === '/youtube/v3/playlistItems') return playlistItemsList(req);
    if (method === 'POST' && path === '/youtube/v3/playlistItems') return playlistItemsInsert(req);
    if (method === 'POST' && path === UPLOAD_PATH) return startSession(req);
    if (method === 'PUT' && path === UPLOAD_PATH) return putChunk(req);
    if (method === 'POST' && path === '/upload/youtube/v3/thumbnails/set') return thumbnailsSet(req);
    if (method === 'GET' && path === '/v2/reports') return reports(req);
    return googleError(404, 'notFound', `No such endpoint ${method} ${path}`, 'global');
  });

  const findVideo = (id: string) => {
    const video = videos.find((v) => v.id === id);
    if (!video) throw new Error(`the YouTube fake has no video ${id}`);
    return video;
  };

  return {
    ...server,
    clientId,
    clientSecret,
    uploadPath: UPLOAD_PATH,
    /** What clicking Continue (or Cancel) on the consent page for this authorize URL returns: the redirect back. */
    authorize(authorizeUrl: string, choice: { grant?: string[]; deny?: boolean } = {}) {
      const q = new URL(authorizeUrl).searchParams;
      const problem = checkAuthorize(q);
      if (problem) throw new Error(problem);
      return decide(q, choice);
    },
    setNextChannel(id: string) {
      currentChannel = id;
    },
    /** The channel's subscribers as channels.list statistics shows them (hidden: the owner hides the count). */
    setSubscribers(count: number, options: { hidden?: boolean; channelId?: string } = {}) {
      const channel = channels.find((c) => c.id === (options.channelId ?? channels[0]!.id))!;
      channel.subscribers = count;
      channel.hiddenSubscriberCount = !!options.hidden;
    },
    grants: () => grants.map((g) => ({ ...g })),
    revocations,
    /** Every access token stops working (Herald does not know). */
    expireAccessTokens() {
      for (const t of accessTokens) t.expiresAt = Date.now() - 1000;
    },
    /** The person takes one permission back in their Google account: every token of that channel loses it. */
    withdrawScope(channelId: string, scope: string) {
      for (const g of grants) if (g.channelId === channelId) g.scopes = g.scopes.filter((s) => s !== scope);
    },
    sessions: () => [...sessions.values()],
    videos: () => videos,
    video: findVideo,
    playlists: () => playlists,
    setNextVideoId(id: string) {
      nextVideoIds.push(id);
    },
    setProcessingMs(ms: number) {
      processingMs = ms;
    },
    /** The next upload is rejected (duplicate, length, …) or fails processing (codec, …). */
    rejectNextVideo(reason: string) {
      nextOutcome = { status: 'rejected', reason };
    },
    failNextVideo(reason: string) {
      nextOutcome = { status: 'failed', reason };
    },
    /** The next session start is refused with Google's error (validation). */
    refuseNextSession(status: number, reason: string, message: string) {
      nextSessionRefusal = googleError(status, reason, message);
    },
    /** The first PUT of the next upload session gets this failure (5xx, cut, lost answer…). */
    failFirstChunk(failure: Injected) {
      firstChunkFailure = failure;
    },
    /** Once a session holds at least `bytes`, its next PUT gets this failure. */
    failWhenHeld(bytes: number, failure: Injected) {
      heldFailures.push({ bytes, failure });
    },
    /** Chunks that would take a session past `bytes` are held unanswered (and not kept) until released. */
    holdAfterBytes(bytes: number | null) {
      holdAt = bytes;
    },
    releaseHeld() {
      holdAt = null;
      for (const release of heldRequests.splice(0)) release();
    },
    heldCount: () => heldRequests.length,
    quota: () => ({ used: quotaUsed, uploads: uploadsUsed, dailyQuota, dailyUploads }),
    setQuota(values: { used?: number; uploads?: number; dailyQuota?: number; dailyUploads?: number }) {
      quotaUsed = values.used ?? quotaUsed;
      uploadsUsed = values.uploads ?? uploadsUsed;
      dailyQuota = values.dailyQuota ?? dailyQuota;
      dailyUploads = values.dailyUploads ?? dailyUploads;
    },
    engage(videoId: string, values: { views: number; likes: number; comments: number; shares: number; minutesWatched: number }) {
      const video = findVideo(videoId);
      video.statistics = { viewCount: values.views, likeCount: values.likes, commentCount: values.comments };
      video.analytics = { shares: values.shares, estimatedMinutesWatched: values.minutesWatched };
    },
    async close() {
      for (const release of heldRequests.splice(0)) release();
      await server.close();
    },
  };
}

export type YouTubeFake = Awaited<ReturnType<typeof startYouTubeFake>>;

/** The settings that point Herald's YouTube provider at this fake. */
export const youtubeEnv = (fake: YouTubeFake) => ({
  HERALD_YOUTUBE_CLIENT_ID: fake.clientId,
  HERALD_YOUTUBE_CLIENT_SECRET: fake.clientSecret,
  HERALD_YOUTUBE_AUTH_URL: `${fake.url}/o/oauth2/v2/auth`,
  HERALD_YOUTUBE_TOKEN_URL: `${fake.url}/token`,
  HERALD_YOUTUBE_REVOKE_URL: `${fake.url}/revoke`,
  HERALD_YOUTUBE_API_URL: `${fake.url}/youtube/v3`,
  HERALD_YOUTUBE_UPLOAD_URL: `${fake.url}/upload/youtube/v3`,
  HERALD_YOUTUBE_ANALYTICS_URL: `${fake.url}/v2`,
});
