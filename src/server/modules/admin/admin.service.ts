import { and, count, desc, eq, getTableName, lt, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Database, Db } from '../../db/database.ts';
import { auditLog, channels, members, postGroups, users, workspaces } from '../../db/schema/index.ts';
import type { Queue } from '../../jobs/queue.ts';
import { keysetOrderBy, keysetWhere, toPage, type Keyset } from '../shared/cursor.ts';
import { AppError } from '../shared/errors.ts';
import { deliveryCounts, failingNetworks, queueDepth, storageUsed } from '../health/instance-health.ts';
import { recordAudit, type RequestMeta } from '../audit/audit.service.ts';

export type AdminDeps = { database: Database; boss: Queue; mode: 'all' | 'serve' | 'worker' };

/**
 * A column of the outer query, named with its table: drizzle writes a single-table select's
 * columns unqualified, and inside a subquery `"id"` would mean the subquery's own table.
 */
const outer = (column: AnyPgColumn) => sql.raw(`"${getTableName(column.table)}"."${column.name}"`);

/** The window "failing networks" looks back over. */
const FAILING_WINDOW_MS = 24 * 3_600_000;

/**
 * Only the operator of the instance (the first account, users.is_operator) reads the admin pages.
 * Every call is audited, a refused one too: instance-wide reads are worth knowing about.
 */
export async function requireOperator(db: Db, actor: { userId: string } & RequestMeta, route: string): Promise<void> {
  const [user] = await db.select({ isOperator: users.isOperator }).from(users).where(eq(users.id, actor.userId));
  const allowed = !!user?.isOperator;
  await recordAudit(db, { actorUserId: actor.userId, action: allowed ? 'admin.viewed' : 'admin.refused', entityType: 'instance', changes: { route }, ip: actor.ip, userAgent: actor.userAgent });
  if (!allowed) throw new AppError('admin.operator_only', 403, 'Only the operator of this Herald may open its admin pages');
}

/** Health, queue, failing networks and storage: the admin page's first screen. */
export async function instanceOverview(deps: AdminDeps, now = new Date()) {
  const { db } = deps.database;
  const since = new Date(now.getTime() - FAILING_WINDOW_MS);
  // One after another: on the embedded database queries share one session anyway.
  const deliveries = await deliveryCounts(db);
  const failing = await failingNetworks(db, since);
  const storage = await storageUsed(db);
  const queues = await queueDepth(deps.boss).catch(() => null);
  const [userCount] = await db.select({ n: count() }).from(users);
  const [workspaceCount] = await db.select({ n: count() }).from(workspaces);
  return {
    database: deps.database.kind,
    mode: deps.mode,
    uptimeSeconds: Math.round(process.uptime()),
    memoryBytes: process.memoryUsage().rss,
    queue: queues,
    deliveries,
    failingNetworks: { since, networks: failing },
    storage,
    users: userCount?.n ?? 0,
    workspaces: workspaceCount?.n ?? 0,
  };
}

/** Every account, newest first, with how many workspaces each belongs to. */
export async function listUsers(db: Db, q: { after?: Keyset; limit: number }) {
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      emailVerified: users.emailVerified,
      twoFactorEnabled: users.twoFactorEnabled,
      isOperator: users.isOperator,
      createdAt: users.createdAt,
      deletionRequestedAt: users.deletionRequestedAt,
      workspaces: sql<number>`(select count(*) from ${members} where ${members.userId} = ${outer(users.id)})::int`,
    })
    .from(users)
    .where(keysetWhere(users.createdAt, users.id, q.after, 'desc'))
    .orderBy(...keysetOrderBy(users.createdAt, users.id, 'desc'))
    .limit(q.limit + 1);
  const page = toPage(rows, q.limit, (r) => ({ at: r.createdAt, id: r.id }));
  return { ...page, items: page.items.map((r) => ({ ...r, twoFactorEnabled: !!r.twoFactorEnabled })) };
}

/** Every workspace, newest first, with its members, channels and posts counted. */
export async function listWorkspaces(db: Db, q: { after?: Keyset; limit: number }) {
  const rows = await db
    .select({
      id: workspaces.id,
      name: workspaces.name,
      createdAt: workspaces.createdAt,
      members: sql<number>`(select count(*) from ${members} where ${members.organizationId} = ${outer(workspaces.id)})::int`,
      channels: sql<number>`(select count(*) from ${channels} where ${channels.workspaceId} = ${outer(workspaces.id)} and ${channels.status} <> 'disconnected')::int`,
      posts: sql<number>`(select count(*) from ${postGroups} where ${postGroups.workspaceId} = ${outer(workspaces.id)})::int`,
    })
    .from(workspaces)
    .where(keysetWhere(workspaces.createdAt, workspaces.id, q.after, 'desc'))
    .orderBy(...keysetOrderBy(workspaces.createdAt, workspaces.id, 'desc'))
    .limit(q.limit + 1);
  return toPage(rows, q.limit, (r) => ({ at: r.createdAt, id: r.id }));
}

/** The audit log across every workspace (and account events outside any), newest first; `action` filters by prefix. */
export async function listInstanceAudit(db: Db, q: { before?: number; limit: number; action?: string }) {
  const rows = await db
    .select({
      id: auditLog.id,
      createdAt: auditLog.createdAt,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      changes: auditLog.changes,
      ip: auditLog.ip,
      userAgent: auditLog.userAgent,
      actorUserId: auditLog.actorUserId,
      actorName: users.name,
      actorEmail: users.email,
      workspaceId: auditLog.workspaceId,
      workspaceName: workspaces.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .leftJoin(workspaces, eq(workspaces.id, auditLog.workspaceId))
    .where(and(q.before ? lt(auditLog.id, q.before) : undefined, q.action ? sql`${auditLog.action} like ${`${q.action}%`}` : undefined))
    .orderBy(desc(auditLog.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  return { items: page, nextCursor: rows.length > q.limit ? String(page.at(-1)!.id) : null };
}
