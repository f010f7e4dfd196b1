import crypto from 'node:crypto';
import { auditByActor } from '../audit/audit.service.ts';
import { refreshGroupState } from '../publishing/group-state.ts';
import { cancelWakeUp, scheduleWakeUp } from '../publishing/wake-ups.ts';
import type { ServiceContext } from '../shared/context.ts';
import { conflict } from '../shared/errors.ts';
import { mediaIdsOf, sharedContent, type ComposeInput, type PostsDeps, type ScheduleInput } from './posts.content.ts';
import { getPost } from './posts.query.ts';
import { createPostsRepository } from './posts.repository.ts';
import { PAST_TOLERANCE_MS, plannedTime, resolvePublishAt } from './posts.schedule.ts';
import { checkAllowances } from '../network-usage/allowances.ts';
import { lockForChange, prepareVariants, requireSchedulePermission, validationError } from './posts.validate.ts';
import { workspaceTimeZone } from './time-slots.service.ts';
import { approvalGate } from '../approvals/approvals.policy.ts';
import { announceSubmission, approveByScheduling, reviewAfterEdit } from '../approvals/approvals.service.ts';
import { isReviewState } from '../approvals/review-summary.ts';
import { emitWebhookEvent, postEventData } from '../webhooks/webhooks.emit.ts';

/** Creates a post group with one delivery per channel, and wake-ups for the engine in the same transaction. */
export async function createPost(ctx: ServiceContext, deps: PostsDeps, input: { workspaceId: string; role: string; compose: ComposeInput; schedule: ScheduleInput }) {
  requireSchedulePermission(input.role, input.schedule);
  const { workspaceId } = input;
  const id = await ctx.db.transaction(async (tx) => {
    const repo = createPostsRepository(tx);
    const variants = await prepareVariants(tx, workspaceId, input.compose, input.schedule.mode !== 'draft', deps.instance);
    const when = await resolvePublishAt(tx, workspaceId, variants.map((v) => v.channel.id), input.schedule);
    // The networks' counted allowances (X's post caps) for the time the post goes out.
    const overAllowance = when.at ? await checkAllowances(tx, variants, when.at) : [];
    if (overAllowance.length) throw validationError(overAllowance);
    const planned = plannedTime(input.schedule);
    const groupId = crypto.randomUUID();
    // A post that needs approval, scheduled by someone who cannot approve, waits for review with its time.
    const gate = when.at ? await approvalGate(tx, { workspaceId, role: input.role, channelIds: variants.map((v) => v.channel.id) }) : 'direct';
    const queued = when.at !== null && gate !== 'review';
    await repo.insertGroup({
      id: groupId,
      workspaceId,
      state: queued ? 'scheduled' : gate === 'review' ? 'in_review' : 'draft',
      content: sharedContent(input.compose.content),
      publishAt: when.at ?? planned.at,
      timeZone: when.timeZone ?? planned.timeZone ?? (input.schedule.mode === 'at' ? input.schedule.timeZone : await workspaceTimeZone(tx, workspaceId)),
      createdBy: ctx.actor.userId,
    });
    for (const variant of variants) {
      const deliveryId = crypto.randomUUID();
      await repo.insertDelivery({
        id: deliveryId,
        workspaceId,
        postGroupId: groupId,
        channelId: variant.channel.id,
        network: variant.channel.network,
        state: queued ? 'queued' : 'draft',
        content: variant.content,
        dueAt: when.at,
        nextAttemptAt: queued ? when.at : null,
        idempotencyKey: crypto.randomUUID(),
      });
      if (queued) await scheduleWakeUp(tx, deps.boss, { deliveryId, network: variant.channel.network, at: when.at! });
    }
    await auditByActor(tx, ctx, {
      workspaceId,
      action: queued ? 'post.scheduled' : 'post.created',
      entityType: 'post',
      entityId: groupId,
      changes: { channels: variants.map((v) => v.channel.id), publishAt: when.at?.toISOString() ?? null, mode: input.schedule.mode },
    });
    if (gate === 'review') await announceSubmission(tx, ctx, (await repo.findGroup(workspaceId, groupId))!, when.at!, input.schedule.mode);
    if (gate === 'approved') await approveByScheduling(tx, ctx, groupId);
    if (queued) await emitWebhookEvent(tx, { workspaceId, type: 'post.scheduled', data: await postEventData(tx, groupId) });
    return groupId;
  });
  return getPost(ctx, workspaceId, id);
}

/** Edits content and channels of a post that has not gone out; its deliveries follow. */
export async function updatePost(ctx: ServiceContext, deps: PostsDeps, input: { workspaceId: string; postId: string; role: string; compose: ComposeInput }) {
  await ctx.db.transaction(async (tx) => {
    const repo = createPostsRepository(tx);
    const { group, rows } = await lockForChange(tx, input.workspaceId, input.postId);
    if (rows.some((r) => r.state === 'published' || r.state === 'unconfirmed')) {
      throw conflict('post.already_published', 'Part of this post is already published; create a new post instead of editing it');
    }
    // A post in review keeps its deliveries as drafts, but is checked as one that will go out.
    const inReview = isReviewState(group.state);
    const scheduled = group.publishAt !== null && group.state !== 'draft' && !inReview;
    const variants = await prepareVariants(tx, input.workspaceId, input.compose, scheduled || inReview, deps.instance);
    const keep = new Set(variants.map((v) => v.channel.id));
    for (const row of rows.filter((r) => !keep.has(r.channelId))) {
      await cancelWakeUp(tx, deps.boss, row.network, row.wakeJobId);
      await repo.deleteDelivery(row.id);
    }
    for (const variant of variants) {
      const existing = rows.find((r) => r.channelId === variant.channel.id);
      if (existing) {
        // A failed or cancelled delivery that is edited is sent again at the post's time.
        const revive = scheduled && (existing.state === 'failed' || existing.state === 'cancelled') && group.publishAt!.getTime() > Date.now() - PAST_TOLERANCE_MS;
        await repo.updateDelivery(existing.id, { content: variant.content, updatedAt: new Date(), ...(revive ? { state: 'queued', nextAttemptAt: group.publishAt, attemptCount: 0, errorCode: null, errorMessage: null, errorKey: null, errorValues: null } : {}) });
        if (revive) await scheduleWakeUp(tx, deps.boss, { deliveryId: existing.id, network: existing.network, at: group.publishAt! }, existing.wakeJobId);
        continue;
      }
      const deliveryId = crypto.randomUUID();
      await repo.insertDelivery({
        id: deliveryId,
        workspaceId: input.workspaceId,
        postGroupId: group.id,
        channelId: variant.channel.id,
        network: variant.channel.network,
        state: scheduled ? 'queued' : 'draft',
        content: variant.content,
        dueAt: group.publishAt,
        nextAttemptAt: scheduled ? group.publishAt : null,
        idempotencyKey: crypto.randomUUID(),
      });
      if (scheduled) await scheduleWakeUp(tx, deps.boss, { deliveryId, network: variant.channel.network, at: group.publishAt! });
    }
    await repo.updateGroup(group.id, { content: sharedContent(input.compose.content), updatedAt: new Date() });
    await refreshGroupState(tx, group.id);
    await auditByActor(tx, ctx, {
      workspaceId: input.workspaceId,
      action: 'post.updated',
      entityType: 'post',
      entityId: group.id,
      changes: { channels: [...keep] },
    });
    if (scheduled) await reviewAfterEdit(tx, ctx, deps, { workspaceId: input.workspaceId, groupId: group.id, role: input.role, channelIds: [...keep] });
  });
  return getPost(ctx, input.workspaceId, input.postId);
}

export async function deletePost(ctx: ServiceContext, deps: PostsDeps, input: { workspaceId: string; postId: string }) {
  await ctx.db.transaction(async (tx) => {
    const repo = createPostsRepository(tx);
    const { group, rows } = await lockForChange(tx, input.workspaceId, input.postId);
    for (const row of rows) await cancelWakeUp(tx, deps.boss, row.network, row.wakeJobId);
    const eventData = await postEventData(tx, group.id);
    await repo.deleteGroup(group.id);
    await emitWebhookEvent(tx, { workspaceId: input.workspaceId, type: 'post.deleted', data: eventData });
    // Its uploads are released: the retention job deletes each one no other post still needs.
    await repo.releaseMedia(input.workspaceId, mediaIdsOf([group.content, ...rows.map((r) => r.content)]));
    await auditByActor(tx, ctx, {
      workspaceId: input.workspaceId,
      action: 'post.deleted',
      entityType: 'post',
      entityId: group.id,
      changes: { states: rows.map((r) => r.state) },
    });
  });
}
