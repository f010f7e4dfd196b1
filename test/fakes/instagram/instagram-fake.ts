import { startFakeServer, type FakeRequest, type FakeResponse } from '../http.ts';
import { createConsent, createTokenStore, graphError, signedRequest, usageHeaders, type FakeToken, type UsageLevels } from '../meta-graph/graph-fake-core.ts';

// A local Instagram following ../shared/providers.md §6, both ways Meta offers, on one loopback
// server (the paths of the two hosts do not overlap):
// - Instagram Login: the consent page (/oauth/authorize, one checkbox per permission), the code
//   exchange of api.instagram.com (POST /oauth/access_token, the user id a bare 64-bit number),
//   ig_exchange_token and ig_refresh_token (the token must be old enough) of graph.instagram.com;
// - Facebook Login: the Facebook dialog, short → long-lived user token, /me/accounts with a Page
//   token per Page and the Instagram account linked to it, /me/permissions, debug_token and
//   DELETE /{user-id}/permissions;
// - Content publishing: containers (photos downloaded from the image_url, so Herald's signed
//   links are really fetched; videos by rupload or video_url) with processing time, ERROR and
//   EXPIRED after 24 h, carousels that take only finished items, media_publish with the rolling
//   24-hour publishing limit, content_publishing_limit, recent media and stories, permalinks, comments,
//   insights per media type, Meta's error envelope and X-App-Usage / X-Business-Use-Case-Usage
//   headers. Ids are 17-digit strings, past 2^53 like Instagram's.
// Not implemented: user tags, collaborators, locations, product tags, paging
// beyond the first page, the 400 containers a day limit, hashtag search.

export type FakeIgAccount = {
  /** The Instagram professional account id ({ig-id}). */
  id: string;
  /** Instagram Login's app-scoped id (`id` of /me; `user_id` is the professional account id). */
  appUserId: string;
  username: string;
  name: string;
  pictureUrl: string;
  /** Facebook Login: the Page the account is linked to. */
  pageId?: string;
  /** followers_count on the account node (0 when not set). */
  followers?: number;
};
export type FakePage = { id: string; name: string; category: string };
export type FakeFacebookUser = { id: string; name: string; pages: FakePage[] };

type ContainerKind = 'IMAGE' | 'VIDEO' | 'REELS' | 'STORIES' | 'CAROUSEL';
export type FakeContainer = {
  id: string;
  igId: string;
  kind: ContainerKind;
  isCarouselItem: boolean;
  caption: string;
  altText: string | null;
  children: string[];
  shareToFeed: boolean;
  coverUrl: string | null;
  thumbOffset: number | null;
  resumable: boolean;
  uploadedBytes: number | null;
  createdAt: number;
  /** When processing ends (null: waiting for the upload). */
  readyAt: number | null;
  /** Processing ends in ERROR with this subcode. */
  failWith: number | null;
  mediaId: string | null;
};
export type FakeMedia = {
  id: string;
  igId: string;
  containerId: string;
  caption: string;
  mediaType: 'IMAGE' | 'VIDEO' | 'CAROUSEL_ALBUM';
  productType: 'FEED' | 'REELS' | 'STORY';
  children: string[];
  shareToFeed: boolean;
  createdAt: number;
  permalink: string;
  comments: { id: string; text: string; at: number }[];
  insights: Record<string, number>;
};

export type InstagramFakeOptions = {
  appId?: string;
  appSecret?: string;
  version?: string;
  accounts?: FakeIgAccount[];
  facebookUser?: FakeFacebookUser;
  /** More people with a role on (some of) the same Pages: each consents on their own. */
  otherFacebookUsers?: FakeFacebookUser[];
  /** How long a video takes to process once its bytes arrived (ms). */
  videoProcessingMs?: number;
  /** How long a photo takes to process once downloaded (ms). */
  imageProcessingMs?: number;
  /** Posts the API may publish per rolling 24 hours (Meta's pages say 50 or 100). */
  quotaTotal?: number;
  /** How old a long-lived token must be before ig_refresh_token renews it (24 h at Instagram). */
  refreshMinAgeMs?: number;
  latencyMs?: () => number;
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CONTAINER_TTL_MS = DAY;

const defaultAccount: FakeIgAccount = {
  id: '17841400000000001',
  appUserId: '27000000000000001',
  username: 'herald.studio',
  name: 'Herald Studio',
  pictureUrl: 'https://scontent.cdninstagram.example/v/herald-studio.jpg',
  pageId: '109000000000001',
};
const defaultFacebookUser = { id: '10230000000000001', name: 'Herald Owner', pages: [{ id: '109000000000001', name: 'Herald Studio Page', category: 'Brand' }] };

/** Meta's timestamps: ISO 8601 with +0000. */
const metaTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000');

/** A shortcode as Instagram derives it from the media id (base 64, its own alphabet). */
function shortcodeOf(id: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let n = BigInt(id);
  let out = '';
  while (n > 0n) {
    out = alphabet[Number(n % 64n)] + out;
    n /= 64n;
  }
  return out || 'A';
}

// Which permission each use needs, per login.
const permissionFor = {
  basic: { instagram: 'instagram_business_basic', facebook: 'instagram_basic' },
  publish: { instagram: 'instagram_business_content_publish', facebook: 'instagram_content_publish' },
  insights: { instagram: 'instagram_business_manage_insights', facebook: 'instagram_manage_insights' },
} as const;
type Use = keyof typeof permissionFor;

const insightMetrics: Record<FakeMedia['productType'], Set<string>> = {
  FEED: new Set(['views', 'reach', 'likes', 'comments', 'shares', 'saved', 'total_interactions', 'profile_visits', 'follows']),
  REELS: new Set(['views', 'reach', 'likes', 'comments', 'shares', 'saved', 'total_interactions', 'ig_reels_avg_watch_time', 'ig_reels_video_view_total_time', 'reels_skip_rate']),
  STORY: new Set(['views', 'reach', 'shares', 'replies', 'navigation', 'follows', 'profile_visits', 'total_interactions']),
};

export async function startInstagramFake(options: InstagramFakeOptions = {}) {
  const appId = options.appId ?? '990000000000001';
  const appSecret = options.appSecret ?? 'fake-instagram-app-secret';
  const version = options.version ?? 'v23.0';
  const accounts = (options.accounts ?? [defaultAccount]).map((a) => ({ ...a }));
  const facebookUser = options.facebookUser ?? defaultFacebookUser;
  const facebookUsers = [facebookUser, ...(options.otherFacebookUsers ?? [])];
  const facebookUserOf = (id: string) => facebookUsers.find((u) => u.id === id);
  let videoProcessingMs = options.videoProcessingMs ?? 1500;
  const imageProcessingMs = options.imageProcessingMs ?? 0;
  let quotaTotal = options.quotaTotal ?? 50;
  /** Posts counted against the limit that this fake did not see (published by other apps today). */
  let quotaUsedElsewhere = 0;
  const refreshMinAgeMs = options.refreshMinAgeMs ?? DAY;

  const tokens = createTokenStore();
  const igConsent = createConsent({ appId, brand: 'Instagram', decisionPath: '/oauth/authorize/decision' });
  const fbConsent = createConsent({ appId, brand: 'Facebook', decisionPath: `/${version}/dialog/oauth/decision` });
  igConsent.setUser(accounts[0]!.id);
  fbConsent.setUser(facebookUser.id);

  const containers = new Map<string, FakeContainer>();
  const media = new Map<string, FakeMedia>();
  const revocations: string[] = [];
  const downloads: { url: string; status: number; bytes: number }[] = [];
  const uploads: { containerId: string; bytes: number }[] = [];
  const processingFailures: number[] = [];
  let nextMediaId: string | null = null;
  let idCounter = 0n;
  let usage: UsageLevels = { appPercent: 2 };
  const newId = (base: bigint) => String(base + ++idCounter);

  const account = (id: string) => accounts.find((a) => a.id === id);
  const isInstagramLogin = (token: FakeToken) => !!account(token.userId);
  const loginOf = (token: FakeToken) => (isInstagramLogin(token) ? 'instagram' : 'facebook');
  const pageOf = (pageId: string | undefined) => facebookUsers.flatMap((u) => u.pages).find((p) => p.id === pageId);
  const linkedAccount = (pageId: string | undefined) => accounts.find((a) => a.pageId === pageId && pageId !== undefined);

  /** The Instagram account a token may act as: its own (Instagram Login) or the one linked to its Page. */
  function actingAs(token: FakeToken): FakeIgAccount | undefined {
    if (isInstagramLogin(token)) return account(token.userId);
    if (token.kind === 'page') return linkedAccount(token.pageId);
    return undefined;
  }

  const withUsage = (response: FakeResponse, igId?: string): FakeResponse => ({
    ...response,
    headers: { ...response.headers, ...usageHeaders({ ...usage, ...(igId && usage.business ? { business: { ...usage.business, id: igId } } : {}) }) },
  });
  const ok = (body: unknown, igId?: string): FakeResponse => withUsage({ status: 200, body }, igId);
  const noPermission = () => graphError(403, { code: 10, message: '(#10) Application does not have permission for this action' });
  const unknownObject = (id: string) =>
    graphError(400, { code: 100, subcode: 33, type: 'GraphMethodException', message: `Unsupported request - method type: get. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation` });

  /** The caller's live token with the permission this use needs, or Meta's error. */
  function authorise(req: FakeRequest, use: Use | null): { token: FakeToken; scopes: Set<string> } | FakeResponse {
    const checked = tokens.check(req);
    if (!checked.ok) return checked.response;
    if (use && !checked.scopes.has(permissionFor[use][loginOf(checked.token)])) return noPermission();
    return { token: checked.token, scopes: checked.scopes };
  }

  function pick(fields: string | null, all: Record<string, unknown>): Record<string, unknown> {
    const wanted = (fields ?? '').split(',').map((f) => f.replace(/\{.*$/, '').trim()).filter(Boolean);
    return Object.fromEntries(Object.entries(all).filter(([k, v]) => (k === 'id' || wanted.includes(k)) && v !== undefined));
  }

  function statusOf(c: FakeContainer): 'IN_PROGRESS' | 'FINISHED' | 'ERROR' | 'EXPIRED' | 'PUBLISHED' {
    if (c.mediaId) return 'PUBLISHED';
    if (Date.now() - c.createdAt > CONTAINER_TTL_MS) return 'EXPIRED';
    if (c.readyAt === null || Date.now() < c.readyAt) return 'IN_PROGRESS';
    return c.failWith ? 'ERROR' : 'FINISHED';
  }
  const statusWords = (c: FakeContainer) => {
    const status = statusOf(c);
    if (status === 'ERROR') return `Error: Media upload has failed with error code ${c.failWith}`;
    return { IN_PROGRESS: 'In Progress', FINISHED: 'Finished', EXPIRED: 'Expired', PUBLISHED: 'Published' }[status];
  };

  /** Meta fetches image_url itself: Herald's signed link must answer a JPEG now. */
  async function download(url: string): Promise<{ ok: true; bytes: number } | { ok: false }> {
    try {
      const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(10_000) });
      const body = Buffer.from(await response.arrayBuffer());
      downloads.push({ url, status: response.status, bytes: body.length });
      const jpeg = body.length > 3 && body[0] === 0xff && body[1] === 0xd8;
      return response.status === 200 && (jpeg || (response.headers.get('content-type') ?? '').startsWith('video/')) ? { ok: true, bytes: body.length } : { ok: false };
    } catch {
      downloads.push({ url, status: 0, bytes: 0 });
      return { ok: false };
    }
  }
  const fetchFailed = () =>
    graphError(400, {
      code: 9004,
      subcode: 2207052,
      type: 'OAuthException',
      message: 'The media could not be fetched from this URI',
      userTitle: 'Media download has failed',
      userMsg: 'The media could not be fetched from the URI provided. Check that the URI is public and points to a JPEG image.',
    });

  const publishedToday = (igId: string) => [...media.values()].filter((m) => m.igId === igId && Date.now() - m.createdAt < DAY).length + quotaUsedElsewhere;

  async function createContainer(req: FakeRequest, ig: FakeIgAccount): Promise<FakeResponse> {
    const f = { ...Object.fromEntries(req.query), ...req.body };
    const type = (f.media_type ?? '').toUpperCase();
    const isCarouselItem = f.is_carousel_item === 'true';
    const caption = isCarouselItem ? '' : (f.caption ?? '');
    if ([...caption].length > 2200) return graphError(400, { code: 100, subcode: 2207010, message: 'Invalid parameter', userTitle: 'Caption too long', userMsg: 'The caption is longer than 2,200 characters.' });
    if ((caption.match(/#[\p{L}\p{N}_]+/gu)?.length ?? 0) > 30) return graphError(400, { code: 100, subcode: 2207040, message: 'Invalid parameter', userTitle: 'Too many hashtags', userMsg: 'A caption can hold at most 30 hashtags.' });
    const base: FakeContainer = {
      id: newId(17_890_000_000_000_000n),
      igId: ig.id,
      kind: 'IMAGE',
      isCarouselItem,
      caption,
      altText: f.alt_text ?? null,
      children: [],
      shareToFeed: f.share_to_feed !== 'false',
      coverUrl: f.cover_url ?? null,
      thumbOffset: f.thumb_offset ? Number(f.thumb_offset) : null,
      resumable: f.upload_type === 'resumable',
      uploadedBytes: null,
      createdAt: Date.now(),
      readyAt: null,
      failWith: null,
      mediaId: null,
    };
    if (type === 'CAROUSEL') {
      const children = (f.children ?? '').split(',').map((c) => c.trim()).filter(Boolean);
      if (children.length < 2 || children.length > 10) return graphError(400, { code: 100, subcode: 2207028, message: 'Invalid parameter', userTitle: 'Carousel not valid', userMsg: 'A carousel needs 2 to 10 items.' });
      for (const childId of children) {
        const child = containers.get(childId);
        if (!child || child.igId !== ig.id || !child.isCarouselItem) return graphError(400, { code: 100, subcode: 2207028, message: `Invalid parameter: ${childId} is not a carousel item of this account` });
        if (statusOf(child) !== 'FINISHED') return graphError(400, { code: 9007, subcode: 2207027, message: 'Media ID is not available', userTitle: 'Media not ready', userMsg: 'The media is not ready for publishing, please wait for a moment' });
      }
      const container = { ...base, kind: 'CAROUSEL' as const, children, readyAt: Date.now() };
      containers.set(container.id, container);
      return ok({ id: container.id }, ig.id);
    }
    const video = ['VIDEO', 'REELS', 'STORIES'].includes(type) && (base.resumable || !!f.video_url);
    if (type === 'VIDEO' && !isCarouselItem) return graphError(400, { code: 100, message: 'The VIDEO media type is no longer supported for feed videos; use REELS' });
    if (!video && !f.image_url) return graphError(400, { code: 100, message: `The parameter ${['VIDEO', 'REELS'].includes(type) ? 'video_url' : 'image_url'} is required` });
    const kind: ContainerKind = type === 'REELS' ? 'REELS' : type === 'STORIES' ? 'STORIES' : video ? 'VIDEO' : 'IMAGE';
    const container: FakeContainer = { ...base, kind, failWith: processingFailures.shift() ?? null };
    if (!video) {
      const fetched = await download(f.image_url!);
      if (!fetched.ok) return withUsage(fetchFailed(), ig.id);
      container.readyAt = Date.now() + imageProcessingMs;
    } else if (!container.resumable) {
      const fetched = await download(f.video_url!);
      if (!fetched.ok) return withUsage(fetchFailed(), ig.id);
      container.readyAt = Date.now() + videoProcessingMs;
    }
    containers.set(container.id, container);
    return ok({ id: container.id }, ig.id);
  }

  function publishContainer(req: FakeRequest, ig: FakeIgAccount): FakeResponse {
    const creationId = req.body.creation_id ?? req.query.get('creation_id') ?? '';
    const container = containers.get(creationId);
    if (!container || container.igId !== ig.id || container.isCarouselItem) return graphError(400, { code: 100, message: `Invalid parameter: creation_id ${creationId} is not a container of this account` });
    switch (statusOf(container)) {
      case 'IN_PROGRESS':
        return graphError(400, { code: 9007, subcode: 2207027, message: 'Media ID is not available', userTitle: 'Media not ready', userMsg: 'The media is not ready for publishing, please wait for a moment' });
      case 'EXPIRED':
        return graphError(400, { code: 100, subcode: 2207020, message: 'The media has expired', userTitle: 'Media expired', userMsg: 'This media has expired. Please upload it again.' });
      case 'ERROR':
        return graphError(400, { code: 100, subcode: container.failWith ?? 2207001, message: 'The media could not be processed' });
      case 'PUBLISHED':
        return graphError(400, { code: 100, message: 'The media has already been published' });
      case 'FINISHED':
        break;
    }
    if (publishedToday(ig.id) >= quotaTotal) {
      return graphError(400, { code: 9, subcode: 2207042, message: 'Application request limit reached', userTitle: 'Publishing limit reached', userMsg: 'You reached the maximum number of posts that can be published in a 24 hour period.' });
    }
    const id = nextMediaId ?? newId(17_950_000_000_000_000n);
    nextMediaId = null;
    const productType = container.kind === 'REELS' ? 'REELS' : container.kind === 'STORIES' ? 'STORY' : 'FEED';
    const mediaType = container.kind === 'CAROUSEL' ? 'CAROUSEL_ALBUM' : container.kind === 'IMAGE' ? 'IMAGE' : 'VIDEO';
    const path = productType === 'REELS' ? 'reel' : productType === 'STORY' ? 'stories' : 'p';
    media.set(id, {
      id,
      igId: ig.id,
      containerId: container.id,
      caption: container.caption,
      mediaType,
      productType,
      children: container.children,
      shareToFeed: container.shareToFeed,
      createdAt: Date.now(),
      permalink: productType === 'STORY' ? `https://www.instagram.com/stories/${ig.username}/${id}/` : `https://www.instagram.com/${path}/${shortcodeOf(id)}/`,
      comments: [],
      insights: {},
    });
    container.mediaId = id;
    return ok({ id }, ig.id);
  }

  function rupload(req: FakeRequest, containerId: string): FakeResponse {
    const checked = authorise(req, 'publish');
    if ('status' in checked) return checked;
    const container = containers.get(containerId);
    const ig = actingAs(checked.token);
    const fail = (message: string) => ({ status: 400, body: { debug_info: { retriable: false, type: 'ProcessingFailedError', message } } });
    if (!container || !ig || container.igId !== ig.id) return fail('Request processing failed: unknown container');
    if (!container.resumable) return fail('The container was not created with upload_type=resumable');
    const size = Number(req.headers.file_size);
    if (Number(req.headers.offset ?? 0) !== 0 || !Number.isInteger(size) || size !== req.raw.length || size === 0) return fail(`file_size ${req.headers.file_size} does not match the ${req.raw.length} bytes sent`);
    container.uploadedBytes = size;
    container.readyAt = Date.now() + videoProcessingMs;
    uploads.push({ containerId, bytes: size });
    return { status: 200, body: { success: true, message: 'Upload successful.' } };
  }

  function mediaFields(m: FakeMedia, fields: string | null) {
    const ig = account(m.igId)!;
    return pick(fields, {
      id: m.id,
      caption: m.caption,
      media_type: m.mediaType,
      media_product_type: m.productType,
      permalink: m.permalink,
      shortcode: shortcodeOf(m.id),
      timestamp: metaTime(m.createdAt),
      username: ig.username,
      like_count: m.insights.likes ?? 0,
      comments_count: m.comments.length + (m.insights.comments ?? 0),
    });
  }

  function insights(req: FakeRequest, m: FakeMedia): FakeResponse {
    const metrics = (req.query.get('metric') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (!metrics.length) return graphError(400, { code: 100, message: '(#100) The parameter metric is required' });
    for (const metric of metrics) {
      if (metric === 'impressions') return graphError(400, { code: 100, message: '(#100) Starting from version v22.0 and above, the impressions metric is no longer supported for media' });
      if (!insightMetrics[m.productType].has(metric)) return graphError(400, { code: 100, message: `(#100) The Media Insights API does not support the ${metric} metric for this media product type.` });
    }
    return ok(
      { data: metrics.map((name) => ({ name, period: 'lifetime', values: [{ value: m.insights[name] ?? 0 }], title: name, description: '', id: `${m.id}/insights/${name}/lifetime` })) },
      m.igId,
    );
  }

  /** GET/POST/DELETE on a Graph object or edge (path after the version). */
  async function graphCall(req: FakeRequest, segments: string[]): Promise<FakeResponse> {
    const [objectId, edge] = segments;
    const fields = req.query.get('fields');
    if (objectId === 'debug_token') {
      if (tokens.tokenOf(req) !== `${appId}|${appSecret}`) return graphError(400, { code: 190, message: 'Invalid OAuth access token signature.' });
      const input = tokens.find(req.query.get('input_token') ?? '');
      const valid = !!input && !input.invalidated && (input.expiresAt === null || input.expiresAt > Date.now());
      return ok({ data: { app_id: appId, type: input?.kind === 'page' ? 'PAGE' : 'USER', is_valid: valid, ...(input ? { user_id: input.userId, scopes: input.scopes, expires_at: input.expiresAt ? Math.floor(input.expiresAt / 1000) : 0 } : {}) } });
    }
    if (edge === 'permissions' && req.method === 'DELETE') {
      const appToken = tokens.tokenOf(req) === `${appId}|${appSecret}`;
      if (!appToken) {
        const checked = authorise(req, null);
        if ('status' in checked) return checked;
        if (checked.token.userId !== objectId && objectId !== 'me') return noPermission();
      }
      const userId = objectId === 'me' ? tokens.find(tokens.tokenOf(req) ?? '')!.userId : objectId!;
      tokens.revokeAll(userId);
      revocations.push(userId);
      return ok({ success: true });
    }
    const checked = authorise(req, null);
    if ('status' in checked) return checked;
    const { token, scopes } = checked;
    const ig = actingAs(token);
    const has = (use: Use) => scopes.has(permissionFor[use][loginOf(token)]);

    if (objectId === 'me' && !edge) {
      if (isInstagramLogin(token)) {
        if (!has('basic')) return noPermission();
        const me = account(token.userId)!;
        return ok(pick(fields, { id: me.appUserId, user_id: me.id, username: me.username, name: me.name, profile_picture_url: me.pictureUrl }), me.id);
      }
      if (token.kind === 'page') {
        const page = pageOf(token.pageId)!;
        const linked = linkedAccount(page.id);
        const wantsIg = (fields ?? '').includes('instagram_business_account');
        return ok({ id: page.id, name: page.name, ...(wantsIg && linked && has('basic') ? { instagram_business_account: { id: linked.id, username: linked.username, name: linked.name, profile_picture_url: linked.pictureUrl } } : {}) });
      }
      const person = facebookUserOf(token.userId)!;
      return ok(pick(fields ?? 'name', { id: person.id, name: person.name }));
    }
    if (objectId === 'me' && edge === 'permissions') {
      return ok({ data: token.scopes.map((permission) => ({ permission, status: scopes.has(permission) ? 'granted' : 'declined' })) });
    }
    if (objectId === 'me' && edge === 'accounts') {
      if (isInstagramLogin(token) || token.kind === 'page') return graphError(400, { code: 100, message: '(#100) Tried accessing nonexisting field (accounts)' });
      if (!scopes.has('pages_show_list')) return ok({ data: [] });
      const wantsIg = (fields ?? '').includes('instagram_business_account');
      return ok({
        data: facebookUserOf(token.userId)!.pages.map((page) => {
          // Each consent derives its own Page tokens: two channels of one Page never share one.
          const pageToken = tokens.issue('page', token.userId, token.scopes, { pageId: page.id }).token;
          const linked = linkedAccount(page.id);
          return {
            id: page.id,
            name: page.name,
            category: page.category,
            access_token: pageToken,
            ...(wantsIg && linked && has('basic') ? { instagram_business_account: { id: linked.id, username: linked.username, name: linked.name, profile_picture_url: linked.pictureUrl } } : {}),
          };
        }),
        paging: { cursors: { before: 'QVFIUjBl', after: 'QVFIUjBm' } },
      });
    }

    // The Instagram account's own edges.
    const target = account(objectId ?? '');
    if (target) {
      if (!ig || ig.id !== target.id) return unknownObject(objectId!);
      // The account node (IG User): its profile fields and counts, with the basic permission.
      if (!edge && req.method === 'GET') {
        if (!has('basic')) return noPermission();
        const all = { id: ig.id, username: ig.username, name: ig.name, profile_picture_url: ig.pictureUrl, followers_count: ig.followers ?? 0, follows_count: 0, media_count: [...media.values()].filter((m) => m.igId === ig.id && m.productType !== 'STORY').length };
        return ok(pick(fields ?? 'id', all), ig.id);
      }
      if (edge === 'media' && req.method === 'POST') return has('publish') ? createContainer(req, ig) : noPermission();
      if (edge === 'media_publish' && req.method === 'POST') return has('publish') ? publishContainer(req, ig) : noPermission();
      if (edge === 'content_publishing_limit') {
        if (!has('publish')) return noPermission();
        return ok({ data: [{ quota_usage: publishedToday(ig.id), config: { quota_total: quotaTotal, quota_duration: 86400 } }] }, ig.id);
      }
      if (edge === 'media' && req.method === 'GET') {
        if (!has('basic')) return noPermission();
        const limit = Math.min(Number(req.query.get('limit') ?? 25) || 25, 100);
        const listed = [...media.values()].filter((m) => m.igId === ig.id && m.productType !== 'STORY').sort((a, b) => b.createdAt - a.createdAt || (BigInt(b.id) > BigInt(a.id) ? 1 : -1));
        return ok({ data: listed.slice(0, limit).map((m) => mediaFields(m, fields ?? 'id')) }, ig.id);
      }
      if (edge === 'stories') {
        if (!has('basic')) return noPermission();
        const live = [...media.values()].filter((m) => m.igId === ig.id && m.productType === 'STORY' && Date.now() - m.createdAt < DAY).sort((a, b) => b.createdAt - a.createdAt);
        return ok({ data: live.map((m) => mediaFields(m, fields ?? 'id')) }, ig.id);
      }
      return graphError(400, { code: 100, message: `(#100) Unsupported request on ${edge ?? 'the account'}` });
    }

    const container = containers.get(objectId ?? '');
    if (container) {
      if (!ig || container.igId !== ig.id) return unknownObject(objectId!);
      return ok(pick(fields ?? 'id', { id: container.id, status_code: statusOf(container), status: statusWords(container) }), ig.id);
    }
    const item = media.get(objectId ?? '');
    if (item) {
      if (!ig || item.igId !== ig.id) return unknownObject(objectId!);
      if (!edge) return has('basic') ? ok(mediaFields(item, fields), ig.id) : noPermission();
      if (edge === 'insights') return has('insights') ? insights(req, item) : noPermission();
      if (edge === 'comments' && req.method === 'POST') {
        if (!has('publish')) return noPermission();
        const message = req.body.message ?? req.query.get('message') ?? '';
        if (!message) return graphError(400, { code: 100, message: '(#100) The parameter message is required' });
        const comment = { id: newId(17_980_000_000_000_000n), text: message, at: Date.now() };
        item.comments.push(comment);
        return ok({ id: comment.id }, ig.id);
      }
      if (edge === 'comments') return has('basic') ? ok({ data: item.comments.map((c) => ({ id: c.id, text: c.text, timestamp: metaTime(c.at) })) }, ig.id) : noPermission();
    }
    return unknownObject(objectId ?? '');
  }

  // Instagram Login's token endpoints answer errors in their own shape.
  const igTokenError = (message: string, code = 400): FakeResponse => ({ status: 400, body: { error_type: 'OAuthException', code, error_message: message } });

  function igCodeExchange(req: FakeRequest): FakeResponse {
    const b = req.body;
    if (b.client_id !== appId || b.client_secret !== appSecret) return igTokenError('Invalid platform app');
    if (b.grant_type !== 'authorization_code') return igTokenError('Unsupported grant_type');
    const pending = igConsent.redeem(b.code, b.redirect_uri);
    if (!pending) return igTokenError('This authorization code has been used or has expired');
    const short = tokens.issue('short', pending.userId, pending.scopes);
    // The user id as a bare number past 2^53, as Instagram sends it.
    return { status: 200, raw: `{"access_token":${JSON.stringify(short.token)},"user_id":${pending.userId},"permissions":${JSON.stringify(pending.scopes.join(','))}}` };
  }

  function igLongLived(req: FakeRequest): FakeResponse {
    if (req.query.get('grant_type') !== 'ig_exchange_token') return graphError(400, { code: 100, message: 'Unsupported grant_type' });
    if (req.query.get('client_secret') !== appSecret) return graphError(400, { code: 101, message: 'Error validating client secret.' });
    const checked = tokens.check(req);
    if (!checked.ok) return checked.response;
    if (checked.token.kind !== 'short' || !isInstagramLogin(checked.token)) return graphError(400, { code: 100, message: 'Only a short-lived Instagram token can be exchanged' });
    const long = tokens.issue('long', checked.token.userId, checked.token.scopes);
    return ok({ access_token: long.token, token_type: 'bearer', expires_in: Math.round((long.expiresAt! - Date.now()) / 1000) });
  }

  function igRefresh(req: FakeRequest): FakeResponse {
    if (req.query.get('grant_type') !== 'ig_refresh_token') return graphError(400, { code: 100, message: 'Unsupported grant_type' });
    const checked = tokens.check(req);
    if (!checked.ok) return checked.response;
    if (checked.token.kind !== 'long' || !isInstagramLogin(checked.token)) return graphError(400, { code: 100, message: 'Only a long-lived Instagram token can be refreshed' });
    if (Date.now() - checked.token.issuedAt < refreshMinAgeMs) return graphError(400, { code: 100, message: 'The access token must be at least 24 hours old to be refreshed' });
    const fresh = tokens.issue('long', checked.token.userId, checked.token.scopes);
    return ok({ access_token: fresh.token, token_type: 'bearer', expires_in: Math.round((fresh.expiresAt! - Date.now()) / 1000) });
  }

  function fbTokenEndpoint(req: FakeRequest): FakeResponse {
    const q = req.query;
    if (q.get('client_id') !== appId || q.get('client_secret') !== appSecret) return graphError(400, { code: 101, message: 'Error validating application. Invalid application ID or secret.' });
    if (q.get('grant_type') === 'fb_exchange_token') {
      const short = tokens.find(q.get('fb_exchange_token') ?? '');
      if (!short || short.invalidated || (short.expiresAt !== null && short.expiresAt < Date.now())) return graphError(400, { code: 190, subcode: 463, message: 'Error validating access token: Session has expired.' });
      const long = tokens.issue('long', short.userId, short.scopes);
      return ok({ access_token: long.token, token_type: 'bearer', expires_in: Math.round((long.expiresAt! - Date.now()) / 1000) });
    }
    const pending = fbConsent.redeem(q.get('code') ?? undefined, q.get('redirect_uri') ?? undefined);
    if (!pending) return graphError(400, { code: 100, subcode: 36009, message: 'This authorization code has been used.' });
    const short = tokens.issue('short', pending.userId, pending.scopes);
    return ok({ access_token: short.token, token_type: 'bearer', expires_in: Math.round((short.expiresAt! - Date.now()) / 1000) });
  }

  const versionPrefix = /^\/v\d+\.\d+(?=\/)/;
  const server = await startFakeServer(
    async (req) => {
      // Instagram Login (www.instagram.com, api.instagram.com, graph.instagram.com unversioned).
      if (req.method === 'GET' && req.path === '/oauth/authorize') return igConsent.page(req.query);
      if (req.method === 'POST' && req.path === '/oauth/authorize/decision') return igConsent.decision(req);
      if (req.method === 'POST' && req.path === '/oauth/access_token') return igCodeExchange(req);
      if (req.method === 'GET' && req.path === '/access_token') return igLongLived(req);
      if (req.method === 'GET' && req.path === '/refresh_access_token') return igRefresh(req);
      // rupload.facebook.com
      const upload = /^\/ig-api-upload\/v\d+\.\d+\/(\d+)$/.exec(req.path);
      if (req.method === 'POST' && upload) return rupload(req, upload[1]!);
      const rest = req.path.replace(versionPrefix, '');
      // Facebook Login (www.facebook.com dialog, graph.facebook.com token).
      if (req.method === 'GET' && rest === '/dialog/oauth') return fbConsent.page(req.query);
      if (req.method === 'POST' && rest === '/dialog/oauth/decision') return fbConsent.decision(req);
      if (req.method === 'GET' && rest === '/oauth/access_token') return fbTokenEndpoint(req);
      return graphCall(req, rest.split('/').filter(Boolean));
    },
    { latencyMs: options.latencyMs },
  );

  const findAccount = (id: string) => {
    const found = account(id);
    if (!found) throw new Error(`the Instagram fake has no account ${id}`);
    return found;
  };

  return {
    ...server,
    appId,
    appSecret,
    version,
    accounts,
    facebookUser,
    tokens,
    /** Paths of the calls tests inject failures into. */
    paths: {
      containers: (igId = accounts[0]!.id) => `/${version}/${igId}/media`,
      publish: (igId = accounts[0]!.id) => `/${version}/${igId}/media_publish`,
      limit: (igId = accounts[0]!.id) => `/${version}/${igId}/content_publishing_limit`,
    },
    /** What clicking Continue (with these permissions) or Cancel on the consent page of this authorize URL returns. */
    authorize(authorizeUrl: string, choice: { grant?: string[]; deny?: boolean } = {}) {
      return (new URL(authorizeUrl).pathname.endsWith('/dialog/oauth') ? fbConsent : igConsent).authorize(authorizeUrl, choice);
    },
    /** The next Facebook Login consent is given by this person. */
    setConsentFacebookUser(userId: string) {
      if (!facebookUserOf(userId)) throw new Error(`the Instagram fake has no Facebook user ${userId}`);
      fbConsent.setUser(userId);
    },
    /** The next Instagram Login consent is given by this account. */
    setConsentAccount(igId: string) {
      igConsent.setUser(findAccount(igId).id);
    },
    containers: () => [...containers.values()].map((c) => ({ ...c, status: statusOf(c) })),
    posts: () => [...media.values()].map((m) => ({ ...m })),
    downloads,
    uploads,
    revocations,
    setNextMediaId(id: string) {
      nextMediaId = id;
    },
    /** The next photo or video container ends its processing in ERROR with this subcode (2207026 unsupported video…). */
    failNextProcessing(subcode: number) {
      processingFailures.push(subcode);
    },
    setVideoProcessingMs(ms: number) {
      videoProcessingMs = ms;
    },
    /** The publishing limit, and posts already counted against it today by other apps. */
    setQuota(total: number, usedElsewhere = 0) {
      quotaTotal = total;
      quotaUsedElsewhere = usedElsewhere;
    },
    /** Every container was made more than 24 hours ago. */
    ageContainers(ms = CONTAINER_TTL_MS + 60_000) {
      for (const c of containers.values()) c.createdAt -= ms;
    },
    /** Long-lived tokens were issued this long ago (for ig_refresh_token's 24-hour rule). */
    ageTokens(ms: number) {
      for (const t of tokens.all()) {
        const live = tokens.find(t.token)!;
        live.issuedAt -= ms;
      }
    },
    setUsage(levels: UsageLevels) {
      usage = levels;
    },
    /** People see and react to a post: its insights and counters. */
    /** People follow the account: followers_count on its node. */
    setFollowers(count: number, igId = accounts[0]!.id) {
      account(igId)!.followers = count;
    },
    engage(mediaId: string, values: Record<string, number>) {
      const m = media.get(mediaId);
      if (!m) throw new Error(`the Instagram fake has no media ${mediaId}`);
      Object.assign(m.insights, values);
    },
    /** The signed_request Meta posts to the app's deauthorize and data deletion URLs for this person. */
    signedRequestFor: (userId: string) => signedRequest(appSecret, userId),
    /**
     * What Meta does when the person removes the app or asks for their data to be deleted: a form
     * post of the signed_request to the URL the operator registered (`secret` forges one).
     */
    async callHerald(url: string, userId: string, secret = appSecret) {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ signed_request: signedRequest(secret, userId) }).toString() });
      return { status: response.status, body: (await response.json().catch(() => null)) as unknown };
    },
  };
}

export type InstagramFake = Awaited<ReturnType<typeof startInstagramFake>>;

/** The settings that point Herald's Instagram at this fake, with Instagram Login or Facebook Login. */
export const instagramEnv = (fake: InstagramFake, login: 'instagram' | 'facebook' = 'instagram') => ({
  HERALD_INSTAGRAM_LOGIN: login,
  HERALD_INSTAGRAM_APP_ID: fake.appId,
  HERALD_INSTAGRAM_APP_SECRET: fake.appSecret,
  HERALD_INSTAGRAM_GRAPH_VERSION: fake.version,
  HERALD_INSTAGRAM_AUTHORIZE_URL: fake.url,
  HERALD_INSTAGRAM_TOKEN_URL: fake.url,
  HERALD_INSTAGRAM_GRAPH_URL: fake.url,
  HERALD_INSTAGRAM_FACEBOOK_DIALOG_URL: fake.url,
  HERALD_INSTAGRAM_FACEBOOK_GRAPH_URL: fake.url,
  HERALD_INSTAGRAM_UPLOAD_URL: fake.url,
  HERALD_INSTAGRAM_POLL_SECONDS: '0.3',
});

/** Connects the fake's account through Herald's consent round trip (Instagram Login); answers the channel id. */
export async function connectInstagram(
  h: { url: string },
  client: { post: (path: string, body?: unknown) => Promise<{ status: number; body: any }>; get: (path: string) => Promise<{ headers: Headers }> },
  workspaceId: string,
  fake: InstagramFake,
  choice: { grant?: string[] } = {},
): Promise<string> {
  const start = await client.post(`/api/v1/workspaces/${workspaceId}/channels/connect`, { network: 'instagram' });
  if (start.status !== 200) throw new Error(`connect did not start: ${start.status} ${JSON.stringify(start.body)}`);
  const res = await client.get(fake.authorize(start.body.authorizationUrl, choice).replace(/^https?:\/\/[^/]+/, ''));
  const id = new URL(res.headers.get('location')!, h.url).searchParams.get('connected');
  if (!id) throw new Error(`connect failed: ${res.headers.get('location')}`);
  return id;
}

/**
 * Facebook Login: consents on the fake's Facebook dialog, then picks Instagram accounts from the
 * selection Herald offers (one per Page with a linked account); answers the new channel ids and
 * what the selection offered.
 */
export async function connectInstagramViaFacebook(
  h: { url: string },
  client: { post: (path: string, body?: unknown) => Promise<{ status: number; body: any }>; get: (path: string) => Promise<{ status: number; body: any; headers: Headers }> },
  workspaceId: string,
  fake: InstagramFake,
  pick: (offered: { externalId: string }[]) => string[] = (offered) => [offered[0]!.externalId],
): Promise<{ channelIds: string[]; offered: any[] }> {
  const start = await client.post(`/api/v1/workspaces/${workspaceId}/channels/connect`, { network: 'instagram' });
  if (start.status !== 200) throw new Error(`connect did not start: ${start.status} ${JSON.stringify(start.body)}`);
  const back = await client.get(fake.authorize(start.body.authorizationUrl).replace(/^https?:\/\/[^/]+/, ''));
  const selectionId = new URL(back.headers.get('location')!, h.url).searchParams.get('choose');
  if (!selectionId) throw new Error(`no selection offered: ${back.headers.get('location')}`);
  const selection = await client.get(`/api/v1/workspaces/${workspaceId}/channels/selections/${selectionId}`);
  const picked = await client.post(`/api/v1/workspaces/${workspaceId}/channels/selections/${selectionId}`, { externalIds: pick(selection.body.accounts) });
  if (picked.status !== 201) throw new Error(`picking failed: ${picked.status} ${JSON.stringify(picked.body)}`);
  return { channelIds: picked.body.channels.map((c: { id: string }) => c.id), offered: selection.body.accounts };
}
