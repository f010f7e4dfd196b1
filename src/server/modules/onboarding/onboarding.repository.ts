import { and, count, eq, gt, ne, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database.ts';
import { channels, invitations, members, postGroups, timeSlots, workspaceSettings } from '../../db/schema/index.ts';

export function createOnboardingRepository(db: Db | Tx) {
  const exists = async (query: Promise<{ n: number }[]>) => ((await query)[0]?.n ?? 0) > 0;
  return {
    hasChannel: (workspaceId: string) => exists(db.select({ n: count() }).from(channels).where(and(eq(channels.workspaceId, workspaceId), ne(channels.status, 'disconnected')))),
    hasPostingTimes: (workspaceId: string) =>
      exists(db.select({ n: count() }).from(timeSlots).innerJoin(channels, eq(channels.id, timeSlots.channelId)).where(and(eq(channels.workspaceId, workspaceId), ne(channels.status, 'disconnected')))),
    async hasTeam(workspaceId: string) {
      const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(members).where(eq(members.organizationId, workspaceId));
      if (n > 1) return true;
      return exists(db.select({ n: count() }).from(invitations).where(and(eq(invitations.organizationId, workspaceId), eq(invitations.status, 'pending'), gt(invitations.expiresAt, sql`now()`))));
    },
    hasPost: (workspaceId: string) => exists(db.select({ n: count() }).from(postGroups).where(eq(postGroups.workspaceId, workspaceId))),
    async dismissedAt(workspaceId: string) {
      const [row] = await db.select({ at: workspaceSettings.onboardingDismissedAt }).from(workspaceSettings).where(eq(workspaceSettings.workspaceId, workspaceId));
      return row?.at ?? null;
    },
    async dismiss(workspaceId: string, at: Date) {
      await db
        .insert(workspaceSettings)
        .values({ workspaceId, onboardingDismissedAt: at, updatedAt: at })
        .onConflictDoUpdate({ target: workspaceSettings.workspaceId, set: { onboardingDismissedAt: at, updatedAt: at } });
    },
  };
}
