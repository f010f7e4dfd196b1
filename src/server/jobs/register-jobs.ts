import type { Logger } from 'pino';
import type { Config } from '../config/config.ts';
import type { Db } from '../db/database.ts';
import type { Queue } from './queue.ts';
import type { Providers } from '../../networks/server.ts';
import type { SecretBox } from '../security/secret-box.ts';
import { channelsDueForRefresh, refreshDueBefore } from '../modules/channels/channels.service.ts';
import { retryPendingRevokes } from '../modules/channels/channels.disconnect.ts';
import { noticeAccessEnding, refreshChannel } from '../modules/channel-tokens/index.ts';
import type { MediaStorage } from '../modules/media/media.storage.ts';
import { purgePublishedMedia } from '../modules/media/media.service.ts';
import { EXPORT_JOB, buildExport } from '../modules/privacy/export.service.ts';
import { ANALYTICS_COLLECT_JOB, collectionAllowed, collectMetrics } from '../modules/analytics/metrics.collector.ts';
import { backfillChannelDailyStats, historyHorizonDay } from '../modules/analytics/channel-daily-stats.ts';
import { dashboardFigures } from '../modules/analytics/analytics.dashboard.ts';
import { startReportJobs } from '../modules/analytics/report.jobs.ts';
import type { Publishers } from '../modules/publishing/engine.ts';
import { ACCOUNT_DELETE_DUE_JOB, deleteDueAccounts } from '../modules/privacy/account-deletion.service.ts';
import { RETENTION_JOB, runRetentionSweeps } from '../modules/privacy/retention.service.ts';
import type { Mailer } from '../modules/mail/mailer.ts';
import { startAlertJobs } from '../modules/notifications/alert-jobs.ts';
import { REVIEW_OVERDUE_JOB, flagOverdueReviews } from '../modules/approvals/approvals.overdue.ts';
import { startWebhookJobs } from '../modules/webhooks/webhooks.jobs.ts';
import { startFeedJobs } from '../modules/feeds/feeds.jobs.ts';
import { startEvergreenJobs } from '../modules/evergreen/evergreen.jobs.ts';

export const CHANNELS_REFRESH_JOB = 'channels.refresh-due';
export const CHANNELS_REVOKE_RETRY_JOB = 'channels.revoke-retry';
export const MEDIA_PURGE_JOB = 'media.purge-published';
/** Jobs earlier versions scheduled on their own, now part of privacy.retention. */
const RETIRED_JOBS = ['access-log.purge', 'channels.purge-disconnected', 'privacy.export-purge'];

/** Queues every process needs to be able to send to. */
export async function createQueues(boss: Queue) {
  for (const name of [CHANNELS_REFRESH_JOB, CHANNELS_REVOKE_RETRY_JOB, MEDIA_PURGE_JOB, RETENTION_JOB, ANALYTICS_COLLECT_JOB, REVIEW_OVERDUE_JOB]) {
    await boss.createQueue(name, { policy: 'singleton', retryLimit: 3, retryDelay: 60, retryBackoff: true });
  }
  // One job per export; a failed build marks its export failed and the user asks again.
  await boss.createQueue(EXPORT_JOB, { policy: 'standard', retryLimit: 0, expireInSeconds: 60 * 60 });
}

/** Worker side: handlers and the recurring schedules (pg-boss keeps one schedule per name across processes). */
export async function startWorkers(boss: Queue, deps: { db: Db; config: Config; logger: Logger; providers: Providers; box: SecretBox; storage: MediaStorage; publishers: Publishers; mailer: Mailer }) {
  const channelDeps = { providers: deps.providers, box: deps.box, publicOrigin: deps.config.publicOrigin, retentionDays: deps.config.disconnectedRetentionDays };
  // The daily retention sweeps (access log, disconnected channels, expired exports, sessions,
  // OAuth states) run as one job, privacy.retention. Earlier versions scheduled three of them
  // separately; their schedules are removed so existing instances do not queue jobs nobody takes.
  for (const retired of RETIRED_JOBS) await boss.unschedule(retired).catch(() => undefined);

  await boss.work(CHANNELS_REFRESH_JOB, async () => {
    const outcomes: Record<string, number> = {};
    for (const id of await channelsDueForRefresh(deps.db)) {
      // Another process (or a request that found the token expired) may have refreshed it meanwhile.
      const outcome = await refreshChannel(deps.db, channelDeps, id, { dueBefore: refreshDueBefore() });
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    }
    // Grants that end on a date no refresh moves (LinkedIn without a refresh token, a Google app in
    // Testing): a week's notice to the people who can reconnect them.
    const accessEnding = await noticeAccessEnding(deps.db, channelDeps);
    if (accessEnding) outcomes.accessEnding = accessEnding;
    if (Object.keys(outcomes).length) deps.logger.info({ outcomes }, 'channel token refresh');
    return outcomes;
  });
  await boss.schedule(CHANNELS_REFRESH_JOB, '*/5 * * * *');

  await boss.work(CHANNELS_REVOKE_RETRY_JOB, async () => {
    const revoked = await retryPendingRevokes(deps.db, channelDeps);
    if (revoked) deps.logger.info({ revoked }, 'pending revocations done');
    return { revoked };
  });
  await boss.schedule(CHANNELS_REVOKE_RETRY_JOB, '*/15 * * * *');

  // Uploaded media is kept only until every delivery that uses it is published (or its post is deleted).
  await boss.work(MEDIA_PURGE_JOB, async () => {
    const purged = await purgePublishedMedia(deps.db, deps.storage, { deleteAfterPublish: deps.config.mediaDeleteAfterPublish });
    if (purged) deps.logger.info({ purged }, 'published media deleted');
    return { purged };
  });
  await boss.schedule(MEDIA_PURGE_JOB, '*/10 * * * *');

  // Posts whose time passed while waiting for review: told once to their author and the approvers.
  await boss.work(REVIEW_OVERDUE_JOB, async () => ({ flagged: await flagOverdueReviews(deps.db) }));
  await boss.schedule(REVIEW_OVERDUE_JOB, '*/5 * * * *');

  const exportDeps = { db: deps.db, storage: deps.storage, dataPath: deps.config.dataPath, retentionHours: deps.config.exportRetentionHours };
  await boss.work<{ exportId: string }>(EXPORT_JOB, async ([job]) => {
    const built = await buildExport(exportDeps, job!.data.exportId);
    if (built) deps.logger.info({ exportId: built.id, size: built.size }, 'data export ready');
    return { ready: !!built };
  });
  await boss.work(RETENTION_JOB, async () =>
    runRetentionSweeps(deps.db, { storage: deps.storage, accessLogDays: deps.config.accessLogDays, disconnectedRetentionDays: deps.config.disconnectedRetentionDays, analyticsHistoryDays: deps.config.analyticsHistoryDays, logger: deps.logger }),
  );
  // Daily, shortly before 04:00 UTC, when instances are usually quiet.
  await boss.schedule(RETENTION_JOB, '57 3 * * *');

  await boss.createQueue(ACCOUNT_DELETE_DUE_JOB, { policy: 'singleton', retryLimit: 3, retryDelay: 60, retryBackoff: true });
  await boss.work(ACCOUNT_DELETE_DUE_JOB, async () => {
    const outcome = await deleteDueAccounts(deps.db, { channelDeps, storage: deps.storage, graceDays: deps.config.accountDeletionGraceDays });
    if (outcome.deleted || outcome.cancelled) deps.logger.info(outcome, 'account deletions after their grace period');
    return outcome;
  });
  await boss.schedule(ACCOUNT_DELETE_DUE_JOB, '7 4 * * *');

  // The collector reads the counters whose last reading is older than
  // HERALD_ANALYTICS_INTERVAL_MINUTES, looking every quarter of an hour (or more often for a
  // shorter interval); 0 turns collection off for the instance.
  const interval = deps.config.analyticsIntervalMinutes;
  if (interval > 0) {
    const collectDeps = { db: deps.db, channelDeps, publishers: deps.publishers, intervalMinutes: interval, windowDays: deps.config.analyticsWindowDays, logger: deps.logger };
    // A process's first run first fills the daily rows of channels that have none (counters
    // collected before the daily statistics existed); afterwards that check finds nothing and stops.
    let backfilled = false;
    await boss.work(ANALYTICS_COLLECT_JOB, async () => {
      if (!backfilled) {
        backfilled = true;
        const filled = await backfillChannelDailyStats(deps.db, collectionAllowed, historyHorizonDay(new Date(), deps.config.analyticsHistoryDays));
        if (filled.channels) deps.logger.info(filled, 'analytics: daily statistics filled from earlier counters');
      }
      return collectMetrics(collectDeps);
    });
    await boss.schedule(ANALYTICS_COLLECT_JOB, `*/${Math.min(15, interval)} * * * *`);
  } else {
    await boss.unschedule(ANALYTICS_COLLECT_JOB).catch(() => undefined);
  }

  // Notification e-mails (every minute) and pre-flight alerts (every 5 minutes).
  await startAlertJobs(boss, { ...deps, channelDeps });
  // Webhook deliveries: sent when their event commits (LISTEN), retried on schedule, swept every minute.
  await startWebhookJobs(boss, deps);
  // RSS, Atom and JSON feeds whose interval has passed: every 5 minutes.
  await startFeedJobs(boss, deps);
  // Evergreen posts whose next copy is due: every 15 minutes.
  await startEvergreenJobs(boss, deps);
  // Client reports: hourly, each workspace's last month on the 1st in its zone (once: report_runs).
  await startReportJobs(boss, { db: deps.db, figures: dashboardFigures, mailer: deps.mailer, publicOrigin: deps.config.publicOrigin, logger: deps.logger });
}
