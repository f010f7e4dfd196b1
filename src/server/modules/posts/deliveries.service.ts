import { emitDeliveryOutcome } from '../webhooks/webhooks.emit.ts';
import { httpLinkOrNull } from '../../../shared/web-links.ts';
import type { Db, Tx } from '../../db/database.ts';
import { auditByActor } from '../audit/audit.service.ts';
import { refreshGroupState } from '../publishing/group-state.ts';
import { cancelWakeUp, scheduleWakeUp } from '../publishing/wake-ups.ts';
import type { ServiceContext } from '../shared/context.ts';
import { conflict, notFound } from '../shared/errors.ts';
import type { PostsDeps } from './posts.content.ts';
import { channelsShownWith, getPost, publicDelivery, type ReadingContext } from './posts.query.ts';
import { sayDeliveryError } from '../publishing/delivery-words.ts';
import { defaultLanguage } from '../../../shared/languages.ts';
import { createPostsRepository } from './posts.repository.ts';
import { lockForChange, validationError } from './posts.validate.ts';

type DeliveryRef = { workspaceId: string; postId: string; deliveryId: string };

async function lockDelivery(tx: Db | Tx, ref: DeliveryRef) {
  const row = await createPostsRepository(tx).findDelivery(ref.workspaceId, ref.postId, ref.deliveryId, true);
  if (!row) throw notFound('delivery');
  return row;
}

/** Stops what has not gone out; what was published stays published. */
export async function cancelPost(ctx: ServiceContext, deps: PostsDeps, input: { workspaceId: string; postId: string }) {
  await ctx.db.transaction(async (tx) => {
    const repo = createPostsRepository(tx);
    const { group, rows } = await lockForChange(tx, input.workspaceId, input.postId);
    const stoppable = rows.filter((r) => ['draft', 'queued', 'unconfirmed', 'failed'].includes(r.state));
    for (const row of stoppable) {
      await cancelWakeUp(tx, deps.boss, row.network, row.wakeJobId);
      await repo.updateDelivery(row.id, { state: 'cancelled', nextAttemptAt: null, wakeJobId: null, updatedAt: new Date() });
    }
    await refreshGroupState(tx, group.id);
    await auditByActor(tx, ctx, { workspaceId: input.workspaceId, action: 'post.cancelled', entityType: 'post', entityId: group.id, changes: { deliveries: stoppable.length } });
  });
  return getPost(ctx, input.workspaceId, input.postId);
}

/**
 * Sends a failed delivery again, or checks an unconfirmed one at the network again (safe: nothing
 * is resent unless the network shows it was not created). `confirmedAbsent` is a person saying
 * "I looked, it is not there": only then is an unconfirmed delivery sent again without a check.
 */
export async function retryDelivery(ctx: ServiceContext, deps: PostsDeps, input: DeliveryRef & { confirmedAbsent?: boolean }) {
  await ctx.db.transaction(async (tx) => {
    const repo = createPostsRepository(tx);
    const row = await lockDelivery(tx, input);
    if (row.state !== 'failed' && row.state !== 'unconfirmed') throw conflict('delivery.not_retryable', `Only failed or unconfirmed deliveries can be retried (this one is ${row.state})`, { state: row.state });
    const now = new Date();
    const resend = row.state === 'failed' || input.confirmedAbsent === true;
    await repo.updateDelivery(row.id, {
      state: resend ? 'queued' : 'unconfirmed',
      pendingStep: resend && row.state === 'unconfirmed' ? null : row.pendingStep,
      attemptCount: 0,
      nextAttemptAt: now,
      errorCode: null,
      errorMessage: null, errorKey: null, errorValues: null,
      updatedAt: now,
    });
    await scheduleWakeUp(tx, deps.boss, { deliveryId: row.id, network: row.network, at: now, check: !resend }, row.wakeJobId);
    await repo.insertAttempt({
      deliveryId: row.id,
      kind: 'manual',
      finishedAt: now,
      outcome: resend ? 'retry' : 'check',
      steps: [{ at: now.toISOString(), step: resend ? (row.state === 'unconfirmed' ? 'a person confirmed the post is not at the network: send again' : 'retry requested') : 'check at the network requested' }],
    });
    await refreshGroupState(tx, row.postGroupId);
    await auditByActor(tx, ctx, {
      workspaceId: input.workspaceId,
      action: 'delivery.retried',
      entityType: 'delivery',
      entityId: row.id,
      changes: { from: row.state, resend, confirmedAbsent: input.confirmedAbsent === true },
    });
  });
  return getPost(ctx, input.workspaceId, input.postId);
}

/** A person published it themselves (or saw it at the network): the engine stops. */
export async function markPublished(ctx: ServiceContext, deps: PostsDeps, input: DeliveryRef & { url?: string }) {
  // Checked here as well as in the route's schema: every entry point (API, jobs, CLI) goes through this function.
  const url = httpLinkOrNull(input.url);
  if (input.url !== undefined && !url) throw validationError([{ field: 'body.url', message: 'must be an http or https link' }]);
  await ctx.db.transaction(async (tx) => {
    const repo = createPostsRepository(tx);
    const row = await lockDelivery(tx, input);
    if (!['failed', 'unconfirmed', 'queued'].includes(row.state)) throw conflict('delivery.not_markable', `This delivery is ${row.state}; it cannot be marked as published`, { state: row.state });
    const now = new Date();
    await cancelWakeUp(tx, deps.boss, row.network, row.wakeJobId);
    await repo.updateDelivery(row.id, { state: 'published', publishedAt: now, publishedBy: ctx.actor.userId, externalUrl: url ?? httpLinkOrNull(row.externalUrl), pendingStep: null, nextAttemptAt: null, wakeJobId: null, errorCode: null, errorMessage: null, errorKey: null, errorValues: null, updatedAt: now });
    await repo.insertAttempt({
      deliveryId: row.id,
      kind: 'manual',
      finishedAt: now,
      outcome: 'published',
      steps: [{ at: now.toISOString(), step: 'marked as published by hand', request: url ? { url } : undefined }],
    });
    await refreshGroupState(tx, row.postGroupId);
    await auditByActor(tx, ctx, {
      workspaceId: input.workspaceId,
      action: 'delivery.marked_published',
      entityType: 'delivery',
      entityId: row.id,
      changes: { from: row.state, url },
    });
    // Webhook receivers hear of it like of any publication (the post is out, whoever sent it).
    await emitDeliveryOutcome(tx, 'published', { ...row, externalUrl: url ?? httpLinkOrNull(row.externalUrl), publishedAt: now });
  });
  return getPost(ctx, input.workspaceId, input.postId);
}

/** Every attempt of a delivery with its calls and the network's answers (secrets were never stored). */
export async function deliveryLog(ctx: ReadingContext, input: DeliveryRef) {
  const repo = createPostsRepository(ctx.db);
  const row = await repo.findDelivery(input.workspaceId, input.postId, input.deliveryId);
  if (!row) throw notFound('delivery');
  const language = ctx.language ?? defaultLanguage;
  const attempts = (await repo.attemptsOf(row.id)).map(({ errorKey, errorValues, ...attempt }) => ({ ...attempt, errorMessage: sayDeliveryError({ errorMessage: attempt.errorMessage, errorKey, errorValues }, language) }));
  const [channel] = await channelsShownWith(ctx.db, [row]);
  return { delivery: publicDelivery(row, language, channel), attempts };
}
