import crypto from 'node:crypto';
import { and, count, eq, gte, sql, sum } from 'drizzle-orm';
import { rowsOf, type Database, type Db } from '../../db/database.ts';
import { channels, deliveries, media } from '../../db/schema/index.ts';
import type { Queue } from '../../jobs/queue.ts';
import type { MediaStorage } from '../media/media.storage.ts';

// The instance's health as /metrics, /readyz and the operator's admin page read it: each question
// is answered here once, so the three can never disagree about what "failing" or "depth" means.

/** Deliveries per (network, state): one grouped query, cheap enough for every scrape. */
export async function deliveryCounts(db: Db): Promise<{ network: string; state: string; count: number }[]> {
  return db.select({ network: deliveries.network, state: deliveries.state, count: count() }).from(deliveries).groupBy(deliveries.network, deliveries.state);
}

export type QueueDepth = { queue: string; waiting: number; active: number; deferred: number; failed: number };

/**
 * Jobs per pg-boss queue: `waiting` are ready to run now, `deferred` wait for their time (a post's
 * wake-up), `active` are running. pg-boss keeps these counts on its queue rows (its monitor, run by
 * worker processes, refreshes them), so reading them costs one small query whatever the backlog.
 */
export async function queueDepth(boss: Queue): Promise<QueueDepth[]> {
  const queues = await boss.getQueues();
  return queues
    .map((q) => ({ queue: q.name, waiting: q.readyCount, active: q.activeCount, deferred: q.deferredCount, failed: q.failedCount }))
    .sort((a, b) => a.queue.localeCompare(b.queue));
}

// Probe keys live in their own folder; a probe left behind by a crash is a few bytes, overwritten never (random names).
const PROBE_PREFIX = '_health';

/** Writes a few bytes through the storage interface, reads their size back and deletes them; throws when any step fails. */
export async function probeStorage(storage: MediaStorage): Promise<void> {
  const key = `${PROBE_PREFIX}/probe-${crypto.randomUUID()}`;
  const bytes = Buffer.from('herald readiness probe');
  try {
    await storage.put(key, bytes);
    if ((await storage.size(key)) !== bytes.length) throw new Error('the storage kept a different size');
  } finally {
    await storage.delete(key);
  }
}

export type ReadinessPart = { ok: boolean; reason?: string };
export type Readiness = {
  ready: boolean;
  database: ReadinessPart & { kind: Database['kind'] };
  queue: ReadinessPart & { waiting?: number; active?: number };
  storage: ReadinessPart;
};

/** A part that takes longer than this is reported not ready: /readyz must answer quickly even when a part hangs. */
const PART_TIMEOUT_MS = 5_000;

function withinTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${PART_TIMEOUT_MS / 1000} s`)), PART_TIMEOUT_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Whether this process can do its work: the database answers with every migration applied, the job
 * queue answers (with its depth), and the media storage takes a write. The parts are checked side by
 * side; reasons are short fixed phrases, never a driver's message (which may carry a host or a user).
 */
export async function checkReadiness(deps: { database: Database; boss: Queue; storage: MediaStorage }): Promise<Readiness> {
  const [database, queue, storage] = await Promise.all([
    withinTimeout(
      (async (): Promise<ReadinessPart> => {
        await deps.database.db.execute(sql`select 1`);
        return (await deps.database.migrationsApplied()) ? { ok: true } : { ok: false, reason: 'migrations pending' };
      })(),
      'the database',
    ).catch((): ReadinessPart => ({ ok: false, reason: 'database unreachable' })),
    withinTimeout(queueDepth(deps.boss), 'the job queue').then(
      (depth) => ({ ok: true, waiting: depth.reduce((n, q) => n + q.waiting, 0), active: depth.reduce((n, q) => n + q.active, 0) }),
      (): ReadinessPart => ({ ok: false, reason: 'job queue unreachable' }),
    ),
    withinTimeout(probeStorage(deps.storage), 'the media storage').then(
      (): ReadinessPart => ({ ok: true }),
      (): ReadinessPart => ({ ok: false, reason: 'media storage not writable' }),
    ),
  ]);
  return { ready: database.ok && queue.ok && storage.ok, database: { ...database, kind: deps.database.kind }, queue, storage };
}

export type FailingNetwork = { network: string; failedDeliveries: number; channelsNeedingReconnect: number };

/**
 * Per network: deliveries that failed since `since` and channels that need reconnecting now (their
 * status changed to needs_reauth since `since`, or earlier and still is), worst first. Networks
 * with neither are left out.
 */
export async function failingNetworks(db: Db, since: Date): Promise<FailingNetwork[]> {
  const [failed, reconnect] = await Promise.all([
    db
      .select({ network: deliveries.network, n: count() })
      .from(deliveries)
      .where(and(eq(deliveries.state, 'failed'), gte(deliveries.updatedAt, since)))
      .groupBy(deliveries.network),
    db.select({ network: channels.network, n: count() }).from(channels).where(eq(channels.status, 'needs_reauth')).groupBy(channels.network),
  ]);
  const byNetwork = new Map<string, FailingNetwork>();
  const entry = (network: string) => byNetwork.get(network) ?? byNetwork.set(network, { network, failedDeliveries: 0, channelsNeedingReconnect: 0 }).get(network)!;
  for (const row of failed) entry(row.network).failedDeliveries = row.n;
  for (const row of reconnect) entry(row.network).channelsNeedingReconnect = row.n;
  return [...byNetwork.values()].sort((a, b) => b.failedDeliveries + b.channelsNeedingReconnect - (a.failedDeliveries + a.channelsNeedingReconnect) || a.network.localeCompare(b.network));
}

/**
 * Bytes in use: the media files stored (as recorded at upload, for files not deleted since) and
 * the database, when the engine can tell (null otherwise).
 */
export async function storageUsed(db: Db): Promise<{ mediaBytes: number; mediaFiles: number; databaseBytes: number | null }> {
  const [[files], databaseBytes] = await Promise.all([
    db.select({ bytes: sum(media.size), files: count() }).from(media).where(eq(media.status, 'ready')),
    db
      .execute(sql`select pg_database_size(current_database())::bigint as bytes`)
      .then((result) => Number(rowsOf<{ bytes: string | number }>(result)[0]?.bytes ?? NaN))
      .then((bytes) => (Number.isFinite(bytes) ? bytes : null))
      .catch(() => null),
  ]);
  return { mediaBytes: Number(files?.bytes ?? 0), mediaFiles: files?.files ?? 0, databaseBytes };
}
