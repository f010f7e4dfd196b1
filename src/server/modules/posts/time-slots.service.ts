import { nextFreeSlot, nextFreeSlotAcross } from '../../../shared/time-slots.ts';
import type { Db, Tx } from '../../db/database.ts';
import { auditByActor } from '../audit/audit.service.ts';
import type { ServiceContext } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { createTimeSlotsRepository, type WeeklySlot } from './time-slots.repository.ts';

/** The zone the workspace's slots are in; UTC until someone sets one. */
export async function workspaceTimeZone(db: Db | Tx, workspaceId: string): Promise<string> {
  return (await createTimeSlotsRepository(db).findTimeZone(workspaceId)) ?? 'UTC';
}

/** `timeZoneSet: false`: nobody chose one yet and UTC applies; the Settings page says so. */
export async function getScheduleSettings(ctx: ServiceContext, workspaceId: string) {
  const chosen = await createTimeSlotsRepository(ctx.db).findTimeZone(workspaceId);
  return { timeZone: chosen ?? 'UTC', timeZoneSet: chosen !== null };
}

export async function setTimeZone(ctx: ServiceContext, workspaceId: string, input: { timeZone: string }) {
  await ctx.db.transaction(async (tx) => {
    await createTimeSlotsRepository(tx).saveTimeZone(workspaceId, input.timeZone);
    await auditByActor(tx, ctx, { workspaceId, action: 'workspace.time_zone_set', entityType: 'workspace', entityId: workspaceId, changes: { timeZone: input.timeZone } });
  });
  return { timeZone: input.timeZone };
}

async function requireChannel(db: Db | Tx, workspaceId: string, channelId: string) {
  const [id] = await createTimeSlotsRepository(db).ownedChannelIds(workspaceId, [channelId]);
  if (!id) throw notFound('channel');
  return id;
}

export async function getChannelSlots(ctx: ServiceContext, workspaceId: string, channelId: string) {
  const id = await requireChannel(ctx.db, workspaceId, channelId);
  return { slots: await createTimeSlotsRepository(ctx.db).slotsOf(id) };
}

/** Replaces a channel's weekly slots; duplicates are dropped and the answer is in week order. */
export async function setChannelSlots(ctx: ServiceContext, workspaceId: string, channelId: string, input: { slots: WeeklySlot[] }) {
  const unique = [...new Map(input.slots.map((s) => [`${s.weekday}:${s.minute}`, s])).values()].sort((a, b) => a.weekday - b.weekday || a.minute - b.minute);
  await ctx.db.transaction(async (tx) => {
    const id = await requireChannel(tx, workspaceId, channelId);
    await createTimeSlotsRepository(tx).replaceSlots(id, unique);
    await auditByActor(tx, ctx, { workspaceId, action: 'channel.slots_set', entityType: 'channel', entityId: id, changes: { slots: unique.length } });
  });
  return { slots: unique };
}

/**
 * The next weekly slot free on every one of these channels, in the workspace's time zone; slots
 * taken by other posts (except `excludeGroupId`, the post being moved) do not count as free.
 */
export async function nextQueueSlot(db: Db | Tx, workspaceId: string, channelIds: string[], excludeGroupId?: string) {
  const repo = createTimeSlotsRepository(db);
  const timeZone = await workspaceTimeZone(db, workspaceId);
  const ids = await repo.ownedChannelIds(workspaceId, channelIds);
  if (!ids.length) return { at: null, timeZone };
  const slots = await repo.slotsOfChannels(ids);
  const taken = await repo.takenTimes(ids, excludeGroupId);
  const at = nextFreeSlotAcross(
    ids.map((channelId) => ({
      channelId,
      slots: slots.filter((s) => s.channelId === channelId).map((s) => ({ weekday: s.weekday, minute: s.minute })),
      occupied: taken.filter((t) => t.channelId === channelId && t.dueAt).map((t) => t.dueAt!),
    })),
    timeZone,
    new Date(),
  );
  return { at, timeZone };
}

/** The channel's next `count` free slots, soonest first: what "add to queue" would fill in turn. */
export async function upcomingSlots(ctx: ServiceContext, workspaceId: string, channelId: string, count: number) {
  const repo = createTimeSlotsRepository(ctx.db);
  const id = await requireChannel(ctx.db, workspaceId, channelId);
  const timeZone = await workspaceTimeZone(ctx.db, workspaceId);
  const slots = await repo.slotsOf(id);
  const occupied = (await repo.takenTimes([id])).flatMap((t) => (t.dueAt ? [t.dueAt] : []));
  const items: Date[] = [];
  let after = new Date();
  while (items.length < count) {
    const at = nextFreeSlot({ slots, timeZone, after, occupied });
    if (!at) break;
    items.push(at);
    after = at;
  }
  return { timeZone, items };
}
