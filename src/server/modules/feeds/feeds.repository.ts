import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database.ts';
import { rowsOf } from '../../db/database.ts';
import { channels, feedItems, feeds, members, users } from '../../db/schema/index.ts';

export type FeedRow = typeof feeds.$inferSelect;
export type FeedItemRow = typeof feedItems.$inferSelect;

export function createFeedsRepository(db: Db | Tx) {
  return {
    async listOf(workspaceId: string): Promise<FeedRow[]> {
      return db.select().from(feeds).where(eq(feeds.workspaceId, workspaceId)).orderBy(asc(feeds.createdAt));
    },
    async count(workspaceId: string): Promise<number> {
      return (await db.select({ id: feeds.id }).from(feeds).where(eq(feeds.workspaceId, workspaceId))).length;
    },
    async find(workspaceId: string, id: string): Promise<FeedRow | undefined> {
      const [row] = await db.select().from(feeds).where(and(eq(feeds.workspaceId, workspaceId), eq(feeds.id, id)));
      return row;
    },
    async findById(id: string): Promise<FeedRow | undefined> {
      const [row] = await db.select().from(feeds).where(eq(feeds.id, id));
      return row;
    },
    async insert(row: typeof feeds.$inferInsert): Promise<FeedRow> {
      const [inserted] = await db.insert(feeds).values(row).returning();
      return inserted!;
    },
    async update(id: string, set: Partial<typeof feeds.$inferInsert>): Promise<FeedRow | undefined> {
      const [row] = await db.update(feeds).set(set).where(eq(feeds.id, id)).returning();
      return row;
    },
    async remove(id: string) {
      await db.delete(feeds).where(eq(feeds.id, id));
    },

    /**
     * Takes the enabled feeds whose time has come and moves each one's next check a whole interval
     * on, in one statement: two workers running the sweep at once take different feeds.
     */
    async claimDue(now: Date, limit: number): Promise<FeedRow[]> {
      const result = await db.execute(sql`
        update ${feeds} set next_check_at = ${now.toISOString()}::timestamptz + make_interval(mins => ${feeds.intervalMinutes})
        where ${feeds.id} in (
          select id from ${feeds} where ${feeds.enabled} and ${feeds.nextCheckAt} <= ${now.toISOString()}::timestamptz
          order by ${feeds.nextCheckAt} limit ${limit} for update skip locked
        )
        returning id`);
      const ids = rowsOf<{ id: string }>(result).map((r) => r.id);
      return ids.length ? db.select().from(feeds).where(inArray(feeds.id, ids)) : [];
    },

    async hasItems(feedId: string): Promise<boolean> {
      const [row] = await db.select({ id: feedItems.id }).from(feedItems).where(eq(feedItems.feedId, feedId)).limit(1);
      return !!row;
    },
    async itemKnown(feedId: string, itemKey: string): Promise<boolean> {
      const [row] = await db.select({ id: feedItems.id }).from(feedItems).where(and(eq(feedItems.feedId, feedId), eq(feedItems.itemKey, itemKey))).limit(1);
      return !!row;
    },
    /** Records an item the first time it is seen; false when it was known already (this check or another's). */
    async insertItemIfNew(row: typeof feedItems.$inferInsert): Promise<boolean> {
      const inserted = await db.insert(feedItems).values(row).onConflictDoNothing({ target: [feedItems.feedId, feedItems.itemKey] }).returning({ id: feedItems.id });
      return inserted.length > 0;
    },
    async settleItem(id: string, set: Pick<FeedItemRow, 'outcome' | 'reason' | 'postGroupId'>) {
      await db.update(feedItems).set(set).where(eq(feedItems.id, id));
    },
    async recentItems(feedId: string, limit: number): Promise<FeedItemRow[]> {
      return db.select().from(feedItems).where(eq(feedItems.feedId, feedId)).orderBy(desc(feedItems.createdAt), desc(feedItems.publishedAt)).limit(limit);
    },

    async channelsIn(workspaceId: string, ids: string[]) {
      if (!ids.length) return [];
      return db.select({ id: channels.id, status: channels.status }).from(channels).where(and(eq(channels.workspaceId, workspaceId), inArray(channels.id, ids)));
    },
    /** The owner's role in the workspace and e-mail, or undefined once they left it. */
    async ownerMembership(workspaceId: string, userId: string): Promise<{ role: string; email: string } | undefined> {
      const [row] = await db
        .select({ role: members.role, email: users.email })
        .from(members)
        .innerJoin(users, eq(users.id, members.userId))
        .where(and(eq(members.organizationId, workspaceId), eq(members.userId, userId)));
      return row;
    },
  };
}
