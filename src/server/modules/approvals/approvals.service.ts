import crypto from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { isValidTimeZone } from '../../../shared/time-slots.ts';
import type { Db, Tx } from '../../db/database.ts';
import { deliveries, postGroups, postReviews, users } from '../../db/schema/index.ts';
import { auditByActor, recordAudit, type RequestMeta } from '../audit/audit.service.ts';
import { notifyMembersWhoCan, notifyUsers } from '../notifications/notifications.service.ts';
import { postWords, type MessageRef } from '../notifications/notification-message.ts';
import type { PostsDeps } from '../posts/posts.content.ts';
import { getPost } from '../posts/posts.query.ts';
import { createPostsRepository, type DeliveryRow, type GroupRow } from '../posts/posts.repository.ts';
import { PAST_TOLERANCE_MS } from '../posts/posts.schedule.ts';
import { lockForChange, validationError } from '../posts/posts.validate.ts';
import { refreshGroupState } from '../publishing/group-state.ts';
import { cancelWakeUp, scheduleWakeUp } from '../publishing/wake-ups.ts';
import type { ServiceContext } from '../shared/context.ts';
import { AppError, conflict, notFound } from '../shared/errors.ts';
import { approvalGate } from './approvals.policy.ts';
import { emitWebhookEvent, postEventData } from '../webhooks/webhooks.emit.ts';

export type ReviewDecision = 'submitted' | 'approved' | 'changes_requested' | 'reopened';

/** Who acts on a review: a signed-in member, or the named recipient of a review link. */
export type ReviewActor = { kind: 'member'; userId: string; name: string; meta: RequestMeta } | { kind: 'link'; linkId: string; name: string; meta: RequestMeta };

const postLink = (group: { workspaceId: string; id: string }) => `/w/${group.workspaceId}/posts/${group.id}`;

/** A short quote of the post for notifications. */
/** The post's first words as a notification names it, or "a post" (`atStart`: the words open the sentence). */
export function postTitle(group: GroupRow, atStart = false): MessageRef {
  const text = (group.content.parts[0]?.text ?? '').replace(/\s+/g, ' ').trim();
  return postWords(text.length > 60 ? `${text.slice(0, 57)}…` : text, { atStart });
}

export async function memberName(db: Db | Tx, userId: string): Promise<string> {
  const [row] = await db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, userId));
  return row?.name || row?.email || 'A member';
}

/** `db`: the transaction in progress (a second connection would wait on it). */
export async function memberActor(ctx: ServiceContext, db: Db | Tx = ctx.db): Promise<ReviewActor> {
  return { kind: 'member', userId: ctx.actor.userId, name: await memberName(db, ctx.actor.userId), meta: { ip: ctx.actor.ip, userAgent: ctx.actor.userAgent } };
}

async function recordReview(tx: Db | Tx, group: GroupRow, actor: ReviewActor, decision: ReviewDecision, comment: string | null = null) {
  await tx.insert(postReviews).values({
    id: crypto.randomUUID(),
    workspaceId: group.workspaceId,
    postGroupId: group.id,
    decision,
    comment,
    actorUserId: actor.kind === 'member' ? actor.userId : null,
    reviewLinkId: actor.kind === 'link' ? actor.linkId : null,
    actorName: actor.name,
    ip: actor.kind === 'link' ? (actor.meta.ip ?? null) : null,
  });
}

async function audit(tx: Db | Tx, actor: ReviewActor, group: GroupRow, action: string, changes: Record<string, unknown>) {
  if (actor.kind === 'member') {
    await auditByActor(tx, { actor: { userId: actor.userId, ...actor.meta } }, { workspaceId: group.workspaceId, action, entityType: 'post', entityId: group.id, changes });
    return;
  }
  // Nobody signed in: the link's named recipient is the actor, with the IP the decision came from.
  await recordAudit(tx, {
    actorUserId: null,
    workspaceId: group.workspaceId,
    action,
    entityType: 'post',
    entityId: group.id,
    changes: { ...changes, via: 'review_link', reviewLinkId: actor.linkId, recipientName: actor.name },
    ip: actor.meta.ip ?? null,
    userAgent: actor.meta.userAgent ?? null,
  });
}

/** Takes every queued delivery back to draft and its wake-up away: nothing goes out until approved. */
async function holdDeliveries(tx: Tx, deps: PostsDeps, rows: DeliveryRow[]) {
  const repo = createPostsRepository(tx);
  for (const row of rows.filter((r) => r.state === 'queued' || r.state === 'draft')) {
    await cancelWakeUp(tx, deps.boss, row.network, row.wakeJobId);
    await repo.updateDelivery(row.id, { state: 'draft', nextAttemptAt: null, wakeJobId: null, updatedAt: new Date() });
  }
}

/**
 * Someone without posts.approve scheduled a post that needs approval: it keeps its planned time and
 * waits for an approver instead of going out. Submitting again while in review only moves the time.
 */
export async function submitForReview(tx: Tx, ctx: ServiceContext, deps: PostsDeps, input: { group: GroupRow; rows: DeliveryRow[]; at: Date; timeZone: string | null; mode: string }) {
  const { group } = input;
  await holdDeliveries(tx, deps, input.rows);
  await createPostsRepository(tx).updateGroup(group.id, {
    state: 'in_review',
    publishAt: input.at,
    ...(input.timeZone ? { timeZone: input.timeZone } : {}),
    approvedAt: null,
    approvedByName: null,
    reviewOverdueNotifiedAt: null,
    updatedAt: new Date(),
  });
  await tx.update(deliveries).set({ dueAt: input.at }).where(eq(deliveries.postGroupId, group.id));
  if (group.state === 'in_review') {
    await audit(tx, await memberActor(ctx, tx), group, 'post.review_time_changed', { publishAt: { from: group.publishAt?.toISOString() ?? null, to: input.at.toISOString() } });
    return;
  }
  await announceSubmission(tx, ctx, group, input.at, input.mode);
}

/** Records the submission and tells the approvers (a post created straight into review, or submitted later). */
export async function announceSubmission(tx: Tx, ctx: ServiceContext, group: GroupRow, at: Date, mode: string) {
  const actor = await memberActor(ctx, tx);
  await recordReview(tx, group, actor, 'submitted');
  await audit(tx, actor, group, 'post.submitted_for_review', { publishAt: at.toISOString(), mode });
  await emitWebhookEvent(tx, { workspaceId: group.workspaceId, type: 'post.submitted_for_review', data: await postEventData(tx, group.id) });
  await notifyMembersWhoCan(tx, 'posts.approve', {
    workspaceId: group.workspaceId,
    kind: 'post.review_requested',
    entityType: 'post',
    entityId: group.id,
    message: { key: 'review.requested', values: { actor: actor.name, post: postTitle(group, true) } },
    link: postLink(group),
    category: 'approvals',
    email: true,
  });
}

/**
 * After an edit: a scheduled post changed by someone who cannot approve goes back to review when
 * it needs approval; an approver's own edit keeps it approved.
 */
export async function reviewAfterEdit(tx: Tx, ctx: ServiceContext, deps: PostsDeps, input: { workspaceId: string; groupId: string; role: string; channelIds: string[] }) {
  if ((await approvalGate(tx, { workspaceId: input.workspaceId, role: input.role, channelIds: input.channelIds })) !== 'review') return false;
  return reopenAfterEdit(tx, ctx, deps, input.groupId);
}

/** A member who can approve scheduled a post that needs approval: scheduling it is their approval. */
export async function approveByScheduling(tx: Tx, ctx: ServiceContext, groupId: string) {
  const repo = createPostsRepository(tx);
  const group = (await tx.select().from(postGroups).where(eq(postGroups.id, groupId)))[0]!;
  const actor = await memberActor(ctx, tx);
  await repo.updateGroup(groupId, { approvedAt: new Date(), approvedByName: actor.name, reviewOverdueNotifiedAt: null });
  await recordReview(tx, group, actor, 'approved');
}

/**
 * An edit of an approved, scheduled post by someone who cannot approve: it goes back to review
 * (deliveries back to draft, wake-ups cancelled) and the approvers are told.
 */
export async function reopenAfterEdit(tx: Tx, ctx: ServiceContext, deps: PostsDeps, groupId: string) {
  const group = (await tx.select().from(postGroups).where(eq(postGroups.id, groupId)))[0]!;
  if (group.state !== 'scheduled') return false;
  const rows = await createPostsRepository(tx).lockDeliveriesOf(groupId);
  if (!rows.every((r) => r.state === 'queued' || r.state === 'draft')) return false;
  await holdDeliveries(tx, deps, rows);
  await createPostsRepository(tx).updateGroup(groupId, { state: 'in_review', approvedAt: null, approvedByName: null, reviewOverdueNotifiedAt: null, updatedAt: new Date() });
  const actor = await memberActor(ctx, tx);
  await recordReview(tx, group, actor, 'reopened');
  await audit(tx, actor, group, 'post.review_reopened', { reason: 'edited after approval' });
  await notifyMembersWhoCan(tx, 'posts.approve', {
    workspaceId: group.workspaceId,
    kind: 'post.review_requested',
    entityType: 'post',
    entityId: group.id,
    message: { key: 'review.reopened', values: { actor: actor.name, post: postTitle(group, true) } },
    link: postLink(group),
    category: 'approvals',
    email: true,
  });
  return true;
}

export type DecisionInput = { decision: 'approve' | 'request_changes'; comment?: string | null; publishAt?: string; timeZone?: string };

/** The new time an approver gives when the planned one passed; checked like a schedule's. */
function newTime(input: DecisionInput): { at: Date; timeZone: string | null } | null {
  if (!input.publishAt) return null;
  if (input.timeZone && !isValidTimeZone(input.timeZone)) throw validationError([{ field: 'timeZone', message: 'is not an IANA time zone (e.g. Europe/Berlin)' }]);
  const at = new Date(input.publishAt);
  if (at.getTime() < Date.now() - PAST_TOLERANCE_MS) throw validationError([{ field: 'publishAt', message: 'is in the past; pick a later time' }]);
  return { at, timeZone: input.timeZone ?? null };
}

/**
 * An approver's (or a review link recipient's) decision on a post in review. Approving schedules
 * its deliveries at the planned time (or the new one given); asking for changes sends it back to
 * its author with the comment.
 */
export async function decideInTx(tx: Tx, deps: PostsDeps, actor: ReviewActor, workspaceId: string, postId: string, input: DecisionInput) {
  const { group, rows } = await lockForChange(tx, workspaceId, postId);
  if (group.state !== 'in_review') {
    throw conflict('post.not_in_review', group.state === 'changes_requested' ? 'Changes were already requested on this post; it waits for its author' : 'This post is not waiting for review');
  }
  const comment = input.comment?.trim() || null;
  const repo = createPostsRepository(tx);
  if (input.decision === 'request_changes') {
    if (!comment) throw validationError([{ field: 'comment', message: 'say what should change' }]);
    await repo.updateGroup(group.id, { state: 'changes_requested', updatedAt: new Date() });
    await recordReview(tx, group, actor, 'changes_requested', comment);
    await audit(tx, actor, group, 'post.changes_requested', { comment });
    await emitWebhookEvent(tx, { workspaceId, type: 'post.changes_requested', data: { ...(await postEventData(tx, group.id)), comment } });
    if (group.createdBy) {
      await notifyUsers(tx, [group.createdBy], {
        workspaceId,
        kind: 'post.changes_requested',
        entityType: 'post',
        entityId: group.id,
        message: { key: 'review.changesRequested', values: { actor: actor.name, post: postTitle(group), comment } },
        link: postLink(group),
        category: 'approvals',
        email: true,
      });
    }
    return;
  }
  const given = newTime(input);
  const at = given?.at ?? group.publishAt;
  // A planned time that passed (even by seconds) is the approver's to move: the post did not go out then.
  if (!at || (!given && at.getTime() < Date.now())) {
    throw new AppError('post.review_time_passed', 409, 'The planned time of this post has passed: give a new time (publishAt) to approve it', { publishAt: group.publishAt?.toISOString() ?? null });
  }
  for (const row of rows.filter((r) => r.state === 'draft')) {
    await repo.updateDelivery(row.id, { state: 'queued', dueAt: at, nextAttemptAt: at, attemptCount: 0, errorCode: null, errorMessage: null, late: false, wakeJobId: null, updatedAt: new Date() });
    await scheduleWakeUp(tx, deps.boss, { deliveryId: row.id, network: row.network, at }, row.wakeJobId);
  }
  await repo.updateGroup(group.id, {
    publishAt: at,
    ...(given?.timeZone ? { timeZone: given.timeZone } : {}),
    approvedAt: new Date(),
    approvedByName: actor.name,
    reviewOverdueNotifiedAt: null,
    updatedAt: new Date(),
  });
  await tx.update(postGroups).set({ state: 'scheduled' }).where(eq(postGroups.id, group.id));
  await refreshGroupState(tx, group.id);
  await recordReview(tx, group, actor, 'approved', comment);
  await audit(tx, actor, group, 'post.approved', { publishAt: at.toISOString(), ...(comment ? { comment } : {}) });
  // Approving schedules it: subscribers to either event hear about it.
  const eventData = await postEventData(tx, group.id);
  await emitWebhookEvent(tx, { workspaceId, type: 'post.approved', data: { ...eventData, comment } });
  await emitWebhookEvent(tx, { workspaceId, type: 'post.scheduled', data: eventData });
  if (group.createdBy) {
    await notifyUsers(tx, [group.createdBy], {
      workspaceId,
      kind: 'post.approved',
      entityType: 'post',
      entityId: group.id,
      message: { key: 'review.approved', values: { actor: actor.name, post: postTitle(group, true), at: { date: at.toISOString(), style: 'utc' } } },
      link: postLink(group),
      category: 'approvals',
      email: true,
    });
  }
}

export async function reviewPost(ctx: ServiceContext, deps: PostsDeps, input: { workspaceId: string; postId: string } & DecisionInput) {
  const actor = await memberActor(ctx);
  await ctx.db.transaction((tx) => decideInTx(tx, deps, actor, input.workspaceId, input.postId, input));
  return getPost(ctx, input.workspaceId, input.postId);
}

export function publicReview(row: typeof postReviews.$inferSelect) {
  return { id: row.id, decision: row.decision, comment: row.comment, actorName: row.actorName, actorUserId: row.actorUserId, viaLink: row.reviewLinkId !== null, createdAt: row.createdAt };
}

export async function reviewsOf(db: Db | Tx, postGroupIds: string[]) {
  if (!postGroupIds.length) return [];
  return db.select().from(postReviews).where(inArray(postReviews.postGroupId, postGroupIds)).orderBy(asc(postReviews.createdAt));
}

export async function listReviews(ctx: ServiceContext, workspaceId: string, postId: string) {
  const group = await createPostsRepository(ctx.db).findGroup(workspaceId, postId);
  if (!group) throw notFound('post');
  const rows = await ctx.db.select().from(postReviews).where(and(eq(postReviews.workspaceId, workspaceId), eq(postReviews.postGroupId, group.id))).orderBy(asc(postReviews.createdAt));
  return { items: rows.map(publicReview) };
}
