import { and, desc, eq, gte, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database.ts';
import { auditLog, members, users } from '../../db/schema/index.ts';
import { getTableColumns } from 'drizzle-orm';

export type RequestMeta = { ip?: string | null; userAgent?: string | null };

export type AuditEntry = {
  actorUserId: string | null;
  workspaceId?: string | null;
  /** `entity.verb`, e.g. `member.invited`. */
  action: string;
  entityType: string;
  entityId?: string | null;
  changes?: Record<string, unknown> | null;
} & RequestMeta;

/**
 * Writes one audit row. Pass the transaction that makes the change so both commit together, or
 * neither does.
 */
export async function recordAudit(db: Db | Tx, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorUserId: entry.actorUserId,
    workspaceId: entry.workspaceId ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    changes: entry.changes ?? null,
    ip: entry.ip ?? null,
    userAgent: entry.userAgent ?? null,
  });
}

/** recordAudit for a change made by the signed-in user of a request (actor, IP and user agent from it). */
export function auditByActor(db: Db | Tx, ctx: { actor: { userId: string } & RequestMeta }, entry: Omit<AuditEntry, 'actorUserId' | 'ip' | 'userAgent'>): Promise<void> {
  return recordAudit(db, { ...entry, actorUserId: ctx.actor.userId, ip: ctx.actor.ip, userAgent: ctx.actor.userAgent });
}

/** `{ field: { from, to } }` for the fields that really changed. */
export function diffFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, to] of Object.entries(after)) {
    if (to !== undefined && before[key] !== to) changes[key] = { from: before[key] ?? null, to };
  }
  return changes;
}

/** What the Activity page's "what kind" filter means, by entity type or action prefix. */
export const auditKinds = {
  posts: { entityTypes: ['post', 'delivery', 'comment', 'media'], actionPrefixes: [] },
  channels: { entityTypes: ['channel', 'channel_selection'], actionPrefixes: [] },
  members: { entityTypes: ['member', 'invitation'], actionPrefixes: ['member.'] },
  settings: { entityTypes: ['workspace', 'api_key', 'webhook'], actionPrefixes: ['workspace.', 'analytics.', 'channel.slots_set'] },
} as const satisfies Record<string, { entityTypes: readonly string[]; actionPrefixes: readonly string[] }>;
export type AuditKind = keyof typeof auditKinds;

export type AuditQuery = { workspaceId: string; before?: number; limit: number; action?: string; actorUserId?: string; kind?: AuditKind; from?: Date; to?: Date };

function kindCondition(kind: AuditKind) {
  const { entityTypes, actionPrefixes } = auditKinds[kind];
  return or(inArray(auditLog.entityType, [...entityTypes]), ...actionPrefixes.map((prefix) => sql`${auditLog.action} like ${`${prefix}%`}`));
}

/**
 * A workspace's activity: its own changes plus the account events (sign-in, sign-out, failed
 * sign-in…) of the people who are its members now.
 */
export async function listWorkspaceAudit(db: Db, q: AuditQuery) {
  const memberIds = db.select({ id: members.userId }).from(members).where(eq(members.organizationId, q.workspaceId));
  const rows = await db
    .select({ ...getTableColumns(auditLog), actorName: users.name, actorEmail: users.email })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(
      and(
        or(
          eq(auditLog.workspaceId, q.workspaceId),
          and(isNull(auditLog.workspaceId), inArray(auditLog.actorUserId, memberIds)),
          and(isNull(auditLog.workspaceId), eq(auditLog.entityType, 'user'), inArray(auditLog.entityId, memberIds)),
        ),
        q.before ? lt(auditLog.id, q.before) : undefined,
        q.action ? sql`${auditLog.action} like ${`${q.action}%`}` : undefined,
        q.actorUserId ? eq(auditLog.actorUserId, q.actorUserId) : undefined,
        q.kind ? kindCondition(q.kind) : undefined,
        q.from ? gte(auditLog.createdAt, q.from) : undefined,
        q.to ? lt(auditLog.createdAt, q.to) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  return { items: page, nextCursor: rows.length > q.limit ? String(page.at(-1)!.id) : null };
}
