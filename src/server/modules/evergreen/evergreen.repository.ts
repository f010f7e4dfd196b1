import { and, asc, eq, inArray, lt, max, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database.ts';
import { deliveries, evergreenSettings, members, postGroups, users } from '../../db/schema/index.ts';

export type EvergreenRow = typeof evergreenSettings.$inferSelect;

/** States of a copy that has not gone out yet: while one exists, no further copy is made. */
const PENDING_STATES = ['draft', 'in_review', 'changes_requested', 'scheduled', 'publishing'];

export function createEvergreenRepository(db: Db | Tx) {
  return {
    async find(workspaceId: string, postGroupId: string): Promise<EvergreenRow | undefined> {
      const [row] = await db.select().from(evergreenSettings).where(and(eq(evergreenSettings.workspaceId, workspaceId), eq(evergreenSettings.postGroupId, postGroupId)));
      return row;
    },
    async upsert(row: typeof evergreenSettings.$inferInsert): Promise<EvergreenRow> {
      const { postGroupId: _id, workspaceId: _w, createdAt: _c, recycledCount: _n, ...set } = row;
      const [saved] = await db.insert(evergreenSettings).values(row).onConflictDoUpdate({ target: evergreenSettings.postGroupId, set }).returning();
      return saved!;
    },
    async update(postGroupId: string, set: Partial<typeof evergreenSettings.$inferInsert>) {
      await db.update(evergreenSettings).set(set).where(eq(evergreenSettings.postGroupId, postGroupId));
    },

    /** Enabled settings with copies left, the longest-waiting first. */
    async candidates(limit: number): Promise<EvergreenRow[]> {
      return db
        .select()
        .from(evergreenSettings)
        .where(and(eq(evergreenSettings.enabled, true), lt(evergreenSettings.recycledCount, evergreenSettings.maxTimes)))
        .orderBy(asc(sql`coalesce(${evergreenSettings.lastRecycledAt}, ${evergreenSettings.createdAt})`))
        .limit(limit);
    },

    /**
     * Counts one more copy, only if nobody counted it since `seen` was read: in the transaction that
     * makes the copy, so of two workers taking the same post at once the second finds the count
     * moved (it waits on the row until the first commits) and makes nothing.
     */
    async claim(postGroupId: string, seen: number, now: Date): Promise<EvergreenRow | undefined> {
      const [row] = await db
        .update(evergreenSettings)
        .set({ recycledCount: sql`${evergreenSettings.recycledCount} + 1`, lastRecycledAt: now, skipReason: null, skippedAt: null, updatedAt: now })
        .where(
          and(
            eq(evergreenSettings.postGroupId, postGroupId),
            eq(evergreenSettings.enabled, true),
            eq(evergreenSettings.recycledCount, seen),
            lt(evergreenSettings.recycledCount, evergreenSettings.maxTimes),
          ),
        )
        .returning();
      return row;
    },

    /** When the original itself last went out, and when it or any copy of it last did. */
    async publishedTimes(postGroupId: string): Promise<{ original: Date | null; latest: Date | null }> {
      const copies = db.select({ id: postGroups.id }).from(postGroups).where(eq(postGroups.recycledFrom, postGroupId));
      const [own] = await db
        .select({ at: max(deliveries.publishedAt) })
        .from(deliveries)
        .where(and(eq(deliveries.postGroupId, postGroupId), eq(deliveries.state, 'published')));
      const [any] = await db
        .select({ at: max(deliveries.publishedAt) })
        .from(deliveries)
        .where(and(eq(deliveries.state, 'published'), or(eq(deliveries.postGroupId, postGroupId), inArray(deliveries.postGroupId, copies))));
      return { original: own?.at ?? null, latest: any?.at ?? null };
    },
    async hasPendingCopy(postGroupId: string): Promise<boolean> {
      const [row] = await db
        .select({ id: postGroups.id })
        .from(postGroups)
        .where(and(eq(postGroups.recycledFrom, postGroupId), inArray(postGroups.state, PENDING_STATES)))
        .limit(1);
      return !!row;
    },
    async copiesOf(postGroupId: string) {
      return db
        .select({ id: postGroups.id, state: postGroups.state, publishAt: postGroups.publishAt, createdAt: postGroups.createdAt })
        .from(postGroups)
        .where(eq(postGroups.recycledFrom, postGroupId))
        .orderBy(asc(postGroups.createdAt));
    },
    async setRecycledFrom(copyId: string, originalId: string) {
      await db.update(postGroups).set({ recycledFrom: originalId }).where(eq(postGroups.id, copyId));
    },
    async recycledFromOf(postGroupId: string): Promise<string | null> {
      const [row] = await db.select({ from: postGroups.recycledFrom }).from(postGroups).where(eq(postGroups.id, postGroupId));
      return row?.from ?? null;
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
