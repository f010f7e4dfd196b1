import crypto from 'node:crypto';
import { escapeHtml, startFakeServer, type FakeRequest, type FakeResponse } from '../http.ts';
import { createPostingApi, type CreatorSettings, type PostingOptions } from './tiktok-posting.ts';

// A local TikTok following ../shared/providers.md §1: Login Kit v2 consent page, token exchange
// with rotating refresh tokens, revoke, /v2/user/info with TikTok's error envelope, and the
// Content Posting API (./tiktok-posting.ts).

export type TikTokUser = { openId: string; username: string; displayName: string; avatarUrl: string; followerCount: number } & CreatorSettings;

type IssuedToken = { accessToken: string; refreshToken: string; openId: string; scopes: string[]; accessExpiresAt: number; refreshExpiresAt: number; revoked: boolean };
type PendingCode = { code: string; openId: string; scopes: string[]; redirectUri: string; codeChallenge?: string; expiresAt: number; used: boolean };

export type TikTokFakeOptions = {
  clientKey?: string;
  clientSecret?: string;
  accessTokenTtlSeconds?: number;
  refreshTokenTtlSeconds?: number;
  users?: TikTokUser[];
  /** Added to every answer (benchmarks). */
  latencyMs?: () => number;
} & PostingOptions;

const logId = () => crypto.randomBytes(8).toString('hex').toUpperCase();
const random = (prefix: string) => `${prefix}.${crypto.randomBytes(18).toString('base64url')}`;
const oauthError = (status: number, error: string, description: string): FakeResponse => ({ status, body: { error, error_description: description, log_id: logId() } });
const apiError = (status: number, code: string, message: string): FakeResponse => ({ status, body: { data: {}, error: { code, message, log_id: logId() } } });

// Which scope each user-info field needs (TikTok's user.info.* split).
const fieldScopes: Record<string, string> = {
  open_id: 'user.info.basic',
  union_id: 'user.info.basic',
  avatar_url: 'user.info.basic',
  display_name: 'user.info.basic',
  username: 'user.info.profile',
  bio_description: 'user.info.profile',
  follower_count: 'user.info.stats',
  following_count: 'user.info.stats',
  likes_count: 'user.info.stats',
  video_count: 'user.info.stats',
};

export async function startTikTokFake(options: TikTokFakeOptions = {}) {
  const clientKey = options.clientKey ?? 'test-client-key';
  const clientSecret = options.clientSecret ?? 'test-client-secret';
  const accessTtl = options.accessTokenTtlSeconds ?? 7200;
  const refreshTtl = options.refreshTokenTtlSeconds ?? 15_552_000;
  const users = (options.users ?? [{ openId: 'tt-user-1', username: 'herald.tester', displayName: 'Herald Tester', avatarUrl: 'https://p16.tiktokcdn.example/avatar-1.jpeg', followerCount: 1234 }]).map((u) => ({ ...u }));
  let currentUser = users[0]!.openId;
  const codes = new Map<string, PendingCode>();
  const tokens: IssuedToken[] = [];
  const revocations: string[] = [];
  let rejectRefresh = false;
  // Every refresh request, accepted or not: a reused rotating token shows up here as a second call.
  let refreshCalls = 0;
  let refreshDelayMs = 0;

  const issue = (openId: string, scopes: string[]) => {
    const token: IssuedToken = {
      accessToken: random('act'),
      refreshToken: random('rft'),
      openId,
      scopes,
      accessExpiresAt: Date.now() + accessTtl * 1000,
      refreshExpiresAt: Date.now() + refreshTtl * 1000,
      revoked: false,
    };
    tokens.push(token);
    return { open_id: openId, scope: scopes.join(','), access_token: token.accessToken, expires_in: accessTtl, refresh_token: token.refreshToken, refresh_expires_in: refreshTtl, token_type: 'Bearer' };
  };

  function decide(input: { redirectUri: string; state: string; scope: string; codeChallenge?: string; grant?: string[]; deny?: boolean }): string {
    const target = new URL(input.redirectUri);
    if (input.deny) {
      target.search = new URLSearchParams({ error: 'access_denied', error_description: 'The user denied the request', state: input.state }).toString();
      return target.toString();
    }
    const requested = input.scope.split(',').filter(Boolean);
    const granted = input.grant ? requested.filter((s) => input.grant!.includes(s)) : requested;
    const code = crypto.randomBytes(16).toString('base64url');
    codes.set(code, { code, openId: currentUser, scopes: granted, redirectUri: input.redirectUri, codeChallenge: input.codeChallenge, expiresAt: Date.now() + 10 * 60_000, used: false });
    target.search = new URLSearchParams({ code, scopes: granted.join(','), state: input.state }).toString();
    return target.toString();
  }

  function consentPage(q: URLSearchParams): FakeResponse {
    if (q.get('client_key') !== clientKey) return { status: 400, html: '<h1>Something went wrong</h1><p>client_key is invalid.</p>' };
    if (q.get('response_type') !== 'code' || !q.get('redirect_uri')) return { status: 400, html: '<h1>Something went wrong</h1><p>Invalid request.</p>' };
    const scopes = (q.get('scope') ?? '').split(',').filter(Boolean);
    const hidden = ['redirect_uri', 'state', 'scope', 'code_challenge']
      .map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(q.get(k) ?? '')}">`)
      .join('');
    const boxes = scopes.map((s) => `<label><input type="checkbox" name="grant" value="${escapeHtml(s)}" checked> ${escapeHtml(s)}</label><br>`).join('');
    return {
      status: 200,
      html: `<!doctype html><title>TikTok (fake)</title><h1>Herald would like to access your TikTok account</h1><p>Signed in as ${escapeHtml(currentUser)}</p><form method="post" action="/v2/auth/authorize/decision">${hidden}${boxes}<button name="decision" value="allow">Allow</button> <button name="decision" value="deny">Deny</button></form>`,
    };
  }

  async function tokenEndpoint(req: FakeRequest): Promise<FakeResponse> {
    const b = req.body;
    if (b.client_key !== clientKey || b.client_secret !== clientSecret) return oauthError(401, 'invalid_client', 'Client key or secret is invalid');
    if (b.grant_type === 'authorization_code') {
      const pending = codes.get(b.code ?? '');
      if (!pending || pending.used || pending.expiresAt < Date.now()) return oauthError(400, 'invalid_grant', 'Authorization code is expired or invalid');
      if (pending.redirectUri !== b.redirect_uri) return oauthError(400, 'invalid_grant', 'redirect_uri does not match');
      if (pending.codeChallenge) {
        const expected = crypto.createHash('sha256').update(b.code_verifier ?? '').digest('base64url');
        if (expected !== pending.codeChallenge) return oauthError(400, 'invalid_grant', 'code_verifier is invalid');
      }
      pending.used = true;
      return { status: 200, body: issue(pending.openId, pending.scopes) };
    }
    if (b.grant_type === 'refresh_token') {
      refreshCalls += 1;
      // Held before the token is looked up, so overlapping refreshes race as they would at TikTok.
      if (refreshDelayMs) await new Promise((r) => setTimeout(r, refreshDelayMs));
      const token = tokens.find((t) => t.refreshToken === b.refresh_token);
      if (!token || token.revoked || token.refreshExpiresAt < Date.now() || rejectRefresh) return oauthError(400, 'invalid_grant', 'Refresh token is invalid or expired');
      // Rotation: the old pair stops working the moment a new one is issued.
      token.revoked = true;
      return { status: 200, body: issue(token.openId, token.scopes) };
    }
    return oauthError(400, 'unsupported_grant_type', 'grant_type is not supported');
  }

  function revokeEndpoint(req: FakeRequest): FakeResponse {
    if (req.body.client_key !== clientKey || req.body.client_secret !== clientSecret) return oauthError(401, 'invalid_client', 'Client key or secret is invalid');
    const token = tokens.find((t) => t.accessToken === req.body.token);
    if (!token) return oauthError(400, 'invalid_request', 'token is invalid');
    token.revoked = true;
    revocations.push(token.accessToken);
    return { status: 200, body: {} };
  }

  /** The live token behind the request's bearer header, or TikTok's 401. */
  function authenticate(req: FakeRequest): IssuedToken | FakeResponse {
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const token = tokens.find((t) => t.accessToken === bearer);
    if (!token || token.revoked || token.accessExpiresAt < Date.now()) return apiError(401, 'access_token_invalid', 'The access token is invalid or not found in the request.');
    return token;
  }

  function userInfo(req: FakeRequest): FakeResponse {
    const token = authenticate(req);
    if ('status' in token) return token;
    const fields = (req.query.get('fields') ?? '').split(',').filter(Boolean);
    if (!fields.length) return apiError(400, 'invalid_params', 'fields is required');
    const missing = fields.find((f) => fieldScopes[f] && !token.scopes.includes(fieldScopes[f]!));
    if (missing) return apiError(401, 'scope_not_authorized', `The user did not authorize the scope required for field ${missing}.`);
    const user = users.find((u) => u.openId === token.openId)!;
    const all: Record<string, unknown> = {
      open_id: user.openId,
      union_id: `union-${user.openId}`,
      avatar_url: user.avatarUrl,
      display_name: user.displayName,
      username: user.username,
      bio_description: '',
      follower_count: user.followerCount,
      following_count: 10,
      likes_count: 99,
      video_count: 3,
    };
    return { status: 200, body: { data: { user: Object.fromEntries(fields.filter((f) => f in all).map((f) => [f, all[f]])) }, error: { code: 'ok', message: '', log_id: logId() } } };
  }

  const findUser = (openId: string) => {
    const user = users.find((u) => u.openId === openId);
    if (!user) throw new Error(`the TikTok fake has no user ${openId}`);
    return user;
  };
  const posting = createPostingApi({ authenticate, creator: findUser, baseUrl: () => server.url, options });

  const server = await startFakeServer((req) => {
    if (req.method === 'GET' && req.path === '/v2/auth/authorize/') return consentPage(req.query);
    if (req.method === 'POST' && req.path === '/v2/auth/authorize/decision') {
      const b = req.body;
      const grant = (b.grant ?? '').split(',').filter(Boolean);
      return { status: 302, redirect: decide({ redirectUri: b.redirect_uri!, state: b.state ?? '', scope: b.scope ?? '', codeChallenge: b.code_challenge || undefined, grant, deny: b.decision === 'deny' }) };
    }
    if (req.method === 'POST' && req.path === '/v2/oauth/token/') return tokenEndpoint(req);
    if (req.method === 'POST' && req.path === '/v2/oauth/revoke/') return revokeEndpoint(req);
    if (req.method === 'GET' && req.path === '/v2/user/info/') return userInfo(req);
    return posting.handle(req) ?? apiError(404, 'invalid_params', `No such endpoint ${req.method} ${req.path}`);
  }, { latencyMs: options.latencyMs });

  return {
    ...server,
    clientKey,
    clientSecret,
    /** What clicking Allow (or Deny) on the consent page for this authorize URL returns: the redirect back. */
    authorize(authorizeUrl: string, choice: { grant?: string[]; deny?: boolean } = {}) {
      const q = new URL(authorizeUrl).searchParams;
      if (q.get('client_key') !== clientKey) throw new Error('unknown client_key');
      return decide({ redirectUri: q.get('redirect_uri')!, state: q.get('state') ?? '', scope: q.get('scope') ?? '', codeChallenge: q.get('code_challenge') ?? undefined, ...choice });
    },
    /** People follow the account: follower_count on /v2/user/info/ (user.info.stats). */
    setFollowers(count: number, openId = users[0]!.openId) {
      findUser(openId).followerCount = count;
    },
    setNextUser(openId: string) {
      currentUser = openId;
    },
    tokens: () => tokens.map((t) => ({ ...t })),
    revocations,
    isRevoked: (accessToken: string) => revocations.includes(accessToken),
    expireAccessTokens() {
      for (const t of tokens) t.accessExpiresAt = Date.now() - 1000;
    },
    /**
     * The user takes one permission back in TikTok's app settings: every token of that user
     * (including the ones a later refresh issues) loses the scope; the tokens stay valid.
     */
    withdrawScope(openId: string, scope: string) {
      for (const t of tokens) if (t.openId === openId) t.scopes = t.scopes.filter((s) => s !== scope);
    },
    rejectRefreshTokens(value = true) {
      rejectRefresh = value;
    },
    /** How many refresh requests arrived (accepted or rejected). */
    refreshCalls: () => refreshCalls,
    /** Makes every refresh answer this much later (0: at once), to keep a refresh in flight. */
    delayRefreshes(ms: number) {
      refreshDelayMs = ms;
    },
    /** A token as the OAuth flow would grant it, for tests that need no consent page. */
    issueToken(openId: string, scopes: string[]): string {
      findUser(openId);
      return issue(openId, scopes).access_token;
    },
    /** Changes what creator_info reports for a user (private account, max duration, disabled interactions). */
    updateCreator(openId: string, settings: CreatorSettings) {
      Object.assign(findUser(openId), settings);
    },
    ...posting.controls,
  };
}

export type TikTokFake = Awaited<ReturnType<typeof startTikTokFake>>;

/** The settings that point Herald's TikTok provider at this fake. */
export const tiktokEnv = (fake: TikTokFake) => ({
  HERALD_TIKTOK_CLIENT_KEY: fake.clientKey,
  HERALD_TIKTOK_CLIENT_SECRET: fake.clientSecret,
  HERALD_TIKTOK_AUTH_URL: fake.url,
  HERALD_TIKTOK_API_URL: fake.url,
});
