import { and, asc, between, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { channelDailyStats, channels, deliveries, deliveryMetrics, media, workspaceSettings, workspaces } from '../../db/schema/index.ts';
import type { PostsSort } from '../../../shared/analytics.ts';

/** Characters of a post's text the posts table shows. */
export const TEXT_START = 280;

export type DashboardChannelRow = {
  id: string;
  workspaceId: string;
  workspaceName: string;
  timeZone: string;
  network: string;
  username: string | null;
  displayName: string | null;
  avatarCachedAt: Date | null;
};

export type DailyRow = {
  channelId: string;
  day: string;
  followers: number | null;
  postsPublished: number;
  views: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  reach: number | null;
};

/** Where the next page of posts starts: the sort value of the last row (null sorts last), its instant and id. */
export type PostsKeyset = { value: number | null; at: Date; id: string };

export type PostsFilter = { channelIds: string[]; from: string; to: string; sort: PostsSort; dir: 'asc' | 'desc'; after?: PostsKeyset; limit: number };

// Engagement of a delivery: null when the network reported none of its three counters ("not
// reported", never 0); a rate needs reach, or views where the network has no reach.
const engagementSql = sql<number | null>`case when coalesce(${deliveryMetrics.likes}, ${deliveryMetrics.comments}, ${deliveryMetrics.shares}) is null then null
  else coalesce(${deliveryMetrics.likes}, 0) + coalesce(${deliveryMetrics.comments}, 0) + coalesce(${deliveryMetrics.shares}, 0) end`;
const rateSql = sql<number | null>`(${engagementSql})::float8 / nullif(coalesce(${deliveryMetrics.reach}, ${deliveryMetrics.views}), 0)`;

const sortColumn = (sort: PostsSort): SQL => {
  switch (sort) {
    case 'publishedAt':
      return sql`date_trunc('milliseconds', ${deliveries.publishedAt})`;
    case 'engagement':
      return sql`(${engagementSql})`;
    case 'engagementRate':
      return sql`(${rateSql})`;
    default:
      return sql`${deliveryMetrics[sort]}`;
  }
};

/**
 * The keyset condition for "after this row" in (value nulls last, instant, id), all in `dir`:
 * a null value sorts after every number whichever the direction, as the table shows it.
 */
function afterCondition(sort: PostsSort, dir: 'asc' | 'desc', after: PostsKeyset): SQL {
  const op = sql.raw(dir === 'asc' ? '>' : '<');
  const tie = sql`(date_trunc('milliseconds', ${deliveries.publishedAt}), ${deliveries.id}) ${op} (${after.at.toISOString()}::timestamptz, ${after.id})`;
  if (sort === 'publishedAt') return tie;
  const value = sortColumn(sort);
  if (after.value === null) return sql`(${value} is null and ${tie})`;
  return sql`(${value} ${op} ${after.value}::float8 or (${value} = ${after.value}::float8 and ${tie}) or ${value} is null)`;
}

/** The workspace's zone for a channel's delivery: days are counted in it. */
const localDay = sql`(${deliveries.publishedAt} at time zone coalesce(${workspaceSettings.timeZone}, 'UTC'))::date`;

export function createDashboardRepository(db: Db) {
  return {
    /** The channels of these workspaces (with each workspace's name and zone), narrowed by ids and networks. */
    async channelsOf(workspaceIds: string[], narrow: { channelIds?: string[]; networks?: string[] }): Promise<DashboardChannelRow[]> {
      if (!workspaceIds.length) return [];
      const filters = [inArray(channels.workspaceId, workspaceIds)];
      if (narrow.channelIds?.length) filters.push(inArray(channels.id, narrow.channelIds));
      if (narrow.networks?.length) filters.push(inArray(channels.network, narrow.networks));
      return db
        .select({
          id: channels.id,
          workspaceId: channels.workspaceId,
          workspaceName: workspaces.name,
          timeZone: sql<string>`coalesce(${workspaceSettings.timeZone}, 'UTC')`,
          network: channels.network,
          username: channels.username,
          displayName: channels.displayName,
          avatarCachedAt: channels.avatarCachedAt,
        })
        .from(channels)
        .innerJoin(workspaces, eq(workspaces.id, channels.workspaceId))
        .leftJoin(workspaceSettings, eq(workspaceSettings.workspaceId, channels.workspaceId))
        .where(and(...filters))
        .orderBy(asc(workspaces.name), asc(channels.network), asc(channels.connectedAt), asc(channels.id));
    },

    /** Each workspace's zone (UTC when nobody chose one): the days of its rows are counted in it. */
    async timeZones(workspaceIds: string[]): Promise<string[]> {
      if (!workspaceIds.length) return [];
      const rows = await db
        .select({ timeZone: sql<string>`coalesce(${workspaceSettings.timeZone}, 'UTC')` })
        .from(workspaces)
        .leftJoin(workspaceSettings, eq(workspaceSettings.workspaceId, workspaces.id))
        .where(inArray(workspaces.id, workspaceIds))
        .orderBy(asc(workspaces.name));
      return rows.map((r) => r.timeZone);
    },

    /** Of these ids, the ones that are channels of these workspaces. */
    async knownChannelIds(workspaceIds: string[], channelIds: string[]): Promise<string[]> {
      if (!workspaceIds.length || !channelIds.length) return [];
      const rows = await db
        .select({ id: channels.id })
        .from(channels)
        .where(and(inArray(channels.workspaceId, workspaceIds), inArray(channels.id, channelIds)));
      return rows.map((r) => r.id);
    },

    /** The daily rows of these channels from `from` to `to` (inclusive), on the (channel, day) primary key. */
    async daily(channelIds: string[], from: string, to: string): Promise<DailyRow[]> {
      if (!channelIds.length) return [];
      return db
        .select({
          channelId: channelDailyStats.channelId,
          day: channelDailyStats.day,
          followers: channelDailyStats.followers,
          postsPublished: channelDailyStats.postsPublished,
          views: channelDailyStats.views,
          likes: channelDailyStats.likes,
          comments: channelDailyStats.comments,
          shares: channelDailyStats.shares,
          reach: channelDailyStats.reach,
        })
        .from(channelDailyStats)
        .where(and(inArray(channelDailyStats.channelId, channelIds), between(channelDailyStats.day, from, to)))
        .orderBy(asc(channelDailyStats.day));
    },

    /**
     * Published deliveries of these channels whose publishing day (in their workspace's zone) is in
     * [from, to], with their newest counters, sorted and paged on (sort value, instant, id).
     */
    async posts(q: PostsFilter) {
      if (!q.channelIds.length) return [];
      const value = sortColumn(q.sort);
      const dir = sql.raw(q.dir);
      const filters: SQL[] = [
        inArray(deliveries.channelId, q.channelIds),
        eq(deliveries.state, 'published'),
        isNotNull(deliveries.publishedAt),
        sql`${localDay} between ${q.from}::date and ${q.to}::date`,
      ];
      if (q.after) filters.push(afterCondition(q.sort, q.dir, q.after));
      return db
        .select({
          deliveryId: deliveries.id,
          postId: deliveries.postGroupId,
          workspaceId: deliveries.workspaceId,
          channelId: deliveries.channelId,
          network: deliveries.network,
          publishedAt: deliveries.publishedAt,
          text: sql<string>`left(coalesce(${deliveries.content}->'parts'->0->>'text', ''), ${TEXT_START})`,
          firstMediaId: sql<string | null>`${deliveries.content}->'parts'->0->'media'->0->>'mediaId'`,
          url: deliveries.externalUrl,
          views: deliveryMetrics.views,
          likes: deliveryMetrics.likes,
          comments: deliveryMetrics.comments,
          shares: deliveryMetrics.shares,
          reach: deliveryMetrics.reach,
          engagement: sql<number | null>`${engagementSql}`.mapWith((v) => (v === null ? null : Number(v))),
          engagementRate: sql<number | null>`${rateSql}`.mapWith((v) => (v === null ? null : Number(v))),
          // The instant of a publishedAt page is the keyset's own; only metric sorts carry a value.
          sortValue: sql<number | null>`${q.sort === 'publishedAt' ? sql`null` : value}::float8`.mapWith((v) => (v === null ? null : Number(v))),
        })
        .from(deliveries)
        .leftJoin(deliveryMetrics, eq(deliveryMetrics.deliveryId, deliveries.id))
        .leftJoin(workspaceSettings, eq(workspaceSettings.workspaceId, deliveries.workspaceId))
        .where(and(...filters))
        .orderBy(
          ...(q.sort === 'publishedAt' ? [] : [sql`${value} ${dir} nulls last`]),
          sql`date_trunc('milliseconds', ${deliveries.publishedAt}) ${dir}`,
          sql`${deliveries.id} ${dir}`,
        )
        .limit(q.limit);
    },

    /** Which of these media files can be shown as a thumbnail (ready images). */
    async thumbnails(mediaIds: string[]) {
      if (!mediaIds.length) return [];
      return db
        .select({ id: media.id, workspaceId: media.workspaceId })
        .from(media)
        .where(and(inArray(media.id, mediaIds), eq(media.kind, 'image'), eq(media.status, 'ready')));
    },
  };
}
