import { sql } from 'drizzle-orm';
import { fromDrizzle } from 'pg-boss';
import { networkIds, type NetworkId } from '../../../shared/networks.ts';
import type { Db, Tx } from '../../db/database.ts';
import type { Queue } from '../../jobs/queue.ts';

// pg-boss jobs only wake a delivery up; its row decides what happens. A wake-up that finds
// nothing to do (moved, cancelled, already done) is simply dropped.

export const publishQueue = (network: NetworkId) => `publish.${network}`;
/** Processing polls (TikTok status, Mastodon media) and checks of unconfirmed deliveries. */
export const CHECK_STATUS_QUEUE = 'check-status';
export const publishingQueues = [...networkIds.map(publishQueue), CHECK_STATUS_QUEUE];

/**
 * The channel every publishing worker LISTENs on. A wake-up's transaction NOTIFYs it, so each
 * worker re-reads when the next job is due (its timer may be set for later); the payload is empty.
 */
export const PUBLISH_NOTIFY_CHANNEL = 'herald_publish';

/**
 * Wake-up jobs become due this long before the delivery's time: the fetch, the claim and the media
 * lookup happen ahead, and the engine waits for the moment itself before calling the network
 * (engine.ts), so the time a worker needs to get going is not added to every post's lateness.
 */
export const WAKE_LEAD_MS = 200;
const jobStartOf = (wake: WakeUp) => new Date(wake.at.getTime() - WAKE_LEAD_MS);

export type WakeUp = { deliveryId: string; network: string; at: Date; check?: boolean };

const queueOf = (wake: WakeUp) => (wake.check ? CHECK_STATUS_QUEUE : publishQueue(wake.network as NetworkId));

export async function createPublishingQueues(boss: Queue) {
  for (const name of publishingQueues) {
    // Retries are the engine's business (backoff, Retry-After, unconfirmed checks), not pg-boss's.
    await boss.createQueue(name, { policy: 'standard', retryLimit: 0, expireInSeconds: 15 * 60, deleteAfterSeconds: 24 * 60 * 60 });
  }
}

/**
 * Sends the wake-up and remembers its id on the delivery, replacing (cancelling) the one it had.
 * Pass the transaction that changes the delivery, so both commit or neither does.
 */
export async function scheduleWakeUp(tx: Db | Tx, boss: Queue, wake: WakeUp, previousJobId?: string | null) {
  const db = fromDrizzle(tx as never, sql as never);
  if (previousJobId) await boss.cancel(queueOf(wake), previousJobId, { db }).catch(() => undefined);
  const id = await boss.send(queueOf(wake), { deliveryId: wake.deliveryId }, { startAfter: jobStartOf(wake), db });
  await tx.execute(sql`update deliveries set wake_job_id = ${id} where id = ${wake.deliveryId}`);
  // Delivered on commit, and not at all on rollback, as the job itself.
  await tx.execute(sql`select pg_notify(${PUBLISH_NOTIFY_CHANNEL}, '')`);
  return id;
}

/** Removes a delivery's pending wake-up (cancel, delete, back to draft). */
export async function cancelWakeUp(tx: Db | Tx, boss: Queue, network: string, jobId: string | null | undefined) {
  if (!jobId) return;
  const db = fromDrizzle(tx as never, sql as never);
  await boss.cancel(publishQueue(network as NetworkId), jobId, { db }).catch(() => undefined);
  await boss.cancel(CHECK_STATUS_QUEUE, jobId, { db }).catch(() => undefined);
}

/** Many wake-ups at once (reconcile, bursts): one insert per queue, outside any transaction. */
export async function wakeMany(boss: Queue, wakes: WakeUp[]) {
  if (!wakes.length) return;
  const byQueue = new Map<string, WakeUp[]>();
  for (const wake of wakes) byQueue.set(queueOf(wake), [...(byQueue.get(queueOf(wake)) ?? []), wake]);
  for (const [queue, list] of byQueue) {
    for (let i = 0; i < list.length; i += 500) {
      await boss.insert(queue, list.slice(i, i + 500).map((wake) => ({ data: { deliveryId: wake.deliveryId }, startAfter: jobStartOf(wake) })));
    }
  }
  await notifyPublishWorkers(boss);
}

/** Tells every publishing worker to look again (after jobs were added outside a transaction of ours). */
export async function notifyPublishWorkers(boss: Queue) {
  await boss.getDb().executeSql(`select pg_notify('${PUBLISH_NOTIFY_CHANNEL}', '')`);
}

/**
 * Per queue, milliseconds until its earliest job that pg-boss would fetch becomes due (negative
 * when one is due already); queues with no job waiting are left out. Computed in the database with
 * pg-boss's own clock and fetch condition (`state < 'active' and not blocked and start_after <=
 * job_now()`), so a timer set from it cannot disagree with the fetch it triggers. One index probe
 * per queue and state (pg-boss's job_i14: name, state, blocked, start_after).
 */
export async function msUntilNextJob(boss: Queue, queues: string[]): Promise<Map<string, number>> {
  const waits = new Map<string, number>();
  if (!queues.length) return waits;
  const { rows } = await boss.getDb().executeSql(
    `select q.name, extract(epoch from (min(n.start_after) - pgboss.job_now())) * 1000 as wait_ms
     from unnest($1::text[]) as q(name)
     cross join unnest(array['created', 'retry']::pgboss.job_state[]) as s(state)
     cross join lateral (
       select j.start_after from pgboss.job j
       where j.name = q.name and j.state = s.state and not j.blocked
       order by j.start_after limit 1
     ) n
     group by q.name`,
    [queues],
  );
  for (const row of rows as { name: string; wait_ms: string | number }[]) waits.set(row.name, Number(row.wait_ms));
  return waits;
}
