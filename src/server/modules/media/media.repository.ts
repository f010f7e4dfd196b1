import { and, arrayContains, desc, eq, gte, ilike, inArray, isNotNull, lte, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { rowsOf, type Db, type Tx } from '../../db/database.ts';
import { deliveries, ideas, media, postGroups, workspaceSettings } from '../../db/schema/index.ts';
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


/** The library's filters; every one optional. */
export type LibraryFilter = {
  /** Words found in the name, the file name or the alt text (case-insensitive). */
  q?: string;
  kind?: 'image' | 'video' | 'document';
  minSize?: number;
  maxSize?: number;
  tag?: string;
};

/** `%…%` for ILIKE with the user's own % and _ taken literally. */
const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function libraryWhere(filter: LibraryFilter): SQL[] {
  const where: SQL[] = [];
  for (const word of (filter.q ?? '').split(/\s+/).filter(Boolean).slice(0, 8)) {
    const pattern = containsPattern(word);
    where.push(or(ilike(media.name, pattern), ilike(media.fileName, pattern), ilike(media.altText, pattern))!);
  }
  if (filter.kind) where.push(eq(media.kind, filter.kind));
  if (filter.minSize !== undefined) where.push(gte(media.size, filter.minSize));
  if (filter.maxSize !== undefined) where.push(lte(media.size, filter.maxSize));
  if (filter.tag) where.push(arrayContains(media.tags, [filter.tag]));
  return where;
}

export type MediaUsage = { postId: string; state: string; publishAt: Date | null; text: string; deliveryStates: string[] };

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
    async listReady(workspaceId: string, page: { limit: number; after?: Keyset }, filter: LibraryFilter = {}): Promise<MediaRow[]> {
      return db
        .select()
        .from(media)
        .where(and(eq(media.workspaceId, workspaceId), eq(media.status, 'ready'), ...libraryWhere(filter), keysetWhere(media.createdAt, media.id, page.after, 'desc')))
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

    /** Posts whose shared draft or a channel's version mentions the file, newest first. */
    async usage(workspaceId: string, mediaId: string, limit = 50): Promise<MediaUsage[]> {
      const id = sql`${mediaId}`;
      const posts = await db
        .select({ postId: postGroups.id, state: postGroups.state, publishAt: postGroups.publishAt, content: postGroups.content })
        .from(postGroups)
        .where(
          and(
            eq(postGroups.workspaceId, workspaceId),
            or(usesMedia(postGroups.content, id), sql`exists (select 1 from ${deliveries} d where d.post_group_id = ${postGroups.id} and ${usesMedia(sql`d.content`, id)})`),
          ),
        )
        .orderBy(desc(postGroups.createdAt))
        .limit(limit);
      if (!posts.length) return [];
      const versions = await db
        .select({ postId: deliveries.postGroupId, state: deliveries.state })
        .from(deliveries)
        .where(and(eq(deliveries.workspaceId, workspaceId), inArray(deliveries.postGroupId, posts.map((p) => p.postId)), usesMedia(deliveries.content, id)));
      return posts.map((p) => ({
        postId: p.postId,
        state: p.state,
        publishAt: p.publishAt,
        text: (p.content.parts[0]?.text ?? '').slice(0, 140),
        deliveryStates: versions.filter((v) => v.postId === p.postId).map((v) => v.state).sort(),
      }));
    },

    /** How many posts use each of `ids` (absent: none). */
    async usageCounts(workspaceId: string, ids: string[]): Promise<Map<string, number>> {
      if (!ids.length) return new Map();
      // Aliased throughout: the same column names appear at three levels.
      const result = await db.execute(sql`
        select m.id, count(*)::int as posts
        from unnest(${sql.param(ids)}::text[]) as m(id)
        join ${postGroups} pg on pg.workspace_id = ${workspaceId}
          and (${usesMedia(sql`pg.content`, sql`m.id`)}
               or exists (select 1 from ${deliveries} d where d.post_group_id = pg.id and ${usesMedia(sql`d.content`, sql`m.id`)}))
        group by m.id`);
      return new Map(rowsOf<{ id: string; posts: number }>(result).map((r) => [r.id, Number(r.posts)]));
    },

    async update(workspaceId: string, id: string, set: Partial<Pick<MediaRow, 'name' | 'altText' | 'tags' | 'thumbnailKey'>>): Promise<MediaRow | undefined> {
      const [row] = await db
        .update(media)
        .set(set)
        .where(and(eq(media.workspaceId, workspaceId), eq(media.id, id), eq(media.status, 'ready')))
        .returning();
      return row;
    },

    /** The workspace's tags with how many ready files carry each, most used first. */
    async tagCounts(workspaceId: string): Promise<{ tag: string; count: number }[]> {
      const result = await db.execute(
        sql`select t.tag, count(*)::int as count from ${media}, unnest(${media.tags}) as t(tag) where ${media.workspaceId} = ${workspaceId} and ${media.status} = 'ready' group by t.tag order by count(*) desc, t.tag limit 200`,
      );
      return rowsOf<{ tag: string; count: number }>(result).map((r) => ({ tag: r.tag, count: Number(r.count) }));
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

// Used and all published, or released by the deletion of the last post that used it; never in a
// workspace that keeps a media library (turning it off lets the rule apply again at the next run).
const publishedOnly = and(
  eq(media.status, 'ready'),
  sql`not exists (select 1 from ${workspaceSettings} where ${workspaceSettings.workspaceId} = ${media.workspaceId} and ${workspaceSettings.mediaLibraryEnabled})`,
  or(
    sql`exists (select 1 from ${deliveries} where ${deliveries.workspaceId} = ${media.workspaceId} and ${usesMedia(deliveries.content, media.id)})`,
    isNotNull(media.releasedAt),
  ),
  sql`not exists (select 1 from ${deliveries} where ${deliveries.workspaceId} = ${media.workspaceId} and ${deliveries.state} <> 'published' and ${usesMedia(deliveries.content, media.id)})`,
  sql`not exists (select 1 from ${postGroups} where ${postGroups.workspaceId} = ${media.workspaceId} and ${inArray(postGroups.state, [...openPostGroupStates])} and ${usesMedia(postGroups.content, media.id)})`,
  // A card on the Ideas board keeps its files for as long as it exists.
  sql`not exists (select 1 from ${ideas} where ${ideas.workspaceId} = ${media.workspaceId} and ${ideas.media} @> jsonb_build_array(jsonb_build_object('mediaId', ${media.id}::text)))`,
)!;
