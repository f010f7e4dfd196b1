import { and, eq, inArray, or } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database.ts';
import { channelAvatars, channels, deliveryMetrics, networkDeletionRequests, pendingRevocations } from '../../db/schema/index.ts';
import { disconnectedState } from '../channels/channels.repository.ts';

export type DeletionRequestRow = typeof networkDeletionRequests.$inferSelect;

/** All SQL of the calls networks make to Herald: whose channels they name, what is purged, the deletion requests. */
export function createNetworkCallbacksRepository(db: Db | Tx) {
  return {
    /**
     * Every channel of the network, in every workspace, that the person granted (owner) or that is
     * the person's own account: the network names a person, not a workspace.
     */
    async channelsOfPerson(network: string, personId: string) {
      return db
        .select({ id: channels.id, workspaceId: channels.workspaceId, status: channels.status })
        .from(channels)
        .where(and(eq(channels.network, network), or(eq(channels.ownerExternalId, personId), eq(channels.externalId, personId))));
    },
    /** Ends Herald's access: tokens gone, nothing more sent to or read from the network. */
    async markDisconnected(channelIds: string[], reason: string, now: Date, purgeAfter: Date | null) {
      if (!channelIds.length) return;
      await db
        .update(channels)
        .set(disconnectedState(reason, now, purgeAfter))
        .where(inArray(channels.id, channelIds));
    },
    /**
     * The cached profile, avatar and counters, as the retention sweep clears them, now; and the
     * person's id at the network, which is theirs to have deleted.
     */
    async purgeCachedData(channelIds: string[], now: Date) {
      if (!channelIds.length) return;
      await db
        .update(channels)
        .set({ username: null, displayName: null, avatarUrl: null, avatarCachedAt: null, limits: null, ownerExternalId: null, purgeAfter: null, updatedAt: now })
        .where(inArray(channels.id, channelIds));
      await db.delete(channelAvatars).where(inArray(channelAvatars.channelId, channelIds));
      await db.delete(deliveryMetrics).where(inArray(deliveryMetrics.channelId, channelIds));
    },
    /** Revocations still owed for these channels: the grant is gone at the network, nothing is left to revoke. */
    async dropPendingRevocations(channelIds: string[]) {
      if (!channelIds.length) return;
      await db.delete(pendingRevocations).where(inArray(pendingRevocations.channelId, channelIds));
    },
    async insertDeletionRequest(row: typeof networkDeletionRequests.$inferInsert) {
      await db.insert(networkDeletionRequests).values(row);
    },
    async findDeletionRequest(code: string): Promise<DeletionRequestRow | null> {
      const [row] = await db.select().from(networkDeletionRequests).where(eq(networkDeletionRequests.code, code));
      return row ?? null;
    },
  };
}
