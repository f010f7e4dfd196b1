import crypto from 'node:crypto';
import { escapeHtml, startFakeServer, type FakeRequest, type FakeResponse, type Injected } from '../http.ts';
import { firstUnescapedReserved, readLittleText } from '../../../src/networks/linkedin/little-text.ts';

// A local LinkedIn following shared/providers.md §5: the OAuth 2.0 authorization page (the member
// cannot untick scopes; an app lacking a product is refused with unauthorized_scope_error), the
// token endpoint (authorization code and refresh grants, 60-day access tokens, refresh tokens
// valid 365 days from the first authorisation that a refresh does not extend), revoke and
// introspection, the OpenID userinfo, organizationalEntityAcls with the organisation projection,
// organizations, images / videos / documents initializeUpload, single-request uploads, multi-part
// video uploads whose ETags finalizeUpload checks, processing then AVAILABLE (status readable only
// for a Page's media, as LinkedIn hides a member's), posts created with the URN in `x-restli-id`,
// little text that is cut at the first unescaped reserved character (as LinkedIn may do), the
// 3,000-character limit, duplicate refusal (422) of identical commentary within a window, posts
// listed by author (Pages only: a member's need r_member_social), comments, Page share
// statistics, member post analytics and social metadata, LinkedIn's error envelope, 426 for a
// sunset LinkedIn-Version, and one-shot failures injected by path.
//
// What it does not do: polls, reshares, article scraping (LinkedIn does none either), captions and
// video thumbnails, deletion, upload URL expiry, daily quotas (429 only when injected),
// follower and page statistics, webhooks.

export type LinkedInMember = { id: string; name: string; givenName: string; familyName: string; picture: string; email: string };
export type LinkedInOrganization = { id: string; name: string; vanityName: string; logo: string; roles: Record<string, string>; followers?: number };

export type LinkedInFakeOptions = {
  clientId?: string;
  clientSecret?: string;
  members?: LinkedInMember[];
  organizations?: LinkedInOrganization[];
  /** Scopes the app's products grant; asking for others fails the sign-in. */
  appScopes?: string[];
  /** Whether the app was approved for programmatic refresh (refresh tokens). */
  refreshTokens?: boolean;
  /** Video and document processing time after upload. */
  processingMs?: { video?: number; document?: number };
  /** The size of a video upload part (4 MB at LinkedIn). */
  partSize?: number;
  /** Identical commentary from one author within this window is refused as a duplicate. */
  duplicateWindowMs?: number;
  /** LinkedIn-Version values answered with 426. */
  sunsetVersions?: string[];
};

type Token = { token: string; memberId: string; scopes: Set<string>; expiresAt: number; revoked: boolean; rejected: boolean };
type RefreshToken = { token: string; memberId: string; scopes: string[]; expiresAt: number };
type MediaKind = 'image' | 'video' | 'document';
export type FakeAsset = {
  urn: string;
  kind: MediaKind;
  owner: string;
  size: number | null;
  bytes: Buffer | null;
  parts: { first: number; last: number; etag: string | null; bytes: Buffer | null }[];
  uploadToken: string;
  finalized: boolean;
  readyAt: number | null;
};
export type FakeLinkedInPost = {
  urn: string;
  author: string;
  commentary: string;
  /** What a reader sees: escapes removed, mentions as names (cut where LinkedIn would cut). */
  text: string;
  mentions: { name: string; urn: string }[];
  hashtags: string[];
  visibility: string;
  content: Record<string, unknown> | null;
  createdAt: number;
  stats: { impressionCount: number; uniqueImpressionsCount: number; clickCount: number; likeCount: number; commentCount: number; shareCount: number };
};
export type FakeComment = { urn: string; object: string; actor: string; text: string; createdAt: number };

const DAY = 86_400_000;
const ACCESS_TTL_S = 60 * 86_400;
const REFRESH_TTL_S = 365 * 86_400;

const envelope = (status: number, message: string, extra: { code?: string; serviceErrorCode?: number } = {}): FakeResponse => ({ status, body: { status, ...extra, message } });
const accessDenied = (method: string, path: string) => envelope(403, `Not enough permissions to access: ${method} ${path}`, { code: 'ACCESS_DENIED', serviceErrorCode: 100 });
const unprocessable = (message: string) => envelope(422, message);
const randomDigits = (n: number) => Array.from(crypto.randomBytes(n), (b) => String(b % 10)).join('').replace(/^0/, '7');

export async function startLinkedInFake(options: LinkedInFakeOptions = {}) {
  const clientId = options.clientId ?? '86linkedinclient';
  const clientSecret = options.clientSecret ?? 'linkedin-client-secret';
  const members: LinkedInMember[] = options.members ?? [
    { id: 'yrZCpj2Z12', name: 'Hera Herald', givenName: 'Hera', familyName: 'Herald', picture: 'https://media.licdn.example/hera.jpg', email: 'hera@example.org' },
    { id: 'Ari4Kq9Lm0', name: 'Ari Bakker', givenName: 'Ari', familyName: 'Bakker', picture: 'https://media.licdn.example/ari.jpg', email: 'ari@example.org' },
  ];
  const organizations: LinkedInOrganization[] = options.organizations ?? [
    { id: '2414183', name: 'Herald Bakery', vanityName: 'herald-bakery', logo: 'https://media.licdn.example/bakery.png', roles: { yrZCpj2Z12: 'ADMINISTRATOR', Ari4Kq9Lm0: 'ADMINISTRATOR' } },
    { id: '5120077', name: 'Herald Analysts', vanityName: 'herald-analysts', logo: 'https://media.licdn.example/analysts.png', roles: { yrZCpj2Z12: 'ANALYST' } },
  ];
  let appScopes = new Set(options.appScopes ?? ['openid', 'profile', 'email', 'w_member_social', 'rw_organization_admin', 'w_organization_social', 'r_organization_social', 'r_member_postAnalytics']);
  const issueRefresh = options.refreshTokens ?? true;
  const processing = { video: 300, document: 100, ...options.processingMs };
  const partSize = options.partSize ?? 4 * 1024 * 1024;
  const duplicateWindowMs = options.duplicateWindowMs ?? 10 * 60_000;
  const sunset = new Set(options.sunsetVersions ?? ['202406', '202506']);

  let currentMember = members[0]!.id;
  const codes = new Map<string, { memberId: string; scopes: string[]; redirectUri: string; expiresAt: number; used: boolean }>();
  const tokens = new Map<string, Token>();
  const refreshTokens = new Map<string, RefreshToken>();
  const revocations: string[] = [];
  const assets = new Map<string, FakeAsset>();
  const posts: FakeLinkedInPost[] = [];
  const comments: FakeComment[] = [];
  const nextIds: string[] = [];
  const withdrawn = new Map<string, Set<string>>();
  let refuseNext: string | null = null;
  /** A one-shot failure of the next upload of this video part (by index), whatever the video. */
  const partFailures = new Map<number, Injected>();

  const memberOf = (id: string) => members.find((m) => m.id === id);
  const orgOf = (urn: string) => organizations.find((o) => `urn:li:organization:${o.id}` === urn);
  const personUrn = (id: string) => `urn:li:person:${id}`;

  // ---- OAuth ---------------------------------------------------------------------------------

  function decide(q: URLSearchParams, deny: boolean): string {
    const target = new URL(q.get('redirect_uri') ?? '');
    const state = q.get('state') ?? '';
    const scopes = (q.get('scope') ?? '').split(/\s+/).filter(Boolean);
    if (deny) target.search = new URLSearchParams({ error: 'user_cancelled_authorize', error_description: 'The user cancelled the authorization', state }).toString();
    else if (scopes.some((s) => !appScopes.has(s))) {
      target.search = new URLSearchParams({ error: 'unauthorized_scope_error', error_description: `Scope "${scopes.find((s) => !appScopes.has(s))}" is not authorized for your application`, state }).toString();
    } else {
      const code = crypto.randomBytes(24).toString('base64url');
      codes.set(code, { memberId: currentMember, scopes, redirectUri: q.get('redirect_uri') ?? '', expiresAt: Date.now() + 30 * 60_000, used: false });
      target.search = new URLSearchParams({ code, state }).toString();
    }
    return target.toString();
  }

  function authorizationPage(q: URLSearchParams): FakeResponse {
    if (q.get('client_id') !== clientId) return { status: 400, html: '<h1>Invalid client_id</h1>' };
    if (q.get('response_type') !== 'code' || !q.get('redirect_uri')) return { status: 400, html: '<h1>Invalid request</h1>' };
    const hidden = ['client_id', 'redirect_uri', 'state', 'scope', 'response_type'].map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(q.get(k) ?? '')}">`).join('');
    const scopes = (q.get('scope') ?? '').split(/\s+/).filter(Boolean);
    return {
      status: 200,
      html: `<!doctype html><title>LinkedIn (fake)</title><h1>Herald would like to access your LinkedIn account</h1><p>Signed in as ${escapeHtml(memberOf(currentMember)!.name)}</p><ul>${scopes.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul><form method="post" action="/oauth/v2/authorization/decision">${hidden}<button name="decision" value="allow">Allow</button> <button name="decision" value="cancel">Cancel</button></form>`,
    };
  }

  function issue(memberId: string, scopes: string[], refreshExpiresAt: number | null) {
    const access: Token = { token: `AQV${crypto.randomBytes(24).toString('base64url')}`, memberId, scopes: new Set(scopes), expiresAt: Date.now() + ACCESS_TTL_S * 1000, revoked: false, rejected: false };
    tokens.set(access.token, access);
    const answer: Record<string, unknown> = { access_token: access.token, expires_in: ACCESS_TTL_S, scope: scopes.join(',') };
    if (issueRefresh) {
      // A refresh gives a new refresh token value, but its life still ends 365 days after the first consent.
      const expiresAt = refreshExpiresAt ?? Date.now() + REFRESH_TTL_S * 1000;
      const refresh: RefreshToken = { token: `AQX${crypto.randomBytes(24).toString('base64url')}`, memberId, scopes, expiresAt };
      refreshTokens.set(refresh.token, refresh);
      Object.assign(answer, { refresh_token: refresh.token, refresh_token_expires_in: Math.round((expiresAt - Date.now()) / 1000) });
    }
    return answer;
  }

  function tokenEndpoint(req: FakeRequest): FakeResponse {
    const b = req.body;
    if (b.client_id !== clientId || b.client_secret !== clientSecret) return { status: 401, body: { error: 'invalid_client', error_description: 'Client authentication failed' } };
    if (b.grant_type === 'authorization_code') {
      if (!b.code) return { status: 400, body: { error: 'invalid_request', error_description: 'A required parameter "code" is missing' } };
      const pending = codes.get(b.code);
      if (!pending || pending.used || pending.expiresAt < Date.now()) return { status: 400, body: { error: 'invalid_request', error_description: 'Unable to retrieve access token: authorization code not found' } };
      if (pending.redirectUri !== b.redirect_uri) return { status: 400, body: { error: 'invalid_redirect_uri', error_description: 'Unable to retrieve access token: appid/redirect uri/code verifier does not match authorization code' } };
      pending.used = true;
      return { status: 200, body: issue(pending.memberId, pending.scopes, null) };
    }
    if (b.grant_type === 'refresh_token') {
      const refresh = refreshTokens.get(b.refresh_token ?? '');
      if (!refresh || refresh.expiresAt < Date.now()) return { status: 400, body: { error: 'invalid_request', error_description: 'The provided authorization grant or refresh token is invalid, expired or revoked' } };
      return { status: 200, body: issue(refresh.memberId, refresh.scopes, refresh.expiresAt) };
    }
    return { status: 400, body: { error: 'unsupported_grant_type', error_description: 'grant_type must be authorization_code or refresh_token' } };
  }

  function revoke(req: FakeRequest): FakeResponse {
    const b = req.body;
    if (b.client_id !== clientId || b.client_secret !== clientSecret) return { status: 401, body: { error: 'invalid_client', error_description: 'Client authentication failed' } };
    const token = tokens.get(b.token ?? '');
    if (!token) return { status: 400, body: { error: 'invalid_request', error_description: 'The token is invalid, expired or revoked' } };
    token.revoked = true;
    revocations.push(token.memberId);
    return { status: 200, raw: '' };
  }

  function introspect(req: FakeRequest): FakeResponse {
    const b = req.body;
    if (b.client_id !== clientId) return { status: 400, body: { error: 'invalid_request', error_description: 'Invalid client id' } };
    if (b.client_secret !== clientSecret) return { status: 401, body: { error: 'invalid_client', error_description: 'Client authentication failed' } };
    const token = tokens.get(b.token ?? '');
    if (!token) return { status: 400, body: { error: 'invalid_request', error_description: 'Invalid token' } };
    const status = token.revoked ? 'revoked' : token.expiresAt < Date.now() ? 'expired' : 'active';
    return { status: 200, body: { active: status === 'active', status, scope: [...token.scopes].join(','), client_id: clientId, expires_at: Math.round(token.expiresAt / 1000), auth_type: '3L' } };
  }

  // ---- API checks ----------------------------------------------------------------------------

  type Checked = { token: Token } | { response: FakeResponse };
  function authenticate(req: FakeRequest, rest: boolean): Checked {
    if (rest) {
      const version = String(req.headers['linkedin-version'] ?? '');
      if (!version) return { response: envelope(400, 'A version must be present. Please specify a version by adding the LinkedIn-Version header.', { code: 'VERSION_MISSING' }) };
      if (sunset.has(version)) return { response: envelope(426, `Requested version ${version} is not active`, { code: 'NONEXISTENT_VERSION' }) };
      if (req.headers['x-restli-protocol-version'] !== '2.0.0') return { response: envelope(400, 'X-Restli-Protocol-Version 2.0.0 is required by this fake', { code: 'ILLEGAL_ARGUMENT' }) };
    }
    const bearer = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
    const token = tokens.get(bearer ?? '');
    if (!token || token.rejected || token.expiresAt < Date.now()) return { response: envelope(401, token && token.expiresAt < Date.now() ? 'Expired access token' : 'Invalid access token', { code: 'INVALID_ACCESS_TOKEN', serviceErrorCode: 65600 }) };
    if (token.revoked) return { response: envelope(401, 'The token has been revoked', { code: 'REVOKED_ACCESS_TOKEN', serviceErrorCode: 65601 }) };
    return { token };
  }
  const granted = (token: Token, scope: string) => token.scopes.has(scope) && !withdrawn.get(token.memberId)?.has(scope);
  /** May this token act as `author` (its own member, or a Page it administers with the Page scope)? */
  function mayWriteAs(token: Token, author: string): boolean {
    if (author === personUrn(token.memberId)) return granted(token, 'w_member_social');
    const org = orgOf(author);
    return Boolean(org && ['ADMINISTRATOR', 'CONTENT_ADMINISTRATOR', 'DIRECT_SPONSORED_CONTENT_POSTER'].includes(org.roles[token.memberId] ?? '') && granted(token, 'w_organization_social'));
  }
  function mayReadAs(token: Token, author: string): boolean {
    const org = orgOf(author);
    return Boolean(org && org.roles[token.memberId] && granted(token, 'r_organization_social'));
  }

  // ---- Reading -------------------------------------------------------------------------------

  function userinfo(req: FakeRequest): FakeResponse {
    const auth = authenticate(req, false);
    if ('response' in auth) return auth.response;
    if (!granted(auth.token, 'openid') || !granted(auth.token, 'profile')) return accessDenied('GET', '/userinfo');
    const m = memberOf(auth.token.memberId)!;
    return { status: 200, body: { sub: m.id, name: m.name, given_name: m.givenName, family_name: m.familyName, picture: m.picture, locale: { country: 'US', language: 'en' }, ...(granted(auth.token, 'email') ? { email: m.email, email_verified: true } : {}) } };
  }

  const orgBody = (o: LinkedInOrganization) => ({ id: Number(o.id), localizedName: o.name, vanityName: o.vanityName, logoV2: { original: `urn:li:digitalmediaAsset:${o.id}`, 'original~': { elements: [{ identifiers: [{ identifier: o.logo }] }] } } });

  function acls(req: FakeRequest): FakeResponse {
    const auth = authenticate(req, false);
    if ('response' in auth) return auth.response;
    if (!granted(auth.token, 'rw_organization_admin')) return accessDenied('GET', '/organizationalEntityAcls');
    if (req.query.get('q') !== 'roleAssignee') return envelope(400, 'q must be roleAssignee', { code: 'ILLEGAL_ARGUMENT' });
    const expand = (req.query.get('projection') ?? '').includes('organizationalTarget~');
    const elements = organizations
      .filter((o) => o.roles[auth.token.memberId])
      .map((o) => ({ organizationalTarget: `urn:li:organization:${o.id}`, role: o.roles[auth.token.memberId], state: 'APPROVED', roleAssignee: personUrn(auth.token.memberId), ...(expand ? { 'organizationalTarget~': orgBody(o) } : {}) }));
    return { status: 200, body: { elements, paging: { count: 10, start: 0, total: elements.length } } };
  }

  function organization(req: FakeRequest, id: string): FakeResponse {
    const auth = authenticate(req, true);
    if ('response' in auth) return auth.response;
    const org = orgOf(`urn:li:organization:${id}`);
    if (!org) return envelope(404, `Organization ${id} not found`, { code: 'NOT_FOUND' });
    if (!granted(auth.token, 'rw_organization_admin') || !org.roles[auth.token.memberId]) return accessDenied('GET', `/organizations/${id}`);
    return { status: 200, body: orgBody(org) };
  }

  // ---- Media ---------------------------------------------------------------------------------

  function initializeUpload(req: FakeRequest, kind: MediaKind): FakeResponse {
    const auth = authenticate(req, true);
    if ('response' in auth) return auth.response;
    const request = (req.body as unknown as { initializeUploadRequest?: { owner?: string; fileSizeBytes?: number } }).initializeUploadRequest;
    const owner = request?.owner ?? '';
    if (!owner) return unprocessable('ERROR :: /initializeUploadRequest/owner :: field is required but not found and has no default value');
    if (!mayWriteAs(auth.token, owner)) return accessDenied('POST', `/${kind}s`);
    const id = `${kind === 'image' ? 'D4' : kind === 'video' ? 'D5' : 'D4E'}${crypto.randomBytes(9).toString('base64url')}`;
    const urn = `urn:li:${kind}:${id}`;
    const asset: FakeAsset = { urn, kind, owner, size: null, bytes: null, parts: [], uploadToken: '', finalized: kind !== 'video', readyAt: null };
    const expiresAt = Date.now() + DAY;
    if (kind === 'video') {
      const size = Number(request?.fileSizeBytes);
      if (!Number.isInteger(size) || size <= 0) return unprocessable('ERROR :: /initializeUploadRequest/fileSizeBytes :: field is required but not found and has no default value');
      asset.size = size;
      for (let first = 0; first < size; first += partSize) asset.parts.push({ first, last: Math.min(size, first + partSize) - 1, etag: null, bytes: null });
      asset.uploadToken = crypto.randomBytes(12).toString('hex');
      assets.set(urn, asset);
      return {
        status: 200,
        body: {
          value: {
            uploadUrlsExpireAt: expiresAt,
            video: urn,
            uploadInstructions: asset.parts.map((p, i) => ({ uploadUrl: `${server.url}/upload/${encodeURIComponent(urn)}/${i}`, firstByte: p.first, lastByte: p.last })),
            uploadToken: asset.uploadToken,
          },
        },
      };
    }
    assets.set(urn, asset);
    return { status: 200, body: { value: { uploadUrlExpiresAt: expiresAt, uploadUrl: `${server.url}/upload/${encodeURIComponent(urn)}`, [kind]: urn } } };
  }

  function receiveUpload(req: FakeRequest, urn: string, part: string | undefined): FakeResponse {
    const auth = authenticate(req, false);
    if ('response' in auth) return auth.response;
    const asset = assets.get(urn);
    if (!asset) return envelope(404, 'Upload not found', { code: 'NOT_FOUND' });
    if (asset.kind === 'video') {
      const p = asset.parts[Number(part)];
      if (!p) return envelope(400, 'Unknown upload part', { code: 'ILLEGAL_ARGUMENT' });
      const failure = partFailures.get(Number(part));
      if (failure) {
        partFailures.delete(Number(part));
        return { status: failure.status ?? 500, body: failure.body ?? { status: 500, message: 'Internal Server Error' } };
      }
      if (req.raw.length !== p.last - p.first + 1) return envelope(400, `Part ${part} must be ${p.last - p.first + 1} bytes, got ${req.raw.length}`, { code: 'ILLEGAL_ARGUMENT' });
      p.bytes = Buffer.from(req.raw);
      p.etag = `/ambry-video/signedId/${crypto.createHash('sha1').update(req.raw).digest('hex')}`;
      return { status: 201, headers: { etag: p.etag }, raw: '' };
    }
    asset.bytes = Buffer.from(req.raw);
    asset.size = req.raw.length;
    // Images are ready at once; documents are processed first.
    asset.readyAt = Date.now() + (asset.kind === 'document' ? processing.document : 0);
    return { status: 201, headers: { etag: `"${crypto.createHash('md5').update(req.raw).digest('hex')}"` }, raw: '' };
  }

  function finalizeVideo(req: FakeRequest): FakeResponse {
    const auth = authenticate(req, true);
    if ('response' in auth) return auth.response;
    const request = (req.body as unknown as { finalizeUploadRequest?: { video?: string; uploadToken?: string; uploadedPartIds?: string[] } }).finalizeUploadRequest;
    const asset = assets.get(request?.video ?? '');
    if (!asset || asset.kind !== 'video') return unprocessable('ERROR :: /finalizeUploadRequest/video :: unknown video');
    if (!mayWriteAs(auth.token, asset.owner)) return accessDenied('POST', '/videos');
    if ((request?.uploadToken ?? '') !== asset.uploadToken) return envelope(400, 'Invalid upload token', { code: 'ILLEGAL_ARGUMENT' });
    const etags = request?.uploadedPartIds ?? [];
    if (asset.parts.some((p) => !p.etag)) return envelope(400, 'Not every part of the video was uploaded', { code: 'ILLEGAL_ARGUMENT' });
    if (etags.length !== asset.parts.length || asset.parts.some((p, i) => p.etag !== etags[i])) return envelope(400, 'uploadedPartIds do not match the uploaded parts', { code: 'ILLEGAL_ARGUMENT' });
    asset.bytes = Buffer.concat(asset.parts.map((p) => p.bytes!));
    asset.finalized = true;
    asset.readyAt = Date.now() + processing.video;
    return { status: 200, raw: '' };
  }

  const statusOf = (asset: FakeAsset) => (!asset.finalized || asset.readyAt === null ? 'WAITING_UPLOAD' : Date.now() >= asset.readyAt ? 'AVAILABLE' : 'PROCESSING');

  function readAsset(req: FakeRequest, kind: MediaKind, urn: string): FakeResponse {
    const auth = authenticate(req, true);
    if ('response' in auth) return auth.response;
    const asset = assets.get(urn);
    if (!asset || asset.kind !== kind) return envelope(404, `${kind} ${urn} not found`, { code: 'NOT_FOUND' });
    // A member's token writes media but may not read it back; a Page's may.
    if (!mayReadAs(auth.token, asset.owner)) return accessDenied('GET', `/${kind}s/${urn}`);
    return { status: 200, body: { id: urn, owner: asset.owner, status: statusOf(asset), ...(kind === 'video' ? { duration: 0 } : {}) } };
  }

  // ---- Posts ---------------------------------------------------------------------------------

  function mediaProblem(author: string, content: Record<string, unknown> | undefined): string | null {
    if (!content) return null;
    const check = (urn: unknown, path: string): string | null => {
      const asset = assets.get(String(urn ?? ''));
      if (!asset) return `ERROR :: ${path} :: ${String(urn)} is not an uploaded asset`;
      if (asset.owner !== author) return `ERROR :: ${path} :: the asset's owner is not the post's author`;
      if (statusOf(asset) !== 'AVAILABLE') return `ERROR :: ${path} :: the ${asset.kind} is not ready (${statusOf(asset)})`;
      return null;
    };
    const media = content.media as { id?: string; title?: string } | undefined;
    if (media) {
      const problem = check(media.id, '/content/media/id');
      if (problem) return problem;
      if (assets.get(media.id!)!.kind === 'document' && !media.title) return 'ERROR :: /content/media/title :: a document needs a title';
      return null;
    }
    const multi = content.multiImage as { images?: { id?: string }[] } | undefined;
    if (multi) {
      const images = multi.images ?? [];
      if (images.length < 2 || images.length > 20) return 'ERROR :: /content/multiImage/images :: a MultiImage post has 2 to 20 images';
      for (const [i, image] of images.entries()) {
        const problem = check(image.id, `/content/multiImage/images/${i}/id`);
        if (problem) return problem;
        if (assets.get(image.id!)!.kind !== 'image') return `ERROR :: /content/multiImage/images/${i}/id :: not an image`;
      }
      return null;
    }
    const article = content.article as { source?: string; title?: string; thumbnail?: string } | undefined;
    if (article) {
      if (!article.source) return 'ERROR :: /content/article/source :: field is required but not found and has no default value';
      if (!article.title) return 'ERROR :: /content/article/title :: field is required but not found and has no default value';
      return article.thumbnail ? check(article.thumbnail, '/content/article/thumbnail') : null;
    }
    return 'ERROR :: /content :: unsupported content';
  }

  function createPost(req: FakeRequest): FakeResponse {
    const auth = authenticate(req, true);
    if ('response' in auth) return auth.response;
    const b = req.body as unknown as { author?: string; commentary?: string; visibility?: string; content?: Record<string, unknown>; lifecycleState?: string; distribution?: unknown };
    const missing = ['author', 'visibility', 'distribution', 'lifecycleState'].filter((f) => !(b as Record<string, unknown>)[f]);
    if (missing.length) return unprocessable(missing.map((f) => `ERROR :: /${f} :: field is required but not found and has no default value`).join('\n'));
    if (!mayWriteAs(auth.token, b.author!)) return accessDenied('POST', '/rest/posts');
    if (b.lifecycleState !== 'PUBLISHED') return unprocessable('ERROR :: /lifecycleState :: must be PUBLISHED');
    if (!['PUBLIC', 'CONNECTIONS', 'LOGGED_IN'].includes(b.visibility!)) return unprocessable('ERROR :: /visibility :: unknown visibility');
    if (b.visibility === 'CONNECTIONS' && orgOf(b.author!)) return unprocessable('ERROR :: /visibility :: an organization posts publicly');
    if (refuseNext) {
      const message = refuseNext;
      refuseNext = null;
      return unprocessable(message);
    }
    const commentary = b.commentary ?? '';
    // LinkedIn may cut the text at the first reserved character that is not escaped.
    const cutAt = firstUnescapedReserved(commentary);
    const read = readLittleText(cutAt === null ? commentary : commentary.slice(0, cutAt));
    if ([...read.text].length > 3000) return unprocessable('ERROR :: /commentary :: FIELD_LENGTH_TOO_LONG :: length must be at most 3000');
    const problem = mediaProblem(b.author!, b.content);
    if (problem) return unprocessable(problem);
    const earlier = posts.find((p) => p.author === b.author && p.commentary === commentary && commentary.trim() && Date.now() - p.createdAt < duplicateWindowMs);
    if (earlier) return unprocessable(`Content is a duplicate of ${earlier.urn}`);
    const urn = `urn:li:share:${nextIds.shift() ?? randomDigits(19)}`;
    posts.push({
      urn,
      author: b.author!,
      commentary,
      text: read.text,
      mentions: read.mentions,
      hashtags: read.hashtags,
      visibility: b.visibility!,
      content: b.content ?? null,
      createdAt: Date.now(),
      stats: { impressionCount: 0, uniqueImpressionsCount: 0, clickCount: 0, likeCount: 0, commentCount: 0, shareCount: 0 },
    });
    return { status: 201, headers: { 'x-restli-id': urn }, raw: '' };
  }

  function listPosts(req: FakeRequest): FakeResponse {
    const auth = authenticate(req, true);
    if ('response' in auth) return auth.response;
    if (req.query.get('q') !== 'author') return envelope(400, 'q must be author', { code: 'ILLEGAL_ARGUMENT' });
    const author = req.query.get('author') ?? '';
    // Reading a member's posts needs r_member_social, which only partners get: the fake never grants it.
    if (!mayReadAs(auth.token, author)) return accessDenied('GET', '/rest/posts');
    const count = Math.min(100, Number(req.query.get('count') ?? 10) || 10);
    const elements = posts
      .filter((p) => p.author === author)
      .sort((a, b) => b.createdAt - a.createdAt)
      .slice(0, count)
      .map((p) => ({ id: p.urn, author: p.author, commentary: p.commentary, visibility: p.visibility, lifecycleState: 'PUBLISHED', createdAt: p.createdAt, publishedAt: p.createdAt, lastModifiedAt: p.createdAt, ...(p.content ? { content: p.content } : {}) }));
    return { status: 200, body: { elements, paging: { count, start: 0 } } };
  }

  function comment(req: FakeRequest, object: string): FakeResponse {
    const auth = authenticate(req, true);
    if ('response' in auth) return auth.response;
    const b = req.body as unknown as { actor?: string; object?: string; message?: { text?: string } };
    if (!b.actor || !b.message?.text) return unprocessable('ERROR :: /actor :: field is required but not found and has no default value');
    if (!mayWriteAs(auth.token, b.actor)) return accessDenied('POST', '/rest/socialActions/comments');
    const post = posts.find((p) => p.urn === object);
    if (!post) return envelope(404, `${object} not found`, { code: 'NOT_FOUND' });
    const id = randomDigits(16);
    const urn = `urn:li:comment:(${object},${id})`;
    comments.push({ urn, object, actor: b.actor, text: b.message.text, createdAt: Date.now() });
    post.stats.commentCount += 1;
    return { status: 201, headers: { 'x-restli-id': urn }, body: { $URN: urn, actor: b.actor, object, message: b.message } };
  }

  function listComments(req: FakeRequest, object: string): FakeResponse {
    const auth = authenticate(req, true);
    if ('response' in auth) return auth.response;
    const post = posts.find((p) => p.urn === object);
    if (!post) return envelope(404, `${object} not found`, { code: 'NOT_FOUND' });
    if (!mayReadAs(auth.token, post.author)) return accessDenied('GET', '/rest/socialActions/comments');
    return { status: 200, body: { elements: comments.filter((c) => c.object === object).map((c) => ({ $URN: c.urn, actor: c.actor, object: c.object, message: { text: c.text } })) } };
  }

  // ---- Statistics ----------------------------------------------------------------------------

  const listParam = (value: string | null) => (/^List\((.*)\)$/.exec(value ?? '')?.[1] ?? '').split(',').filter(Boolean);

  function shareStatistics(req: FakeRequest): FakeResponse {
    const auth = authenticate(req, false);
    if ('response' in auth) return auth.response;
    const org = req.query.get('organizationalEntity') ?? '';
    if (req.query.get('q') !== 'organizationalEntity' || !orgOf(org)) return envelope(400, 'organizationalEntity must name an organization', { code: 'ILLEGAL_ARGUMENT' });
    if (!mayReadAs(auth.token, org)) return accessDenied('GET', '/organizationalEntityShareStatistics');
    const wanted = [...listParam(req.query.get('shares')), ...listParam(req.query.get('ugcPosts'))];
    const elements = posts
      .filter((p) => p.author === org && wanted.includes(p.urn))
      .map((p) => ({ share: p.urn, organizationalEntity: org, totalShareStatistics: { ...p.stats, engagement: p.stats.impressionCount ? (p.stats.likeCount + p.stats.commentCount + p.stats.shareCount + p.stats.clickCount) / p.stats.impressionCount : 0 } }));
    return { status: 200, body: { elements, paging: { count: 10, start: 0 } } };
  }

  /** A Page's follower count (Organization Lookup API: networkSizes, edgeType COMPANY_FOLLOWED_BY_MEMBER). */
  function networkSize(req: FakeRequest, urn: string): FakeResponse {
    const auth = authenticate(req, true);
    if ('response' in auth) return auth.response;
    const org = orgOf(urn);
    if (!org) return envelope(404, `${urn} not found`, { code: 'NOT_FOUND' });
    if (req.query.get('edgeType') !== 'COMPANY_FOLLOWED_BY_MEMBER') return envelope(400, 'edgeType must be COMPANY_FOLLOWED_BY_MEMBER for an organization', { code: 'ILLEGAL_ARGUMENT' });
    if (!org.roles[auth.token.memberId] || !granted(auth.token, 'rw_organization_admin')) return accessDenied('GET', '/rest/networkSizes');
    return { status: 200, body: { firstDegreeSize: org.followers ?? 0 } };
  }

  function memberAnalytics(req: FakeRequest): FakeResponse {
    const auth = authenticate(req, true);
    if ('response' in auth) return auth.response;
    if (!granted(auth.token, 'r_member_postAnalytics')) return accessDenied('GET', '/rest/memberCreatorPostAnalytics');
    const entity = /^\((?:share|ugc):(.+)\)$/.exec(req.query.get('entity') ?? '')?.[1];
    const post = posts.find((p) => p.urn === entity && p.author === personUrn(auth.token.memberId));
    if (!post) return envelope(404, 'Post not found', { code: 'NOT_FOUND' });
    const counts: Record<string, number> = { IMPRESSION: post.stats.impressionCount, MEMBERS_REACHED: post.stats.uniqueImpressionsCount, REACTION: post.stats.likeCount, COMMENT: post.stats.commentCount, RESHARE: post.stats.shareCount };
    const queryType = req.query.get('queryType') ?? '';
    if (!(queryType in counts)) return envelope(400, 'queryType is not valid', { code: 'ILLEGAL_ARGUMENT' });
    return { status: 200, body: { elements: [{ count: counts[queryType], metricType: { 'com.linkedin.adsexternalapi.memberanalytics.v1.CreatorPostAnalyticsMetricTypeV1': queryType } }] } };
  }

  function socialMetadata(req: FakeRequest, urn: string): FakeResponse {
    const auth = authenticate(req, true);
    if ('response' in auth) return auth.response;
    const post = posts.find((p) => p.urn === urn);
    if (!post) return envelope(404, `${urn} not found`, { code: 'NOT_FOUND' });
    if (!mayReadAs(auth.token, post.author)) return accessDenied('GET', '/rest/socialMetadata');
    return { status: 200, body: { entity: urn, reactionSummaries: { LIKE: { reactionType: 'LIKE', count: post.stats.likeCount } }, commentSummary: { count: post.stats.commentCount, topLevelCount: post.stats.commentCount } } };
  }

  // ---- Routing -------------------------------------------------------------------------------

  const server = await startFakeServer((req) => {
    const { method, path } = req;
    const action = req.query.get('action');
    if (method === 'GET' && path === '/oauth/v2/authorization') return authorizationPage(req.query);
    if (method === 'POST' && path === '/oauth/v2/authorization/decision') return { status: 302, redirect: decide(new URLSearchParams(req.raw.toString('utf8')), req.body.decision !== 'allow') };
    if (method === 'POST' && path === '/oauth/v2/accessToken') return tokenEndpoint(req);
    if (method === 'POST' && path === '/oauth/v2/revoke') return revoke(req);
    if (method === 'POST' && path === '/oauth/v2/introspectToken') return introspect(req);
    if (method === 'GET' && path === '/v2/userinfo') return userinfo(req);
    if (method === 'GET' && path === '/v2/organizationalEntityAcls') return acls(req);
    if (method === 'GET' && path === '/v2/organizationalEntityShareStatistics') return shareStatistics(req);
    const size = /^\/rest\/networkSizes\/([^/]+)$/.exec(path);
    if (method === 'GET' && size) return networkSize(req, decodeURIComponent(size[1]!));
    const upload = /^\/upload\/([^/]+)(?:\/(\d+))?$/.exec(path);
    if (method === 'PUT' && upload) return receiveUpload(req, decodeURIComponent(upload[1]!), upload[2]);
    const kinds: Record<string, MediaKind> = { images: 'image', videos: 'video', documents: 'document' };
    const media = /^\/rest\/(images|videos|documents)(?:\/([^/]+))?$/.exec(path);
    if (media && method === 'POST' && !media[2] && action === 'initializeUpload') return initializeUpload(req, kinds[media[1]!]!);
    if (media && method === 'POST' && media[1] === 'videos' && action === 'finalizeUpload') return finalizeVideo(req);
    if (media && method === 'GET' && media[2]) return readAsset(req, kinds[media[1]!]!, decodeURIComponent(media[2]));
    if (path === '/rest/posts' && method === 'POST') return createPost(req);
    if (path === '/rest/posts' && method === 'GET') return listPosts(req);
    const social = /^\/rest\/socialActions\/([^/]+)\/comments$/.exec(path);
    if (social && method === 'POST') return comment(req, decodeURIComponent(social[1]!));
    if (social && method === 'GET') return listComments(req, decodeURIComponent(social[1]!));
    const metadata = /^\/rest\/socialMetadata\/([^/]+)$/.exec(path);
    if (metadata && method === 'GET') return socialMetadata(req, decodeURIComponent(metadata[1]!));
    const org = /^\/rest\/organizations\/(\d+)$/.exec(path);
    if (org && method === 'GET') return organization(req, org[1]!);
    if (path === '/rest/memberCreatorPostAnalytics' && method === 'GET') return memberAnalytics(req);
    return envelope(404, `No resource found for ${method} ${path}`, { code: 'NOT_FOUND' });
  });

  return {
    ...server,
    clientId,
    clientSecret,
    members,
    organizations,
    /** What clicking Allow (or Cancel) on the authorization page returns. */
    authorize(authorizeUrl: string, choice: { deny?: boolean } = {}) {
      const q = new URL(authorizeUrl).searchParams;
      if (q.get('client_id') !== clientId) throw new Error(`unknown client_id ${q.get('client_id')}`);
      return decide(q, Boolean(choice.deny));
    },
    setMember(id: string) {
      if (!memberOf(id)) throw new Error(`the LinkedIn fake has no member ${id}`);
      currentMember = id;
    },
    /** The products the app has (which scopes a sign-in may ask for). */
    setAppScopes(scopes: string[]) {
      appScopes = new Set(scopes);
    },
    posts: () => posts.map((p) => ({ ...p })),
    comments: () => comments.map((c) => ({ ...c })),
    assets: () => [...assets.values()],
    revocations,
    tokens: () => [...tokens.values()].map((t) => ({ ...t, scopes: [...t.scopes] })),
    refreshTokens: () => [...refreshTokens.values()],
    /** Every access token of the member stops working (as if LinkedIn had invalidated it). */
    rejectTokens(memberId: string) {
      for (const t of tokens.values()) if (t.memberId === memberId) t.rejected = true;
    },
    /** The member's app loses a permission (LinkedIn answers 403 ACCESS_DENIED). */
    withdraw(memberId: string, scope: string) {
      withdrawn.set(memberId, new Set([...(withdrawn.get(memberId) ?? []), scope]));
    },
    /** The next post is refused with this 422 message. */
    refuseNextPost(message: string) {
      refuseNext = message;
    },
    setNextPostId: (id: string) => void nextIds.push(id),
    failNextCreate: (failure: Injected) => server.failNext('/rest/posts', failure),
    /** The next upload of video part `index` (0-based) fails with this answer. */
    failNextPart: (index: number, failure: Injected) => void partFailures.set(index, failure),
    /** People follow a Page: firstDegreeSize of its networkSizes. */
    setFollowers(orgUrn: string, count: number) {
      orgOf(orgUrn)!.followers = count;
    },
    engage(urn: string, stats: Partial<FakeLinkedInPost['stats']>) {
      const post = posts.find((p) => p.urn === urn);
      if (!post) throw new Error(`no post ${urn}`);
      post.stats = { ...post.stats, ...stats };
    },
  };
}

export type LinkedInFake = Awaited<ReturnType<typeof startLinkedInFake>>;

/** The settings that point Herald's LinkedIn provider at this fake (Company Pages on). */
export const linkedinEnv = (fake: LinkedInFake) => ({
  HERALD_LINKEDIN_CLIENT_ID: fake.clientId,
  HERALD_LINKEDIN_CLIENT_SECRET: fake.clientSecret,
  HERALD_LINKEDIN_AUTH_URL: fake.url,
  HERALD_LINKEDIN_API_URL: fake.url,
  HERALD_LINKEDIN_PAGES: 'true',
  HERALD_LINKEDIN_MEDIA_GRACE_SECONDS: '1',
});
