import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database.ts';
import { ideaColumns, ideas, media, postGroups } from '../../db/schema/index.ts';

export type IdeaColumnRow = typeof ideaColumns.$inferSelect;
export type IdeaRow = typeof ideas.$inferSelect;
export type IdeaMedia = IdeaRow['media'];

// Any fixed number works; it only has to be the same in every Herald process (the second key is
// the workspace). Two-key advisory locks live apart from the one-key migration lock.
const BOARD_LOCK_CLASS = 727_131_017;

export function createIdeasRepository(db: Db | Tx) {
  return {
    /**
     * Serialises every change of positions on one workspace's board until the transaction ends,
     * so two moves at the same moment renumber one after the other and positions stay unique.
     */
    async lockBoard(workspaceId: string) {
      await db.execute(sql`select pg_advisory_xact_lock(${BOARD_LOCK_CLASS}, hashtext(${workspaceId}))`);
    },

    async columnsOf(workspaceId: string): Promise<IdeaColumnRow[]> {
      return db.select().from(ideaColumns).where(eq(ideaColumns.workspaceId, workspaceId)).orderBy(asc(ideaColumns.position), asc(ideaColumns.createdAt));
    },
    async findColumn(workspaceId: string, columnId: string): Promise<IdeaColumnRow | undefined> {
      const [row] = await db.select().from(ideaColumns).where(and(eq(ideaColumns.workspaceId, workspaceId), eq(ideaColumns.id, columnId)));
      return row;
    },
    async insertColumns(rows: (typeof ideaColumns.$inferInsert)[]) {
      if (rows.length) await db.insert(ideaColumns).values(rows);
    },
    async renameColumn(columnId: string, name: string) {
      await db.update(ideaColumns).set({ name }).where(eq(ideaColumns.id, columnId));
    },
    async setColumnPosition(columnId: string, position: number) {
      await db.update(ideaColumns).set({ position }).where(eq(ideaColumns.id, columnId));
    },
    async deleteColumn(columnId: string) {
      await db.delete(ideaColumns).where(eq(ideaColumns.id, columnId));
    },

    async ideasOf(workspaceId: string): Promise<IdeaRow[]> {
      return db.select().from(ideas).where(eq(ideas.workspaceId, workspaceId)).orderBy(asc(ideas.position), asc(ideas.createdAt));
    },
    async ideasInColumn(columnId: string): Promise<IdeaRow[]> {
      return db.select().from(ideas).where(eq(ideas.columnId, columnId)).orderBy(asc(ideas.position), asc(ideas.createdAt));
    },
    async countInColumn(columnId: string): Promise<number> {
      const [row] = await db.select({ n: count() }).from(ideas).where(eq(ideas.columnId, columnId));
      return row?.n ?? 0;
    },
    async findIdea(workspaceId: string, ideaId: string): Promise<IdeaRow | undefined> {
      const [row] = await db.select().from(ideas).where(and(eq(ideas.workspaceId, workspaceId), eq(ideas.id, ideaId)));
      return row;
    },
    async insertIdea(row: typeof ideas.$inferInsert): Promise<IdeaRow> {
      const [inserted] = await db.insert(ideas).values(row).returning();
      return inserted!;
    },
    async updateIdea(ideaId: string, set: Partial<typeof ideas.$inferInsert>): Promise<IdeaRow> {
      const [row] = await db.update(ideas).set(set).where(eq(ideas.id, ideaId)).returning();
      return row!;
    },
    async placeIdea(ideaId: string, columnId: string, position: number) {
      await db.update(ideas).set({ columnId, position }).where(eq(ideas.id, ideaId));
    },
    async deleteIdea(ideaId: string) {
      await db.delete(ideas).where(eq(ideas.id, ideaId));
    },

    /** The ids among `mediaIds` that are ready files of this workspace (every other id is absent). */
    async readyMediaIds(workspaceId: string, mediaIds: string[]): Promise<Set<string>> {
      if (!mediaIds.length) return new Set();
      const rows = await db
        .select({ id: media.id })
        .from(media)
        .where(and(eq(media.workspaceId, workspaceId), eq(media.status, 'ready'), inArray(media.id, mediaIds)));
      return new Set(rows.map((r) => r.id));
    },
    /**
     * Marks uploads as no longer needed by a card (the same mark a deleted post leaves); the
     * retention job deletes each one once no post and no other card still needs it.
     */
    async releaseMedia(workspaceId: string, mediaIds: string[]) {
      if (!mediaIds.length) return;
      await db.update(media).set({ releasedAt: new Date() }).where(and(eq(media.workspaceId, workspaceId), inArray(media.id, mediaIds)));
    },
    async postExists(workspaceId: string, postId: string): Promise<boolean> {
      const [row] = await db.select({ id: postGroups.id }).from(postGroups).where(and(eq(postGroups.workspaceId, workspaceId), eq(postGroups.id, postId)));
      return !!row;
    },
    async postStates(workspaceId: string, postIds: string[]): Promise<Map<string, string>> {
      if (!postIds.length) return new Map();
      const rows = await db.select({ id: postGroups.id, state: postGroups.state }).from(postGroups).where(and(eq(postGroups.workspaceId, workspaceId), inArray(postGroups.id, postIds)));
      return new Map(rows.map((r) => [r.id, r.state]));
    },
  };
}
