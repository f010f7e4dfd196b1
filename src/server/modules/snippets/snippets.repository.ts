import { and, asc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database.ts';
import { snippets } from '../../db/schema/index.ts';

export type SnippetRow = typeof snippets.$inferSelect;

export function createSnippetsRepository(db: Db | Tx) {
  return {
    async listOf(workspaceId: string): Promise<SnippetRow[]> {
      return db.select().from(snippets).where(eq(snippets.workspaceId, workspaceId)).orderBy(asc(snippets.kind), asc(snippets.name), asc(snippets.createdAt));
    },
    async find(workspaceId: string, id: string): Promise<SnippetRow | undefined> {
      const [row] = await db.select().from(snippets).where(and(eq(snippets.workspaceId, workspaceId), eq(snippets.id, id)));
      return row;
    },
    async count(workspaceId: string): Promise<number> {
      return (await db.select({ id: snippets.id }).from(snippets).where(eq(snippets.workspaceId, workspaceId))).length;
    },
    async insert(row: typeof snippets.$inferInsert): Promise<SnippetRow> {
      const [inserted] = await db.insert(snippets).values(row).returning();
      return inserted!;
    },
    async update(id: string, set: Partial<typeof snippets.$inferInsert>): Promise<SnippetRow> {
      const [row] = await db.update(snippets).set(set).where(eq(snippets.id, id)).returning();
      return row!;
    },
    async remove(id: string) {
      await db.delete(snippets).where(eq(snippets.id, id));
    },
  };
}
