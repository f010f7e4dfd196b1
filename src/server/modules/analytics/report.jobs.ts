import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { DayRange } from '../../../shared/analytics.ts';
import { formatPeriod } from '../../../shared/analytics-report.ts';
import { pickLanguage, translator } from '../../i18n/i18n.ts';
import type { Db } from '../../db/database.ts';
import { reportRuns, reportSchedules, users, workspaces, workspaceSettings } from '../../db/schema/index.ts';
import type { Queue } from '../../jobs/queue.ts';
import type { Mailer } from '../mail/mailer.ts';
import { emitWebhookEvent } from '../webhooks/webhooks.emit.ts';
import type { DashboardFigures } from './dashboard.contract.ts';
import { renderReportPdf } from './report.pdf.ts';
import { intlLocale } from '../../i18n/intl-locale.ts';
import { buildReport, localDay, previousMonth, reportFileName } from './report.service.ts';

export { localDay, previousMonth };

export const ANALYTICS_REPORT_JOB = 'analytics.monthly-report';

/**
 * The report goes out on the 1st in the workspace's zone. Up to the 3rd, a month whose report was
 * not made yet (the instance was down on the 1st, or no e-mail could be sent) is still sent; later
 * it would be news nobody expects, and a schedule turned on mid-month waits for the next 1st.
 */
const CATCH_UP_DAYS = 3;

export type ReportJobDeps = { db: Db; figures: DashboardFigures; mailer: Mailer; publicOrigin: string; logger?: Logger };
export type ReportJobResult = { sent: number; failed: number };

/**
 * Makes and e-mails last month's report for every workspace whose schedule is on and whose 1st
 * has begun. A month is sent once: the report_runs row is taken (its primary key) before any
 * e-mail goes out, so a second run or a second worker finds it and stops. Workspaces that objected
 * to analytics, and schedules set by someone who paused the processing of their data, are skipped.
 */
export async function sendScheduledReports(deps: ReportJobDeps, now = new Date()): Promise<ReportJobResult> {
  const result: ReportJobResult = { sent: 0, failed: 0 };
  const due = await deps.db
    .select({
      workspaceId: reportSchedules.workspaceId,
      recipients: reportSchedules.recipients,
      name: workspaces.name,
      slug: workspaces.slug,
      logo: workspaces.logo,
      language: workspaces.language,
      timeZone: sql<string>`coalesce(${workspaceSettings.timeZone}, 'UTC')`,
    })
    .from(reportSchedules)
    .innerJoin(workspaces, eq(workspaces.id, reportSchedules.workspaceId))
    .leftJoin(workspaceSettings, eq(workspaceSettings.workspaceId, reportSchedules.workspaceId))
    .leftJoin(users, eq(users.id, reportSchedules.updatedBy))
    .where(and(eq(reportSchedules.enabled, true), sql`coalesce(${workspaceSettings.analyticsEnabled}, true)`, isNull(users.processingRestrictedAt)));

  for (const schedule of due) {
    if (!schedule.recipients.length) continue;
    const today = localDay(now, schedule.timeZone);
    if (Number(today.slice(8, 10)) > CATCH_UP_DAYS) continue;
    const period = previousMonth(today);
    const key = and(eq(reportRuns.workspaceId, schedule.workspaceId), eq(reportRuns.kind, 'scheduled'), eq(reportRuns.periodStart, period.from));
    // Cheap check first, so the report is not built for a month already sent; the insert below is what decides.
    if ((await deps.db.select({ one: sql`1` }).from(reportRuns).where(key)).length) continue;
    try {
      if (await sendOne(deps, schedule, period, key, now)) result.sent++;
    } catch (error) {
      result.failed++;
      deps.logger?.error({ error: withoutAddresses(error), workspaceId: schedule.workspaceId, period }, 'monthly analytics report not sent');
    }
  }
  if (result.sent || result.failed) deps.logger?.info(result, 'monthly analytics reports');
  return result;
}

/**
 * What the log keeps of a failure: a mail server's answer often quotes the recipient ("550 no such
 * user: client@…"), and the recipients are the client's people, not the operator's business.
 */
function withoutAddresses(error: unknown): { message: string; code?: string } {
  const e = error as { message?: string; code?: string };
  return { message: String(e?.message ?? error).replace(/[^\s<>"',;:]+@[^\s<>"',;]+/g, '<address>'), ...(e?.code ? { code: e.code } : {}) };
}

type DueSchedule = { workspaceId: string; recipients: string[]; name: string; slug: string; logo: string | null; language: string };

async function sendOne(deps: ReportJobDeps, schedule: DueSchedule, period: DayRange, key: ReturnType<typeof and>, now: Date): Promise<boolean> {
  // The recipients are the workspace's clients: the e-mail and the report are in the language set for them.
  const language = pickLanguage(schedule.language);
  const report = await buildReport(deps, schedule.workspaceId, period, now);
  const pdf = await renderReportPdf(report, schedule.logo, { language });

  const claimed = await deps.db.insert(reportRuns).values({ workspaceId: schedule.workspaceId, periodStart: period.from, periodEnd: period.to, kind: 'scheduled' }).onConflictDoNothing().returning();
  if (!claimed.length) return false;

  const t = translator(language, 'mail');
  const locale = intlLocale(language);
  const periodText = formatPeriod(period.from, period.to, locale);
  const month = new Date(`${period.from}T12:00:00Z`).toLocaleDateString(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const sentTo: string[] = [];
  let failure: unknown = null;
  // One e-mail per recipient, so clients do not see each other's addresses.
  for (const to of schedule.recipients) {
    try {
      await deps.mailer.send({
        to,
        subject: t('report.subject', { workspace: schedule.name, month }),
        text: t('report.text', { workspace: schedule.name, period: periodText }),
        attachments: [{ filename: reportFileName(schedule.slug, period), content: pdf, contentType: 'application/pdf' }],
      });
      sentTo.push(to);
    } catch (error) {
      failure = error;
    }
  }
  if (!sentTo.length) {
    // Nobody got it (the mail server is down): the month is given back, so the next run tries again.
    await deps.db.delete(reportRuns).where(key);
    throw failure;
  }
  await deps.db.transaction(async (tx) => {
    await tx.update(reportRuns).set({ sentTo }).where(key);
    const query = `from=${period.from}&to=${period.to}`;
    await emitWebhookEvent(tx, {
      workspaceId: schedule.workspaceId,
      type: 'analytics.report_ready',
      data: {
        report: {
          kind: 'scheduled',
          period,
          url: `${deps.publicOrigin}/w/${schedule.workspaceId}/analytics/report?${query}`,
          pdfUrl: `${deps.publicOrigin}/api/v1/workspaces/${schedule.workspaceId}/analytics/report.pdf?${query}`,
          recipients: sentTo.length,
        },
        workspace: { id: schedule.workspaceId, name: schedule.name },
      },
    });
  });
  // Some recipients got it and some did not: sending again would repeat it for the others, so the month stays sent and the failure is logged.
  if (failure) deps.logger?.error({ error: withoutAddresses(failure), workspaceId: schedule.workspaceId, period, sent: sentTo.length, of: schedule.recipients.length }, 'monthly analytics report not sent to every recipient');
  return true;
}

/** Worker side: one run an hour finds the workspaces whose 1st has begun (time zones differ by up to 26 hours). */
export async function startReportJobs(boss: Queue, deps: ReportJobDeps) {
  await boss.createQueue(ANALYTICS_REPORT_JOB, { policy: 'singleton', retryLimit: 2, retryDelay: 300, retryBackoff: true });
  await boss.work(ANALYTICS_REPORT_JOB, async () => sendScheduledReports(deps));
  await boss.schedule(ANALYTICS_REPORT_JOB, '7 * * * *');
}
