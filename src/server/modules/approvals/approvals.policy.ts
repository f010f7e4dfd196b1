import { and, eq, inArray } from 'drizzle-orm';
import { can } from '../../../shared/permissions.ts';
import type { Db, Tx } from '../../db/database.ts';
import { channels, workspaceSettings } from '../../db/schema/index.ts';

/** The workspace's own setting: posts need approval before they are scheduled. */
export async function workspaceRequiresApproval(db: Db | Tx, workspaceId: string): Promise<boolean> {
  const [row] = await db.select({ required: workspaceSettings.approvalRequired }).from(workspaceSettings).where(eq(workspaceSettings.workspaceId, workspaceId));
  return row?.required ?? false;
}

/** A post needs approval when any of its channels does (a channel's own choice, else the workspace's). */
export async function postNeedsApproval(db: Db | Tx, workspaceId: string, channelIds: string[]): Promise<boolean> {
  if (!channelIds.length) return false;
  const workspaceDefault = await workspaceRequiresApproval(db, workspaceId);
  const rows = await db
    .select({ required: channels.approvalRequired })
    .from(channels)
    .where(and(eq(channels.workspaceId, workspaceId), inArray(channels.id, channelIds)));
  return rows.some((r) => r.required ?? workspaceDefault);
}

/**
 * What scheduling does for this person: `direct` (no approval needed), `review` (it waits for an
 * approver) or `approved` (it needs approval and they can give it, so it is approved by scheduling).
 */
export async function approvalGate(db: Db | Tx, input: { workspaceId: string; role: string; channelIds: string[] }): Promise<'direct' | 'review' | 'approved'> {
  if (!(await postNeedsApproval(db, input.workspaceId, input.channelIds))) return 'direct';
  return can(input.role, 'posts.approve') ? 'approved' : 'review';
}
