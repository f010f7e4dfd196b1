import { and, asc, desc, eq, gte, inArray, isNotNull, lt } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database.ts';
import { channels, deliveries, deliveryMetricReadings, deliveryMetrics, postGroups, workspaces, workspaceSettings } from '../../db/schema/index.ts';

export type PublishedMetricsRow = {
  publishedAt: Date;
  views: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  reach: number | null;
};

/** The lookups the Postiz-compatible API makes that Herald's own modules do not; every one is filtered by workspace. */
export function createPostizRepository(db: Db | Tx) {
  return {
    async workspace(workspaceId: string) {
      const [row] = await db.select({ id: workspaces.id, name: workspaces.name }).from(workspaces).where(eq(workspaces.id, workspaceId));
      return row ?? null;
    },
    async channel(workspaceId: string, channelId: string) {
      const [row] = await db.select().from(channels).where(and(eq(channels.workspaceId, workspaceId), eq(channels.id, channelId)));
      return row ?? null;
    },
    async channels(workspaceId: string) {
      return db.select().from(channels).where(eq(channels.workspaceId, workspaceId)).orderBy(channels.network, channels.connectedAt);
    },
    async channelsIn(workspaceId: string, ids: string[]) {
      if (!ids.length) return [];
      return db.select().from(channels).where(and(eq(channels.workspaceId, workspaceId), inArray(channels.id, ids)));
    },
    async delivery(workspaceId: string, deliveryId: string) {
      const [row] = await db.select().from(deliveries).where(and(eq(deliveries.workspaceId, workspaceId), eq(deliveries.id, deliveryId)));
      return row ?? null;
    },
    async group(workspaceId: string, groupId: string) {
      const [row] = await db.select().from(postGroups).where(and(eq(postGroups.workspaceId, workspaceId), eq(postGroups.id, groupId)));
      return row ?? null;
    },
    async deliveriesOf(groupId: string) {
      return db.select().from(deliveries).where(eq(deliveries.postGroupId, groupId)).orderBy(deliveries.createdAt, deliveries.id);
    },
    /** Whether the workspace collects analytics (objection turns it off). */
    async analyticsEnabled(workspaceId: string): Promise<boolean> {
      const [row] = await db.select({ enabled: workspaceSettings.analyticsEnabled }).from(workspaceSettings).where(eq(workspaceSettings.workspaceId, workspaceId));
      return row?.enabled ?? true;
    },
    /** The latest counters of the channel's deliveries published in [from, to). */
    async publishedMetrics(channelId: string, from: Date, to: Date): Promise<PublishedMetricsRow[]> {
      const rows = await db
        .select({
          publishedAt: deliveries.publishedAt,
          views: deliveryMetrics.views,
          likes: deliveryMetrics.likes,
          comments: deliveryMetrics.comments,
          shares: deliveryMetrics.shares,
          reach: deliveryMetrics.reach,
        })
        .from(deliveryMetrics)
        .innerJoin(deliveries, eq(deliveries.id, deliveryMetrics.deliveryId))
        .where(and(eq(deliveryMetrics.channelId, channelId), isNotNull(deliveries.publishedAt), gte(deliveries.publishedAt, from), lt(deliveries.publishedAt, to)));
      return rows.map((r) => ({ ...r, publishedAt: r.publishedAt! }));
    },
    async deliveryMetrics(deliveryId: string) {
      const [row] = await db.select().from(deliveryMetrics).where(eq(deliveryMetrics.deliveryId, deliveryId));
      return row ?? null;
    },
    /** The delivery's readings from `since` on, oldest first, with the last one before `since` (where the window's change starts). */
    async readingsSince(deliveryId: string, since: Date) {
      const before = await db
        .select()
        .from(deliveryMetricReadings)
        .where(and(eq(deliveryMetricReadings.deliveryId, deliveryId), lt(deliveryMetricReadings.readAt, since)))
        .orderBy(desc(deliveryMetricReadings.readAt))
        .limit(1);
      const within = await db
        .select()
        .from(deliveryMetricReadings)
        .where(and(eq(deliveryMetricReadings.deliveryId, deliveryId), gte(deliveryMetricReadings.readAt, since)))
        .orderBy(asc(deliveryMetricReadings.readAt));
      return { before: before[0] ?? null, within };
    },
  };
}
