import { and, asc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { channels, members, postGroups, workspaces } from '../../db/schema/index.ts';

/** Characters of a post's text the agency views show. */
export const TEXT_START = 200;

export type CalendarFilter = { userId: string; roles: string[]; from: Date; to: Date; workspaceIds?: string[]; states?: string[]; limit: number };

/** One delivery of a calendar post, with what the agency calendar shows of its channel. */
export type CalendarChannel = {
  deliveryId: string;
  channelId: string;
  network: string;
  state: string;
  username: string | null;
  displayName: string | null;
  avatarCachedAt: string | null;
};

/**
 * Posts due in [from, to) of every workspace where the user's role may read posts, in one
 * statement: for each of the user's memberships, a lateral range read on
 * post_groups_calendar_idx (workspace_id, publish_at, id), so the cost follows the user's own
 * posts in the range and not the size of the table; the deliveries with their channels come
 * along as one JSON array per post.
 */
export function calendarQuery(db: Db, q: CalendarFilter) {
  const filters = [eq(postGroups.workspaceId, members.organizationId), gte(postGroups.publishAt, q.from), lt(postGroups.publishAt, q.to)];
  if (q.states?.length) filters.push(inArray(postGroups.state, q.states));
  const due = db
    .select({
      id: postGroups.id,
      workspaceId: postGroups.workspaceId,
      state: postGroups.state,
      // Only the start of the text: a calendar shows a line, and a long post stays out of the answer.
      text: sql<string>`left(coalesce(${postGroups.content}->'parts'->0->>'text', ''), ${TEXT_START})`.as('text'),
      mediaCount: sql<number>`coalesce(jsonb_array_length(${postGroups.content}->'parts'->0->'media'), 0)::int`.as('media_count'),
      publishAt: postGroups.publishAt,
      timeZone: postGroups.timeZone,
    })
    .from(postGroups)
    .where(and(...filters))
    .orderBy(asc(postGroups.publishAt), asc(postGroups.id))
    .limit(q.limit + 1)
    .as('due');
  const deliveryList = sql<CalendarChannel[] | string | null>`(
    select json_agg(json_build_object(
      'deliveryId', d.id, 'channelId', d.channel_id, 'network', d.network, 'state', d.state,
      'username', c.username, 'displayName', c.display_name, 'avatarCachedAt', c.avatar_cached_at
    ) order by d.created_at, d.id)
    from deliveries d join channels c on c.id = d.channel_id
    where d.post_group_id = ${due.id})`;
  const memberships = [eq(members.userId, q.userId), inArray(members.role, q.roles)];
  if (q.workspaceIds?.length) memberships.push(inArray(members.organizationId, q.workspaceIds));
  return db
    .select({
      id: due.id,
      workspaceId: due.workspaceId,
      workspaceName: workspaces.name,
      state: due.state,
      text: due.text,
      mediaCount: due.mediaCount,
      publishAt: due.publishAt,
      timeZone: due.timeZone,
      deliveries: deliveryList,
    })
    .from(members)
    .innerJoin(workspaces, eq(workspaces.id, members.organizationId))
    .crossJoinLateral(due)
    .where(and(...memberships))
    .orderBy(asc(due.publishAt), asc(due.id))
    .limit(q.limit + 1);
}

/**
 * SQL across every workspace a user belongs to. Each query is joined on the user's own
 * memberships, restricted to the roles given, so a workspace they are not in can never match.
 */
export function createAgencyRepository(db: Db) {
  return {
    async workspacesOf(userId: string) {
      return db
        .select({ id: workspaces.id, name: workspaces.name, role: members.role })
        .from(members)
        .innerJoin(workspaces, eq(workspaces.id, members.organizationId))
        .where(eq(members.userId, userId))
        .orderBy(asc(workspaces.name), asc(workspaces.id));
    },

    /** The calendar's posts (see calendarQuery), with their deliveries read from JSON. */
    async calendar(q: CalendarFilter) {
      const rows = await calendarQuery(db, q);
      return rows.map((row) => ({ ...row, deliveries: parseJson<CalendarChannel[]>(row.deliveries) ?? [] }));
    },

    /** Connected channels whose access is running out or gone, of the given workspaces. */
    async channelsNeedingCare(workspaceIds: string[]) {
      if (!workspaceIds.length) return [];
      return db
        .select({ id: channels.id, workspaceId: channels.workspaceId, network: channels.network, username: channels.username, displayName: channels.displayName, status: channels.status, statusReason: channels.statusReason })
        .from(channels)
        .where(and(inArray(channels.workspaceId, workspaceIds), inArray(channels.status, ['expiring', 'needs_reauth', 'revoked']), isNull(channels.disconnectedAt)))
        .orderBy(asc(channels.workspaceId), asc(channels.network), asc(channels.id));
    },

    /** Posts of the given workspaces in some states, optionally due in [from, to), the soonest first, at most 200 per call. */
    async postsIn(workspaceIds: string[], states: string[], due?: { from?: Date; to?: Date }) {
      if (!workspaceIds.length) return [];
      const filters = [inArray(postGroups.workspaceId, workspaceIds), inArray(postGroups.state, states)];
      if (due?.from) filters.push(gte(postGroups.publishAt, due.from));
      if (due?.to) filters.push(lt(postGroups.publishAt, due.to));
      return db
        .select({
          id: postGroups.id,
          workspaceId: postGroups.workspaceId,
          state: postGroups.state,
          text: sql<string>`left(coalesce(${postGroups.content}->'parts'->0->>'text', ''), ${TEXT_START})`,
          publishAt: postGroups.publishAt, updatedAt: postGroups.updatedAt })
        .from(postGroups)
        .where(and(...filters))
        .orderBy(sql`${postGroups.publishAt} asc nulls last`, asc(postGroups.id))
        .limit(200);
    },
  };
}

/** json_agg comes back parsed from pg and PGlite alike; a driver handing back text is covered too. */
function parseJson<T>(value: T | string | null): T | null {
  if (value === null) return null;
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}
