import crypto from 'node:crypto';
import twitterText from 'twitter-text';
import { escapeHtml, startFakeServer, type FakeRequest, type FakeResponse, type Injected } from '../http.ts';

// A local X (API v2) following ../shared/providers.md §4: the consent page (x.com/i/oauth2/authorize,
// PKCE S256 required), the token endpoint for a confidential client (Basic auth; codes live 30 s;
// refresh tokens rotate on every refresh and a used one is refused, as client lore says X does),
// revoke (ends the grant), /2/users/me with the subscription fields, POST /2/tweets (weighted
// length counted with twitter-text, 280 or the subscriber limit; media ids, replies, quotes,
// polls, reply settings; the duplicate-content 403; optionally the "summoned replies" 403),
// the account's timeline (/2/users/:id/tweets, texts as X shows them: links as t.co, a media link
// appended, & < > escaped), post lookup with public and non-public metrics, the simple image
// upload, the chunked upload (initialize → append → finalize → STATUS with processing states),
// alt text (/2/media/metadata), problem+json errors, x-rate-limit-* headers on every answer and
// a switchable 429.
//
// What it does not do: OAuth 1.0a, deleting posts, the 3 M monthly read cap, billing, post
// analytics time series, video duration and codec checks (size only), the real t.co hashes.

export type XUserRecord = { id: string; username: string; name: string; subscription_type: string; verified_type: string; profile_image_url: string; followers_count?: number };

export type XFakeOptions = {
  clientId?: string;
  clientSecret?: string;
  users?: XUserRecord[];
  /** Time from finalize to `succeeded` for GIFs and videos. */
  processingMs?: number;
  accessTokenTtlSeconds?: number;
  /** Largest video X takes (providers.md: 512 MB on the best-practices page, more since 2026-09). */
  videoMaxBytes?: number;
  /** Requests per 15-minute window of POST /2/tweets per user (X: 100). */
  postsPer15Min?: number;
  /** Refuse quote posts, as X does for self-serve apps since 2026-04-20 (providers.md §4). */
  quotesRemoved?: boolean;
};

type Grant = { userId: string; scopes: string[]; refreshToken: string | null; usedRefreshTokens: Set<string>; revoked: boolean };
type AccessToken = { token: string; grant: Grant; expiresAt: number };
type PendingCode = { userId: string; scopes: string[]; redirectUri: string; codeChallenge: string; issuedAt: number; used: boolean };

export type FakeMedia = {
  id: string;
  userId: string;
  category: string;
  mediaType: string;
  total: number;
  chunks: Map<number, Buffer>;
  finalizedAt: number | null;
  outcome: 'succeeded' | 'failed';
  altText: string | null;
};

export type FakePost = {
  id: string;
  userId: string;
  /** As sent. */
  text: string;
  createdAt: number;
  mediaIds: string[];
  replyTo: string | null;
  quoteOf: string | null;
  poll: { options: string[]; duration_minutes: number } | null;
  replySettings: string | null;
  metrics: { impression_count: number; like_count: number; reply_count: number; retweet_count: number; quote_count: number; bookmark_count: number };
};

const DEFAULT_USER: XUserRecord = {
  id: '1460000000000000001',
  username: 'heraldtester',
  name: 'Herald Tester',
  subscription_type: 'None',
  verified_type: 'none',
  profile_image_url: 'https://pbs.twimg.example/profile_images/1/herald_normal.jpg',
};

/** An X problem (RFC 7807). */
export function problem(status: number, kind: string, title: string, detail: string): FakeResponse {
  return { status, headers: { 'content-type': 'application/problem+json' }, body: { title, detail, type: kind === 'about:blank' ? 'about:blank' : `https://api.x.com/2/problems/${kind}`, status } };
}
const oauthError = (status: number, error: string, description: string): FakeResponse => ({ status, body: { error, error_description: description } });
const random = (bytes = 24) => crypto.randomBytes(bytes).toString('base64url');
const weighted = (text: string) => twitterText.parseTweet(text).weightedLength;
const WINDOW_MS = 15 * 60_000;

export async function startXFake(options: XFakeOptions = {}) {
  const clientId = options.clientId ?? 'SGVyYWxkRmFrZUNsaWVudElkOjE6Y2k';
  const clientSecret = options.clientSecret ?? 'herald-fake-x-client-secret-0123456789abcdef';
  const accessTtl = options.accessTokenTtlSeconds ?? 7200;
  const users = (options.users ?? [DEFAULT_USER]).map((u) => ({ ...u }));
  let processingMs = options.processingMs ?? 1500;
  let videoMaxBytes = options.videoMaxBytes ?? 512 * 1024 * 1024;
  const postsPer15Min = options.postsPer15Min ?? 100;
  let currentUser = users[0]!.id;
  const codes = new Map<string, PendingCode>();
  const grants: Grant[] = [];
  const accessTokens: AccessToken[] = [];
  const revocations: string[] = [];
  const refusedRefreshes: string[] = [];
  const media = new Map<string, FakeMedia>();
  const posts: FakePost[] = [];
  const nextPostIds: string[] = [];
  let idCounter = 1_865_000_000_000_000_000n;
  let nextPostRefusal: FakeResponse | null = null;
  let nextMediaFailure = false;
  let summonedRepliesOnly = false;
  /** A failure for the create that finds this many posts at the fake (a thread's second part…). */
  let createFailure: { afterPosts: number; refusal?: FakeResponse; lateMs?: number } | null = null;
  const windows = new Map<string, { start: number; used: number }>();

  const newId = () => {
    idCounter += BigInt(1 + Math.floor(Math.random() * 1000));
    return idCounter.toString();
  };
  const userOf = (id: string) => users.find((u) => u.id === id)!;

  // ---- OAuth -------------------------------------------------------------------------------

  function checkAuthorize(q: URLSearchParams): string | null {
    if (q.get('client_id') !== clientId) return 'Something went wrong: this app is not known (client_id).';
    if (q.get('response_type') !== 'code' || !q.get('redirect_uri')) return 'Something went wrong: response_type=code and redirect_uri are required.';
    if (q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge')) return 'Something went wrong: PKCE (code_challenge, S256) is required.';
    if ((q.get('state') ?? '').length > 500) return 'Something went wrong: state is longer than 500 characters.';
    return null;
  }

  function consentPage(q: URLSearchParams): FakeResponse {
    const trouble = checkAuthorize(q);
    if (trouble) return { status: 400, html: `<h1>X (fake)</h1><p>${escapeHtml(trouble)}</p>` };
    const scopes = (q.get('scope') ?? '').split(' ').filter(Boolean);
    const hidden = [...q.entries()].map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`).join('');
    const user = userOf(currentUser);
    return {
      status: 200,
      html: `<!doctype html><title>Authorize app / X (fake)</title><h1>Herald wants to access your X account</h1><p>Signed in as @${escapeHtml(user.username)}</p><ul>${scopes.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul><form method="post" action="/i/oauth2/authorize/decision">${hidden}<button name="decision" value="allow">Authorize app</button> <button name="decision" value="cancel">Cancel</button></form>`,
    };
  }

  function decide(q: URLSearchParams, deny: boolean): string {
    const target = new URL(q.get('redirect_uri')!);
    const state = q.get('state') ?? '';
    if (deny) {
      target.search = new URLSearchParams({ error: 'access_denied', state }).toString();
      return target.toString();
    }
    const code = random(32);
    codes.set(code, { userId: currentUser, scopes: (q.get('scope') ?? '').split(' ').filter(Boolean), redirectUri: q.get('redirect_uri')!, codeChallenge: q.get('code_challenge')!, issuedAt: Date.now(), used: false });
    target.search = new URLSearchParams({ state, code }).toString();
    return target.toString();
  }

  const basicOk = (req: FakeRequest) => {
    const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!basic) return false;
    const [id, secret] = Buffer.from(basic, 'base64').toString('utf8').split(':').map(decodeURIComponent);
    return id === clientId && secret === clientSecret;
  };

  function issue(grant: Grant) {
    const access: AccessToken = { token: random(40), grant, expiresAt: Date.now() + accessTtl * 1000 };
    accessTokens.push(access);
    return {
      status: 200,
      body: { token_type: 'bearer', expires_in: accessTtl, access_token: access.token, scope: grant.scopes.join(' '), ...(grant.refreshToken ? { refresh_token: grant.refreshToken } : {}) },
    };
  }

  function tokenEndpoint(req: FakeRequest): FakeResponse {
    const b = req.body;
    if (!basicOk(req)) return oauthError(401, 'unauthorized_client', 'Missing valid authorization header');
    if (b.client_id && b.client_id !== clientId) return oauthError(400, 'invalid_request', 'Value passed for the client_id was invalid.');
    if (b.grant_type === 'authorization_code') {
      const pending = codes.get(b.code ?? '');
      if (!pending || pending.used || Date.now() - pending.issuedAt > 30_000) return oauthError(400, 'invalid_request', 'Value passed for the authorization code was invalid.');
      if (pending.redirectUri !== b.redirect_uri) return oauthError(400, 'invalid_request', 'Value passed for the redirect uri did not match the uri of the authorization code.');
      if (crypto.createHash('sha256').update(b.code_verifier ?? '').digest('base64url') !== pending.codeChallenge) return oauthError(400, 'invalid_request', 'Value passed for the code verifier did not match the code challenge.');
      pending.used = true;
      const grant: Grant = { userId: pending.userId, scopes: pending.scopes, refreshToken: pending.scopes.includes('offline.access') ? random(40) : null, usedRefreshTokens: new Set(), revoked: false };
      grants.push(grant);
      return issue(grant);
    }
    if (b.grant_type === 'refresh_token') {
      const token = b.refresh_token ?? '';
      const grant = grants.find((g) => g.refreshToken === token);
      if (!grant || grant.revoked) {
        // A refresh token already exchanged (rotated away) or revoked.
        refusedRefreshes.push(token);
        return oauthError(400, 'invalid_request', 'Value passed for the token was invalid.');
      }
      grant.usedRefreshTokens.add(token);
      grant.refreshToken = random(40);
      return issue(grant);
    }
    return oauthError(400, 'unsupported_grant_type', 'Unsupported grant type');
  }

  function revokeEndpoint(req: FakeRequest): FakeResponse {
    if (!basicOk(req)) return oauthError(401, 'unauthorized_client', 'Missing valid authorization header');
    const token = req.body.token ?? '';
    const grant = grants.find((g) => g.refreshToken === token) ?? accessTokens.find((t) => t.token === token)?.grant;
    // X answers revoked: true for tokens it does not know as well.
    if (grant && !grant.revoked) {
      grant.revoked = true;
      revocations.push(token);
    }
    return { status: 200, body: { revoked: true } };
  }

  /** The grant behind the bearer token, or X's 401 / 403. */
  function authenticate(req: FakeRequest, scopes: string[]): Grant | FakeResponse {
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const token = accessTokens.find((t) => t.token === bearer);
    if (!token || token.grant.revoked || token.expiresAt < Date.now()) return problem(401, 'about:blank', 'Unauthorized', 'Unauthorized');
    const missing = scopes.find((s) => !token.grant.scopes.includes(s));
    if (missing) return problem(403, 'client-forbidden', 'Forbidden', `Missing required scope: ${missing}`);
    return token.grant;
  }

  /** x-rate-limit-* for this user and endpoint; a 429 once the window is used up. */
  function rateLimit(userId: string, endpoint: string, limit: number): { headers: Record<string, string>; refused: FakeResponse | null } {
    const key = `${userId} ${endpoint}`;
    const now = Date.now();
    let window = windows.get(key);
    if (!window || now - window.start >= WINDOW_MS) windows.set(key, (window = { start: now, used: 0 }));
    const reset = String(Math.ceil((window.start + WINDOW_MS) / 1000));
    if (window.used >= limit) {
      return { headers: {}, refused: { ...problem(429, 'rate-limit-exceeded', 'Too Many Requests', 'Too Many Requests'), headers: { 'x-rate-limit-limit': String(limit), 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': reset } } };
    }
    window.used += 1;
    return { headers: { 'x-rate-limit-limit': String(limit), 'x-rate-limit-remaining': String(limit - window.used), 'x-rate-limit-reset': reset }, refused: null };
  }
  const withHeaders = (answer: FakeResponse, headers: Record<string, string>): FakeResponse => ({ ...answer, headers: { ...answer.headers, ...headers } });

  // ---- Users and posts ---------------------------------------------------------------------

  function usersMe(req: FakeRequest): FakeResponse {
    const grant = authenticate(req, ['users.read', 'tweet.read']);
    if ('status' in grant) return grant;
    const limited = rateLimit(grant.userId, 'users/me', 75);
    if (limited.refused) return limited.refused;
    const u = userOf(grant.userId);
    const fields = (req.query.get('user.fields') ?? '').split(',');
    const data: Record<string, unknown> = { id: u.id, name: u.name, username: u.username };
    for (const field of ['profile_image_url', 'subscription_type', 'verified_type'] as const) if (fields.includes(field)) data[field] = u[field];
    if (fields.includes('verified')) data.verified = u.verified_type !== 'none';
    // UserPublicMetrics, as X counts them for this account.
    if (fields.includes('public_metrics')) data.public_metrics = { followers_count: u.followers_count ?? 0, following_count: 0, tweet_count: posts.filter((p) => p.userId === u.id).length, listed_count: 0, like_count: 0, media_count: 0 };
    return withHeaders({ status: 200, body: { data } }, limited.headers);
  }

  /** The text as X shows it: links as t.co, a media link appended, & < > escaped. */
  function shown(post: FakePost): string {
    let text = post.text;
    for (const u of twitterText.extractUrlsWithIndices(text).reverse()) text = `${text.slice(0, u.indices[0])}https://t.co/${crypto.createHash('sha1').update(u.url).digest('base64url').slice(0, 10)}${text.slice(u.indices[1])}`;
    if (post.mediaIds.length) text = `${text} https://t.co/${post.id.slice(-10)}`.trim();
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  }

  async function createPost(req: FakeRequest): Promise<FakeResponse> {
    let late = 0;
    if (createFailure && posts.length === createFailure.afterPosts) {
      const failure = createFailure;
      createFailure = null;
      if (failure.refusal) return failure.refusal;
      late = failure.lateMs ?? 0;
    }
    const answer = createPostNow(req);
    // The post is made; its answer comes after the client stopped waiting (a lost answer).
    if (late) await new Promise((r) => setTimeout(r, late));
    return answer;
  }

  function createPostNow(req: FakeRequest): FakeResponse {
    const grant = authenticate(req, ['tweet.write', 'tweet.read', 'users.read']);
    if ('status' in grant) return grant;
    const limited = rateLimit(grant.userId, 'tweets/create', postsPer15Min);
    if (limited.refused) return limited.refused;
    const answer = (r: FakeResponse) => withHeaders(r, limited.headers);
    if (nextPostRefusal) {
      const refusal = nextPostRefusal;
      nextPostRefusal = null;
      return answer(refusal);
    }
    let body: { text?: string; media?: { media_ids?: unknown[] }; reply?: { in_reply_to_tweet_id?: unknown }; quote_tweet_id?: unknown; poll?: { options?: unknown[]; duration_minutes?: unknown }; reply_settings?: unknown };
    try {
      body = JSON.parse(req.raw.toString('utf8')) as typeof body;
    } catch {
      return answer(problem(400, 'invalid-request', 'Invalid Request', 'The request body is not valid JSON.'));
    }
    const text = body.text ?? '';
    const mediaIds = (body.media?.media_ids ?? []).map(String);
    if (!text && !mediaIds.length) return answer(problem(400, 'invalid-request', 'Invalid Request', 'One or more parameters to your request was invalid: text or media is required.'));
    const user = userOf(grant.userId);
    const limit = user.subscription_type !== 'None' || user.verified_type !== 'none' ? 25_000 : 280;
    if (weighted(text) > limit) return answer(problem(400, 'invalid-request', 'Invalid Request', 'Your Tweet text is too long. For more information on how X determines text length see https://github.com/twitter/twitter-text.'));
    if (mediaIds.length > 4) return answer(problem(400, 'invalid-request', 'Invalid Request', 'Your media IDs are invalid: a maximum of 4 items is allowed.'));
    for (const id of mediaIds) {
      const m = media.get(id);
      const ready = m && m.userId === grant.userId && (m.category === 'tweet_image' || (m.finalizedAt !== null && Date.now() - m.finalizedAt >= processingMs && m.outcome === 'succeeded'));
      if (!ready) return answer(problem(400, 'invalid-request', 'Invalid Request', `Your media IDs are invalid: ${id}`));
    }
    const replyTo = body.reply?.in_reply_to_tweet_id !== undefined ? String(body.reply.in_reply_to_tweet_id) : null;
    if (replyTo) {
      const parent = posts.find((p) => p.id === replyTo);
      if (!parent) return answer(problem(400, 'invalid-request', 'Invalid Request', 'The post you are replying to does not exist or is not visible to you.'));
      if (summonedRepliesOnly) return answer(problem(403, 'about:blank', 'Forbidden', 'Reply to this conversation is not allowed because you have not been mentioned or otherwise engaged by the author of the post you are replying to.'));
    }
    if (body.poll) {
      const optionsOk = Array.isArray(body.poll.options) && body.poll.options.length >= 2 && body.poll.options.length <= 4 && body.poll.options.every((o) => typeof o === 'string' && o.length >= 1 && o.length <= 25);
      const minutes = Number(body.poll.duration_minutes);
      if (!optionsOk || !(minutes >= 5 && minutes <= 10_080)) return answer(problem(400, 'invalid-request', 'Invalid Request', 'One or more parameters to your request was invalid: poll.'));
      if (mediaIds.length || body.quote_tweet_id) return answer(problem(400, 'invalid-request', 'Invalid Request', 'A poll cannot be combined with media or a quote.'));
    }
    if (body.quote_tweet_id !== undefined && options.quotesRemoved) {
      return answer(problem(403, 'client-forbidden', 'Client Forbidden', 'Quote posts are not available to your app on its current access level.'));
    }
    if (body.quote_tweet_id !== undefined && !/^\d{1,20}$/.test(String(body.quote_tweet_id))) return answer(problem(400, 'invalid-request', 'Invalid Request', 'The quote_tweet_id is not a post id.'));
    if (body.reply_settings !== undefined && !['following', 'mentionedUsers', 'subscribers', 'verified'].includes(String(body.reply_settings))) {
      return answer(problem(400, 'invalid-request', 'Invalid Request', 'reply_settings must be one of [following, mentionedUsers, subscribers, verified].'));
    }
    // The same text from this account within a day: X's duplicate-content refusal.
    if (text && posts.some((p) => p.userId === grant.userId && p.text === text && Date.now() - p.createdAt < 86_400_000)) {
      return answer(problem(403, 'about:blank', 'Forbidden', 'You are not allowed to create a Tweet with duplicate content.'));
    }
    const post: FakePost = {
      id: nextPostIds.shift() ?? newId(),
      userId: grant.userId,
      text,
      createdAt: Date.now(),
      mediaIds,
      replyTo,
      quoteOf: body.quote_tweet_id !== undefined ? String(body.quote_tweet_id) : null,
      poll: body.poll ? { options: body.poll.options as string[], duration_minutes: Number(body.poll.duration_minutes) } : null,
      replySettings: body.reply_settings !== undefined ? String(body.reply_settings) : null,
      metrics: { impression_count: 0, like_count: 0, reply_count: 0, retweet_count: 0, quote_count: 0, bookmark_count: 0 },
    };
    posts.push(post);
    // The id as a JSON string, as X sends it (64-bit ids do not fit a JSON number).
    return answer({ status: 201, body: { data: { id: post.id, text: shown(post), edit_history_tweet_ids: [post.id] } } });
  }

  const postResource = (p: FakePost, fields: string[], viewer: string) => ({
    id: p.id,
    text: shown(p),
    edit_history_tweet_ids: [p.id],
    ...(fields.includes('created_at') ? { created_at: new Date(p.createdAt).toISOString() } : {}),
    ...(fields.includes('author_id') ? { author_id: p.userId } : {}),
    ...(fields.includes('referenced_tweets') && (p.replyTo || p.quoteOf)
      ? { referenced_tweets: [...(p.replyTo ? [{ type: 'replied_to', id: p.replyTo }] : []), ...(p.quoteOf ? [{ type: 'quoted', id: p.quoteOf }] : [])] }
      : {}),
    ...(fields.includes('public_metrics') ? { public_metrics: p.metrics } : {}),
    ...(fields.includes('non_public_metrics') && p.userId === viewer && Date.now() - p.createdAt < 30 * 86_400_000
      ? { non_public_metrics: { impression_count: p.metrics.impression_count, url_link_clicks: 0, user_profile_clicks: 0, engagements: p.metrics.like_count + p.metrics.reply_count + p.metrics.retweet_count } }
      : {}),
  });

  function timeline(req: FakeRequest, userId: string): FakeResponse {
    const grant = authenticate(req, ['tweet.read', 'users.read']);
    if ('status' in grant) return grant;
    const limited = rateLimit(grant.userId, 'users/tweets', 900);
    if (limited.refused) return limited.refused;
    const start = req.query.get('start_time') ? Date.parse(req.query.get('start_time')!) : 0;
    const max = Math.min(100, Math.max(5, Number(req.query.get('max_results') ?? 10)));
    const fields = (req.query.get('tweet.fields') ?? '').split(',');
    const listed = posts.filter((p) => p.userId === userId && p.createdAt >= start).sort((a, b) => b.createdAt - a.createdAt).slice(0, max);
    const data = listed.map((p) => postResource(p, fields, grant.userId));
    return withHeaders({ status: 200, body: { ...(data.length ? { data } : {}), meta: { result_count: data.length, ...(data.length ? { newest_id: data[0]!.id, oldest_id: data.at(-1)!.id } : {}) } } }, limited.headers);
  }

  function lookup(req: FakeRequest): FakeResponse {
    const grant = authenticate(req, ['tweet.read', 'users.read']);
    if ('status' in grant) return grant;
    const limited = rateLimit(grant.userId, 'tweets/lookup', 5000);
    if (limited.refused) return limited.refused;
    const ids = (req.query.get('ids') ?? '').split(',').filter(Boolean);
    if (!ids.length || ids.length > 100) return problem(400, 'invalid-request', 'Invalid Request', 'The `ids` query parameter value must be 1 to 100 post ids.');
    const fields = (req.query.get('tweet.fields') ?? '').split(',');
    const found = ids.map((id) => posts.find((p) => p.id === id)).filter((p): p is FakePost => !!p);
    const missing = ids.filter((id) => !posts.some((p) => p.id === id));
    return withHeaders(
      {
        status: 200,
        body: {
          ...(found.length ? { data: found.map((p) => postResource(p, fields, grant.userId)) } : {}),
          // Partial success: a 200 with both data and errors.
          ...(missing.length ? { errors: missing.map((id) => ({ value: id, detail: `Could not find tweet with ids: [${id}].`, title: 'Not Found Error', resource_type: 'tweet', parameter: 'ids', resource_id: id, type: 'https://api.x.com/2/problems/resource-not-found' })) } : {}),
        },
      },
      limited.headers,
    );
  }

  // ---- Media -------------------------------------------------------------------------------

  async function formOf(req: FakeRequest): Promise<FormData | null> {
    try {
      return await new Response(new Uint8Array(req.raw), { headers: { 'content-type': String(req.headers['content-type'] ?? '') } }).formData();
    } catch {
      return null;
    }
  }

  const mediaData = (m: FakeMedia) => ({ id: m.id, media_key: `${m.category === 'tweet_image' ? 3 : m.category === 'tweet_gif' ? 16 : 7}_${m.id}`, expires_after_secs: 86_400, size: m.total });

  function processingInfo(m: FakeMedia) {
    if (m.finalizedAt === null) return undefined;
    const elapsed = Date.now() - m.finalizedAt;
    if (elapsed >= processingMs) return m.outcome === 'failed' ? { state: 'failed', progress_percent: 100, error: { code: 1, name: 'InvalidMedia', message: 'Invalid or Unsupported media, Reason: UnsupportedMedia.' } } : { state: 'succeeded', progress_percent: 100 };
    return { state: elapsed < processingMs / 3 ? 'pending' : 'in_progress', check_after_secs: Math.max(1, Math.ceil((processingMs - elapsed) / 1000)), progress_percent: Math.floor((elapsed / processingMs) * 100) };
  }

  async function simpleUpload(req: FakeRequest): Promise<FakeResponse> {
    const grant = authenticate(req, ['media.write']);
    if ('status' in grant) return grant;
    const form = await formOf(req);
    const file = form?.get('media');
    if (!form || !(file instanceof Blob)) return problem(400, 'invalid-request', 'Invalid Request', 'media is required.');
    if (form.get('media_category') !== 'tweet_image') return problem(400, 'invalid-request', 'Invalid Request', 'This endpoint takes media_category tweet_image; use the chunked upload for GIFs and videos.');
    if (file.size > 5 * 1024 * 1024) return problem(400, 'invalid-request', 'Invalid Request', 'Image file size must be <= 5242880 bytes');
    const m: FakeMedia = { id: newId(), userId: grant.userId, category: 'tweet_image', mediaType: file.type, total: file.size, chunks: new Map([[0, Buffer.from(await file.arrayBuffer())]]), finalizedAt: Date.now(), outcome: 'succeeded', altText: null };
    media.set(m.id, m);
    return { status: 200, body: { data: { ...mediaData(m), image: { image_type: file.type, w: 1, h: 1 } } } };
  }

  function initialize(req: FakeRequest): FakeResponse {
    const grant = authenticate(req, ['media.write']);
    if ('status' in grant) return grant;
    const b = req.body as unknown as { media_type?: string; total_bytes?: number; media_category?: string };
    if (!b.media_type || typeof b.total_bytes !== 'number' || !['tweet_video', 'tweet_gif', 'tweet_image'].includes(b.media_category ?? '')) {
      return problem(400, 'invalid-request', 'Invalid Request', 'media_type, total_bytes and media_category are required.');
    }
    const max = b.media_category === 'tweet_gif' ? 15 * 1024 * 1024 : b.media_category === 'tweet_image' ? 5 * 1024 * 1024 : videoMaxBytes;
    if (b.total_bytes > max) return problem(400, 'invalid-request', 'Invalid Request', `File size exceeds ${max} bytes.`);
    const m: FakeMedia = { id: newId(), userId: grant.userId, category: b.media_category!, mediaType: b.media_type, total: b.total_bytes, chunks: new Map(), finalizedAt: null, outcome: 'succeeded', altText: null };
    if (nextMediaFailure) {
      m.outcome = 'failed';
      nextMediaFailure = false;
    }
    media.set(m.id, m);
    return { status: 200, body: { data: mediaData(m) } };
  }

  async function append(req: FakeRequest, id: string): Promise<FakeResponse> {
    const grant = authenticate(req, ['media.write']);
    if ('status' in grant) return grant;
    const m = media.get(id);
    if (!m || m.userId !== grant.userId) return problem(404, 'resource-not-found', 'Not Found Error', `Could not find media with id: [${id}].`);
    const form = await formOf(req);
    const chunk = form?.get('media');
    const index = Number(form?.get('segment_index'));
    if (!(chunk instanceof Blob) || !Number.isInteger(index) || index < 0 || index > 999) return problem(400, 'invalid-request', 'Invalid Request', 'segment_index (0-999) and media are required.');
    m.chunks.set(index, Buffer.from(await chunk.arrayBuffer()));
    return { status: 200, body: { data: { expires_at: Math.floor(Date.now() / 1000) + 86_400 } } };
  }

  function finalize(req: FakeRequest, id: string): FakeResponse {
    const grant = authenticate(req, ['media.write']);
    if ('status' in grant) return grant;
    const m = media.get(id);
    if (!m || m.userId !== grant.userId) return problem(404, 'resource-not-found', 'Not Found Error', `Could not find media with id: [${id}].`);
    const size = [...m.chunks.values()].reduce((n, c) => n + c.length, 0);
    if (size !== m.total) return problem(400, 'invalid-request', 'Invalid Request', `File size mismatch: received ${size} bytes of ${m.total}.`);
    m.finalizedAt ??= Date.now();
    const info = processingInfo(m);
    return { status: 200, body: { data: { ...mediaData(m), ...(info ? { processing_info: info } : {}) } } };
  }

  function status(req: FakeRequest): FakeResponse {
    const grant = authenticate(req, ['media.write']);
    if ('status' in grant) return grant;
    if (req.query.get('command') !== 'STATUS') return problem(400, 'invalid-request', 'Invalid Request', 'command must be STATUS.');
    const m = media.get(req.query.get('media_id') ?? '');
    if (!m || m.userId !== grant.userId) return problem(404, 'resource-not-found', 'Not Found Error', 'Could not find media.');
    return { status: 200, body: { data: { ...mediaData(m), processing_info: processingInfo(m) ?? { state: 'pending', check_after_secs: 1 } } } };
  }

  function metadata(req: FakeRequest): FakeResponse {
    const grant = authenticate(req, ['media.write']);
    if ('status' in grant) return grant;
    const b = req.body as unknown as { id?: string; metadata?: { alt_text?: { text?: string } } };
    const m = media.get(String(b.id ?? ''));
    if (!m || m.userId !== grant.userId) return problem(404, 'resource-not-found', 'Not Found Error', 'Could not find media.');
    const text = b.metadata?.alt_text?.text;
    if (typeof text !== 'string' || text.length > 1000) return problem(400, 'invalid-request', 'Invalid Request', 'alt_text.text must be at most 1000 characters.');
    m.altText = text;
    return { status: 200, body: { data: { id: m.id, associated_metadata: { alt_text: { text } } } } };
  }

  // ---- Routing -----------------------------------------------------------------------------

  const server = await startFakeServer(async (req) => {
    const { method, path } = req;
    if (method === 'GET' && path === '/i/oauth2/authorize') return consentPage(req.query);
    if (method === 'POST' && path === '/i/oauth2/authorize/decision') return { status: 302, redirect: decide(new URLSearchParams(req.raw.toString('utf8')), req.body.decision !== 'allow') };
    if (method === 'POST' && path === '/2/oauth2/token') return tokenEndpoint(req);
    if (method === 'POST' && path === '/2/oauth2/revoke') return revokeEndpoint(req);
    if (method === 'GET' && path === '/2/users/me') return usersMe(req);
    if (method === 'POST' && path === '/2/tweets') return createPost(req);
    if (method === 'GET' && path === '/2/tweets') return lookup(req);
    const userTweets = /^\/2\/users\/(\d+)\/tweets$/.exec(path);
    if (method === 'GET' && userTweets) return timeline(req, userTweets[1]!);
    if (method === 'POST' && path === '/2/media/upload') return simpleUpload(req);
    if (method === 'GET' && path === '/2/media/upload') return status(req);
    if (method === 'POST' && path === '/2/media/upload/initialize') return initialize(req);
    const chunked = /^\/2\/media\/upload\/(\d+)\/(append|finalize)$/.exec(path);
    if (method === 'POST' && chunked) return chunked[2] === 'append' ? append(req, chunked[1]!) : finalize(req, chunked[1]!);
    if (method === 'POST' && path === '/2/media/metadata') return metadata(req);
    return problem(404, 'about:blank', 'Not Found', `No route for ${method} ${path}`);
  });

  const findPost = (id: string) => {
    const post = posts.find((p) => p.id === id);
    if (!post) throw new Error(`no post ${id} at the fake`);
    return post;
  };

  return {
    url: server.url,
    clientId,
    clientSecret,
    requests: server.requests,
    failNext: server.failNext,
    setDown: server.setDown,
    revocations,
    /** Refresh tokens the token endpoint refused (reused after rotation, or revoked). */
    refusedRefreshes,
    users,
    posts: () => posts,
    media: () => [...media.values()],
    /** Posts of the current user with this text, oldest first. */
    postsWithText: (text: string) => posts.filter((p) => p.text === text),
    /** The consent page's "Authorize app": answers Herald's callback address. */
    authorize(authorizeUrl: string, choice: { deny?: boolean } = {}) {
      const q = new URL(authorizeUrl).searchParams;
      const trouble = checkAuthorize(q);
      if (trouble) throw new Error(trouble);
      return decide(q, choice.deny ?? false);
    },
    useUser(id: string) {
      currentUser = id;
    },
    setSubscriber(id: string, subscriber: boolean) {
      const user = userOf(id);
      user.subscription_type = subscriber ? 'Premium' : 'None';
      user.verified_type = subscriber ? 'blue' : 'none';
    },
    /** Every access token stops working (expired at X), as two hours later. */
    expireAccessTokens() {
      for (const t of accessTokens) t.expiresAt = 0;
    },
    /** The user takes back a permission (X has no per-scope consent; this stands for a new, narrower one). */
    withdrawScope(scope: string) {
      for (const g of grants) g.scopes = g.scopes.filter((s) => s !== scope);
    },
    /** The next POST /2/tweets gets this failure (5xx, 429, lost answer…). */
    failNextCreate(failure: Injected) {
      server.failNext('/2/tweets', failure);
    },
    /**
     * The create that finds `afterPosts` posts at the fake fails: refused with `refusal`, or made
     * and answered `lateMs` later (past Herald's timeout: a lost answer).
     */
    failCreateAfter(afterPosts: number, failure: { refusal?: FakeResponse; lateMs?: number }) {
      createFailure = { afterPosts, ...failure };
    },
    /** A post the account already has (an earlier attempt Herald lost track of). */
    seedPost(text: string, userId = users[0]!.id) {
      const post: FakePost = { id: newId(), userId, text, createdAt: Date.now(), mediaIds: [], replyTo: null, quoteOf: null, poll: null, replySettings: null, metrics: { impression_count: 0, like_count: 0, reply_count: 0, retweet_count: 0, quote_count: 0, bookmark_count: 0 } };
      posts.push(post);
      return post;
    },
    /** The next POST /2/tweets is refused with X's problem. */
    refuseNextPost(status: number, kind: string, title: string, detail: string) {
      nextPostRefusal = problem(status, kind, title, detail);
    },
    /** The next GIF or video fails processing. */
    failNextMedia() {
      nextMediaFailure = true;
    },
    setProcessingMs(ms: number) {
      processingMs = ms;
    },
    setVideoMaxBytes(bytes: number) {
      videoMaxBytes = bytes;
    },
    /** Replies are refused unless the replied-to author "summoned" the account (X's 2026-02-23 rule). */
    setSummonedRepliesOnly(value: boolean) {
      summonedRepliesOnly = value;
    },
    setNextPostId(id: string) {
      nextPostIds.push(id);
    },
    /** People follow the account: its followers_count in public_metrics. */
    setFollowers(count: number, userId = users[0]!.id) {
      userOf(userId).followers_count = count;
    },
    engage(id: string, values: Partial<FakePost['metrics']>) {
      Object.assign(findPost(id).metrics, values);
    },
    close: () => server.close(),
  };
}

export type XFake = Awaited<ReturnType<typeof startXFake>>;

/** The settings that point Herald's X provider at this fake. */
export const xEnv = (fake: XFake) => ({
  HERALD_X_CLIENT_ID: fake.clientId,
  HERALD_X_CLIENT_SECRET: fake.clientSecret,
  HERALD_X_AUTHORIZE_URL: `${fake.url}/i/oauth2/authorize`,
  HERALD_X_API_URL: fake.url,
});
