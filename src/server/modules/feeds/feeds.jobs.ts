import type { Logger } from 'pino';
import type { Config } from '../../config/config.ts';
import type { Db } from '../../db/database.ts';
import type { Queue } from '../../jobs/queue.ts';
import path from 'node:path';
import type { MediaStorage } from '../media/media.storage.ts';
import { FEED_IMAGE_MAX_BYTES } from './feed-image.ts';
import { checkDueFeeds, type FeedDeps } from './feeds.service.ts';

export const FEEDS_CHECK_JOB = 'feeds.check-due';

/** What reading feeds needs from the configuration, shared by the routes ("Check now") and the job. */
export function feedDepsFrom(deps: { config: Config; boss: Queue; storage: MediaStorage; logger?: Logger }): FeedDeps {
  return {
    posts: { boss: deps.boss, instance: { mediaByUrl: Boolean(deps.config.mediaPublicUrl) } },
    fetch: { allowLoopback: deps.config.feedsAllowLoopback, timeoutMs: deps.config.feedFetchTimeoutSeconds * 1000 },
    // Items' pictures go where uploads go, and are never larger than an upload may be.
    image: {
      media: { storage: deps.storage, incomingDir: path.join(deps.config.dataPath, 'media', '.incoming') },
      maxBytes: Math.min(FEED_IMAGE_MAX_BYTES, deps.config.mediaMaxUploadMb * 1024 * 1024),
    },
    logger: deps.logger,
  };
}

/**
 * Every 5 minutes, the feeds whose interval has passed (15 minutes at the shortest). The queue is
 * a singleton, and claiming moves each feed's next check on, so no two sweeps read the same feed.
 */
export async function startFeedJobs(boss: Queue, deps: { db: Db; config: Config; storage: MediaStorage; logger: Logger }) {
  const feedDeps = feedDepsFrom({ ...deps, boss });
  await boss.createQueue(FEEDS_CHECK_JOB, { policy: 'singleton', retryLimit: 1, retryDelay: 60 });
  await boss.work(FEEDS_CHECK_JOB, async () => {
    const totals = await checkDueFeeds(deps.db, feedDeps);
    if (totals.checked) deps.logger.info(totals, 'feeds checked');
    return totals;
  });
  await boss.schedule(FEEDS_CHECK_JOB, '*/5 * * * *');
}
