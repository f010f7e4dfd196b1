import { and, eq, gte, isNotNull, notExists, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db, type Tx } from '../../db/database.ts';
import { channelDailyStats, channels, deliveries } from '../../db/schema/index.ts';

// channel_daily_stats is derived data: every figure but followers is recomputed from deliveries
// and delivery_metrics, so a recompute can run any number of times (collector, backfill, tests)
// and always lands on the same rows.

/** The workspace's time zone for the channel row `c` (UTC until someone chose one). */
const zoneOf = (channelAlias: string) =>
  sql.raw(`coalesce((select ws.time_zone from workspace_settings ws where ws.workspace_id = ${channelAlias}.workspace_id), 'UTC')`);

export type DailyStatsScope = {
  /** Only these days (YYYY-MM-DD in the workspace's time zone); all the channel's days when absent. */
  days?: readonly string[];
  /** Only days from this one on (YYYY-MM-DD): a backfill stays inside the history the operator keeps. */
  since?: string;
};

/**
 * Recomputes a channel's daily rows (one statement): for each day, the deliveries published that
 * day (in the workspace's time zone) and the sums of their newest counters, null where none of
 * them has the counter. Days that have a row but no longer any post are reset to 0 posts and null
 * counters. Followers are left as they are: only the collector's account reading sets them.
 * Answers the number of rows written.
 */
export async function refreshChannelDailyStats(db: Db | Tx, channelId: string, scope: DailyStatsScope = {}): Promise<number> {
  if (scope.days && !scope.days.length) return 0;
  const days = scope.days ? sql`string_to_array(${scope.days.join(',')}, ',')::date[]` : null;
  const postDay = sql`(d.published_at at time zone ch.zone)::date`;
  const postFilter = sql.join(
    [
      days ? sql`and ${postDay} = any(${days})` : sql``,
      // The same bound as a range on published_at: lets the planner skip older deliveries.
      days ? sql`and d.published_at >= ((select min(x) from unnest(${days}) x)::timestamp at time zone ch.zone)` : sql``,
      scope.since ? sql`and d.published_at >= (${scope.since}::date::timestamp at time zone ch.zone)` : sql``,
    ],
    sql` `,
  );
  const rowFilter = sql.join([days ? sql`and s.day = any(${days})` : sql``, scope.since ? sql`and s.day >= ${scope.since}::date` : sql``], sql` `);
  const written = await db.execute(sql`
    with ch as (
      select c.id, c.workspace_id, ${zoneOf('c')} as zone from channels c where c.id = ${channelId}
    ),
    posts as (
      select ${postDay} as day, m.views, m.likes, m.comments, m.shares, m.reach, m.extra
      from ch
      join deliveries d on d.channel_id = ch.id and d.state = 'published' and d.published_at is not null ${postFilter}
      left join delivery_metrics m on m.delivery_id = d.id
    ),
    totals as (
      select day, count(*)::int as posts, sum(views) as views, sum(likes) as likes, sum(comments) as comments, sum(shares) as shares, sum(reach) as reach
      from posts group by day
    ),
    extras as (
      select day, jsonb_object_agg(name, total) as extra
      from (
        select p.day, e.key as name, sum((e.value)::text::numeric) as total
        from posts p cross join lateral jsonb_each(p.extra) e
        where jsonb_typeof(e.value) = 'number'
        group by p.day, e.key
      ) named
      group by day
    ),
    days as (
      select day from totals
      union
      select s.day from channel_daily_stats s where s.channel_id = ${channelId} ${rowFilter}
    )
    insert into channel_daily_stats (channel_id, workspace_id, day, posts_published, views, likes, comments, shares, reach, extra, updated_at)
    select ch.id, ch.workspace_id, days.day, coalesce(t.posts, 0), t.views, t.likes, t.comments, t.shares, t.reach, coalesce(x.extra, '{}'::jsonb), now()
    from ch cross join days
    left join totals t on t.day = days.day
    left join extras x on x.day = days.day
    on conflict (channel_id, day) do update set
      posts_published = excluded.posts_published,
      views = excluded.views,
      likes = excluded.likes,
      comments = excluded.comments,
      shares = excluded.shares,
      reach = excluded.reach,
      extra = excluded.extra,
      updated_at = excluded.updated_at
    returning 1
  `);
  return rowsOf(written).length;
}

/** Stores the follower count read at `at` on the channel's row for that day (in the workspace's time zone): the day's last reading wins. */
export async function recordFollowers(db: Db | Tx, channelId: string, followers: number, at: Date): Promise<void> {
  await db.execute(sql`
    insert into channel_daily_stats (channel_id, workspace_id, day, followers, updated_at)
    select c.id, c.workspace_id, (${at.toISOString()}::timestamptz at time zone ${zoneOf('c')})::date, ${followers}, now()
    from channels c where c.id = ${channelId}
    on conflict (channel_id, day) do update set followers = excluded.followers, updated_at = excluded.updated_at
  `);
}

/** The day (YYYY-MM-DD) `days` days before `now`, in UTC: the oldest day the history setting keeps. */
export function historyHorizonDay(now: Date, days: number): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The one-time catch-up for data collected before the daily rows existed (or never rolled up):
 * each channel where collection is allowed that has published deliveries but no daily row at all
 * gets its days from `since` on computed. Once every such channel has rows this is one query
 * that finds nothing.
 */
export async function backfillChannelDailyStats(db: Db, collectionAllowed: SQL, since: string): Promise<{ channels: number; rows: number }> {
  const missing = await db
    .select({ id: channels.id })
    .from(channels)
    .where(
      and(
        collectionAllowed,
        sql`exists (select 1 from ${deliveries} where ${deliveries.channelId} = ${channels.id} and ${deliveries.state} = 'published' and ${isNotNull(deliveries.publishedAt)} and ${gte(deliveries.publishedAt, sql`${since}::date`)})`,
        notExists(db.select({ one: sql`1` }).from(channelDailyStats).where(eq(channelDailyStats.channelId, channels.id))),
      ),
    );
  let rows = 0;
  for (const channel of missing) rows += await refreshChannelDailyStats(db, channel.id, { since });
  return { channels: missing.length, rows };
}
