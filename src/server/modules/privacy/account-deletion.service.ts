import crypto from 'node:crypto';
import { and, count, eq, gt, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database.ts';
import { accessLog, auditLog, channels, dataExports, deliveries, idempotentRequests, invitations, rateLimitHits, members, postComments, postGroups, sessions, users, verifications, workspaces } from '../../db/schema/index.ts';
import { disconnectChannel, revokeWorkspaceChannels } from '../channels/channels.disconnect.ts';
import type { ChannelDeps } from '../channels/channels.service.ts';
import { recordAudit, type RequestMeta } from '../audit/audit.service.ts';
import type { ServiceContext } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { deleteWorkspace } from '../workspaces/workspaces.service.ts';
import type { MediaStorage } from '../media/media.storage.ts';
import { removeExportFile } from './export.files.ts';

export const ACCOUNT_DELETE_DUE_JOB = 'account.delete-due';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * What stays of a deleted user in the audit log: a stable pseudonym, so one person's actions can
 * still be told apart, but that cannot be turned back into the account.
 */
export const anonymisedUserId = (userId: string) => `deleted-user:${crypto.createHash('sha256').update(userId).digest('hex').slice(0, 16)}`;

/** Workspaces where the user is an owner and no one else is: deleting the account deletes them. */
async function soleOwnedWorkspaceIds(db: Db | Tx, userId: string): Promise<string[]> {
  const owned = await db
    .select({ id: members.organizationId })
    .from(members)
    .where(and(eq(members.userId, userId), eq(members.role, 'owner')));
  if (!owned.length) return [];
  const otherOwners = await db
    .select({ id: members.organizationId })
    .from(members)
    .where(and(inArray(members.organizationId, owned.map((row) => row.id)), eq(members.role, 'owner'), ne(members.userId, userId)));
  const shared = new Set(otherOwners.map((row) => row.id));
  return owned.map((row) => row.id).filter((id) => !shared.has(id));
}

/**
 * Channels the user connected that are theirs to revoke: only in workspaces they still belong to.
 * Removal hands a member's channels over; the membership test is the second guard, for channels
 * left pointing at a former member.
 */
const connectedByMemberCondition = (userId: string) =>
  and(
    eq(channels.connectedBy, userId),
    isNotNull(channels.accessTokenSealed),
    sql`exists (select 1 from ${members} where ${members.organizationId} = ${channels.workspaceId} and ${members.userId} = ${userId})`,
  );

/** What deleting the account will do, for the user to read before confirming. */
export async function previewDeletion(ctx: ServiceContext, graceDays: number) {
  const { db } = ctx;
  const userId = ctx.actor.userId;
  const [user] = await db.select({ deletionRequestedAt: users.deletionRequestedAt }).from(users).where(eq(users.id, userId));
  if (!user) throw notFound('user');
  const soleOwned = new Set(await soleOwnedWorkspaceIds(db, userId));
  const memberships = await db
    .select({ id: workspaces.id, name: workspaces.name, role: members.role })
    .from(members)
    .innerJoin(workspaces, eq(workspaces.id, members.organizationId))
    .where(eq(members.userId, userId))
    .orderBy(workspaces.name);
  const ids = memberships.map((m) => m.id);
  const countBy = async (rows: Promise<{ id: string; n: number }[]>) => new Map((await rows).map((row) => [row.id, row.n]));
  const channelCounts = ids.length
    ? await countBy(db.select({ id: channels.workspaceId, n: count() }).from(channels).where(inArray(channels.workspaceId, ids)).groupBy(channels.workspaceId))
    : new Map<string, number>();
  const postCounts = ids.length
    ? await countBy(db.select({ id: postGroups.workspaceId, n: count() }).from(postGroups).where(inArray(postGroups.workspaceId, ids)).groupBy(postGroups.workspaceId))
    : new Map<string, number>();
  const myPostCounts = ids.length
    ? await countBy(
        db
          .select({ id: postGroups.workspaceId, n: count() })
          .from(postGroups)
          .where(and(inArray(postGroups.workspaceId, ids), eq(postGroups.createdBy, userId)))
          .groupBy(postGroups.workspaceId),
      )
    : new Map<string, number>();
  const memberCounts = ids.length
    ? await countBy(db.select({ id: members.organizationId, n: count() }).from(members).where(inArray(members.organizationId, ids)).groupBy(members.organizationId))
    : new Map<string, number>();
  const connected = await db
    .select({ id: channels.id, workspaceId: channels.workspaceId, workspaceName: workspaces.name, network: channels.network, username: channels.username, displayName: channels.displayName })
    .from(channels)
    .innerJoin(workspaces, eq(workspaces.id, channels.workspaceId))
    .where(connectedByMemberCondition(userId))
    .orderBy(workspaces.name, channels.network);

  return {
    graceDays,
    deletionRequestedAt: user.deletionRequestedAt,
    deletedWorkspaces: memberships
      .filter((m) => soleOwned.has(m.id))
      .map((m) => ({ id: m.id, name: m.name, channels: channelCounts.get(m.id) ?? 0, posts: postCounts.get(m.id) ?? 0, members: memberCounts.get(m.id) ?? 0 })),
    sharedWorkspaces: memberships
      .filter((m) => !soleOwned.has(m.id))
      .map((m) => ({ id: m.id, name: m.name, role: m.role, yourPosts: myPostCounts.get(m.id) ?? 0 })),
    connectedChannels: connected.map((c) => ({ ...c, workspaceDeleted: soleOwned.has(c.workspaceId) })),
  };
}

export type DeletionDeps = { channelDeps: ChannelDeps; storage: MediaStorage; graceDays: number };

/**
 * The user confirmed (credentials already checked). Without a grace period the account goes at
 * once; with one, sessions end and processing stops now, and the account.delete-due job deletes
 * it when the period ends.
 */
export async function requestAccountDeletion(ctx: ServiceContext, deps: DeletionDeps, now = new Date()): Promise<{ status: 'deleted' | 'scheduled'; deleteAfter: Date | null }> {
  if (deps.graceDays === 0) {
    await deleteAccountNow(ctx.db, deps, ctx.actor.userId, ctx.actor);
    return { status: 'deleted', deleteAfter: null };
  }
  const deleteAfter = new Date(now.getTime() + deps.graceDays * DAY_MS);
  await ctx.db.transaction(async (tx) => {
    // Restricting processing (nothing published or refreshed for their channels) is what "stops
    // now" means; the same timestamp lets a cancellation lift only a restriction set here.
    await tx
      .update(users)
      .set({ deletionRequestedAt: now, processingRestrictedAt: sql`coalesce(${users.processingRestrictedAt}, ${now.toISOString()}::timestamptz)`, updatedAt: now })
      .where(eq(users.id, ctx.actor.userId));
    await tx.delete(sessions).where(eq(sessions.userId, ctx.actor.userId));
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      ip: ctx.actor.ip,
      userAgent: ctx.actor.userAgent,
      action: 'account.deletion_requested',
      entityType: 'user',
      entityId: ctx.actor.userId,
      changes: { deleteAfter: deleteAfter.toISOString(), graceDays: deps.graceDays },
    });
  });
  return { status: 'scheduled', deleteAfter };
}

/**
 * Deletes the account and everything that is only theirs:
 * - channels they connected, in any workspace they still belong to, are revoked at their networks (unreachable ones
 *   become pending revocations, which the revoke-retry job keeps trying) and lose their tokens;
 * - workspaces they own alone are deleted like from the workspace settings (channels revoked first);
 * - in shared workspaces their posts and media stay, with created_by / uploaded_by /
 *   connected_by / published_by set to null;
 * - audit rows keep what happened but name them by anonymisedUserId (IP and user agent of their
 *   own actions are cleared); their access_log rows are deleted (operational data only);
 * - the user row goes, and with it (FK cascades) sessions, accounts, two-factor, memberships,
 *   invitations they sent, notifications, data exports and OAuth states.
 */
export async function deleteAccountNow(db: Db, deps: Pick<DeletionDeps, 'channelDeps' | 'storage'>, userId: string, meta: RequestMeta = {}) {
  const { channelDeps } = deps;
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw notFound('user');
  const ctx: ServiceContext = { db, actor: { userId, email: user.email, ip: meta.ip ?? null, userAgent: meta.userAgent ?? null } };
  const done = { workspacesDeleted: 0, channelsRevoked: 0, revocationsPending: 0 };

  // Network calls first and outside the final transaction: a slow network must not hold the database.
  for (const workspaceId of await soleOwnedWorkspaceIds(db, userId)) {
    const channelTokens = await revokeWorkspaceChannels(db, channelDeps, workspaceId);
    await deleteWorkspace(ctx, workspaceId, { channelTokens, reason: 'account_deleted' });
    done.workspacesDeleted += 1;
    done.channelsRevoked += channelTokens.revoked;
    done.revocationsPending += channelTokens.pending;
  }
  const connected = await db
    .select({ id: channels.id, workspaceId: channels.workspaceId })
    .from(channels)
    .where(connectedByMemberCondition(userId));
  for (const channel of connected) {
    const { revokedAtNetwork, revokeSkipped } = await disconnectChannel(ctx, channelDeps, channel.workspaceId, channel.id);
    // A skipped revoke is not pending: nothing will retry it.
    if (revokedAtNetwork || !revokeSkipped) done[revokedAtNetwork ? 'channelsRevoked' : 'revocationsPending'] += 1;
  }

  const exportFiles = await db.select({ filePath: dataExports.filePath }).from(dataExports).where(eq(dataExports.userId, userId));
  const anonymised = anonymisedUserId(userId);
  await db.transaction(async (tx) => {
    await eraseUser(tx, { id: userId, email: user.email }, anonymised);
    await recordAudit(tx, { actorUserId: anonymised, action: 'account.deleted', entityType: 'user', entityId: anonymised, changes: done });
  });
  for (const file of exportFiles) if (file.filePath) await removeExportFile(deps.storage, file.filePath);
  return done;
}

async function eraseUser(tx: Tx, user: { id: string; email: string }, anonymised: string) {
  // Migration 0001 keeps audit_log append-only; erasure is the one change it allows, in this transaction only.
  await tx.execute(sql`set local herald.audit_maintenance = 'on'`);
  await tx.update(auditLog).set({ actorUserId: anonymised, ip: null, userAgent: null }).where(eq(auditLog.actorUserId, user.id));
  await tx.update(auditLog).set({ entityId: anonymised }).where(eq(auditLog.entityId, user.id));
  // Ids and the e-mail address also appear inside `changes` (ownership transfers, failed sign-ins…).
  await tx
    .update(auditLog)
    .set({ changes: sql`replace(replace(${auditLog.changes}::text, ${user.id}, ${anonymised}), ${JSON.stringify(user.email).slice(1, -1)}, ${anonymised})::jsonb` })
    .where(sql`strpos(${auditLog.changes}::text, ${user.id}) > 0 or strpos(${auditLog.changes}::text, ${JSON.stringify(user.email).slice(1, -1)}) > 0`);
  await tx.delete(accessLog).where(eq(accessLog.userId, user.id));
  await tx.delete(idempotentRequests).where(eq(idempotentRequests.userId, user.id));
  // Rate-limit counters keyed by the person (per-user limits on the scaled mode): short-lived, but
  // their id must not outlive the account in any table.
  await tx.delete(rateLimitHits).where(sql`strpos(${rateLimitHits.key}, ${user.id}) > 0 or strpos(lower(${rateLimitHits.key}), ${user.email.toLowerCase()}) > 0`);
  await tx.update(deliveries).set({ publishedBy: null }).where(eq(deliveries.publishedBy, user.id));
  // Their comments stay for the team, shown as by a "Former member" (author_id is set null by the FK); mentions of them go.
  await tx.update(postComments).set({ mentions: sql`${postComments.mentions} - ${user.id}::text` }).where(sql`${postComments.mentions} ? ${user.id}::text`);
  await tx.delete(invitations).where(eq(invitations.email, user.email));
  await tx
    .delete(verifications)
    .where(sql`strpos(${verifications.identifier}, ${user.id}) > 0 or strpos(${verifications.value}, ${user.id}) > 0 or strpos(${verifications.identifier}, ${user.email}) > 0`);
  await tx.delete(users).where(eq(users.id, user.id));
}

/**
 * Keeps an account whose deletion waits out its grace period: the user signed in again. Lifts the
 * processing restriction too when the deletion set it (not when the user had paused processing
 * before). Answers whether there was a deletion to cancel.
 */
export async function cancelAccountDeletion(db: Db, userId: string, now = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ requestedAt: users.deletionRequestedAt, restrictedAt: users.processingRestrictedAt })
      .from(users)
      .where(and(eq(users.id, userId), isNotNull(users.deletionRequestedAt)))
      .for('update');
    if (!user) return false;
    const liftRestriction = user.restrictedAt?.getTime() === user.requestedAt!.getTime();
    await tx
      .update(users)
      .set({ deletionRequestedAt: null, ...(liftRestriction ? { processingRestrictedAt: null } : {}), updatedAt: now })
      .where(eq(users.id, userId));
    await recordAudit(tx, { actorUserId: userId, action: 'account.deletion_cancelled', entityType: 'user', entityId: userId, changes: { reason: 'signed_in' } });
    return true;
  });
}

/**
 * The account.delete-due job: deletes accounts whose grace period has ended. Signing in during the
 * period cancels the deletion (every session ended when it was requested, so any sign-in since is
 * the user changing their mind).
 */
export async function deleteDueAccounts(db: Db, deps: DeletionDeps, options: { now?: Date } = {}): Promise<{ deleted: number; cancelled: number }> {
  const now = options.now ?? new Date();
  const marked = await db.select({ id: users.id, requestedAt: users.deletionRequestedAt }).from(users).where(isNotNull(users.deletionRequestedAt));
  const outcome = { deleted: 0, cancelled: 0 };
  for (const user of marked) {
    const requestedAt = user.requestedAt!;
    const [signedInSince] = await db
      .select({ id: sessions.id })
      .from(sessions)
      .where(and(eq(sessions.userId, user.id), gt(sessions.createdAt, requestedAt)))
      .limit(1);
    const [auditedSignIn] = signedInSince
      ? [signedInSince]
      : await db
          .select({ id: auditLog.id })
          .from(auditLog)
          .where(and(eq(auditLog.actorUserId, user.id), eq(auditLog.action, 'auth.signed_in'), gt(auditLog.createdAt, requestedAt)))
          .limit(1);
    if (auditedSignIn) {
      if (await cancelAccountDeletion(db, user.id, now)) outcome.cancelled += 1;
      continue;
    }
    if (requestedAt.getTime() + deps.graceDays * DAY_MS > now.getTime()) continue;
    await deleteAccountNow(db, deps, user.id);
    outcome.deleted += 1;
  }
  return outcome;
}
