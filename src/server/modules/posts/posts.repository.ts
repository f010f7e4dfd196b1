import crypto from 'node:crypto';
import { and, asc, desc, eq, gte, inArray, lt, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database.ts';
import { channels, deliveries, deliveryAttempts, deliveryMetrics, media, postGroups } from '../../db/schema/index.ts';

export type GroupRow = typeof postGroups.$inferSelect;
export type DeliveryRow = typeof deliveries.$inferSelect;
export type ChannelRow = typeof channels.$inferSelect;
export type MetricsRow = typeof deliveryMetrics.$inferSelect;

/**
 * The columns a post answer shows of a delivery and of its channel: lists read only these (the
 * engine's bookkeeping — progress, pending step, claim — and a channel's sealed tokens stay in the
 * database; a month of the calendar reads hundreds of rows per request).
 */
const shownDeliveryColumns = {
  id: deliveries.id,
  postGroupId: deliveries.postGroupId,
  channelId: deliveries.channelId,
  network: deliveries.network,
  state: deliveries.state,
  content: deliveries.content,
  dueAt: deliveries.dueAt,
  nextAttemptAt: deliveries.nextAttemptAt,
  attemptCount: deliveries.attemptCount,
  late: deliveries.late,
  externalId: deliveries.externalId,
  externalUrl: deliveries.externalUrl,
  publishedAt: deliveries.publishedAt,
  publishedBy: deliveries.publishedBy,
  errorCode: deliveries.errorCode,
  errorMessage: deliveries.errorMessage,
  errorKey: deliveries.errorKey,
  errorValues: deliveries.errorValues,
};
export type ShownDeliveryRow = Pick<DeliveryRow, keyof typeof shownDeliveryColumns>;
const shownChannelColumns = {
  id: channels.id,
  workspaceId: channels.workspaceId,
  username: channels.username,
  displayName: channels.displayName,
  status: channels.status,
  avatarCachedAt: channels.avatarCachedAt,
  connectedBy: channels.connectedBy,
};
export type ShownChannelRow = Pick<ChannelRow, keyof typeof shownChannelColumns>;

/** `column = any($1)`: one array parameter instead of one per id (building a 500-parameter IN list cost more CPU than running it). */
const inIds = (column: typeof deliveries.postGroupId | typeof channels.id, ids: string[]) => sql`${column} = any(${sql.param(ids)}::text[])`;
type AttemptInsert = Omit<typeof deliveryAttempts.$inferInsert, 'id' | 'number'>;

export type DraftListFilter = { authorId?: string; channelId?: string; before?: { at: Date; id: string }; limit: number };
export type PostListFilter = { from?: Date; to?: Date; states?: string[]; channelId?: string; after?: { at: Date; id: string }; limit: number };

/** All SQL of posts (post groups) and their deliveries; every lookup a person starts is filtered by workspace. */
export function createPostsRepository(db: Db | Tx) {
  return {
    async channelsIn(workspaceId: string, channelIds: string[]): Promise<ChannelRow[]> {
      return db.select().from(channels).where(and(eq(channels.workspaceId, workspaceId), inArray(channels.id, channelIds)));
    },
    /** Channels of deliveries already known to be in the workspace (the delivery row was filtered by it). */
    async channelsByIds(channelIds: string[]): Promise<ShownChannelRow[]> {
      if (!channelIds.length) return [];
      return db.select(shownChannelColumns).from(channels).where(inIds(channels.id, [...new Set(channelIds)]));
    },
    /** `lock`: held until the transaction ends, so the engine's claim waits for a person's change. */
    async findGroup(workspaceId: string, postId: string, lock = false): Promise<GroupRow | null> {
      const query = db.select().from(postGroups).where(and(eq(postGroups.id, postId), eq(postGroups.workspaceId, workspaceId)));
      const [group] = lock ? await query.for('update') : await query;
      return group ?? null;
    },
    async insertGroup(row: typeof postGroups.$inferInsert) {
      await db.insert(postGroups).values(row);
    },
    async updateGroup(groupId: string, set: Partial<typeof postGroups.$inferInsert>) {
      await db.update(postGroups).set(set).where(eq(postGroups.id, groupId));
    },
    async deleteGroup(groupId: string) {
      await db.delete(postGroups).where(eq(postGroups.id, groupId));
    },
    /** Posts in cursor order: by when they go out (drafts by when they were written), then id; one extra row tells whether a next page exists. */
    async listGroups(workspaceId: string, q: PostListFilter): Promise<GroupRow[]> {
      const when = sql`coalesce(${postGroups.publishAt}, ${postGroups.createdAt})`;
      const filters = [eq(postGroups.workspaceId, workspaceId)];
      if (q.from) filters.push(gte(postGroups.publishAt, q.from));
      if (q.to) filters.push(lt(postGroups.publishAt, q.to));
      if (q.states?.length) filters.push(inArray(postGroups.state, q.states));
      if (q.channelId) filters.push(sql`exists (select 1 from deliveries d where d.post_group_id = ${postGroups.id} and d.channel_id = ${q.channelId})`);
      if (q.after) filters.push(or(sql`${when} > ${q.after.at}`, and(sql`${when} = ${q.after.at}`, sql`${postGroups.id} > ${q.after.id}`))!);
      return db.select().from(postGroups).where(and(...filters)).orderBy(when, asc(postGroups.id)).limit(q.limit + 1);
    },

    /** Drafts with or without a time, the last edited first (the Drafts view). */
    async listDrafts(workspaceId: string, q: DraftListFilter): Promise<GroupRow[]> {
      const filters = [eq(postGroups.workspaceId, workspaceId), eq(postGroups.state, 'draft')];
      if (q.authorId) filters.push(eq(postGroups.createdBy, q.authorId));
      if (q.channelId) filters.push(sql`exists (select 1 from deliveries d where d.post_group_id = ${postGroups.id} and d.channel_id = ${q.channelId})`);
      if (q.before) filters.push(or(lt(postGroups.updatedAt, q.before.at), and(eq(postGroups.updatedAt, q.before.at), lt(postGroups.id, q.before.id)))!);
      return db
        .select()
        .from(postGroups)
        .where(and(...filters))
        .orderBy(desc(postGroups.updatedAt), desc(postGroups.id))
        .limit(q.limit + 1);
    },

    async deliveriesOf(groupId: string): Promise<DeliveryRow[]> {
      return db.select().from(deliveries).where(eq(deliveries.postGroupId, groupId)).orderBy(asc(deliveries.createdAt), asc(deliveries.id));
    },
    async lockDeliveriesOf(groupId: string): Promise<DeliveryRow[]> {
      return db.select().from(deliveries).where(eq(deliveries.postGroupId, groupId)).for('update');
    },
    /** In the order `deliveriesOf` gives one post's (a post's deliveries are created in one instant: the id settles the tie). */
    async deliveriesOfGroups(groupIds: string[]): Promise<ShownDeliveryRow[]> {
      if (!groupIds.length) return [];
      return db.select(shownDeliveryColumns).from(deliveries).where(inIds(deliveries.postGroupId, groupIds)).orderBy(asc(deliveries.createdAt), asc(deliveries.id));
    },
    async findDelivery(workspaceId: string, postId: string, deliveryId: string, lock = false): Promise<DeliveryRow | null> {
      const query = db
        .select()
        .from(deliveries)
        .where(and(eq(deliveries.id, deliveryId), eq(deliveries.postGroupId, postId), eq(deliveries.workspaceId, workspaceId)));
      const [row] = lock ? await query.for('update') : await query;
      return row ?? null;
    },
    /** Failed and unconfirmed deliveries, oldest first, at most 500. */
    async deliveriesNeedingAttention(workspaceId: string): Promise<DeliveryRow[]> {
      return db
        .select()
        .from(deliveries)
        .where(and(eq(deliveries.workspaceId, workspaceId), inArray(deliveries.state, ['failed', 'unconfirmed'])))
        .orderBy(asc(deliveries.dueAt))
        .limit(500);
    },
    async insertDelivery(row: typeof deliveries.$inferInsert) {
      await db.insert(deliveries).values(row);
    },
    async updateDelivery(deliveryId: string, set: Partial<typeof deliveries.$inferInsert>) {
      await db.update(deliveries).set(set).where(eq(deliveries.id, deliveryId));
    },
    async deleteDelivery(deliveryId: string) {
      await db.delete(deliveries).where(eq(deliveries.id, deliveryId));
    },

    /** Records an attempt a person made, numbered after the delivery's existing attempts. */
    async insertAttempt(row: AttemptInsert) {
      const number = sql<number>`(select count(*)::int + 1 from delivery_attempts where delivery_id = ${row.deliveryId})`;
      await db.insert(deliveryAttempts).values({ id: crypto.randomUUID(), number, ...row });
    },
    async attemptsOf(deliveryId: string) {
      return db.select().from(deliveryAttempts).where(eq(deliveryAttempts.deliveryId, deliveryId)).orderBy(asc(deliveryAttempts.startedAt), asc(deliveryAttempts.number));
    },
    async metricsOf(deliveryIds: string[]): Promise<MetricsRow[]> {
      if (!deliveryIds.length) return [];
      return db.select().from(deliveryMetrics).where(inArray(deliveryMetrics.deliveryId, deliveryIds));
    },
    /** Marks uploads as no longer needed by this post; the retention job deletes each one no other post still needs. */
    async releaseMedia(workspaceId: string, mediaIds: string[]) {
      if (!mediaIds.length) return;
      await db.update(media).set({ releasedAt: new Date() }).where(and(eq(media.workspaceId, workspaceId), inArray(media.id, mediaIds)));
    },
  };
}
