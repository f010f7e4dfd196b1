import crypto from 'node:crypto';
import { escapeHtml, startFakeServer, type FakeRequest, type FakeResponse, type Injected } from '../http.ts';

// A local Pinterest following ../shared/providers.md §10 (API v5, its OpenAPI description): the
// consent page at /oauth/ (one checkbox per scope), POST /v5/oauth/token with HTTP Basic client
// authentication (code grant; continuous refresh that rotates the refresh token: the old one stops
// working), the revoke endpoint refusing user tokens (403 code 29, as documented), /v5/user_account,
// boards (list with bookmarks, create) and their sections (list, create), pins (image_base64,
// multiple_image_base64 with 2–5 items, image_url, video_id with a required cover) and a board's
// pins, video media (register → the S3-style upload form, which checks every signed field, that
// the file comes last, and its bytes → processing → succeeded, or failed when switched), pin
// analytics (summary and lifetime metrics), Pinterest's `{ code, message }` errors, and
// `x-ratelimit-limit/-remaining/-reset` on every API answer from per-user, per-category windows
// (org_read, org_write, org_analytics) that answer 429 once spent.
//
// What it does not do: the sandbox host (Trial access) as a separate host, secret boards and the
// *_secret scopes, pin updates and deletion, account analytics, ad accounts and Business Access,
// spam blocks (a 429 whose message_detail mentions spam), image_url downloads (the URL is taken
// as is), and idea/standard pin differences. Error numbers Pinterest does not document (a refused
// refresh token, a 429, a validation error) are stand-ins: 1, 8 and 400.

export type PinterestUser = { id: string; username: string; businessName: string | null; profileImage: string; accountType: 'PINNER' | 'BUSINESS'; followers?: number };

export type PinterestFakeOptions = {
  clientId?: string;
  clientSecret?: string;
  users?: PinterestUser[];
  accessTokenTtlSeconds?: number;
  refreshTokenTtlSeconds?: number;
  /** How long a video takes to process once its bytes arrived. */
  processingMs?: number;
  /** Calls per window and category (Standard access: org_read 1000, org_write 100, org_analytics 60 a minute). */
  rateLimits?: Partial<Record<Category, number>>;
  rateWindowMs?: number;
};

type Category = 'org_read' | 'org_write' | 'org_analytics';
type FakeToken = { accessToken: string; refreshToken: string; userId: string; scopes: Set<string>; accessExpiresAt: number; refreshExpiresAt: number; revoked: boolean };
type Pending = { code: string; userId: string; scopes: string[]; redirectUri: string; used: boolean };
export type FakeBoard = { id: string; userId: string; name: string; description: string | null; privacy: string; createdAt: number; sections: { id: string; name: string }[] };
export type FakeMedia = {
  id: string;
  userId: string;
  key: string;
  signature: string;
  status: 'registered' | 'processing' | 'succeeded' | 'failed';
  registeredAt: number;
  uploadedBytes: number | null;
  readyAt: number | null;
  willFail: boolean;
};
export type FakePin = {
  id: string;
  userId: string;
  boardId: string;
  boardSectionId: string | null;
  title: string | null;
  description: string | null;
  link: string | null;
  altText: string | null;
  kind: 'image' | 'carousel' | 'video';
  /** Decoded image bytes per image (image and carousel pins), the media id and cover of a video pin. */
  images: { contentType: string; bytes: number }[];
  mediaId: string | null;
  cover: { kind: 'data'; contentType: string; bytes: number } | { kind: 'url'; url: string } | { kind: 'frame'; seconds: number } | null;
  createdAt: number;
  metrics: Record<string, number>;
};

const DOC_SCOPES = ['boards:read', 'boards:write', 'pins:read', 'pins:write', 'user_accounts:read'];
const error = (status: number, code: number, message: string): FakeResponse => ({ status, body: { code, message } });
const authFailed = () => error(401, 2, 'Authentication failed.');
const notPermitted = () => error(403, 29, 'You are not permitted to access that resource.');
const invalidParams = (message: string) => error(400, 400, message);
const tooMany = 'The user has sent too many requests in a given amount of time and is being rate limited.';
const random = (prefix: string) => `${prefix}-${crypto.randomBytes(18).toString('base64url')}`;
/** Pinterest ids are digit strings; these go past 2^53 as real ones do. */
const bigId = () => (BigInt('1000000000000000000') + BigInt(`0x${crypto.randomBytes(7).toString('hex')}`)).toString();
const isHttpUrl = (value: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};
const base64Pattern = /^[a-zA-Z0-9+/=]+$/;
/** The image's real type from its first bytes. */
const sniff = (bytes: Buffer) => (bytes[0] === 0xff && bytes[1] === 0xd8 ? 'image/jpeg' : bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) ? 'image/png' : null);

export async function startPinterestFake(options: PinterestFakeOptions = {}) {
  const clientId = options.clientId ?? '1487264';
  const clientSecret = options.clientSecret ?? 'pinterest-app-secret';
  const users = (options.users ?? [{ id: '1151112235690000001', username: 'herald.tester', businessName: 'Herald Tester', profileImage: 'https://i.pinimg.example/herald-tester.jpg', accountType: 'BUSINESS' as const }]).map((u) => ({ ...u }));
  const accessTtl = options.accessTokenTtlSeconds ?? 2_592_000;
  const refreshTtl = options.refreshTokenTtlSeconds ?? 5_184_000;
  let processingMs = options.processingMs ?? 300;
  const limits: Record<Category, number> = { org_read: 1000, org_write: 100, org_analytics: 60, ...options.rateLimits };
  let windowMs = options.rateWindowMs ?? 60_000;
  const windows = new Map<string, { start: number; used: number }>();
  /** Calls answered 429 because Herald sent them into a spent window. */
  const throttled: string[] = [];
  let currentUser = users[0]!.id;
  const codes = new Map<string, Pending>();
  const tokens: FakeToken[] = [];
  const revocations: { token: string; status: number }[] = [];
  const boards: FakeBoard[] = [];
  const media = new Map<string, FakeMedia>();
  const pins: FakePin[] = [];
  const nextPinIds: string[] = [];
  let nextPinRefusal: { status: number; code: number; message: string } | null = null;
  let failNextVideo = false;

  // Every account starts with two boards, one with sections.
  for (const user of users) {
    boards.push({ id: bigId(), userId: user.id, name: 'Recipes', description: 'Things to cook', privacy: 'PUBLIC', createdAt: Date.now(), sections: [{ id: bigId(), name: 'Salads' }, { id: bigId(), name: 'Soups' }] });
    boards.push({ id: bigId(), userId: user.id, name: 'Travel', description: null, privacy: 'PUBLIC', createdAt: Date.now(), sections: [] });
  }

  const userOf = (id: string) => users.find((u) => u.id === id)!;

  // ---- Rate limits -------------------------------------------------------------------------

  /** Spends one call of the window; answers the headers, or a 429 when the window is spent. */
  function spend(userId: string, category: Category): { headers: Record<string, string>; refused: FakeResponse | null } {
    const key = `${userId}:${category}`;
    const now = Date.now();
    let window = windows.get(key);
    if (!window || now - window.start >= windowMs) {
      window = { start: now, used: 0 };
      windows.set(key, window);
    }
    const reset = Math.max(1, Math.ceil((window.start + windowMs - now) / 1000));
    const limit = limits[category];
    if (window.used >= limit) {
      return { headers: { 'x-ratelimit-limit': String(limit), 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) }, refused: { status: 429, body: { code: 8, message: tooMany } } };
    }
    window.used += 1;
    return { headers: { 'x-ratelimit-limit': String(limit), 'x-ratelimit-remaining': String(limit - window.used), 'x-ratelimit-reset': String(reset) }, refused: null };
  }

  // ---- OAuth -------------------------------------------------------------------------------

  function consentPage(q: URLSearchParams): FakeResponse {
    if (q.get('client_id') !== clientId) return { status: 400, html: '<p>Unknown app</p>' };
    if (q.get('response_type') !== 'code' || !q.get('redirect_uri')) return { status: 400, html: '<p>response_type=code and redirect_uri are required</p>' };
    const scopes = (q.get('scope') ?? '').split(',').filter(Boolean);
    const hidden = ['redirect_uri', 'state', 'scope'].map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(q.get(k) ?? '')}">`).join('');
    const boxes = scopes.map((s) => `<label><input type="checkbox" name="grant" value="${escapeHtml(s)}" checked> ${escapeHtml(s)}</label><br>`).join('');
    return {
      status: 200,
      html: `<!doctype html><title>Pinterest (fake)</title><h1>Give Herald access to your Pinterest account?</h1><p>Signed in as ${escapeHtml(userOf(currentUser).username)}</p><form method="post" action="/oauth/decision">${hidden}${boxes}<button name="decision" value="allow">Give access</button> <button name="decision" value="deny">Cancel</button></form>`,
    };
  }

  function decide(input: { redirectUri: string; state: string; scope: string; grant?: string[]; deny?: boolean }): string {
    const target = new URL(input.redirectUri);
    if (input.deny) {
      target.search = new URLSearchParams({ error: 'access_denied', state: input.state }).toString();
      return target.toString();
    }
    const requested = input.scope.split(',').filter(Boolean);
    const granted = input.grant ? requested.filter((s) => input.grant!.includes(s)) : requested;
    const code = crypto.randomBytes(16).toString('hex');
    codes.set(code, { code, userId: currentUser, scopes: granted, redirectUri: input.redirectUri, used: false });
    target.search = new URLSearchParams({ code, state: input.state }).toString();
    return target.toString();
  }

  const clientOk = (req: FakeRequest) => req.headers.authorization === `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;

  function issue(userId: string, scopes: string[], responseType: string) {
    const token: FakeToken = { accessToken: random('pina'), refreshToken: random('pinr'), userId, scopes: new Set(scopes), accessExpiresAt: Date.now() + accessTtl * 1000, refreshExpiresAt: Date.now() + refreshTtl * 1000, revoked: false };
    tokens.push(token);
    return {
      access_token: token.accessToken,
      token_type: 'bearer',
      expires_in: accessTtl,
      scope: scopes.join(','),
      response_type: responseType,
      refresh_token: token.refreshToken,
      refresh_token_expires_in: refreshTtl,
      refresh_token_expires_at: Math.floor(token.refreshExpiresAt / 1000),
    };
  }

  function tokenEndpoint(req: FakeRequest): FakeResponse {
    if (!clientOk(req)) return authFailed();
    if (!(req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) return invalidParams('The token request must be a form');
    const b = req.body;
    if (b.grant_type === 'authorization_code') {
      const pending = codes.get(b.code ?? '');
      if (!pending || pending.used || pending.redirectUri !== b.redirect_uri) return error(400, 1, 'Invalid authorization code or redirect_uri.');
      pending.used = true;
      return { status: 200, body: issue(pending.userId, pending.scopes, 'authorization_code') };
    }
    if (b.grant_type === 'refresh_token') {
      const old = tokens.find((t) => t.refreshToken === b.refresh_token);
      if (!old || old.revoked || old.refreshExpiresAt < Date.now()) return error(400, 1, 'Invalid refresh token.');
      // Continuous refresh: a new refresh token with every refresh; the old one stops working.
      old.revoked = true;
      return { status: 200, body: issue(old.userId, [...old.scopes], 'refresh_token') };
    }
    return invalidParams('grant_type must be authorization_code or refresh_token');
  }

  function revokeEndpoint(req: FakeRequest): FakeResponse {
    if (!clientOk(req)) return authFailed();
    // Only system-user tokens can be revoked (providers.md §10); every token here is a user's.
    revocations.push({ token: req.body.token ?? '', status: 403 });
    return notPermitted();
  }

  function authenticate(req: FakeRequest, needed: string[]): { token: FakeToken } | { response: FakeResponse } {
    const value = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const token = tokens.find((t) => t.accessToken === value);
    if (!token || token.revoked || token.accessExpiresAt < Date.now()) return { response: authFailed() };
    if (needed.some((s) => !token.scopes.has(s))) return { response: notPermitted() };
    return { token };
  }

  // ---- API ---------------------------------------------------------------------------------

  const boardJson = (b: FakeBoard) => ({ id: b.id, name: b.name, description: b.description, privacy: b.privacy, created_at: new Date(b.createdAt).toISOString(), owner: { username: userOf(b.userId).username }, pin_count: pins.filter((p) => p.boardId === b.id).length });
  const pinJson = (p: FakePin) => ({
    id: p.id,
    board_id: p.boardId,
    board_section_id: p.boardSectionId,
    title: p.title,
    description: p.description,
    link: p.link,
    alt_text: p.altText,
    created_at: new Date(p.createdAt).toISOString().replace(/\.\d{3}Z$/, ''),
    creative_type: p.kind === 'video' ? 'VIDEO' : p.kind === 'carousel' ? 'CAROUSEL' : 'REGULAR',
    is_owner: true,
  });

  /** A bookmark page of `items` (the bookmark is the next offset). */
  function page<T>(req: FakeRequest, items: T[], toJson: (item: T) => unknown): FakeResponse {
    const size = Number(req.query.get('page_size') ?? 25);
    if (!Number.isInteger(size) || size < 1 || size > 250) return invalidParams('page_size must be 1–250');
    const from = Number(req.query.get('bookmark') ?? 0) || 0;
    const slice = items.slice(from, from + size);
    return { status: 200, body: { items: slice.map(toJson), bookmark: from + size < items.length ? String(from + size) : null } };
  }

  function mediaStatus(m: FakeMedia): FakeMedia['status'] {
    if (m.status === 'processing' && m.readyAt !== null && Date.now() >= m.readyAt) m.status = m.willFail ? 'failed' : 'succeeded';
    return m.status;
  }

  function createPin(req: FakeRequest, token: FakeToken): FakeResponse {
    if (nextPinRefusal) {
      const r = nextPinRefusal;
      nextPinRefusal = null;
      return error(r.status, r.code, r.message);
    }
    let b: Record<string, unknown>;
    try {
      b = JSON.parse(req.raw.toString('utf8')) as Record<string, unknown>;
    } catch {
      return invalidParams('The body must be JSON');
    }
    const str = (key: string) => (typeof b[key] === 'string' ? (b[key] as string) : null);
    const boardId = str('board_id');
    if (!boardId || !/^\d+$/.test(boardId)) return invalidParams(`'${String(b.board_id)}' does not match '^\\d+$' - 'board_id'`);
    const board = boards.find((x) => x.id === boardId && x.userId === token.userId);
    if (!board) return error(404, 404, 'Board not found.');
    const sectionId = str('board_section_id');
    if (sectionId && !board.sections.some((s) => s.id === sectionId)) return error(404, 404, 'Board section not found.');
    const title = str('title');
    const description = str('description');
    const link = str('link');
    const alt = str('alt_text');
    if (title && title.length > 100) return invalidParams(`'${title}' is too long - 'title'`);
    if (description && [...description].length > 800) return invalidParams("The description is too long - 'description'");
    if (link && (link.length > 2048 || !isHttpUrl(link))) return invalidParams('Invalid URL. - link');
    if (alt && alt.length > 500) return invalidParams("The alt text is too long - 'alt_text'");
    const source = (b.media_source ?? {}) as Record<string, unknown>;
    const images: FakePin['images'] = [];
    const decode = (item: Record<string, unknown>): string | null => {
      const type = item.content_type;
      const data = item.data;
      if (type !== 'image/jpeg' && type !== 'image/png') return "content_type must be 'image/jpeg' or 'image/png'";
      if (typeof data !== 'string' || !base64Pattern.test(data)) return "'data' does not match '^[a-zA-Z0-9+/=]+$'";
      const bytes = Buffer.from(data, 'base64');
      if (sniff(bytes) !== type) return 'The image data is not a valid ' + type;
      images.push({ contentType: type, bytes: bytes.length });
      return null;
    };
    let kind: FakePin['kind'];
    let mediaId: string | null = null;
    let cover: FakePin['cover'] = null;
    switch (source.source_type) {
      case 'image_base64': {
        const problem = decode(source);
        if (problem) return invalidParams(problem);
        kind = 'image';
        break;
      }
      case 'image_url':
        if (typeof source.url !== 'string' || !isHttpUrl(source.url)) return invalidParams('Unable to reach the URL');
        images.push({ contentType: 'image/jpeg', bytes: 0 });
        kind = 'image';
        break;
      case 'multiple_image_base64': {
        const items = Array.isArray(source.items) ? (source.items as Record<string, unknown>[]) : [];
        if (items.length < 2 || items.length > 5) return invalidParams('A carousel pin takes 2 to 5 images (maximum of 5 images).');
        for (const item of items) {
          const problem = decode(item);
          if (problem) return invalidParams(problem);
        }
        kind = 'carousel';
        break;
      }
      case 'video_id': {
        const m = media.get(String(source.media_id ?? ''));
        if (!m || m.userId !== token.userId) return invalidParams('Media not found.');
        if (mediaStatus(m) !== 'succeeded') return invalidParams(`The media is not ready (${m.status}).`);
        if (pins.some((p) => p.mediaId === m.id)) return invalidParams('The media was already used for a pin.');
        if (typeof source.cover_image_data === 'string') {
          const type = source.cover_image_content_type;
          if (type !== 'image/jpeg' && type !== 'image/png') return invalidParams('cover_image_content_type is required with cover_image_data');
          const bytes = Buffer.from(source.cover_image_data, 'base64');
          if (sniff(bytes) !== type) return invalidParams('The cover image data is not a valid ' + type);
          cover = { kind: 'data', contentType: type, bytes: bytes.length };
        } else if (typeof source.cover_image_url === 'string') cover = { kind: 'url', url: source.cover_image_url };
        else if (typeof source.cover_image_key_frame_time === 'number' && source.cover_image_key_frame_time >= 0) cover = { kind: 'frame', seconds: source.cover_image_key_frame_time };
        else return invalidParams('A video pin needs a cover: cover_image_url, cover_image_data or cover_image_key_frame_time.');
        kind = 'video';
        mediaId = m.id;
        break;
      }
      default:
        return invalidParams('media_source.source_type is not valid');
    }
    const pin: FakePin = { id: nextPinIds.shift() ?? bigId(), userId: token.userId, boardId, boardSectionId: sectionId, title, description, link, altText: alt, kind, images, mediaId, cover, createdAt: Date.now(), metrics: {} };
    pins.push(pin);
    // The id as a quoted string, as Pinterest sends its ids.
    return { status: 201, body: pinJson(pin) };
  }

  function registerMedia(req: FakeRequest, token: FakeToken): FakeResponse {
    if (req.body.media_type !== 'video') return invalidParams("media_type must be 'video'");
    const id = String(BigInt('5000000000000') + BigInt(media.size + 1));
    const key = `uploads/${crypto.randomBytes(2).toString('hex')}/${token.userId}:video:${id}`;
    const signature = crypto.randomBytes(32).toString('hex');
    media.set(id, { id, userId: token.userId, key, signature, status: 'registered', registeredAt: Date.now(), uploadedBytes: null, readyAt: null, willFail: failNextVideo });
    failNextVideo = false;
    return {
      status: 201,
      body: {
        media_id: id,
        media_type: 'video',
        upload_url: `${server.url}/media-upload/`,
        upload_parameters: uploadFields(media.get(id)!),
      },
    };
  }

  const uploadFields = (m: FakeMedia): Record<string, string> => ({
    'x-amz-date': '20261205T170000Z',
    'x-amz-signature': m.signature,
    'x-amz-security-token': `IQoJ${m.signature.slice(0, 24)}==`,
    'x-amz-algorithm': 'AWS4-HMAC-SHA256',
    key: m.key,
    policy: Buffer.from(JSON.stringify({ expiration: '2026-12-06T00:00:00Z', conditions: [{ key: m.key }] })).toString('base64'),
    'x-amz-credential': 'ASIA6QZJ64OPIKV7FRVX/20261205/us-east-1/s3/aws4_request',
    'Content-Type': 'multipart/form-data',
  });

  const s3Error = (status: number, code: string, message: string): FakeResponse => ({ status, headers: { 'content-type': 'application/xml' }, raw: `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${escapeHtml(message)}</Message></Error>` });

  /** The presigned POST of an S3 bucket: every signed field must be there, the file last. */
  async function upload(req: FakeRequest): Promise<FakeResponse> {
    const type = req.headers['content-type'] ?? '';
    if (!type.startsWith('multipart/form-data')) return s3Error(412, 'PreconditionFailed', 'Bucket POST must be of the enclosure-type multipart/form-data');
    let fields: FormData;
    try {
      fields = await new Response(new Uint8Array(req.raw), { headers: { 'content-type': type } }).formData();
    } catch {
      return s3Error(400, 'MalformedPOSTRequest', 'The body of your POST request is not well-formed multipart/form-data.');
    }
    const key = fields.get('key');
    const m = [...media.values()].find((x) => x.key === key);
    if (!m) return s3Error(403, 'AccessDenied', 'Invalid according to Policy: Policy Condition failed: ["eq", "$key", ...]');
    for (const [name, value] of Object.entries(uploadFields(m))) {
      if (fields.get(name) !== value) return s3Error(403, 'AccessDenied', `Invalid according to Policy: Policy Condition failed: ["eq", "$${name}", "${name === 'x-amz-signature' ? '…' : value}"]`);
    }
    // S3 ignores every field after the file: the file must come last.
    const names = [...req.raw.toString('latin1').matchAll(/Content-Disposition: form-data; name="([^"]+)"/gi)].map((x) => x[1]);
    if (names.at(-1) !== 'file') return s3Error(400, 'InvalidArgument', 'The file must be the last field of the form (fields after it are ignored)');
    const file = fields.get('file');
    if (!(file instanceof Blob) || file.size === 0) return s3Error(400, 'InvalidArgument', 'POST requires exactly one file upload per request.');
    if (m.status !== 'registered') return s3Error(403, 'AccessDenied', 'The upload for this media was already received');
    m.uploadedBytes = file.size;
    m.status = 'processing';
    m.readyAt = Date.now() + processingMs;
    return { status: 204, raw: '' };
  }

  function analytics(req: FakeRequest, token: FakeToken, pinId: string): FakeResponse {
    const pin = pins.find((p) => p.id === pinId && p.userId === token.userId);
    if (!pin) return error(404, 404, 'Pin not found.');
    const start = req.query.get('start_date');
    const end = req.query.get('end_date');
    const types = (req.query.get('metric_types') ?? '').split(',').filter(Boolean);
    const day = /^\d{4}-\d{2}-\d{2}$/;
    if (!start || !end || !day.test(start) || !day.test(end) || !types.length) return error(400, 400, 'Invalid pins analytics parameters.');
    if (Date.parse(start) < Date.now() - 91 * 86_400_000 || Date.parse(end) - Date.parse(start) > 90 * 86_400_000) return error(400, 400, 'Invalid pins analytics parameters.');
    const lifetime = ['TOTAL_COMMENTS', 'TOTAL_REACTIONS'];
    // A video metric is reported for video pins only.
    const reported = (t: string) => !t.startsWith('VIDEO_') || pin.kind === 'video';
    const summary = Object.fromEntries(types.filter((t) => !lifetime.includes(t) && reported(t)).map((t) => [t, pin.metrics[t] ?? 0]));
    const life = Object.fromEntries(types.filter((t) => lifetime.includes(t)).map((t) => [t, pin.metrics[t] ?? 0]));
    return { status: 200, body: { all: { daily_metrics: [{ date: end, data_status: 'READY', metrics: summary }], summary_metrics: summary, lifetime_metrics: life } } };
  }

  async function api(req: FakeRequest): Promise<FakeResponse> {
    const { method } = req;
    const path = req.path.slice('/v5'.length);
    const route = (needed: string[], category: Category, run: (token: FakeToken) => FakeResponse | Promise<FakeResponse>) => async (): Promise<FakeResponse> => {
      const auth = authenticate(req, needed);
      if ('response' in auth) return auth.response;
      const spent = spend(auth.token.userId, category);
      if (spent.refused) {
        throttled.push(`${method} ${req.path}`);
        return { ...spent.refused, headers: spent.headers };
      }
      const answer = await run(auth.token);
      return { ...answer, headers: { ...spent.headers, ...answer.headers } };
    };
    let m: RegExpExecArray | null;
    if (method === 'GET' && path === '/user_account') {
      return route(['user_accounts:read'], 'org_read', (t) => {
        const u = userOf(t.userId);
        return { status: 200, body: { id: u.id, username: u.username, account_type: u.accountType, business_name: u.businessName, profile_image: u.profileImage, website_url: '', board_count: boards.filter((b) => b.userId === u.id).length, pin_count: pins.filter((p) => p.userId === u.id).length, follower_count: u.followers ?? 0, following_count: 0, monthly_views: 0 } };
      })();
    }
    if (path === '/boards') {
      if (method === 'GET') return route(['boards:read'], 'org_read', (t) => page(req, boards.filter((b) => b.userId === t.userId), boardJson))();
      if (method === 'POST') {
        return route(['boards:write'], 'org_write', (t) => {
          const name = req.body.name;
          if (typeof name !== 'string' || !name.trim()) return invalidParams("'name' is a required property");
          if (req.body.privacy !== undefined && !['PUBLIC', 'PROTECTED', 'SECRET'].includes(req.body.privacy)) return invalidParams("'privacy' is not one of ['PUBLIC', 'PROTECTED', 'SECRET']");
          if (boards.some((b) => b.userId === t.userId && b.name.toLowerCase() === name.trim().toLowerCase())) return error(409, 58, 'You already have a board with this name.');
          const board: FakeBoard = { id: bigId(), userId: t.userId, name: name.trim(), description: typeof req.body.description === 'string' ? req.body.description : null, privacy: req.body.privacy ?? 'PUBLIC', createdAt: Date.now(), sections: [] };
          boards.push(board);
          return { status: 201, body: boardJson(board) };
        })();
      }
    }
    if ((m = /^\/boards\/([^/]+)\/sections$/.exec(path))) {
      const boardId = m[1]!;
      return route([method === 'GET' ? 'boards:read' : 'boards:write'], method === 'GET' ? 'org_read' : 'org_write', (t) => {
        const board = boards.find((b) => b.id === boardId && b.userId === t.userId);
        if (!board) return error(404, 404, 'Board not found.');
        if (method === 'GET') return page(req, board.sections, (s) => s);
        const name = req.body.name;
        if (typeof name !== 'string' || !name || name.length > 180) return error(400, 400, 'Invalid board section parameters.');
        const section = { id: bigId(), name };
        board.sections.push(section);
        return { status: 201, body: section };
      })();
    }
    if (method === 'GET' && (m = /^\/boards\/([^/]+)\/pins$/.exec(path))) {
      const boardId = m[1]!;
      return route(['boards:read', 'pins:read'], 'org_read', (t) => {
        const board = boards.find((b) => b.id === boardId && b.userId === t.userId);
        if (!board) return error(404, 404, 'Board not found.');
        return page(req, pins.filter((p) => p.boardId === boardId).sort((a, b) => b.createdAt - a.createdAt), pinJson);
      })();
    }
    if (method === 'POST' && path === '/pins') return route(['boards:read', 'boards:write', 'pins:read', 'pins:write'], 'org_write', (t) => createPin(req, t))();
    if (method === 'POST' && path === '/media') return route(['pins:read', 'pins:write'], 'org_write', (t) => registerMedia(req, t))();
    if (method === 'GET' && (m = /^\/media\/(\d+)$/.exec(path))) {
      const id = m[1]!;
      return route(['pins:read'], 'org_read', (t) => {
        const found = media.get(id);
        if (!found || found.userId !== t.userId) return error(404, 404, 'Media not found.');
        return { status: 200, body: { media_id: found.id, media_type: 'video', status: mediaStatus(found) } };
      })();
    }
    if (method === 'GET' && (m = /^\/pins\/([^/]+)\/analytics$/.exec(path))) {
      const id = m[1]!;
      return route(['boards:read', 'pins:read'], 'org_analytics', (t) => analytics(req, t, id))();
    }
    return error(404, 404, `Unknown endpoint ${method} ${req.path}`);
  }

  const server = await startFakeServer(async (req) => {
    if (req.method === 'GET' && req.path === '/oauth/') return consentPage(req.query);
    if (req.method === 'POST' && req.path === '/oauth/decision') {
      const b = req.body;
      const grant = (b.grant ?? '').split(',').filter(Boolean);
      return { status: 302, redirect: decide({ redirectUri: b.redirect_uri!, state: b.state ?? '', scope: b.scope ?? '', grant, deny: b.decision === 'deny' }) };
    }
    if (req.method === 'POST' && req.path === '/v5/oauth/token') return tokenEndpoint(req);
    if (req.method === 'POST' && req.path === '/v5/oauth/token/revoke') return revokeEndpoint(req);
    if (req.method === 'POST' && req.path === '/media-upload/') return upload(req);
    if (req.path.startsWith('/v5/')) return api(req);
    return error(404, 404, 'Not found');
  });

  const findUser = (id: string) => {
    if (!users.some((u) => u.id === id)) throw new Error(`the Pinterest fake has no user ${id}`);
    return id;
  };

  return {
    ...server,
    clientId,
    clientSecret,
    users,
    /** What clicking "Give access" (with these scopes ticked) or Cancel on the consent page returns: the redirect back. */
    authorize(authorizeUrl: string, choice: { grant?: string[]; deny?: boolean } = {}) {
      const q = new URL(authorizeUrl).searchParams;
      if (q.get('client_id') !== clientId) throw new Error(`authorize: unexpected client_id ${q.get('client_id')}`);
      if (q.get('response_type') !== 'code') throw new Error('authorize: response_type must be code');
      const requested = (q.get('scope') ?? '').split(',');
      for (const scope of requested) if (!DOC_SCOPES.includes(scope)) throw new Error(`authorize: unknown scope ${scope}`);
      return decide({ redirectUri: q.get('redirect_uri')!, state: q.get('state') ?? '', scope: q.get('scope') ?? '', grant: choice.grant, deny: choice.deny });
    },
    setNextUser: (id: string) => void (currentUser = findUser(id)),
    boards: (userId = users[0]!.id) => boards.filter((b) => b.userId === userId).map((b) => ({ ...b, sections: [...b.sections] })),
    pins: () => pins.map((p) => ({ ...p })),
    media: () => [...media.values()].map((x) => ({ ...x })),
    tokens: () => tokens.map((t) => ({ ...t, scopes: [...t.scopes] })),
    revocations,
    throttled,
    /** A token as the OAuth flow would grant it, for tests that need no consent page. */
    issueToken: (userId: string, scopes = DOC_SCOPES) => issue(findUser(userId), scopes, 'authorization_code').access_token,
    /** Every access token (of one user, or everyone's) stops working (expired at Pinterest) without Herald knowing. */
    expireAccessTokens(userId?: string) {
      for (const t of tokens) if (!userId || t.userId === userId) t.accessExpiresAt = Date.now() - 1000;
    },
    /** Every refresh token stops working (the person removed Herald in their Pinterest settings). */
    expireRefreshTokens(userId?: string) {
      for (const t of tokens) if (!userId || t.userId === userId) t.refreshExpiresAt = Date.now() - 1000;
    },
    /** The user takes one scope back: every token of theirs loses it. */
    withdrawScope(userId: string, scope: string) {
      for (const t of tokens) if (t.userId === userId) t.scopes.delete(scope);
    },
    setNextPinId: (id: string) => void nextPinIds.push(id),
    /** The next POST /v5/pins is refused with this error. */
    refuseNextPin(refusal: { status?: number; code?: number; message: string }) {
      nextPinRefusal = { status: refusal.status ?? 400, code: refusal.code ?? 400, message: refusal.message };
    },
    /** The next registered video fails processing. */
    failNextVideo() {
      failNextVideo = true;
    },
    setProcessingMs(ms: number) {
      processingMs = ms;
    },
    /** Calls per window and category from now on (windows already open keep their count). */
    setRateLimit(category: Category, limit: number, window = windowMs) {
      limits[category] = limit;
      windowMs = window;
      windows.clear();
    },
    /** A one-shot failure of the next POST /v5/pins (5xx, 429, lost answer…). */
    failNextPinCreate: (failure: Injected) => server.failNext('/v5/pins', failure),
    /** People see, save and click a pin: its counters at Pinterest (metric type → value). */
    /** People follow the account: follower_count on /v5/user_account. */
    setFollowers(count: number, userId = users[0]!.id) {
      userOf(findUser(userId)).followers = count;
    },
    engage(pinId: string, metrics: Record<string, number>) {
      const pin = pins.find((p) => p.id === pinId);
      if (!pin) throw new Error(`no pin ${pinId}`);
      pin.metrics = { ...pin.metrics, ...metrics };
    },
  };
}

export type PinterestFake = Awaited<ReturnType<typeof startPinterestFake>>;

/** The settings that point Herald's Pinterest provider at this fake. */
export const pinterestEnv = (fake: PinterestFake) => ({
  HERALD_PINTEREST_CLIENT_ID: fake.clientId,
  HERALD_PINTEREST_CLIENT_SECRET: fake.clientSecret,
  HERALD_PINTEREST_API_URL: fake.url,
  HERALD_PINTEREST_AUTH_URL: fake.url,
});
