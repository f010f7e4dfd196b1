import crypto from 'node:crypto';
import { startFakeServer, type FakeRequest, type FakeResponse } from '../http.ts';
import { createConsent, createTokenStore, graphError, usageHeaders, type GraphErrorInput, type UsageLevels } from '../meta-graph/graph-fake-core.ts';

// A local Facebook (Graph API for Pages) following ../shared/providers.md §7 and §6: the Login
// dialog with one checkbox per permission, code → short-lived → long-lived user tokens, Page tokens
// from /me/accounts, /me/permissions (read and DELETE), Page feed / photos (multipart, unpublished
// + attached_media) / videos (Resumable Upload API sessions, graph-video host) / video_reels
// (start → rupload → finish, 30 per Page a day), comments, published_posts, counters and insights,
// 506 for a repeated post, Meta's error envelope and X-App-Usage / X-Business-Use-Case-Usage.
// One server plays every Meta host (dialog, graph, graph-video, rupload): paths tell them apart.
// Not implemented: scheduled posts, Stories, file_url videos, link scraping (the link is kept as
// given), paging beyond one page of results, Page roles other than the tasks list. Upload
// sessions (/{app-id}/uploads, upload:…) take only a User token, as Meta documents; whether that
// user has a role on the app is not checked.

export type FakePage = { id: string; name: string; username: string | null; category: string; tasks: string[]; followers?: number; likes?: number };
export type FakeUser = { id: string; name: string; pageIds: string[] };

export type FakePost = {
  id: string;
  pageId: string;
  kind: 'status' | 'photo' | 'photos' | 'video' | 'reel';
  message: string;
  link: string | null;
  photoIds: string[];
  createdAt: number;
  reactions: number;
  shares: number;
  reach: number;
  views: number;
};
type FakePhoto = { id: string; pageId: string; published: boolean; size: number; type: string; altText: string | null };
type FakeVideo = {
  id: string;
  pageId: string;
  kind: 'video' | 'reel';
  description: string;
  title: string | null;
  size: number;
  received: number;
  createdAt: number;
  /** When processing ends (ms); null until every byte arrived (and, for a Reel, the finish). */
  readyAt: number | null;
  publishing: 'not_started' | 'in_progress' | 'complete';
  failWith: string | null;
};
type FakeComment = { id: string; objectId: string; message: string; fromId: string; createdAt: number };
type UploadSession = { id: string; length: number; type: string; received: number; handle: string | null };

export type FacebookFakeOptions = {
  appId?: string;
  appSecret?: string;
  users?: FakeUser[];
  pages?: FakePage[];
  /** How long a video or Reel processes once its bytes are in (ms). */
  processingMs?: number;
  /** Reels the API may publish per Page in a rolling day. */
  reelsPerDay?: number;
  shortLivedMs?: number;
  longLivedMs?: number;
};

const defaultPages: FakePage[] = [
  { id: '104938128492011', name: 'Herald Bakery', username: 'heraldbakery', category: 'Bakery', tasks: ['ADVERTISE', 'ANALYZE', 'CREATE_CONTENT', 'MESSAGING', 'MODERATE', 'MANAGE'] },
  { id: '104938128492012', name: 'Herald Books', username: null, category: 'Book store', tasks: ['ANALYZE', 'CREATE_CONTENT', 'MODERATE'] },
  { id: '104938128492013', name: 'Herald Archive', username: 'heraldarchive', category: 'Community', tasks: ['ANALYZE'] },
];
// Two people: Hera manages every Page, Ari co-manages the bakery (each grant is their own).
const defaultUsers: FakeUser[] = [
  { id: '10229384756102938', name: 'Hera Tester', pageIds: defaultPages.map((p) => p.id) },
  { id: '10229384756102939', name: 'Ari Tester', pageIds: [defaultPages[0]!.id] },
];

const MAX_PHOTO_BYTES = 4 * 1024 * 1024;
const DAY = 24 * 3_600_000;
const random = (digits: number) => String(BigInt(`0x${crypto.randomBytes(8).toString('hex')}`) % 10n ** BigInt(digits)).padStart(digits, '1');

/** multipart/form-data fields (text) and files (bytes), as Graph reads a photo upload. */
function parseMultipart(req: FakeRequest): { fields: Record<string, string>; files: Record<string, { type: string; bytes: Buffer }> } {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(req.headers['content-type'] ?? '');
  const fields: Record<string, string> = {};
  const files: Record<string, { type: string; bytes: Buffer }> = {};
  if (!boundary) return { fields, files };
  const marker = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  let at = req.raw.indexOf(marker);
  while (at !== -1) {
    const start = at + marker.length + 2;
    const next = req.raw.indexOf(marker, start);
    if (next === -1) break;
    const part = req.raw.subarray(start, next - 2);
    const split = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, split).toString('utf8');
    const body = part.subarray(split + 4);
    const name = /name="([^"]+)"/.exec(head)?.[1];
    if (name) {
      if (/filename="/.test(head)) files[name] = { type: /content-type:\s*([^\r\n]+)/i.exec(head)?.[1]?.trim() ?? 'application/octet-stream', bytes: Buffer.from(body) };
      else fields[name] = body.toString('utf8');
    }
    at = next;
  }
  return { fields, files };
}

const isJpeg = (b: Buffer) => b[0] === 0xff && b[1] === 0xd8;
const isPng = (b: Buffer) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

export async function startFacebookFake(options: FacebookFakeOptions = {}) {
  const appId = options.appId ?? '1783920475561234';
  const appSecret = options.appSecret ?? 'fake-facebook-app-secret';
  const processingMs = options.processingMs ?? 300;
  const reelsPerDay = options.reelsPerDay ?? 30;
  const pages = (options.pages ?? defaultPages).map((p) => ({ ...p }));
  const users = (options.users ?? defaultUsers).map((u) => ({ ...u }));
  const tokens = createTokenStore({ shortLivedMs: options.shortLivedMs, longLivedMs: options.longLivedMs });
  const consent = createConsent({ appId, brand: 'Facebook', decisionPath: '/dialog/decision' });
  consent.setUser(users[0]!.id);
  const posts: FakePost[] = [];
  const photos = new Map<string, FakePhoto>();
  const videos = new Map<string, FakeVideo>();
  const comments: FakeComment[] = [];
  const sessions = new Map<string, UploadSession>();
  const reelStarts: { pageId: string; at: number }[] = [];
  /** DELETE …/permissions calls: the user whose grant ended. */
  const revocations: string[] = [];
  let usage: UsageLevels = {};
  let nextPostId: string | null = null;
  let refuseNext: GraphErrorInput | null = null;

  const page = (id: string) => pages.find((p) => p.id === id);
  const newPostId = (pageId: string) => {
    const id = nextPostId ?? `${pageId}_${random(17)}`;
    nextPostId = null;
    return id;
  };
  const needs = (scopes: Set<string>, scope: string): FakeResponse | null =>
    scopes.has(scope) ? null : graphError(403, { code: 200, message: `(#200) Requires ${scope} permission to manage the object` });

  /** The Page token acting as `pageId`, with what it may do; or Meta's refusal. */
  function asPage(req: FakeRequest, pageId: string, scope?: string) {
    const checked = tokens.check(req);
    if (!checked.ok) return checked;
    if (checked.token.kind !== 'page' || checked.token.pageId !== pageId) {
      return { ok: false as const, response: graphError(403, { code: 210, message: '(#210) A page access token is required to request this resource.' }) };
    }
    const missing = scope ? needs(checked.scopes, scope) : null;
    return missing ? { ok: false as const, response: missing } : checked;
  }

  /** The next creating call is refused with this Graph error (the validation the suite injects). */
  function refusal(): FakeResponse | null {
    if (!refuseNext) return null;
    const error = refuseNext;
    refuseNext = null;
    return graphError(400, error);
  }

  function videoStatus(video: FakeVideo) {
    const now = Date.now();
    const uploaded = video.received >= video.size && video.size > 0;
    const processed = video.readyAt !== null && now >= video.readyAt;
    if (processed && video.publishing === 'in_progress') video.publishing = 'complete';
    const error = video.failWith;
    return {
      video_status: error ? 'error' : processed ? 'ready' : uploaded ? 'processing' : 'upload_in_progress',
      uploading_phase: { status: uploaded ? 'complete' : 'in_progress', bytes_transferred: video.received },
      processing_phase: error ? { status: 'error', errors: [{ code: 1363008, message: error }] } : { status: processed ? 'complete' : uploaded ? 'in_progress' : 'not_started' },
      publishing_phase: { status: video.publishing },
    };
  }

  function publishPost(pageId: string, input: Omit<FakePost, 'id' | 'pageId' | 'createdAt' | 'reactions' | 'shares' | 'reach' | 'views'>): FakeResponse | FakePost {
    // Meta refuses the same text posted twice in a row on a Page (506).
    const last = posts.filter((p) => p.pageId === pageId).at(-1);
    if (input.message && last && last.message === input.message && Date.now() - last.createdAt < 10 * 60_000) {
      return graphError(400, { code: 506, type: 'OAuthException', message: 'Duplicate status message', userMsg: 'This status update is identical to the last one you posted. Try posting something different, or delete your previous update.' });
    }
    const post: FakePost = { id: newPostId(pageId), pageId, createdAt: Date.now(), reactions: 0, shares: 0, reach: 0, views: 0, ...input };
    posts.push(post);
    return post;
  }

  const listPosts = (pageId: string, since: number) =>
    posts
      .filter((p) => p.pageId === pageId && p.createdAt >= since * 1000)
      .reverse()
      .map((p) => ({ id: p.id, message: p.message || undefined, created_time: new Date(p.createdAt).toISOString().replace('.000Z', '+0000'), permalink_url: `https://www.facebook.com/${p.id}` }));

  /** The Resumable Upload API acts for a person: a Page token is refused. */
  function userTokenOnly(req: FakeRequest): ReturnType<typeof tokens.check> {
    const checked = tokens.check(req);
    if (checked.ok && checked.token.kind === 'page') return { ok: false as const, response: graphError(400, { code: 100, type: 'OAuthException', message: '(#100) Upload sessions require a User access token' }) };
    return checked;
  }

  async function handle(req: FakeRequest): Promise<FakeResponse> {
    const q = req.query;
    if (req.method === 'POST' && req.path === '/dialog/decision') return consent.decision(req);
    // rupload: Reel bytes, token in the Authorization header as "OAuth …".
    const rupload = /^\/video-upload\/v\d+\.\d+\/(\d+)$/.exec(req.path);
    if (rupload && req.method === 'POST') {
      if (!/^OAuth /.test(req.headers.authorization ?? '')) return graphError(400, { code: 190, message: 'Invalid OAuth access token - the token must be sent as "Authorization: OAuth <token>"' });
      const video = videos.get(rupload[1]!);
      if (!video || video.kind !== 'reel') return graphError(400, { code: 100, message: 'Invalid video id' });
      const checked = asPage(req, video.pageId);
      if (!checked.ok) return checked.response;
      const offset = Number(req.headers.offset ?? '0');
      const size = Number(req.headers.file_size ?? '0');
      if (offset !== video.received) return graphError(400, { code: 100, message: `Invalid offset: the upload holds ${video.received} bytes` });
      if (!size || (video.size && size !== video.size)) return graphError(400, { code: 100, message: 'file_size is missing or differs from the first upload' });
      video.size = size;
      video.received += req.raw.length;
      if (video.received > size) return graphError(400, { code: 100, message: 'More bytes than file_size' });
      return { status: 200, body: { success: true } };
    }
    const match = /^\/(v\d+\.\d+)(\/.*)$/.exec(req.path);
    if (!match) return { status: 404, body: graphError(404, { code: 803, message: 'Unknown path' }).body };
    const path = match[2]!;
    const answer = await graphRoute(req, path, q);
    return { ...answer, headers: { ...usageHeaders(usage), ...answer.headers } };
  }

  async function graphRoute(req: FakeRequest, path: string, q: URLSearchParams): Promise<FakeResponse> {
    if (req.method === 'GET' && path === '/dialog/oauth') return consent.page(q);
    if (req.method === 'GET' && path === '/oauth/access_token') {
      if (q.get('client_id') !== appId || q.get('client_secret') !== appSecret) return graphError(400, { code: 1, message: 'Error validating client secret.' });
      if (q.get('grant_type') === 'fb_exchange_token') {
        const short = tokens.find(q.get('fb_exchange_token') ?? '');
        if (!short || short.invalidated || (short.expiresAt !== null && short.expiresAt < Date.now())) return graphError(400, { code: 190, subcode: 463, message: 'Error validating access token: Session has expired.' });
        const long = tokens.issue('long', short.userId, short.scopes);
        return { status: 200, body: { access_token: long.token, token_type: 'bearer', expires_in: Math.round((long.expiresAt! - Date.now()) / 1000) } };
      }
      const pending = consent.redeem(q.get('code') ?? undefined, q.get('redirect_uri') ?? undefined);
      if (!pending) return graphError(400, { code: 100, subcode: 36009, message: 'This authorization code has been used.' });
      const short = tokens.issue('short', pending.userId, pending.scopes);
      return { status: 200, body: { access_token: short.token, token_type: 'bearer', expires_in: Math.round((short.expiresAt! - Date.now()) / 1000) } };
    }
    const permissions = /^\/(me|\d+)\/permissions$/.exec(path);
    if (permissions) {
      const appToken = `${appId}|${appSecret}`;
      const byApp = (req.headers.authorization ?? '').endsWith(appToken) || q.get('access_token') === appToken;
      let userId: string;
      let granted: Set<string>;
      if (byApp && permissions[1] !== 'me') {
        userId = permissions[1]!;
        granted = new Set(tokens.granted(userId));
      } else {
        const checked = tokens.check(req);
        if (!checked.ok) return checked.response;
        if (checked.token.kind === 'page') return graphError(400, { code: 100, message: '(#100) Tried accessing nonexisting field (permissions) on node type (Page)' });
        userId = checked.token.userId;
        if (permissions[1] !== 'me' && permissions[1] !== userId) return graphError(403, { code: 200, message: '(#200) Cannot revoke permissions of another user' });
        // What this consent granted (the person may have unticked some in the dialog).
        granted = checked.scopes;
      }
      if (req.method === 'DELETE') {
        revocations.push(userId);
        tokens.revokeAll(userId);
        return { status: 200, body: { success: true } };
      }
      const asked = new Set(tokens.all().filter((t) => t.userId === userId).flatMap((t) => t.scopes));
      return { status: 200, body: { data: [...new Set([...asked, ...granted])].map((permission) => ({ permission, status: granted.has(permission) ? 'granted' : 'declined' })) } };
    }
    if (req.method === 'GET' && path === '/me') {
      const checked = tokens.check(req);
      if (!checked.ok) return checked.response;
      if (checked.token.kind === 'page') {
        const p = page(checked.token.pageId!)!;
        return { status: 200, body: { id: p.id, name: p.name, ...(p.username ? { username: p.username } : {}), picture: { data: { url: `https://scontent.fake/${p.id}.jpg` } } } };
      }
      if ((q.get('fields') ?? '').split(',').includes('username')) return graphError(400, { code: 12, type: 'OAuthException', message: '(#12) username field is deprecated for versions v2.0 and higher' });
      const user = users.find((u) => u.id === checked.token.userId)!;
      return { status: 200, body: { id: user.id, name: user.name, picture: { data: { url: `https://scontent.fake/${user.id}.jpg` } } } };
    }
    if (req.method === 'GET' && path === '/me/accounts') {
      const checked = tokens.check(req);
      if (!checked.ok) return checked.response;
      if (checked.token.kind === 'page') return graphError(400, { code: 100, message: '(#100) Tried accessing nonexisting field (accounts) on node type (Page)' });
      // Without pages_show_list Meta answers an empty list, not an error.
      if (!checked.scopes.has('pages_show_list')) return { status: 200, body: { data: [] } };
      const user = users.find((u) => u.id === checked.token.userId)!;
      const data = user.pageIds.map((id) => {
        const p = page(id)!;
        const token = tokens.issue('page', user.id, [...checked.scopes], { pageId: p.id, expiresInMs: checked.token.kind === 'long' || checked.token.expiresAt === null ? null : checked.token.expiresAt - Date.now() });
        return { id: p.id, name: p.name, ...(p.username ? { username: p.username } : {}), category: p.category, tasks: p.tasks, access_token: token.token, picture: { data: { url: `https://scontent.fake/${p.id}.jpg` } } };
      });
      return { status: 200, body: { data, paging: { cursors: { before: 'QVFIUmJlZAm9yZA', after: 'QVFIUmFmdGVyZA' } } } };
    }
    if (req.method === 'POST' && path === `/${appId}/uploads`) {
      const checked = userTokenOnly(req);
      if (!checked.ok) return checked.response;
      const length = Number(q.get('file_length'));
      const type = q.get('file_type') ?? '';
      if (!Number.isInteger(length) || length <= 0) return graphError(400, { code: 100, message: '(#100) The parameter file_length is required' });
      if (!['video/mp4', 'video/quicktime', 'image/jpeg', 'image/png', 'application/pdf'].includes(type)) return graphError(400, { code: 100, message: `(#100) file_type ${type} is not supported` });
      const id = `upload:${crypto.randomBytes(12).toString('base64url')}`;
      sessions.set(id, { id, length, type, received: 0, handle: null });
      return { status: 200, body: { id } };
    }
    const session = /^\/(upload:[A-Za-z0-9_-]+)$/.exec(path);
    if (session) {
      const s = sessions.get(session[1]!);
      if (!s) return graphError(400, { code: 100, message: 'Invalid upload session' });
      if (req.method === 'GET') {
        const checked = userTokenOnly(req);
        if (!checked.ok) return checked.response;
        return { status: 200, body: { id: s.id, file_offset: s.received } };
      }
      // The token must be in the header, as "OAuth <token>".
      if (!/^OAuth /.test(req.headers.authorization ?? '')) return graphError(400, { code: 190, message: 'Invalid OAuth access token - the token must be sent as "Authorization: OAuth <token>"' });
      const checked = userTokenOnly(req);
      if (!checked.ok) return checked.response;
      if (Number(req.headers.file_offset ?? '-1') !== s.received) return graphError(400, { code: 100, message: `Invalid file_offset: the session holds ${s.received} bytes` });
      s.received += req.raw.length;
      if (s.received > s.length) return graphError(400, { code: 100, message: 'More bytes than file_length' });
      if (s.received === s.length) s.handle ??= `4:${Buffer.from(s.id).toString('base64url')}:${crypto.randomBytes(6).toString('hex')}`;
      return { status: 200, body: s.handle ? { h: s.handle } : { file_offset: s.received } };
    }
    const edge = /^\/([0-9_]+)\/([a-z_]+)$/.exec(path);
    if (edge) return edgeRoute(req, edge[1]!, edge[2]!, q);
    const node = /^\/([0-9_]+)$/.exec(path);
    if (node && req.method === 'GET') return nodeRoute(req, node[1]!);
    return graphError(400, { code: 100, message: `(#100) Unsupported ${req.method} request to ${path}` });
  }

  function ownerPageOf(objectId: string): string | undefined {
    return posts.find((p) => p.id === objectId)?.pageId ?? videos.get(objectId)?.pageId;
  }

  function nodeRoute(req: FakeRequest, id: string): FakeResponse {
    const node = page(id);
    if (node) {
      // The Page node: the fields asked for (followers_count, fan_count: the Page's likes), with its own token.
      const checked = asPage(req, id, 'pages_read_engagement');
      if (!checked.ok) return checked.response;
      const all: Record<string, unknown> = { name: node.name, category: node.category, followers_count: node.followers ?? 0, fan_count: node.likes ?? 0 };
      const wanted = (req.query.get('fields') ?? 'name').split(',');
      return { status: 200, body: { id, ...Object.fromEntries(Object.entries(all).filter(([k]) => wanted.includes(k))) } };
    }
    const pageId = ownerPageOf(id);
    if (!pageId) return graphError(400, { code: 100, subcode: 33, message: `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.` });
    const checked = asPage(req, pageId, 'pages_read_engagement');
    if (!checked.ok) return checked.response;
    const video = videos.get(id);
    const post = posts.find((p) => p.id === id);
    const reactions = post?.reactions ?? 0;
    const count = comments.filter((c) => c.objectId === id).length;
    return {
      status: 200,
      body: {
        id,
        ...(video ? { status: videoStatus(video), permalink_url: `/${video.kind === 'reel' ? 'reel' : `${pageId}/videos`}/${id}/` } : { permalink_url: `https://www.facebook.com/${id}` }),
        reactions: { data: [], summary: { total_count: reactions, viewer_reaction: 'NONE' } },
        comments: { data: [], summary: { order: 'ranked', total_count: count, can_comment: true } },
        ...(post && post.shares > 0 ? { shares: { count: post.shares } } : {}),
      },
    };
  }

  async function edgeRoute(req: FakeRequest, id: string, name: string, q: URLSearchParams): Promise<FakeResponse> {
    const isPage = Boolean(page(id));
    if (isPage && req.method === 'POST' && name === 'feed') {
      const checked = asPage(req, id, 'pages_manage_posts');
      if (!checked.ok) return checked.response;
      const refused = refusal();
      if (refused) return refused;
      const b = req.body;
      const attached = Object.keys(b)
        .filter((k) => /^attached_media\[\d+\]$/.test(k))
        .map((k) => (JSON.parse(b[k]!) as { media_fbid?: string }).media_fbid ?? '');
      if (!b.message && !b.link && !attached.length) return graphError(400, { code: 100, message: '(#100) Either link or message must be supplied' });
      for (const photoId of attached) {
        const photo = photos.get(photoId);
        if (!photo || photo.pageId !== id || photo.published) return graphError(400, { code: 100, message: `(#100) attached_media ${photoId} is not an unpublished photo of this Page` });
      }
      const post = publishPost(id, { kind: attached.length ? 'photos' : 'status', message: b.message ?? '', link: b.link ?? null, photoIds: attached });
      if ('status' in post) return post;
      for (const photoId of attached) photos.get(photoId)!.published = true;
      return { status: 200, body: { id: post.id } };
    }
    if (isPage && req.method === 'POST' && name === 'photos') {
      const checked = asPage(req, id, 'pages_manage_posts');
      if (!checked.ok) return checked.response;
      const { fields, files } = parseMultipart(req);
      const source = files.source;
      if (!source) return graphError(400, { code: 324, message: '(#324) Requires upload file' });
      if (source.bytes.length > MAX_PHOTO_BYTES || !(isJpeg(source.bytes) || isPng(source.bytes))) {
        return graphError(400, { code: 100, subcode: 1390008, message: 'Invalid image', userTitle: 'Photo could not be uploaded', userMsg: 'Photos must be JPG or PNG files of at most 4 MB.' });
      }
      const published = fields.published !== 'false';
      if (published) {
        const refused = refusal();
        if (refused) return refused;
      }
      const photo: FakePhoto = { id: random(16), pageId: id, published: false, size: source.bytes.length, type: source.type, altText: fields.alt_text_custom ?? null };
      photos.set(photo.id, photo);
      if (!published) return { status: 200, body: { id: photo.id } };
      const post = publishPost(id, { kind: 'photo', message: fields.message ?? '', link: null, photoIds: [photo.id] });
      if ('status' in post) return post;
      photo.published = true;
      return { status: 200, body: { id: photo.id, post_id: post.id } };
    }
    if (isPage && req.method === 'POST' && name === 'videos') {
      const checked = asPage(req, id, 'pages_manage_posts');
      if (!checked.ok) return checked.response;
      const refused = refusal();
      if (refused) return refused;
      const handleValue = req.body.fbuploader_video_file_chunk;
      const s = [...sessions.values()].find((x) => x.handle && x.handle === handleValue);
      if (!s) return graphError(400, { code: 100, message: '(#100) fbuploader_video_file_chunk is not a file handle of a finished upload' });
      const video: FakeVideo = { id: random(16), pageId: id, kind: 'video', description: req.body.description ?? '', title: req.body.title ?? null, size: s.length, received: s.length, createdAt: Date.now(), readyAt: Date.now() + processingMs, publishing: 'in_progress', failWith: null };
      videos.set(video.id, video);
      return { status: 200, body: { id: video.id } };
    }
    if (isPage && req.method === 'GET' && name === 'videos') {
      const checked = asPage(req, id, 'pages_read_engagement');
      if (!checked.ok) return checked.response;
      const since = Number(q.get('since') ?? '0') * 1000;
      const data = [...videos.values()].filter((v) => v.pageId === id && v.createdAt >= since).reverse().map((v) => ({ id: v.id, description: v.description || undefined, created_time: new Date(v.createdAt).toISOString() }));
      return { status: 200, body: { data } };
    }
    if (isPage && req.method === 'POST' && name === 'video_reels') {
      const checked = asPage(req, id, 'pages_manage_posts');
      if (!checked.ok) return checked.response;
      const phase = req.body.upload_phase;
      if (phase === 'start') {
        const recent = reelStarts.filter((r) => r.pageId === id && Date.now() - r.at < DAY);
        if (recent.length >= reelsPerDay) return graphError(400, { code: 613, message: `(#613) This Page has published ${reelsPerDay} Reels through the API in the last 24 hours` });
        reelStarts.push({ pageId: id, at: Date.now() });
        const video: FakeVideo = { id: random(16), pageId: id, kind: 'reel', description: '', title: null, size: 0, received: 0, createdAt: Date.now(), readyAt: null, publishing: 'not_started', failWith: null };
        videos.set(video.id, video);
        return { status: 200, body: { video_id: video.id, upload_url: `${server.url}/video-upload/v23.0/${video.id}` } };
      }
      if (phase === 'finish') {
        const video = videos.get(req.body.video_id ?? '');
        if (!video || video.pageId !== id || video.kind !== 'reel') return graphError(400, { code: 100, message: '(#100) Invalid video_id' });
        if (!video.size || video.received < video.size) return graphError(400, { code: 100, subcode: 1363130, message: 'The video upload is not complete', userMsg: 'The video has not finished uploading.' });
        const refused = refusal();
        if (refused) return refused;
        if (video.publishing === 'not_started') {
          video.description = req.body.description ?? '';
          video.title = req.body.title ?? null;
          video.publishing = req.body.video_state === 'PUBLISHED' ? 'in_progress' : 'not_started';
          video.readyAt = Date.now() + processingMs;
        }
        return { status: 200, body: { success: true } };
      }
      return graphError(400, { code: 100, message: '(#100) upload_phase must be start or finish' });
    }
    if (isPage && req.method === 'GET' && name === 'published_posts') {
      const checked = asPage(req, id, 'pages_read_engagement');
      if (!checked.ok) return checked.response;
      return { status: 200, body: { data: listPosts(id, Number(q.get('since') ?? '0')) } };
    }
    const objectPage = ownerPageOf(id);
    if (objectPage && name === 'comments') {
      if (req.method === 'POST') {
        const checked = asPage(req, objectPage, 'pages_manage_engagement');
        if (!checked.ok) return checked.response;
        if (!req.body.message) return graphError(400, { code: 100, message: '(#100) message is required' });
        const comment: FakeComment = { id: `${id.split('_').at(-1)}_${random(16)}`, objectId: id, message: req.body.message, fromId: objectPage, createdAt: Date.now() };
        comments.push(comment);
        return { status: 200, body: { id: comment.id } };
      }
      const checked = asPage(req, objectPage, 'pages_read_engagement');
      if (!checked.ok) return checked.response;
      const data = comments.filter((c) => c.objectId === id).reverse().map((c) => ({ id: c.id, message: c.message, from: { id: c.fromId, name: page(c.fromId)?.name ?? 'Someone' }, created_time: new Date(c.createdAt).toISOString() }));
      return { status: 200, body: { data } };
    }
    if (objectPage && req.method === 'GET' && (name === 'insights' || name === 'video_insights')) {
      const checked = asPage(req, objectPage, 'read_insights');
      if (!checked.ok) return checked.response;
      const post = posts.find((p) => p.id === id);
      const video = videos.get(id);
      const values: Record<string, number> = {
        post_total_media_view_unique: post?.reach ?? 0,
        post_media_view: post?.views ?? 0,
        total_video_views: video ? (engagedVideos.get(id)?.views ?? 0) : 0,
        total_video_views_unique: video ? (engagedVideos.get(id)?.reach ?? 0) : 0,
      };
      const asked = (q.get('metric') ?? '').split(',').filter(Boolean);
      const unknown = asked.find((m) => !(m in values));
      if (unknown) return graphError(400, { code: 100, message: `(#100) The value must be a valid insights metric: ${unknown}` });
      return { status: 200, body: { data: asked.map((m) => ({ name: m, period: 'lifetime', values: [{ value: values[m] }], id: `${id}/insights/${m}/lifetime` })) } };
    }
    return graphError(400, { code: 100, message: `(#100) Unsupported ${req.method} request to /${id}/${name}` });
  }

  const engagedVideos = new Map<string, { views: number; reach: number }>();
  const server = await startFakeServer(handle);

  return {
    ...server,
    appId,
    appSecret,
    tokens,
    pages,
    users,
    posts,
    videos: () => [...videos.values()].map((v) => ({ ...v, status: videoStatus(v) })),
    comments,
    photos: () => [...photos.values()],
    sessions: () => [...sessions.values()],
    revocations,
    /** What clicking Continue (with these permissions ticked) or Cancel on the dialog returns. */
    authorize: (authorizeUrl: string, choice: { grant?: string[]; deny?: boolean } = {}) => consent.authorize(authorizeUrl, choice),
    setUser: (userId: string) => consent.setUser(userId),
    setUsage(levels: UsageLevels) {
      usage = levels;
    },
    setNextPostId(id: string) {
      nextPostId = id;
    },
    /** The next post, photo, video or Reel is refused with this Graph error. */
    refuseNextPost(error: GraphErrorInput) {
      refuseNext = error;
    },
    /** The video's processing ends in an error with this reason. */
    failVideo(videoId: string, reason: string) {
      const video = videos.get(videoId);
      if (video) video.failWith = reason;
    },
    /** People follow the Page: followers_count on its node. */
    setFollowers(count: number, pageId = pages[0]!.id) {
      page(pageId)!.followers = count;
    },
    /** People react to, share and see a post (or watch a video). */
    engage(objectId: string, counters: { reactions?: number; shares?: number; comments?: string[]; reach?: number; views?: number }) {
      const post = posts.find((p) => p.id === objectId);
      if (post) {
        post.reactions += counters.reactions ?? 0;
        post.shares += counters.shares ?? 0;
        post.reach += counters.reach ?? 0;
        post.views += counters.views ?? 0;
      } else if (videos.has(objectId)) {
        const seen = engagedVideos.get(objectId) ?? { views: 0, reach: 0 };
        engagedVideos.set(objectId, { views: seen.views + (counters.views ?? 0), reach: seen.reach + (counters.reach ?? 0) });
      }
      for (const message of counters.comments ?? []) comments.push({ id: `${objectId.split('_').at(-1)}_${random(16)}`, objectId, message, fromId: 'someone-else', createdAt: Date.now() });
    },
  };
}
export type FacebookFake = Awaited<ReturnType<typeof startFacebookFake>>;

/** Herald's settings that point it at this fake (every Meta host is the one server). */
export const facebookEnv = (fake: FacebookFake): Record<string, string> => ({
  HERALD_FACEBOOK_APP_ID: fake.appId,
  HERALD_FACEBOOK_APP_SECRET: fake.appSecret,
  HERALD_FACEBOOK_DIALOG_URL: fake.url,
  HERALD_FACEBOOK_GRAPH_URL: fake.url,
  HERALD_FACEBOOK_GRAPH_VIDEO_URL: fake.url,
  HERALD_FACEBOOK_RUPLOAD_URL: fake.url,
});
