import crypto from 'node:crypto';
import { escapeHtml, startFakeServer, type FakeRequest, type FakeResponse, type Injected } from '../http.ts';

// A local Reddit following ../shared/providers.md §11 (Data API, OAuth2): the consent page at
// /api/v1/authorize (Allow / Decline, or approved at once for the demo), POST /api/v1/access_token
// with HTTP Basic client authentication (`duration=permanent` grants a refresh token; a refresh
// answers a new access token and the same refresh token; refusals come as `{ error }`, with HTTP
// 200 for a bad grant as Reddit does), POST /api/v1/revoke_token (204 always; revoking the refresh
// token ends its access tokens), and the bearer API: /api/v1/me, the person's subreddits
// (moderator, subscriber), subreddit search, /r/{sr}/about, /api/v1/{sr}/post_requirements, link
// flairs (link_flair_v2), the media lease (/api/media/asset.json) with an S3-style upload form on
// this server (every field checked, the file last, 201 with an XML <Location>), /api/submit and
// /api/submit_gallery_post.json answering HTTP 200 with `json.errors` (SUBREDDIT_NOEXIST,
// NO_SELFS, NO_LINKS, ALREADY_SUB for a link sent with resubmit=false, SUBMIT_VALIDATION_FLAIR_REQUIRED,
// NO_TEXT, TOO_LONG, RATELIMIT "try again in N minutes" when switched on), image and video posts
// listed only after processing (their submission answers without the id, as on Reddit), the
// account's submitted listing, /api/info (score, upvote ratio, comments), 401 / 403
// insufficient_scope with WWW-Authenticate, and `X-Ratelimit-Used/-Remaining/-Reset` on every API
// answer from one window per OAuth client id (429 once spent).
//
// What it does not do: the websocket that reports a media post, post_requirements enforced at
// submission beyond required flair (the real site enforces them; Herald checks them itself first),
// comments, deletion, karma and account-age rules, captchas, and the 10-minute averaging of the
// rate limit (a plain window stands in).

export type RedditUser = { id: string; name: string; title: string | null; icon: string };
export type FakeSubreddit = {
  name: string;
  title: string;
  subscribers: number;
  over18: boolean;
  submissionType: 'any' | 'link' | 'self';
  allowImages: boolean;
  allowVideos: boolean;
  allowGalleries: boolean;
  requirements: Record<string, unknown>;
  /** null: link flair is turned off (link_flair_v2 answers 403). */
  flairs: { id: string; text: string; text_editable: boolean; mod_only: boolean; background_color: string; text_color: 'dark' | 'light' }[] | null;
  /** Users who joined or moderate it. */
  subscribers_: string[];
  moderators: string[];
};
export type FakePost = {
  id36: string;
  name: string;
  author: string;
  subreddit: string;
  kind: 'self' | 'link' | 'image' | 'video' | 'gallery';
  title: string;
  selftext: string;
  url: string | null;
  posterUrl: string | null;
  galleryItems: { mediaId: string; caption: string }[];
  flairId: string | null;
  flairText: string | null;
  nsfw: boolean;
  spoiler: boolean;
  sendReplies: boolean;
  createdAt: number;
  /** When the post appears in listings (media posts: after processing). */
  listedAt: number;
  score: number;
  ups: number;
  upvoteRatio: number;
  numComments: number;
  numCrossposts: number;
};
type FakeToken = { accessToken: string; refreshToken: string; userId: string; scopes: Set<string>; accessExpiresAt: number; revoked: boolean };
type Asset = { id: string; key: string; signature: string; mimeType: string; userId: string; uploadedBytes: number | null; url: string };

export type RedditFakeOptions = {
  clientId?: string;
  clientSecret?: string;
  users?: RedditUser[];
  /** Approve the consent page at once (the demo). */
  autoApprove?: boolean;
  /** Media posts are listed this long after submission. */
  processingMs?: number;
  /** Calls per window per client id (Reddit: 100 a minute, averaged over 10 minutes). */
  rateLimit?: number;
  rateWindowMs?: number;
};

const SCOPES = ['identity', 'edit', 'flair', 'history', 'modconfig', 'modflair', 'modlog', 'modposts', 'modwiki', 'mysubreddits', 'privatemessages', 'read', 'report', 'save', 'submit', 'subscribe', 'vote', 'wikiedit', 'wikiread'];
const random = (prefix: string) => `${prefix}-${crypto.randomBytes(18).toString('base64url')}`;
const base36 = () => BigInt(`0x${crypto.randomBytes(5).toString('hex')}`).toString(36);
const plain = (status: number, message: string): FakeResponse => ({ status, body: { message, error: status } });
const jsonErrors = (...errors: [string, string, string][]): FakeResponse => ({ status: 200, body: { json: { errors } } });
/** Reddit's User-Agent rule: `<platform>:<app id>:<version> (by /u/<username>)`. */
const descriptiveAgent = /^\S+:\S+:\S+ \(by \/u\/[A-Za-z0-9_-]{3,20}\)$/;

const noRequirements = () => ({
  title_regexes: [],
  body_blacklisted_strings: [],
  title_blacklisted_strings: [],
  body_text_max_length: null,
  title_required_strings: [],
  guidelines_text: null,
  gallery_min_items: null,
  domain_blacklist: [],
  domain_whitelist: [],
  title_text_max_length: null,
  body_restriction_policy: 'none',
  link_restriction_policy: 'none',
  guidelines_display_policy: null,
  body_required_strings: [],
  title_text_min_length: null,
  gallery_captions_requirement: 'none',
  is_flair_required: false,
  gallery_max_items: null,
  gallery_urls_requirement: 'none',
  body_regexes: [],
  link_repost_age: null,
  body_text_min_length: null,
});

const flair = (text: string, color: string, editable = false) => ({ id: crypto.randomUUID(), text, text_editable: editable, mod_only: false, background_color: color, text_color: 'light' as const });

export async function startRedditFake(options: RedditFakeOptions = {}) {
  const clientId = options.clientId ?? 'hEr4ldCl1entId0';
  const clientSecret = options.clientSecret ?? 'reddit-app-secret';
  const users = (options.users ?? [{ id: '1w72', name: 'herald_tester', title: 'Herald Tester', icon: 'https://styles.redditmedia.example/t5_herald/avatar.png?width=256&amp;s=abc' }]).map((u) => ({ ...u }));
  let processingMs = options.processingMs ?? 300;
  let limit = options.rateLimit ?? 1000;
  let windowMs = options.rateWindowMs ?? 600_000;
  let window = { start: Date.now(), used: 0 };
  const throttled: string[] = [];
  let currentUser = users[0]!.id;
  const codes = new Map<string, { userId: string; scopes: string[]; redirectUri: string; permanent: boolean; used: boolean }>();
  const tokens: FakeToken[] = [];
  const revocations: { token: string; hint: string | null; status: number }[] = [];
  const assets = new Map<string, Asset>();
  const posts: FakePost[] = [];
  const nextIds: string[] = [];
  const userAgents: string[] = [];
  let nextRatelimit: { minutes: number } | null = null;
  let nextRefusal: [string, string, string] | null = null;

  const me = users[0]!.name;
  const subreddits: FakeSubreddit[] = [
    // A subreddit with no requirements, that the first user joined.
    { name: 'HeraldTesting', title: 'Herald testing ground', subscribers: 1204, over18: false, submissionType: 'any', allowImages: true, allowVideos: true, allowGalleries: true, requirements: noRequirements(), flairs: [flair('Discussion', '#0079d3'), flair('Showcase', '#46d160', true)], subscribers_: [me], moderators: [] },
    // Every post needs a flair, in the subreddit's own words.
    {
      name: 'AskHerald',
      title: 'Ask Herald',
      subscribers: 88_412,
      over18: false,
      submissionType: 'any',
      allowImages: true,
      allowVideos: false,
      allowGalleries: true,
      requirements: { ...noRequirements(), is_flair_required: true, title_text_min_length: 10, title_blacklisted_strings: ['[urgent]'], guidelines_text: 'Every post needs a flair: pick Question, Discussion or Showcase.' },
      flairs: [flair('Question', '#ff4500'), flair('Discussion', '#0079d3'), flair('Showcase', '#46d160', true)],
      subscribers_: [me],
      moderators: [],
    },
    // Links and media only: text posts are refused (NO_SELFS).
    { name: 'HeraldLinks', title: 'Links about scheduling', subscribers: 5_310, over18: false, submissionType: 'link', allowImages: true, allowVideos: true, allowGalleries: true, requirements: { ...noRequirements(), domain_blacklist: ['spam.example'] }, flairs: null, subscribers_: [], moderators: [me] },
    // Found only by searching.
    { name: 'HeraldPhotography', title: 'Photos made with Herald', subscribers: 310_000, over18: false, submissionType: 'any', allowImages: true, allowVideos: true, allowGalleries: true, requirements: noRequirements(), flairs: [], subscribers_: [], moderators: [] },
  ];

  const userOf = (id: string) => users.find((u) => u.id === id)!;
  const subredditOf = (name: string) => subreddits.find((s) => s.name.toLowerCase() === name.toLowerCase());

  // ---- Rate limit (per client id) ----------------------------------------------------------

  function spend(): { headers: Record<string, string>; refused: boolean } {
    const now = Date.now();
    if (now - window.start >= windowMs) window = { start: now, used: 0 };
    const reset = Math.max(1, Math.ceil((window.start + windowMs - now) / 1000));
    if (window.used >= limit) return { headers: { 'x-ratelimit-used': String(window.used), 'x-ratelimit-remaining': '0.0', 'x-ratelimit-reset': String(reset) }, refused: true };
    window.used += 1;
    return { headers: { 'x-ratelimit-used': String(window.used), 'x-ratelimit-remaining': `${limit - window.used}.0`, 'x-ratelimit-reset': String(reset) }, refused: false };
  }

  // ---- OAuth -------------------------------------------------------------------------------

  function decide(input: { redirectUri: string; state: string; scope: string; duration: string; grant?: string[]; deny?: boolean }): string {
    const target = new URL(input.redirectUri);
    if (input.deny) {
      target.search = new URLSearchParams({ state: input.state, error: 'access_denied' }).toString();
      return target.toString();
    }
    const requested = input.scope.split(/[\s,]+/).filter(Boolean);
    const granted = input.grant ? requested.filter((s) => input.grant!.includes(s)) : requested;
    const code = crypto.randomBytes(16).toString('hex');
    codes.set(code, { userId: currentUser, scopes: granted, redirectUri: input.redirectUri, permanent: input.duration === 'permanent', used: false });
    target.search = new URLSearchParams({ state: input.state, code }).toString();
    return target.toString();
  }

  function authorizeRequest(q: URLSearchParams): string | null {
    if (q.get('client_id') !== clientId) return 'Unknown client_id';
    if (q.get('response_type') !== 'code') return 'response_type must be code';
    if (!q.get('redirect_uri') || !q.get('state')) return 'redirect_uri and state are required';
    if (!['permanent', 'temporary'].includes(q.get('duration') ?? '')) return 'duration must be permanent or temporary';
    const unknown = (q.get('scope') ?? '').split(/[\s,]+/).filter((s) => s && !SCOPES.includes(s));
    if (unknown.length) return `invalid scope: ${unknown.join(', ')}`;
    return null;
  }

  function consentPage(q: URLSearchParams): FakeResponse {
    const problem = authorizeRequest(q);
    if (problem) return { status: 400, html: `<p>${escapeHtml(problem)}</p>` };
    if (options.autoApprove) return { status: 302, redirect: decide({ redirectUri: q.get('redirect_uri')!, state: q.get('state')!, scope: q.get('scope') ?? '', duration: q.get('duration')! }) };
    const hidden = ['redirect_uri', 'state', 'scope', 'duration'].map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(q.get(k) ?? '')}">`).join('');
    const scopes = (q.get('scope') ?? '').split(/[\s,]+/).filter(Boolean);
    return {
      status: 200,
      html: `<!doctype html><title>reddit.com: API authorization (fake)</title><h1>Herald requests to connect with your Reddit account</h1><p>Signed in as u/${escapeHtml(userOf(currentUser).name)}</p><ul>${scopes.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul><p>${q.get('duration') === 'permanent' ? 'Maintain this access indefinitely (or until manually revoked).' : 'For one hour.'}</p><form method="post" action="/api/v1/authorize/decision">${hidden}<button name="decision" value="allow">Allow</button> <button name="decision" value="deny">Decline</button></form>`,
    };
  }

  const clientOk = (req: FakeRequest) => req.headers.authorization === `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;

  function issue(userId: string, scopes: string[], refreshToken: string | null) {
    const token: FakeToken = { accessToken: random('redditat'), refreshToken: refreshToken ?? random('redditrt'), userId, scopes: new Set(scopes), accessExpiresAt: Date.now() + 3_600_000, revoked: false };
    tokens.push(token);
    return token;
  }

  function tokenEndpoint(req: FakeRequest): FakeResponse {
    userAgents.push(String(req.headers['user-agent'] ?? ''));
    if (!clientOk(req)) return plain(401, 'Unauthorized');
    const b = req.body;
    if (b.grant_type === 'authorization_code') {
      const pending = codes.get(b.code ?? '');
      // Reddit answers a bad grant with HTTP 200 and an error field.
      if (!pending || pending.used || pending.redirectUri !== b.redirect_uri) return { status: 200, body: { error: 'invalid_grant' } };
      pending.used = true;
      const token = issue(pending.userId, pending.scopes, null);
      return { status: 200, body: { access_token: token.accessToken, token_type: 'bearer', expires_in: 3600, ...(pending.permanent ? { refresh_token: token.refreshToken } : {}), scope: pending.scopes.join(' ') } };
    }
    if (b.grant_type === 'refresh_token') {
      const grant = tokens.find((t) => t.refreshToken === b.refresh_token && !t.revoked);
      if (!grant) return { status: 400, body: { error: 'invalid_grant' } };
      // A permanent grant keeps its refresh token: the refresh answers it again with a new access token.
      const token = issue(grant.userId, [...grant.scopes], grant.refreshToken);
      return { status: 200, body: { access_token: token.accessToken, token_type: 'bearer', expires_in: 3600, refresh_token: token.refreshToken, scope: [...token.scopes].join(' ') } };
    }
    return { status: 400, body: { error: 'unsupported_grant_type' } };
  }

  function revokeEndpoint(req: FakeRequest): FakeResponse {
    if (!clientOk(req)) return plain(401, 'Unauthorized');
    const value = req.body.token ?? '';
    const hint = req.body.token_type_hint ?? null;
    // A refresh token ends the grant (every access token made from it); an access token only itself.
    for (const t of tokens) if (t.refreshToken === value || t.accessToken === value) t.revoked = true;
    revocations.push({ token: value, hint, status: 204 });
    return { status: 204, raw: '' };
  }

  function authenticate(req: FakeRequest, scope: string): { token: FakeToken } | { response: FakeResponse } {
    const value = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const token = tokens.find((t) => t.accessToken === value);
    if (!token || token.revoked || token.accessExpiresAt < Date.now()) return { response: { ...plain(401, 'Unauthorized'), headers: { 'www-authenticate': 'Bearer realm="reddit", error="invalid_token"' } } };
    if (!token.scopes.has(scope)) return { response: { ...plain(403, 'Forbidden'), headers: { 'www-authenticate': 'Bearer realm="reddit", error="insufficient_scope"' } } };
    return { token };
  }

  // ---- API ---------------------------------------------------------------------------------

  const subredditJson = (s: FakeSubreddit, userId?: string) => ({
    display_name: s.name,
    display_name_prefixed: `r/${s.name}`,
    title: s.title,
    subscribers: s.subscribers,
    over18: s.over18,
    submission_type: s.submissionType,
    allow_images: s.allowImages,
    allow_videos: s.allowVideos,
    allow_galleries: s.allowGalleries,
    link_flair_enabled: s.flairs !== null,
    subreddit_type: 'public',
    community_icon: `https://styles.redditmedia.example/${s.name}.png?width=256&amp;s=1`,
    icon_img: '',
    user_is_subscriber: userId ? s.subscribers_.includes(userOf(userId).name) : null,
    user_is_moderator: userId ? s.moderators.includes(userOf(userId).name) : null,
    name: `t5_${s.name.toLowerCase().slice(0, 6)}`,
  });
  const listing = (children: unknown[], after: string | null = null) => ({ kind: 'Listing', data: { after, dist: children.length, children, before: null } });
  const postJson = (p: FakePost) => ({
    kind: 't3',
    data: {
      id: p.id36,
      name: p.name,
      author: p.author,
      subreddit: p.subreddit,
      subreddit_name_prefixed: `r/${p.subreddit}`,
      title: p.title,
      selftext: p.selftext,
      is_self: p.kind === 'self',
      url: p.url ?? `https://www.reddit.com/r/${p.subreddit}/comments/${p.id36}/`,
      permalink: `/r/${p.subreddit}/comments/${p.id36}/${p.title.toLowerCase().replace(/[^a-z0-9]+/g, '_').slice(0, 40)}/`,
      link_flair_template_id: p.flairId,
      link_flair_text: p.flairText,
      over_18: p.nsfw,
      spoiler: p.spoiler,
      send_replies: p.sendReplies,
      created_utc: Math.floor(p.createdAt / 1000),
      score: p.score,
      ups: p.ups,
      upvote_ratio: p.upvoteRatio,
      num_comments: p.numComments,
      num_crossposts: p.numCrossposts,
      view_count: null,
      is_gallery: p.kind === 'gallery',
    },
  });

  function lease(req: FakeRequest, token: FakeToken): FakeResponse {
    const mimeType = req.body.mimetype ?? '';
    if (!req.body.filepath || !/^(image\/(jpeg|png|gif)|video\/(mp4|quicktime))$/.test(mimeType)) return jsonErrors(['BAD_IMAGE', 'invalid image or video type', 'mimetype']);
    const id = crypto.randomBytes(6).toString('hex');
    const key = `rte_images/${id}/${req.body.filepath}`;
    const signature = crypto.randomBytes(20).toString('hex');
    const asset: Asset = { id, key, signature, mimeType, userId: token.userId, uploadedBytes: null, url: `${server.url}/media/${key}` };
    assets.set(id, asset);
    const host = new URL(server.url).host;
    return {
      status: 200,
      body: {
        args: { action: `//${host}/media-upload`, fields: uploadFields(asset).map(([name, value]) => ({ name, value })) },
        asset: { asset_id: id, processing_state: 'incomplete', payload: { filepath: req.body.filepath }, websocket_url: `wss://ws.redditmedia.example/rte_images/${id}?m=abc` },
      },
    };
  }

  const uploadFields = (a: Asset): [string, string][] => [
    ['acl', 'private'],
    ['key', a.key],
    ['X-Amz-Credential', 'ASIAFAKE/20261205/us-west-2/s3/aws4_request'],
    ['X-Amz-Algorithm', 'AWS4-HMAC-SHA256'],
    ['X-Amz-Date', '20261205T170000Z'],
    ['success_action_status', '201'],
    ['content-type', a.mimeType],
    ['x-amz-storage-class', 'STANDARD'],
    ['x-amz-meta-ext', a.key.split('.').pop() ?? ''],
    ['policy', Buffer.from(JSON.stringify({ conditions: [{ key: a.key }] })).toString('base64')],
    ['X-Amz-Signature', a.signature],
    ['x-amz-security-token', `FwoG${a.signature.slice(0, 16)}`],
  ];

  const s3Error = (status: number, code: string, message: string): FakeResponse => ({ status, headers: { 'content-type': 'application/xml' }, raw: `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${escapeHtml(message)}</Message></Error>` });

  async function upload(req: FakeRequest): Promise<FakeResponse> {
    const type = req.headers['content-type'] ?? '';
    if (!type.startsWith('multipart/form-data')) return s3Error(412, 'PreconditionFailed', 'Bucket POST must be of the enclosure-type multipart/form-data');
    let fields: FormData;
    try {
      fields = await new Response(new Uint8Array(req.raw), { headers: { 'content-type': type } }).formData();
    } catch {
      return s3Error(400, 'MalformedPOSTRequest', 'The body of your POST request is not well-formed multipart/form-data.');
    }
    const asset = [...assets.values()].find((a) => a.key === fields.get('key'));
    if (!asset) return s3Error(403, 'AccessDenied', 'Invalid according to Policy: Policy Condition failed: ["eq", "$key", ...]');
    for (const [name, value] of uploadFields(asset)) if (fields.get(name) !== value) return s3Error(403, 'AccessDenied', `Invalid according to Policy: Policy Condition failed: ["eq", "$${name}", ...]`);
    const names = [...req.raw.toString('latin1').matchAll(/Content-Disposition: form-data; name="([^"]+)"/gi)].map((x) => x[1]);
    if (names.at(-1) !== 'file') return s3Error(400, 'InvalidArgument', 'The file must be the last field of the form (fields after it are ignored)');
    const file = fields.get('file');
    if (!(file instanceof Blob) || file.size === 0) return s3Error(400, 'InvalidArgument', 'POST requires exactly one file upload per request.');
    asset.uploadedBytes = file.size;
    // The address percent-encoded, as S3 writes it.
    const location = `${server.url}/media/${encodeURIComponent(asset.key)}`;
    return { status: 201, headers: { 'content-type': 'application/xml' }, raw: `<?xml version="1.0" encoding="UTF-8"?><PostResponse><Location>${location}</Location><Bucket>reddit-uploaded-media</Bucket><Key>${escapeHtml(asset.key)}</Key><ETag>"${asset.signature.slice(0, 32)}"</ETag></PostResponse>` };
  }

  const uploadedAt = (url: string | undefined, userId: string) => [...assets.values()].find((a) => a.url === url && a.userId === userId && a.uploadedBytes !== null);

  /** The checks Reddit makes of every submission, text or gallery; null when it may go. */
  function refuse(input: { sr: string; kind: FakePost['kind']; title: string; flairId: string | null }): FakeResponse | null {
    if (nextRatelimit) {
      const { minutes } = nextRatelimit;
      nextRatelimit = null;
      // r2's words (lib/errors.py), the delay written out.
      return jsonErrors(['RATELIMIT', `you are doing that too much. try again in ${minutes} minutes.`, 'ratelimit']);
    }
    if (nextRefusal) {
      const r = nextRefusal;
      nextRefusal = null;
      return jsonErrors(r);
    }
    const sr = subredditOf(input.sr);
    if (!sr) return jsonErrors(['SUBREDDIT_NOEXIST', "that subreddit doesn't exist", 'sr']);
    if (!input.title) return jsonErrors(['NO_TEXT', 'we need something here', 'title']);
    if ([...input.title].length > 300) return jsonErrors(['TOO_LONG', 'this is too long (max: 300)', 'title']);
    if (input.kind === 'self' && sr.submissionType === 'link') return jsonErrors(['NO_SELFS', "that subreddit doesn't allow text posts", 'sr']);
    if (input.kind !== 'self' && sr.submissionType === 'self') return jsonErrors(['NO_LINKS', "that subreddit only allows text posts", 'sr']);
    if (sr.requirements.is_flair_required === true && !input.flairId) return jsonErrors(['SUBMIT_VALIDATION_FLAIR_REQUIRED', 'Your post must contain post flair.', 'flair']);
    if (input.flairId && !(sr.flairs ?? []).some((f) => f.id === input.flairId)) return jsonErrors(['BAD_FLAIR_TARGET', 'that flair is not available here', 'flair']);
    return null;
  }

  function create(token: FakeToken, fields: Omit<FakePost, 'id36' | 'name' | 'author' | 'createdAt' | 'listedAt' | 'score' | 'ups' | 'upvoteRatio' | 'numComments' | 'numCrossposts'>): FakePost {
    const id36 = nextIds.shift() ?? base36();
    const now = Date.now();
    const post: FakePost = { ...fields, id36, name: `t3_${id36}`, author: userOf(token.userId).name, createdAt: now, listedAt: fields.kind === 'image' || fields.kind === 'video' ? now + processingMs : now, score: 1, ups: 1, upvoteRatio: 1, numComments: 0, numCrossposts: 0 };
    posts.push(post);
    return post;
  }

  function submit(req: FakeRequest, token: FakeToken): FakeResponse {
    const b = req.body;
    if (b.api_type !== 'json') return { status: 200, raw: '<html>not json</html>', headers: { 'content-type': 'text/html' } };
    const kind = b.kind as FakePost['kind'];
    if (!['self', 'link', 'image', 'video', 'videogif'].includes(kind)) return jsonErrors(['INVALID_OPTION', 'that option is not valid', 'kind']);
    const flairId = b.flair_id || null;
    const refused = refuse({ sr: b.sr ?? '', kind, title: b.title ?? '', flairId });
    if (refused) return refused;
    const sr = subredditOf(b.sr!)!;
    if ((kind === 'link' || kind === 'image' || kind === 'video') && !b.url) return jsonErrors(['NO_URL', 'a url is required', 'url']);
    if (kind === 'link') {
      // resubmit=false (or absent) keeps Reddit's guard against the same link twice in a subreddit.
      if (b.resubmit !== 'true' && posts.some((p) => p.subreddit === sr.name && p.kind === 'link' && p.url === b.url)) return jsonErrors(['ALREADY_SUB', 'that link has already been submitted', 'url']);
    }
    if (kind === 'image' && !uploadedAt(b.url, token.userId)) return jsonErrors(['BAD_URL', 'you should check that url', 'url']);
    if (kind === 'video' && (!uploadedAt(b.url, token.userId) || !uploadedAt(b.video_poster_url, token.userId))) return jsonErrors(['BAD_URL', 'you should check that url', b.video_poster_url ? 'url' : 'video_poster_url']);
    if (kind === 'image' && !sr.allowImages) return jsonErrors(['NO_IMAGES', "this community doesn't allow images", 'sr']);
    if (kind === 'video' && !sr.allowVideos) return jsonErrors(['NO_VIDEOS', "this community doesn't allow videos", 'sr']);
    const post = create(token, {
      subreddit: sr.name,
      kind: kind as FakePost['kind'],
      title: b.title!,
      selftext: kind === 'self' ? (b.text ?? '') : '',
      url: kind === 'self' ? null : b.url!,
      posterUrl: b.video_poster_url ?? null,
      galleryItems: [],
      flairId,
      flairText: flairId ? (b.flair_text ?? (sr.flairs ?? []).find((f) => f.id === flairId)?.text ?? null) : null,
      nsfw: b.nsfw === 'true',
      spoiler: b.spoiler === 'true',
      sendReplies: b.sendreplies !== 'false',
    });
    // Media posts answer without the post: Reddit reports it on the websocket once processed.
    if (kind === 'image' || kind === 'video') return { status: 200, body: { json: { errors: [], data: { user_submitted_page: `https://www.reddit.com/user/${post.author}/submitted/`, websocket_url: `wss://ws.redditmedia.example/rte_images/${post.id36}` } } } };
    return { status: 200, body: { json: { errors: [], data: { url: `https://www.reddit.com/r/${sr.name}/comments/${post.id36}/`, drafts_count: 0, id: post.id36, name: post.name } } } };
  }

  function submitGallery(req: FakeRequest, token: FakeToken): FakeResponse {
    let b: Record<string, unknown>;
    try {
      b = JSON.parse(req.raw.toString('utf8')) as Record<string, unknown>;
    } catch {
      return plain(400, 'Bad Request');
    }
    if (b.api_type !== 'json') return plain(400, 'Bad Request');
    const flairId = typeof b.flair_id === 'string' ? b.flair_id : null;
    const refused = refuse({ sr: String(b.sr ?? ''), kind: 'gallery', title: String(b.title ?? ''), flairId });
    if (refused) return refused;
    const sr = subredditOf(String(b.sr))!;
    if (!sr.allowGalleries) return jsonErrors(['NO_GALLERIES', "this community doesn't allow galleries", 'sr']);
    const items = Array.isArray(b.items) ? (b.items as { media_id?: unknown; caption?: unknown }[]) : [];
    if (items.length < 2 || items.length > 20) return jsonErrors(['GALLERY_ITEMS', 'a gallery holds 2 to 20 items', 'items']);
    for (const item of items) {
      const asset = typeof item.media_id === 'string' ? assets.get(item.media_id) : undefined;
      if (!asset || asset.userId !== token.userId || asset.uploadedBytes === null) return jsonErrors(['MEDIA_UNAVAILABLE', 'that media is not available', 'items']);
    }
    const post = create(token, {
      subreddit: sr.name,
      kind: 'gallery',
      title: String(b.title),
      selftext: '',
      url: null,
      posterUrl: null,
      galleryItems: items.map((i) => ({ mediaId: String(i.media_id), caption: typeof i.caption === 'string' ? i.caption : '' })),
      flairId,
      flairText: flairId ? (typeof b.flair_text === 'string' ? b.flair_text : ((sr.flairs ?? []).find((f) => f.id === flairId)?.text ?? null)) : null,
      nsfw: b.nsfw === true,
      spoiler: b.spoiler === true,
      sendReplies: b.sendreplies !== false,
    });
    return { status: 200, body: { json: { errors: [], data: { url: `https://www.reddit.com/gallery/${post.id36}`, id: post.name } } } };
  }

  async function api(req: FakeRequest): Promise<FakeResponse> {
    const { method, path } = req;
    const route = (scope: string, run: (token: FakeToken) => FakeResponse | Promise<FakeResponse>) => async (): Promise<FakeResponse> => {
      userAgents.push(String(req.headers['user-agent'] ?? ''));
      if (!descriptiveAgent.test(String(req.headers['user-agent'] ?? ''))) return plain(429, 'Too Many Requests');
      const spent = spend();
      if (spent.refused) {
        throttled.push(`${method} ${path}`);
        return { ...plain(429, 'Too Many Requests'), headers: spent.headers };
      }
      const auth = authenticate(req, scope);
      const answer = 'response' in auth ? auth.response : await run(auth.token);
      return { ...answer, headers: { ...spent.headers, ...answer.headers } };
    };
    let m: RegExpExecArray | null;
    if (method === 'GET' && path === '/api/v1/me') {
      return route('identity', (t) => {
        const u = userOf(t.userId);
        return { status: 200, body: { id: u.id, name: u.name, icon_img: u.icon, snoovatar_img: '', created_utc: 1_600_000_000, link_karma: 120, comment_karma: 45, subreddit: { display_name_prefixed: `u/${u.name}`, title: u.title ?? '', icon_img: u.icon } } };
      })();
    }
    if (method === 'GET' && (m = /^\/subreddits\/mine\/(subscriber|moderator)$/.exec(path))) {
      const which = m[1]!;
      return route('mysubreddits', (t) => {
        const name = userOf(t.userId).name;
        const mine = subreddits.filter((s) => (which === 'moderator' ? s.moderators : s.subscribers_).includes(name));
        return { status: 200, body: listing(mine.map((s) => ({ kind: 't5', data: subredditJson(s, t.userId) }))) };
      })();
    }
    if (method === 'GET' && path === '/subreddits/search') {
      return route('read', (t) => {
        const q = (req.query.get('q') ?? '').toLowerCase();
        const found = subreddits.filter((s) => q && (s.name.toLowerCase().includes(q) || s.title.toLowerCase().includes(q)));
        return { status: 200, body: listing(found.map((s) => ({ kind: 't5', data: subredditJson(s, t.userId) }))) };
      })();
    }
    if (method === 'GET' && (m = /^\/r\/([^/]+)\/about$/.exec(path))) {
      const name = decodeURIComponent(m[1]!);
      return route('read', (t) => {
        const sr = subredditOf(name);
        return sr ? { status: 200, body: { kind: 't5', data: subredditJson(sr, t.userId) } } : plain(404, 'Not Found');
      })();
    }
    if (method === 'GET' && (m = /^\/api\/v1\/([^/]+)\/post_requirements$/.exec(path))) {
      const name = decodeURIComponent(m[1]!);
      return route('read', () => {
        const sr = subredditOf(name);
        return sr ? { status: 200, body: sr.requirements } : plain(404, 'Not Found');
      })();
    }
    if (method === 'GET' && (m = /^\/r\/([^/]+)\/api\/link_flair_v2$/.exec(path))) {
      const name = decodeURIComponent(m[1]!);
      return route('flair', () => {
        const sr = subredditOf(name);
        if (!sr) return plain(404, 'Not Found');
        return sr.flairs === null ? plain(403, 'Forbidden') : { status: 200, body: sr.flairs.map((f) => ({ ...f, type: 'text', richtext: [], allowable_content: 'all', max_emojis: 10, css_class: '' })) };
      })();
    }
    if (method === 'POST' && path === '/api/media/asset.json') return route('submit', (t) => lease(req, t))();
    if (method === 'POST' && path === '/api/submit') return route('submit', (t) => submit(req, t))();
    if (method === 'POST' && path === '/api/submit_gallery_post.json') return route('submit', (t) => submitGallery(req, t))();
    if (method === 'GET' && (m = /^\/user\/([^/]+)\/submitted$/.exec(path))) {
      const name = decodeURIComponent(m[1]!);
      return route('history', () => {
        const now = Date.now();
        const mine = posts.filter((p) => p.author.toLowerCase() === name.toLowerCase() && p.listedAt <= now).sort((a, b) => b.createdAt - a.createdAt);
        const size = Math.min(100, Number(req.query.get('limit') ?? 25) || 25);
        const after = req.query.get('after');
        const from = after ? mine.findIndex((p) => p.name === after) + 1 : 0;
        const slice = mine.slice(from, from + size);
        return { status: 200, body: listing(slice.map(postJson), from + size < mine.length ? slice.at(-1)!.name : null) };
      })();
    }
    if (method === 'GET' && path === '/api/info') {
      return route('read', () => {
        const ids = (req.query.get('id') ?? '').split(',').filter(Boolean);
        const now = Date.now();
        return { status: 200, body: listing(posts.filter((p) => ids.includes(p.name) && p.listedAt <= now).map(postJson)) };
      })();
    }
    return plain(404, 'Not Found');
  }

  const server = await startFakeServer(async (req) => {
    if (req.method === 'GET' && req.path === '/api/v1/authorize') return consentPage(req.query);
    if (req.method === 'POST' && req.path === '/api/v1/authorize/decision') {
      const b = req.body;
      return { status: 302, redirect: decide({ redirectUri: b.redirect_uri!, state: b.state ?? '', scope: b.scope ?? '', duration: b.duration ?? 'temporary', deny: b.decision === 'deny' }) };
    }
    if (req.method === 'POST' && req.path === '/api/v1/access_token') return tokenEndpoint(req);
    if (req.method === 'POST' && req.path === '/api/v1/revoke_token') return revokeEndpoint(req);
    if (req.method === 'POST' && req.path === '/media-upload') return upload(req);
    return api(req);
  });

  return {
    ...server,
    clientId,
    clientSecret,
    users,
    subreddits,
    /** What clicking "Allow" (with these scopes, or all) or "Decline" on the consent page returns: the redirect back. */
    authorize(authorizeUrl: string, choice: { grant?: string[]; deny?: boolean } = {}) {
      const q = new URL(authorizeUrl).searchParams;
      const problem = authorizeRequest(q);
      if (problem) throw new Error(`authorize: ${problem}`);
      return decide({ redirectUri: q.get('redirect_uri')!, state: q.get('state')!, scope: q.get('scope') ?? '', duration: q.get('duration')!, grant: choice.grant, deny: choice.deny });
    },
    setNextUser: (id: string) => void (currentUser = id),
    posts: () => posts.map((p) => ({ ...p })),
    assets: () => [...assets.values()].map((a) => ({ ...a })),
    tokens: () => tokens.map((t) => ({ ...t, scopes: [...t.scopes] })),
    revocations,
    throttled,
    userAgents,
    /** A token as the OAuth flow would grant it, for tests that need no consent page. */
    issueToken: (userId = users[0]!.id, scopes = ['identity', 'submit', 'read', 'mysubreddits', 'flair', 'history']) => issue(userId, scopes, null).accessToken,
    /** Every access token stops working (expired at Reddit) without Herald knowing. */
    expireAccessTokens() {
      for (const t of tokens) t.accessExpiresAt = Date.now() - 1000;
    },
    /** The person takes one scope back: every token of theirs loses it. */
    withdrawScope(scope: string, userId = users[0]!.id) {
      for (const t of tokens) if (t.userId === userId) t.scopes.delete(scope);
    },
    setNextPostId: (id36: string) => void nextIds.push(id36),
    /** The next submission is refused with Reddit's throttle: "you are doing that too much. try again in N minutes." */
    ratelimitNextSubmit(minutes: number) {
      nextRatelimit = { minutes };
    },
    /** The next submission is refused with this `json.errors` entry. */
    refuseNextSubmit(code: string, message: string, field = '') {
      nextRefusal = [code, message, field];
    },
    /** A one-shot failure of the next POST /api/submit (5xx, 429, lost answer…). */
    failNextSubmit: (failure: Injected) => server.failNext('/api/submit', failure),
    failNextGallery: (failure: Injected) => server.failNext('/api/submit_gallery_post.json', failure),
    setProcessingMs(ms: number) {
      processingMs = ms;
    },
    /** Calls per window for the client id from now on (a fresh window). */
    setRateLimit(calls: number, window = windowMs) {
      limit = calls;
      windowMs = window;
      window_reset();
    },
    /** People vote and comment on a post. */
    engage(fullname: string, counters: Partial<Pick<FakePost, 'score' | 'ups' | 'upvoteRatio' | 'numComments' | 'numCrossposts'>>) {
      const post = posts.find((p) => p.name === fullname);
      if (!post) throw new Error(`no post ${fullname}`);
      Object.assign(post, counters);
    },
  };

  function window_reset() {
    window = { start: Date.now(), used: 0 };
  }
}

export type RedditFake = Awaited<ReturnType<typeof startRedditFake>>;

/** The settings that point Herald's Reddit provider at this fake. */
export const redditEnv = (fake: RedditFake) => ({
  HERALD_REDDIT_CLIENT_ID: fake.clientId,
  HERALD_REDDIT_CLIENT_SECRET: fake.clientSecret,
  HERALD_REDDIT_DEVELOPER: 'herald_operator',
  HERALD_REDDIT_API_URL: fake.url,
  HERALD_REDDIT_AUTH_URL: fake.url,
});
