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

    /**
     * Settings whose next copy is due at `now`: enabled, copies left, the original published, nothing
     * of it (original or copy) published in the last `everyDays`, and no copy still waiting to go
     * out. Those skipped last time come after the others, so they cannot crowd the batch.
     */
    async due(now: Date, limit: number): Promise<EvergreenRow[]> {
      const e = evergreenSettings;
      const lastOut = sql`(
        select max(d.published_at) from ${deliveries} d join ${postGroups} g on g.id = d.post_group_id
        where d.state = 'published' and (g.id = ${e.postGroupId} or g.recycled_from = ${e.postGroupId}))`;
      return db
        .select()
        .from(e)
        .where(
          and(
            eq(e.enabled, true),
            lt(e.recycledCount, e.maxTimes),
            sql`exists (select 1 from ${deliveries} d where d.post_group_id = ${e.postGroupId} and d.state = 'published')`,
            sql`${lastOut} <= ${now.toISOString()}::timestamptz - make_interval(days => ${e.everyDays})`,
            sql`not exists (select 1 from ${postGroups} c where c.recycled_from = ${e.postGroupId} and c.state in (${sql.join(
              PENDING_STATES.map((s) => sql`${s}`),
              sql`, `,
            )}))`,
          ),
        )
        .orderBy(asc(sql`${e.skippedAt} is not null`), asc(sql`coalesce(${e.lastRecycledAt}, ${e.createdAt})`))
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
        .set({ recycledCount: sql`${evergreenSettings.recycledCount} + 1`, lastRecycledAt: now, skipReason: null, skipReasonKey: null, skipReasonValues: null, skippedAt: null, updatedAt: now })
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
