import { lt, sql } from 'drizzle-orm';
import { rowsOf, type Db, type Tx } from '../../db/database.ts';
import { channelDailyStats, deliveryMetricReadings } from '../../db/schema/index.ts';
import { historyHorizonDay } from './channel-daily-stats.ts';

/** Readings younger than this keep every point; older ones keep the last of each (UTC) day per delivery. */
export const FULL_DETAIL_DAYS = 7;

export type HistorySweep = { thinned: number; readings: number; dailyStats: number };

/**
 * The analytics part of the daily retention job. Thinning keeps the charts' shape (one point per
 * post per day is all a daily chart draws) while the table stops growing with the collection
 * interval; then everything older than HERALD_ANALYTICS_HISTORY_DAYS goes. With 0 nothing is kept
 * beyond each post's newest reading (delivery_metrics) and today's daily rows.
 */
export async function sweepAnalyticsHistory(db: Db | Tx, options: { historyDays: number; now: Date }): Promise<HistorySweep> {
  const { historyDays, now } = options;
  // Whole UTC days only, so a day is never thinned while part of it is still in full detail.
  const thinBefore = `${historyHorizonDay(now, FULL_DETAIL_DAYS)}T00:00:00Z`;
  const thinned = rowsOf(
    await db.execute(sql`
      delete from delivery_metric_readings r
      where r.read_at < ${thinBefore}::timestamptz
        and exists (
          select 1 from delivery_metric_readings later
          where later.delivery_id = r.delivery_id
            and later.read_at > r.read_at
            and later.read_at < date_trunc('day', r.read_at, 'UTC') + interval '1 day'
        )
      returning 1
    `),
  ).length;
  const readingsBefore = new Date(now.getTime() - historyDays * 86_400_000);
  const readings = (await db.delete(deliveryMetricReadings).where(lt(deliveryMetricReadings.readAt, readingsBefore)).returning({ id: deliveryMetricReadings.deliveryId })).length;
  const dailyStats = (await db.delete(channelDailyStats).where(lt(channelDailyStats.day, historyHorizonDay(now, historyDays))).returning({ id: channelDailyStats.channelId })).length;
  return { thinned, readings, dailyStats };
}
