import type { Logger } from 'pino';
import type { Config } from '../../config/config.ts';
import type { Db } from '../../db/database.ts';
import type { Queue } from '../../jobs/queue.ts';
import { checkDueFeeds, type FeedDeps } from './feeds.service.ts';

export const FEEDS_CHECK_JOB = 'feeds.check-due';

/** What reading feeds needs from the configuration, shared by the routes ("Check now") and the job. */
export function feedDepsFrom(deps: { config: Config; boss: Queue; logger?: Logger }): FeedDeps {
  return {
    posts: { boss: deps.boss, instance: { mediaByUrl: Boolean(deps.config.mediaPublicUrl) } },
    fetch: { allowLoopback: deps.config.feedsAllowLoopback, timeoutMs: deps.config.feedFetchTimeoutSeconds * 1000 },
    logger: deps.logger,
  };
}

/**
 * Every 5 minutes, the feeds whose interval has passed (15 minutes at the shortest). The queue is
 * a singleton, and claiming moves each feed's next check on, so no two sweeps read the same feed.
 */
export async function startFeedJobs(boss: Queue, deps: { db: Db; config: Config; logger: Logger }) {
  const feedDeps = feedDepsFrom({ ...deps, boss });
  await boss.createQueue(FEEDS_CHECK_JOB, { policy: 'singleton', retryLimit: 1, retryDelay: 60 });
  await boss.work(FEEDS_CHECK_JOB, async () => {
    const totals = await checkDueFeeds(deps.db, feedDeps);
    if (totals.checked) deps.logger.info(totals, 'feeds checked');
    return totals;
  });
  await boss.schedule(FEEDS_CHECK_JOB, '*/5 * * * *');
}
