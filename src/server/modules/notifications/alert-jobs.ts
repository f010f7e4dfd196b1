import type { Logger } from 'pino';
import type { Config } from '../../config/config.ts';
import type { Db } from '../../db/database.ts';
import type { Queue } from '../../jobs/queue.ts';
import type { ChannelDeps } from '../channels/channels.service.ts';
import type { Mailer } from '../mail/mailer.ts';
import { runPreflightAlerts } from '../publishing/preflight-alerts.ts';
import { sendPendingEmails } from './notification-mail.ts';

export const NOTIFICATION_MAIL_JOB = 'notifications.send-emails';
export const PREFLIGHT_ALERTS_JOB = 'posts.preflight-alerts';

/** The notification e-mail sweep (every minute) and the pre-flight check of posts due soon (every 5 minutes). */
export async function startAlertJobs(boss: Queue, deps: { db: Db; config: Config; logger: Logger; mailer: Mailer; channelDeps: ChannelDeps }) {
  for (const name of [NOTIFICATION_MAIL_JOB, PREFLIGHT_ALERTS_JOB]) {
    await boss.createQueue(name, { policy: 'singleton', retryLimit: 1, retryDelay: 30 });
  }
  const mailDeps = { mailer: deps.mailer, publicOrigin: deps.config.publicOrigin, logger: deps.logger };
  await boss.work(NOTIFICATION_MAIL_JOB, async () => {
    const outcome = await sendPendingEmails(deps.db, mailDeps);
    if (outcome.sent || outcome.failed || outcome.retry) deps.logger.info({ outcome }, 'notification e-mails');
    return outcome;
  });
  await boss.schedule(NOTIFICATION_MAIL_JOB, '* * * * *');

  await boss.work(PREFLIGHT_ALERTS_JOB, async () => {
    const outcome = await runPreflightAlerts({ db: deps.db, config: deps.config, channelDeps: deps.channelDeps, logger: deps.logger });
    if (outcome.alerted) deps.logger.info(outcome, 'pre-flight alerts');
    return outcome;
  });
  await boss.schedule(PREFLIGHT_ALERTS_JOB, '*/5 * * * *');
}
