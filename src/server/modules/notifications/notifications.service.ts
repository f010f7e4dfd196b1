import crypto from 'node:crypto';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { rolePermissions, type Permission, type Role } from '../../../shared/permissions.ts';
import type { Db, Tx } from '../../db/database.ts';
import { members, notifications } from '../../db/schema/index.ts';
import { keysetOrderBy, keysetWhere, readCursor, toPage } from '../shared/cursor.ts';
import type { NotificationCategory } from '../../../shared/notification-categories.ts';
import { notificationWords, sayNotification, type NotificationMessage } from './notification-message.ts';
import { languageOfUserId } from '../../i18n/user-language.ts';

export type NewNotification = {
  workspaceId: string;
  kind: string;
  entityType: string;
  entityId: string;
  /** What it says; stored as key and values (each reader's language) and as English title and body. */
  message: NotificationMessage;
  link: string;
  /** The e-mail preference it falls under; default `channels`. */
  category?: NotificationCategory;
  /** Also by e-mail (the mail sweep sends it to those who want the category by e-mail). */
  email?: boolean;
};

const rowOf = (userId: string, english: { title: string; body: string }, { email, category, message, ...notification }: NewNotification) => ({
  id: crypto.randomUUID(),
  userId,
  ...notification,
  ...english,
  messageKey: message.key,
  messageValues: message.values,
  category: category ?? 'channels',
  emailStatus: email ? 'pending' : null,
});

/**
 * Tells the given people (each once, whatever the list's repeats). Call it inside the transaction
 * that records the event, so the notification exists exactly when the event does.
 */
export async function notifyUsers(tx: Db | Tx, userIds: Iterable<string>, notification: NewNotification): Promise<number> {
  const unique = [...new Set(userIds)];
  if (!unique.length) return 0;
  const english = sayNotification(notification.message, 'en');
  await tx.insert(notifications).values(unique.map((userId) => rowOf(userId, english, notification)));
  return unique.length;
}

const rolesWith = (permission: Permission) => (Object.entries(rolePermissions) as [Role, readonly Permission[]][]).filter(([, p]) => p.includes(permission)).map(([role]) => role);

/**
 * Tells every member who can act on it (holds `permission` in the workspace). Call it inside the
 * transaction that records the incident, and only when the incident starts, so a failing job that
 * retries every few minutes still makes one notification.
 */
export async function notifyMembersWhoCan(tx: Db | Tx, permission: Permission, notification: NewNotification, alsoNotify: string[] = []): Promise<number> {
  return notifyUsers(tx, [...(await membersWhoCan(tx, notification.workspaceId, permission)), ...alsoNotify], notification);
}

/** The user ids of the workspace's members whose role holds `permission`. */
export async function membersWhoCan(tx: Db | Tx, workspaceId: string, permission: Permission): Promise<string[]> {
  const rows = await tx
    .select({ userId: members.userId })
    .from(members)
    .where(and(eq(members.organizationId, workspaceId), inArray(members.role, rolesWith(permission))));
  return rows.map((r) => r.userId);
}

/**
 * The user's notifications, newest first, in cursor pages, their words in the user's language (the
 * one they chose, else the one the request asks for, as every other answer); the unread count
 * covers them all, not the page.
 */
export async function listNotifications(db: Db, userId: string, input: { unreadOnly: boolean; cursor?: string; limit: number; acceptLanguage?: string }) {
  const after = readCursor(input.cursor);
  const mine = eq(notifications.userId, userId);
  const rows = await db
    .select()
    .from(notifications)
    .where(and(mine, input.unreadOnly ? isNull(notifications.readAt) : undefined, keysetWhere(notifications.createdAt, notifications.id, after, 'desc')))
    .orderBy(...keysetOrderBy(notifications.createdAt, notifications.id, 'desc'))
    .limit(input.limit + 1);
  const [counted] = await db.select({ unread: sql<number>`count(*)::int` }).from(notifications).where(and(mine, isNull(notifications.readAt)));
  const language = await languageOfUserId(db, userId, input.acceptLanguage);
  const said = rows.map(({ messageKey, messageValues, ...row }) => ({ ...row, ...notificationWords({ ...row, messageKey, messageValues }, language) }));
  return { ...toPage(said, input.limit, (r) => ({ at: r.createdAt, id: r.id })), unreadCount: counted?.unread ?? 0 };
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
