import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database.ts';
import { channels, deliveries, media, postGroups } from '../../db/schema/index.ts';

/** Deliveries shown in a channel's queue: waiting for their time, or going out right now. */
const QUEUE_STATES = ['queued', 'publishing', 'processing'];

export type QueueRow = {
  deliveryId: string;
  postId: string;
  state: string;
  dueAt: Date;
  nextAttemptAt: Date | null;
  content: typeof deliveries.$inferSelect.content;
  groupState: string;
  /** How many channels the post goes to; more than one pins its time (one publishAt per post). */
  channelCount: number;
};

export function createQueueRepository(db: Db | Tx) {
  return {
    /** `lock`: serialises with the engine's claims, which lock the channel row first. */
    async findChannel(workspaceId: string, channelId: string, lock = false) {
      const query = db.select().from(channels).where(and(eq(channels.id, channelId), eq(channels.workspaceId, workspaceId)));
      const [row] = lock ? await query.for('update') : await query;
      return row ?? null;
    },
    /** The channel's upcoming deliveries, soonest first, at most `limit`. */
    async queueOf(channelId: string, limit: number): Promise<QueueRow[]> {
      return db
        .select({
          deliveryId: deliveries.id,
          postId: deliveries.postGroupId,
          state: deliveries.state,
          dueAt: sql<Date>`${deliveries.dueAt}`.mapWith(deliveries.dueAt),
          nextAttemptAt: deliveries.nextAttemptAt,
          content: deliveries.content,
          groupState: postGroups.state,
          channelCount: sql<number>`(select count(*)::int from deliveries d2 where d2.post_group_id = ${deliveries.postGroupId})`,
        })
        .from(deliveries)
        .innerJoin(postGroups, eq(postGroups.id, deliveries.postGroupId))
        .where(and(eq(deliveries.channelId, channelId), inArray(deliveries.state, QUEUE_STATES), isNotNull(deliveries.dueAt)))
        .orderBy(asc(deliveries.dueAt), asc(deliveries.id))
        .limit(limit);
    },
    /** The channel's deliveries of these posts, with their post groups, locked for the change. */
    async lockDeliveries(channelId: string, postIds: string[]) {
      if (!postIds.length) return [];
      await db.select({ id: postGroups.id }).from(postGroups).where(inArray(postGroups.id, postIds)).orderBy(asc(postGroups.id)).for('update');
      return db
        .select()
        .from(deliveries)
        .where(and(eq(deliveries.channelId, channelId), inArray(deliveries.postGroupId, postIds)))
        .orderBy(asc(deliveries.id))
        .for('update');
    },
    async mediaKinds(workspaceId: string, mediaIds: string[]) {
      if (!mediaIds.length) return [];
      return db.select({ id: media.id, kind: media.kind, status: media.status }).from(media).where(and(eq(media.workspaceId, workspaceId), inArray(media.id, mediaIds)));
    },
    async moveDelivery(deliveryId: string, postId: string, at: Date) {
      await db.update(deliveries).set({ dueAt: at, nextAttemptAt: at, updatedAt: new Date() }).where(eq(deliveries.id, deliveryId));
      await db.update(postGroups).set({ publishAt: at, updatedAt: new Date() }).where(eq(postGroups.id, postId));
    },
  };
}
