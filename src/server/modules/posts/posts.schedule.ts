import { isValidTimeZone } from '../../../shared/time-slots.ts';
import type { Db, Tx } from '../../db/database.ts';
import { auditByActor } from '../audit/audit.service.ts';
import { refreshGroupState } from '../publishing/group-state.ts';
import { cancelWakeUp, scheduleWakeUp } from '../publishing/wake-ups.ts';
import type { ServiceContext } from '../shared/context.ts';
import { AppError, conflict } from '../shared/errors.ts';
import { composeView, type ComposeInput, type PostsDeps, type ScheduleInput } from './posts.content.ts';
import { getPost } from './posts.query.ts';
import { createPostsRepository } from './posts.repository.ts';
import { lockForChange, prepareVariants, requireSchedulePermission, validationError } from './posts.validate.ts';
import { nextQueueSlot } from './time-slots.service.ts';
import { approvalGate } from '../approvals/approvals.policy.ts';
import { approveByScheduling, submitForReview } from '../approvals/approvals.service.ts';
import { isReviewState } from '../approvals/review-summary.ts';
import { emitWebhookEvent, postEventData } from '../webhooks/webhooks.emit.ts';

// A time a few seconds in the past is "now" (the user's clock, the request's travel); more is a mistake.
export const PAST_TOLERANCE_MS = 60_000;

/** When the post goes out, from the schedule the user chose; null for drafts. */
export async function resolvePublishAt(db: Db | Tx, workspaceId: string, channelIds: string[], schedule: ScheduleInput, excludeGroupId?: string): Promise<{ at: Date | null; timeZone: string | null }> {
  if (schedule.mode === 'draft') return { at: null, timeZone: null };
  if (schedule.mode === 'now') return { at: new Date(), timeZone: null };
  if (schedule.mode === 'at') {
    if (!isValidTimeZone(schedule.timeZone)) throw validationError([{ field: 'schedule.timeZone', message: 'is not an IANA time zone (e.g. Europe/Berlin)' }]);
    const at = new Date(schedule.publishAt);
    if (at.getTime() < Date.now() - PAST_TOLERANCE_MS) throw validationError([{ field: 'schedule.publishAt', message: 'is in the past; pick a later time or post now' }]);
    return { at, timeZone: schedule.timeZone };
  }
  const { at, timeZone } = await nextQueueSlot(db, workspaceId, channelIds, excludeGroupId);
  if (!at) throw new AppError('posts.no_free_slot', 400, 'No free time slot for the selected channels: add posting times on the Channels page, or pick a time', { field: 'schedule' });
  return { at, timeZone };
}

/** The planned time of a draft, checked like a schedule's (a real instant, a real zone). */
export function plannedTime(schedule: ScheduleInput): { at: Date | null; timeZone: string | null } {
  if (schedule.mode !== 'draft' || !schedule.publishAt) return { at: null, timeZone: null };
  if (schedule.timeZone && !isValidTimeZone(schedule.timeZone)) throw validationError([{ field: 'schedule.timeZone', message: 'is not an IANA time zone (e.g. Europe/Berlin)' }]);
  return { at: new Date(schedule.publishAt), timeZone: schedule.timeZone ?? null };
}

/** Schedules, reschedules, posts now, adds to the queue, or takes back to draft; the wake-ups move with it. */
export async function schedulePost(ctx: ServiceContext, deps: PostsDeps, input: { workspaceId: string; postId: string; role: string; schedule: ScheduleInput }) {
  requireSchedulePermission(input.role, input.schedule);
  await ctx.db.transaction(async (tx) => {
    const repo = createPostsRepository(tx);
    const { group, rows } = await lockForChange(tx, input.workspaceId, input.postId);
    const movable = rows.filter((r) => ['draft', 'queued', 'failed', 'cancelled'].includes(r.state));
    if (!movable.length) throw conflict('post.not_movable', 'Nothing of this post is left to schedule: it has gone out');
    if (input.schedule.mode !== 'draft') {
      // Scheduling is where a draft must be complete (TikTok privacy level and the like).
      const compose: ComposeInput = {
        content: composeView(group.content),
        channels: movable.map((r) => ({ channelId: r.channelId, ...composeView(r.content), settings: r.content.settings })),
      };
      await prepareVariants(tx, input.workspaceId, compose, true, deps.instance);
    }
    const when = await resolvePublishAt(tx, input.workspaceId, movable.map((r) => r.channelId), input.schedule, group.id);
    // Needs approval and the person cannot give it: the post waits for review at its time instead.
    const gate = when.at ? await approvalGate(tx, { workspaceId: input.workspaceId, role: input.role, channelIds: rows.map((r) => r.channelId) }) : 'direct';
    if (gate === 'review') return submitForReview(tx, ctx, deps, { group, rows: movable, at: when.at!, timeZone: when.timeZone, mode: input.schedule.mode });
    for (const row of movable) {
      await repo.updateDelivery(row.id, { state: when.at ? 'queued' : 'draft', dueAt: when.at, nextAttemptAt: when.at, attemptCount: 0, errorCode: null, errorMessage: null, errorKey: null, errorValues: null, late: false, wakeJobId: null, updatedAt: new Date() });
      if (when.at) await scheduleWakeUp(tx, deps.boss, { deliveryId: row.id, network: row.network, at: when.at }, row.wakeJobId);
      else await cancelWakeUp(tx, deps.boss, row.network, row.wakeJobId);
    }
    // Back to draft keeps the time as the plan (still on the calendar), unless another is given.
    const planned = plannedTime(input.schedule);
    const publishAt = when.at ?? planned.at ?? (input.schedule.mode === 'draft' ? group.publishAt : null);
    const timeZone = when.timeZone ?? planned.timeZone;
    await repo.updateGroup(group.id, { publishAt, ...(timeZone ? { timeZone } : {}), updatedAt: new Date() });
    await refreshGroupState(tx, group.id);
    // Taken back to draft: it leaves review too (a plain draft again, until scheduled).
    if (!when.at && isReviewState(group.state)) await repo.updateGroup(group.id, { state: 'draft' });
    if (gate === 'approved') await approveByScheduling(tx, ctx, group.id);
    if (when.at) await emitWebhookEvent(tx, { workspaceId: input.workspaceId, type: 'post.scheduled', data: await postEventData(tx, group.id) });
    await auditByActor(tx, ctx, {
      workspaceId: input.workspaceId,
      action: when.at ? 'post.scheduled' : 'post.unscheduled',
      entityType: 'post',
      entityId: group.id,
      changes: { publishAt: { from: group.publishAt?.toISOString() ?? null, to: when.at?.toISOString() ?? null }, mode: input.schedule.mode },
    });
  });
  return getPost(ctx, input.workspaceId, input.postId);
}
