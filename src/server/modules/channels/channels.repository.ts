import { and, eq, inArray, isNotNull, isNull, lt, ne, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database.ts';
import { reasonAsStored } from '../channel-tokens/index.ts';
import { channelAvatars, channelDailyStats, channels, connectSelections, deliveryMetricReadings, deliveryMetrics, oauthStates, pendingRevocations } from '../../db/schema/index.ts';

export type ChannelRow = typeof channels.$inferSelect;
export type ConnectSelectionRow = typeof connectSelections.$inferSelect;
type ChannelUpdate = Partial<typeof channels.$inferInsert>;

/** All SQL of channels, their OAuth round trips, the accounts offered for picking and the revocations still owed to a network. */
/**
 * A channel's row once Herald's access ended: no token left, its cached data purged after
 * `purgeAfter`. Its reason is a marker ('revoke_pending', 'deauthorized') or none: the words of an
 * earlier reason go with it.
 */
export const disconnectedState = (statusReason: string | null, now: Date, purgeAfter: Date | null) => ({
  status: 'disconnected' as const,
  ...reasonAsStored(statusReason),
  accessTokenSealed: null,
  refreshTokenSealed: null,
  accessTokenExpiresAt: null,
  refreshTokenExpiresAt: null,
  disconnectedAt: now,
  purgeAfter,
  updatedAt: now,
});

export function createChannelsRepository(db: Db | Tx) {
  return {
    async listForWorkspace(workspaceId: string): Promise<ChannelRow[]> {
      return db.select().from(channels).where(eq(channels.workspaceId, workspaceId)).orderBy(channels.connectedAt);
    },
    async find(workspaceId: string, channelId: string): Promise<ChannelRow | null> {
      const [row] = await db.select().from(channels).where(and(eq(channels.id, channelId), eq(channels.workspaceId, workspaceId)));
      return row ?? null;
    },
    /** By id alone: only for a row this request already found in its workspace. */
    async findById(channelId: string): Promise<ChannelRow | null> {
      const [row] = await db.select().from(channels).where(eq(channels.id, channelId));
      return row ?? null;
    },
    /** The workspace's channel for this account at this network, if it was ever connected. */
    async findAccount(workspaceId: string, network: string, externalId: string): Promise<ChannelRow | null> {
      const [row] = await db.select().from(channels).where(and(eq(channels.workspaceId, workspaceId), eq(channels.network, network), eq(channels.externalId, externalId)));
      return row ?? null;
    },
    async insert(row: typeof channels.$inferInsert) {
      await db.insert(channels).values(row);
    },
    async update(channelId: string, set: ChannelUpdate) {
      await db.update(channels).set(set).where(eq(channels.id, channelId));
    },
    /** Channels still holding an access token. */
    async withTokens(workspaceId: string): Promise<ChannelRow[]> {
      return db.select().from(channels).where(and(eq(channels.workspaceId, workspaceId), isNotNull(channels.accessTokenSealed)));
    },
    /**
     * Whether another channel still holding a token rests on the same grant at the network (the
     * same person granted both, e.g. two Pages of one Facebook user), in any workspace.
     */
    async grantStillUsedBesides(row: Pick<ChannelRow, 'id' | 'network' | 'ownerExternalId'>): Promise<boolean> {
      if (!row.ownerExternalId) return false;
      const [other] = await db
        .select({ id: channels.id })
        .from(channels)
        .where(and(eq(channels.network, row.network), eq(channels.ownerExternalId, row.ownerExternalId), ne(channels.id, row.id), ne(channels.status, 'disconnected'), isNotNull(channels.accessTokenSealed)))
        .limit(1);
      return Boolean(other);
    },
    /** Channels whose access token expires before `before` and that may be refreshed (`extra`: the caller's further condition). */
    async refreshableExpiringBefore(before: Date, extra: SQL): Promise<string[]> {
      const rows = await db
        .select({ id: channels.id })
        .from(channels)
        .where(and(inArray(channels.status, ['ok', 'expiring']), isNotNull(channels.refreshTokenSealed), lt(channels.accessTokenExpiresAt, before), extra));
      return rows.map((r) => r.id);
    },
    /** Clears the cached profile of channels disconnected past their purge date, with their avatars and metrics. */
    async purgeProfilesDisconnectedBefore(now: Date) {
      const purged = await db
        .update(channels)
        .set({ username: null, displayName: null, avatarUrl: null, avatarCachedAt: null, limits: null, purgeAfter: null, updatedAt: now })
        .where(and(eq(channels.status, 'disconnected'), lt(channels.purgeAfter, now)))
        .returning({ id: channels.id, workspaceId: channels.workspaceId });
      if (purged.length) {
        await db.delete(channelAvatars).where(inArray(channelAvatars.channelId, purged.map((row) => row.id)));
        await db.delete(deliveryMetrics).where(inArray(deliveryMetrics.channelId, purged.map((row) => row.id)));
        // The statistics' history goes with the newest counters.
        await db.delete(deliveryMetricReadings).where(inArray(deliveryMetricReadings.channelId, purged.map((row) => row.id)));
        await db.delete(channelDailyStats).where(inArray(channelDailyStats.channelId, purged.map((row) => row.id)));
      }
      return purged;
    },

    async insertOAuthState(row: typeof oauthStates.$inferInsert) {
      await db.insert(oauthStates).values(row);
    },
    /** Marks the state used and answers it, or null when unknown or used already (single use). */
    async claimOAuthState(state: string) {
      const [claimed] = await db.update(oauthStates).set({ usedAt: new Date() }).where(and(eq(oauthStates.state, state), isNull(oauthStates.usedAt))).returning();
      return claimed ?? null;
    },

    async insertSelection(row: typeof connectSelections.$inferInsert) {
      await db.insert(connectSelections).values(row);
    },
    /** The selection as its owner (user and session) sees it in this workspace; null for anyone else. */
    async findSelection(workspaceId: string, selectionId: string, userId: string, sessionId: string): Promise<ConnectSelectionRow | null> {
      const [row] = await db
        .select()
        .from(connectSelections)
        .where(and(eq(connectSelections.id, selectionId), eq(connectSelections.workspaceId, workspaceId), eq(connectSelections.userId, userId), eq(connectSelections.sessionId, sessionId)));
      return row ?? null;
    },
    /** Deletes it and answers it, or null when another request took it first (single use). */
    async claimSelection(selectionId: string): Promise<ConnectSelectionRow | null> {
      const [row] = await db.delete(connectSelections).where(eq(connectSelections.id, selectionId)).returning();
      return row ?? null;
    },

    async insertPendingRevocation(row: typeof pendingRevocations.$inferInsert) {
      await db.insert(pendingRevocations).values(row);
    },
    async listPendingRevocations() {
      return db.select().from(pendingRevocations);
    },
    async countRevocationAttempt(id: string, attempts: number) {
      await db.update(pendingRevocations).set({ attempts, lastAttemptAt: new Date() }).where(eq(pendingRevocations.id, id));
    },
    async deletePendingRevocation(id: string) {
      await db.delete(pendingRevocations).where(eq(pendingRevocations.id, id));
    },
    async clearRevokePending(channelId: string) {
      await db.update(channels).set({ statusReason: null }).where(and(eq(channels.id, channelId), eq(channels.statusReason, 'revoke_pending')));
    },
  };
}
