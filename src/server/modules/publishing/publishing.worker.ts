import { networkIds } from '../../../shared/networks.ts';
import type { Queue } from '../../jobs/queue.ts';
import { reconcile, runDelivery, type EngineDeps } from './engine.ts';
import { oneProcessSlots, type NetworkSlots } from './network-slots.ts';
import { CHECK_STATUS_QUEUE, publishQueue } from './wake-ups.ts';

type WakeJob = { data: { deliveryId: string } };

/**
 * The worker side of publishing: one queue per network, so each network gets its own
 * concurrency, a queue for status checks, and the reconcile pass on a timer. Answers a stop
 * function for shutdown.
 */
export async function startPublishingWorkers(
  boss: Queue,
  deps: EngineDeps,
  options: { concurrency: number; pollSeconds: number; reconcileSeconds: number; slots?: NetworkSlots },
) {
  const handle = async (jobs: WakeJob[]) => {
    await Promise.all(jobs.map((job) => runDelivery(deps, job.data.deliveryId)));
  };
  // The network-wide limit, across every worker process (network-slots.ts).
  const slots = options.slots ?? oneProcessSlots;
  const handleNetwork = (network: string) => async (jobs: WakeJob[]) => {
    await Promise.all(jobs.map((job) => slots.run(network, () => runDelivery(deps, job.data.deliveryId))));
  };
  // pg-boss waits a polling interval after every fetch unless the fetch came back full: batches of
  // two (run side by side) let a worker keep fetching while a burst is waiting, and half as many
  // workers keep the number in flight at the configured concurrency.
  const work = {
    localConcurrency: Math.max(1, Math.ceil(options.concurrency / 2)),
    batchSize: 2,
    burstWhenBatchFull: true,
    pollingIntervalSeconds: options.pollSeconds,
  };
  for (const network of networkIds) {
    if (deps.publishers[network]) await boss.work<{ deliveryId: string }>(publishQueue(network), work, handleNetwork(network));
  }
  await boss.work<{ deliveryId: string }>(CHECK_STATUS_QUEUE, work, handle);

  let running: Promise<unknown> | null = null;
  const pass = (staleAfterMs: number) => {
    // One pass at a time per process; a slow pass is not stacked with the next.
    if (running) return running;
    running = reconcile(deps, { staleAfterMs })
      .catch((err: unknown) => deps.logger.error({ err }, 'publishing reconcile failed'))
      .finally(() => {
        running = null;
      });
    return running;
  };
  // At start everything overdue is woken at once: posts due while Herald was down go out now.
  await pass(0);
  const intervalMs = options.reconcileSeconds * 1000;
  const timer = setInterval(() => void pass(Math.max(2 * intervalMs, 5_000)), intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
    await slots.close();
  };
}
