import type { Logger } from 'pino';
import type { Config } from '../../config/config.ts';
import type { Db } from '../../db/database.ts';
import type { Queue } from '../../jobs/queue.ts';
import { recycleDue } from './evergreen.service.ts';

export const EVERGREEN_RECYCLE_JOB = 'posts.recycle-due';

/**
 * Every 15 minutes, the evergreen posts whose copy is due. The queue is a singleton; a copy is
 * counted in the transaction that makes it, against the count read before, so sweeps running at
 * once in several workers make each copy once.
 */
export async function startEvergreenJobs(boss: Queue, deps: { db: Db; config: Config; logger: Logger }) {
  const posts = { boss, instance: { mediaByUrl: Boolean(deps.config.mediaPublicUrl) } };
  await boss.createQueue(EVERGREEN_RECYCLE_JOB, { policy: 'singleton', retryLimit: 1, retryDelay: 60 });
  await boss.work(EVERGREEN_RECYCLE_JOB, async () => {
    const totals = await recycleDue(deps.db, { posts, logger: deps.logger });
    if (totals.recycled || totals.skipped) deps.logger.info(totals, 'evergreen posts recycled');
    return totals;
  });
  await boss.schedule(EVERGREEN_RECYCLE_JOB, '*/15 * * * *');
}
