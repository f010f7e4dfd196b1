import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database.ts';
import { channels, deliveries, timeSlots, workspaceSettings } from '../../db/schema/index.ts';

export type WeeklySlot = { weekday: number; minute: number };

// Delivery states that hold their slot: the post is still going out there, or already went.
const SLOT_HOLDING_STATES = ['queued', 'publishing', 'processing', 'published', 'unconfirmed'];

export function createTimeSlotsRepository(db: Db | Tx) {
  return {
    async findTimeZone(workspaceId: string): Promise<string | null> {
      const [row] = await db.select().from(workspaceSettings).where(eq(workspaceSettings.workspaceId, workspaceId));
      return row?.timeZone ?? null;
    },
    async saveTimeZone(workspaceId: string, timeZone: string) {
      const values = { workspaceId, timeZone, updatedAt: new Date() };
      await db.insert(workspaceSettings).values(values).onConflictDoUpdate({ target: workspaceSettings.workspaceId, set: values });
    },
    /** The ids among `channelIds` that belong to the workspace (every other id is ignored). */
    async ownedChannelIds(workspaceId: string, channelIds: string[]): Promise<string[]> {
      if (!channelIds.length) return [];
      const rows = await db.select({ id: channels.id }).from(channels).where(and(eq(channels.workspaceId, workspaceId), inArray(channels.id, channelIds)));
      return rows.map((r) => r.id);
    },
    async slotsOf(channelId: string): Promise<WeeklySlot[]> {
      const rows = await db.select().from(timeSlots).where(eq(timeSlots.channelId, channelId)).orderBy(timeSlots.weekday, timeSlots.minute);
      return rows.map((r) => ({ weekday: r.weekday, minute: r.minute }));
    },
    async slotsOfChannels(channelIds: string[]) {
      return db.select().from(timeSlots).where(inArray(timeSlots.channelId, channelIds));
    },
    async replaceSlots(channelId: string, slots: WeeklySlot[]) {
      await db.delete(timeSlots).where(eq(timeSlots.channelId, channelId));
      if (slots.length) await db.insert(timeSlots).values(slots.map((s) => ({ channelId, ...s })));
    },
    /** Future times already taken on these channels, except by the post `excludeGroupId`. */
    async takenTimes(channelIds: string[], excludeGroupId?: string) {
      return db
        .select({ channelId: deliveries.channelId, dueAt: deliveries.dueAt })
        .from(deliveries)
        .where(
          and(
            inArray(deliveries.channelId, channelIds),
            inArray(deliveries.state, SLOT_HOLDING_STATES),
            gte(deliveries.dueAt, new Date()),
            excludeGroupId ? sql`${deliveries.postGroupId} <> ${excludeGroupId}` : sql`true`,
          ),
        );
    },
  };
}
