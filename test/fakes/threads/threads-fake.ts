import crypto from 'node:crypto';
import { startFakeServer, type FakeRequest, type FakeResponse, type Injected } from '../http.ts';
import { createConsent, createTokenStore, graphError, signedRequest, usageHeaders, type FakeToken, type GraphErrorInput, type UsageLevels } from '../meta-graph/graph-fake-core.ts';

// A local Threads following ../shared/providers.md §8 and its "Notes for local fake servers":
// the authorization window with one checkbox per permission, code → one-hour token → 60-day token,
// th_refresh_token only for a valid token at least 24 h old, /me, containers (TEXT, IMAGE, VIDEO,
// carousel items, CAROUSEL) whose media it downloads from the URL it is given (Herald's signed
// links, so their signature and expiry are exercised), IN_PROGRESS → FINISHED | ERROR, EXPIRED
// after 24 h unpublished, threads_publish (which, like Threads, publishes again when asked twice),
// threads_publishing_limit with a rolling 24 h count that refuses at the cap, recent posts and
// replies, insights, Meta's error envelope, and 64-bit ids.
//
// What it does not do: text attachments, polls, quotes and reposts, location tags, deletion,
// account insights beyond followers_count, webhooks, the 4800 × impressions call budget, and usage headers unless a test
// sets them (Threads sends none). Error codes Threads does not document (media not ready, publishing
// limit reached, carousel item not ready) are Graph-style stand-ins.

export type ThreadsUser = { id: string; username: string; name: string; pictureUrl: string; followers?: number };

export type ThreadsFakeOptions = {
  appId?: string;
  appSecret?: string;
  users?: ThreadsUser[];
  /** Time a container takes once its media is downloaded (TEXT containers use `text`). */
  processingMs?: { text?: number; image?: number; video?: number };
  /** Threads refreshes a token only once it is this old (24 h). */
  refreshMinAgeMs?: number;
  /** Posts and replies per rolling 24 h (250 and 1,000 at Threads). */
  quotaTotal?: number;
  replyQuotaTotal?: number;
  /** An unpublished container expires after this long (24 h). */
  containerTtlMs?: number;
};

type ContainerKind = 'TEXT' | 'IMAGE' | 'VIDEO' | 'CAROUSEL';
export type FakeContainer = {
  id: string;
  userId: string;
  mediaType: ContainerKind;
  isCarouselItem: boolean;
  text: string;
  mediaUrl: string | null;
  children: string[];
  replyToId: string | null;
  topicTag: string | null;
  linkAttachment: string | null;
  replyControl: string | null;
  altText: string | null;
  createdAt: number;
  /** Download of the media: pending, done (bytes) or failed (HTTP status or error). */
  download: { state: 'none' | 'pending' | 'done' | 'failed'; status?: number; bytes?: number };
  readyAt: number | null;
  error: string | null;
  publishedAs: string[];
};
export type FakeThreadsPost = {
  id: string;
  userId: string;
  containerId: string;
  mediaType: ContainerKind;
  text: string;
  children: string[];
  replyToId: string | null;
  rootId: string;
  topicTag: string | null;
  linkAttachment: string | null;
  replyControl: string | null;
  permalink: string;
  timestamp: number;
  insights: Record<string, number>;
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const API = '/v1.0';
const emoji = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
/** Threads' own count: emoji as their UTF-8 bytes. */
const countText = (text: string) => [...segmenter.segment(text)].reduce((n, { segment }) => n + (emoji.test(segment) ? Buffer.byteLength(segment) : 1), 0);
const links = (text: string) => new Set([...text.matchAll(/https?:\/\/[^\s<>"]+/gi)].map((m) => m[0].replace(/[.,;:!?)]+$/, '')));

const invalidParameter = (userMsg: string, subcode?: number): FakeResponse => graphError(400, { code: 100, message: 'Invalid parameter', type: 'THApiException', subcode, userMsg });
const missingPermission = (): FakeResponse => graphError(403, { code: 10, message: 'Application does not have permission for this action', type: 'THApiException' });
const notFound = (id: string): FakeResponse =>
  graphError(400, { code: 100, subcode: 33, type: 'GraphMethodException', message: `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.` });

/** A 64-bit id past 2^53, as Meta's ids are: a string of 17–19 digits. */
function bigId(): string {
  return (BigInt('1000000000000000000') + BigInt(`0x${crypto.randomBytes(7).toString('hex')}`)).toString();
}
/** Threads links posts by a shortcode (the id in base64), not by the id itself. */
const shortcodeOf = (id: string) => Buffer.from(BigInt(id).toString(16).padStart(16, '0'), 'hex').toString('base64url');

export async function startThreadsFake(options: ThreadsFakeOptions = {}) {
  const appId = options.appId ?? '990602627938098';
  const appSecret = options.appSecret ?? 'threads-app-secret';
  const users = (options.users ?? [{ id: '17841400123456789', username: 'herald.tester', name: 'Herald Tester', pictureUrl: 'https://scontent.cdninstagram.example/herald-tester.jpg' }]).map((u) => ({ ...u }));
  const processing = { text: 0, image: 100, video: 1000, ...options.processingMs };
  let refreshMinAgeMs = options.refreshMinAgeMs ?? DAY;
  let quotaTotal = options.quotaTotal ?? 250;
  const replyQuotaTotal = options.replyQuotaTotal ?? 1000;
  const containerTtlMs = options.containerTtlMs ?? DAY;
  const tokens = createTokenStore();
  const consent = createConsent({ appId, brand: 'Threads', decisionPath: '/oauth/authorize/decision' });
  consent.setUser(users[0]!.id);
  const containers = new Map<string, FakeContainer>();
  const posts: FakeThreadsPost[] = [];
  const refreshes: { token: string; accepted: boolean }[] = [];
  /** Publishing calls refused because the account was at its cap: Herald must never cause one. */
  const refusedAtCap: string[] = [];
  const nextIds: string[] = [];
  let nextContainerError: GraphErrorInput | null = null;
  let corruptNextDownload = false;
  let usage: UsageLevels | null = null;

  const userOf = (id: string) => users.find((u) => u.id === id);
  const withUsage = (response: FakeResponse): FakeResponse => (usage ? { ...response, headers: { ...response.headers, ...usageHeaders(usage) } } : response);

  function authenticate(req: FakeRequest, needed: string[]): { token: FakeToken } | { response: FakeResponse } {
    const checked = tokens.check(req);
    if (!checked.ok) return { response: checked.response };
    if (needed.some((scope) => !checked.scopes.has(scope))) return { response: missingPermission() };
    return { token: checked.token };
  }

  // ---- OAuth -------------------------------------------------------------------------------

  function exchangeCode(req: FakeRequest): FakeResponse {
    const b = { ...Object.fromEntries(req.query), ...req.body };
    if (b.client_id !== appId || b.client_secret !== appSecret) return graphError(400, { code: 101, message: 'Error validating client secret.' });
    if (b.grant_type !== 'authorization_code') return invalidParameter('grant_type must be authorization_code');
    const pending = consent.redeem(b.code, b.redirect_uri);
    if (!pending) return graphError(400, { code: 100, subcode: 36009, message: 'Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request' });
    const token = tokens.issue('short', pending.userId, pending.scopes);
    // user_id as a bare number, as Threads sends it: past 2^53 it only survives a lossless parser.
    return { status: 200, raw: `{"access_token":${JSON.stringify(token.token)},"user_id":${pending.userId}}` };
  }

  function exchangeLongLived(req: FakeRequest): FakeResponse {
    if (req.query.get('grant_type') !== 'th_exchange_token') return invalidParameter('grant_type must be th_exchange_token');
    if (req.query.get('client_secret') !== appSecret) return graphError(400, { code: 101, message: 'Error validating client secret.' });
    const checked = tokens.check(req);
    if (!checked.ok) return checked.response;
    if (checked.token.kind !== 'short') return invalidParameter('Only a short-lived token can be exchanged');
    const long = tokens.issue('long', checked.token.userId, checked.token.scopes);
    return { status: 200, body: { access_token: long.token, token_type: 'bearer', expires_in: Math.round((long.expiresAt! - Date.now()) / 1000) } };
  }

  function refresh(req: FakeRequest): FakeResponse {
    const value = req.query.get('access_token') ?? '';
    if (req.query.get('grant_type') !== 'th_refresh_token') return invalidParameter('grant_type must be th_refresh_token');
    const checked = tokens.check(req);
    const young = checked.ok && Date.now() - checked.token.issuedAt < refreshMinAgeMs;
    const accepted = checked.ok && checked.token.kind === 'long' && !young && checked.scopes.has('threads_basic');
    refreshes.push({ token: value, accepted });
    if (!checked.ok) return checked.response;
    if (checked.token.kind !== 'long') return invalidParameter('Only a long-lived token can be refreshed');
    if (young) return invalidParameter('A long-lived token can be refreshed only once it is at least 24 hours old');
    if (!accepted) return missingPermission();
    const renewed = tokens.issue('long', checked.token.userId, checked.token.scopes);
    return { status: 200, body: { access_token: renewed.token, token_type: 'bearer', expires_in: Math.round((renewed.expiresAt! - Date.now()) / 1000) } };
  }

  // ---- Reading -----------------------------------------------------------------------------

  function me(req: FakeRequest): FakeResponse {
    const auth = authenticate(req, ['threads_basic']);
    if ('response' in auth) return auth.response;
    const user = userOf(auth.token.userId)!;
    const all: Record<string, string> = { id: user.id, username: user.username, name: user.name, threads_profile_picture_url: user.pictureUrl, threads_biography: '' };
    const fields = (req.query.get('fields') ?? 'id').split(',').map((f) => f.trim());
    return { status: 200, body: Object.fromEntries(fields.filter((f) => f in all).map((f) => [f, all[f]])) };
  }

  const statusOf = (c: FakeContainer): string => {
    if (c.publishedAs.length) return 'PUBLISHED';
    if (c.error) return 'ERROR';
    if (Date.now() - c.createdAt > containerTtlMs) return 'EXPIRED';
    if (c.readyAt !== null && Date.now() >= c.readyAt) return 'FINISHED';
    return 'IN_PROGRESS';
  };

  const postFields = (p: FakeThreadsPost): Record<string, unknown> => ({
    id: p.id,
    media_product_type: 'THREADS',
    media_type: p.mediaType === 'TEXT' ? 'TEXT_POST' : p.mediaType === 'CAROUSEL' ? 'CAROUSEL_ALBUM' : p.mediaType,
    text: p.text,
    permalink: p.permalink,
    timestamp: new Date(p.timestamp).toISOString().replace(/\.\d{3}Z$/, '+0000'),
    username: userOf(p.userId)?.username,
    is_reply: p.replyToId !== null,
    ...(p.topicTag ? { topic_tag: p.topicTag } : {}),
  });

  function readObject(req: FakeRequest, id: string): FakeResponse {
    const auth = authenticate(req, ['threads_basic']);
    if ('response' in auth) return auth.response;
    const fields = (req.query.get('fields') ?? 'id').split(',').map((f) => f.trim());
    const container = containers.get(id);
    if (container && container.userId === auth.token.userId) {
      const status = statusOf(container);
      const all: Record<string, unknown> = { id: container.id, status, ...(status === 'ERROR' ? { error_message: container.error } : {}) };
      return { status: 200, body: Object.fromEntries(fields.filter((f) => f in all).map((f) => [f, all[f]])) };
    }
    const post = posts.find((p) => p.id === id && p.userId === auth.token.userId);
    if (!post) return notFound(id);
    const all = postFields(post);
    return { status: 200, body: Object.fromEntries(fields.filter((f) => f in all).map((f) => [f, all[f]])) };
  }

  function list(req: FakeRequest, userId: string, replies: boolean): FakeResponse {
    const auth = authenticate(req, replies ? ['threads_basic', 'threads_read_replies'] : ['threads_basic']);
    if ('response' in auth) return auth.response;
    if (auth.token.userId !== userId) return notFound(userId);
    const limit = Math.min(100, Number(req.query.get('limit') ?? 25) || 25);
    const fields = (req.query.get('fields') ?? 'id').split(',').map((f) => f.trim());
    const mine = posts.filter((p) => p.userId === userId && (p.replyToId !== null) === replies).sort((a, b) => b.timestamp - a.timestamp).slice(0, limit);
    return { status: 200, body: { data: mine.map((p) => Object.fromEntries(Object.entries(postFields(p)).filter(([k]) => fields.includes(k)))), paging: {} } };
  }

  const recent = (userId: string, replies: boolean) => posts.filter((p) => p.userId === userId && (p.replyToId !== null) === replies && Date.now() - p.timestamp < DAY).length;

  function publishingLimit(req: FakeRequest, userId: string): FakeResponse {
    const auth = authenticate(req, ['threads_basic', 'threads_content_publish']);
    if ('response' in auth) return auth.response;
    if (auth.token.userId !== userId) return notFound(userId);
    return {
      status: 200,
      body: {
        data: [
          {
            quota_usage: recent(userId, false),
            config: { quota_total: quotaTotal, quota_duration: 86_400 },
            reply_quota_usage: recent(userId, true),
            reply_config: { quota_total: replyQuotaTotal, quota_duration: 86_400 },
          },
        ],
      },
    };
  }

  function insights(req: FakeRequest, id: string): FakeResponse {
    const auth = authenticate(req, ['threads_basic', 'threads_manage_insights']);
    if ('response' in auth) return auth.response;
    const post = posts.find((p) => p.id === id && p.userId === auth.token.userId);
    if (!post) return notFound(id);
    const metrics = (req.query.get('metric') ?? '').split(',').filter(Boolean);
    const known = ['views', 'likes', 'replies', 'reposts', 'quotes', 'shares'];
    const unknown = metrics.find((m) => !known.includes(m));
    if (!metrics.length || unknown) return invalidParameter(`metric must be one of ${known.join(', ')}`);
    return {
      status: 200,
      body: { data: metrics.map((name) => ({ name, period: 'lifetime', values: [{ value: post.insights[name] ?? 0 }], title: name, description: `Number of ${name}`, id: `${post.id}/insights/${name}/lifetime` })) },
    };
  }

  /** Account insights: only followers_count (the current total) is reproduced. */
  function accountInsights(req: FakeRequest, userId: string): FakeResponse {
    const auth = authenticate(req, ['threads_basic', 'threads_manage_insights']);
    if ('response' in auth) return auth.response;
    if (auth.token.userId !== userId) return notFound(userId);
    const metrics = (req.query.get('metric') ?? '').split(',').filter(Boolean);
    if (!metrics.length || metrics.some((m) => m !== 'followers_count')) return invalidParameter('The fake knows only the followers_count metric');
    return { status: 200, body: { data: [{ name: 'followers_count', period: 'day', title: 'followers_count', total_value: { value: userOf(userId)?.followers ?? 1234 }, id: `${userId}/insights/followers_count/day` }] } };
  }

  // ---- Publishing --------------------------------------------------------------------------

  /** Threads downloads the media the moment the container is made: the link must work then. */
  function download(container: FakeContainer, url: string) {
    container.download = { state: 'pending' };
    let target = url;
    if (corruptNextDownload) {
      corruptNextDownload = false;
      target = url.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    }
    const kind = container.mediaType === 'VIDEO' ? 'VIDEO' : 'IMAGE';
    void fetch(target)
      .then(async (res) => {
        const bytes = Buffer.from(await res.arrayBuffer());
        if (res.status !== 200 || !bytes.length) {
          container.download = { state: 'failed', status: res.status };
          container.error = `FAILED_DOWNLOADING_${kind}`;
          return;
        }
        container.download = { state: 'done', status: 200, bytes: bytes.length };
        container.readyAt = Date.now() + (kind === 'VIDEO' ? processing.video : processing.image);
      })
      .catch(() => {
        container.download = { state: 'failed' };
        container.error = `FAILED_DOWNLOADING_${kind}`;
      });
  }

  function createContainer(req: FakeRequest, userId: string): FakeResponse {
    const b = { ...Object.fromEntries(req.query), ...req.body };
    const isReply = Boolean(b.reply_to_id);
    const auth = authenticate(req, ['threads_basic', 'threads_content_publish', ...(isReply ? ['threads_manage_replies'] : [])]);
    if ('response' in auth) return auth.response;
    if (auth.token.userId !== userId) return notFound(userId);
    if (nextContainerError) {
      const error = nextContainerError;
      nextContainerError = null;
      return graphError(400, error);
    }
    const mediaType = String(b.media_type ?? '').toUpperCase() as ContainerKind;
    if (!['TEXT', 'IMAGE', 'VIDEO', 'CAROUSEL'].includes(mediaType)) return invalidParameter('media_type must be TEXT, IMAGE, VIDEO or CAROUSEL');
    const text = String(b.text ?? '');
    const isCarouselItem = b.is_carousel_item === 'true';
    if (mediaType === 'TEXT' && !text.trim()) return invalidParameter('A text post needs text');
    if (countText(text) > 500) return invalidParameter('The text of a post can be at most 500 characters.');
    if (isCarouselItem && (text || mediaType === 'TEXT' || mediaType === 'CAROUSEL')) return invalidParameter('A carousel item is a photo or a video without text');
    if (b.link_attachment && mediaType !== 'TEXT') return invalidParameter('link_attachment is only for TEXT posts');
    if (links(text).size + (b.link_attachment && !links(text).has(b.link_attachment) ? 1 : 0) > 5) {
      return graphError(400, { code: 'THREADS_API__LINK_LIMIT_EXCEEDED', type: 'THApiException', message: 'The post has more than 5 links.', userMsg: 'A post can contain at most 5 links.' });
    }
    if (b.topic_tag !== undefined && (!b.topic_tag || b.topic_tag.length > 50 || /[.&]/.test(b.topic_tag))) return invalidParameter('topic_tag must be 1–50 characters without periods or ampersands');
    if (b.reply_control && !['everyone', 'accounts_you_follow', 'mentioned_only', 'parent_post_author_only', 'followers_only'].includes(b.reply_control)) return invalidParameter('reply_control is not valid');
    if (isReply && !posts.some((p) => p.id === b.reply_to_id)) return invalidParameter(`The post ${b.reply_to_id} to reply to does not exist`);
    const mediaUrl = mediaType === 'IMAGE' ? b.image_url : mediaType === 'VIDEO' ? b.video_url : undefined;
    if ((mediaType === 'IMAGE' || mediaType === 'VIDEO') && !mediaUrl) return invalidParameter(`${mediaType === 'IMAGE' ? 'image_url' : 'video_url'} is required`);
    let children: string[] = [];
    if (mediaType === 'CAROUSEL') {
      children = String(b.children ?? '').split(',').map((c) => c.trim()).filter(Boolean);
      if (children.length < 2 || children.length > 20) return invalidParameter('A carousel has 2 to 20 items');
      for (const id of children) {
        const child = containers.get(id);
        if (!child || child.userId !== userId || !child.isCarouselItem) return invalidParameter(`${id} is not a carousel item of this account`);
        if (statusOf(child) !== 'FINISHED') return invalidParameter(`The carousel item ${id} is not ready (${statusOf(child)})`, 4279009);
      }
    }
    const container: FakeContainer = {
      id: bigId(),
      userId,
      mediaType,
      isCarouselItem,
      text,
      mediaUrl: mediaUrl ?? null,
      children,
      replyToId: b.reply_to_id ?? null,
      topicTag: b.topic_tag ?? null,
      linkAttachment: b.link_attachment ?? null,
      replyControl: b.reply_control ?? null,
      altText: b.alt_text ?? null,
      createdAt: Date.now(),
      download: { state: 'none' },
      readyAt: mediaUrl ? null : Date.now() + processing.text,
      error: null,
      publishedAs: [],
    };
    containers.set(container.id, container);
    if (mediaUrl) download(container, mediaUrl);
    return withUsage({ status: 200, body: { id: container.id } });
  }

  function publish(req: FakeRequest, userId: string): FakeResponse {
    const b = { ...Object.fromEntries(req.query), ...req.body };
    const container = containers.get(b.creation_id ?? '');
    const isReply = Boolean(container?.replyToId);
    const auth = authenticate(req, ['threads_basic', 'threads_content_publish', ...(isReply ? ['threads_manage_replies'] : [])]);
    if ('response' in auth) return auth.response;
    if (auth.token.userId !== userId) return notFound(userId);
    if (!container || container.userId !== userId || container.isCarouselItem) return invalidParameter(`creation_id ${b.creation_id} is not a container of this account`, 4279009);
    const status = statusOf(container);
    if (status === 'IN_PROGRESS') return graphError(400, { code: 9007, subcode: 2207027, type: 'THApiException', message: 'The media is not ready for publishing, please wait for a moment', userMsg: 'The media is still being processed.' });
    if (status === 'ERROR' || status === 'EXPIRED') return invalidParameter(`The container is ${status} and cannot be published`);
    if (recent(userId, isReply) >= (isReply ? replyQuotaTotal : quotaTotal)) {
      refusedAtCap.push(container.id);
      return graphError(400, { code: 9, subcode: 2207042, type: 'THApiException', message: 'Publishing limit reached for this account', userMsg: 'This profile has reached its publishing limit for today.' });
    }
    // Like Threads (providers.md §8), a container published again makes a second post.
    const id = nextIds.shift() ?? bigId();
    const parent = posts.find((p) => p.id === container.replyToId);
    const post: FakeThreadsPost = {
      id,
      userId,
      containerId: container.id,
      mediaType: container.mediaType,
      text: container.text,
      children: container.children,
      replyToId: container.replyToId,
      rootId: parent ? parent.rootId : id,
      topicTag: container.topicTag,
      linkAttachment: container.linkAttachment,
      replyControl: container.replyControl,
      permalink: `https://www.threads.net/@${userOf(userId)!.username}/post/${shortcodeOf(id)}`,
      timestamp: Date.now(),
      insights: {},
    };
    posts.push(post);
    container.publishedAs.push(id);
    return withUsage({ status: 200, body: { id } });
  }

  const server = await startFakeServer((req) => {
    const { method, path } = req;
    if (method === 'GET' && path === '/oauth/authorize') return consent.page(req.query);
    if (method === 'POST' && path === '/oauth/authorize/decision') return consent.decision(req);
    if (method === 'POST' && path === '/oauth/access_token') return exchangeCode(req);
    if (method === 'GET' && path === '/access_token') return exchangeLongLived(req);
    if (method === 'GET' && path === '/refresh_access_token') return refresh(req);
    if (!path.startsWith(`${API}/`)) return graphError(404, { code: 803, message: `Unknown path ${path}` });
    const [first, second, ...rest] = path.slice(API.length + 1).split('/');
    if (rest.length || !first) return graphError(400, { code: 2500, message: 'Unknown path components' });
    if (method === 'GET' && first === 'me' && !second) return withUsage(me(req));
    if (method === 'POST' && second === 'threads') return createContainer(req, first);
    if (method === 'GET' && second === 'threads') return withUsage(list(req, first, false));
    if (method === 'GET' && second === 'replies') return withUsage(list(req, first, true));
    if (method === 'POST' && second === 'threads_publish') return publish(req, first);
    if (method === 'GET' && second === 'threads_publishing_limit') return withUsage(publishingLimit(req, first));
    if (method === 'GET' && second === 'insights') return withUsage(insights(req, first));
    if (method === 'GET' && second === 'threads_insights') return withUsage(accountInsights(req, first));
    if (method === 'GET' && !second) return withUsage(readObject(req, first));
    return graphError(400, { code: 100, message: `Unsupported ${method} request.`, type: 'GraphMethodException' });
  });

  const userFor = (id: string) => {
    const user = userOf(id);
    if (!user) throw new Error(`the Threads fake has no user ${id}`);
    return user;
  };

  return {
    ...server,
    appId,
    appSecret,
    /** What clicking Continue (with these permissions ticked) or Cancel in the authorization window returns. */
    authorize: consent.authorize,
    setNextUser: (id: string) => consent.setUser(userFor(id).id),
    users,
    posts: () => posts.map((p) => ({ ...p })),
    containers: () => [...containers.values()].map((c) => ({ ...c, download: { ...c.download } })),
    tokens: () => tokens.all(),
    refreshes,
    refusedAtCap,
    /** A token as the OAuth flow would grant it (long-lived), for tests that need no consent page. */
    issueToken: (userId: string, scopes: string[]) => tokens.issue('long', userFor(userId).id, scopes).token,
    /** Every token grows older by `ms` (a day passing, for the 24 h refresh rule). */
    ageTokens(ms: number) {
      for (const t of tokens.all()) {
        const record = tokens.find(t.token)!;
        record.issuedAt -= ms;
      }
    },
    setRefreshMinAge(ms: number) {
      refreshMinAgeMs = ms;
    },
    /** Every token of the user stops working with this 190 subcode (460 password changed, 458 app removed…). */
    invalidateUser: (userId: string, subcode: 458 | 460 | 463 | 467) => tokens.invalidateUser(userId, subcode),
    expireTokens: () => tokens.expireUserTokens(),
    /** The user takes one permission back in their Threads settings. */
    withdraw: (userId: string, scope: string) => tokens.withdraw(userId, scope),
    setQuotaTotal(total: number) {
      quotaTotal = total;
    },
    setProcessing(kind: 'text' | 'image' | 'video', ms: number) {
      processing[kind] = ms;
    },
    /** The next post (or reply) gets this id. */
    setNextPostId: (id: string) => void nextIds.push(id),
    /** The next container creation is refused with this Graph error. */
    refuseNextContainer(error: GraphErrorInput) {
      nextContainerError = error;
    },
    /** The next media download uses a link whose signature was tampered with. */
    corruptNextDownload() {
      corruptNextDownload = true;
    },
    /** Containers made this long ago: unpublished ones are EXPIRED. */
    ageContainers(ms: number) {
      for (const c of containers.values()) c.createdAt -= ms;
    },
    /** A one-shot failure of the next threads_publish of this user (5xx, lost answer…). */
    failNextPublish: (userId: string, failure: Injected) => server.failNext(`${API}/${userId}/threads_publish`, failure),
    /** Usage headers on every answer from now on (Threads sends none; null turns them off). */
    setUsage(levels: UsageLevels | null) {
      usage = levels;
    },
    /** People follow the account: the followers_count account insight. */
    setFollowers(count: number, userId = users[0]!.id) {
      userFor(userId).followers = count;
    },
    engage(postId: string, counters: Record<string, number>) {
      const post = posts.find((p) => p.id === postId);
      if (!post) throw new Error(`no post ${postId}`);
      post.insights = { ...post.insights, ...counters };
    },
    /** A signed_request as Threads sends it to the uninstall and delete callbacks. */
    signedRequest: (userId: string) => signedRequest(appSecret, userId),
  };
}

export type ThreadsFake = Awaited<ReturnType<typeof startThreadsFake>>;

/** The settings that point Herald's Threads provider at this fake. */
export const threadsEnv = (fake: ThreadsFake) => ({
  HERALD_THREADS_APP_ID: fake.appId,
  HERALD_THREADS_APP_SECRET: fake.appSecret,
  HERALD_THREADS_AUTH_URL: fake.url,
  HERALD_THREADS_API_URL: fake.url,
});
