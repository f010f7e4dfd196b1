import crypto from 'node:crypto';
import { escapeHtml, startFakeServer, type FakeRequest, type FakeResponse } from '../http.ts';

// A local Mastodon instance following ../shared/providers.md §3: app registration, the OAuth
// consent page with PKCE, tokens that never expire, revoke, verify_credentials and instance limits;
// publishing: async media uploads (POST /api/v2/media, polled with GET /api/v1/media/:id),
// statuses with threads and Idempotency-Key, reading and deleting them. Mastodon's
// `{ error, error_description }` envelope and X-RateLimit-* headers on every API answer.

export type MastodonAccount = { id: string; username: string; displayName: string; followers?: number };
type App = { clientId: string; clientSecret: string; redirectUris: string[]; scopes: string[]; name: string };
type Token = { token: string; clientId: string | null; accountId: string; scopes: string[]; revoked: boolean };
type Code = { clientId: string; redirectUri: string; scopes: string[]; challenge?: string; used: boolean; expiresAt: number };

export type FakeMedia = {
  id: string;
  accountId: string;
  type: 'image' | 'gifv' | 'video';
  mimeType: string;
  size: number;
  description: string | null;
  focus: { x: number; y: number } | null;
  width: number | null;
  height: number | null;
  /** Until then GET /api/v1/media/:id answers 206 and the file cannot be attached. */
  readyAt: number;
  /** The status it is attached to: an attached file cannot be attached again. */
  statusId: string | null;
};

export type FakeStatus = {
  id: string;
  accountId: string;
  text: string;
  inReplyToId: string | null;
  mediaIds: string[];
  visibility: 'public' | 'unlisted' | 'private' | 'direct';
  spoilerText: string;
  sensitive: boolean;
  language: string;
  idempotencyKey: string | null;
  createdAt: Date;
  deletedAt: Date | null;
  /** What people did with it since (set by tests through `engage`). */
  favourites?: number;
  reblogs?: number;
  quotes?: number;
};

export type MastodonFakeOptions = {
  maxCharacters?: number;
  account?: MastodonAccount;
  /** How long videos and GIFs stay "processing" after upload (images are processed at once). */
  mediaProcessingMs?: number;
  /**
   * A per-token budget for POST /api/v1/statuses; past it the answer is 429. Off by default: the
   * fake listens on localhost, which Mastodon exempts from its limits.
   */
  statusLimit?: { max: number; windowMs: number };
  /** Added to every answer, in ms (benchmarks use 20); a function draws it per request, as the TikTok fake's. */
  latencyMs?: number | (() => number);
};

const visibilities = ['public', 'unlisted', 'private', 'direct'] as const;
const maxMediaAttachments = 4;
const charactersReservedPerUrl = 23;
const descriptionLimit = 1500;
const idempotencyWindowMs = 60 * 60_000;
const supportedMimeTypes = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'video/mp4', 'video/quicktime'];
const imageSizeLimit = 16_777_216;
const videoSizeLimit = 103_809_024;
// Rack::Attack's per-token API limit; reported in the headers, not enforced (localhost is exempt).
const apiLimit = { max: 300, windowMs: 5 * 60_000 };

const error = (status: number, message: string, description?: string): FakeResponse => ({ status, body: { error: message, ...(description ? { error_description: description } : {}) } });
const notFound = () => error(404, 'Record not found');

/** Rails' html_escape, as Mastodon's formatter applies it (named entities, not numeric ones). */
const escapeLikeRails = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

// Mastodon finds links with twitter-text, which leaves trailing punctuation out of the URL.
const urlPattern = /https?:\/\/[^\s<>"]+[^\s<>".,:;!?'()]/g;

/** A link as Mastodon renders it: the scheme hidden, the rest cut after 30 characters. */
function linkHtml(url: string): string {
  const [, prefix = '', rest = ''] = /^(https?:\/\/(?:www\.)?)(.*)$/.exec(url) ?? [];
  const shown = rest.slice(0, 30);
  const hidden = rest.slice(30);
  return `<a href="${escapeLikeRails(url)}" target="_blank" rel="nofollow noopener" translate="no"><span class="invisible">${escapeLikeRails(prefix)}</span><span class="${hidden ? 'ellipsis' : ''}">${escapeLikeRails(shown)}</span><span class="invisible">${escapeLikeRails(hidden)}</span></a>`;
}

/** Plain text → status HTML: paragraphs in <p>, line breaks as <br />, text escaped, URLs linked. */
function contentHtml(text: string): string {
  if (!text.trim()) return '';
  const linked = (paragraph: string) => {
    let html = '';
    let last = 0;
    for (const match of paragraph.matchAll(urlPattern)) {
      html += escapeLikeRails(paragraph.slice(last, match.index)) + linkHtml(match[0]);
      last = match.index + match[0].length;
    }
    return (html + escapeLikeRails(paragraph.slice(last))).replace(/\n/g, '<br />');
  };
  return text
    .trim()
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${linked(paragraph)}</p>`)
    .join('');
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
/** Mastodon's count: graphemes, every URL as 23, a remote mention only by its local part, the content warning included. */
function countableLength(text: string): number {
  const countable = text.replace(urlPattern, 'x'.repeat(charactersReservedPerUrl)).replace(/(@[\w.-]+)@[\w.-]+\w/g, '$1');
  return [...graphemes.segment(countable)].length;
}

type MultipartPart = { name: string; filename: string | null; contentType: string | null; data: Buffer };

/** multipart/form-data (RFC 7578) split into its parts; null when the body is not well formed. */
function parseMultipart(raw: Buffer, contentType: string): MultipartPart[] | null {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (!boundary) return null;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const parts: MultipartPart[] = [];
  let at = raw.indexOf(delimiter);
  if (at < 0) return null;
  for (;;) {
    at += delimiter.length;
    if (raw.subarray(at, at + 2).toString() === '--') return parts;
    if (raw.subarray(at, at + 2).toString() !== '\r\n') return null;
    const next = raw.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), at);
    if (next < 0) return null;
    const part = raw.subarray(at + 2, next);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd < 0) return null;
    const headers = new Map(
      part
        .subarray(0, headerEnd)
        .toString('utf8')
        .split('\r\n')
        .map((line) => [line.slice(0, line.indexOf(':')).trim().toLowerCase(), line.slice(line.indexOf(':') + 1).trim()] as const),
    );
    const disposition = headers.get('content-disposition') ?? '';
    const name = /\bname="([^"]*)"/.exec(disposition)?.[1];
    if (name === undefined) return null;
    parts.push({ name, filename: /\bfilename="([^"]*)"/.exec(disposition)?.[1] ?? null, contentType: headers.get('content-type') ?? null, data: part.subarray(headerEnd + 4) });
    at = next + 2;
  }
}

/** Request parameters from a form, JSON or multipart body, with Rails' `name[]` arrays. */
function readParams(req: FakeRequest) {
  const contentType = req.headers['content-type'] ?? '';
  const values = new Map<string, string[]>();
  const add = (name: string, value: string) => values.set(name.replace(/\[\]$/, ''), [...(values.get(name.replace(/\[\]$/, '')) ?? []), value]);
  if (contentType.includes('application/json')) {
    let json: unknown;
    try {
      json = JSON.parse(req.raw.toString('utf8'));
    } catch {
      return null;
    }
    for (const [name, value] of Object.entries((json ?? {}) as Record<string, unknown>)) {
      for (const item of Array.isArray(value) ? value : [value]) if (item !== null && item !== undefined) add(name, String(item));
    }
  } else if (contentType.includes('multipart/form-data')) {
    const parts = parseMultipart(req.raw, contentType);
    if (!parts) return null;
    for (const part of parts) if (part.filename === null) add(part.name, part.data.toString('utf8'));
  } else {
    for (const [name, value] of new URLSearchParams(req.raw.toString('utf8'))) add(name, value);
  }
  return { one: (name: string) => values.get(name)?.[0], many: (name: string) => values.get(name) ?? [] };
}

const truthy = (value: string | undefined) => value === 'true' || value === '1';

/** Width and height from a PNG's IHDR chunk; other formats are not measured. */
function pngSize(data: Buffer): { width: number; height: number } | null {
  if (data.length < 24 || data.readUInt32BE(0) !== 0x89504e47 || data.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

function mediaType(mimeType: string): FakeMedia['type'] {
  // Mastodon turns GIFs into silent looping videos ("gifv"), which takes a transcode.
  if (mimeType === 'image/gif') return 'gifv';
  return mimeType.startsWith('image/') ? 'image' : 'video';
}

export async function startMastodonFake(options: MastodonFakeOptions = {}) {
  const account = options.account ?? { id: '109000000000000001', username: 'herald', displayName: 'Herald on Mastodon' };
  const accounts = new Map<string, MastodonAccount>([[account.id, account]]);
  const processingMs = options.mediaProcessingMs ?? 300;
  const apps: App[] = [];
  const codes = new Map<string, Code>();
  const tokens: Token[] = [];
  const revocations: string[] = [];
  const media = new Map<string, FakeMedia & { bytes: Buffer }>();
  const statuses: FakeStatus[] = [];
  // Look-ups by id and by parent: the analytics benchmark holds 100,000 statuses, and a scan of all
  // of them for every status in every answer made seeding it quadratic.
  const statusById = new Map<string, FakeStatus>();
  const repliesTo = new Map<string, FakeStatus[]>();
  const idempotencyKeys = new Map<string, { statusId: string; at: number }>();
  const windows = new Map<string, { count: number; resetAt: number }>();
  let notMastodon = false;
  // A broken or hostile instance may answer any `url`; null: the status's real address.
  let answeredStatusUrl: string | null = null;
  let domain = '';
  let origin = '';
  let sequence = 0;

  /** Snowflake-like ids, as Mastodon's: milliseconds shifted left 16 bits plus a sequence, so they sort by time. */
  const nextId = () => String((BigInt(Date.now()) << 16n) | BigInt(sequence++ & 0xffff));
  let chosenStatusId: string | null = null;
  const nextStatusId = () => {
    const id = chosenStatusId ?? nextId();
    chosenStatusId = null;
    return id;
  };
  const byId = (a: { id: string }, b: { id: string }) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1);

  function hit(key: string, windowMs: number) {
    let window = windows.get(key);
    if (!window || window.resetAt <= Date.now()) {
      window = { count: 0, resetAt: Date.now() + windowMs };
      windows.set(key, window);
    }
    window.count += 1;
    return window;
  }
  // Mastodon sends the reset as an ISO 8601 time with microseconds (not epoch seconds, and no
  // Retry-After header, not even on a 429): clients read X-RateLimit-Reset to know when to retry.
  const rateHeaders = (limit: { max: number }, window: { count: number; resetAt: number }) => ({
    'x-ratelimit-limit': String(limit.max),
    'x-ratelimit-remaining': String(Math.max(0, limit.max - window.count)),
    'x-ratelimit-reset': new Date(window.resetAt).toISOString().replace('Z', '000Z'),
  });

  const bearer = (req: FakeRequest) => {
    const value = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    return tokens.find((t) => t.token === value && !t.revoked);
  };
  /** `write` grants every `write:*` scope, `read` every `read:*`. */
  const hasScope = (token: Token, scope: string) => token.scopes.includes(scope) || token.scopes.includes(scope.split(':')[0]!);
  function requireToken(req: FakeRequest, scope: string): Token | FakeResponse {
    const token = bearer(req);
    if (!token) return error(401, 'The access token is invalid');
    if (!hasScope(token, scope)) return error(403, 'This action is outside the authorized scopes');
    return token;
  }
  /** Public reads work without a token, but a token that is sent must be valid. */
  function optionalToken(req: FakeRequest): Token | null | FakeResponse {
    if (!req.headers.authorization) return null;
    return bearer(req) ?? error(401, 'The access token is invalid');
  }
  const isAnswer = (value: Token | FakeResponse | null): value is FakeResponse => value !== null && 'status' in value;

  function decide(input: { clientId: string; redirectUri: string; scope: string; state: string; challenge?: string; deny?: boolean }): string {
    const target = new URL(input.redirectUri);
    if (input.deny) {
      target.search = new URLSearchParams({ error: 'access_denied', error_description: 'The resource owner or authorization server denied the request.', state: input.state }).toString();
      return target.toString();
    }
    const code = crypto.randomBytes(16).toString('base64url');
    codes.set(code, { clientId: input.clientId, redirectUri: input.redirectUri, scopes: input.scope.split(/[ +]/).filter(Boolean), challenge: input.challenge, used: false, expiresAt: Date.now() + 10 * 60_000 });
    target.search = new URLSearchParams({ code, state: input.state }).toString();
    return target.toString();
  }

  function authorizePage(q: URLSearchParams): FakeResponse {
    const app = apps.find((a) => a.clientId === q.get('client_id'));
    if (!app) return { status: 401, html: '<h1>Client authentication failed due to unknown client</h1>' };
    if (!app.redirectUris.includes(q.get('redirect_uri') ?? '')) return { status: 400, html: '<h1>The redirect uri included is not valid.</h1>' };
    const hidden = ['client_id', 'redirect_uri', 'scope', 'state', 'code_challenge'].map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(q.get(k) ?? '')}">`).join('');
    return {
      status: 200,
      html: `<!doctype html><title>Mastodon (fake)</title><h1>Authorization required</h1><p>${escapeHtml(app.name)} would like to access your account @${escapeHtml(account.username)} with: ${escapeHtml(q.get('scope') ?? '')}</p><form method="post" action="/oauth/authorize/decision">${hidden}<button name="decision" value="allow">Authorize</button> <button name="decision" value="deny">Deny</button></form>`,
    };
  }

  const accountJson = (a: MastodonAccount) => ({
    id: a.id,
    username: a.username,
    acct: a.username,
    display_name: a.displayName,
    avatar: `https://${domain}/avatars/original/missing.png`,
    avatar_static: `https://${domain}/avatars/original/missing.png`,
    followers_count: a.followers ?? 42,
    following_count: 7,
    statuses_count: 12,
    url: `https://${domain}/@${a.username}`,
  });

  const isReady = (m: FakeMedia) => m.readyAt <= Date.now();
  const mediaJson = (m: FakeMedia) => ({
    id: m.id,
    type: m.type,
    url: isReady(m) ? `${origin}/system/media_attachments/${m.id}/original` : null,
    preview_url: `${origin}/system/media_attachments/${m.id}/small`,
    remote_url: null,
    preview_remote_url: null,
    text_url: null,
    meta: {
      ...(m.focus ? { focus: m.focus } : {}),
      ...(m.width && m.height ? { original: { width: m.width, height: m.height, size: `${m.width}x${m.height}`, aspect: m.width / m.height } } : {}),
    },
    description: m.description,
    blurhash: null,
  });

  const visible = (s: FakeStatus, viewer: Token | null) => !s.deletedAt && (s.visibility === 'public' || s.visibility === 'unlisted' || viewer?.accountId === s.accountId);
  const statusJson = (s: FakeStatus) => {
    const author = accounts.get(s.accountId)!;
    return {
      id: s.id,
      created_at: s.createdAt.toISOString(),
      edited_at: null,
      in_reply_to_id: s.inReplyToId,
      in_reply_to_account_id: (s.inReplyToId ? statusById.get(s.inReplyToId)?.accountId : null) ?? null,
      sensitive: s.sensitive,
      spoiler_text: s.spoilerText,
      visibility: s.visibility,
      language: s.language,
      uri: `${origin}/users/${author.username}/statuses/${s.id}`,
      url: answeredStatusUrl ?? `${origin}/@${author.username}/${s.id}`,
      replies_count: (repliesTo.get(s.id) ?? []).filter((reply) => !reply.deletedAt).length,
      reblogs_count: s.reblogs ?? 0,
      favourites_count: s.favourites ?? 0,
      quotes_count: s.quotes ?? 0,
      content: contentHtml(s.text),
      reblog: null,
      account: accountJson(author),
      media_attachments: s.mediaIds.map((id) => mediaJson(media.get(id)!)),
      mentions: [],
      tags: [],
      emojis: [],
      card: null,
      poll: null,
    };
  };

  function uploadMedia(req: FakeRequest): FakeResponse {
    const token = requireToken(req, 'write:media');
    if (isAnswer(token)) return token;
    const parts = parseMultipart(req.raw, req.headers['content-type'] ?? '');
    if (!parts) return error(400, 'Bad Request');
    const file = parts.find((p) => p.name === 'file' && p.filename !== null);
    if (!file) return error(400, 'param is missing or the value is empty: file');
    const field = (name: string) => parts.find((p) => p.name === name && p.filename === null)?.data.toString('utf8');
    const mimeType = (file.contentType ?? 'application/octet-stream').split(';')[0]!.trim().toLowerCase();
    if (!supportedMimeTypes.includes(mimeType)) return error(422, 'Validation failed: File content type is invalid, File is invalid');
    const type = mediaType(mimeType);
    if (file.data.length > (type === 'image' ? imageSizeLimit : videoSizeLimit)) return error(422, `Validation failed: File file size must be less than ${type === 'image' ? 16 : 99} MB`);
    const description = field('description') || null;
    if (description && [...description].length > descriptionLimit) return error(422, `Validation failed: Description is too long (maximum is ${descriptionLimit} characters)`);
    const focus = field('focus')?.split(',').map(Number);
    const size = pngSize(file.data);
    const item: FakeMedia & { bytes: Buffer } = {
      id: nextId(),
      accountId: token.accountId,
      type,
      mimeType,
      size: file.data.length,
      description,
      focus: focus?.length === 2 && focus.every((v) => v >= -1 && v <= 1) ? { x: focus[0]!, y: focus[1]! } : null,
      width: size?.width ?? null,
      height: size?.height ?? null,
      readyAt: type === 'image' ? 0 : Date.now() + processingMs,
      statusId: null,
      bytes: Buffer.from(file.data),
    };
    media.set(item.id, item);
    // Images are processed during the request (200); the rest is transcoded later (202, url null).
    return { status: type === 'image' ? 200 : 202, body: mediaJson(item) };
  }

  function createStatus(req: FakeRequest, token: Token): FakeResponse {
    const params = readParams(req);
    if (!params) return error(400, 'Bad Request');
    const key = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : null;
    // The key is remembered per account for an hour after a success; a repeat gets the original back.
    const remembered = key ? idempotencyKeys.get(`${token.accountId}:${key}`) : undefined;
    const original = remembered && remembered.at > Date.now() - idempotencyWindowMs ? [statusById.get(remembered.statusId)].find((s) => s && !s.deletedAt) : undefined;
    if (original) return { status: 200, body: statusJson(original) };

    const text = params.one('status') ?? '';
    const spoilerText = params.one('spoiler_text') ?? '';
    const mediaIds = params.many('media_ids');
    const inReplyToId = params.one('in_reply_to_id') || null;
    const visibility = params.one('visibility') ?? 'public';
    const parent = inReplyToId ? statusById.get(inReplyToId) : undefined;
    if (inReplyToId && !(parent && visible(parent, token))) return notFound();
    if (!(visibilities as readonly string[]).includes(visibility)) return error(422, 'Validation failed: Visibility is not included in the list');
    if (mediaIds.length > maxMediaAttachments) return error(422, `Cannot attach more than ${maxMediaAttachments} files`);
    const attached = mediaIds.map((id) => media.get(id)).filter((m) => m && m.accountId === token.accountId && m.statusId === null) as FakeMedia[];
    const missing = mediaIds.filter((id) => !attached.some((m) => m.id === id));
    if (missing.length) return error(422, `Media ${missing.join(', ')} not found`);
    if (attached.some((m) => !isReady(m))) return error(422, 'Cannot attach files that have not finished processing. Try again in a moment!');
    if (attached.length > 1 && attached.some((m) => m.type !== 'image')) return error(422, 'Cannot attach a video to a post that already contains images');
    if (!text.trim() && !attached.length) return error(422, "Validation failed: Text can't be blank");
    const maxCharacters = options.maxCharacters ?? 500;
    if (countableLength(spoilerText + text) > maxCharacters) return error(422, `Validation failed: Text character limit of ${maxCharacters} exceeded`);

    const status: FakeStatus = {
      id: nextStatusId(),
      accountId: token.accountId,
      text,
      inReplyToId,
      mediaIds: attached.map((m) => m.id),
      visibility: visibility as FakeStatus['visibility'],
      spoilerText,
      // A content warning makes the post sensitive, as in Mastodon.
      sensitive: truthy(params.one('sensitive')) || spoilerText !== '',
      language: params.one('language') || 'en',
      idempotencyKey: key,
      createdAt: new Date(),
      deletedAt: null,
    };
    statuses.push(status);
    statusById.set(status.id, status);
    if (status.inReplyToId) repliesTo.set(status.inReplyToId, [...(repliesTo.get(status.inReplyToId) ?? []), status]);
    for (const m of attached) m.statusId = status.id;
    if (key) idempotencyKeys.set(`${token.accountId}:${key}`, { statusId: status.id, at: Date.now() });
    return { status: 200, body: statusJson(status) };
  }

  function accountStatuses(req: FakeRequest, accountId: string): FakeResponse {
    const viewer = optionalToken(req);
    if (isAnswer(viewer)) return viewer;
    if (!accounts.has(accountId)) return notFound();
    const limit = Math.min(40, Math.max(1, Number(req.query.get('limit')) || 20));
    const maxId = req.query.get('max_id');
    const sinceId = req.query.get('since_id');
    const minId = req.query.get('min_id');
    let list = statuses
      .filter((s) => s.accountId === accountId && visible(s, viewer))
      .filter((s) => (!maxId || BigInt(s.id) < BigInt(maxId)) && (!sinceId || BigInt(s.id) > BigInt(sinceId)) && (!minId || BigInt(s.id) > BigInt(minId)))
      .sort(byId);
    // min_id pages forward (the statuses right after it), the others backward from the newest.
    list = minId ? list.slice(0, limit) : list.slice(-limit);
    return { status: 200, body: list.reverse().map(statusJson) };
  }

  function route(req: FakeRequest): FakeResponse {
    const b = req.body;
    if (req.method === 'GET' && req.path === '/api/v2/instance') {
      return {
        status: 200,
        body: {
          domain,
          title: 'Fake Mastodon',
          version: '4.3.0',
          configuration: {
            urls: { streaming: `wss://${domain}` },
            statuses: { max_characters: options.maxCharacters ?? 500, max_media_attachments: maxMediaAttachments, characters_reserved_per_url: charactersReservedPerUrl },
            media_attachments: {
              supported_mime_types: supportedMimeTypes,
              description_limit: descriptionLimit,
              image_size_limit: imageSizeLimit,
              image_matrix_limit: 33_177_600,
              video_size_limit: videoSizeLimit,
              video_frame_rate_limit: 120,
              video_matrix_limit: 8_294_400,
            },
          },
        },
      };
    }
    if (req.method === 'POST' && req.path === '/api/v1/apps') {
      if (!b.client_name || !b.redirect_uris) return error(422, "Validation failed: Application name can't be blank, Redirect URI can't be blank");
      const app: App = {
        clientId: crypto.randomBytes(16).toString('base64url'),
        clientSecret: crypto.randomBytes(24).toString('base64url'),
        redirectUris: String(b.redirect_uris).split(/[\s,]+/).filter(Boolean),
        scopes: (b.scopes ?? 'read').split(' '),
        name: b.client_name,
      };
      apps.push(app);
      return { status: 200, body: { id: String(apps.length), name: app.name, website: b.website ?? null, scopes: app.scopes, redirect_uri: app.redirectUris.join('\n'), redirect_uris: app.redirectUris, client_id: app.clientId, client_secret: app.clientSecret, client_secret_expires_at: 0 } };
    }
    if (req.method === 'GET' && req.path === '/oauth/authorize') return authorizePage(req.query);
    if (req.method === 'POST' && req.path === '/oauth/authorize/decision') {
      return { status: 302, redirect: decide({ clientId: b.client_id!, redirectUri: b.redirect_uri!, scope: b.scope ?? 'read', state: b.state ?? '', challenge: b.code_challenge || undefined, deny: b.decision === 'deny' }) };
    }
    if (req.method === 'POST' && req.path === '/oauth/token') {
      const app = apps.find((a) => a.clientId === b.client_id && a.clientSecret === b.client_secret);
      if (!app) return error(401, 'invalid_client', 'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.');
      const code = codes.get(b.code ?? '');
      if (b.grant_type !== 'authorization_code') return error(400, 'unsupported_grant_type');
      if (!code || code.used || code.expiresAt < Date.now() || code.clientId !== app.clientId || code.redirectUri !== b.redirect_uri) {
        return error(400, 'invalid_grant', 'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.');
      }
      if (code.challenge && crypto.createHash('sha256').update(b.code_verifier ?? '').digest('base64url') !== code.challenge) return error(400, 'invalid_grant', 'code_verifier does not match');
      code.used = true;
      const token: Token = { token: crypto.randomBytes(32).toString('base64url'), clientId: app.clientId, accountId: account.id, scopes: code.scopes, revoked: false };
      tokens.push(token);
      return { status: 200, body: { access_token: token.token, token_type: 'Bearer', scope: token.scopes.join(' '), created_at: Math.floor(Date.now() / 1000) } };
    }
    if (req.method === 'POST' && req.path === '/oauth/revoke') {
      const app = apps.find((a) => a.clientId === b.client_id && a.clientSecret === b.client_secret);
      if (!app) return error(401, 'invalid_client');
      const token = tokens.find((t) => t.token === b.token);
      if (token && token.clientId !== app.clientId) return error(403, 'unauthorized_client', 'You are not authorized to revoke this token');
      if (token) {
        token.revoked = true;
        revocations.push(token.token);
      }
      return { status: 200, body: {} };
    }
    if (req.method === 'GET' && req.path === '/api/v1/accounts/verify_credentials') {
      const token = bearer(req);
      if (!token) return error(401, 'The access token is invalid');
      return { status: 200, body: { ...accountJson(accounts.get(token.accountId)!), source: { privacy: 'public', sensitive: false, language: 'en', note: '' } } };
    }
    if (req.method === 'POST' && req.path === '/api/v2/media') return uploadMedia(req);
    const mediaId = /^\/api\/v1\/media\/([^/]+)$/.exec(req.path)?.[1];
    if (req.method === 'GET' && mediaId) {
      const token = requireToken(req, 'write:media');
      if (isAnswer(token)) return token;
      // Only the owner's files that are not attached yet, as in Mastodon.
      const item = media.get(mediaId);
      if (!item || item.accountId !== token.accountId || item.statusId) return notFound();
      return { status: isReady(item) ? 200 : 206, body: mediaJson(item) };
    }
    const file = /^\/system\/media_attachments\/([^/]+)\/original$/.exec(req.path)?.[1];
    if (req.method === 'GET' && file) {
      const item = media.get(file);
      if (!item || !isReady(item)) return { status: 404, html: '<h1>Not Found</h1>' };
      return { status: 200, headers: { 'content-type': item.mimeType }, raw: item.bytes };
    }
    if (req.method === 'POST' && req.path === '/api/v1/statuses') {
      const token = requireToken(req, 'write:statuses');
      return isAnswer(token) ? token : createStatus(req, token);
    }
    const statusId = /^\/api\/v1\/statuses\/(\d+)$/.exec(req.path)?.[1];
    if (statusId && req.method === 'GET') {
      const viewer = optionalToken(req);
      if (isAnswer(viewer)) return viewer;
      const status = statusById.get(statusId);
      return status && visible(status, viewer) ? { status: 200, body: statusJson(status) } : notFound();
    }
    if (statusId && req.method === 'DELETE') {
      const token = requireToken(req, 'write:statuses');
      if (isAnswer(token)) return token;
      const found = statusById.get(statusId);
      const status = found && found.accountId === token.accountId && !found.deletedAt ? found : undefined;
      if (!status) return notFound();
      status.deletedAt = new Date();
      // The answer carries the source text, so that clients can offer "delete and redraft".
      return { status: 200, body: { ...statusJson(status), text: status.text } };
    }
    const accountId = /^\/api\/v1\/accounts\/(\d+)\/statuses$/.exec(req.path)?.[1];
    if (accountId && req.method === 'GET') return accountStatuses(req, accountId);
    return notFound();
  }

  const server = await startFakeServer(
    (req): FakeResponse => {
      if (notMastodon) return { status: 404, html: '<h1>Not Found</h1>' };
      if (!req.path.startsWith('/api/')) return route(req);
      const token = bearer(req);
      const who = token?.token ?? 'anonymous';
      if (req.method === 'POST' && req.path === '/api/v1/statuses' && token && options.statusLimit) {
        const window = hit(`statuses:${who}`, options.statusLimit.windowMs);
        const headers = rateHeaders(options.statusLimit, window);
        if (window.count > options.statusLimit.max) return { ...error(429, 'Too many requests'), headers };
        // With overlapping limits, the headers describe the closest one.
        const answer = route(req);
        return { ...answer, headers: { ...answer.headers, ...headers } };
      }
      const answer = route(req);
      return { ...answer, headers: { ...answer.headers, ...rateHeaders(apiLimit, hit(`api:${who}`, apiLimit.windowMs)) } };
    },
    { latencyMs: typeof options.latencyMs === 'number' ? () => options.latencyMs as number : options.latencyMs },
  );
  domain = server.url.replace(/^https?:\/\//, '');
  origin = server.url;

  return {
    ...server,
    /** The instance "domain" as a user types it (host:port for a loopback fake). */
    domain,
    apps,
    revocations,
    /** Every status created, in order (deleted ones keep `deletedAt`): tests count creations here. */
    statuses: statuses as readonly FakeStatus[],
    creations: () => statuses.length,
    media: () => [...media.values()].map(({ bytes: _bytes, ...item }) => item),
    tokens: () => tokens.map((t) => ({ ...t })),
    isRevoked: (token: string) => revocations.includes(token),
    /** The user removes Herald from "Authorized apps": the token stops working (not a revocation Herald made). */
    revokeToken(token: string) {
      for (const t of tokens) if (t.token === token) t.revoked = true;
    },
    /** A token as if the user had connected through OAuth, for tests that only publish; another account is created on first use. */
    issueToken(scopes: string[] = ['read', 'write'], forAccount: MastodonAccount = account) {
      if (!accounts.has(forAccount.id)) accounts.set(forAccount.id, forAccount);
      const token: Token = { token: crypto.randomBytes(32).toString('base64url'), clientId: null, accountId: forAccount.id, scopes, revoked: false };
      tokens.push(token);
      return token.token;
    },
    /** The next status created gets this id (Mastodon ids are numeric strings of up to 19 digits). */
    setNextStatusId(id: string) {
      chosenStatusId = id;
    },
    /** People follow the account (or leave): its followers_count as verify_credentials shows it. */
    setFollowers(count: number, forAccount: MastodonAccount = account) {
      (accounts.get(forAccount.id) ?? forAccount).followers = count;
    },
    /**
     * A public status the account already has, stored without a request: benchmarks seed 100,000
     * of them (through POST /api/v1/statuses that alone took minutes), then read them over HTTP.
     */
    seedStatus(accountId: string, text: string): FakeStatus {
      if (!accounts.has(accountId)) throw new Error(`no account ${accountId}`);
      const status: FakeStatus = { id: nextId(), accountId, text, inReplyToId: null, mediaIds: [], visibility: 'public', spoilerText: '', sensitive: false, language: 'en', idempotencyKey: null, createdAt: new Date(), deletedAt: null };
      statuses.push(status);
      statusById.set(status.id, status);
      return status;
    },
    /** People favourite, boost and quote a status: its counters go up as the instance would show them. */
    engage(statusId: string, counts: { favourites?: number; reblogs?: number; quotes?: number }) {
      const status = statusById.get(statusId);
      if (!status) throw new Error(`no status ${statusId}`);
      Object.assign(status, counts);
    },
    /** Someone deletes the status at the instance (not through Herald). */
    deleteStatus(statusId: string) {
      const status = statusById.get(statusId);
      if (status) status.deletedAt = new Date();
    },
    setNotMastodon(value: boolean) {
      notMastodon = value;
    },
    /** Statuses are answered with this `url` from now on (null: their real address again). */
    answerStatusUrl(url: string | null) {
      answeredStatusUrl = url;
    },
    /** What clicking Authorize (or Deny) on the consent page returns: the redirect back. */
    authorize(authorizeUrl: string, choice: { deny?: boolean } = {}) {
      const q = new URL(authorizeUrl).searchParams;
      return decide({ clientId: q.get('client_id')!, redirectUri: q.get('redirect_uri')!, scope: q.get('scope') ?? 'read', state: q.get('state') ?? '', challenge: q.get('code_challenge') ?? undefined, ...choice });
    },
  };
}

export type MastodonFake = Awaited<ReturnType<typeof startMastodonFake>>;
