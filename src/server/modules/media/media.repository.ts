import { and, eq, inArray, isNotNull, or, sql, type SQLWrapper } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database.ts';
import { deliveries, ideas, media, postGroups } from '../../db/schema/index.ts';
import { keysetOrderBy, keysetWhere, type Keyset } from '../shared/cursor.ts';

export type MediaRow = typeof media.$inferSelect;
type NewMediaRow = typeof media.$inferInsert;

/** Delivery states in which the file may still be sent (or checked against what was sent). */
const activeDeliveryStates = ['queued', 'publishing', 'processing', 'unconfirmed'] as const;
/** Post group states in which the shared draft may still become new deliveries. */
const openPostGroupStates = ['draft', 'scheduled', 'publishing'] as const;

/** `content` (a PostContent) mentions the media id in any part: jsonb containment. */
const usesMedia = (content: SQLWrapper, mediaId: SQLWrapper) =>
  sql`${content} @> jsonb_build_object('parts', jsonb_build_array(jsonb_build_object('media', jsonb_build_array(jsonb_build_object('mediaId', ${mediaId}::text)))))`;


export function createMediaRepository(db: Db | Tx) {
  return {
    async insert(row: NewMediaRow): Promise<MediaRow> {
      const [inserted] = await db.insert(media).values(row).returning();
      return inserted!;
    },

    async find(workspaceId: string, id: string): Promise<MediaRow | undefined> {
      const [row] = await db
        .select()
        .from(media)
        .where(and(eq(media.workspaceId, workspaceId), eq(media.id, id)));
      return row;
    },

    /** Ready media of a workspace, newest first; `after` is the last row of the previous page. */
    async listReady(workspaceId: string, page: { limit: number; after?: Keyset }): Promise<MediaRow[]> {
      return db
        .select()
        .from(media)
        .where(and(eq(media.workspaceId, workspaceId), eq(media.status, 'ready'), keysetWhere(media.createdAt, media.id, page.after, 'desc')))
        .orderBy(...keysetOrderBy(media.createdAt, media.id, 'desc'))
        .limit(page.limit);
    },

    async findReady(workspaceId: string, ids: string[]): Promise<MediaRow[]> {
      if (!ids.length) return [];
      return db
        .select()
        .from(media)
        .where(and(eq(media.workspaceId, workspaceId), eq(media.status, 'ready'), inArray(media.id, ids)));
    },

    /** Deliveries that may still need the file. */
    async activeDeliveriesUsing(workspaceId: string, mediaId: string): Promise<{ id: string; state: string }[]> {
      return db
        .select({ id: deliveries.id, state: deliveries.state })
        .from(deliveries)
        .where(and(eq(deliveries.workspaceId, workspaceId), inArray(deliveries.state, [...activeDeliveryStates]), usesMedia(deliveries.content, sql`${mediaId}`)))
        .limit(20);
    },

    async markDeleted(id: string, at: Date): Promise<MediaRow | undefined> {
      const [row] = await db
        .update(media)
        .set({ status: 'deleted', deletedAt: at })
        .where(and(eq(media.id, id), eq(media.status, 'ready')))
        .returning();
      return row;
    },

    /**
     * Ready media that at least one delivery used and that nothing can use any more: every
     * delivery that uses it is published, no open post group mentions it and no idea card holds it.
     */
    async findPublishedOnly(limit: number): Promise<MediaRow[]> {
      return db.select().from(media).where(publishedOnly).orderBy(media.createdAt).limit(limit);
    },

    /** Marks one such media deleted, checking the condition again in the same statement. */
    async markPurged(id: string, at: Date): Promise<MediaRow | undefined> {
      const [row] = await db
        .update(media)
        .set({ status: 'deleted', deletedAt: at })
        .where(and(eq(media.id, id), publishedOnly))
        .returning();
      return row;
    },
  };
}

// Used and all published, or released by the deletion of the last post that used it.
const publishedOnly = and(
  eq(media.status, 'ready'),
  or(
    sql`exists (select 1 from ${deliveries} where ${deliveries.workspaceId} = ${media.workspaceId} and ${usesMedia(deliveries.content, media.id)})`,
    isNotNull(media.releasedAt),
  ),
  sql`not exists (select 1 from ${deliveries} where ${deliveries.workspaceId} = ${media.workspaceId} and ${deliveries.state} <> 'published' and ${usesMedia(deliveries.content, media.id)})`,
  sql`not exists (select 1 from ${postGroups} where ${postGroups.workspaceId} = ${media.workspaceId} and ${inArray(postGroups.state, [...openPostGroupStates])} and ${usesMedia(postGroups.content, media.id)})`,
  // A card on the Ideas board keeps its files for as long as it exists.
  sql`not exists (select 1 from ${ideas} where ${ideas.workspaceId} = ${media.workspaceId} and ${ideas.media} @> jsonb_build_array(jsonb_build_object('mediaId', ${media.id}::text)))`,
)!;
