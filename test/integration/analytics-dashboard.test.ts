import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelDailyStats, channels, deliveries, deliveryMetrics, media, postGroups } from '../../src/server/db/schema/index.ts';
import { dashboardFigures } from '../../src/server/modules/analytics/analytics.dashboard.ts';
import { signUp, startTestHerald, type TestHerald } from '../helpers/test-herald.ts';

// The dashboard's figures against numbers worked out by hand, its inputs refused by name, its
// answers kept to members, and its CSV files readable by a spreadsheet (BOM, RFC 4180 quoting).
//
// The range is 2026-03-01…03 in New York; the previous period 2026-02-26…28. Three channels:
// Mastodon (likes, comments, shares; no views, no reach), Instagram (all five counters) and
// Threads (views but no reach, so its rate is over views).
describe('analytics dashboard', () => {
  let h: TestHerald;
  let owner: Awaited<ReturnType<typeof signUp>>;
  let stranger: Awaited<ReturnType<typeof signUp>>;
  let workspaceId: string;
  let otherWorkspaceId: string;
  const ch = { masto: '', ig: '', th: '', other: '' };
  const posts: Record<string, { postId: string; deliveryId: string }> = {};
  let mediaId: string;
  const db = () => h.herald.database.db;
  const api = (path: string) => `/api/v1/workspaces/${workspaceId}/analytics${path}`;
  const range = 'from=2026-03-01&to=2026-03-03';

  async function channel(workspace: string, network: string) {
    const id = crypto.randomUUID();
    await db().insert(channels).values({ id, workspaceId: workspace, network, externalId: id, username: `${network}-account`, displayName: `${network} account` });
    return id;
  }
  type Day = Partial<typeof channelDailyStats.$inferInsert> & { day: string };
  const stats = (workspace: string, channelId: string, days: Day[]) =>
    db()
      .insert(channelDailyStats)
      .values(days.map((d) => ({ workspaceId: workspace, channelId, postsPublished: 0, ...d })));

  async function published(name: string, channelId: string, network: string, at: string, text: string, counters: Partial<typeof deliveryMetrics.$inferInsert> | null, withMedia = false) {
    const postId = crypto.randomUUID();
    const deliveryId = crypto.randomUUID();
    const content = { parts: [{ text, media: withMedia ? [{ mediaId }] : [] }], settings: {} };
    await db().insert(postGroups).values({ id: postId, workspaceId, state: 'published', content, publishAt: new Date(at) });
    await db()
      .insert(deliveries)
      .values({ id: deliveryId, workspaceId, postGroupId: postId, channelId, network, state: 'published', content, idempotencyKey: deliveryId, publishedAt: new Date(at), dueAt: new Date(at), externalUrl: `https://example.com/${name}` });
    if (counters) await db().insert(deliveryMetrics).values({ deliveryId, workspaceId, channelId, ...counters });
    posts[name] = { postId, deliveryId };
  }

  beforeAll(async () => {
    h = await startTestHerald();
    owner = await signUp(h.url, { name: 'Owner' });
    stranger = await signUp(h.url, { name: 'Stranger' });
    workspaceId = (await owner.client.post('/api/v1/workspaces', { name: 'Alpha' })).body.id;
    otherWorkspaceId = (await owner.client.post('/api/v1/workspaces', { name: 'Beta' })).body.id;
    expect((await owner.client.put(`/api/v1/workspaces/${workspaceId}/schedule-settings`, { timeZone: 'America/New_York' })).status).toBe(200);
    ch.masto = await channel(workspaceId, 'mastodon');
    ch.ig = await channel(workspaceId, 'instagram');
    ch.th = await channel(workspaceId, 'threads');
    ch.other = await channel(otherWorkspaceId, 'mastodon');

    await stats(workspaceId, ch.masto, [
      { day: '2026-02-27', postsPublished: 1, likes: 4, comments: 1, shares: 0, followers: 90 },
      { day: '2026-03-01', postsPublished: 1, likes: 10, comments: 2, shares: 1, followers: 100 },
      { day: '2026-03-03', postsPublished: 2, likes: 5, comments: null, shares: 0, followers: 110 },
    ]);
    await stats(workspaceId, ch.ig, [
      { day: '2026-02-26', postsPublished: 2, views: 500, likes: 20, comments: 0, shares: 0, reach: 400 },
      { day: '2026-03-02', postsPublished: 1, views: 1000, likes: 50, comments: 5, shares: 5, reach: 600 },
    ]);
    await stats(workspaceId, ch.th, [
      { day: '2026-03-01', postsPublished: 1, views: 200, likes: 8, comments: 2, shares: 0 },
      { day: '2026-03-04', postsPublished: 5, likes: 999 },
    ]);
    await stats(otherWorkspaceId, ch.other, [{ day: '2026-03-02', postsPublished: 4, likes: 7, comments: 0, shares: 0, followers: 50 }]);

    mediaId = crypto.randomUUID();
    await db().insert(media).values({ id: mediaId, workspaceId, kind: 'image', mimeType: 'image/png', size: 68, storageKey: `test/${mediaId}`, status: 'ready' });
    await published('ig', ch.ig, 'instagram', '2026-03-02T15:00:00Z', 'Hello, "world"\nsecond line', { views: 1000, likes: 50, comments: 5, shares: 5, reach: 600 }, true);
    // 03:00 UTC on the 4th is still the 3rd in New York: inside the range.
    await published('lateNight', ch.masto, 'mastodon', '2026-03-04T03:00:00Z', '=SUM(A1) looks like a formula', { likes: 5, comments: null, shares: 0 });
    await published('threads', ch.th, 'threads', '2026-03-01T12:00:00Z', 'Plain', { views: 200, likes: 8, comments: 2, shares: 0 });
    // 04:30 UTC on the 1st is the 28th in New York: outside the range.
    await published('early', ch.masto, 'mastodon', '2026-03-01T04:30:00Z', 'Before the range', { likes: 100 });
    await published('unread', ch.masto, 'mastodon', '2026-03-01T15:00:00Z', 'No counters yet', null);
  }, 120_000);
  afterAll(async () => h?.close());

  it('sums the range and the previous period as worked out by hand', async () => {
    const res = await owner.client.get(api(`/dashboard?${range}&compare=true`));
    expect(res.status).toBe(200);
    const { summary } = res.body;
    expect(res.body.range).toEqual({ from: '2026-03-01', to: '2026-03-03' });
    expect(res.body.previous).toEqual({ from: '2026-02-26', to: '2026-02-28' });
    expect(res.body.timeZone).toBe('America/New_York');
    expect(res.body.days).toEqual(['2026-03-01', '2026-03-02', '2026-03-03']);
    expect(summary.posts).toEqual({ value: 5, previous: 3, change: expect.closeTo(2 / 3, 10) });
    // Views: Instagram and Threads only (Mastodon reports none); reach: Instagram only.
    expect(summary.views).toEqual({ value: 1200, previous: 500, change: expect.closeTo(1.4, 10) });
    expect(summary.reach).toEqual({ value: 600, previous: 400, change: expect.closeTo(0.5, 10) });
    expect(summary.likes).toEqual({ value: 73, previous: 24, change: expect.closeTo(49 / 24, 10) });
    expect(summary.comments).toEqual({ value: 9, previous: 1, change: expect.closeTo(8, 10) });
    // A previous value of 0 has no change.
    expect(summary.shares).toEqual({ value: 6, previous: 0, change: null });
    expect(summary.engagement).toEqual({ value: 88, previous: 25, change: expect.closeTo(63 / 25, 10) });
    // Instagram 60 over reach 600, Threads 10 over views 200 (no reach), Mastodon has neither: 70 / 800.
    expect(summary.engagementRate.value).toBeCloseTo(0.0875, 10);
    expect(summary.engagementRate.previous).toBeCloseTo(20 / 400, 10);
    expect(summary.followers).toEqual({ value: 110, previous: 90, change: expect.closeTo(20 / 90, 10) });
    expect(summary.followersGrowth).toEqual({ value: 10, previous: 0, change: null });
  });

  it('keeps the daily series per channel, with null for what a network does not report and 0 posts for empty days', async () => {
    const res = await owner.client.get(api(`/dashboard?${range}`));
    expect(res.body.previous).toBeNull();
    expect(res.body.summary.posts).toEqual({ value: 5, previous: null, change: null });
    const of = (id: string) => res.body.series.find((s: { channelId: string }) => s.channelId === id);
    expect(of(ch.masto)).toMatchObject({ posts: [1, 0, 2], likes: [10, null, 5], views: [null, null, null], reach: [null, null, null], engagement: [13, null, 5], followers: [100, null, 110] });
    expect(of(ch.ig)).toMatchObject({ posts: [0, 1, 0], views: [null, 1000, null], reach: [null, 600, null], engagement: [null, 60, null] });
    // The Threads row of the 4th is outside the range.
    expect(of(ch.th)).toMatchObject({ posts: [1, 0, 0], likes: [8, null, null] });
    const masto = res.body.channels.find((c: { id: string }) => c.id === ch.masto);
    expect(masto).toMatchObject({ network: 'mastodon', workspaceName: 'Alpha', name: 'mastodon account', supports: { counters: ['likes', 'comments', 'shares'] } });
  });

  it('says "not reported" (null, never 0) when no selected network has a counter, and narrows by network and channel', async () => {
    const res = await owner.client.get(api(`/dashboard?${range}&networks=mastodon&compare=1`));
    expect(res.status).toBe(200);
    const { summary } = res.body;
    expect(res.body.channels.map((c: { id: string }) => c.id)).toEqual([ch.masto]);
    expect(summary.views).toEqual({ value: null, previous: null, change: null });
    expect(summary.reach.value).toBeNull();
    expect(summary.engagementRate.value).toBeNull();
    expect(summary.likes.value).toBe(15);
    expect(summary.posts.value).toBe(3);
    expect(summary.engagement.value).toBe(18);

    const ig = (await owner.client.get(api(`/dashboard?${range}&channelIds=${ch.ig}`))).body;
    expect(ig.summary.posts.value).toBe(1);
    expect(ig.summary.engagementRate.value).toBeCloseTo(0.1, 10);
    expect(ig.summary.followers.value).toBeNull();
    expect(ig.topPosts.map((p: { deliveryId: string }) => p.deliveryId)).toEqual([posts.ig!.deliveryId]);
  });

  it('defaults to the last 30 days, today included, in the workspace zone', async () => {
    const res = await owner.client.get(api('/dashboard'));
    expect(res.status).toBe(200);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
    expect(res.body.range.to).toBe(today);
    expect(res.body.days).toHaveLength(30);
    const csv = await owner.client.get(api('/series.csv'));
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="engagement-${res.body.range.from}-${today}.csv"`);
  });

  it('is the same function the report uses: dashboardFigures on the database gives the same answer', async () => {
    const direct = await dashboardFigures(db(), { workspaceIds: [workspaceId] }, { from: '2026-03-01', to: '2026-03-03', compare: true });
    const viaApi = (await owner.client.get(api(`/dashboard?${range}&compare=true`))).body;
    expect(JSON.parse(JSON.stringify(direct))).toEqual(viaApi);
  });

  it('lists the published posts of the range in the workspace zone, with counters, thumbnails and top posts', async () => {
    const res = await owner.client.get(api(`/posts?${range}`));
    expect(res.status).toBe(200);
    // Newest first; "early" is the 28th in New York.
    expect(res.body.items.map((p: { deliveryId: string }) => p.deliveryId)).toEqual([posts.lateNight, posts.ig, posts.unread, posts.threads].map((p) => p!.deliveryId));
    const ig = res.body.items[1];
    expect(ig).toMatchObject({ postId: posts.ig!.postId, network: 'instagram', text: 'Hello, "world"\nsecond line', views: 1000, reach: 600, engagement: 60, url: 'https://example.com/ig' });
    expect(ig.engagementRate).toBeCloseTo(0.1, 10);
    expect(ig.thumbnailUrl).toBe(`/api/v1/workspaces/${workspaceId}/media/${mediaId}/file`);
    expect(res.body.items[0]).toMatchObject({ engagement: 5, engagementRate: null, views: null, comments: null, thumbnailUrl: null });
    expect(res.body.items[2]).toMatchObject({ engagement: null, likes: null });

    const dashboard = (await owner.client.get(api(`/dashboard?${range}`))).body;
    expect(dashboard.topPosts.map((p: { deliveryId: string }) => p.deliveryId)).toEqual([posts.ig, posts.threads, posts.lateNight].map((p) => p!.deliveryId));
  });

  it('pages posts sorted by a counter, nulls last, in both directions', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: { items: { deliveryId: string }[]; nextCursor: string | null } } = await owner.client.get(api(`/posts?${range}&sort=engagement&dir=desc&limit=1${cursor ? `&cursor=${cursor}` : ''}`));
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((p) => p.deliveryId));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([posts.ig, posts.threads, posts.lateNight, posts.unread].map((p) => p!.deliveryId));

    const asc = await owner.client.get(api(`/posts?${range}&sort=engagementRate&dir=asc&limit=2`));
    expect(asc.body.items.map((p: { deliveryId: string }) => p.deliveryId)).toEqual([posts.threads!.deliveryId, posts.ig!.deliveryId]);
    const rest = await owner.client.get(api(`/posts?${range}&sort=engagementRate&dir=asc&limit=2&cursor=${asc.body.nextCursor}`));
    expect(rest.body.items.map((p: { deliveryId: string }) => p.deliveryId).sort()).toEqual([posts.lateNight!.deliveryId, posts.unread!.deliveryId].sort());
    expect(rest.body.nextCursor).toBeNull();

    const byDate: string[] = [];
    cursor = null;
    do {
      const res: { body: { items: { deliveryId: string }[]; nextCursor: string | null } } = await owner.client.get(api(`/posts?${range}&sort=publishedAt&dir=asc&limit=3${cursor ? `&cursor=${cursor}` : ''}`));
      byDate.push(...res.body.items.map((p) => p.deliveryId));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(byDate).toEqual([posts.threads, posts.unread, posts.ig, posts.lateNight].map((p) => p!.deliveryId));
  });

  it('refuses bad input with a 400 naming the field, never a 500', async () => {
    const cases: [string, string][] = [
      ['/dashboard?from=2026-02-30&to=2026-03-03', 'querystring.from'],
      ['/dashboard?from=yesterday&to=2026-03-03', 'querystring.from'],
      // With `to` left out it is today: a start in the future is after it.
      ['/dashboard?from=2099-01-01', 'querystring.to'],
      ['/dashboard?from=2026-03-05&to=2026-03-03', 'querystring.to'],
      ['/dashboard?from=2024-01-01&to=2026-03-03', 'querystring.to'],
      [`/dashboard?${range}&channelIds=${ch.other}`, 'querystring.channelIds'],
      [`/dashboard?${range}&channelIds=nope`, 'querystring.channelIds'],
      [`/dashboard?${range}&networks=myspace`, 'querystring.networks'],
      [`/dashboard?${range}&compare=maybe`, 'querystring.compare'],
      [`/posts?${range}&sort=loudness`, 'querystring.sort'],
      [`/posts?${range}&limit=0`, 'querystring.limit'],
      [`/posts?${range}&cursor=bm9wZQ`, 'querystring.cursor'],
      [`/posts?${range}&sort=likes&cursor=${Buffer.from('1e999|2026-03-01T00:00:00.000Z|x').toString('base64url')}`, 'querystring.cursor'],
      [`/series.csv?${range}&metric=happiness`, 'querystring.metric'],
      [`/posts.csv?from=2026-03-03&to=2026-03-01`, 'querystring.to'],
    ];
    for (const [path, field] of cases) {
      const res = await owner.client.get(api(path));
      expect({ path, status: res.status, code: res.body.error?.code }).toEqual({ path, status: 400, code: 'validation_failed' });
      // A list names the item at fault too (querystring.networks.0).
      expect(res.body.error.details.issues.some((i: { field: string }) => i.field === field || i.field.startsWith(`${field}.`))).toBe(true);
    }
    const agency = await owner.client.get(`/api/v1/me/analytics/dashboard?${range}&workspaceIds=not-mine`);
    expect(agency.status).toBe(400);
    expect(agency.body.error.details.issues[0].field).toBe('querystring.workspaceIds');
  });

  it("keeps a workspace's analytics to its members", async () => {
    for (const path of [`/dashboard?${range}`, `/posts?${range}`, `/posts.csv?${range}`, `/series.csv?${range}&metric=likes`]) {
      const res = await stranger.client.get(api(path));
      expect([403, 404]).toContain(res.status);
    }
    const theirs = await stranger.client.get(`/api/v1/me/analytics/dashboard?${range}`);
    expect(theirs.status).toBe(200);
    expect(theirs.body.channels).toEqual([]);
    expect(theirs.body.summary.posts.value).toBe(0);
  });

  it('adds up every workspace of the user in the agency view', async () => {
    const res = await owner.client.get(`/api/v1/me/analytics/dashboard?${range}`);
    expect(res.status).toBe(200);
    expect(new Set(res.body.channels.map((c: { workspaceName: string }) => c.workspaceName))).toEqual(new Set(['Alpha', 'Beta']));
    expect(res.body.summary.posts.value).toBe(9);
    expect(res.body.summary.likes.value).toBe(80);
    expect(res.body.summary.followers.value).toBe(160);
    expect(res.body.timeZone).toBe('America/New_York, UTC');
    const one = await owner.client.get(`/api/v1/me/analytics/dashboard?${range}&workspaceIds=${otherWorkspaceId}`);
    expect(one.body.summary.posts.value).toBe(4);
    const agencyPosts = await owner.client.get(`/api/v1/me/analytics/posts?${range}&sort=engagement&limit=2`);
    expect(agencyPosts.status).toBe(200);
    expect(agencyPosts.body.items.map((p: { deliveryId: string }) => p.deliveryId)).toEqual([posts.ig!.deliveryId, posts.threads!.deliveryId]);
    expect((await stranger.client.get(`/api/v1/me/analytics/posts?${range}`)).body.items).toEqual([]);
  });

  it('downloads posts as CSV with a BOM, CRLF and quoted commas, quotes and line breaks', async () => {
    const res = await fetch(new URL(api(`/posts.csv?${range}&sort=engagement`), h.url), { headers: { cookie: [...owner.client.jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="posts-2026-03-01-2026-03-03.csv"');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('published_at,workspace,channel,network,text,views,likes,comments,shares,reach,engagement,engagement_rate,url,post_id');
    expect(lines[1]).toBe(`2026-03-02T15:00:00.000Z,Alpha,instagram account,Instagram,"Hello, ""world""\nsecond line",1000,50,5,5,600,60,0.1,https://example.com/ig,${posts.ig!.postId}`);
    // A text a spreadsheet would run as a formula is defused; an unreported counter is an empty cell.
    expect(text).toContain(`,mastodon account,Mastodon,'=SUM(A1) looks like a formula,,5,,0,,5,,https://example.com/lateNight,`);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('downloads a daily series as CSV, a column per channel and empty cells for no data', async () => {
    const res = await owner.client.get(api(`/series.csv?${range}&metric=likes&channelIds=${ch.masto},${ch.ig}`));
    expect(res.status).toBe(200);
    // Channels in the dashboard's order (network, then connection time).
    expect(res.body).toBe('day,instagram account (Instagram),mastodon account (Mastodon)\r\n2026-03-01,,10\r\n2026-03-02,50,\r\n2026-03-03,,5\r\n');
  });

  it('downloads the daily engagement rate per channel, and the agency series over every workspace', async () => {
    const rate = await owner.client.get(api(`/series.csv?${range}&metric=engagementRate&channelIds=${ch.ig},${ch.th},${ch.masto}`));
    expect(rate.status).toBe(200);
    // Instagram 60 / reach 600; Threads 10 / views 200; Mastodon has neither reach nor views.
    expect(rate.body).toBe(
      'day,instagram account (Instagram),mastodon account (Mastodon),threads account (Threads)\r\n2026-03-01,,,0.05\r\n2026-03-02,0.1,,\r\n2026-03-03,,,\r\n',
    );
    const agency = await owner.client.get(`/api/v1/me/analytics/series.csv?${range}&metric=posts&networks=mastodon`);
    expect(agency.status).toBe(200);
    expect(agency.body.split('\r\n')[0]).toBe('day,mastodon account (Mastodon),mastodon account (Mastodon)');
    expect(agency.body).toContain('2026-03-02,0,4\r\n');
  });
});
