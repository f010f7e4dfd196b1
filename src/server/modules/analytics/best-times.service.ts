import { and, eq, sql } from 'drizzle-orm';
import type { BestTimesAnswer } from '../../../shared/analytics.ts';
import { rowsOf } from '../../db/database.ts';
import { channels } from '../../db/schema/index.ts';
import { workspaceTimeZone } from '../posts/time-slots.service.ts';
import type { ServiceContext } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';

// Best times to post, from the workspace's own published posts. The rule, and why:
// - Only the last WINDOW_DAYS count: audiences and algorithms drift, an old season misleads.
// - A post counts when its network reported at least one of likes, comments and shares; its
//   engagement is the sum of those reported. A post with none reported is left out, never taken as 0.
// - Each post's engagement is divided by its channel's mean over the window, so 1 is "an average
//   post of that channel": a big account does not drown a small one in a workspace-wide answer.
// - A slot (ISO weekday × hour, in the workspace's zone) scores the mean of those ratios shrunk
//   toward 1 by PRIOR_POSTS imaginary average posts: (sum + PRIOR_POSTS) / (posts + PRIOR_POSTS).
//   One lucky post cannot make a slot the best; a slot needs evidence to rise above 1.
// - Nothing is suggested below MINIMUM_POSTS posts over MINIMUM_WEEKS distinct weeks (one busy week
//   says little about weekdays); then the app says how much more it needs instead of guessing.
// - A suggestion is a slot with at least SLOT_MINIMUM_POSTS posts scoring above 1 (better than the
//   channel's average), best first, at most MAX_SUGGESTIONS of them.
export const bestTimesRule = {
  WINDOW_DAYS: 90,
  MINIMUM_POSTS: 20,
  MINIMUM_WEEKS: 3,
  SLOT_MINIMUM_POSTS: 2,
  PRIOR_POSTS: 3,
  MAX_SUGGESTIONS: 5,
} as const;

type SlotRow = { weekday: number; hour: number; posts: number; mean_engagement: number; score: number; total_posts: number; weeks: number };

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** `now` is the end of the window (tests pin it; the API uses the current time). */
export async function bestTimes(ctx: ServiceContext, workspaceId: string, input: { channelId?: string | null; now?: Date }): Promise<BestTimesAnswer> {
  const channelId = input.channelId ?? null;
  if (channelId) {
    const [channel] = await ctx.db.select({ id: channels.id }).from(channels).where(and(eq(channels.id, channelId), eq(channels.workspaceId, workspaceId)));
    if (!channel) throw notFound('channel');
  }
  const timeZone = await workspaceTimeZone(ctx.db, workspaceId);
  const now = input.now ?? new Date();
  const since = new Date(now.getTime() - bestTimesRule.WINDOW_DAYS * 86_400_000);
  const { PRIOR_POSTS } = bestTimesRule;

  // Weekday and hour are read in the workspace's zone by the database (`at time zone` follows its
  // DST rules per post), and the weeks are that zone's ISO weeks.
  const rows = rowsOf<SlotRow>(
    await ctx.db.execute(sql`
      with counted as (
        select d.channel_id,
               d.published_at at time zone ${timeZone} as local,
               (coalesce(m.likes, 0) + coalesce(m.comments, 0) + coalesce(m.shares, 0))::float8 as engagement
        from deliveries d
        join delivery_metrics m on m.delivery_id = d.id
        where d.workspace_id = ${workspaceId}
          and m.workspace_id = ${workspaceId}
          and d.state = 'published'
          and d.published_at > ${since.toISOString()}::timestamptz
          and d.published_at <= ${now.toISOString()}::timestamptz
          and (m.likes is not null or m.comments is not null or m.shares is not null)
          ${channelId ? sql`and d.channel_id = ${channelId}` : sql``}
      ),
      relative as (
        -- A channel whose posts all had 0 engagement has no better or worse hour: every post is average.
        select local, engagement,
               coalesce(engagement / nullif(avg(engagement) over (partition by channel_id), 0), 1) as ratio
        from counted
      )
      select extract(isodow from local)::int as weekday,
             extract(hour from local)::int as hour,
             count(*)::int as posts,
             avg(engagement)::float8 as mean_engagement,
             ((sum(ratio) + ${PRIOR_POSTS}) / (count(*) + ${PRIOR_POSTS}))::float8 as score,
             (select count(*) from counted)::int as total_posts,
             (select count(distinct date_trunc('week', local)) from counted)::int as weeks
      from relative
      group by 1, 2
      order by 1, 2
    `),
  );

  const posts = rows[0]?.total_posts ?? 0;
  const weeks = rows[0]?.weeks ?? 0;
  const enough = posts >= bestTimesRule.MINIMUM_POSTS && weeks >= bestTimesRule.MINIMUM_WEEKS;
  const suggestions = enough
    ? rows
        .filter((r) => r.posts >= bestTimesRule.SLOT_MINIMUM_POSTS && r.score > 1)
        .sort((a, b) => b.score - a.score || b.posts - a.posts || a.weekday - b.weekday || a.hour - b.hour)
        .slice(0, bestTimesRule.MAX_SUGGESTIONS)
        .map((r) => ({ weekday: r.weekday, hour: r.hour, score: round(r.score, 2), posts: r.posts }))
    : [];
  return {
    timeZone,
    channelId,
    basedOn: { posts, weeks },
    enough,
    minimumPosts: bestTimesRule.MINIMUM_POSTS,
    minimumWeeks: bestTimesRule.MINIMUM_WEEKS,
    suggestions,
    grid: rows.map((r) => ({ weekday: r.weekday, hour: r.hour, posts: r.posts, meanEngagement: round(r.mean_engagement, 2), score: round(r.score, 2) })),
  };
}
