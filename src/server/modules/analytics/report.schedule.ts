import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { reportRuns, reportSchedules, workspaces } from '../../db/schema/index.ts';
import { auditByActor } from '../audit/audit.service.ts';
import type { ServiceContext } from '../shared/context.ts';
import { invalid } from '../shared/errors.ts';
import { logoUrl } from './report.service.ts';

// Who gets the monthly report by e-mail. The addresses are personal data of people outside
// Herald (the client): they are kept here only, go into no log, no webhook and no audit entry
// (the audit says how many there are).

export const MAX_REPORT_RECIPIENTS = 10;

export type ReportSchedule = {
  enabled: boolean;
  recipients: string[];
  /** The logo the report carries (set with PUT /workspaces/:id/logo), so the settings can show it. */
  logoUrl: string | null;
  /** The newest scheduled report made, or null before the first. */
  lastRun: { from: string; to: string; sentTo: number; at: string } | null;
};

export async function getReportSchedule(db: Db, workspaceId: string): Promise<ReportSchedule> {
  const [schedule] = await db.select().from(reportSchedules).where(eq(reportSchedules.workspaceId, workspaceId));
  const [workspace] = await db.select({ logo: workspaces.logo }).from(workspaces).where(eq(workspaces.id, workspaceId));
  const [run] = await db
    .select()
    .from(reportRuns)
    .where(and(eq(reportRuns.workspaceId, workspaceId), eq(reportRuns.kind, 'scheduled')))
    .orderBy(desc(reportRuns.periodStart))
    .limit(1);
  return {
    enabled: schedule?.enabled ?? false,
    recipients: schedule?.recipients ?? [],
    logoUrl: logoUrl(workspaceId, workspace?.logo ?? null),
    lastRun: run ? { from: run.periodStart, to: run.periodEnd, sentTo: run.sentTo.length, at: run.createdAt.toISOString() } : null,
  };
}

export async function setReportSchedule(ctx: ServiceContext, workspaceId: string, input: { enabled: boolean; recipients: string[] }): Promise<ReportSchedule> {
  // The same address twice would get two e-mails; case does not make it another mailbox in practice.
  const recipients = [...new Set(input.recipients.map((r) => r.trim().toLowerCase()))];
  if (input.enabled && !recipients.length) {
    throw invalid('analytics.report_recipients_required', 'Add at least one recipient to send the report every month', { field: 'recipients', reason: 'required' });
  }
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(reportSchedules).where(eq(reportSchedules.workspaceId, workspaceId)).for('update');
    const now = new Date();
    await tx
      .insert(reportSchedules)
      .values({ workspaceId, enabled: input.enabled, recipients, updatedBy: ctx.actor.userId, updatedAt: now })
      .onConflictDoUpdate({ target: reportSchedules.workspaceId, set: { enabled: input.enabled, recipients, updatedBy: ctx.actor.userId, updatedAt: now } });
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    if ((before?.enabled ?? false) !== input.enabled) changes.enabled = { from: before?.enabled ?? false, to: input.enabled };
    const beforeRecipients = before?.recipients ?? [];
    if (beforeRecipients.join('\n') !== recipients.join('\n')) changes.recipients = { from: beforeRecipients.length, to: recipients.length };
    if (Object.keys(changes).length) {
      await auditByActor(tx, ctx, { workspaceId, action: 'report_schedule.updated', entityType: 'workspace', entityId: workspaceId, changes });
    }
  });
  return getReportSchedule(ctx.db, workspaceId);
}
