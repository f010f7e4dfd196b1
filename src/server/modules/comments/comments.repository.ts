import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database.ts';
import { members, postComments, users } from '../../db/schema/index.ts';
import { keysetOrderBy, keysetWhere, type Keyset } from '../shared/cursor.ts';

export type CommentRow = typeof postComments.$inferSelect;

export function createCommentsRepository(db: Db | Tx) {
  return {
    /** Oldest first (as a thread reads), with the author's name and picture (null once the author deleted their account); `limit` rows after `after`. */
    async listOfPost(workspaceId: string, postGroupId: string, page: { limit: number; after?: Keyset }) {
      return db
        .select({ comment: postComments, authorName: users.name, authorImage: users.image })
        .from(postComments)
        .leftJoin(users, eq(users.id, postComments.authorId))
        .where(and(eq(postComments.workspaceId, workspaceId), eq(postComments.postGroupId, postGroupId), keysetWhere(postComments.createdAt, postComments.id, page.after, 'asc')))
        .orderBy(...keysetOrderBy(postComments.createdAt, postComments.id, 'asc'))
        .limit(page.limit);
    },
    async find(workspaceId: string, postGroupId: string, commentId: string): Promise<CommentRow | null> {
      const [row] = await db
        .select()
        .from(postComments)
        .where(and(eq(postComments.id, commentId), eq(postComments.workspaceId, workspaceId), eq(postComments.postGroupId, postGroupId)));
      return row ?? null;
    },
    async insert(row: typeof postComments.$inferInsert): Promise<CommentRow> {
      const [inserted] = await db.insert(postComments).values(row).returning();
      return inserted!;
    },
    async update(commentId: string, set: { body: string; mentions: string[]; editedAt: Date }): Promise<CommentRow> {
      const [updated] = await db.update(postComments).set(set).where(eq(postComments.id, commentId)).returning();
      return updated!;
    },
    async delete(commentId: string) {
      await db.delete(postComments).where(eq(postComments.id, commentId));
    },
    /** Of these user ids, those who are members of the workspace. */
    async memberIdsAmong(workspaceId: string, userIds: string[]): Promise<string[]> {
      if (!userIds.length) return [];
      const rows = await db
        .select({ userId: members.userId })
        .from(members)
        .where(and(eq(members.organizationId, workspaceId), inArray(members.userId, userIds)));
      return rows.map((r) => r.userId);
    },
    async namesOf(userIds: string[]): Promise<Map<string, string>> {
      if (!userIds.length) return new Map();
      const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, [...new Set(userIds)]));
      return new Map(rows.map((r) => [r.id, r.name]));
    },
  };
}
