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
  const id = await boss.send(queueOf(wake), { deliveryId: wake.deliveryId }, { startAfter: wake.at, db });
  await tx.execute(sql`update deliveries set wake_job_id = ${id} where id = ${wake.deliveryId}`);
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
  const byQueue = new Map<string, WakeUp[]>();
  for (const wake of wakes) byQueue.set(queueOf(wake), [...(byQueue.get(queueOf(wake)) ?? []), wake]);
  for (const [queue, list] of byQueue) {
    for (let i = 0; i < list.length; i += 500) {
      await boss.insert(queue, list.slice(i, i + 500).map((wake) => ({ data: { deliveryId: wake.deliveryId }, startAfter: wake.at })));
    }
  }
}
