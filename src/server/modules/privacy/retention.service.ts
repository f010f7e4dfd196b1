import { isNotNull, lt, or } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db, Tx } from '../../db/database.ts';
import { connectSelections, oauthStates, sessions } from '../../db/schema/index.ts';
import { purgeAccessLog } from '../access-log/access-log.retention.ts';
import { FULL_DETAIL_DAYS, sweepAnalyticsHistory } from '../analytics/analytics.history.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { purgeDisconnectedChannels } from '../channels/channels.disconnect.ts';
import { purgeExpiredExports } from './export.service.ts';
import type { MediaStorage } from '../media/media.storage.ts';
import { WEBHOOK_LOG_DAYS, purgeWebhookLog } from '../webhooks/webhooks.retention.ts';

export const RETENTION_JOB = 'privacy.retention';

export type RetentionSettings = {
  now?: Date;
  /** Where data exports' archives are kept (the media storage). */
  storage: MediaStorage;
  /** HERALD_ACCESS_LOG_DAYS. */
  accessLogDays: number;
  /** HERALD_DISCONNECTED_RETENTION_DAYS; already turned into each channel's purge date when it was disconnected, named here for the record. */
  disconnectedRetentionDays: number;
  /** HERALD_ANALYTICS_HISTORY_DAYS. */
  analyticsHistoryDays: number;
  logger?: Logger;
};

export type RetentionReport = {
  sessions: number;
  oauthStates: number;
  connectSelections: number;
  accessLog: number;
  disconnectedChannels: number;
  exports: number;
  webhookDeliveries: number;
  /** Counter readings thinned (older than a week, not the last of their day) or older than the history setting. */
  analyticsReadings: number;
  /** Channel daily rows older than the history setting. */
  analyticsDailyStats: number;
};

/**
 * The daily retention sweeps. Each one logs a line and writes one audit row with its count (also
 * when nothing was due, so the audit log shows the sweep ran); the access-log, channel and export
 * sweeps are their modules' own functions.
 */
export async function runRetentionSweeps(db: Db, settings: RetentionSettings): Promise<RetentionReport> {
  const now = settings.now ?? new Date();
  const record = async (tx: Db | Tx, sweep: keyof RetentionReport, deleted: number, details: Record<string, unknown>) => {
    await recordAudit(tx, { actorUserId: null, action: 'retention.swept', entityType: 'retention', entityId: sweep, changes: { sweep, deleted, ...details } });
    settings.logger?.info({ sweep, deleted, ...details }, 'retention sweep');
    return deleted;
  };
  // The deletion and its audit row commit together.
  const ownSweep = (sweep: keyof RetentionReport, details: Record<string, unknown>, run: (tx: Tx) => Promise<number>) =>
    db.transaction(async (tx) => record(tx, sweep, await run(tx), details));

  return {
    // Expired sessions can no longer sign anyone in; only their IP and user agent would be left.
    sessions: await ownSweep('sessions', { expiredBefore: now.toISOString() }, async (tx) => (await tx.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ id: sessions.id })).length),
    // An OAuth state is single use and lives ten minutes: once used or expired it serves nothing.
    oauthStates: await ownSweep('oauthStates', { usedOrExpiredBefore: now.toISOString() }, async (tx) =>
      (await tx.delete(oauthStates).where(or(isNotNull(oauthStates.usedAt), lt(oauthStates.expiresAt, now))).returning({ state: oauthStates.state })).length,
    ),
    // Accounts offered for picking, with their tokens, live fifteen minutes; an abandoned pick is
    // deleted here (a used or discarded one already was).
    connectSelections: await ownSweep('connectSelections', { expiredBefore: now.toISOString() }, async (tx) =>
      (await tx.delete(connectSelections).where(lt(connectSelections.expiresAt, now)).returning({ id: connectSelections.id })).length,
    ),
    // These three audit their own deletions in detail; the row here is the sweep's count.
    accessLog: await record(db, 'accessLog', await purgeAccessLog(db, { days: settings.accessLogDays, now }), { retentionDays: settings.accessLogDays }),
    disconnectedChannels: await record(db, 'disconnectedChannels', await purgeDisconnectedChannels(db, now), { retentionDays: settings.disconnectedRetentionDays }),
    // A data export's file is deleted once its link has expired; the row stays as the record.
    exports: await record(db, 'exports', await purgeExpiredExports(db, settings.storage, { now }), { expiredBefore: now.toISOString() }),
    // The webhook delivery log (request and answer of each try) is kept 30 days.
    webhookDeliveries: await ownSweep('webhookDeliveries', { retentionDays: WEBHOOK_LOG_DAYS }, (tx) => purgeWebhookLog(tx, now)),
    // The analytics history: readings thinned after a week, readings and daily rows deleted after
    // HERALD_ANALYTICS_HISTORY_DAYS; one transaction, audited as two counts.
    ...(await db.transaction(async (tx) => {
      const swept = await sweepAnalyticsHistory(tx, { historyDays: settings.analyticsHistoryDays, now });
      return {
        analyticsReadings: await record(tx, 'analyticsReadings', swept.thinned + swept.readings, { thinned: swept.thinned, expired: swept.readings, fullDetailDays: FULL_DETAIL_DAYS, retentionDays: settings.analyticsHistoryDays }),
        analyticsDailyStats: await record(tx, 'analyticsDailyStats', swept.dailyStats, { retentionDays: settings.analyticsHistoryDays }),
      };
    })),
  };
}
