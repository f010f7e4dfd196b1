import crypto from 'node:crypto';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { rolePermissions, type Permission, type Role } from '../../../shared/permissions.ts';
import type { Db, Tx } from '../../db/database.ts';
import { members, notifications } from '../../db/schema/index.ts';

export type NewNotification = {
  workspaceId: string;
  kind: string;
  entityType: string;
  entityId: string;
  title: string;
  body: string;
  link: string;
};

const rolesWith = (permission: Permission) => (Object.entries(rolePermissions) as [Role, readonly Permission[]][]).filter(([, p]) => p.includes(permission)).map(([role]) => role);

/**
 * Tells every member who can act on it (holds `permission` in the workspace). Call it inside the
 * transaction that records the incident, and only when the incident starts, so a failing job that
 * retries every few minutes still makes one notification.
 */
export async function notifyMembersWhoCan(tx: Db | Tx, permission: Permission, notification: NewNotification): Promise<number> {
  const recipients = await tx
    .select({ userId: members.userId })
    .from(members)
    .where(and(eq(members.organizationId, notification.workspaceId), inArray(members.role, rolesWith(permission))));
  if (!recipients.length) return 0;
  await tx.insert(notifications).values(recipients.map(({ userId }) => ({ id: crypto.randomUUID(), userId, ...notification })));
  return recipients.length;
}

export async function listNotifications(db: Db, userId: string, input: { unreadOnly: boolean; limit: number }) {
  const mine = eq(notifications.userId, userId);
  const items = await db
    .select()
    .from(notifications)
    .where(input.unreadOnly ? and(mine, isNull(notifications.readAt)) : mine)
    .orderBy(desc(notifications.createdAt))
    .limit(input.limit);
  const [counted] = await db.select({ unread: sql<number>`count(*)::int` }).from(notifications).where(and(mine, isNull(notifications.readAt)));
  return { items, unreadCount: counted?.unread ?? 0 };
}

/** Marks one (or, without an id, every) unread notification of the user read; answers how many. */
export async function markRead(db: Db, userId: string, id?: string): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), id ? eq(notifications.id, id) : undefined))
    .returning({ id: notifications.id });
  return rows.length;
}
