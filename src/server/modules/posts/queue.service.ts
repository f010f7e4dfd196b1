import { emitWebhookEvent, postEventData } from '../webhooks/webhooks.emit.ts';
import crypto from 'node:crypto';
import { nextFreeSlot } from '../../../shared/time-slots.ts';
import type { Db, Tx } from '../../db/database.ts';
import type { Queue } from '../../jobs/queue.ts';
import { auditByActor } from '../audit/audit.service.ts';
import { scheduleWakeUp } from '../publishing/wake-ups.ts';
import type { ServiceContext } from '../shared/context.ts';
import { AppError, conflict, notFound } from '../shared/errors.ts';
import { createQueueRepository, type QueueRow } from './queue.repository.ts';
import { createTimeSlotsRepository } from './time-slots.repository.ts';
import { workspaceTimeZone } from './time-slots.service.ts';

// A channel's queue: its upcoming posts in time order, with the free posting times between them.
// Reordering keeps the channel's list of times and hands them out in the new order.
//
// Multi-channel posts are pinned: a post group has one publishAt for all its channels, so moving
// it here would move it on the other channels too. They keep their time, are shown with a pin,
// and are left out of what reorder and shuffle move (listing one is a 400).

/**
 * Posts due sooner than this are locked in. The engine reads a delivery that is due (within 250 ms)
 * before it waits for the channel lock, so one due that soon may be claimed right after a move;
 * ten seconds also covers clock differences between processes.
 */
export const LOCK_IN_MS = 10_000;
const MAX_POSTS = 500;
const MAX_FREE_SLOTS = 200;
/** Free slots are shown up to the last queued post and this far beyond it (or beyond now). */
const FREE_SLOT_HORIZON_MS = 7 * 86_400_000;

export type QueueDeps = { boss: Queue };

const lockedIn = (row: QueueRow, now: number) => Math.min(row.dueAt.getTime(), row.nextAttemptAt?.getTime() ?? Infinity) <= now + LOCK_IN_MS;
const movable = (row: QueueRow, now: number) => row.state === 'queued' && row.channelCount === 1 && row.groupState === 'scheduled' && !lockedIn(row, now);

function preview(row: QueueRow) {
  const first = row.content.parts[0];
  const text = (first?.text ?? '').replace(/\s+/g, ' ').trim();
  return { text: text.length > 160 ? `${text.slice(0, 159)}…` : text, firstMediaId: first?.media[0]?.mediaId ?? null, mediaCount: first?.media.length ?? 0 };
}

async function requireChannel(db: Db | Tx, workspaceId: string, channelId: string, lock = false) {
  const channel = await createQueueRepository(db).findChannel(workspaceId, channelId, lock);
  if (!channel) throw notFound('channel');
  return channel;
}

/** The channel's upcoming posts and the free slots between them (and a week beyond). */
export async function getQueue(ctx: ServiceContext, workspaceId: string, channelId: string) {
  return readQueue(ctx.db, workspaceId, await requireChannel(ctx.db, workspaceId, channelId).then((c) => c.id));
}

async function readQueue(db: Db | Tx, workspaceId: string, channelId: string) {
  const repo = createQueueRepository(db);
  const timeZone = await workspaceTimeZone(db, workspaceId);
  const rows = await repo.queueOf(channelId, MAX_POSTS);
  const now = Date.now();
  const previews = rows.map(preview);
  const kinds = new Map((await repo.mediaKinds(workspaceId, previews.flatMap((p) => (p.firstMediaId ? [p.firstMediaId] : [])))).map((m) => [m.id, m]));
  const posts = rows.map((row, i) => {
    const { text, firstMediaId, mediaCount } = previews[i]!;
    const found = firstMediaId ? kinds.get(firstMediaId) : undefined;
    return {
      postId: row.postId,
      deliveryId: row.deliveryId,
      at: row.dueAt,
      state: row.state,
      text,
      media: found && found.status === 'ready' ? { mediaId: found.id, kind: found.kind } : null,
      mediaCount,
      pinned: row.channelCount > 1,
      channelCount: row.channelCount,
      movable: movable(row, now),
    };
  });
  const slotsRepo = createTimeSlotsRepository(db);
  const slots = await slotsRepo.slotsOf(channelId);
  const occupied = (await slotsRepo.takenTimes([channelId])).flatMap((t) => (t.dueAt ? [t.dueAt] : []));
  const horizon = Math.max(now, rows.at(-1)?.dueAt.getTime() ?? 0) + FREE_SLOT_HORIZON_MS;
  const freeSlots: Date[] = [];
  let after = new Date(now);
  while (freeSlots.length < MAX_FREE_SLOTS) {
    const at = nextFreeSlot({ slots, timeZone, after, occupied });
    if (!at || at.getTime() > horizon) break;
    freeSlots.push(at);
    after = at;
  }
  return { timeZone, hasPostingTimes: slots.length > 0, posts, freeSlots };
}

const badList = (field: string, message: string, extra: Record<string, unknown> = {}) => new AppError('queue.invalid_order', 400, `${field}: ${message}`, { field, ...extra });

/**
 * Hands the times of `postIds` (sorted) out in the order given. The ids must be exactly the
 * channel's movable posts between the earliest and the latest of them, so nothing else is skipped
 * over or doubled up. Runs under the channel's row lock: the engine claims under the same lock, so
 * a delivery is either still queued here (and moved with its wake-up) or already publishing (409).
 */
async function assignTimes(tx: Tx, deps: QueueDeps, workspaceId: string, channelId: string, postIds: string[]) {
  const repo = createQueueRepository(tx);
  const seen = new Set<string>();
  postIds.forEach((id, i) => {
    if (seen.has(id)) throw badList(`postIds.${i}`, 'is listed twice');
    seen.add(id);
  });
  const locked = await repo.lockDeliveries(channelId, postIds);
  const byPost = new Map(locked.map((d) => [d.postGroupId, d]));
  const queue = await repo.queueOf(channelId, 10_000);
  const queueByPost = new Map(queue.map((r) => [r.postId, r]));
  const now = Date.now();
  postIds.forEach((id, i) => {
    const delivery = byPost.get(id);
    if (!delivery) throw badList(`postIds.${i}`, 'is not a post of this channel');
    if (['publishing', 'processing', 'published', 'unconfirmed', 'failed'].includes(delivery.state)) {
      throw new AppError('queue.publishing', 409, 'A post in this list has started publishing meanwhile; reload the queue and try again', { postId: id });
    }
    const row = queueByPost.get(id);
    if (!row || delivery.state !== 'queued' || !delivery.dueAt) throw badList(`postIds.${i}`, 'is not scheduled on this channel (a draft, in review or cancelled)');
    if (row.channelCount > 1) throw badList(`postIds.${i}`, 'goes to several channels; its time is pinned (move it on the calendar)');
    if (lockedIn(row, now)) throw conflict('queue.publishing', 'A post in this list goes out within seconds and can no longer be moved');
  });
  const times = postIds.map((id) => queueByPost.get(id)!.dueAt).sort((a, b) => a.getTime() - b.getTime());
  const [from, to] = [times[0]!, times.at(-1)!];
  const expected = queue.filter((r) => movable(r, now) && r.dueAt >= from && r.dueAt <= to).map((r) => r.postId);
  const missing = expected.filter((id) => !seen.has(id));
  if (missing.length) throw badList('postIds', `must list every movable post of the channel between the first and the last given; ${missing.length} missing`, { missing });
  const moves: { postId: string; from: Date; to: Date }[] = [];
  for (const [i, postId] of postIds.entries()) {
    const delivery = byPost.get(postId)!;
    const at = times[i]!;
    if (delivery.dueAt!.getTime() === at.getTime()) continue;
    await repo.moveDelivery(delivery.id, postId, at);
    await scheduleWakeUp(tx, deps.boss, { deliveryId: delivery.id, network: delivery.network, at }, delivery.wakeJobId);
    moves.push({ postId, from: delivery.dueAt!, to: at });
  }
  return moves;
}

/** A post that takes another time is scheduled anew, for webhook receivers as for the calendar. */
async function announceMoves(tx: Tx, workspaceId: string, moves: { postId: string }[]) {
  for (const move of moves) await emitWebhookEvent(tx, { workspaceId, type: 'post.scheduled', data: await postEventData(tx, move.postId) });
}

export async function reorderQueue(ctx: ServiceContext, deps: QueueDeps, input: { workspaceId: string; channelId: string; postIds: string[] }) {
  await ctx.db.transaction(async (tx) => {
    const channel = await requireChannel(tx, input.workspaceId, input.channelId, true);
    const moves = await assignTimes(tx, deps, input.workspaceId, channel.id, input.postIds);
    await announceMoves(tx, input.workspaceId, moves);
    await auditByActor(tx, ctx, { workspaceId: input.workspaceId, action: 'channel.queue_reordered', entityType: 'channel', entityId: channel.id, changes: { posts: input.postIds.length, moved: moves.map((m) => ({ postId: m.postId, from: m.from.toISOString(), to: m.to.toISOString() })) } });
  });
  return readQueue(ctx.db, input.workspaceId, input.channelId);
}

/** Shuffles every movable upcoming post of the channel among their own times. */
export async function shuffleQueue(ctx: ServiceContext, deps: QueueDeps, input: { workspaceId: string; channelId: string }) {
  await ctx.db.transaction(async (tx) => {
    const channel = await requireChannel(tx, input.workspaceId, input.channelId, true);
    const now = Date.now();
    const ids = (await createQueueRepository(tx).queueOf(channel.id, 10_000)).filter((r) => movable(r, now)).map((r) => r.postId);
    const order = shuffled(ids);
    const moves = await assignTimes(tx, deps, input.workspaceId, channel.id, order);
    await announceMoves(tx, input.workspaceId, moves);
    await auditByActor(tx, ctx, { workspaceId: input.workspaceId, action: 'channel.queue_shuffled', entityType: 'channel', entityId: channel.id, changes: { posts: ids.length, moved: moves.length } });
  });
  return readQueue(ctx.db, input.workspaceId, input.channelId);
}

/** A random order that differs from the given one whenever there are two or more. */
function shuffled<T>(items: T[]): T[] {
  if (items.length < 2) return items;
  for (;;) {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = crypto.randomInt(i + 1);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    if (out.some((item, i) => item !== items[i])) return out;
  }
}
