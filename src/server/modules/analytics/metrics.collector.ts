import { and, asc, eq, exists, gte, inArray, isNotNull, isNull, lte, or, sql, type SQLWrapper } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db, Tx } from '../../db/database.ts';
import { channelDailyStats, channels, deliveries, deliveryMetricReadings, deliveryMetrics, workspaceSettings } from '../../db/schema/index.ts';
import { descriptorOf, missingFeatures, type NetworkId } from '../../../shared/networks.ts';
import type { PostMetrics, Publisher } from '../../providers/publishing.ts';
import type { ChannelDeps } from '../channels/channels.service.ts';
import { withChannelToken } from '../channel-tokens/index.ts';
import { usageLedger } from '../network-usage/network-usage.ts';
import type { Publishers } from '../publishing/engine.ts';
import { connectorNotRestricted } from '../privacy/restriction.service.ts';
import { recordFollowers, refreshChannelDailyStats } from './channel-daily-stats.ts';
import { countAnalyticsFailure, countAnalyticsReadings } from '../metrics/metrics.instruments.ts';

export const ANALYTICS_COLLECT_JOB = 'analytics.collect';

export type CollectDeps = {
  db: Db;
  channelDeps: ChannelDeps;
  publishers: Publishers;
  /** A reading older than this is read again; 0 = collection is off on this instance. */
  intervalMinutes: number;
  windowDays: number;
  logger?: Logger;
};

export type CollectResult = { channels: number; read: number; gone: number; failed: number; followers: number };

/** Deliveries read per channel per run: Mastodon allows 300 calls in 5 minutes, one per status. */
const PER_CHANNEL_LIMIT = 100;
/** Channels read at the same time. */
const COLLECT_CONCURRENCY = 8;

/**
 * Where analytics may be collected: the channel is connected and healthy, neither the workspace nor
 * the channel objected (analytics off), and the person who connected it has not paused processing.
 */
export const collectionAllowed = and(
  inArray(channels.status, ['ok', 'expiring']),
  eq(channels.analyticsEnabled, true),
  sql`coalesce((select ${workspaceSettings.analyticsEnabled} from ${workspaceSettings} where ${workspaceSettings.workspaceId} = ${channels.workspaceId}), true)`,
  connectorNotRestricted,
)!;

/**
 * Reads the counters of recently published posts from their networks, keeps the newest reading per
 * delivery and each reading as a point of its history, reads each channel's followers, and brings
 * the channel's daily rows for the days touched up to date. A channel's failure (network down, token rejected) is logged and leaves its
 * earlier readings as they were; the other channels go on.
 */
export async function collectMetrics(deps: CollectDeps, now = new Date()): Promise<CollectResult> {
  const result: CollectResult = { channels: 0, read: 0, gone: 0, failed: 0, followers: 0 };
  if (deps.intervalMinutes <= 0) return result;
  const since = new Date(now.getTime() - deps.windowDays * 86_400_000);
  const staleBefore = new Date(now.getTime() - deps.intervalMinutes * 60_000);
  const counterNetworks = Object.entries(deps.publishers)
    .filter(([, publisher]) => publisher?.readMetrics)
    .map(([network]) => network);
  const followerNetworks = Object.entries(deps.publishers)
    .filter(([network, publisher]) => readsFollowers(network, publisher))
    .map(([network]) => network);
  if (!counterNetworks.length && !followerNetworks.length) return result;

  // Only channels with a reading due, or whose followers were not read yet today (so a channel that
  // posts rarely still gets one point a day): a run with nothing due is this one query.
  const readingDue = and(
    counterNetworks.length ? inArray(channels.network, counterNetworks) : sql`false`,
    exists(deps.db.select({ one: sql`1` }).from(deliveries).leftJoin(deliveryMetrics, eq(deliveryMetrics.deliveryId, deliveries.id)).where(dueFor(channels.id, since, staleBefore))),
  );
  const followersDue = and(
    followerNetworks.length ? inArray(channels.network, followerNetworks) : sql`false`,
    sql`not exists (select 1 from ${channelDailyStats} where ${channelDailyStats.channelId} = ${channels.id} and ${channelDailyStats.followers} is not null
      and ${channelDailyStats.day} = (${now.toISOString()}::timestamptz at time zone coalesce((select ${workspaceSettings.timeZone} from ${workspaceSettings} where ${workspaceSettings.workspaceId} = ${channels.workspaceId}), 'UTC'))::date)`,
  );
  const queue = await deps.db
    .select()
    .from(channels)
    .where(and(collectionAllowed, or(readingDue, followersDue)));

  // Channels are read side by side (each one's calls one after another, as its account's rate
  // limit is per account): one at a time, 10,000 readings at 100 ms a call would outlast the job.
  const worker = async () => {
    for (let channel = queue.shift(); channel; channel = queue.shift()) await collectChannel(deps, channel, since, staleBefore, result, now);
  };
  await Promise.all(Array.from({ length: Math.min(COLLECT_CONCURRENCY, queue.length) }, worker));
  if (result.channels) deps.logger?.info(result, 'analytics counters read');
  return result;
}

/** A delivery of this channel whose counters are due: published in the window, never read or read before `staleBefore`. */
function dueFor(channelId: SQLWrapper | string, since: Date, staleBefore: Date) {
  return and(
    eq(deliveries.channelId, channelId),
    eq(deliveries.state, 'published'),
    isNotNull(deliveries.externalId),
    gte(deliveries.publishedAt, since),
    or(isNull(deliveryMetrics.fetchedAt), lte(deliveryMetrics.fetchedAt, staleBefore)),
  );
}

/** The network's publisher reads follower counts and its descriptor says the figure is one Herald shows. */
function readsFollowers(network: string, publisher: Publisher | undefined): boolean {
  return Boolean(publisher?.readAccount && descriptorOf(network)?.analytics.followers);
}

async function collectChannel(deps: CollectDeps, channel: typeof channels.$inferSelect, since: Date, staleBefore: Date, result: CollectResult, now: Date) {
  // The user did not grant the scopes counters need (TikTok video.list): asking would only be refused.
  if (missingFeatures(channel.network as NetworkId, channel.scopesGranted).includes('analytics')) return;
  const publisher = deps.publishers[channel.network as NetworkId]!;
  const due = publisher.readMetrics
    ? await deps.db
        .select({ id: deliveries.id, externalId: deliveries.externalId, day: sql<string>`(${deliveries.publishedAt} at time zone ${workspaceZone(channel.workspaceId)})::date::text` })
        .from(deliveries)
        .leftJoin(deliveryMetrics, eq(deliveryMetrics.deliveryId, deliveries.id))
        .where(dueFor(channel.id, since, staleBefore))
        .orderBy(sql`${deliveryMetrics.fetchedAt} asc nulls first`, asc(deliveries.publishedAt))
        .limit(PER_CHANNEL_LIMIT)
    : [];
  const followers = readsFollowers(channel.network, publisher);
  if (!due.length && !followers) return;
  result.channels += 1;
  const batch = publisher.metricsBatch ?? 20;
  // The channel's readings are written once, after its reads (one transaction per channel and run,
  // not one per batch): on PGlite every statement runs on Node's thread, and the per-batch
  // transaction's lock checks and commits were most of the collector's own cost.
  const read: ReadBatch[] = [];
  try {
    for (let i = 0; i < due.length; i += batch) {
      const slice = due.slice(i, i + batch);
      const readings = await withChannelToken(deps.db, deps.channelDeps, channel, (accessToken, instance) =>
        publisher.readMetrics!({ accessToken, instance, externalAccountId: channel.externalId, usage: usageLedger(deps.db, channel.network) }, slice.map((d) => d.externalId!)),
      );
      read.push({ slice, readings, at: new Date() });
      result.gone += slice.length - readings.size;
    }
  } catch (error) {
    result.failed += 1;
    countAnalyticsFailure(channel.network);
    deps.logger?.warn({ channelId: channel.id, network: channel.network, reason: error instanceof Error ? error.message : String(error) }, 'analytics: could not read counters');
  }
  let followersRead: number | null = null;
  if (followers) {
    try {
      const account = await withChannelToken(deps.db, deps.channelDeps, channel, (accessToken, instance) =>
        publisher.readAccount!({ accessToken, instance, externalAccountId: channel.externalId, usage: usageLedger(deps.db, channel.network) }),
      );
      followersRead = account.followers;
    } catch (error) {
      deps.logger?.warn({ channelId: channel.id, network: channel.network, reason: error instanceof Error ? error.message : String(error) }, 'analytics: could not read followers');
    }
  }
  if (!read.some((b) => b.readings.size) && followersRead === null) return;
  // The readings taken before a failed batch count too; the days whose posts got new counters are
  // recomputed in the same transaction.
  let stored = 0;
  const write = async (tx: Tx, workspaceId: string) => {
    stored = await storeReadings(tx, workspaceId, channel.id, read);
    if (followersRead !== null) await recordFollowers(tx, channel.id, followersRead, now);
    const daysTouched = new Set(read.flatMap((b) => b.slice.filter((d) => b.readings.has(d.externalId!)).map((d) => d.day)));
    if (daysTouched.size) await refreshChannelDailyStats(tx, channel.id, { days: [...daysTouched] });
  };
  try {
    if (!(await whileCollectionAllowed(deps.db, channel.id, write))) return;
  } catch (error) {
    result.failed += 1;
    countAnalyticsFailure(channel.network);
    deps.logger?.warn({ channelId: channel.id, network: channel.network, reason: error instanceof Error ? error.message : String(error) }, 'analytics: could not store counters');
    return;
  }
  result.read += stored;
  countAnalyticsReadings(channel.network, 'posts', stored);
  if (followersRead !== null) {
    result.followers += 1;
    countAnalyticsReadings(channel.network, 'followers', 1);
  }
}

/** One batch of a channel's due deliveries and what its network answered, at the time it answered. */
type ReadBatch = { slice: { id: string; externalId: string | null; day: string }[]; readings: Map<string, PostMetrics>; at: Date };

/** The workspace's time zone, as SQL (UTC until someone chose one). */
function workspaceZone(workspaceId: string) {
  return sql`coalesce((select ${workspaceSettings.timeZone} from ${workspaceSettings} where ${workspaceSettings.workspaceId} = ${workspaceId}), 'UTC')`;
}

/**
 * Runs `write` in a transaction only while collection is still allowed for the channel: its row and
 * its workspace's settings are locked and the rule checked again first, so an objection or a pause
 * that commits while the network was being read wins. Answers false when nothing was written.
 */
async function whileCollectionAllowed(db: Db, channelId: string, write: (tx: Tx, workspaceId: string) => Promise<unknown>): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [allowed] = await tx.select({ id: channels.id, workspaceId: channels.workspaceId }).from(channels).where(and(eq(channels.id, channelId), collectionAllowed)).for('share');
    if (!allowed) return false;
    await tx.select({ id: workspaceSettings.workspaceId }).from(workspaceSettings).where(eq(workspaceSettings.workspaceId, allowed.workspaceId)).for('share');
    await write(tx, allowed.workspaceId);
    return true;
  });
}

/**
 * Writes a channel's readings (in the transaction that checked collection is still allowed): each
 * becomes its delivery's newest reading (delivery_metrics) and a point of its history
 * (delivery_metric_readings), with the time its batch was read. Answers the number written.
 */
async function storeReadings(tx: Tx, workspaceId: string, channelId: string, read: ReadBatch[]): Promise<number> {
  const rows = read.flatMap(({ slice, readings, at }) =>
    slice.filter((d) => readings.has(d.externalId!)).map((d) => ({ deliveryId: d.id, workspaceId, channelId, ...readings.get(d.externalId!)!, fetchedAt: at })),
  );
  if (!rows.length) return 0;
  await tx
    .insert(deliveryMetrics)
    .values(rows.map((r) => ({ ...r, firstFetchedAt: r.fetchedAt })))
    .onConflictDoUpdate({
      target: deliveryMetrics.deliveryId,
      set: {
        views: sql`excluded.views`,
        likes: sql`excluded.likes`,
        comments: sql`excluded.comments`,
        shares: sql`excluded.shares`,
        reach: sql`excluded.reach`,
        extra: sql`excluded.extra`,
        fetchedAt: sql`excluded.fetched_at`,
      },
    });
  await tx
    .insert(deliveryMetricReadings)
    .values(rows.map(({ fetchedAt, ...r }) => ({ ...r, readAt: fetchedAt })))
    .onConflictDoNothing();
  return rows.length;
}
