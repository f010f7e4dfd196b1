import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database.ts';
import { channels, deliveries, postGroups } from '../../db/schema/index.ts';
import type { ChannelRow } from '../posts/posts.repository.ts';

/** States of a post that has not gone out yet: what an export carries, to be edited and imported again. */
export const EXPORTED_STATES = ['draft', 'in_review', 'changes_requested', 'scheduled'];

export function createBulkCsvRepository(db: Db | Tx) {
  return {
    /** Every channel of the workspace, read once per file so no row needs a query. */
    async channelsOf(workspaceId: string): Promise<ChannelRow[]> {
      return db.select().from(channels).where(eq(channels.workspaceId, workspaceId));
    },
    /** Posts with a time in [from, to) not yet gone out, by time; at most `limit`. */
    async postsBetween(workspaceId: string, range: { from: Date; to: Date; limit: number }) {
      return db
        .select({ id: postGroups.id, content: postGroups.content, publishAt: postGroups.publishAt, timeZone: postGroups.timeZone })
        .from(postGroups)
        .where(and(eq(postGroups.workspaceId, workspaceId), inArray(postGroups.state, EXPORTED_STATES), gte(postGroups.publishAt, range.from), lt(postGroups.publishAt, range.to)))
        .orderBy(asc(postGroups.publishAt), asc(postGroups.id))
        .limit(range.limit);
    },
    async deliveriesOf(workspaceId: string, groupIds: string[]) {
      if (!groupIds.length) return [];
      return db
        .select({ postGroupId: deliveries.postGroupId, channelId: deliveries.channelId, network: deliveries.network, content: deliveries.content })
        .from(deliveries)
        .where(and(eq(deliveries.workspaceId, workspaceId), inArray(deliveries.postGroupId, groupIds)))
        .orderBy(asc(deliveries.createdAt), asc(deliveries.id));
    },
  };
}
