import { and, eq, sql, type AnyColumn } from 'drizzle-orm';
import type { AnalyticsSettings } from '../../../shared/analytics.ts';
import type { Tx } from '../../db/database.ts';
import { channelDailyStats, channels, deliveryMetricReadings, deliveryMetrics, workspaceSettings } from '../../db/schema/index.ts';
import { auditByActor } from '../audit/audit.service.ts';
import type { ServiceContext } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';

// Objection to analytics (GDPR art. 21): a workspace, or one of its channels, can turn collection
// off. Off stops the collector for it at once (it checks again before every write); the counters
// already collected stay until someone deletes them, which the same request can do.

export async function analyticsSettings(ctx: ServiceContext, workspaceId: string, instance: { intervalMinutes: number; windowDays: number }): Promise<AnalyticsSettings> {
  const [settings] = await ctx.db.select({ enabled: workspaceSettings.analyticsEnabled }).from(workspaceSettings).where(eq(workspaceSettings.workspaceId, workspaceId));
  const rows = await ctx.db
    .select({
      id: channels.id,
      network: channels.network,
      username: channels.username,
      displayName: channels.displayName,
      enabled: channels.analyticsEnabled,
      status: channels.status,
      collected: sql<number>`(select count(*)::int from ${deliveryMetrics} where ${deliveryMetrics.channelId} = ${channels.id})`,
    })
    .from(channels)
    .where(eq(channels.workspaceId, workspaceId))
    .orderBy(channels.network, channels.connectedAt);
  return {
    enabled: settings?.enabled ?? true,
    instanceEnabled: instance.intervalMinutes > 0,
    intervalMinutes: instance.intervalMinutes,
    windowDays: instance.windowDays,
    collected: rows.reduce((sum, r) => sum + Number(r.collected), 0),
    channels: rows.map((r) => ({ id: r.id, network: r.network, name: r.displayName ?? r.username ?? r.network, enabled: r.enabled, collected: Number(r.collected), status: r.status })),
  };
}

/**
 * Deletes what was collected for the workspace (or one of its channels): each post's newest
 * counters, their history and the daily channel figures. The answer's count (what the settings
 * page shows as "collected") is the posts whose counters were deleted; the audit row also counts
 * the history points and daily rows.
 */
async function deleteCollected(tx: Tx, ctx: ServiceContext, workspaceId: string, channelId: string | null): Promise<number> {
  const scoped = <T extends { workspaceId: AnyColumn; channelId: AnyColumn }>(table: T) =>
    channelId ? and(eq(table.workspaceId, workspaceId), eq(table.channelId, channelId)) : eq(table.workspaceId, workspaceId);
  const deleted = (await tx.delete(deliveryMetrics).where(scoped(deliveryMetrics)).returning({ id: deliveryMetrics.deliveryId })).length;
  const readings = (await tx.delete(deliveryMetricReadings).where(scoped(deliveryMetricReadings)).returning({ id: deliveryMetricReadings.deliveryId })).length;
  const dailyStats = (await tx.delete(channelDailyStats).where(scoped(channelDailyStats)).returning({ id: channelDailyStats.channelId })).length;
  await auditByActor(tx, ctx, { workspaceId, action: 'analytics.metrics_deleted', entityType: channelId ? 'channel' : 'workspace', entityId: channelId ?? workspaceId, changes: { deleted, readings, dailyStats } });
  return deleted;
}

export async function setWorkspaceAnalytics(ctx: ServiceContext, workspaceId: string, input: { enabled: boolean; deleteCollected?: boolean }): Promise<{ deleted: number }> {
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select({ enabled: workspaceSettings.analyticsEnabled }).from(workspaceSettings).where(eq(workspaceSettings.workspaceId, workspaceId)).for('update');
    await tx
      .insert(workspaceSettings)
      .values({ workspaceId, analyticsEnabled: input.enabled, updatedAt: new Date() })
      .onConflictDoUpdate({ target: workspaceSettings.workspaceId, set: { analyticsEnabled: input.enabled, updatedAt: new Date() } });
    if ((before?.enabled ?? true) !== input.enabled) {
      await auditByActor(tx, ctx, { workspaceId, action: input.enabled ? 'analytics.enabled' : 'analytics.disabled', entityType: 'workspace', entityId: workspaceId, changes: { enabled: input.enabled } });
    }
    return { deleted: input.deleteCollected ? await deleteCollected(tx, ctx, workspaceId, null) : 0 };
  });
}

export async function setChannelAnalytics(ctx: ServiceContext, workspaceId: string, channelId: string, input: { enabled: boolean; deleteCollected?: boolean }): Promise<{ deleted: number }> {
  return ctx.db.transaction(async (tx) => {
    const [channel] = await tx.select({ enabled: channels.analyticsEnabled }).from(channels).where(and(eq(channels.id, channelId), eq(channels.workspaceId, workspaceId))).for('update');
    if (!channel) throw notFound('channel');
    await tx.update(channels).set({ analyticsEnabled: input.enabled, updatedAt: new Date() }).where(eq(channels.id, channelId));
    if (channel.enabled !== input.enabled) {
      await auditByActor(tx, ctx, { workspaceId, action: input.enabled ? 'analytics.enabled' : 'analytics.disabled', entityType: 'channel', entityId: channelId, changes: { enabled: input.enabled } });
    }
    return { deleted: input.deleteCollected ? await deleteCollected(tx, ctx, workspaceId, channelId) : 0 };
  });
}

export async function deleteMetrics(ctx: ServiceContext, workspaceId: string, channelId: string | null): Promise<{ deleted: number }> {
  return ctx.db.transaction(async (tx) => {
    if (channelId) {
      const [channel] = await tx.select({ id: channels.id }).from(channels).where(and(eq(channels.id, channelId), eq(channels.workspaceId, workspaceId)));
      if (!channel) throw notFound('channel');
    }
    return { deleted: await deleteCollected(tx, ctx, workspaceId, channelId) };
  });
}
