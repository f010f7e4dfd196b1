import { stringify } from 'csv-stringify/sync';
import { descriptorOf, networkLabel } from '../../../networks/index.ts';
import {
  counterNames,
  type AnalyticsPostRow,
  type ChannelSeries,
  type CounterName,
  type DashboardAnswer,
  type DashboardChannel,
  type NetworkAnalytics,
  type PostsSort,
  type SummaryFigure,
  type SummaryMetric,
} from '../../../shared/analytics.ts';
import { can } from '../../../shared/permissions.ts';
import type { Db } from '../../db/database.ts';
import { createAgencyRepository } from '../agency/agency.repository.ts';
import { decodeInstantCursor, encodeInstantCursor, type Page } from '../shared/cursor.ts';
import type { ServiceContext } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { createDashboardRepository, type DailyRow, type DashboardChannelRow, type PostsKeyset } from './analytics.dashboard.repository.ts';
import type { DashboardFigures, DashboardScope } from './dashboard.contract.ts';

/** The longest range a dashboard reads: two years and a leap day, so "the last two years" always fits. */
export const MAX_RANGE_DAYS = 731;
/** The range when a request names none: the last 30 days, today included, in the workspace's zone. */
export const DEFAULT_RANGE_DAYS = 30;
/** The best posts the dashboard shows beside the charts. */
export const TOP_POSTS = 10;
/** The most rows one posts CSV holds: a year of a busy agency, and still a file a spreadsheet opens. */
export const CSV_LIMIT = 10_000;

const DAY_MS = 86_400_000;
const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
const dayAt = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const fieldError = (field: string, message: string) => new AppError('validation_failed', 400, `${field}: ${message}`, { issues: [{ field, message }] });

/** Every day from `from` to `to`, both included. */
export function daysOf(range: { from: string; to: string }): string[] {
  const days: string[] = [];
  for (let ms = dayMs(range.from); ms <= dayMs(range.to); ms += DAY_MS) days.push(dayAt(ms));
  return days;
}

/** The period of equal length that ends the day before `from`. */
export function previousRange(range: { from: string; to: string }) {
  const length = (dayMs(range.to) - dayMs(range.from)) / DAY_MS + 1;
  const to = dayMs(range.from) - DAY_MS;
  return { from: dayAt(to - (length - 1) * DAY_MS), to: dayAt(to) };
}

/** Why a range cannot be read (field and message), or null: the routes' schemas and the service share it. */
export function rangeProblem(range: { from: string; to: string }): { field: 'from' | 'to'; message: string } | null {
  if (range.from > range.to) return { field: 'to', message: 'must not be before from' };
  if ((dayMs(range.to) - dayMs(range.from)) / DAY_MS + 1 > MAX_RANGE_DAYS) return { field: 'to', message: `must be at most ${MAX_RANGE_DAYS} days after from` };
  return null;
}

const NOTHING: NetworkAnalytics = { counters: [], followers: false };
const supportsOf = (network: string): NetworkAnalytics => descriptorOf(network)?.analytics ?? NOTHING;

const avatarUrl = (c: DashboardChannelRow) => (c.avatarCachedAt ? `/api/v1/workspaces/${c.workspaceId}/channels/${c.id}/avatar?v=${new Date(c.avatarCachedAt).getTime()}` : null);

function channelView(c: DashboardChannelRow): DashboardChannel {
  return { id: c.id, workspaceId: c.workspaceId, workspaceName: c.workspaceName, network: c.network, name: c.displayName ?? (c.username ? `@${c.username}` : networkLabel(c.network)), avatarUrl: avatarUrl(c), supports: supportsOf(c.network) };
}

const sumOrNull = (values: (number | null)[]) => {
  const present = values.filter((v): v is number => v !== null);
  return present.length ? present.reduce((a, b) => a + b, 0) : null;
};

/** likes + comments + shares of one row; null when none of the three was reported. */
const engagementOf = (row: Pick<DailyRow, 'likes' | 'comments' | 'shares'>) => sumOrNull([row.likes, row.comments, row.shares]);

type Metrics = Record<SummaryMetric, number | null>;

/**
 * The summary of one period. A counter no selected channel's network reports is null (the app says
 * "not reported by this network"); one that is reported sums only the channels that report it. The
 * engagement rate divides by reach, or by views for a channel whose network has no reach, over the
 * days that have both; followers are each channel's last reading in the period, growth its last
 * minus its first, summed over the channels that have readings (null when none has).
 */
function summarize(channels: DashboardChannel[], rows: DailyRow[]): Metrics {
  const byChannel = new Map<string, DailyRow[]>(channels.map((c) => [c.id, []]));
  for (const row of rows) byChannel.get(row.channelId)?.push(row);
  const metrics = { posts: rows.reduce((sum, r) => sum + r.postsPublished, 0) } as Metrics;
  for (const counter of counterNames) {
    const reporting = channels.filter((c) => c.supports.counters.includes(counter));
    metrics[counter] = reporting.length ? reporting.reduce((sum, c) => sum + (sumOrNull(byChannel.get(c.id)!.map((r) => r[counter])) ?? 0), 0) : null;
  }
  const engaging = channels.filter((c) => c.supports.counters.some((n) => n === 'likes' || n === 'comments' || n === 'shares'));
  metrics.engagement = engaging.length ? engaging.reduce((sum, c) => sum + (sumOrNull(byChannel.get(c.id)!.map(engagementOf)) ?? 0), 0) : null;

  let engaged = 0;
  let seen = 0;
  let rated = false;
  for (const c of engaging) {
    const base: CounterName | null = c.supports.counters.includes('reach') ? 'reach' : c.supports.counters.includes('views') ? 'views' : null;
    if (!base) continue;
    rated = true;
    for (const row of byChannel.get(c.id)!) {
      const engagement = engagementOf(row);
      const denominator = row[base];
      if (engagement === null || denominator === null) continue;
      engaged += engagement;
      seen += denominator;
    }
  }
  metrics.engagementRate = rated && seen > 0 ? engaged / seen : null;

  // Followers come from the channel's own readings: a channel "reports" them when it has any.
  const readings = channels.flatMap((c) => {
    const known = byChannel.get(c.id)!.filter((r) => r.followers !== null);
    return known.length ? [{ first: known[0]!.followers!, last: known.at(-1)!.followers! }] : [];
  });
  metrics.followers = readings.length ? readings.reduce((sum, r) => sum + r.last, 0) : null;
  metrics.followersGrowth = readings.length ? readings.reduce((sum, r) => sum + r.last - r.first, 0) : null;
  return metrics;
}

function compareFigures(now: Metrics, before: Metrics | null): Record<SummaryMetric, SummaryFigure> {
  return Object.fromEntries(
    (Object.keys(now) as SummaryMetric[]).map((metric) => {
      const value = now[metric];
      const previous = before ? before[metric] : null;
      const change = value === null || previous === null || previous === 0 ? null : (value - previous) / previous;
      return [metric, { value, previous, change }];
    }),
  ) as Record<SummaryMetric, SummaryFigure>;
}

function seriesOf(channels: DashboardChannel[], days: string[], rows: DailyRow[]): ChannelSeries[] {
  const index = new Map(days.map((day, i) => [day, i]));
  const series = new Map(
    channels.map((c) => {
      const empty = () => days.map(() => null as number | null);
      const s: ChannelSeries = { channelId: c.id, posts: days.map(() => 0), followers: empty(), views: empty(), likes: empty(), comments: empty(), shares: empty(), reach: empty(), engagement: empty() };
      return [c.id, { s, c }];
    }),
  );
  for (const row of rows) {
    const at = index.get(row.day);
    const entry = series.get(row.channelId);
    if (at === undefined || !entry) continue;
    const { s, c } = entry;
    s.posts[at] = row.postsPublished;
    s.followers[at] = row.followers;
    for (const counter of counterNames) if (c.supports.counters.includes(counter)) s[counter][at] = row[counter];
    s.engagement[at] = engagementOf({ likes: s.likes[at]!, comments: s.comments[at]!, shares: s.shares[at]! });
  }
  return [...series.values()].map((e) => e.s);
}

/** The workspaces' zone; an agency view over workspaces in several zones names each (every workspace's days are its own). */
const zoneOf = (zones: string[]) => [...new Set(zones)].join(', ') || 'UTC';

async function postsOf(db: Db, q: { channelIds: string[]; from: string; to: string; sort: PostsSort; dir: 'asc' | 'desc'; after?: PostsKeyset; limit: number }): Promise<(AnalyticsPostRow & { sortValue: number | null })[]> {
  const repo = createDashboardRepository(db);
  const rows = await repo.posts(q);
  const thumbs = new Map((await repo.thumbnails([...new Set(rows.flatMap((r) => (r.firstMediaId ? [r.firstMediaId] : [])))])).map((m) => [m.id, m]));
  return rows.map((r) => {
    const thumb = r.firstMediaId ? thumbs.get(r.firstMediaId) : undefined;
    return {
      deliveryId: r.deliveryId,
      postId: r.postId,
      channelId: r.channelId,
      network: r.network,
      publishedAt: r.publishedAt!.toISOString(),
      text: r.text,
      // The same file URL the queue and the post page show a picture from (the media route checks access).
      thumbnailUrl: thumb && thumb.workspaceId === r.workspaceId ? `/api/v1/workspaces/${thumb.workspaceId}/media/${thumb.id}/file` : null,
      url: r.url,
      views: r.views,
      likes: r.likes,
      comments: r.comments,
      shares: r.shares,
      reach: r.reach,
      engagement: r.engagement,
      engagementRate: r.engagementRate,
      sortValue: r.sortValue,
    };
  });
}

const withoutSortValue = ({ sortValue: _, ...row }: AnalyticsPostRow & { sortValue: number | null }): AnalyticsPostRow => row;

/** The channels a scope covers; channel ids that are not the scope's workspaces' are refused by name. */
async function scopeChannels(db: Db, scope: DashboardScope) {
  const repo = createDashboardRepository(db);
  if (scope.channelIds?.length) {
    const known = new Set(await repo.knownChannelIds(scope.workspaceIds, scope.channelIds));
    const unknown = scope.channelIds.filter((id) => !known.has(id));
    if (unknown.length) throw fieldError('querystring.channelIds', `not channels of this workspace: ${unknown.slice(0, 5).join(', ')}`);
  }
  return repo.channelsOf(scope.workspaceIds, { channelIds: scope.channelIds, networks: scope.networks });
}

function assertRange(range: { from: string; to: string }) {
  const problem = rangeProblem(range);
  if (problem) throw fieldError(`querystring.${problem.field}`, problem.message);
}

/** A range as the API takes it: either end may be left out (see resolveRange). */
export type AskedRange = { from?: string; to?: string };

/**
 * The days a request means: `to` defaults to today in the (first) workspace's zone, `from` to 29
 * days before `to`. Checked like a given range, so "from after today" is refused by name.
 */
async function resolveRange(db: Db, workspaceIds: string[], asked: AskedRange): Promise<{ from: string; to: string }> {
  let to = asked.to;
  if (!to) {
    const zone = (await createDashboardRepository(db).timeZones(workspaceIds.slice(0, 1)))[0] ?? 'UTC';
    // en-CA writes dates as YYYY-MM-DD.
    to = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  }
  const range = { from: asked.from ?? dayAt(dayMs(to) - (DEFAULT_RANGE_DAYS - 1) * DAY_MS), to };
  assertRange(range);
  return range;
}

/**
 * The dashboard's figures (see dashboard.contract.ts): the summary (with the previous period when
 * compared), each channel's daily series and the top posts, from channel_daily_stats and the newest
 * counters of each delivery. Days are the workspaces' own calendar days, as the rows were written.
 */
export const dashboardFigures: DashboardFigures = async (db, scope, query) => {
  assertRange(query);
  const rows = await scopeChannels(db, scope);
  const channels = rows.map(channelView);
  const ids = channels.map((c) => c.id);
  const previous = query.compare ? previousRange(query) : null;
  const repo = createDashboardRepository(db);
  const daily = await repo.daily(ids, previous?.from ?? query.from, query.to);
  const inRange = daily.filter((r) => r.day >= query.from);
  const before = previous ? daily.filter((r) => r.day <= previous.to) : null;
  const days = daysOf(query);
  const top = await postsOf(db, { channelIds: ids, from: query.from, to: query.to, sort: 'engagement', dir: 'desc', limit: TOP_POSTS });
  return {
    range: { from: query.from, to: query.to },
    previous,
    timeZone: zoneOf(await repo.timeZones(scope.workspaceIds)),
    days,
    channels,
    summary: compareFigures(summarize(channels, inRange), before ? summarize(channels, before) : null),
    series: seriesOf(channels, days, inRange),
    // Only posts with some engagement are "top": a post nobody reacted to is not a best post.
    topPosts: top.filter((p) => p.engagement !== null && p.engagement > 0).map(withoutSortValue),
  };
};

// ---- Posts table pages. publishedAt pages use the shared instant cursor; a metric sort's cursor
// also carries the last value: base64url of `value|ISO|id` (value empty for a null).

function encodePostsCursor(sort: PostsSort, row: AnalyticsPostRow & { sortValue: number | null }) {
  const at = new Date(row.publishedAt);
  if (sort === 'publishedAt') return encodeInstantCursor(at, row.deliveryId);
  return Buffer.from(`${row.sortValue ?? ''}|${at.toISOString()}|${row.deliveryId}`).toString('base64url');
}

function readPostsCursor(sort: PostsSort, cursor: string | undefined): PostsKeyset | undefined {
  if (cursor === undefined) return undefined;
  const bad = fieldError('querystring.cursor', 'is not a cursor this API gave out for this sort');
  if (sort === 'publishedAt') {
    const parts = decodeInstantCursor(cursor);
    if (!parts) throw bad;
    return { value: null, ...parts };
  }
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const cut = text.indexOf('|');
  if (cut < 0) throw bad;
  const raw = text.slice(0, cut);
  const value = raw === '' ? null : Number(raw);
  if (value !== null && (!/^-?[\d.e+-]+$/i.test(raw) || !Number.isFinite(value))) throw bad;
  // The rest is exactly an instant cursor's text: its checks (id characters, year range) apply.
  const parts = decodeInstantCursor(Buffer.from(text.slice(cut + 1)).toString('base64url'));
  if (!parts) throw bad;
  return { value, ...parts };
}

/** The dashboard of a request, whose range may leave out either end. */
export async function dashboardFor(db: Db, scope: DashboardScope, q: AskedRange & { compare: boolean }): Promise<DashboardAnswer> {
  return dashboardFigures(db, scope, { ...(await resolveRange(db, scope.workspaceIds, q)), compare: q.compare });
}

export type PostsQuery = AskedRange & { sort: PostsSort; dir: 'asc' | 'desc'; cursor?: string; limit: number };

/** One page of the published posts in the range, with their newest counters, sorted by any counter. */
export async function analyticsPosts(db: Db, scope: DashboardScope, q: PostsQuery): Promise<Page<AnalyticsPostRow>> {
  const after = readPostsCursor(q.sort, q.cursor);
  const { from, to } = await resolveRange(db, scope.workspaceIds, q);
  const ids = (await scopeChannels(db, scope)).map((c) => c.id);
  const rows = await postsOf(db, { channelIds: ids, from, to, sort: q.sort, dir: q.dir, after, limit: q.limit + 1 });
  const items = rows.slice(0, q.limit);
  const last = items.at(-1);
  return { items: items.map(withoutSortValue), nextCursor: rows.length > q.limit && last ? encodePostsCursor(q.sort, last) : null };
}

// ---- CSV downloads: UTF-8 with a BOM (so spreadsheet programs read the accents), RFC 4180 (CRLF,
// quotes doubled, fields with commas, quotes or line breaks quoted) by csv-stringify.

/**
 * A cell starting with = + - @ (or a tab or CR) is a formula to Excel and LibreOffice; post texts
 * come from anyone with posting rights, so such text cells get a leading apostrophe (OWASP's advice).
 */
const safeText = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

const toCsv = (header: string[], records: (string | number | null)[][]) =>
  stringify(records, { header: true, columns: header, bom: true, record_delimiter: 'windows', cast: { string: safeText } });

export type CsvFile = { fileName: string; body: string };

export async function postsCsv(db: Db, scope: DashboardScope, q: Omit<PostsQuery, 'cursor' | 'limit'>): Promise<CsvFile> {
  const { from, to } = await resolveRange(db, scope.workspaceIds, q);
  const channels = await scopeChannels(db, scope);
  const byId = new Map(channels.map((c) => [c.id, channelView(c)]));
  const rows = await postsOf(db, { channelIds: channels.map((c) => c.id), from, to, sort: q.sort, dir: q.dir, limit: CSV_LIMIT });
  const header = ['published_at', 'workspace', 'channel', 'network', 'text', ...counterNames, 'engagement', 'engagement_rate', 'url', 'post_id'];
  const body = toCsv(
    header,
    rows.map((r) => {
      const c = byId.get(r.channelId);
      return [r.publishedAt, c?.workspaceName ?? '', c?.name ?? '', networkLabel(r.network), r.text, ...counterNames.map((n) => r[n]), r.engagement, r.engagementRate, r.url, r.postId];
    }),
  );
  return { fileName: `posts-${from}-${to}.csv`, body };
}

export const seriesMetrics = ['posts', ...counterNames, 'engagement', 'engagementRate', 'followers'] as const;
export type SeriesMetric = (typeof seriesMetrics)[number];

/** One row per day, one column per channel; an empty cell is a day without data or a counter the network does not report. */
export async function seriesCsv(db: Db, scope: DashboardScope, q: AskedRange & { metric: SeriesMetric }): Promise<CsvFile> {
  const answer = await dashboardFor(db, scope, { ...q, compare: false });
  const names = new Map(answer.channels.map((c) => [c.id, `${c.name} (${networkLabel(c.network)})`]));
  const header = ['day', ...answer.series.map((s) => names.get(s.channelId) ?? s.channelId)];
  const supports = new Map(answer.channels.map((c) => [c.id, c.supports]));
  const cell = (s: ChannelSeries, i: number) => (q.metric === 'engagementRate' ? dailyRate(s, supports.get(s.channelId) ?? NOTHING, i) : (s[q.metric][i] ?? null));
  const body = toCsv(
    header,
    answer.days.map((day, i) => [day, ...answer.series.map((s) => cell(s, i))]),
  );
  return { fileName: `${q.metric}-${answer.range.from}-${answer.range.to}.csv`, body };
}

/** One channel's engagement rate on one day: over reach, or views where the network has no reach. */
function dailyRate(s: ChannelSeries, supports: NetworkAnalytics, i: number): number | null {
  const base = supports.counters.includes('reach') ? s.reach[i] : supports.counters.includes('views') ? s.views[i] : null;
  const engagement = s.engagement[i];
  return engagement == null || base == null || base === 0 ? null : engagement / base;
}

// ---- The agency view: the same figures over every workspace where the user may read posts.

async function readableWorkspaceIds(ctx: ServiceContext, only?: string[]) {
  const mine = (await createAgencyRepository(ctx.db).workspacesOf(ctx.actor.userId)).filter((w) => can(w.role, 'posts.read')).map((w) => w.id);
  if (!only?.length) return mine;
  const allowed = new Set(mine);
  const unknown = only.filter((id) => !allowed.has(id));
  if (unknown.length) throw fieldError('querystring.workspaceIds', `not workspaces you can read: ${unknown.slice(0, 5).join(', ')}`);
  return only;
}

type AgencyNarrowing = { workspaceIds?: string[]; channelIds?: string[]; networks?: string[] };

export async function agencyDashboard(ctx: ServiceContext, q: AskedRange & { compare: boolean } & AgencyNarrowing): Promise<DashboardAnswer> {
  const workspaceIds = await readableWorkspaceIds(ctx, q.workspaceIds);
  return dashboardFor(ctx.db, { workspaceIds, channelIds: q.channelIds, networks: q.networks }, q);
}

export async function agencySeriesCsv(ctx: ServiceContext, q: AskedRange & { metric: SeriesMetric; workspaceIds?: string[]; channelIds?: string[]; networks?: string[] }) {
  const workspaceIds = await readableWorkspaceIds(ctx, q.workspaceIds);
  return seriesCsv(ctx.db, { workspaceIds, channelIds: q.channelIds, networks: q.networks }, q);
}

export async function agencyPosts(ctx: ServiceContext, q: PostsQuery & AgencyNarrowing): Promise<Page<AnalyticsPostRow>> {
  const workspaceIds = await readableWorkspaceIds(ctx, q.workspaceIds);
  return analyticsPosts(ctx.db, { workspaceIds, channelIds: q.channelIds, networks: q.networks }, q);
}

export async function agencyPostsCsv(ctx: ServiceContext, q: Omit<PostsQuery, 'cursor' | 'limit'> & AgencyNarrowing) {
  const workspaceIds = await readableWorkspaceIds(ctx, q.workspaceIds);
  return postsCsv(ctx.db, { workspaceIds, channelIds: q.channelIds, networks: q.networks }, q);
}
