import { and, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { channels, deliveries, deliveryMetrics } from '../../db/schema/index.ts';
import type { ServiceContext } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';

import { counterNames, type CounterName } from '../../../shared/analytics.ts';

export { counterNames, type CounterName };

/**
 * A channel's counters summed over its published posts that have a reading (published between
 * `from` and `to` when given). A counter no reading has (the network does not report it) is null,
 * never 0; `extra` sums the network's own counters by name.
 */
export async function channelTotals(ctx: ServiceContext, workspaceId: string, channelId: string, range: { from?: Date; to?: Date }) {
  const [channel] = await ctx.db
    .select({ id: channels.id, network: channels.network, analyticsEnabled: channels.analyticsEnabled })
    .from(channels)
    .where(and(eq(channels.id, channelId), eq(channels.workspaceId, workspaceId)));
  if (!channel) throw notFound('channel');
  const where: SQL[] = [eq(deliveryMetrics.workspaceId, workspaceId), eq(deliveryMetrics.channelId, channelId)];
  if (range.from) where.push(gte(deliveries.publishedAt, range.from));
  if (range.to) where.push(lt(deliveries.publishedAt, range.to));
  const [totals] = await ctx.db
    .select({
      posts: sql<number>`count(*)::int`,
      views: sql<string | null>`sum(${deliveryMetrics.views})`,
      likes: sql<string | null>`sum(${deliveryMetrics.likes})`,
      comments: sql<string | null>`sum(${deliveryMetrics.comments})`,
      shares: sql<string | null>`sum(${deliveryMetrics.shares})`,
      reach: sql<string | null>`sum(${deliveryMetrics.reach})`,
      latestReadingAt: sql<Date | string | null>`max(${deliveryMetrics.fetchedAt})`,
    })
    .from(deliveryMetrics)
    .innerJoin(deliveries, eq(deliveries.id, deliveryMetrics.deliveryId))
    .where(and(...where));
  const extras = await ctx.db
    .select({ name: sql<string>`e.key`, total: sql<string>`sum((e.value)::numeric)` })
    .from(deliveryMetrics)
    .innerJoin(deliveries, eq(deliveries.id, deliveryMetrics.deliveryId))
    .innerJoin(sql`jsonb_each_text(${deliveryMetrics.extra}) as e`, sql`true`)
    .where(and(...where))
    .groupBy(sql`e.key`)
    .orderBy(sql`e.key`);
  const number = (value: string | number | null | undefined) => (value === null || value === undefined ? null : Number(value));
  const latest = totals?.latestReadingAt ?? null;
  return {
    channelId: channel.id,
    network: channel.network,
    analyticsEnabled: channel.analyticsEnabled,
    postsWithReadings: totals?.posts ?? 0,
    counters: Object.fromEntries(counterNames.map((name) => [name, number(totals?.[name])])) as Record<CounterName, number | null>,
    extra: Object.fromEntries(extras.map((e) => [e.name, Number(e.total)])),
    latestReadingAt: latest === null ? null : new Date(latest),
  };
}
