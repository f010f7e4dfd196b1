import { eq } from 'drizzle-orm';
import { workspaceSettings } from '../../db/schema/index.ts';
import { auditByActor } from '../audit/audit.service.ts';
import type { ServiceContext } from '../shared/context.ts';
import { PREFLIGHT_DEFAULT_MINUTES } from './preflight-alerts.ts';

/** How long before a scheduled post the pre-flight check warns (0: off). */
export async function getPreflightSettings(ctx: ServiceContext, workspaceId: string): Promise<{ preflightMinutes: number }> {
  const [row] = await ctx.db.select({ minutes: workspaceSettings.preflightMinutes }).from(workspaceSettings).where(eq(workspaceSettings.workspaceId, workspaceId));
  return { preflightMinutes: row?.minutes ?? PREFLIGHT_DEFAULT_MINUTES };
}

export async function setPreflightSettings(ctx: ServiceContext, workspaceId: string, input: { preflightMinutes: number }): Promise<{ preflightMinutes: number }> {
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select({ minutes: workspaceSettings.preflightMinutes }).from(workspaceSettings).where(eq(workspaceSettings.workspaceId, workspaceId)).for('update');
    const now = new Date();
    await tx
      .insert(workspaceSettings)
      .values({ workspaceId, preflightMinutes: input.preflightMinutes, updatedAt: now })
      .onConflictDoUpdate({ target: workspaceSettings.workspaceId, set: { preflightMinutes: input.preflightMinutes, updatedAt: now } });
    const from = before?.minutes ?? PREFLIGHT_DEFAULT_MINUTES;
    if (from !== input.preflightMinutes) {
      await auditByActor(tx, ctx, { workspaceId, action: 'workspace.preflight_changed', entityType: 'workspace', entityId: workspaceId, changes: { preflightMinutes: { from, to: input.preflightMinutes } } });
    }
    return { preflightMinutes: input.preflightMinutes };
  });
}
