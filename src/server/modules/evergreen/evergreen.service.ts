import type { Logger } from 'pino';
import { can } from '../../../shared/permissions.ts';
import type { Db } from '../../db/database.ts';
import { auditByActor, diffFields } from '../audit/audit.service.ts';
import { createPost } from '../posts/posts.compose.ts';
import type { PostsDeps, ScheduleInput } from '../posts/posts.content.ts';
import { copyableContent } from '../posts/posts.duplicate.ts';
import { createPostsRepository } from '../posts/posts.repository.ts';
import { nextQueueSlot } from '../posts/time-slots.service.ts';
import type { ServiceContext } from '../shared/context.ts';
import { AppError, conflict, notFound } from '../shared/errors.ts';
import { defaultLanguage, type Language } from '../../../shared/languages.ts';
import type { StoredReason } from '../../i18n/stored-words.ts';
import { createEvergreenRepository, type EvergreenRow } from './evergreen.repository.ts';
import { channelDisconnected, ownerCannotSchedule, refusedCopy, saySkipReason, storedSkipReason } from './evergreen.reasons.ts';

export const EVERY_DAYS = { min: 1, max: 365 } as const;
export const MAX_TIMES = { min: 1, max: 50 } as const;
export const MAX_VARIATIONS = 20;
/** A copy for channels without posting times goes out this long after it is made (time to look at it). */
export const NO_SLOT_DELAY_MS = 10 * 60_000;

export type EvergreenInput = { everyDays: number; maxTimes: number; variations: string[] };
export type EvergreenView = Omit<EvergreenRow, 'workspaceId' | 'postGroupId' | 'skipReasonKey' | 'skipReasonValues'> & {
  copies: { id: string; state: string; publishAt: Date | null; createdAt: Date }[];
};
export type RecycleOutcome = 'recycled' | 'waiting' | 'taken' | 'skipped';

/** What the API shows of a setting: why the last due copy was not made in `language` (the request's). */
async function viewOf(db: Db, row: EvergreenRow, language: Language = defaultLanguage): Promise<EvergreenView> {
  const { workspaceId: _w, postGroupId, skipReasonKey: _k, skipReasonValues: _v, ...rest } = row;
  return { ...rest, skipReason: saySkipReason(row, language), copies: await createEvergreenRepository(db).copiesOf(postGroupId) };
}

/** The setting of one post (null when it was never made evergreen), and the original it is a copy of, if it is one. */
export async function getEvergreen(
  ctx: ServiceContext,
  workspaceId: string,
  postId: string,
  language: Language = defaultLanguage,
): Promise<{ evergreen: EvergreenView | null; recycledFrom: string | null }> {
  if (!(await createPostsRepository(ctx.db).findGroup(workspaceId, postId))) throw notFound('post');
  const repo = createEvergreenRepository(ctx.db);
  const row = await repo.find(workspaceId, postId);
  return { evergreen: row ? await viewOf(ctx.db, row, language) : null, recycledFrom: await repo.recycledFromOf(postId) };
}

/**
 * Makes a post evergreen or changes how; whoever saves it becomes the member copies are made as.
 * The count of copies made is kept, also across turning it off and on.
 */
export async function setEvergreen(ctx: ServiceContext, workspaceId: string, postId: string, input: EvergreenInput): Promise<EvergreenView> {
  return ctx.db.transaction(async (tx) => {
    const repo = createEvergreenRepository(tx);
    if (!(await createPostsRepository(tx).findGroup(workspaceId, postId))) throw notFound('post');
    // A copy recycling itself would grow a chain no one asked for: the original holds the setting.
    if (await repo.recycledFromOf(postId)) throw conflict('evergreen.is_copy', 'This post is a recycled copy: make its original evergreen instead');
    const before = await repo.find(workspaceId, postId);
    const now = new Date();
    const variations = input.variations.map((v) => v.trim());
    const row = await repo.upsert({ postGroupId: postId, workspaceId, enabled: true, ...input, variations, ownerUserId: ctx.actor.userId, ...storedSkipReason(null), skippedAt: null, createdAt: now, updatedAt: now });
    const changes = before
      ? { ...diffFields({ enabled: before.enabled, everyDays: before.everyDays, maxTimes: before.maxTimes }, { enabled: true, everyDays: input.everyDays, maxTimes: input.maxTimes }), ...(JSON.stringify(before.variations) !== JSON.stringify(variations) ? { variations: variations.length } : {}) }
      : { everyDays: input.everyDays, maxTimes: input.maxTimes, variations: variations.length };
    await auditByActor(tx, ctx, { workspaceId, action: 'post.evergreen_set', entityType: 'post', entityId: postId, changes });
    return viewOf(tx as unknown as Db, row);
  });
}

/** Stops recycling a post; the copies made stay, and so does the count. */
export async function stopEvergreen(ctx: ServiceContext, workspaceId: string, postId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const repo = createEvergreenRepository(tx);
    const row = await repo.find(workspaceId, postId);
    if (!row) throw new AppError('evergreen.not_found', 404, 'This post is not evergreen');
    if (!row.enabled) return;
    await repo.update(postId, { enabled: false, updatedAt: new Date() });
    await auditByActor(tx, ctx, { workspaceId, action: 'post.evergreen_stopped', entityType: 'post', entityId: postId, changes: { recycledCount: row.recycledCount } });
  });
}

/** The text of copy number `n` (1-based): the variations in turn, or the original's text when there are none. */
export function variationFor(variations: string[], n: number): string | null {
  return variations.length ? variations[(n - 1) % variations.length]! : null;
}

export type RecycleDeps = { posts: PostsDeps; logger?: Logger };

/**
 * Makes the next copy of one evergreen post if it is due: the original went out, nothing of it
 * (original or copy) went out in the last `everyDays`, no copy is still waiting to go out, and
 * fewer than `maxTimes` copies were made. What stops a due copy is written on the setting.
 */
export async function recycleOne(db: Db, deps: RecycleDeps, row: EvergreenRow, now = new Date()): Promise<RecycleOutcome> {
  const repo = createEvergreenRepository(db);
  const times = await repo.publishedTimes(row.postGroupId);
  // Not out yet (still scheduled), or taken back: nothing to recycle until it is published.
  if (!times.original || !times.latest) return 'waiting';
  if (now.getTime() - times.latest.getTime() < row.everyDays * 86_400_000) return 'waiting';
  if (await repo.hasPendingCopy(row.postGroupId)) return 'waiting';

  const skip = async (reason: StoredReason): Promise<RecycleOutcome> => {
    const stored = storedSkipReason(reason);
    // Written once per reason (skippedAt says since when), and again on a row from before its words were kept.
    if (row.skipReason !== stored.skipReason || row.skipReasonKey !== stored.skipReasonKey) await repo.update(row.postGroupId, { ...stored, skippedAt: now });
    return 'skipped';
  };
  const owner = row.ownerUserId ? await repo.ownerMembership(row.workspaceId, row.ownerUserId) : undefined;
  if (!owner || !can(owner.role, 'posts.schedule')) return skip(ownerCannotSchedule());
  const ctx: ServiceContext = { db, actor: { userId: row.ownerUserId!, email: owner.email, ip: null, userAgent: 'Herald evergreen' } };
  const { compose, left } = await copyableContent(ctx, { workspaceId: row.workspaceId, postId: row.postGroupId });
  if (!compose.channels.length) return skip(channelDisconnected());

  const n = row.recycledCount + 1;
  const text = variationFor(row.variations, n);
  if (text !== null) {
    compose.content.text = text;
    for (const channel of compose.channels) channel.text = text;
  }
  try {
    return await db.transaction(async (tx) => {
      const txRepo = createEvergreenRepository(tx);
      const claimed = await txRepo.claim(row.postGroupId, row.recycledCount, now);
      if (!claimed) return 'taken';
      const channelIds = compose.channels.map((c) => c.channelId);
      // The channels' next free posting time; without posting times, shortly after now.
      const slot = await nextQueueSlot(tx, row.workspaceId, channelIds);
      const schedule: ScheduleInput = slot.at ? { mode: 'queue' } : { mode: 'at', publishAt: new Date(Date.now() + NO_SLOT_DELAY_MS).toISOString(), timeZone: slot.timeZone };
      const txCtx: ServiceContext = { ...ctx, db: tx as unknown as Db };
      const copy = await createPost(txCtx, deps.posts, { workspaceId: row.workspaceId, role: owner.role, compose, schedule });
      await txRepo.setRecycledFrom(copy.id, row.postGroupId);
      await auditByActor(tx, ctx, {
        workspaceId: row.workspaceId,
        action: 'post.recycled',
        entityType: 'post',
        entityId: row.postGroupId,
        changes: { copy: copy.id, number: n, of: row.maxTimes, variation: text === null ? null : ((n - 1) % row.variations.length) + 1, leftOut: left },
      });
      return 'recycled';
    });
  } catch (error) {
    // The channels' rules refuse the copy (a variation too long for a network, a file gone…).
    if (error instanceof AppError && error.status < 500) return skip(refusedCopy(error));
    throw error;
  }
}

/** The job's sweep: the evergreen posts whose copy is due, a batch at a time (the rest next sweep). */
export async function recycleDue(db: Db, deps: RecycleDeps, now = new Date()): Promise<Record<RecycleOutcome, number>> {
  const totals: Record<RecycleOutcome, number> = { recycled: 0, waiting: 0, taken: 0, skipped: 0 };
  for (const row of await createEvergreenRepository(db).due(now, 100)) {
    try {
      totals[await recycleOne(db, deps, row, now)]++;
    } catch (error) {
      deps.logger?.error({ err: error, postGroupId: row.postGroupId }, 'evergreen post could not be recycled');
    }
  }
  return totals;
}
