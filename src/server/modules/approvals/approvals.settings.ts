import { and, asc, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { channels, workspaceSettings } from '../../db/schema/index.ts';
import { auditByActor } from '../audit/audit.service.ts';
import type { ServiceContext } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { workspaceRequiresApproval } from './approvals.policy.ts';

/** The workspace's approval setting and each channel's own choice (null follows the workspace). */
export async function approvalSettings(db: Db, workspaceId: string) {
  const approvalRequired = await workspaceRequiresApproval(db, workspaceId);
  const rows = await db
    .select({ id: channels.id, network: channels.network, username: channels.username, displayName: channels.displayName, approvalRequired: channels.approvalRequired })
    .from(channels)
    .where(and(eq(channels.workspaceId, workspaceId), ne(channels.status, 'disconnected')))
    .orderBy(asc(channels.connectedAt));
  return { approvalRequired, channels: rows.map((r) => ({ ...r, effective: r.approvalRequired ?? approvalRequired })) };
}

export async function setWorkspaceApproval(ctx: ServiceContext, workspaceId: string, approvalRequired: boolean) {
  await ctx.db.transaction(async (tx) => {
    const before = await workspaceRequiresApproval(tx, workspaceId);
    await tx
      .insert(workspaceSettings)
      .values({ workspaceId, approvalRequired, updatedAt: new Date() })
      .onConflictDoUpdate({ target: workspaceSettings.workspaceId, set: { approvalRequired, updatedAt: new Date() } });
    if (before !== approvalRequired) {
      await auditByActor(tx, ctx, { workspaceId, action: 'workspace.approval_changed', entityType: 'workspace', entityId: workspaceId, changes: { approvalRequired: { from: before, to: approvalRequired } } });
    }
  });
  return approvalSettings(ctx.db, workspaceId);
}

export async function setChannelApproval(ctx: ServiceContext, workspaceId: string, channelId: string, approvalRequired: boolean | null) {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select({ approvalRequired: channels.approvalRequired }).from(channels).where(and(eq(channels.workspaceId, workspaceId), eq(channels.id, channelId)));
    if (!row) throw notFound('channel');
    await tx.update(channels).set({ approvalRequired }).where(eq(channels.id, channelId));
    await auditByActor(tx, ctx, { workspaceId, action: 'channel.approval_changed', entityType: 'channel', entityId: channelId, changes: { approvalRequired: { from: row.approvalRequired, to: approvalRequired } } });
  });
  return approvalSettings(ctx.db, workspaceId);
}
