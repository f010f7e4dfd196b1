import type { Logger } from 'pino';
import type { Config } from '../config/config.ts';
import type { Db } from '../db/database.ts';
import { ACCESS_LOG_PURGE_JOB, purgeAccessLog } from '../modules/access-log/access-log.retention.ts';
import type { Queue } from './queue.ts';

/** Queues every process needs to be able to send to. */
export async function createQueues(boss: Queue) {
  await boss.createQueue(ACCESS_LOG_PURGE_JOB, { policy: 'singleton', retryLimit: 3, retryDelay: 60, retryBackoff: true });
}

/** Worker side: handlers and the recurring schedules (pg-boss keeps one schedule per name across processes). */
export async function startWorkers(boss: Queue, deps: { db: Db; config: Config; logger: Logger }) {
  await boss.work(ACCESS_LOG_PURGE_JOB, async () => {
    const deleted = await purgeAccessLog(deps.db, { days: deps.config.accessLogDays });
    deps.logger.info({ deleted, retentionDays: deps.config.accessLogDays }, 'access log retention sweep');
    return { deleted };
  });
  // Daily, shortly after 03:00 UTC, when instances are usually quiet.
  await boss.schedule(ACCESS_LOG_PURGE_JOB, '17 3 * * *');
}
